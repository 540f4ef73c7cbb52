package cn.yijianshi.sla;

import cn.yijianshi.system.MysqlHallTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The same sweeps on the production profile against the real MariaDB: two sweeps at once claim their batches with
 * {@code FOR UPDATE SKIP LOCKED} on InnoDB (READ COMMITTED, as the pool runs), each step told exactly once.
 */
@MysqlHallTest
@TestPropertySource(properties = "camunda.bpm.process-engine-name=mysql")
class MysqlSlaSweepTest extends SlaSweepTest {
}
