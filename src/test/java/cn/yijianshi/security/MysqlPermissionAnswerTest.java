package cn.yijianshi.security;

import cn.yijianshi.system.MysqlTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link PermissionAnswerTest} on MariaDB: the grant rows read there (Camunda's tables in utf8mb4_bin, Tasklist's
 * grant index in place) give the same answers as Camunda's own SQL.
 */
@MysqlTests
@ActiveProfiles("mysql")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + MysqlTests.URL,
        "spring.datasource.username=root",
        "spring.datasource.password=",
        "camunda.bpm.job-execution.enabled=false",
        "yijianshi.outbox.relay-enabled=false",
        "yijianshi.sla.case-watch-enabled=false"})
class MysqlPermissionAnswerTest extends PermissionAnswerTest {

    @Override
    protected int rounds() {
        return 40;
    }
}
