package cn.yijianshi.system;

import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The web apps' own engine API (/camunda/api/engine/*, what Tasklist and Cockpit call) with
 * {@link EngineRestProblems}. The Camunda starter registers this Jersey servlet as "Engine Api" unless a
 * servlet of that name exists; this registers it first, the same way (Jersey's ServletContainer, same path),
 * with Camunda's {@link EngineRestApplication} plus our mappers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebappEngineApi implements ServletContextInitializer {

    static final String SERVLET_NAME = "Engine Api";

    private final CamundaBpmProperties camunda;

    public WebappEngineApi(CamundaBpmProperties camunda) {
        this.camunda = camunda;
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        if (servletContext.getServletRegistration(SERVLET_NAME) != null) {
            return;
        }
        ServletRegistration.Dynamic servlet = servletContext.addServlet(SERVLET_NAME, ServletContainer.class);
        servlet.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        servlet.setInitParameter("jakarta.ws.rs.Application", HallEngineRestApplication.class.getName());
    }

    /** Camunda's engine API application for the web apps, with the hall's error answers. */
    public static class HallEngineRestApplication extends EngineRestApplication {
        @Override
        public Set<Class<?>> getClasses() {
            Set<Class<?>> classes = new HashSet<>(super.getClasses());
            classes.addAll(EngineRestProblems.MAPPERS);
            return classes;
        }
    }
}
