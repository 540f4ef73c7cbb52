package cn.yijianshi.sla;

import cn.yijianshi.system.MysqlHallTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The same counts and lists on the production profile against the real MariaDB: an open step's holder read from its
 * engine task (a correlated look-up into ACT_RU_TASK) among 12,000 open records.
 */
@MysqlHallTest
@TestPropertySource(properties = "camunda.bpm.process-engine-name=mysql")
class MysqlSlaMonitorAtCityScaleTest extends SlaMonitorAtCityScaleTest {
}
