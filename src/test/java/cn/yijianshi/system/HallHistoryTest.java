package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * The hall's history level keeps what the hall reads and drops what nobody reads; a database that ran with FULL
 * is moved onto it once at start, where Camunda alone would refuse to start.
 */
class HallHistoryTest {

    @Test
    void aCaseLeavesWhoDidWhatWhenAndWhatTheyEnteredButNotTheRoutesOrEveryIntermediateValue() {
        ProcessEngine engine = engine(newDatabase(), HallHistoryLevel.NAME, new HallHistory());
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("history.bpmn", Bpmn
                    .createExecutableProcess("Process_History").camundaHistoryTimeToLive(1).startEvent("Start_Received")
                    .serviceTask("Task_Prepare").camundaExpression("${execution.setVariable('prepared', 1)}")
                    .serviceTask("Task_PrepareAgain").camundaExpression("${execution.setVariable('prepared', 2)}")
                    .exclusiveGateway("Gateway_Ready").condition("就绪", "${prepared == 2}")
                    .userTask("Task_Review").camundaCandidateGroups("window")
                    .endEvent("End_Done").moveToLastGateway().condition("未就绪", "${prepared != 2}").endEvent("End_NotReady")
                    .done()).deploy();
            engine.getIdentityService().setAuthenticatedUserId("window1");
            String instance = engine.getRuntimeService().startProcessInstanceByKey("Process_History", "CASE-H1",
                    Map.of("caseId", "CASE-H1", "applicantName", "张三", "priority", "NORMAL")).getId();
            String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
            engine.getTaskService().claim(task, "window1");
            engine.getFormService().submitTaskForm(task, Map.of("reviewDecision", "COMPLETE"));
            engine.getIdentityService().clearAuthentication();

            var history = engine.getHistoryService();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
                    .extracting(HistoricActivityInstance::getActivityId)
                    .containsExactlyInAnyOrder("Start_Received", "Task_Review", "End_Done");
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).singleResult().getAssignee())
                    .isEqualTo("window1");
            List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(instance).list();
            assertThat(details).as("only what the person submitted, no row per variable write").hasSize(1)
                    .allSatisfy(d -> assertThat(d).isInstanceOf(HistoricFormField.class));
            assertThat(((HistoricFormField) details.get(0)).getFieldValue()).isEqualTo("COMPLETE");
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                    .extracting(HistoricVariableInstance::getName, HistoricVariableInstance::getValue)
                    .contains(org.assertj.core.groups.Tuple.tuple("prepared", 2L),
                            org.assertj.core.groups.Tuple.tuple("reviewDecision", "COMPLETE"));
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                    .as("what the case record holds has no variable history of its own")
                    .extracting(HistoricVariableInstance::getName).doesNotContain("caseId", "applicantName", "priority");
            assertThat(history.createUserOperationLogQuery().taskId(task).list())
                    .extracting(UserOperationLogEntry::getOperationType).contains("Claim", "Complete");
            assertThat(history.createHistoricIdentityLinkLogQuery().taskId(task).count()).isZero();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getEndActivityId())
                    .isEqualTo("End_Done");
        } finally {
            engine.close();
        }
    }

    @Test
    void aClaimOrHandOverIsInTheLogAndTheTaskWhileOpenAndInTheStepsHistoryWhenItEnds() {
        ProcessEngine engine = engine(newDatabase(), HallHistoryLevel.NAME, new HallHistory());
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("handover.bpmn", Bpmn
                    .createExecutableProcess("Process_Handover").camundaHistoryTimeToLive(1).startEvent("Start_Received")
                    .parallelGateway("Gateway_Departments")
                    .userTask("Task_Pension").camundaCandidateGroups("pension").parallelGateway("Gateway_Joined")
                    .endEvent("End_Done")
                    .moveToNode("Gateway_Departments").userTask("Task_Expert").camundaAssignee("expert1")
                    .connectTo("Gateway_Joined").done()).deploy();
            String instance = engine.getRuntimeService().startProcessInstanceByKey("Process_Handover", "CASE-H2").getId();
            var tasks = engine.getTaskService();
            String pension = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Pension")
                    .singleResult().getId();
            String expert = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Expert")
                    .singleResult().getId();
            engine.getIdentityService().setAuthenticatedUserId("pension1");
            tasks.claim(pension, "pension1");
            tasks.setAssignee(pension, "pension2"); // 转办
            var history = engine.getHistoryService();
            assertThat(tasks.createTaskQuery().taskId(pension).singleResult().getAssignee()).as("who holds it now")
                    .isEqualTo("pension2");
            assertThat(history.createHistoricTaskInstanceQuery().taskId(pension).singleResult().getAssignee())
                    .as("an open step's history row is not rewritten at a claim or 转办").isNull();
            assertThat(history.createHistoricTaskInstanceQuery().taskId(expert).singleResult().getAssignee())
                    .as("assigned when created, written with the row").isEqualTo("expert1");
            engine.getIdentityService().setAuthenticatedUserId("pension2");
            tasks.complete(pension);
            engine.getIdentityService().setAuthenticatedUserId("expert1");
            tasks.complete(expert);
            engine.getIdentityService().clearAuthentication();

            HistoricActivityInstance pensionStep = history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                    .activityId("Task_Pension").singleResult();
            assertThat(pensionStep.getTaskId()).as("the step's task, given when it was created").isEqualTo(pension);
            assertThat(pensionStep.getEndTime()).isNotNull();
            assertThat(pensionStep.getAssignee()).as("not rewritten at the claim or the 转办").isNull();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("Task_Expert")
                    .singleResult().getAssignee()).as("assigned when created").isEqualTo("expert1");
            assertThat(history.createHistoricTaskInstanceQuery().taskId(pension).singleResult().getAssignee())
                    .as("who did the task, written when it ended").isEqualTo("pension2");
            assertThat(history.createUserOperationLogQuery().taskId(pension).list())
                    .extracting(UserOperationLogEntry::getOperationType, UserOperationLogEntry::getUserId)
                    .contains(org.assertj.core.groups.Tuple.tuple("Claim", "pension1"),
                            org.assertj.core.groups.Tuple.tuple("Assign", "pension1"),
                            org.assertj.core.groups.Tuple.tuple("Complete", "pension2"));
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getEndActivityId())
                    .isEqualTo("End_Done");
        } finally {
            engine.close();
        }
    }

    @Test
    void aFinishedStepCountsItsDurationFromItsTaskWithoutReadingItsStartBack() throws java.sql.SQLException {
        java.time.Instant opened = java.time.Instant.parse("2025-03-03T01:00:00.250Z");
        java.time.Instant done = opened.plus(java.time.Duration.ofMinutes(95).plusMillis(1500));
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(opened));
        ProcessEngine engine = engine(newDatabase(), HallHistoryLevel.NAME, new HallHistory(), new PersonalDataInHistory());
        try {
            EngineReads.watch(engine);
            engine.getRepositoryService().createDeployment().addModelInstance("steps.bpmn", Bpmn
                    .createExecutableProcess("Process_Steps").camundaHistoryTimeToLive(1).startEvent("Start_Received")
                    .userTask("Task_Step").camundaCandidateGroups("window").endEvent("End_Done").done()).deploy();
            var runtime = engine.getRuntimeService();
            var tasks = engine.getTaskService();
            var history = engine.getHistoryService();
            String finished = runtime.startProcessInstanceByKey("Process_Steps").getId();
            String cancelled = runtime.startProcessInstanceByKey("Process_Steps").getId();
            String before = runtime.startProcessInstanceByKey("Process_Steps").getId();
            String finishedTask = tasks.createTaskQuery().processInstanceId(finished).singleResult().getId();
            String beforeTask = tasks.createTaskQuery().processInstanceId(before).singleResult().getId();
            assertThat(history.createHistoricTaskInstanceQuery().taskId(finishedTask).singleResult().getStartTime())
                    .as("the row starts when its task was created").isEqualTo(java.util.Date.from(opened));
            // a step opened before this handler: its row's start read from the clock a moment after its task's creation
            try (java.sql.Connection connection = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                    .getProcessEngineConfiguration()).getDataSource().getConnection();
                 java.sql.PreparedStatement update = connection.prepareStatement(
                         "UPDATE ACT_HI_TASKINST SET START_TIME_ = TIMESTAMP '2025-03-03 01:00:00.251' WHERE ID_ = ?")) {
                update.setString(1, beforeTask);
                assertThat(update.executeUpdate()).isOne();
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }

            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(done));
            EngineReads.start();
            tasks.complete(finishedTask);
            runtime.deleteProcessInstance(cancelled, "撤件");
            tasks.complete(beforeTask);
            assertThat(EngineReads.stop()).as("no step's start read back").isNotEmpty()
                    .doesNotContain("selectHistoricTaskInstanceEvent", "selectHistoricActivityInstanceEvent");

            long duration = java.time.Duration.between(opened, done).toMillis();
            for (String instance : List.of(finished, cancelled)) {
                var step = history.createHistoricTaskInstanceQuery().processInstanceId(instance).singleResult();
                var activity = history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                        .activityId("Task_Step").singleResult();
                assertThat(List.of(step.getStartTime(), activity.getStartTime())).containsOnly(java.util.Date.from(opened));
                assertThat(List.of(step.getEndTime(), activity.getEndTime())).containsOnly(java.util.Date.from(done));
                assertThat(List.of(step.getDurationInMillis(), activity.getDurationInMillis())).as("durations of %s", instance)
                        .containsOnly(duration);
            }
            var earlier = history.createHistoricTaskInstanceQuery().taskId(beforeTask).singleResult();
            assertThat(earlier.getStartTime()).as("the row's own start is kept")
                    .isEqualTo(java.sql.Timestamp.valueOf("2025-03-03 01:00:00.251"));
            assertThat(earlier.getDurationInMillis()).as("counted from its task's creation").isEqualTo(duration);
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(before).activityId("Task_Step")
                    .singleResult().getDurationInMillis()).isEqualTo(duration);
        } finally {
            EngineReads.stop();
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
            engine.close();
        }
    }

    @Test
    void aValueSubmittedAgainAsItWasReadsNoHistoryRowAndEveryChangeIsStillRecorded() {
        ProcessEngine engine = engine(newDatabase(), HallHistoryLevel.NAME, new HallHistory(), new PersonalDataInHistory());
        try {
            EngineReads.watch(engine);
            engine.getRepositoryService().createDeployment().addModelInstance("again.bpmn", Bpmn
                    .createExecutableProcess("Process_Again").camundaHistoryTimeToLive(1).startEvent("Start_Received")
                    .userTask("Task_Review").camundaCandidateGroups("window")
                    // in one command: changed, then set back to the value read
                    .serviceTask("Task_Change").camundaExpression("${execution.setVariable('opinion', '改过')}")
                    .serviceTask("Task_Back").camundaExpression("${execution.setVariable('opinion', '同意')}")
                    .userTask("Task_Approve").camundaCandidateGroups("window").endEvent("End_Done").done()).deploy();
            var runtime = engine.getRuntimeService();
            var tasks = engine.getTaskService();
            String instance = runtime.startProcessInstanceByKey("Process_Again", Map.of("opinion", "同意", "months", 360,
                    "scan", org.camunda.bpm.engine.variable.Variables.byteArrayValue(new byte[] {1}))).getId();
            String review = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

            EngineReads.start();
            tasks.complete(review, Map.of("opinion", "同意", "months", 360, "decision", "COMPLETE"));
            assertThat(EngineReads.stop()).as("values submitted as they were read no history row; the change after does")
                    .isNotEmpty().containsOnlyOnce("selectHistoricVariableInstance");
            assertThat(historyOf(engine, instance)).containsEntry("opinion", "同意").containsEntry("months", 360)
                    .containsEntry("decision", "COMPLETE");

            String approve = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
            EngineReads.start();
            tasks.complete(approve, Map.of("opinion", "退回重审", "months", "360",
                    "scan", org.camunda.bpm.engine.variable.Variables.byteArrayValue(new byte[] {2})));
            assertThat(EngineReads.stop()).as("changed values update their history rows")
                    .contains("selectHistoricVariableInstance");
            Map<String, Object> last = historyOf(engine, instance);
            assertThat(last).containsEntry("opinion", "退回重审").containsEntry("months", "360")
                    .containsEntry("decision", "COMPLETE");
            assertThat((byte[]) last.get("scan")).containsExactly(2);
        } finally {
            EngineReads.stop();
            engine.close();
        }
    }

    /** The case's variables as their history rows hold them. */
    private static Map<String, Object> historyOf(ProcessEngine engine, String instance) {
        Map<String, Object> values = new java.util.HashMap<>();
        engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance).list()
                .forEach(v -> values.put(v.getName(), v.getValue()));
        return values;
    }

    @Test
    void historyIsKeptItsTimeToLiveAfterTheCaseEndedWithNoRemovalTimeWrittenAtTheEnd() {
        java.time.Instant accepted = java.time.Instant.parse("2025-03-03T01:00:00Z");
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(accepted));
        ProcessEngine engine = engine(newDatabase(), HallHistoryLevel.NAME, new HallHistory());
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("kept.bpmn", Bpmn
                    .createExecutableProcess("Process_Kept").camundaHistoryTimeToLive(30).startEvent("Start_Kept")
                    .userTask("Task_Kept").camundaCandidateGroups("window").endEvent("End_Kept").done()).deploy();
            var runtime = engine.getRuntimeService();
            var tasks = engine.getTaskService();
            var history = engine.getHistoryService();
            String ended = runtime.startProcessInstanceByKey("Process_Kept", "CASE-K1").getId();
            String running = runtime.startProcessInstanceByKey("Process_Kept", "CASE-K2").getId();
            // The first case ends 20 days after both were accepted; the second is still open.
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(accepted.plus(java.time.Duration.ofDays(20))));
            tasks.complete(tasks.createTaskQuery().processInstanceId(ended).singleResult().getId());

            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).singleResult().getRemovalTime())
                    .as("no removal time written when the case ends").isNull();
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(ended).singleResult().getRemovalTime()).isNull();

            // 30 days after acceptance (10 after the end): kept; Camunda's start-based removal would have dropped it.
            cleanUpAt(engine, accepted.plus(java.time.Duration.ofDays(31)));
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).count()).isEqualTo(1);
            // 30 days after the end: removed; the open case stays whatever its age.
            cleanUpAt(engine, accepted.plus(java.time.Duration.ofDays(51)));
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(ended).count())
                    .as("time to live after the end passed").isZero();
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(ended).count()).isZero();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running).count())
                    .as("an open case is never cleaned up").isEqualTo(1);
        } finally {
            engine.close();
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    /** Runs Camunda's history cleanup once, now, at the given instant. */
    private static void cleanUpAt(ProcessEngine engine, java.time.Instant now) {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(now));
        engine.getHistoryService().cleanUpHistoryAsync(true);
        for (var job : engine.getHistoryService().findHistoryCleanupJobs()) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    @Test
    void aDatabaseThatRanWithFullIsMovedOnceWhereCamundaAloneRefusesToStart() {
        String database = newDatabase();
        engine(database, ProcessEngineConfiguration.HISTORY_FULL).close();

        assertThatThrownBy(() -> engine(database, HallHistoryLevel.NAME, new RegisterOnly()).close())
                .hasMessageContaining("historyLevel mismatch");

        ProcessEngine upgraded = engine(database, HallHistoryLevel.NAME, new HallHistory());
        try {
            assertThat(upgraded.getManagementService().getProperties()).containsEntry("historyLevel",
                    String.valueOf(HallHistoryLevel.ID));
        } finally {
            upgraded.close();
        }
        // Once moved, the next start finds nothing to move and starts as before.
        engine(database, HallHistoryLevel.NAME, new HallHistory()).close();
    }

    @Test
    void anyOtherRecordedLevelStillStopsTheStart() {
        String database = newDatabase();
        engine(database, ProcessEngineConfiguration.HISTORY_AUDIT).close();
        assertThatThrownBy(() -> engine(database, HallHistoryLevel.NAME, new HallHistory()).close())
                .hasMessageContaining("historyLevel mismatch");
    }

    /** The hall's level without the one-off move: what Camunda does on its own. */
    private static final class RegisterOnly extends HallHistory {
        @Override
        public void postInit(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration) {
        }
    }

    private static String newDatabase() {
        return "jdbc:h2:mem:hall-history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static ProcessEngine engine(String jdbcUrl, String historyLevel, ProcessEnginePlugin... plugins) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("hall-history-" + UUID.randomUUID());
        configuration.setJdbcUrl(jdbcUrl);
        configuration.setHistory(historyLevel);
        configuration.setJobExecutorActivate(false);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE); // kept between engines
        configuration.setProcessEnginePlugins(new java.util.ArrayList<>(List.of(plugins)));
        return configuration.buildProcessEngine();
    }
}
