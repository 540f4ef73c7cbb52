package cn.yijianshi.matters;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of 失业一件事 through the engine, with its own DMN tables deciding. The generic case steps (materials,
 * notices) are stood in for by {@link CaseStepStandIns}; the route is the BPMN's and the rules are the DMN's.
 */
@Deployment(resources = {"processes/unemployment/unemployment-one-stop.bpmn", "processes/unemployment/unemployment-materials.dmn",
        "processes/unemployment/unemployment-eligibility.dmn", "processes/unemployment/unemployment-benefit-months.dmn",
        "forms/unemployment/review-materials.form", "forms/unemployment/register.form", "forms/unemployment/approve-benefit.form",
        "forms/unemployment/medical.form", "forms/unemployment/career-guidance.form"})
class UnemploymentProcessTest {

    private static final String CASE_ID = "SY-20261130-000001";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(1.0).build();

    private CaseStepStandIns steps;

    @BeforeEach
    void standIn() {
        steps = CaseStepStandIns.register(engine.getProcessEngine(), "unemployment");
    }

    @AfterEach
    void reset() {
        CaseStepStandIns.reset(engine.getProcessEngine());
    }

    private ProcessInstance accept(int contributionMonths, String separationReason, boolean registered, boolean seeking) {
        Map<String, Object> facts = new HashMap<>(Map.of("caseId", CASE_ID, "taskPriority", 50, "priority", "NORMAL",
                "channel", "WINDOW", "separationDate", "2026-10-31", "contributionMonths", contributionMonths,
                "separationReason", separationReason, "seekingWork", seeking, "remainingMonthsFromEarlierClaim", 3));
        if (registered) {
            facts.put("registeredUnemployed", true);
        }
        return runtimeService().startProcessInstanceByKey("unemployment-one-stop", CASE_ID, facts);
    }

    private void reviewComplete(ProcessInstance pi) {
        assertThat(task(pi)).hasDefinitionKey("Task_ReviewMaterials").hasCandidateGroup("window");
        org.assertj.core.api.Assertions.assertThat(steps.formOf(pi, "Task_ReviewMaterials")).isEqualTo("unemployment-review-materials");
        steps.work(pi, "Task_ReviewMaterials", "window1", withVariables("materialsDecision", "COMPLETE"));
    }

    @Test
    void anEligibleClaimantIsRegisteredPaidInsuredAndGuidedToCompletion() {
        ProcessInstance pi = accept(66, "CONTRACT_EXPIRED", true, true);
        assertThat(pi).variables().containsEntry("requiredMaterials", java.util.List.of("ID_CARD", "SOCIAL_SECURITY_CARD", "SEPARATION_PROOF"));
        reviewComplete(pi);
        assertThat(pi).hasPassed("Task_CheckEligibility", "Task_DetermineBenefitMonths").variables()
                .containsEntry("eligible", true).containsEntry("benefitMonths", 21);
        assertThat(task(pi)).hasCandidateGroup("dept-employment");
        steps.work(pi, "Task_RegisterUnemployment", "employment1", withVariables("registrationNo", "SY2026-0001",
                "registrationDate", "2026-11-30"));
        assertThat(task(pi)).hasDefinitionKey("Task_ApproveBenefit").hasCandidateGroup("dept-unemployment");
        steps.work(pi, "Task_ApproveBenefit", "unemployment1", withVariables("benefitDecision", "APPROVE", "monthlyBenefit", 1980));
        assertThat(pi).isWaitingAt("Task_MedicalDuringBenefit", "Task_CareerGuidance");
        steps.work(pi, "Task_MedicalDuringBenefit", "medical1", withVariables("medicalResult", "已参保，保费由失业保险基金缴纳"));
        steps.work(pi, "Task_CareerGuidance", "employment1", withVariables("guidanceResult", "推荐电工培训"));
        assertThat(pi).hasPassed("Gateway_DepartmentsJoin", "Task_NotifyCompletion").isEnded().hasPassed("End_Completed");
        steps.assertTold("departmentsStarted", "completionNotice");
    }

    @Test
    void missingMaterialsAreToldOnceAndTheSupplementBringsTheCaseBackToTheWindow() {
        steps.missingMaterials = "SEPARATION_PROOF";
        ProcessInstance pi = accept(24, "DISMISSED_BY_EMPLOYER", true, true);
        reviewComplete(pi);
        assertThat(pi).hasPassed("Task_NotifyMissingMaterials").isWaitingAt("Gateway_WaitForSupplement");

        steps.missingMaterials = "";
        runtimeService().createMessageCorrelation("MaterialsSupplied").processInstanceBusinessKey(CASE_ID).correlate();
        assertThat(pi).hasPassed("Event_MaterialsSupplied").isWaitingAt("Task_ReviewMaterials");
        reviewComplete(pi);
        assertThat(pi).isWaitingAt("Task_RegisterUnemployment").variables().containsEntry("benefitMonths", 15);
    }

    @Test
    void aSupplementNeverBroughtWithdrawsTheCase() {
        steps.missingMaterials = "SEPARATION_PROOF";
        ProcessInstance pi = accept(24, "DISMISSED_BY_EMPLOYER", true, true);
        steps.work(pi, "Task_ReviewMaterials", "window1", withVariables("materialsDecision", "INCOMPLETE", "materialsNote", "证明未盖章"));
        execute(job());
        assertThat(pi).hasPassed("Timer_SupplementDeadline", "Task_WithdrawCase").isEnded().hasPassed("End_Withdrawn");
    }

    @Test
    void aClaimantWhoResignedIsNotAcceptedAndToldWhy() {
        ProcessInstance pi = accept(66, "RESIGNED", true, true);
        reviewComplete(pi);
        assertThat(pi).hasPassed("Task_CheckEligibility", "Task_NotifyNotAccepted").hasNotPassed("Task_RegisterUnemployment")
                .isEnded().hasPassed("End_NotAccepted");
        steps.assertRejectionReasonContains(pi, "本人意愿");
    }

    @Test
    void aClaimantNotRegisteredIsNotAccepted() {
        ProcessInstance pi = accept(66, "CONTRACT_EXPIRED", false, true);
        reviewComplete(pi);
        assertThat(pi).isEnded().hasPassed("End_NotAccepted");
        steps.assertRejectionReasonContains(pi, "未办理失业登记");
    }

    @Test
    void theUnemploymentInsuranceOfficeMayRefuseWithItsReasonAfterCheckingTheRecords() {
        ProcessInstance pi = accept(13, "CONTRACT_EXPIRED", true, true);
        reviewComplete(pi);
        steps.work(pi, "Task_RegisterUnemployment", "employment1", withVariables("registrationNo", "SY2026-0002",
                "registrationDate", "2026-11-30"));
        steps.work(pi, "Task_ApproveBenefit", "unemployment1", withVariables("benefitDecision", "REFUSE",
                "rejectionReason", "缴费记录显示实际缴费10个月，不满1年"));
        assertThat(pi).hasPassed("Gateway_BenefitApproved", "Task_NotifyNotAccepted").hasNotPassed("Task_MedicalDuringBenefit")
                .isEnded().hasPassed("End_NotAccepted");
        steps.assertRejectionReasonContains(pi, "不满1年");
    }
}
