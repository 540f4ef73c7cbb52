package cn.yijianshi.system;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * A second, stock Camunda engine in the bench's JVM: its own database beside the hall's (same server, name plus
 * {@code _bare}; a second in-memory H2 on H2), history level FULL, authorization off, Camunda's defaults
 * otherwise, and one BPMN with the same six user tasks as a retirement case, no listeners, no forms. The bench
 * takes turns between a retirement case on the hall's engine and a bare case here, counting the statements of
 * each, so a lighter history level on our side counts for us, not for both.
 */
final class BareEngine implements AutoCloseable {

    static final String PROCESS = "bench-bare";

    private final HikariDataSource pool;
    private final ProcessEngine engine;

    private BareEngine(HikariDataSource pool, ProcessEngine engine) {
        this.pool = pool;
        this.engine = engine;
    }

    /** Starts the bare engine on a database beside the hall's pool's, with the same driver settings. */
    static BareEngine besides(DataSource hallPool, int userTasks) {
        HikariDataSource hall;
        try {
            hall = hallPool.unwrap(HikariDataSource.class);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the bench needs the hall's Hikari pool to start the bare engine beside it", e);
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(bareUrl(hall.getJdbcUrl()));
        pool.setUsername(hall.getUsername());
        pool.setPassword(hall.getPassword());
        if (hall.getDriverClassName() != null) {
            pool.setDriverClassName(hall.getDriverClassName());
        }
        pool.setDataSourceProperties(hall.getDataSourceProperties()); // the driver's statement cache, as the hall's
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED"); // Camunda 7.22+ refuses REPEATABLE READ
        pool.setMaximumPoolSize(4);
        pool.setPoolName("bare");
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bare");
        configuration.setDataSource(StatementLog.around("bare", pool));
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        ProcessEngine engine = configuration.buildProcessEngine();
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            engine.getRepositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn", model(userTasks)).deploy();
        }
        return new BareEngine(pool, engine);
    }

    /** The hall's database name plus _bare on MySQL/MariaDB (created if missing); a second in-memory H2 otherwise. */
    static String bareUrl(String hallUrl) {
        if (hallUrl.startsWith("jdbc:mysql:") || hallUrl.startsWith("jdbc:mariadb:")) {
            String url = hallUrl.replaceFirst("^(jdbc:[a-z]+://[^/]*/)([^?;]*)", "$1$2_bare");
            return url.contains("createDatabaseIfNotExist") ? url : url + (url.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true";
        }
        return "jdbc:h2:mem:bench_bare;DB_CLOSE_DELAY=-1";
    }

    /** One bare case, start to end, each task claimed and completed by a logged-in user as Tasklist would. */
    void runCase() {
        String key = "BARE-" + System.nanoTime();
        engine.getIdentityService().setAuthenticatedUserId("window1");
        try {
            StatementLog.phase("intake", () -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS, key));
            var tasks = engine.getTaskService();
            var open = openTasks(key);
            while (!open.isEmpty()) {
                for (var task : open) {
                    StatementLog.phase("claim", () -> tasks.claim(task.getId(), "window1"));
                    StatementLog.phase("complete", () -> tasks.complete(task.getId()));
                }
                open = openTasks(key);
            }
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private java.util.List<org.camunda.bpm.engine.task.Task> openTasks(String key) {
        return StatementLog.phase("task query", () -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).list());
    }

    private static BpmnModelInstance model(int userTasks) {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent();
        for (int i = 1; i <= userTasks; i++) {
            flow = flow.userTask("Bare_" + i).name("任务" + i).camundaCandidateGroups("window");
        }
        return flow.endEvent().done();
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }
}
