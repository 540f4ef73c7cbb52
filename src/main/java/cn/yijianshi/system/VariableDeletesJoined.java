package cn.yijianshi.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbBulkOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbEntityOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationManager;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationType;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda deletes each variable with a statement of its own ({@code DELETE FROM ACT_RU_VARIABLE WHERE ID_ = ? AND
 * REV_ = ?}): when a case ends, all of its variables (25 statements at the end of a retirement case). Here the
 * variables one command deletes go in one statement (up to {@value #AT_MOST} each), in the same place of the flush
 * (after the variables' other changes, before their byte arrays and the executions they belong to), with the same
 * revision checks: each variable goes only at the revision this command read, and if fewer rows go than it names
 * (another transaction changed or removed one meanwhile) the command fails with Camunda's
 * {@code OptimisticLockingException}, as the statements one by one would, and rolls back. A variable added
 * meanwhile is not named, so it stays, and deleting its execution fails on the foreign key as before.
 */
@Component
public class VariableDeletesJoined extends AbstractProcessEnginePlugin {

    static final String STATEMENT = "cn.yijianshi.system.VariableDeletesJoined.deleteVariables";
    /** Variables per statement: two parameters each, far below any driver's limit. */
    static final int AT_MOST = 200;
    private static final String MAPPING = "cn/yijianshi/system/VariableDeletesJoined.xml";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new EntityManagers(configuration));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (mybatis.hasStatement(STATEMENT, false)) {
            return; // a shared session factory has it already
        }
        try (InputStream mapping = VariableDeletesJoined.class.getClassLoader().getResourceAsStream(MAPPING)) {
            new XMLMapperBuilder(mapping, mybatis, MAPPING, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new ProcessEngineException("could not read " + MAPPING, e);
        }
    }

    /** Camunda's entity manager, with {@link Operations}. */
    static class EntityManagers implements SessionFactory {
        private final ProcessEngineConfigurationImpl configuration;

        EntityManagers(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public Class<?> getSessionType() {
            return DbEntityManager.class;
        }

        @Override
        public Session openSession() {
            return new EntityManager(configuration.getIdGenerator(),
                    Context.getCommandContext().getSession(PersistenceSession.class));
        }
    }

    static class EntityManager extends DbEntityManager {
        EntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
            super(idGenerator, persistenceSession);
        }

        @Override
        protected void initializeOperationManager() {
            dbOperationManager = new Operations();
        }

        /**
         * After Camunda's flush: a joined delete that removed fewer rows than it named is a concurrent change. When
         * the flush failed on a later statement (deleting the execution such a variable still belongs to fails on its
         * foreign key), that conflict is still what happened first, and what Camunda reports: its own deletes one by
         * one would have found the changed variable before the execution.
         */
        @Override
        protected void flushDbOperations(List<DbOperation> operations, List<DbOperation> allOperations) {
            try {
                super.flushDbOperations(operations, allOperations);
            } catch (ProcessEngineException failure) {
                OptimisticLockingException conflict = conflictIn(operations);
                if (conflict != null) {
                    conflict.addSuppressed(failure);
                    throw conflict;
                }
                throw failure;
            }
            OptimisticLockingException conflict = conflictIn(operations);
            if (conflict != null) {
                throw conflict;
            }
        }

        private static OptimisticLockingException conflictIn(List<DbOperation> operations) {
            for (DbOperation operation : operations) {
                // a driver may answer a batched statement with "done, count unknown" (negative): nothing to check then
                if (operation instanceof JoinedDelete delete && delete.getState() == DbOperation.State.APPLIED
                        && delete.getRowsAffected() >= 0 && delete.getRowsAffected() != delete.variables()) {
                    return LOG.concurrentUpdateDbEntityException(delete);
                }
            }
            return null;
        }
    }

    /** Camunda's order of operations, with the variable deletes of a flush made one. */
    static class Operations extends DbOperationManager {
        @Override
        public List<DbOperation> calculateFlush() {
            joinVariableDeletes();
            return super.calculateFlush();
        }

        void joinVariableDeletes() {
            SortedSet<DbEntityOperation> variableDeletes = deletes.get(VariableInstanceEntity.class);
            if (variableDeletes == null || variableDeletes.size() < 2) {
                return;
            }
            List<VariableInstanceEntity> variables = new ArrayList<>();
            for (DbEntityOperation operation : variableDeletes) {
                variables.add((VariableInstanceEntity) operation.getEntity());
            }
            deletes.remove(VariableInstanceEntity.class);
            for (int from = 0; from < variables.size(); from += AT_MOST) {
                addOperation(new JoinedDelete(variables.subList(from, Math.min(variables.size(), from + AT_MOST))));
            }
        }
    }

    /** One statement for several variables, each at the revision this command read. */
    static class JoinedDelete extends DbBulkOperation {
        private final int variables;

        JoinedDelete(List<VariableInstanceEntity> variables) {
            super(DbOperationType.DELETE_BULK, VariableInstanceEntity.class, STATEMENT, List.copyOf(variables));
            this.variables = variables.size();
        }

        int variables() {
            return variables;
        }
    }
}
