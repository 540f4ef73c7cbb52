package cn.yijianshi.retirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.TestCalendars;
import cn.yijianshi.intake.CaseFile;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cases accepted on 退休一件事 as it was before the converging gateways (processes-history/retirement-one-stop-before-joins.bpmn)
 * stay on that version when the current one is deployed, and run to 办结 there, a hard case raised in a department
 * included; new cases start on the current version and pass its join gateways.
 */
class CasesOnTheVersionBeforeTheJoinsTest {

    private static final String KEY = "retirement-one-stop";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    private final List<String> deployments = new ArrayList<>();
    private RepositoryService repository;

    @BeforeEach
    void standInForJavaSteps() {
        ProcessEngine processEngine = engine.getProcessEngine();
        BpmnAwareTests.init(processEngine);
        repository = processEngine.getRepositoryService();
        JavaDelegate noop = execution -> { };
        Mocks.register("materialsComparison", (JavaDelegate) execution -> execution.setVariable("missingMaterialCodes", ""));
        Mocks.register("missingMaterialsNotice", noop);
        Mocks.register("overdueWithdrawal", noop);
        Mocks.register("eligibilityFacts", (JavaDelegate) execution -> execution.setVariables(Map.of("ageReached", true,
                "flexibleWindowReached", true, "contributionSufficient", true, "eligibilityExplanation", "符合条件")));
        Mocks.register("caseMilestones", mock(CaseMilestones.class));
        Mocks.register("notAcceptedNotice", noop);
        Mocks.register("pensionEstimateStep", noop);
        Mocks.register("completionNotice", noop);
        HardCaseFlag hardCaseFlag = new HardCaseFlag(mock(CaseFile.class));
        Mocks.register("recordHardCaseFlag", hardCaseFlag);
        Mocks.register("hardCaseFlag", new HardCaseFlag.ThroughTheErrorBoundary(hardCaseFlag));
        Mocks.register("fourEyes", new FourEyesOfEarlierVersions());
        Mocks.register("sla", TestCalendars.slaClock());
        Mocks.register("slaTimer", (TaskListener) task -> { });
    }

    @AfterEach
    void cleanUp() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
        Mocks.reset();
        engine.getProcessEngine().getIdentityService().clearAuthentication();
    }

    private ProcessDefinition deploy(String retirement) {
        String id = repository.createDeployment().addClasspathResource(retirement)
                .addClasspathResource("processes/retirement/retirement-materials.dmn").addClasspathResource("processes/retirement/retirement-eligibility.dmn")
                .addClasspathResource("stubs/hard-case-escalation-stub.bpmn").enableDuplicateFiltering(false).deploy().getId();
        deployments.add(id);
        return repository.createProcessDefinitionQuery().deploymentId(id).processDefinitionKey(KEY).singleResult();
    }

    private ProcessInstance accept(String caseId) {
        Map<String, Object> vars = new HashMap<>(Map.of("caseId", caseId, "taskPriority", 50, "retirementType", "NORMAL",
                "hasFundAccount", true, "disputedSeniority", false));
        return BpmnAwareTests.runtimeService().startProcessInstanceByKey(KEY, caseId, vars);
    }

    private void work(ProcessInstance pi, String taskKey, String user, Map<String, Object> variables) {
        BpmnAwareTests.assertThat(pi).isWaitingAt(taskKey);
        var task = BpmnAwareTests.taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        engine.getProcessEngine().getIdentityService().setAuthenticatedUserId(user);
        try {
            BpmnAwareTests.taskService().claim(task.getId(), user);
            BpmnAwareTests.taskService().complete(task.getId(), variables);
        } finally {
            engine.getProcessEngine().getIdentityService().clearAuthentication();
        }
    }

    private void toDepartments(ProcessInstance pi) {
        work(pi, "Task_ReviewMaterials", "window1", withVariables("materialsDecision", "COMPLETE", "originalAge", "60",
                "contributionMonths", 360));
        BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ArchivesReview", "Task_MedicalTransfer", "Task_FundWithdrawal");
    }

    private void toCompletion(ProcessInstance pi) {
        work(pi, "Task_ArchivesReview", "archives1", withVariables("flagHardCase", true, "hardCaseReason", "工龄认定有争议"));
        ProcessInstance hardCase = BpmnAwareTests.runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
                .singleResult();
        work(hardCase, "Task_StubExpert", "expert1", withVariables("expertDecision", "APPROVE", "replyText", "按档案认定"));
        work(pi, "Task_ArchivesReview", "archives1", withVariables("confirmedContributionMonths", 360));
        work(pi, "Task_AssessPension", "pension1", withVariables("approvedMonthlyPension", 3000));
        work(pi, "Task_MedicalTransfer", "medical1", withVariables("departmentResult", "已变更"));
        work(pi, "Task_FundWithdrawal", "fund1", withVariables("departmentResult", "已提取"));
        work(pi, "Task_ApproveRetirement", "pension2", withVariables("approvalDecision", "RETURN"));
        work(pi, "Task_ReassessPension", "pension1", withVariables("approvedMonthlyPension", 3100));
        work(pi, "Task_ApproveRetirement", "pension2", withVariables("approvalDecision", "APPROVE"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_Completed");
    }

    @Test
    void aCaseInTheDepartmentsWhenTheNewVersionArrivesIsFinishedOnItsOwnVersion() {
        ProcessDefinition before = deploy("processes-history/retirement-one-stop-before-joins.bpmn");
        ProcessInstance running = accept("TX-20261122-000001");
        toDepartments(running);

        ProcessDefinition current = deploy("processes/retirement/retirement-one-stop.bpmn");
        assertThat(current.getVersion()).isGreaterThan(before.getVersion());
        toCompletion(running);
        assertThat(BpmnAwareTests.historyService().createHistoricProcessInstanceQuery().processInstanceId(running.getId())
                .singleResult().getProcessDefinitionId()).isEqualTo(before.getId());
        BpmnAwareTests.assertThat(running).hasNotPassed("Gateway_JoinArchivesReview").hasPassed("Boundary_ArchivesHardCase");

        ProcessInstance next = accept("TX-20261122-000002");
        assertThat(next.getProcessDefinitionId()).isEqualTo(current.getId());
        toDepartments(next);
        toCompletion(next);
        BpmnAwareTests.assertThat(next).hasPassed("Gateway_JoinRequiredMaterials", "Gateway_JoinArchivesReview",
                "Gateway_JoinAssessPension", "Gateway_JoinMedicalTransfer", "Gateway_JoinFundWithdrawal", "Gateway_JoinApproval",
                "Gateway_ArchivesHardCase", "Call_ExpertReviewArchives");
    }
}
