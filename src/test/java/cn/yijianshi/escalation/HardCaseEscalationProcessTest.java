package cn.yijianshi.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.yijianshi.TestCalendars;
import cn.yijianshi.closure.Issue;
import cn.yijianshi.closure.IssueLedger;
import cn.yijianshi.closure.IssueStatus;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of 疑难件专家帮办, with the ledger stood in for and checked for what the steps write to it. */
@Deployment(resources = "processes/hard-case/hard-case-escalation.bpmn")
class HardCaseEscalationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private IssueLedger ledger;
    private TaskListener slaTimer;
    private cn.yijianshi.arbitration.ReferralSteps referrals;
    private final AtomicInteger reopens = new AtomicInteger();

    @BeforeEach
    void standIn() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ledger = mock(IssueLedger.class);
        when(ledger.require(any())).thenAnswer(call -> issue(IssueStatus.OPEN));
        when(ledger.change(any(), any(), any())).thenAnswer(call -> {
            IssueStatus to = ((cn.yijianshi.closure.IssueChange) call.getArgument(1)).status();
            if (to == IssueStatus.REOPENED) {
                reopens.incrementAndGet();
            }
            return issue(to);
        });
        slaTimer = mock(TaskListener.class);
        Mocks.register("hardCase", new HardCaseSteps(ledger, cn.yijianshi.catalog.Departments.shipped()));
        Mocks.register("taskActor", new cn.yijianshi.system.TaskActor());
        Mocks.register("expertClaim", new ExpertClaim());
        Mocks.register("issueHolder", new IssueHolder(ledger));
        referrals = mock(cn.yijianshi.arbitration.ReferralSteps.class);
        Mocks.register("arbitration", referrals);
        Mocks.register("sla", TestCalendars.slaClock());
        Mocks.register("slaTimer", slaTimer);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        engine.getProcessEngine().getIdentityService().clearAuthentication();
    }

    private Issue issue(IssueStatus status) {
        Issue issue = new Issue();
        issue.setIssueId("WT-20261123-000001");
        issue.setStatus(status);
        issue.setReopenCount(reopens.get());
        return issue;
    }

    @Test
    void anIssueReopenedAfterArbitrationGoesBackToTheExpertWhoHeldIt() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("hard-case-escalation", "WT-20261123-000001", Map.of(
                "issueId", "WT-20261123-000001", "expert", "expert2", "issueCategory", "LABOUR", "issueDescription",
                "仲裁结果回访不满意", "issueSource", "HOTLINE", "priority", "NORMAL", "taskPriority", 50));
        assertThat(pi).hasPassed("Task_RegisterIssue", "Gateway_ExpertKnown").hasNotPassed("Task_ClaimHardCase")
                .isWaitingAt("Task_ExpertAssessment");
        assertThat(task(pi)).isAssignedTo("expert2");
        verify(ledger, never()).raise(any(), any(), org.mockito.ArgumentMatchers.anyBoolean());
    }

    @Test
    void aNewIssueWithNoExpertYetIsForTheExpertsToClaim() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("hard-case-escalation", "WT-20261123-000001", Map.of(
                "issueId", "WT-20261123-000001", "issueCategory", "PENSION", "issueDescription", "养老金计算有疑问",
                "issueSource", "HOTLINE", "priority", "NORMAL", "taskPriority", 50, "expert", Variables.stringValue(null)));
        assertThat(pi).hasPassed("Gateway_ExpertKnown").isWaitingAt("Task_ClaimHardCase");
        assertThat(task(pi)).hasCandidateGroup("experts").isNotAssigned();
    }

    private ProcessInstance raise() {
        return runtimeService().startProcessInstanceByKey("hard-case-escalation", "WT-20261123-000001", Map.of(
                "issueId", "WT-20261123-000001", "issueCategory", "PENSION", "issueDescription", "养老金计算有疑问",
                "issueSource", "HOTLINE", "priority", "NORMAL", "taskPriority", 50));
    }

    private void work(ProcessInstance pi, String taskKey, String user, Map<String, Object> variables) {
        assertThat(pi).isWaitingAt(taskKey);
        var task = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).list().get(0);
        engine.getProcessEngine().getIdentityService().setAuthenticatedUserId(user);
        try {
            if (task.getAssignee() == null) {
                taskService().claim(task.getId(), user);
            }
            taskService().complete(task.getId(), variables);
        } finally {
            engine.getProcessEngine().getIdentityService().clearAuthentication();
        }
    }

    /** bpm-assert's hasCandidateGroup accepts unassigned tasks only; the expert's steps are assigned and still the experts' group's. */
    private static List<String> candidateGroups(org.camunda.bpm.engine.task.Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).toList();
    }

    private ProcessInstance claimedAndAssessed(String assessment, Map<String, Object> more) {
        ProcessInstance pi = raise();
        assertThat(task(pi)).hasDefinitionKey("Task_ClaimHardCase").hasCandidateGroup("experts");
        work(pi, "Task_ClaimHardCase", "expert1", Map.of());
        assertThat(task(pi)).hasDefinitionKey("Task_ExpertAssessment").isAssignedTo("expert1");
        assertThat(candidateGroups(task(pi))).as("SLA and Tasklist filters count it for the experts").containsExactly("experts");
        Map<String, Object> vars = new java.util.HashMap<>(more);
        vars.put("assessment", assessment);
        vars.put("assessmentNote", "研判意见");
        work(pi, "Task_ExpertAssessment", "expert1", vars);
        return pi;
    }

    private void replyAndCallBack(ProcessInstance pi, String satisfied) {
        assertThat(task(pi)).hasDefinitionKey("Task_ReplyCitizen").isAssignedTo("expert1");
        assertThat(candidateGroups(task(pi))).as("SLA and Tasklist filters count it for the experts").containsExactly("experts");
        work(pi, "Task_ReplyCitizen", "expert1", withVariables("replyText", "按国发〔2005〕38号计发"));
        assertThat(task(pi)).hasDefinitionKey("Task_CallBack").hasCandidateGroup("coordinators");
        work(pi, "Task_CallBack", "coord1", withVariables("callbackSatisfied", satisfied, "callbackResult", "回访记录"));
    }

    @Test
    void anExpertAnswersAndTheSatisfiedCitizensIssueIsClosed() {
        ProcessInstance pi = claimedAndAssessed("ANSWER", Map.of());
        verify(ledger).change(eq("WT-20261123-000001"), argThat(c -> c.status() == IssueStatus.IN_PROGRESS
                && "expert1".equals(c.responsiblePerson())), eq("expert1"));
        replyAndCallBack(pi, "YES");
        verify(ledger, atLeastOnce()).heldBy("WT-20261123-000001", "expert1", "expert1");
        verify(ledger, never()).heldBy(any(), eq("coord1"), any());
        verify(ledger).change(any(), argThat(c -> c.status() == IssueStatus.RESOLVED && c.resolution().contains("38号")), any());
        verify(ledger).change(any(), argThat(c -> c.status() == IssueStatus.CLOSED && "回访记录".equals(c.callbackResult())), any());
        assertThat(pi).isEnded().hasPassed("Task_CloseIssue", "End_IssueClosed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoDepartmentsAreConsultedInParallelBeforeThePlan() {
        ProcessInstance pi = claimedAndAssessed("CONSULT", Map.of("consultDepartments", List.of("dept-pension", "dept-archives")));
        List<org.camunda.bpm.engine.task.Task> consultations = taskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("Task_ConsultDepartment").list();
        assertThat(consultations).hasSize(2);
        assertThat(taskQuery().processInstanceId(pi.getId()).taskCandidateGroup("dept-pension").count()).isOne();
        assertThat(taskQuery().processInstanceId(pi.getId()).taskCandidateGroup("dept-archives").count()).isOne();
        work(pi, "Task_ConsultDepartment", "pension1", withVariables("departmentOpinion", "待遇口径无误"));
        assertThat(pi).isWaitingAt("Task_ConsultDepartment").isNotWaitingAt("Task_DecidePlan");
        work(pi, "Task_ConsultDepartment", "archives1", withVariables("departmentOpinion", "档案可认定"));
        assertThat(task(pi)).hasDefinitionKey("Task_DecidePlan").isAssignedTo("expert1");
        assertThat(candidateGroups(task(pi))).as("SLA and Tasklist filters count it for the experts").containsExactly("experts");
        List<Map<String, Object>> opinions = (List<Map<String, Object>>) runtimeService().getVariable(pi.getId(), "departmentOpinions");
        assertThat(opinions).as("both departments' opinions, not just the last").hasSize(2);
        assertThat(opinions.get(0)).containsEntry("department", "dept-pension").containsEntry("departmentName", "社保经办")
                .containsEntry("by", "pension1").containsEntry("opinion", "待遇口径无误");
        assertThat(opinions.get(1)).containsEntry("department", "dept-archives").containsEntry("departmentName", "档案")
                .containsEntry("by", "archives1").containsEntry("opinion", "档案可认定");
        verify(ledger).record("WT-20261123-000001", "pension1", "CONSULTED", "社保经办会商意见：待遇口径无误");
        verify(ledger).record("WT-20261123-000001", "archives1", "CONSULTED", "档案会商意见：档案可认定");
        work(pi, "Task_DecidePlan", "expert1", withVariables("plan", "补认定视同缴费年限"));
        replyAndCallBack(pi, "YES");
        assertThat(pi).isEnded().hasPassed("End_IssueClosed");
    }

    @Test
    void aLabourDisputeIsReferredToTheArbitrationCommission() {
        ProcessInstance pi = claimedAndAssessed("LABOUR_DISPUTE", Map.of());
        verify(ledger).change(any(), argThat(c -> c.status() == IssueStatus.REFERRED
                && HardCaseSteps.ARBITRATION_COMMISSION.equals(c.referredTo())), any());
        verify(referrals).openFromHardCase(any());
        assertThat(pi).isEnded().hasPassed("Task_OpenReferral", "End_ReferredToArbitration");
    }

    @Test
    void aMatterOfAnotherAuthorityIsReferredThereAndRecorded() {
        ProcessInstance pi = claimedAndAssessed("OTHER_AUTHORITY", Map.of("referredTo", "区医疗保障局"));
        verify(ledger).change(any(), argThat(c -> c.status() == IssueStatus.REFERRED && "区医疗保障局".equals(c.referredTo())), any());
        assertThat(pi).isEnded().hasPassed("End_ReferredElsewhere");
    }

    @Test
    void aReopenedIssueGoesBackToTheSameExpert() {
        ProcessInstance pi = claimedAndAssessed("ANSWER", Map.of());
        replyAndCallBack(pi, "NO");
        assertThat(pi).hasPassed("Task_ReopenIssue").variables().containsEntry("reopenCount", 1);
        assertThat(task(pi)).hasDefinitionKey("Task_ExpertAssessment").isAssignedTo("expert1");
        work(pi, "Task_ExpertAssessment", "expert1", withVariables("assessment", "ANSWER", "assessmentNote", "补充说明"));
        replyAndCallBack(pi, "YES");
        assertThat(pi).isEnded().hasPassed("End_IssueClosed");
    }

    @Test
    void aSecondReopenGoesToTheLeadersAsLeaderSupervision() {
        ProcessInstance pi = claimedAndAssessed("ANSWER", Map.of());
        replyAndCallBack(pi, "NO");
        work(pi, "Task_ExpertAssessment", "expert1", withVariables("assessment", "ANSWER", "assessmentNote", "再研判"));
        replyAndCallBack(pi, "NO");
        assertThat(task(pi)).hasDefinitionKey("Task_LeaderSupervision").hasCandidateGroup("leaders");
        assertThat(task(pi).getPriority()).isEqualTo(90);
        verify(ledger).change(any(), argThat(c -> c.status() == IssueStatus.IN_PROGRESS && c.note().contains("领导督办")), eq("coord1"));
        work(pi, "Task_LeaderSupervision", "leader1", withVariables("replyText", "督办后答复：按规定补发"));
        verify(ledger).change(any(), argThat(c -> c.status() == IssueStatus.RESOLVED && c.resolution().startsWith("督办后答复")),
                eq("leader1"));
        assertThat(task(pi)).hasDefinitionKey("Task_CallBack");
        work(pi, "Task_CallBack", "coord2", withVariables("callbackSatisfied", "YES", "callbackResult", "满意"));
        verify(ledger, org.mockito.Mockito.times(2)).change(any(), argThat(c -> c.status() == IssueStatus.REOPENED), eq("coord1"));
        verify(ledger).change(any(), argThat(c -> c.status() == IssueStatus.CLOSED), eq("coord2"));
        assertThat(pi).isEnded().hasPassed("Task_RecordSupervision", "Task_LeaderSupervision", "End_IssueClosed");
    }

    @Test
    void aCoordinatorAsksTheLeadersToSuperviseWhileTheExpertGoesOnAndTheInstructionsEnterTheHistory() {
        ProcessInstance pi = claimedAndAssessed("CONSULT", Map.of("consultDepartments", List.of("dept-pension")));
        assertThat(pi).isWaitingAt("Task_ConsultDepartment");

        runtimeService().createMessageCorrelation(LeaderSupervisionRequests.MESSAGE).processInstanceId(pi.getId())
                .setVariablesLocal(Map.of("supervisionReason", "群众多次来电", "supervisionDeadline",
                        Date.from(TestCalendars.hall("2026-11-27T23:59:59"))))
                .correlateWithResult();

        assertThat(pi).hasPassed("StartEvent_LeaderSupervisionRequested").isWaitingAt("Task_ConsultDepartment", "Task_LeaderInstructions");
        var instructions = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_LeaderInstructions").singleResult();
        assertThat(instructions).hasCandidateGroup("leaders").isNotAssigned();
        assertThat(instructions.getPriority()).isEqualTo(90);
        assertThat(taskService().getVariable(instructions.getId(), "supervisionReason")).isEqualTo("群众多次来电");

        work(pi, "Task_LeaderInstructions", "leader1", withVariables("leaderInstructions", "三日内答复并报结果"));
        verify(ledger).instructed("WT-20261123-000001", "三日内答复并报结果", "leader1");
        assertThat(pi).hasPassed("Task_LeaderInstructions", "End_InstructionsGiven").isNotEnded()
                .isWaitingAt("Task_ConsultDepartment").isNotWaitingAt("Task_LeaderInstructions");

        work(pi, "Task_ConsultDepartment", "pension1", withVariables("departmentOpinion", "口径无误"));
        work(pi, "Task_DecidePlan", "expert1", withVariables("plan", "按口径答复"));
        replyAndCallBack(pi, "YES");
        assertThat(pi).isEnded().hasPassed("End_IssueClosed");
    }

    @Test
    void aCallBackRecordedOnTheIssueListReachesTheLedgerWithWhoCalledAndWhen() {
        ProcessInstance pi = claimedAndAssessed("ANSWER", Map.of());
        work(pi, "Task_ReplyCitizen", "expert1", withVariables("replyText", "已答复"));
        work(pi, "Task_CallBack", "coord1", withVariables("callbackSatisfied", "YES", "callbackResult", "满意，已收到告知书",
                HardCaseSteps.CALLBACK_CALLER, "周强", HardCaseSteps.CALLBACK_AT, "2026-11-25T10:15"));
        verify(ledger).change(any(), argThat(c -> c.status() == IssueStatus.CLOSED && c.callback() != null
                && "周强".equals(c.callback().calledBy()) && c.callback().calledAt().toString().equals("2026-11-25T10:15")
                && "满意，已收到告知书".equals(c.callback().answer())), eq("coord1"));
        assertThat(pi).isEnded().hasPassed("End_IssueClosed");
    }

    @Test
    void anUnclaimedHardCaseStaysOpenPastItsClaimLimitWithNoTimerOfItsOwn() {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-23T10:00")));
        ProcessInstance pi = raise();
        // 4 working hours from Monday 10:00 -> due 15:30, warning at 75 % -> 14:30, escalated to the coordinators: the
        // claim's SLA record carries these instants and the SLA sweep acts on them (SlaTimersTest, SlaSweepTest)
        var deadline = TestCalendars.slaClock().forTask("hard-case-escalation", "Task_ClaimHardCase",
                cn.yijianshi.intake.Priority.NORMAL, ClockUtil.getCurrentTime().toInstant());
        assertThat(deadline.warnAt()).isEqualTo(TestCalendars.hall("2026-11-23T14:30"));
        assertThat(deadline.dueAt()).isEqualTo(TestCalendars.hall("2026-11-23T15:30"));
        assertThat(deadline.escalateTo()).containsExactly("coordinators");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().count())
                .as("no timer job per task").isZero();

        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-23T15:31")));
        verify(slaTimer, never()).notify(any(DelegateTask.class));
        assertThat(pi).isWaitingAt("Task_ClaimHardCase");
    }
}
