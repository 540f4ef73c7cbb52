package cn.yijianshi.points;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** /service-points: the registry page (服务网点管理); anyone logged in looks, administrators import. */
@Configuration
public class ServicePointsPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/service-points").setViewName("forward:/service-points.html");
    }
}
