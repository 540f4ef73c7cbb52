package cn.yijianshi.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.yijianshi.TestCalendars;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Four eyes in any matter's BPMN: one property on the second task, nothing else. */
class FourEyesTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    private final List<String> deployments = new ArrayList<>();
    private RepositoryService repository;
    private TaskService tasks;

    @BeforeEach
    void deploy() {
        repository = engine.getProcessEngine().getRepositoryService();
        tasks = engine.getProcessEngine().getTaskService();
        Mocks.register("sla", TestCalendars.slaClock());
        Mocks.register("slaTimer", (TaskListener) task -> { });
        deployments.add(repository.createDeployment().addString("four-eyes.bpmn", BPMN).deploy().getId());
    }

    @AfterEach
    void cleanUp() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
        Mocks.reset();
    }

    private Task task(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private void claimAndComplete(ProcessInstance pi, String user) {
        Task task = task(pi);
        tasks.claim(task.getId(), user);
        tasks.complete(task.getId());
    }

    @Test
    void whoeverDidTheFirstReviewCannotDoTheSecondOneNorClaimIt() {
        ProcessInstance pi = engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey("Process_FourEyes",
                Map.of("priority", "NORMAL"));
        claimAndComplete(pi, "alice");
        assertThat(engine.getProcessEngine().getRuntimeService().getVariable(pi.getId(), "performedBy_Task_FirstReview"))
                .isEqualTo("alice");

        Task second = task(pi);
        // a variable of the task's own cannot stand in for who did the first review
        tasks.setVariableLocal(second.getId(), "performedBy_Task_FirstReview", "nobody");
        assertThatThrownBy(() -> tasks.claim(second.getId(), "alice"))
                .hasRootCauseInstanceOf(RefusedRequest.class)
                .hasMessageContaining("四眼原则：复审人不能是初审人（alice）")
                .hasMessageContaining("whoever did Task_FirstReview must not do Task_SecondReview (alice)");
        assertThat(task(pi).getAssignee()).isNull();
        assertThatThrownBy(() -> tasks.setAssignee(second.getId(), "alice")).hasMessageContaining("四眼原则");

        claimAndComplete(pi, "bob");
        assertThat(engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aTaskOthersAreCheckedAgainstMustBeClaimedSoItsPerformerIsKnown() {
        ProcessInstance pi = engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey("Process_FourEyes",
                Map.of("priority", "NORMAL"));
        assertThatThrownBy(() -> tasks.complete(task(pi).getId())).hasMessageContaining("初审须由认领人完成（请先认领）");
        assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_FirstReview");
    }

    private static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_FourEyes" targetNamespace="https://yijianshi.cn/bpmn">
              <bpmn:process id="Process_FourEyes" name="四眼测试" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:extensionElements>
                  <camunda:properties><camunda:property name="caseProcess" value="true" /></camunda:properties>
                </bpmn:extensionElements>
                <bpmn:startEvent id="Event_Start" name="开始" />
                <bpmn:sequenceFlow id="Flow_ToFirst" sourceRef="Event_Start" targetRef="Task_FirstReview" />
                <bpmn:userTask id="Task_FirstReview" name="初审" camunda:candidateGroups="window" />
                <bpmn:sequenceFlow id="Flow_ToSecond" sourceRef="Task_FirstReview" targetRef="Task_SecondReview" />
                <bpmn:userTask id="Task_SecondReview" name="复审" camunda:candidateGroups="window">
                  <bpmn:extensionElements>
                    <camunda:properties><camunda:property name="fourEyesAgainst" value="Task_FirstReview" /></camunda:properties>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_SecondReview" targetRef="Event_End" />
                <bpmn:endEvent id="Event_End" name="结束" />
              </bpmn:process>
            </bpmn:definitions>
            """;
}
