package cn.yijianshi.oversight;

import cn.yijianshi.system.MysqlHallTest;

/**
 * 催办, 转办 and 抄送 as in {@link TaskActionsApiTest}, on MariaDB: 抄送我的 reads each copied task's holder and end
 * from the engine's tables in the list's own statement, which must answer the same there as on H2.
 */
@MysqlHallTest
class MysqlTaskActionsApiTest extends TaskActionsApiTest {
}
