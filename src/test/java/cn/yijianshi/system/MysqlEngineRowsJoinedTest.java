package cn.yijianshi.system;

/** {@link EngineRowsJoinedTest} on MariaDB, where the engine sends its statements as JDBC batches. */
@MysqlHallTest
class MysqlEngineRowsJoinedTest extends EngineRowsJoinedTest {
}
