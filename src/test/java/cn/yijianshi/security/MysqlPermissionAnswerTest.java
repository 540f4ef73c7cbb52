package cn.yijianshi.security;

import cn.yijianshi.system.MysqlHallTest;

/**
 * {@link PermissionAnswerTest} on MariaDB: the grant rows read there (Camunda's tables in utf8mb4_bin, Tasklist's
 * grant index in place) give the same answers as Camunda's own SQL.
 */
@MysqlHallTest
class MysqlPermissionAnswerTest extends PermissionAnswerTest {

    @Override
    protected int rounds() {
        return 40;
    }
}
