package cn.yijianshi.matters;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Both paths of 失业保险金停发: the unemployment insurance office stops the benefit case's payments, or says why not. */
@Deployment(resources = {"processes/unemployment-stop/unemployment-stop.bpmn", "forms/unemployment-stop/stop-benefit.form"})
class UnemploymentStopProcessTest {

    private static final String CASE_ID = "SYT-20261130-000001";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(1.0).build();

    private CaseStepStandIns steps;

    @BeforeEach
    void standIn() {
        steps = CaseStepStandIns.register(engine.getProcessEngine(), "unemployment-stop");
    }

    @AfterEach
    void reset() {
        CaseStepStandIns.reset(engine.getProcessEngine());
    }

    private ProcessInstance accept() {
        return runtimeService().startProcessInstanceByKey("unemployment-stop", CASE_ID, Map.of("caseId", CASE_ID, "taskPriority", 50,
                "priority", "NORMAL", "channel", "ONLINE", "benefitCaseId", "SY-20260601-000007", "reemploymentDate", "2026-11-28"));
    }

    @Test
    void aClaimantWhoFoundWorkHasTheBenefitStopped() {
        ProcessInstance pi = accept();
        assertThat(task(pi)).hasDefinitionKey("Task_StopBenefit").hasCandidateGroup("dept-unemployment");
        steps.work(pi, "Task_StopBenefit", "unemployment1", withVariables("stopDecision", "STOP", "stopFromMonth", "2026-12"));
        assertThat(pi).hasPassed("Task_NotifyCompletion").isEnded().hasPassed("End_Completed");
        steps.assertTold("departmentsStarted", "completionNotice");
    }

    @Test
    void aStopTheOfficeCannotMakeIsNotAcceptedWithItsReason() {
        ProcessInstance pi = accept();
        steps.work(pi, "Task_StopBenefit", "unemployment1", withVariables("stopDecision", "REFUSE",
                "rejectionReason", "原办件的失业保险金已于2026-10领完"));
        assertThat(pi).hasPassed("Task_NotifyNotAccepted").isEnded().hasPassed("End_NotAccepted");
        steps.assertRejectionReasonContains(pi, "已于2026-10领完");
    }
}
