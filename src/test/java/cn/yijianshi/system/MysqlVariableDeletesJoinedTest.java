package cn.yijianshi.system;

/** {@link VariableDeletesJoinedTest} on MariaDB, where the engine sends its statements as JDBC batches. */
@MysqlHallTest
class MysqlVariableDeletesJoinedTest extends VariableDeletesJoinedTest {
}
