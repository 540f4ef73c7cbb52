package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * {@link EngineRowsJoinedTest} on MariaDB, where the engine sends its statements as JDBC batches; and there a flush
 * sent in one round trip ({@link FlushInOneRoundTrip}): the same rows as Camunda's statements, and the same answer
 * when a statement in the middle fails.
 */
@MysqlHallTest
class MysqlEngineRowsJoinedTest extends EngineRowsJoinedTest {

    @Test
    void aFlushInOneRoundTripWritesTheRowsCamundasStatementsWrite() throws Exception {
        deployRowsCase();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", "张三 已审核");
        values.put("quotes", "O'Brien 说：\"可以\"; -- 不是注释\n'); drop table ACT_RU_TASK; --");
        values.put("backslashes", "C:\\材料\\身份证.jpg \\' \\\\");
        values.put("controls", "第一行\r\n第二行\t制表\u0000零\u001a结束");
        values.put("emoji", "满意 😀 👍");
        values.put("kind", "NORMAL");
        values.put("months", 360);
        values.put("balance", 139000L);
        values.put("index", 1.25);
        values.put("tiny", 1.0E-7);
        values.put("approved", true);
        values.put("rejected", false);
        values.put("nothing", null);
        values.put("due", java.util.Date.from(Instant.parse("2026-03-02T01:00:00.789Z")));
        // an instant with milliseconds: the database keeps what Camunda's own statements keep of them
        Instant at = Instant.parse("2026-03-02T02:00:00.456Z");

        List<List<List<Object>>> camundas;
        long before;
        try {
            FlushInOneRoundTrip.enabled = false;
            before = flushesInOneRoundTrip();
            camundas = runCase("CASE-FR1", values, true, at);
            assertThat(flushesInOneRoundTrip()).as("Camunda's statements, one round trip each").isEqualTo(before);
        } finally {
            FlushInOneRoundTrip.enabled = true;
        }
        before = flushesInOneRoundTrip();
        long wentBack = ServerCounters.flushesSentAgain(dataSource);
        List<List<List<Object>>> inOneTrip = runCase("CASE-FR2", values, true, at);
        assertThat(flushesInOneRoundTrip() - before).as("flushes sent in one round trip").isGreaterThanOrEqualTo(3);
        // a value the database could not read in the text (a quote left unescaped) sends the flush back Camunda's way
        assertThat(ServerCounters.flushesSentAgain(dataSource)).as("flushes sent again Camunda's way").isEqualTo(wentBack);

        assertThat(camundas.get(0)).as("variables").hasSize(values.size() + 1);
        assertThat(camundas.get(0).toString()).contains("drop table ACT_RU_TASK", "😀", "C:\\材料");
        for (int table = 0; table < camundas.size(); table++) {
            assertThat(inOneTrip.get(table)).as("table %d", table).isEqualTo(camundas.get(table));
        }
        assertThat(count("select count(*) from ACT_RU_TASK where PROC_INST_ID_ in "
                + "(select ID_ from ACT_RU_EXECUTION where BUSINESS_KEY_ = ?)", "CASE-FR2")).isZero();
    }

    @Test
    void aValueWrittenToEndTheStatementAndStartAnotherTravelsInTheOneRoundTripAsText() throws Exception {
        var engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        String sly = "O'Brien \\' \\\\'); INSERT INTO ACT_GE_PROPERTY (NAME_, VALUE_, REV_) VALUES ('fr-sly.injected', 'x', 1); -- ";
        long trips = flushesInOneRoundTrip();
        long wentBack = ServerCounters.flushesSentAgain(dataSource);
        try {
            engine.getCommandExecutorTxRequired().execute(context -> {
                for (int i = 0; i < FlushInOneRoundTrip.AT_LEAST; i++) {
                    context.getDbEntityManager().insert(new PropertyEntity("fr-sly." + i, sly));
                }
                return null;
            });
            assertThat(flushesInOneRoundTrip() - trips).as("sent in one round trip").isEqualTo(1);
            assertThat(ServerCounters.flushesSentAgain(dataSource)).as("not sent again Camunda's way").isEqualTo(wentBack);
            for (int i = 0; i < FlushInOneRoundTrip.AT_LEAST; i++) {
                assertThat(engine.getManagementService().getProperties()).containsEntry("fr-sly." + i, sly);
            }
            assertThat(engine.getManagementService().getProperties()).doesNotContainKey("fr-sly.injected");
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from ACT_GE_PROPERTY where NAME_ like 'fr-sly.%'");
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
        }
    }

