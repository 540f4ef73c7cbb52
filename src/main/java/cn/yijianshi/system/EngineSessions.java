package cn.yijianshi.system;

import java.util.ArrayList;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** Camunda's managers (task, variable, authorization ...) opened in every command as the hall's own subclasses. */
public final class EngineSessions {

    private EngineSessions() {
    }

    /** From the engine's start on, each command opens Camunda's manager {@code type} as {@code manager} makes it. */
    public static void open(ProcessEngineConfigurationImpl configuration, Class<?> type, Supplier<Session> manager) {
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new Factory(type, manager));
    }

    private record Factory(Class<?> type, Supplier<Session> manager) implements SessionFactory {
        @Override
        public Class<?> getSessionType() {
            return type;
        }

        @Override
        public Session openSession() {
            return manager.get();
        }
    }
}
