package cn.yijianshi.arbitration;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import cn.yijianshi.TestCalendars;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of 劳动争议仲裁转介; the commission's events arrive as the messages the API correlates. Every end, when a
 * ledger issue is linked, goes through 登记仲裁结果 and 回访确认 (销号, or back to the experts: the hard case is stood in for).
 */
@Deployment(resources = {"processes/arbitration/arbitration-referral.bpmn", "stubs/hard-case-escalation-stub.bpmn"})
class ArbitrationReferralProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private static final Date FAR = Date.from(Instant.parse("2099-01-01T00:00:00Z"));
    private static final String ISSUE = "WT-20261123-000001";
    private ReferralSteps steps;

    @BeforeEach
    void standIn() {
        BpmnAwareTests.init(engine.getProcessEngine());
        steps = mock(ReferralSteps.class);
        doAnswer(call -> setVariable(call.getArgument(0), "mediationDeadlineAt", FAR)).when(steps).startMediation(any());
        doAnswer(call -> setVariable(call.getArgument(0), "acceptanceDeadlineAt", FAR)).when(steps).submit(any());
        doAnswer(call -> {
            setVariable(call.getArgument(0), "hardCaseKey", ISSUE);
            return setVariable(call.getArgument(0), "reworkExpert", "expert1");
        }).when(steps).reopenIssue(any());
        Mocks.register("arbitration", steps);
        Mocks.register("sla", TestCalendars.slaClock());
        Mocks.register("taskActor", new cn.yijianshi.system.TaskActor());
        Mocks.register("slaTimer", mock(TaskListener.class));
    }

    private static Object setVariable(DelegateExecution execution, String name, Object value) {
        execution.setVariable(name, value);
        return null;
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance refer(boolean mediation, String issueId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("referralId", "ZC-20261123-000001");
        vars.put("issueId", issueId);
        vars.put("mediation", mediation);
        vars.put("taskPriority", 60);
        vars.put("priority", "NORMAL");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("arbitration-referral", "ZC-20261123-000001", vars);
        assertThat(task(pi)).hasDefinitionKey("Task_PrepareApplication").hasCandidateGroup("arbitration-liaison");
        complete(pi, Map.of("employerName", "某某科技有限公司", "claimsText", "经济补偿 30000元", "disputeDate", "2026-10-20",
                "mediation", mediation));
        verify(steps).prepared(any());
        return pi;
    }

    private void complete(ProcessInstance pi, Map<String, Object> variables) {
        taskService().complete(task(pi).getId(), variables);
    }

    private void commission(String message, Map<String, Object> variables) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey("ZC-20261123-000001")
                .setVariables(variables).correlate();
    }

    private void accepted() {
        commission("ArbitrationAccepted", Map.of("awardDeadlineAt", FAR));
    }

    private void informAndCallBack(ProcessInstance pi, boolean linkedIssue) {
        assertThat(task(pi)).hasDefinitionKey("Task_InformOutcome");
        complete(pi, Map.of("outcomeSummary", "已电话告知裁决结果"));
        verify(steps).outcomeToLedger(any());
        if (linkedIssue) {
            citizenIsCalledBack(pi, true);
        } else {
            assertThat(pi).isEnded().hasPassed("End_Informed");
        }
    }

    /** 回访确认 by the coordinators: satisfied, the issue is closed; not, it goes back to the experts. */
    private void citizenIsCalledBack(ProcessInstance pi, boolean satisfied) {
        assertThat(pi).hasPassed("Task_RecordOutcome");
        assertThat(task(pi)).hasDefinitionKey("Task_CallBack").hasCandidateGroup("coordinators");
        complete(pi, Map.of("callbackSatisfied", satisfied ? "YES" : "NO", "callbackResult", satisfied ? "满意" : "不满意"));
        if (satisfied) {
            verify(steps).closeIssue(any());
            verify(steps, never()).reopenIssue(any());
            assertThat(pi).isEnded().hasPassed("Task_CloseIssue", "End_IssueClosed");
        } else {
            verify(steps).reopenIssue(any());
            verify(steps, never()).closeIssue(any());
            assertThat(pi).isWaitingAt("Call_ExpertRework");
            ProcessInstance rework = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
            assertThat(rework).as("the hard case again, for the expert who held the issue").hasBusinessKey(ISSUE)
                    .variables().containsEntry("issueId", ISSUE).containsEntry("expert", "expert1");
        }
    }

    /** The automatic ends (refusal, a deadline passed, withdrawal): no liaison task, the outcome is recorded. */
    private void outcomeRecordedWithoutIssue(ProcessInstance pi) {
        verify(steps).outcomeToLedger(any());
        assertThat(pi).isEnded().hasPassed("Task_RecordOutcome", "End_Informed").hasNotPassed("Task_InformOutcome", "Task_CallBack");
    }

    @Test
    void mediationSucceedsBeforeArbitration() {
        ProcessInstance pi = refer(true, null);
        assertThat(pi).hasPassed("Task_StartMediation").isWaitingAt("Gateway_MediationWait");
        commission("ArbitrationMediated", Map.of("outcome", "MEDIATED"));
        informAndCallBack(pi, false);
        assertThat(pi).hasNotPassed("Task_Submit");
    }

    @Test
    void mediationWithoutAgreementFor15DaysGoesToArbitration() {
        ProcessInstance pi = refer(true, null);
        execute(job("Timer_MediationExpired", pi));
        assertThat(pi).hasPassed("Task_Submit").isWaitingAt("Gateway_AcceptanceWait");
    }

    @Test
    void acceptedAndAwardedInTimeAndTheLinkedIssueIsCalledBack() {
        ProcessInstance pi = refer(false, "WT-20261123-000001");
        assertThat(pi).hasPassed("Task_Submit").isWaitingAt("Gateway_AcceptanceWait");
        commission("ArbitrationSubmitted", Map.of("acceptanceDeadlineAt", FAR));
        assertThat(pi).hasPassed("Event_Received").isWaitingAt("Gateway_AcceptanceWait");
        accepted();
        assertThat(pi).hasPassed("Task_NotifyAccepted").isWaitingAt("Gateway_AwardWait");
        verify(steps).tellAccepted(any());
        commission("ArbitrationAwarded", Map.of("outcome", "AWARDED"));
        informAndCallBack(pi, true);
        verify(steps).tellOutcome(any());
    }

    @Test
    void theAwardIsExtendedOnceThenGiven() {
        ProcessInstance pi = refer(false, null);
        accepted();
        commission("ArbitrationExtended", Map.of("awardDeadlineAt", FAR));
        assertThat(pi).hasPassed("Event_Extended", "Task_NotifyExtended").isWaitingAt("Gateway_AwardWait");
        verify(steps).tellExtended(any());
        commission("ArbitrationAwarded", Map.of("outcome", "AWARDED"));
        informAndCallBack(pi, false);
    }

    @Test
    void theCaseIsMediatedDuringArbitration() {
        ProcessInstance pi = refer(false, null);
        accepted();
        commission("ArbitrationMediated", Map.of("outcome", "MEDIATED"));
        assertThat(pi).hasPassed("Event_MediatedInArbitration");
        informAndCallBack(pi, false);
    }

    @Test
    void aRejectionTellsTheCitizenOfTheRightToSue() {
        ProcessInstance pi = refer(false, null);
        commission("ArbitrationRejected", Map.of("outcome", "REJECTED"));
        verify(steps).tellRightToSue(any(), eq("REJECTED"));
        assertThat(pi).hasPassed("Event_Rejected", "Task_NotifyRejected");
        outcomeRecordedWithoutIssue(pi);
    }

    /** The acceptance deadline passes with nothing recorded: the liaison checks with the commission first. */
    private void acceptanceDeadlinePasses(ProcessInstance pi) {
        execute(job("Timer_AcceptanceOverdue", pi));
        assertThat(task(pi)).hasDefinitionKey("Task_VerifyAcceptance").hasCandidateGroup("arbitration-liaison");
        verify(steps).verifying(any(), eq("ACCEPTANCE"));
        verify(steps, never()).tellRightToSue(any(), any());
    }

    private void awardDeadlinePasses(ProcessInstance pi) {
        accepted();
        execute(job("Timer_AwardOverdue", pi));
        assertThat(task(pi)).hasDefinitionKey("Task_VerifyAward").hasCandidateGroup("arbitration-liaison");
        verify(steps).verifying(any(), eq("AWARD"));
        verify(steps, never()).tellRightToSue(any(), any());
    }

    @Test
    void noAcceptanceDecisionInTimeIsCheckedAndOnlyTheLiaisonsAnswerTellsTheCitizenOfTheRightToSue() {
        ProcessInstance pi = refer(false, null);
        acceptanceDeadlinePasses(pi);
        complete(pi, Map.of("acceptanceVerification", "NOT_ACCEPTED", "verificationNote", "电话核实：仲裁院未作出受理决定"));
        verify(steps).verified(any(), eq("ACCEPTANCE"));
        verify(steps).tellRightToSue(any(), eq("ACCEPTANCE_OVERDUE"));
        assertThat(pi).hasPassed("Timer_AcceptanceOverdue", "Task_VerifyAcceptance", "Task_NotifyAcceptanceOverdue");
        outcomeRecordedWithoutIssue(pi);
    }

    @Test
    void anAcceptanceRecordedWhileTheLiaisonChecksGoesOnAsIfRecordedInTime() {
        ProcessInstance pi = refer(false, null);
        acceptanceDeadlinePasses(pi);
        accepted();
        assertThat(pi).hasPassed("Event_AcceptedOnVerification", "Task_NotifyAccepted").isWaitingAt("Gateway_AwardWait");
        assertThat(task(pi)).as("the check ends with the event").isNull();
        verify(steps).tellAccepted(any());
        verify(steps, never()).tellRightToSue(any(), any());
        commission("ArbitrationAwarded", Map.of("outcome", "AWARDED"));
        informAndCallBack(pi, false);
    }

    @Test
    void aRejectionRecordedWhileTheLiaisonChecksTellsTheCitizenOfTheRefusal() {
        ProcessInstance pi = refer(false, null);
        acceptanceDeadlinePasses(pi);
        commission("ArbitrationRejected", Map.of("outcome", "REJECTED"));
        verify(steps).tellRightToSue(any(), eq("REJECTED"));
        assertThat(pi).hasPassed("Event_RejectedOnVerification", "Task_NotifyRejected").hasNotPassed("Task_NotifyAcceptanceOverdue");
        outcomeRecordedWithoutIssue(pi);
    }

    @Test
    void aLaterReceiptRecordedWhileTheLiaisonChecksStartsTheAcceptanceWaitAgain() {
        ProcessInstance pi = refer(false, null);
        acceptanceDeadlinePasses(pi);
        commission("ArbitrationSubmitted", Map.of("acceptanceDeadlineAt", FAR));
        assertThat(pi).hasPassed("Event_ReceivedOnVerification").isWaitingAt("Gateway_AcceptanceWait");
        assertThat(task(pi)).isNull();
        org.assertj.core.api.Assertions.assertThat(job("Timer_AcceptanceOverdue", pi).getDuedate()).as("the new deadline").isEqualTo(FAR);
        accepted();
        assertThat(pi).isWaitingAt("Gateway_AwardWait");
    }

    @Test
    void theCitizenWithdrawsWhileTheLiaisonChecksAcceptance() {
        ProcessInstance pi = refer(false, null);
        acceptanceDeadlinePasses(pi);
        commission("ArbitrationWithdrawn", Map.of("outcome", "WITHDRAWN"));
        assertThat(pi).hasPassed("Event_WithdrawnOnAcceptanceVerification", "Task_NotifyWithdrawn");
        verify(steps).tellWithdrawn(any());
        outcomeRecordedWithoutIssue(pi);
    }

    @Test
    void noAwardInTimeIsCheckedAndOnlyTheLiaisonsAnswerTellsTheCitizenOfTheRightToSue() {
        ProcessInstance pi = refer(false, null);
        awardDeadlinePasses(pi);
        complete(pi, Map.of("awardVerification", "NOT_AWARDED", "verificationNote", "电话核实：仲裁院尚未裁决"));
        verify(steps).verified(any(), eq("AWARD"));
        verify(steps).tellRightToSue(any(), eq("AWARD_OVERDUE"));
        assertThat(pi).hasPassed("Timer_AwardOverdue", "Task_VerifyAward", "Task_NotifyAwardOverdue");
        outcomeRecordedWithoutIssue(pi);
    }

    @Test
    void anAwardRecordedWhileTheLiaisonChecksIsToldAsAnyAward() {
        ProcessInstance pi = refer(false, null);
        awardDeadlinePasses(pi);
        commission("ArbitrationAwarded", Map.of("outcome", "AWARDED"));
        assertThat(pi).hasPassed("Event_AwardedOnVerification");
        informAndCallBack(pi, false);
        verify(steps, never()).tellRightToSue(any(), any());
    }

    @Test
    void anExtensionRecordedWhileTheLiaisonChecksWaitsForTheAwardAgain() {
        ProcessInstance pi = refer(false, null);
        awardDeadlinePasses(pi);
        commission("ArbitrationExtended", Map.of("awardDeadlineAt", FAR));
        assertThat(pi).hasPassed("Event_ExtendedOnVerification", "Task_NotifyExtended").isWaitingAt("Gateway_AwardWait");
        verify(steps).tellExtended(any());
        org.assertj.core.api.Assertions.assertThat(job("Timer_AwardOverdue", pi).getDuedate()).isEqualTo(FAR);
    }

    @Test
    void aMediationRecordedWhileTheLiaisonChecksIsToldAsAnyOutcome() {
        ProcessInstance pi = refer(false, null);
        awardDeadlinePasses(pi);
        commission("ArbitrationMediated", Map.of("outcome", "MEDIATED"));
        assertThat(pi).hasPassed("Event_MediatedOnVerification");
        informAndCallBack(pi, false);
    }

    @Test
    void theCitizenWithdrawsWhileTheLiaisonChecksTheAward() {
        ProcessInstance pi = refer(false, null);
        awardDeadlinePasses(pi);
        commission("ArbitrationWithdrawn", Map.of("outcome", "WITHDRAWN"));
        assertThat(pi).hasPassed("Event_WithdrawnOnAwardVerification", "Task_NotifyWithdrawn");
        outcomeRecordedWithoutIssue(pi);
    }

    @Test
    void theCitizenWithdrawsBeforeAcceptanceOrBeforeTheAward() {
        ProcessInstance first = refer(false, null);
        commission("ArbitrationWithdrawn", Map.of("outcome", "WITHDRAWN"));
        assertThat(first).isEnded().hasPassed("Event_WithdrawnBeforeAcceptance", "Task_NotifyWithdrawn", "End_Informed");
        verify(steps).tellWithdrawn(any());

        Mocks.register("arbitration", steps = mock(ReferralSteps.class));
        doAnswer(call -> setVariable(call.getArgument(0), "acceptanceDeadlineAt", FAR)).when(steps).submit(any());
        ProcessInstance second = refer(false, null);
        accepted();
        commission("ArbitrationWithdrawn", Map.of("outcome", "WITHDRAWN"));
        assertThat(second).isEnded().hasPassed("Event_WithdrawnBeforeAward", "Task_NotifyWithdrawn", "End_Informed");
        verify(steps).tellWithdrawn(any());
    }

    @Test
    void theCitizenWithdrawsDuringMediation() {
        ProcessInstance pi = refer(true, null);
        commission("ArbitrationWithdrawn", Map.of("outcome", "WITHDRAWN"));
        assertThat(pi).hasPassed("Event_WithdrawnDuringMediation", "Task_NotifyWithdrawn").hasNotPassed("Task_Submit");
        verify(steps).tellWithdrawn(any());
        outcomeRecordedWithoutIssue(pi);
        assertThat(job("Timer_MediationExpired", pi)).as("the mediation clock stops").isNull();
    }

    @Test
    void aRejectedReferralSendsItsIssueToCallBackAndIsClosed() {
        ProcessInstance pi = refer(false, ISSUE);
        commission("ArbitrationRejected", Map.of("outcome", "REJECTED"));
        verify(steps).tellRightToSue(any(), eq("REJECTED"));
        verify(steps).outcomeToLedger(any());
        citizenIsCalledBack(pi, true);
    }

    @Test
    void anAcceptanceOverdueIssueTheCitizenIsUnhappyWithGoesBackToTheExperts() {
        ProcessInstance pi = refer(false, ISSUE);
        acceptanceDeadlinePasses(pi);
        complete(pi, Map.of("acceptanceVerification", "NOT_ACCEPTED", "verificationNote", "电话核实：仲裁院未作出受理决定"));
        verify(steps).outcomeToLedger(any());
        citizenIsCalledBack(pi, false);

        ProcessInstance hardCase = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
        assertThat(hardCase).hasBusinessKey(ISSUE).hasVariables("issueId");
        assertThat(task(hardCase)).hasCandidateGroup("experts");
        taskService().complete(task(hardCase).getId());
        assertThat(pi).isEnded().hasPassed("Call_ExpertRework", "End_ReworkedByExperts");
    }

    @Test
    void anAwardOverdueIssueIsCalledBackAndClosed() {
        ProcessInstance pi = refer(false, ISSUE);
        awardDeadlinePasses(pi);
        complete(pi, Map.of("awardVerification", "NOT_AWARDED", "verificationNote", "电话核实：仲裁院尚未裁决"));
        verify(steps).tellRightToSue(any(), eq("AWARD_OVERDUE"));
        citizenIsCalledBack(pi, true);
    }

    @Test
    void aWithdrawnReferralSendsItsIssueToCallBack() {
        ProcessInstance pi = refer(true, ISSUE);
        commission("ArbitrationWithdrawn", Map.of("outcome", "WITHDRAWN"));
        verify(steps).tellWithdrawn(any());
        verify(steps).outcomeToLedger(any());
        citizenIsCalledBack(pi, false);
        assertThat(pi).isWaitingAt("Call_ExpertRework");
    }

    @Test
    void anAwardTheCitizenIsUnhappyWithGoesBackToTheExperts() {
        ProcessInstance pi = refer(false, ISSUE);
        accepted();
        commission("ArbitrationAwarded", Map.of("outcome", "AWARDED"));
        complete(pi, Map.of("outcomeSummary", "已电话告知裁决结果"));
        citizenIsCalledBack(pi, false);
    }

    @Test
    void everyStepHasAReadableIdAChineseNameAndAPlaceInTheDiagram() throws java.io.IOException {
        BpmnModelInstance model;
        try (var in = getClass().getClassLoader().getResourceAsStream("processes/arbitration/arbitration-referral.bpmn")) {
            model = Bpmn.readModelFromStream(in);
        }
        var nodes = model.getModelElementsByType(FlowNode.class);
        org.assertj.core.api.Assertions.assertThat(nodes).isNotEmpty().allSatisfy(node -> {
            org.assertj.core.api.Assertions.assertThat(node.getId()).matches("(StartEvent|Task|Gateway|Event|Timer|End|Call)_[A-Z][A-Za-z]+");
            org.assertj.core.api.Assertions.assertThat(node.getName()).as(node.getId()).containsPattern("\\p{IsHan}");
            org.assertj.core.api.Assertions.assertThat(node.getDiagramElement()).as(node.getId() + " in the diagram").isNotNull();
        });
        org.assertj.core.api.Assertions.assertThat(model.getModelElementsByType(SequenceFlow.class))
                .allSatisfy(flow -> org.assertj.core.api.Assertions.assertThat(flow.getDiagramElement()).as(flow.getId()).isNotNull());
    }
}
