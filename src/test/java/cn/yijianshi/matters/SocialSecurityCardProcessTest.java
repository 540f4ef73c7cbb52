package cn.yijianshi.matters;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of 社保卡补换 through the engine: 挂失 first for a lost card, 绿色通道 for a family member's PROXY application. */
@Deployment(resources = {"processes/social-security-card/social-security-card.bpmn",
        "processes/social-security-card/social-security-card-materials.dmn", "processes/social-security-card/social-security-card-route.dmn",
        "forms/social-security-card/review-materials.form", "forms/social-security-card/report-loss.form",
        "forms/social-security-card/replace.form"})
class SocialSecurityCardProcessTest {

    private static final String CASE_ID = "SBK-20261130-000001";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(1.0).build();

    private CaseStepStandIns steps;

    @BeforeEach
    void standIn() {
        steps = CaseStepStandIns.register(engine.getProcessEngine(), "social-security-card");
    }

    @AfterEach
    void reset() {
        CaseStepStandIns.reset(engine.getProcessEngine());
    }

    private ProcessInstance accept(String channel, String reason) {
        Map<String, Object> variables = new HashMap<>(Map.of("caseId", CASE_ID, "taskPriority", 50, "priority", "NORMAL",
                "channel", channel, "reason", reason, "deliveryAddress", "重庆市渝中区解放碑街道民族路1号", "recipientPhone", "13800138000"));
        if (channel.equals("PROXY")) {
            variables.put("hospitalName", "重庆医科大学附属第一医院");
        }
        return runtimeService().startProcessInstanceByKey("social-security-card", CASE_ID, variables);
    }

    private void reviewComplete(ProcessInstance pi) {
        org.assertj.core.api.Assertions.assertThat(steps.formOf(pi, "Task_ReviewMaterials")).isEqualTo("social-security-card-review-materials");
        steps.work(pi, "Task_ReviewMaterials", "window1", withVariables("materialsDecision", "COMPLETE"));
    }

    private void replaceAndMail(ProcessInstance pi) {
        assertThat(task(pi)).hasDefinitionKey("Task_ReplaceAndMailCard").hasCandidateGroup("dept-card");
        steps.work(pi, "Task_ReplaceAndMailCard", "card1", withVariables("newCardNo", "A12345678", "trackingNumber", "1234567890123",
                "mailedOn", "2026-12-01"));
    }

    @Test
    void aLostCardIsReportedFirstThenReplacedAndMailed() {
        ProcessInstance pi = accept("WINDOW", "LOST");
        assertThat(pi).variables().containsEntry("requiredMaterials", List.of("ID_CARD", "PHOTO"));
        reviewComplete(pi);
        assertThat(pi).variables().containsEntry("greenChannel", false).containsEntry("reportLoss", true)
                .containsEntry("priority", "NORMAL").containsEntry("taskPriority", 50);
        assertThat(task(pi)).hasDefinitionKey("Task_ReportLoss").hasCandidateGroup("dept-card");
        steps.work(pi, "Task_ReportLoss", "card1", withVariables("lossResult", "REPORTED"));
        replaceAndMail(pi);
        assertThat(pi).hasPassed("Task_ReportLoss", "Task_NotifyCompletion").isEnded().hasPassed("End_Completed");
        steps.assertTold("departmentsStarted", "completionNotice");
    }

    @Test
    void aFamilyMemberForAHolderInHospitalGetsTheGreenChannelWithAPowerOfAttorney() {
        ProcessInstance pi = accept("PROXY", "DAMAGED");
        assertThat(pi).variables().containsEntry("requiredMaterials",
                List.of("ID_CARD", "PHOTO", "DAMAGED_CARD", "POWER_OF_ATTORNEY", "PROXY_ID_CARD"));
        reviewComplete(pi);
        assertThat(pi).variables().containsEntry("greenChannel", true).containsEntry("priority", "URGENT").containsEntry("taskPriority", 80);
        assertThat(task(pi)).hasDefinitionKey("Task_ReplaceAndMailCard");
        org.assertj.core.api.Assertions.assertThat(task(pi).getPriority()).isEqualTo(80);
        replaceAndMail(pi);
        assertThat(pi).hasNotPassed("Task_ReportLoss").isEnded().hasPassed("End_Completed");
    }

    @Test
    void aLostCardWithoutAValidRecordIsNotAccepted() {
        ProcessInstance pi = accept("PROXY", "LOST");
        reviewComplete(pi);
        steps.work(pi, "Task_ReportLoss", "card1", withVariables("lossResult", "NO_CARD", "rejectionReason", "持卡人名下无有效社保卡，请申领新卡"));
        assertThat(pi).hasPassed("Task_NotifyNotAccepted").hasNotPassed("Task_ReplaceAndMailCard").isEnded().hasPassed("End_NotAccepted");
        steps.assertRejectionReasonContains(pi, "无有效社保卡");
    }

    @Test
    void missingMaterialsAreToldOnceAndTheSupplementBringsTheCaseBack() {
        steps.missingMaterials = "POWER_OF_ATTORNEY";
        ProcessInstance pi = accept("PROXY", "DAMAGED");
        reviewComplete(pi);
        assertThat(pi).hasPassed("Task_NotifyMissingMaterials").isWaitingAt("Gateway_WaitForSupplement");
        steps.missingMaterials = "";
        runtimeService().createMessageCorrelation("MaterialsSupplied").processInstanceBusinessKey(CASE_ID).correlate();
        assertThat(pi).hasPassed("Event_MaterialsSupplied").isWaitingAt("Task_ReviewMaterials");
        reviewComplete(pi);
        assertThat(pi).isWaitingAt("Task_ReplaceAndMailCard");
    }

    @Test
    void aSupplementNeverBroughtWithdrawsTheCase() {
        steps.missingMaterials = "POWER_OF_ATTORNEY";
        ProcessInstance pi = accept("PROXY", "DAMAGED");
        reviewComplete(pi);
        execute(job());
        assertThat(pi).hasPassed("Task_WithdrawCase").isEnded().hasPassed("End_Withdrawn");
    }
}
