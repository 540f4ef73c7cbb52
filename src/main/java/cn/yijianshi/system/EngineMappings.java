package cn.yijianshi.system;

import java.io.IOException;
import java.io.InputStream;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** The hall's own statements added to the engine's MyBatis configuration, beside Camunda's, once. */
public final class EngineMappings {

    private EngineMappings() {
    }

    /**
     * Reads the mapper {@code resource} (a class-path XML file) into the engine's MyBatis, unless {@code statement},
     * one of its statements, is there already (an engine sharing another's session factory); true when it was read.
     */
    public static boolean addOnce(ProcessEngineConfigurationImpl configuration, String resource, String statement) {
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (mybatis.hasStatement(statement, false)) {
            return false;
        }
        try (InputStream mapping = EngineMappings.class.getClassLoader().getResourceAsStream(resource)) {
            new XMLMapperBuilder(mapping, mybatis, resource, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new ProcessEngineException("could not read " + resource, e);
        }
        return true;
    }
}
