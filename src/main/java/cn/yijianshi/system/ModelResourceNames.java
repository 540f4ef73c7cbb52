package cn.yijianshi.system;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The engine as the Camunda starter makes it, with one difference: a model deployed from the classpath is named by its
 * path under the classpath ({@code processes/retirement/matter.json}, {@code forms/unemployment/intake.form}), where
 * Spring's engine names one inside a jar by its file name alone. Every matter has a {@code matter.json} and most an
 * {@code intake.form}: by file name they would overwrite each other in the deployment, and the packaged application
 * would run one matter. Names no longer depend on where the build ran, either.
 */
@Configuration
public class ModelResourceNames {

    @Bean
    public ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins) {
        SpringProcessEngineConfiguration configuration = CamundaSpringBootUtil.initCustomFields(new ByClasspathPath());
        configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
        return configuration;
    }

    static final class ByClasspathPath extends SpringProcessEngineConfiguration {
        @Override
        protected String getFileResourceName(Resource resource) {
            return nameOf(resource).orElseGet(() -> super.getFileResourceName(resource));
        }
    }

    /** The path from the model folder on ({@code processes/...}, {@code forms/...}), whatever the resource's URL. */
    static java.util.Optional<String> nameOf(Resource resource) {
        try {
            String url = resource.getURL().toString();
            int at = Math.max(url.lastIndexOf("/processes/"), url.lastIndexOf("/forms/"));
            return at < 0 ? java.util.Optional.empty() : java.util.Optional.of(url.substring(at + 1));
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }
}
