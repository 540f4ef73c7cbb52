package cn.yijianshi.retirement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;

import java.util.HashMap;
import java.util.Map;

import cn.yijianshi.TestCalendars;
import cn.yijianshi.intake.CaseFile;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
 * Every path of 退休一件事, driven through the engine. Steps that do their work in Java are stood in
 * for by delegates that only set the facts the route depends on; the route itself is the BPMN's. The
 * hard-case process it calls is stood in for by a one-task stub (its own paths are in HardCaseEscalationProcessTest).
 */
@Deployment(resources = {"processes/retirement/retirement-one-stop.bpmn", "processes/retirement/retirement-materials.dmn",
        "processes/retirement/retirement-eligibility.dmn", "stubs/hard-case-escalation-stub.bpmn"})
class RetirementOneStopProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private String missingMaterials;
    private Map<String, Object> eligibilityFacts;

    @BeforeEach
    void standInForJavaSteps() {
        ProcessEngine processEngine = engine.getProcessEngine();
        BpmnAwareTests.init(processEngine);
        missingMaterials = "";
        eligibilityFacts = Map.of("ageReached", true, "flexibleWindowReached", true, "contributionSufficient", true,
                "eligibilityExplanation", "符合条件");
        JavaDelegate noop = execution -> { };
        Mocks.register("materialsComparison", (JavaDelegate) execution ->
                execution.setVariable("missingMaterialCodes", missingMaterials));
        Mocks.register("missingMaterialsNotice", (JavaDelegate) execution -> execution.setVariable("supplementWait", "P30D"));
        Mocks.register("overdueWithdrawal", noop);
        Mocks.register("eligibilityFacts", (JavaDelegate) execution -> execution.setVariables(eligibilityFacts));
        Mocks.register("caseMilestones", mock(CaseMilestones.class));
        Mocks.register("notAcceptedNotice", noop);
        Mocks.register("pensionEstimateStep", noop);
        Mocks.register("completionNotice", noop);
        Mocks.register("recordHardCaseFlag", new HardCaseFlag(mock(CaseFile.class)));
        Mocks.register("sla", TestCalendars.slaClock());
        Mocks.register("slaTimer", (TaskListener) task -> { });
    }

    @AfterEach
    void forgetUser() {
        Mocks.reset();
        engine.getProcessEngine().getIdentityService().clearAuthentication();
    }

    private ProcessInstance accept(String retirementType, boolean hasFundAccount) {
        Map<String, Object> vars = new HashMap<>(Map.of("caseId", "TX-20261122-000001", "taskPriority", 50,
                "retirementType", retirementType, "hasFundAccount", hasFundAccount, "disputedSeniority", false));
        return runtimeService().startProcessInstanceByKey("retirement-one-stop", "TX-20261122-000001", vars);
    }

    private void work(ProcessInstance pi, String taskKey, String user, Map<String, Object> variables) {
        assertThat(pi).isWaitingAt(taskKey);
        var task = taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        engine.getProcessEngine().getIdentityService().setAuthenticatedUserId(user);
        try {
            taskService().claim(task.getId(), user);
            taskService().complete(task.getId(), variables);
        } finally {
            engine.getProcessEngine().getIdentityService().clearAuthentication();
        }
    }

    /** A flagged task was completed by the person who flagged it; the gateway after it sent the case on and took the flag down. */
    private void flaggedBy(ProcessInstance pi, String taskKey, String user, String gateway) {
        var done = historyService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(taskKey).finished().orderByHistoricActivityInstanceStartTime().desc().list().get(0);
        org.assertj.core.api.Assertions.assertThat(done.getAssignee()).isEqualTo(user);
        org.assertj.core.api.Assertions.assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(pi).hasPassed(gateway).variables().containsEntry("flagHardCase", false)
                .containsEntry("hardCaseRaisedIn", done.getName());
    }

    /** The expert workstation answers through the called hard-case process; the case resumes with it. */
    private void expertAnswers(ProcessInstance pi, String callActivity, Map<String, Object> answer) {
        assertThat(pi).isWaitingAt(callActivity);
        ProcessInstance hardCase = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
                .singleResult();
        assertThat(hardCase).hasBusinessKey("TX-20261122-000001");
        assertThat(hardCase).variables().containsKeys("issueCategory", "issueSource", "issueDescription");
        work(hardCase, "Task_StubExpert", "expert1", answer);
    }

    private void reviewComplete(ProcessInstance pi) {
        assertThat(task(pi)).hasDefinitionKey("Task_ReviewMaterials").hasCandidateGroup("window");
        work(pi, "Task_ReviewMaterials", "window1", withVariables("materialsDecision", "COMPLETE",
                "originalAge", "60", "contributionMonths", 360));
    }

    private void departmentsDone(ProcessInstance pi, boolean fund) {
        assertThat(pi).isWaitingAt("Task_ArchivesReview", "Task_MedicalTransfer");
        work(pi, "Task_ArchivesReview", "archives1", withVariables("confirmedContributionMonths", 360));
        work(pi, "Task_AssessPension", "pension1", withVariables("approvedMonthlyPension", 3000));
        work(pi, "Task_MedicalTransfer", "medical1", withVariables("departmentResult", "已变更"));
        if (fund) {
            work(pi, "Task_FundWithdrawal", "fund1", withVariables("departmentResult", "已提取"));
        }
    }

    @Test
    void completeCaseRunsFromWindowThroughEveryDepartmentToCompletion() {
        ProcessInstance pi = accept("NORMAL", true);
        reviewComplete(pi);
        assertThat(pi).hasPassed("Task_ComputeEligibilityFacts", "Task_PreReview").variables().containsEntry("eligibility", "ELIGIBLE");
        assertThat(pi).isWaitingAt("Task_ArchivesReview", "Task_MedicalTransfer", "Task_FundWithdrawal");
        departmentsDone(pi, true);
        assertThat(task(pi)).hasDefinitionKey("Task_ApproveRetirement").hasCandidateGroup("dept-pension");
        work(pi, "Task_ApproveRetirement", "pension2", withVariables("approvalDecision", "APPROVE"));
        assertThat(pi).hasPassed("Task_NotifyCompletion").isEnded().hasPassed("End_Completed");
    }

    @Test
    void missingMaterialsAreToldOnceAndTheSupplementReturnsTheCaseToReview() {
        missingMaterials = "HUKOU,ARCHIVES";
        ProcessInstance pi = accept("NORMAL", false);
        work(pi, "Task_ReviewMaterials", "window1", withVariables("materialsDecision", "INCOMPLETE", "originalAge", "60"));
        assertThat(pi).hasPassed("Task_NotifyMissingMaterials").isWaitingAt("Gateway_WaitForSupplement");

        missingMaterials = "";
        runtimeService().createMessageCorrelation("MaterialsSupplied").processInstanceBusinessKey("TX-20261122-000001").correlate();
        assertThat(pi).hasPassed("Event_MaterialsSupplied").isWaitingAt("Task_ReviewMaterials");
        reviewComplete(pi);
        assertThat(pi).isWaitingAt("Task_ArchivesReview", "Task_MedicalTransfer").isNotWaitingAt("Task_FundWithdrawal");
    }

    @Test
    void clerkConfirmingCompleteWhileItemsAreStillMissingStillGetsTheNotice() {
        missingMaterials = "ARCHIVES";
        ProcessInstance pi = accept("NORMAL", false);
        reviewComplete(pi);
        assertThat(pi).hasPassed("Task_NotifyMissingMaterials").hasNotPassed("Task_ComputeEligibilityFacts");
    }

    @Test
    void supplementNeverBroughtWithdrawsTheCaseWhenTheDeadlineTimerFires() {
        missingMaterials = "ARCHIVES";
        ProcessInstance pi = accept("NORMAL", false);
        work(pi, "Task_ReviewMaterials", "window1", withVariables("materialsDecision", "INCOMPLETE", "originalAge", "60"));
        assertThat(job("Timer_SupplementDeadline", pi)).isNotNull();
        execute(job("Timer_SupplementDeadline", pi));
        assertThat(pi).hasPassed("Task_WithdrawCase").isEnded().hasPassed("End_Withdrawn");
    }

    @Test
    void applicantBelowTheAgeIsNotAcceptedAndToldWhy() {
        eligibilityFacts = Map.of("ageReached", false, "flexibleWindowReached", false, "contributionSufficient", true,
                "eligibilityExplanation", "最早可于 2028-05 办理");
        ProcessInstance pi = accept("NORMAL", false);
        reviewComplete(pi);
        assertThat(pi).variables().containsEntry("eligibility", "NOT_YET");
        assertThat(pi).hasPassed("Task_NotifyNotAccepted").isEnded().hasPassed("End_NotAccepted");
    }

    @Test
    void anEarlyApplicationIsPreReviewedAndWaitsForTheFirstWorkingDayOfItsMonth() {
        eligibilityFacts = Map.of("ageReached", false, "flexibleWindowReached", false, "contributionSufficient", true,
                "earlyApplication", true, "retirementMonthStartsAt", "2027-01-04T01:00:00Z",
                "eligibilityExplanation", "已在提前预审期内");
        ProcessInstance pi = accept("NORMAL", false);
        reviewComplete(pi);
        assertThat(pi).variables().containsEntry("eligibility", "EARLY");
        // the archives are reviewed before the wait (提前预审: materials, archives, seniority, the estimate)
        assertThat(task(pi)).hasDefinitionKey("Task_ArchivesPreReview").hasCandidateGroup("dept-archives");
        assertThat(pi).hasNotPassed("Task_EstimatePensionEarly");
        work(pi, "Task_ArchivesPreReview", "archives1", withVariables("confirmedContributionMonths", 362));
        assertThat(pi).hasPassed("Task_EstimatePensionEarly", "Task_HoldForRetirementMonth")
                .isWaitingAt("Timer_RetirementMonth").hasNotPassed("Task_NotifyNotAccepted");
        assertThat(pi).variables().containsEntry("archivesPreReviewed", true).containsEntry("confirmedContributionMonths", 362);
        assertThat(job("Timer_RetirementMonth", pi)).isNotNull();
        org.assertj.core.api.Assertions.assertThat(job("Timer_RetirementMonth", pi).getDuedate()).isEqualTo(java.util.Date.from(java.time.Instant.parse("2027-01-04T01:00:00Z")));
        execute(job("Timer_RetirementMonth", pi));
        // in the month the departments start, and the archives are not reviewed a second time
        assertThat(pi).hasPassed("Task_ResumeInRetirementMonth", "Gateway_ArchivesPreReviewed")
                .isWaitingAt("Task_AssessPension", "Task_MedicalTransfer").hasNotPassed("Task_ArchivesReview");
        work(pi, "Task_AssessPension", "pension1", withVariables("approvedMonthlyPension", 3100));
        work(pi, "Task_MedicalTransfer", "medical1", withVariables("departmentResult", "已变更"));
        assertThat(pi).isWaitingAt("Task_ApproveRetirement");
    }

    @Test
    void anArchivesPreReviewFlaggedHardGoesToAnExpertAndBackBeforeTheWait() {
        eligibilityFacts = Map.of("ageReached", false, "flexibleWindowReached", false, "contributionSufficient", true,
                "earlyApplication", true, "retirementMonthStartsAt", "2027-01-04T01:00:00Z",
                "eligibilityExplanation", "已在提前预审期内");
        ProcessInstance pi = accept("NORMAL", false);
        reviewComplete(pi);
        work(pi, "Task_ArchivesPreReview", "archives1", withVariables("flagHardCase", true, "hardCaseReason", "视同缴费年限存疑"));
        assertThat(pi).isWaitingAt("Call_ExpertReviewArchivesPreReview").isNotWaitingAt("Task_ArchivesPreReview");
        flaggedBy(pi, "Task_ArchivesPreReview", "archives1", "Gateway_ArchivesPreReviewHardCase");
        assertThat(pi).hasNotPassed("Task_EstimatePensionEarly");
        assertThat(pi).variables().doesNotContainKey("archivesPreReviewed");
        expertAnswers(pi, "Call_ExpertReviewArchivesPreReview", withVariables("replyText", "按原劳动部文件认定"));
        assertThat(pi).isWaitingAt("Task_ArchivesPreReview").variables().containsEntry("expertAdvice", "按原劳动部文件认定");
        work(pi, "Task_ArchivesPreReview", "archives1", withVariables("confirmedContributionMonths", 360));
        assertThat(pi).hasPassed("Task_EstimatePensionEarly").isWaitingAt("Timer_RetirementMonth")
                .variables().containsEntry("archivesPreReviewed", true);
    }

    @Test
    void aFlexibleEarlyApplicationBeforeItsChosenMonthWaitsToo() {
        eligibilityFacts = Map.of("ageReached", false, "flexibleWindowReached", false, "contributionSufficient", true,
                "earlyApplication", true, "retirementMonthStartsAt", "2027-03-01T01:00:00Z",
                "eligibilityExplanation", "弹性提前，提前预审");
        ProcessInstance pi = accept("FLEXIBLE_EARLY", false);
        reviewComplete(pi);
        assertThat(pi).variables().containsEntry("eligibility", "EARLY");
        work(pi, "Task_ArchivesPreReview", "archives1", withVariables("confirmedContributionMonths", 360));
        assertThat(pi).hasPassed("Task_EstimatePensionEarly").isWaitingAt("Timer_RetirementMonth")
                .variables().containsEntry("archivesPreReviewed", true);
    }

    @Test
    void anEarlyApplicantShortOfTheMinimumContributionIsStillNotAccepted() {
        eligibilityFacts = Map.of("ageReached", false, "flexibleWindowReached", false, "contributionSufficient", false,
                "earlyApplication", true, "retirementMonthStartsAt", "2027-01-04T01:00:00Z",
                "eligibilityExplanation", "尚差 12 个月");
        ProcessInstance pi = accept("NORMAL", false);
        reviewComplete(pi);
        assertThat(pi).variables().containsEntry("eligibility", "NOT_YET");
        assertThat(pi).isEnded().hasPassed("End_NotAccepted").hasNotPassed("Timer_RetirementMonth");
    }

    @Test
    void flexibleEarlyRetirementInsideTheWindowIsEligible() {
        eligibilityFacts = Map.of("ageReached", false, "flexibleWindowReached", true, "contributionSufficient", true,
                "eligibilityExplanation", "弹性提前");
        ProcessInstance pi = accept("FLEXIBLE_EARLY", false);
        reviewComplete(pi);
        assertThat(pi).variables().containsEntry("eligibility", "ELIGIBLE");
        assertThat(pi).isWaitingAt("Task_ArchivesReview", "Task_MedicalTransfer");
    }

    @Test
    void specialJobRetirementGoesToTheExpertsWhoApprove() {
        ProcessInstance pi = accept("SPECIAL_JOB", false);
        reviewComplete(pi);
        assertThat(pi).variables().containsEntry("eligibility", "NEEDS_EXPERT");
        expertAnswers(pi, "Call_ExpertReview", withVariables("expertDecision", "APPROVE", "replyText", "岗位证明齐全"));
        assertThat(pi).variables().containsEntry("expertDecision", "APPROVE").containsEntry("expertOpinion", "岗位证明齐全");
        assertThat(pi).isWaitingAt("Task_ArchivesReview", "Task_MedicalTransfer");
    }

    @Test
    void illnessRetirementDeclinedByTheExpertIsNotAccepted() {
        ProcessInstance pi = accept("ILLNESS", false);
        reviewComplete(pi);
        expertAnswers(pi, "Call_ExpertReview", withVariables("expertDecision", "REJECT", "replyText", "鉴定结论不符"));
        assertThat(pi).hasPassed("Task_NotifyNotAccepted").isEnded().hasPassed("End_NotAccepted");
    }

    @Test
    void departmentTaskFlaggedHardGoesToAnExpertAndBackToTheDepartment() {
        ProcessInstance pi = accept("NORMAL", true);
        reviewComplete(pi);
        for (String[] dept : new String[][] {
                {"Task_ArchivesReview", "archives1", "Call_ExpertReviewArchives", "Gateway_ArchivesHardCase"},
                {"Task_MedicalTransfer", "medical1", "Call_ExpertReviewMedical", "Gateway_MedicalHardCase"},
                {"Task_FundWithdrawal", "fund1", "Call_ExpertReviewFund", "Gateway_FundHardCase"}}) {
            work(pi, dept[0], dept[1], withVariables("flagHardCase", true, "hardCaseReason", "视同缴费年限存疑"));
            assertThat(pi).isWaitingAt(dept[2]).isNotWaitingAt(dept[0]);
            flaggedBy(pi, dept[0], dept[1], dept[3]);
            expertAnswers(pi, dept[2], withVariables("replyText", "按原劳动部文件认定"));
            assertThat(pi).isWaitingAt(dept[0]).variables().containsEntry("expertAdvice", "按原劳动部文件认定");
        }
        work(pi, "Task_ArchivesReview", "archives1", withVariables("confirmedContributionMonths", 360));
        work(pi, "Task_AssessPension", "pension1", withVariables("flagHardCase", true, "hardCaseReason", "过渡性养老金口径"));
        flaggedBy(pi, "Task_AssessPension", "pension1", "Gateway_PensionHardCase");
        expertAnswers(pi, "Call_ExpertReviewPension", withVariables("replyText", "按本地办法计算"));
        work(pi, "Task_AssessPension", "pension1", withVariables("approvedMonthlyPension", 3000));
        work(pi, "Task_MedicalTransfer", "medical1", withVariables("departmentResult", "已变更"));
        work(pi, "Task_FundWithdrawal", "fund1", withVariables("departmentResult", "已提取"));
        assertThat(pi).isWaitingAt("Task_ApproveRetirement").variables().containsEntry("flagHardCase", false);
    }

    @Test
    void flaggingHardWithoutAReasonIsRefusedAndTheTaskStays() {
        ProcessInstance pi = accept("NORMAL", false);
        reviewComplete(pi);
        assertThatThrownBy(() -> work(pi, "Task_MedicalTransfer", "medical1", withVariables("flagHardCase", true)))
                .hasMessageContaining("hardCaseReason");
        assertThat(pi).isWaitingAt("Task_MedicalTransfer").isNotWaitingAt("Call_ExpertReviewMedical");
    }

    @Test
    void applicantWithoutFundAccountSkipsFundWithdrawal() {
        ProcessInstance pi = accept("NORMAL", false);
        reviewComplete(pi);
        assertThat(pi).isNotWaitingAt("Task_FundWithdrawal");
        departmentsDone(pi, false);
        work(pi, "Task_ApproveRetirement", "pension2", withVariables("approvalDecision", "APPROVE"));
        assertThat(pi).isEnded().hasNotPassed("Task_FundWithdrawal");
    }

    @Test
    void theAssessorCannotApproveTheSameRetirement() {
        ProcessInstance pi = accept("NORMAL", false);
        reviewComplete(pi);
        departmentsDone(pi, false);
        assertThatThrownBy(() -> work(pi, "Task_ApproveRetirement", "pension1", withVariables("approvalDecision", "APPROVE")))
                .hasMessageContaining("四眼原则");
        assertThat(pi).isWaitingAt("Task_ApproveRetirement");
        assertThat(task(pi)).isNotAssigned();
        work(pi, "Task_ApproveRetirement", "pension2", withVariables("approvalDecision", "APPROVE"));
        assertThat(pi).isEnded();
    }

    @Test
    void whoeverAssessedOrReassessedThePensionCannotApproveIt() {
        ProcessInstance pi = accept("NORMAL", false);
        reviewComplete(pi);
        departmentsDone(pi, false);
        work(pi, "Task_ApproveRetirement", "pension2", withVariables("approvalDecision", "RETURN", "approvalOpinion", "指数有误"));
        work(pi, "Task_ReassessPension", "pension3", withVariables("approvedMonthlyPension", 3100));
        assertThatThrownBy(() -> work(pi, "Task_ApproveRetirement", "pension3", withVariables("approvalDecision", "APPROVE")))
                .hasMessageContaining("四眼原则：退休审批人不能是重新核定养老金人（pension3）");
        assertThatThrownBy(() -> work(pi, "Task_ApproveRetirement", "pension1", withVariables("approvalDecision", "APPROVE")))
                .hasMessageContaining("四眼原则：退休审批人不能是养老金核定人（pension1）");
        assertThat(task(pi)).hasDefinitionKey("Task_ApproveRetirement").isNotAssigned();
        work(pi, "Task_ApproveRetirement", "pension2", withVariables("approvalDecision", "APPROVE"));
        assertThat(pi).isEnded().hasPassed("End_Completed");
    }

    @Test
    void approverReturnsThePensionForReassessmentThenApproves() {
        ProcessInstance pi = accept("NORMAL", false);
        reviewComplete(pi);
        departmentsDone(pi, false);
        work(pi, "Task_ApproveRetirement", "pension2", withVariables("approvalDecision", "RETURN", "approvalOpinion", "指数有误"));
        assertThat(task(pi)).hasDefinitionKey("Task_ReassessPension").hasCandidateGroup("dept-pension");
        work(pi, "Task_ReassessPension", "pension1", withVariables("approvedMonthlyPension", 3100));
        work(pi, "Task_ApproveRetirement", "pension2", withVariables("approvalDecision", "APPROVE"));
        assertThat(pi).isEnded().hasPassed("End_Completed");
    }
}
