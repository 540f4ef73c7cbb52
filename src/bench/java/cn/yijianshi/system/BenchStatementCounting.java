package cn.yijianshi.system;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In the bench only: the hall's pool goes through {@link StatementLog}, so the bench can count the statements
 * each timed case sends. The product's pool is never wrapped.
 */
@Component
@Profile("bench")
public class BenchStatementCounting implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource pool && "dataSource".equals(beanName)) {
            return StatementLog.around("hall", pool);
        }
        return bean;
    }
}
