package cn.yijianshi.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.executor.keygen.NoKeyGenerator;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.reflection.property.PropertyTokenizer;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
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
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.HasDbReferences;
import org.camunda.bpm.engine.impl.db.HasDbRevision;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionOutputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.util.ExceptionUtil;
import org.springframework.stereotype.Component;

/**
 * Camunda writes each row with a statement of its own: a case's start inserts 14 variables and their 7 histories one
 * by one, its end deletes its 25 variables one by one ({@code DELETE FROM ACT_RU_VARIABLE WHERE ID_ = ? AND REV_ =
 * ?}), a decision writes each input and output apart. Here the rows of one kind that one flush writes go in one
 * statement (up to {@value #AT_MOST} each): new executions, tasks, candidate links, grants and variables, deleted
 * variables, and the history of variables, activities, tasks and decisions' inputs and outputs; in the place of the
 * flush where Camunda puts them (after the executions and byte arrays they refer to; deletes after the variables'
 * other changes, before their byte arrays and executions), with the same columns and values, and the same checks:
 * <ul>
 * <li>a delete names each variable at the revision this command read; if fewer rows go than it names (another
 * transaction changed or removed one meanwhile) the command fails with Camunda's {@code OptimisticLockingException}
 * and rolls back, as the statements one by one would. A variable added meanwhile is not named, so it stays, and
 * deleting its execution fails on the foreign key as before.</li>
 * <li>an insert of executions, tasks, candidate links or variables that breaks the variables' one-name-per-scope
 * constraint, or a foreign key to a row that is gone (another transaction set the same variable, or ended the
 * execution, meanwhile; looked up as Camunda does), fails with {@code OptimisticLockingException} too; any other
 * failure, or one that came earlier in the flush, is reported as Camunda reports it.</li>
 * <li>rows inserted together have revision 1 afterwards, as Camunda's own insert leaves them.</li>
 * </ul>
 * A single row stays Camunda's own statement. Only on H2, MySQL and MariaDB, where it was tested.
 */
@Component
public class EngineRowsJoined extends AbstractProcessEnginePlugin {

