package cn.yijianshi.system;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * /engine-rest as the Camunda starter configures it, plus {@link EngineRestProblems}: Camunda's documented way
 * to add to its Jersey application is a bean extending {@link CamundaJerseyResourceConfig}.
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        registerClasses(EngineRestProblems.MAPPERS);
    }
}