    @Test
    void aStatementThatFailsInTheMiddleFailsTheCommandAsCamundasStatementsDo() throws Exception {
        Throwable camundas;
        try {
            FlushInOneRoundTrip.enabled = false;
            camundas = failInTheMiddle("fr-stock");
        } finally {
            FlushInOneRoundTrip.enabled = true;
        }
        long before = flushesInOneRoundTrip();
        Throwable inOneTrip = failInTheMiddle("fr-trip");
        assertThat(flushesInOneRoundTrip() - before).as("sent in one round trip").isEqualTo(1);

        assertThat(inOneTrip).isExactlyInstanceOf(camundas.getClass());
        assertThat(inOneTrip.getMessage()).isEqualTo(camundas.getMessage());
        assertThat(org.assertj.core.util.Throwables.getRootCause(inOneTrip)).isExactlyInstanceOf(
                org.assertj.core.util.Throwables.getRootCause(camundas).getClass()).hasMessageContaining("Duplicate entry 'schema.version'");
        for (String group : List.of("fr-stock", "fr-trip")) {
            assertThat(count("select count(*) from ACT_RU_AUTHORIZATION where GROUP_ID_ = ?", group))
                    .as("nothing of the command stays").isZero();
            assertThat(count("select count(*) from ACT_GE_PROPERTY where NAME_ = ?", group + ".before")).isZero();
        }
    }

    @Test
    void aRowGoneMeanwhileFailsTheFlushInOneRoundTripAsAConcurrentChange() throws Exception {
        var engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        deployments.add(repositoryService.createDeployment().addModelInstance("gone.bpmn",
                Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent("Start_Received")
                        .userTask("Task_Approve").endEvent("End_Done").done()).deploy().getId());
        String instance = runtimeService.startProcessInstanceByKey(KEY, "CASE-FR3").getId();
        long before = flushesInOneRoundTrip();
        assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(context -> {
            var execution = context.getExecutionManager().findExecutionById(instance);
            endElsewhere(instance); // another transaction ends the case meanwhile
            execution.setVariablesLocal(Map.of("months", 360, "decision", "APPROVE"));
            context.getDbEntityManager().insert(property("fr-gone.a"));
            context.getDbEntityManager().insert(grant("fr-gone"));
            return null;
        })).isInstanceOf(OptimisticLockingException.class);
        assertThat(flushesInOneRoundTrip() - before).as("sent in one round trip").isEqualTo(1);
        assertThat(count("select count(*) from ACT_GE_PROPERTY where NAME_ = ?", "fr-gone.a")).isZero();
    }

    /** A command whose flush breaks the properties' key after writing a grant and two properties. */
    private Throwable failInTheMiddle(String who) {
        var engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        Throwable[] failure = new Throwable[1];
        try {
            engine.getCommandExecutorTxRequired().execute(context -> {
                context.getDbEntityManager().insert(grant(who));
                context.getDbEntityManager().insert(property(who + ".before"));
                context.getDbEntityManager().insert(property(who + ".also"));
                context.getDbEntityManager().insert(new PropertyEntity("schema.version", "taken"));
                return null;
            });
        } catch (RuntimeException e) {
            failure[0] = e;
        }
        assertThat(failure[0]).as("the duplicate property fails the command").isNotNull();
        return failure[0];
    }

    private static PropertyEntity property(String name) {
        return new PropertyEntity(name, "1");
    }

    private static org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity grant(String group) {
        return readGrant(group, "fr-task-" + group);
    }

    private long flushesInOneRoundTrip() throws Exception {
        return ServerCounters.flushesInOneRoundTrip(dataSource);
    }
}
