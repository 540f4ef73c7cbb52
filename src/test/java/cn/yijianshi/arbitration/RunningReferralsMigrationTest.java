package cn.yijianshi.arbitration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.TestCalendars;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Referrals running on the first 劳动争议仲裁转介 (processes-history/arbitration-referral-v1.bpmn, the definition as it
 * was before the deadline checks) move to the current one in every state they can wait in, and go on there.
 */
class RunningReferralsMigrationTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    private static final Date FAR = Date.from(Instant.parse("2099-01-01T00:00:00Z"));
    private final List<String> deployments = new java.util.ArrayList<>();
    private ReferralSteps steps;
    private RepositoryService repository;
    private RuntimeService runtime;
    private TaskService tasks;

    @BeforeEach
    void standIn() {
        ProcessEngine processEngine = engine.getProcessEngine();
        BpmnAwareTests.init(processEngine);
        repository = processEngine.getRepositoryService();
        runtime = processEngine.getRuntimeService();
        tasks = processEngine.getTaskService();
        steps = mock(ReferralSteps.class);
        doAnswer(call -> set(call.getArgument(0), "mediationDeadlineAt", FAR)).when(steps).startMediation(any());
        doAnswer(call -> set(call.getArgument(0), "acceptanceDeadlineAt", FAR)).when(steps).submit(any());
        Mocks.register("arbitration", steps);
        Mocks.register("sla", TestCalendars.slaClock());
        Mocks.register("taskActor", new cn.yijianshi.system.TaskActor());
        Mocks.register("slaTimer", mock(TaskListener.class));
    }

    @AfterEach
    void cleanUp() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
        Mocks.reset();
    }

    private static Object set(DelegateExecution execution, String name, Object value) {
        execution.setVariable(name, value);
        return null;
    }

    private ProcessDefinition deploy(String resource) {
        String id = repository.createDeployment().addClasspathResource(resource)
                .addClasspathResource("stubs/hard-case-escalation-stub.bpmn").enableDuplicateFiltering(false).deploy().getId();
        deployments.add(id);
        return repository.createProcessDefinitionQuery().deploymentId(id).processDefinitionKey(Referrals.PROCESS_KEY).singleResult();
    }

    private ProcessInstance refer(String key, boolean mediation) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("referralId", key);
        vars.put("issueId", null);
        vars.put("mediation", mediation);
        vars.put("taskPriority", 60);
        vars.put("priority", "NORMAL");
        return runtime.startProcessInstanceByKey(Referrals.PROCESS_KEY, key, vars);
    }

    private void prepare(ProcessInstance pi, boolean mediation) {
        tasks.complete(task(pi).getId(), Map.of("employerName", "某某科技有限公司", "claimsText", "经济补偿 30000元",
                "disputeDate", "2026-10-20", "mediation", mediation));
    }

    private void commission(String key, String message, Map<String, Object> variables) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(key).setVariables(variables).correlate();
    }

    @Test
    void referralsWaitingAnywhereInTheOldVersionMoveToTheNewOneAndGoOnThere() {
        ProcessDefinition old = deploy("processes-history/arbitration-referral-v1.bpmn");
        ProcessInstance preparing = refer("ZC-1", false);
        ProcessInstance mediating = refer("ZC-2", true);
        prepare(mediating, true);
        ProcessInstance awaitingAcceptance = refer("ZC-3", false);
        prepare(awaitingAcceptance, false);
        ProcessInstance awaitingAward = refer("ZC-4", false);
        prepare(awaitingAward, false);
        commission("ZC-4", "ArbitrationAccepted", Map.of("awardDeadlineAt", FAR));
        ProcessInstance informing = refer("ZC-5", false);
        prepare(informing, false);
        commission("ZC-5", "ArbitrationAccepted", Map.of("awardDeadlineAt", FAR));
        commission("ZC-5", "ArbitrationAwarded", Map.of("outcome", "AWARDED"));
        assertThat(mediating).isWaitingAt("Gateway_MediationWait");
        assertThat(awaitingAcceptance).isWaitingAt("Gateway_AcceptanceWait");
        assertThat(awaitingAward).isWaitingAt("Gateway_AwardWait");
        assertThat(task(informing)).hasDefinitionKey("Task_InformOutcome");

        ProcessDefinition current = deploy("processes/arbitration/arbitration-referral.bpmn");
        assertThat(current.getVersion()).isGreaterThan(old.getVersion());
        RunningReferralsMigration migration = new RunningReferralsMigration(repository, runtime);
        assertThat(migration.migrateToLatest()).isEqualTo(5);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(old.getId()).count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(current.getId()).count()).isEqualTo(5);
        assertThat(migration.migrateToLatest()).as("running it again moves nothing").isZero();

        // each goes on in the new version
        prepare(preparing, false);
        assertThat(preparing).isWaitingAt("Gateway_AcceptanceWait");

        execute(job("Timer_MediationExpired", mediating));
        assertThat(mediating).hasPassed("Gateway_ToSubmit", "Task_Submit").isWaitingAt("Gateway_AcceptanceWait");

        assertThat(job("Timer_AcceptanceOverdue", awaitingAcceptance).getDuedate()).as("the timer came along").isEqualTo(FAR);
        execute(job("Timer_AcceptanceOverdue", awaitingAcceptance));
        assertThat(task(awaitingAcceptance)).as("a passed deadline is checked first, as in the new version")
                .hasDefinitionKey("Task_VerifyAcceptance");
        verify(steps, never()).tellRightToSue(any(), any());
        commission("ZC-3", "ArbitrationAccepted", Map.of("awardDeadlineAt", FAR));
        assertThat(awaitingAcceptance).hasPassed("Event_AcceptedOnVerification").isWaitingAt("Gateway_AwardWait");

        execute(job("Timer_AwardOverdue", awaitingAward));
        assertThat(task(awaitingAward)).hasDefinitionKey("Task_VerifyAward");
        tasks.complete(task(awaitingAward).getId(), Map.of("awardVerification", "NOT_AWARDED", "verificationNote", "仲裁院尚未裁决"));
        verify(steps).tellRightToSue(any(), eq("AWARD_OVERDUE"));
        assertThat(awaitingAward).isEnded().hasPassed("Task_NotifyAwardOverdue", "Gateway_ToRecordOutcome", "End_Informed");

        tasks.complete(task(informing).getId(), Map.of("outcomeSummary", "已电话告知裁决结果"));
        assertThat(informing).isEnded().hasPassed("Gateway_ToRecordOutcome", "Task_RecordOutcome", "End_Informed");
    }

    @Test
    void aReferralWaitingForTheCallBackMovesAndIsClosed() {
        deploy("processes-history/arbitration-referral-v1.bpmn");
        Map<String, Object> vars = new HashMap<>();
        vars.put("referralId", "ZC-6");
        vars.put("issueId", "WT-20261123-000001");
        vars.put("mediation", false);
        vars.put("taskPriority", 60);
        vars.put("priority", "NORMAL");
        ProcessInstance callBack = runtime.startProcessInstanceByKey(Referrals.PROCESS_KEY, "ZC-6", vars);
        prepare(callBack, false);
        commission("ZC-6", "ArbitrationRejected", Map.of("outcome", "REJECTED"));
        assertThat(task(callBack)).hasDefinitionKey("Task_CallBack");

        deploy("processes/arbitration/arbitration-referral.bpmn");
        assertThat(new RunningReferralsMigration(repository, runtime).migrateToLatest()).isEqualTo(1);
        tasks.complete(task(callBack).getId(), Map.of("callbackSatisfied", "YES", "callbackResult", "满意"));
        verify(steps).closeIssue(any());
        assertThat(callBack).isEnded().hasPassed("End_IssueClosed");
    }
}
