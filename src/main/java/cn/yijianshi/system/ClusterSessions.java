package cn.yijianshi.system;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * HTTP sessions shared by every node: Spring Session JDBC keeps them in SPRING_SESSION* (made by Flyway;
 * save and flush modes in application.yaml), {@link SessionCleanup} deletes the expired ones, and
 * {@link SessionAttributeWrites} keeps Camunda's web apps from rewriting an unchanged login on every request,
 * and {@link SessionTouches} keeps a request's new access time from being written more than once a minute.
 */
@Configuration
public class ClusterSessions {

    /**
     * Spring Session's JDBC repository, as Spring Boot makes it, wrapped so that access times are written at most
     * once per {@code yijianshi.session.touch-interval} ({@link SessionTouches}). Wrapping the bean keeps Boot's
     * own configuration of it (table, save and flush modes), which a repository bean of ours would switch off.
     */
    @Bean
    static BeanPostProcessor sessionTouchesAroundJdbcSessions(Environment environment) {
        Duration touchInterval = environment.getProperty("yijianshi.session.touch-interval", Duration.class, Duration.ofMinutes(1));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository jdbc ? new SessionTouches(jdbc, touchInterval) : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<SessionAttributeWrites> sessionAttributeWrites() {
        FilterRegistrationBean<SessionAttributeWrites> registration = new FilterRegistrationBean<>(new SessionAttributeWrites());
        registration.addUrlPatterns("/camunda/*");
        // After Spring Session's filter (first of all) and Spring Security's (-100); Camunda's own filters,
        // registered without an order, come after it.
        registration.setOrder(0);
        return registration;
    }
}
