package cn.yijianshi.sla;

import cn.yijianshi.system.MysqlHallTest;
import org.springframework.test.context.TestPropertySource;

/** The same recompute on the production profile against the real MariaDB (batches, LIMIT, the OGNL). */
@MysqlHallTest
@TestPropertySource(properties = "camunda.bpm.process-engine-name=mysql")
class MysqlNoticeRecomputeTest extends NoticeRecomputeTest {
}
