package cn.yijianshi.outreach;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of 政策找人电话邀约: reached, unreachable, the citizen confirming first, the invitation running out. */
@Deployment(resources = {"processes/outreach/outreach-call.bpmn", "forms/outreach/call.form"})
class OutreachCallProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private static final String INVITATION = "YY-20300610-000001";
    private InvitationMapper invitations;

    @BeforeEach
    void standIn() {
        BpmnAwareTests.init(engine.getProcessEngine());
        invitations = mock(InvitationMapper.class);
        Mocks.register("outreachCall", new OutreachCall(invitations));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance invite() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("invitationId", INVITATION);
        variables.put("applicantName", "赵大勇");
        variables.put("applicantIdMasked", "320102********1234");
        variables.put("phoneMasked", "139****0001");
        variables.put("statutoryMonth", "2030-08");
        variables.put("contributionMonths", 150);
        variables.put("minContributionMonths", 186);
        variables.put("monthsLacking", 36);
        variables.put("options", "延长缴费（延缴）：…");
        variables.put("expiresAt", Date.from(LocalDate.of(2030, 12, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("outreach-call", INVITATION, variables);
        assertThat(pi).isWaitingAt("Task_CallCitizen");
        assertThat(task(pi)).hasCandidateGroup("experts");
        return pi;
    }

    @Test
    void theExpertReachesTheCitizenAndTheOutcomeIsRecorded() {
        ProcessInstance pi = invite();
        complete(task(pi), withVariables("callOutcome", "REACHED", "callNote", "已告知可延缴36个月"));
        assertThat(pi).hasPassed("Task_RecordCallOutcome", "Gateway_CitizenReached").isEnded().hasPassed("End_CitizenTold");
        verify(invitations).recordCallOutcome(INVITATION, "REACHED");
    }

    @Test
    void aCitizenNobodyReachesWaitsForThemToCome() {
        ProcessInstance pi = invite();
        complete(task(pi), withVariables("callOutcome", "UNREACHABLE"));
        assertThat(pi).isEnded().hasPassed("End_Unreachable").hasNotPassed("End_CitizenTold");
        verify(invitations).recordCallOutcome(INVITATION, "UNREACHABLE");
    }

    @Test
    void aCitizenWhoConfirmsBeforeTheCallEndsIt() {
        ProcessInstance pi = invite();
        runtimeService().createMessageCorrelation("InvitationConfirmed").processInstanceId(pi.getId()).correlateAll();
        assertThat(pi).isEnded().hasPassed("Event_InvitationConfirmed", "End_Confirmed").hasNotPassed("Task_RecordCallOutcome");
        verify(invitations, never()).recordCallOutcome(any(), any());
    }

    @Test
    void anInvitationThatRunsOutEndsTheCall() {
        ProcessInstance pi = invite();
        assertThat(job("Timer_InvitationExpired", pi)).isNotNull();
        execute(job("Timer_InvitationExpired", pi));
        assertThat(pi).isEnded().hasPassed("Timer_InvitationExpired", "End_Expired");
        verify(invitations, never()).recordCallOutcome(eq(INVITATION), any());
    }
}