    static final String DELETE_VARIABLES = "cn.yijianshi.system.EngineRowsJoined.deleteVariables";
    static final String INSERT_VARIABLES = "cn.yijianshi.system.EngineRowsJoined.insertVariables";
    static final String INSERT_HISTORIC_VARIABLES = "cn.yijianshi.system.EngineRowsJoined.insertHistoricVariables";
    /** The inserts joined, by the entity Camunda inserts (its own statement for a single row). */
    static final Map<Class<?>, String> INSERTS = Map.of(
            VariableInstanceEntity.class, INSERT_VARIABLES,
            HistoricVariableInstanceEntity.class, INSERT_HISTORIC_VARIABLES,
            HistoricActivityInstanceEventEntity.class, "cn.yijianshi.system.EngineRowsJoined.insertHistoricActivityInstances",
            HistoricTaskInstanceEventEntity.class, "cn.yijianshi.system.EngineRowsJoined.insertHistoricTaskInstances",
            HistoricDecisionInputInstanceEntity.class, "cn.yijianshi.system.EngineRowsJoined.insertHistoricDecisionInputs",
            HistoricDecisionOutputInstanceEntity.class, "cn.yijianshi.system.EngineRowsJoined.insertHistoricDecisionOutputs",
            ExecutionEntity.class, "cn.yijianshi.system.EngineRowsJoined.insertExecutions",
            TaskEntity.class, "cn.yijianshi.system.EngineRowsJoined.insertTasks",
            IdentityLinkEntity.class, "cn.yijianshi.system.EngineRowsJoined.insertIdentityLinks",
            AuthorizationEntity.class, "cn.yijianshi.system.EngineRowsJoined.insertAuthorizations");
    /** Inserts whose rows refer to others: a broken foreign key means one of those went meanwhile. */
    private static final java.util.Set<Class<?>> REFERRING = java.util.Set.of(VariableInstanceEntity.class,
            ExecutionEntity.class, TaskEntity.class, IdentityLinkEntity.class);
    private static final String TEMPLATES = "cn.yijianshi.system.EngineRowsJoinedTemplates";
    private static final List<String> STATEMENTS = java.util.stream.Stream.concat(java.util.stream.Stream.of(DELETE_VARIABLES),
            INSERTS.values().stream()).toList();
    /** Off only in tests that compare the rows with Camunda's own statements'. */
    static volatile boolean joining = true;
    /** Rows per statement: at most 27 parameters each, far below H2's and MySQL's limits (65,535). */
    static final int AT_MOST = 100;
    /** Outside cn/yijianshi, where the application's own MyBatis reads its mappers. */
    private static final String MAPPING = "camunda-mappings/EngineRowsJoined.xml";
    /** The databases whose multi-row statements and batch answers this was tested on (H2, MySQL, MariaDB). */
    private static final java.util.Set<String> TESTED_ON = java.util.Set.of("h2", "mysql", "mariadb");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new EntityManagers(configuration));
    }

    /** Whether this engine's database is one the joined statements were tested on; Camunda's own statements otherwise. */
    static boolean joins(ProcessEngineConfigurationImpl configuration) {
        return configuration.getDatabaseType() != null && TESTED_ON.contains(configuration.getDatabaseType());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!EngineMappings.addOnce(configuration, MAPPING, DELETE_VARIABLES)) {
            return; // a shared session factory has it already
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        // each joined statement: its template's SQL, made once per number of rows (MyBatis would rebuild and re-parse
        // the SQL of a <foreach> at every execution, a sixth of a case's time in the JVM)
        for (String statement : STATEMENTS) {
            MappedStatement template = mybatis.getMappedStatement(TEMPLATES + statement.substring(statement.lastIndexOf('.')));
            mybatis.addMappedStatement(new MappedStatement.Builder(mybatis, statement,
                    new SameShapes(mybatis, template.getSqlSource()), template.getSqlCommandType())
                    .resource(MAPPING).keyGenerator(NoKeyGenerator.INSTANCE).flushCacheRequired(true).build());
        }
    }

    /**
     * A statement with one {@code <foreach>} over its rows: its SQL and parameters depend only on how many rows, so
     * they are made by MyBatis once per count and reused, with each row bound where MyBatis bound it the first time.
     */
    static final class SameShapes implements SqlSource {
        private final Configuration configuration;
        private final SqlSource template;
        private final Map<Integer, Shape> shapes = new java.util.concurrent.ConcurrentHashMap<>();

        private record Shape(String sql, List<ParameterMapping> parameters, List<String> rowNames) {
        }

        SameShapes(Configuration configuration, SqlSource template) {
            this.configuration = configuration;
            this.template = template;
        }

        @Override
        public BoundSql getBoundSql(Object parameter) {
            List<?> rows = parameter instanceof Map<?, ?> named ? (List<?>) named.get("list") : (List<?>) parameter;
            Shape shape = shapes.get(rows.size());
            if (shape == null) {
                BoundSql first = template.getBoundSql(parameter);
                List<String> rowNames = rowNames(first, rows);
                if (rowNames != null) {
                    shapes.putIfAbsent(rows.size(), new Shape(first.getSql(), List.copyOf(first.getParameterMappings()), rowNames));
                }
                return first;
            }
            BoundSql bound = new BoundSql(configuration, shape.sql(), shape.parameters(), parameter);
            for (int i = 0; i < rows.size(); i++) {
                bound.setAdditionalParameter(shape.rowNames().get(i), rows.get(i));
            }
            return bound;
        }

        /** The name MyBatis bound each row to, by position; null if some row has none (then nothing is reused). */
        private static List<String> rowNames(BoundSql bound, List<?> rows) {
            String[] names = new String[rows.size()];
            for (ParameterMapping mapping : bound.getParameterMappings()) {
                String name = new PropertyTokenizer(mapping.getProperty()).getName();
                if (bound.hasAdditionalParameter(name)) {
                    Object row = bound.getAdditionalParameter(name);
                    for (int i = 0; i < names.length; i++) {
                        if (rows.get(i) == row) {
                            names[i] = name;
                        }
                    }
                }
            }
            return java.util.Arrays.asList(names).contains(null) ? null : List.of(names);
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
            PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
            return joins(configuration) ? new EntityManager(configuration.getIdGenerator(), persistence)
                    : new DbEntityManager(configuration.getIdGenerator(), persistence);
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
         * Camunda's check of a new row's id, without the message it builds before checking: it writes out the whole
         * entity ({@code "Entity " + dbEntity + " has an invalid id"}, dates included) for every row a command inserts
         * (1.6 % of our timed thread's samples in the bench's profile). An id that fails goes to Camunda's own check,
         * which refuses it with its own message.
         */
        @Override
        protected void validateId(DbEntity dbEntity) {
            String id = dbEntity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(dbEntity);
            }
        }

        /**
         * After Camunda's flush: a conflict in a joined statement ({@link #conflictIn}) is reported as Camunda reports
         * its own, even when the flush then failed on a later statement (deleting the execution a changed variable
         * still belongs to fails on its foreign key): Camunda's deletes one by one would have found the changed
         * variable first. Rows inserted together then get the revision Camunda's insert gives a row.
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
            for (DbOperation operation : operations) {
                // what Camunda's insert does for each row it wrote (entityInsertPerformed): its revision is now 1
                if (operation instanceof JoinedRows joined && joined.inserts() && joined.getState() == DbOperation.State.APPLIED) {
                    for (Object row : (List<?>) joined.getParameter()) {
                        if (row instanceof HasDbRevision revisioned) {
                            revisioned.setRevision(1);
                        }
                    }
                }
            }
        }

        /**
         * The conflict Camunda would report first: a joined statement that changed fewer rows than it named, or a
         * joined insert that broke a foreign key to a row that is gone (Camunda's own test: it looks the referenced
         * rows up) or a variable's one-name-per-scope constraint; none if another statement failed before it.
         */
        private OptimisticLockingException conflictIn(List<DbOperation> operations) {
            for (DbOperation operation : operations) {
                if (!(operation instanceof JoinedRows joined)) {
                    if (operation.isFailed()) {
                        return null; // Camunda's own answer for the first failure stands
                    }
                    continue;
                }
                boolean fewerRows = joined.getState() == DbOperation.State.APPLIED && joined.getRowsAffected() != joined.rows();
                if (fewerRows || (joined.getState() == DbOperation.State.FAILED_ERROR && insertConflict(joined))) {
                    return LOG.concurrentUpdateDbEntityException(joined);
                }
                if (joined.isFailed()) {
                    return null;
                }
            }
            return null;
        }

        private boolean insertConflict(JoinedRows joined) {
            if (!joined.inserts() || !REFERRING.contains(joined.getEntityType())
                    || !(joined.getFailure() instanceof org.apache.ibatis.exceptions.PersistenceException failure)) {
                return false;
            }
            if (ExceptionUtil.checkVariableIntegrityViolation(failure)) {
                return true;
            }
            if (!ExceptionUtil.checkForeignKeyConstraintViolation(failure)) {
                return false;
            }
            for (Object row : (List<?>) joined.getParameter()) {
                if (row instanceof HasDbReferences referring) {
                    for (Map.Entry<String, Class> reference : referring.getReferencedEntitiesIdAndClass().entrySet()) {
                        @SuppressWarnings("unchecked")
                        Class<? extends DbEntity> type = reference.getValue();
                        if (persistenceSession.selectById(type, reference.getKey()) == null) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    /** Camunda's order of operations, with the rows of one kind a flush writes joined where the first of them was. */
    static class Operations extends DbOperationManager {
        @Override
        public List<DbOperation> calculateFlush() {
            return joining ? joined(super.calculateFlush()) : super.calculateFlush();
        }

        static List<DbOperation> joined(List<DbOperation> flush) {
            List<DbOperation> result = new ArrayList<>(flush.size());
            for (int i = 0; i < flush.size(); ) {
                String statement = joinedStatement(flush.get(i));
                int end = i + 1;
                // one statement is for one entity class, so the same statement means rows of one kind
                while (statement != null && end < flush.size() && statement.equals(joinedStatement(flush.get(end)))) {
                    end++;
                }
                if (statement == null || end - i < 2) {
                    result.addAll(flush.subList(i, end));
                } else {
                    List<DbEntity> rows = new ArrayList<>();
                    flush.subList(i, end).forEach(o -> rows.add(((DbEntityOperation) o).getEntity()));
                    for (int from = 0; from < rows.size(); from += AT_MOST) {
                        result.add(new JoinedRows(statement, flush.get(i).getEntityType(),
                                rows.subList(from, Math.min(rows.size(), from + AT_MOST))));
                    }
                }
                i = end;
            }
            return result;
        }

        private static String joinedStatement(DbOperation operation) {
            if (!(operation instanceof DbEntityOperation entityOperation)) {
                return null;
            }
            Class<?> type = entityOperation.getEntity().getClass();
            return switch (operation.getOperationType()) {
                case INSERT -> INSERTS.get(type);
                case DELETE -> type == VariableInstanceEntity.class ? DELETE_VARIABLES : null;
                default -> null;
            };
        }
    }

    /**
     * One statement for several rows of one kind; run as a bulk operation, which gives back the rows it changed
     * (a delete names each variable at the revision this command read).
     */
    static class JoinedRows extends DbBulkOperation {
        JoinedRows(String statement, Class<? extends DbEntity> entityType, List<DbEntity> rows) {
            super(DELETE_VARIABLES.equals(statement) ? DbOperationType.DELETE_BULK : DbOperationType.UPDATE_BULK,
                    entityType, statement, List.copyOf(rows));
        }

        int rows() {
            return ((List<?>) getParameter()).size();
        }

        /** An insert (run as a bulk update, which gives back its rows), not the variables' delete. */
        boolean inserts() {
            return getOperationType() == DbOperationType.UPDATE_BULK;
        }
    }
}
