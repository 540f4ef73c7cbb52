package cn.yijianshi.sla;

import cn.yijianshi.system.MysqlTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same sweeps on the production profile against the real MariaDB: two sweeps at once claim their batches with
 * {@code FOR UPDATE SKIP LOCKED} on InnoDB (READ COMMITTED, as the pool runs), each step told exactly once.
 */
@MysqlTests
@ActiveProfiles("mysql")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + MysqlTests.URL,
        "spring.datasource.username=root",
        "spring.datasource.password=",
        "camunda.bpm.process-engine-name=mysql",
        "camunda.bpm.job-execution.enabled=false",
        "yijianshi.outbox.relay-enabled=false",
        "yijianshi.sla.case-watch-enabled=false",
        "yijianshi.demo-users=true"})
class MysqlSlaSweepTest extends SlaSweepTest {
}
