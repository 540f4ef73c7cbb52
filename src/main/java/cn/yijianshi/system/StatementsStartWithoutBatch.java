package cn.yijianshi.system;

import java.sql.Connection;
import java.sql.Statement;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Every statement the engine prepares starts with an empty batch. On MySQL/MariaDB the pool's connections cache
 * their server-side prepared statements ({@code cachePrepStmts}, see application-mysql.yaml), and Connector/J 9.4
 * returns a statement to that cache with the rows of a batch that failed still in it (a flush that failed on a
 * foreign key, as when another transaction changed the case meanwhile). The engine's next flush on that connection
 * then received more results than it sent and failed with "More batch results than scheduled operations" instead
 * of going through. Clearing a statement's batch when MyBatis prepares it costs no round trip.
 */
@Component
public class StatementsStartWithoutBatch extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        var mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (mybatis.getInterceptors().stream().noneMatch(EmptyBatch.class::isInstance)) {
            mybatis.addInterceptor(new EmptyBatch());
        }
    }

    @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
    static class EmptyBatch implements Interceptor {
        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            Object prepared = invocation.proceed();
            if (prepared instanceof Statement statement) {
                statement.clearBatch();
            }
            return prepared;
        }
    }
}
