package cn.yijianshi.sla;

import cn.yijianshi.system.MysqlTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The same recompute on the production profile against the real MariaDB (batches, LIMIT, the OGNL). */
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
class MysqlNoticeRecomputeTest extends NoticeRecomputeTest {
}
