package cn.yijianshi.system;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** The engine's selects, by their statement's short name ("selectProcessDefinition"), while a test reads them. */
public final class EngineReads {

    private static final List<String> READS = new CopyOnWriteArrayList<>();
    private static final Set<Configuration> WATCHED = Collections.newSetFromMap(new IdentityHashMap<>());
    private static volatile boolean reading;

    private EngineReads() {
    }

    @Intercepts(@Signature(type = Executor.class, method = "query",
            args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
    private static final class Reads implements Interceptor {
        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            if (reading) {
                String id = ((MappedStatement) invocation.getArgs()[0]).getId();
                READS.add(id.substring(id.lastIndexOf('.') + 1));
            }
            return invocation.proceed();
        }
    }

    /** Watches the engine's MyBatis (once per engine) and forgets what was read. */
    public static synchronized void watch(ProcessEngine engine) {
        Configuration mybatis = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getSqlSessionFactory().getConfiguration();
        if (WATCHED.add(mybatis)) {
            mybatis.addInterceptor(new Reads());
        }
        stop();
        READS.clear();
    }

    /** From now on, until {@link #stop}, anew. */
    public static void start() {
        READS.clear();
        reading = true;
    }

    /** What was read since {@link #start}, in order. */
    public static List<String> stop() {
        reading = false;
        return List.copyOf(READS);
    }
}
