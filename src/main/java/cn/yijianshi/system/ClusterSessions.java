package cn.yijianshi.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP sessions shared by every node: Spring Session JDBC keeps them in SPRING_SESSION* (made by Flyway;
 * save and flush modes in application.yaml), {@link SessionCleanup} deletes the expired ones, and
 * {@link SessionAttributeWrites} keeps Camunda's web apps from rewriting an unchanged login on every request.
 */
@Configuration
public class ClusterSessions {

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
