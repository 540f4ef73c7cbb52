package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yijianshi.HallIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The hall's engine evaluates its decisions with the FEEL engine that parses each text once (the plugin took effect). */
@HallIntegrationTest
class FeelParsedOnceInTheHallTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void theHallsDecisionsUseTheFeelEngineThatParsesOnce() throws Exception {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(FeelParsedOnceTest.parsing(configuration.getDmnEngineConfiguration().getFeelEngine()))
                .isInstanceOf(FeelParsedOnce.ParsingOnce.class);
    }
}
