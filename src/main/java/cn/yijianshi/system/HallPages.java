package cn.yijianshi.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Short addresses of the hall's own pages. */
@Configuration
public class HallPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/sla").setViewName("forward:/sla.html");
        registry.addViewController("/reports").setViewName("forward:/reports.html");
        registry.addViewController("/referrals").setViewName("forward:/referrals.html");
        registry.addViewController("/window").setViewName("forward:/window.html");
        registry.addViewController("/cases").setViewName("forward:/cases.html");
        registry.addViewController("/issues").setViewName("forward:/issues.html");
        registry.addViewController("/issues/{issueId}").setViewName("forward:/issue.html");
        registry.addViewController("/progress").setViewName("forward:/progress.html");
        registry.addViewController("/online").setViewName("forward:/online.html");
        registry.addViewController("/rate/window").setViewName("forward:/rate-window.html");
        registry.addViewController("/rate/{token}").setViewName("forward:/rate.html");
        registry.addViewController("/cases/{caseId}").setViewName("forward:/case.html");
        registry.addViewController("/cases/{caseId}/print/{paper}").setViewName("forward:/print.html");
        registry.addRedirectViewController("/", "/camunda/app/tasklist/");
    }
}
