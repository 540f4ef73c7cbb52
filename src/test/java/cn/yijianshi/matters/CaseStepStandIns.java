package cn.yijianshi.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for the generic case steps (cn.yijianshi.casework) in a matter's process test: each records that it ran
 * and sets only what the route reads (missingMaterialCodes, supplementWait), so the test sees the BPMN decide.
 */
final class CaseStepStandIns {

    String missingMaterials = "";
    final List<String> ran = new ArrayList<>();
    private final ProcessEngine engine;

    private final String formPrefix;

    private CaseStepStandIns(ProcessEngine engine, String formPrefix) {
        this.engine = engine;
        this.formPrefix = formPrefix;
    }

    /** {@code formPrefix}: the matter's folder, which every task form id of the matter starts with. */
    static CaseStepStandIns register(ProcessEngine engine, String formPrefix) {
        BpmnAwareTests.init(engine);
        CaseStepStandIns steps = new CaseStepStandIns(engine, formPrefix + "-");
        Mocks.register("materialsComparison", (JavaDelegate) execution -> {
            steps.ran.add("materialsComparison");
            execution.setVariable("missingMaterialCodes", steps.missingMaterials);
        });
        Mocks.register("missingMaterialsNotice", (JavaDelegate) execution -> {
            steps.ran.add("missingMaterialsNotice");
            execution.setVariable("supplementWait", "P30D");
        });
        for (String bean : List.of("overdueWithdrawal", "notAcceptedNotice", "completionNotice")) {
            Mocks.register(bean, (JavaDelegate) execution -> steps.ran.add(bean));
        }
        // The engine plugin gives every user task of a case process its SLA timer: the clock computes it, the
        // listener does nothing here (SlaTimersTest covers what it does).
        Mocks.register("sla", cn.yijianshi.TestCalendars.slaClock());
        Mocks.register("slaTimer", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
        Mocks.register("departmentsStarted", (ExecutionListener) execution -> steps.ran.add("departmentsStarted"));
        Mocks.register("casePriority", (ExecutionListener) execution -> steps.ran.add("casePriority"));
        return steps;
    }

    static void reset(ProcessEngine engine) {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
    }

    /** The id of the form the task shows, read from the task's own deployment (formRefBinding="deployment"). */
    String formOf(ProcessInstance pi, String taskKey) {
        var task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        engine.getIdentityService().clearAuthentication();
        try (java.io.InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(form).get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Claims and completes the task as a member of its group would, with the form its deployment gives it. */
    void work(ProcessInstance pi, String taskKey, String user, Map<String, Object> variables) {
        BpmnAwareTests.assertThat(pi).isWaitingAt(taskKey);
        assertThat(formOf(pi, taskKey)).as("form of %s", taskKey).startsWith(formPrefix);
        var task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            engine.getTaskService().claim(task.getId(), user);
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    void assertTold(String... steps) {
        assertThat(ran).contains(steps);
    }

    void assertRejectionReasonContains(ProcessInstance pi, String text) {
        Object reason = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("rejectionReason").singleResult().getValue();
        assertThat(String.valueOf(reason)).contains(text);
        assertThat(ran).contains("notAcceptedNotice");
    }
}
