package cn.yijianshi.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yijianshi.system.MysqlTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every group's visibility as in {@link GroupTaskVisibilityTest}, on MariaDB with Tasklist's indexes in place
 * (the grants' index among them): the indexes change how fast the engine finds a grant, never which tasks anyone
 * lists, counts, claims or completes.
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
        "yijianshi.sla.case-watch-enabled=false",
        "yijianshi.demo-users=true"})
class MysqlGroupTaskVisibilityTest extends GroupTaskVisibilityTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tasklistsIndexesAreInPlaceOnCamundasTables() {
        assertThat(jdbc.queryForList("SELECT DISTINCT UPPER(INDEX_NAME) FROM information_schema.statistics "
                + "WHERE table_schema = DATABASE() AND INDEX_NAME LIKE 'YJS\\_IDX\\_%'", String.class))
                .contains("YJS_IDX_IDENT_LNK_GROUP_TASK", "YJS_IDX_TASK_DUE_PRIORITY", "YJS_IDX_AUTH_RESOURCE_GRANT");
    }
}
