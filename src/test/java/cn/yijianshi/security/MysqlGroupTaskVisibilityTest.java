package cn.yijianshi.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yijianshi.system.MysqlHallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every group's visibility as in {@link GroupTaskVisibilityTest}, on MariaDB with Tasklist's indexes in place
 * (the grants' index among them): the indexes change how fast the engine finds a grant, never which tasks anyone
 * lists, counts, claims or completes.
 */
@MysqlHallTest
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
