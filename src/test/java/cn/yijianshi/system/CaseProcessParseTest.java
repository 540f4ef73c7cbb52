package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.yijianshi.TestCalendars;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A case process deployed now has no SLA timer (the SLA sweep reads the steps' records); a version deployed while
 * the engine plugin added the timer keeps it when the engine loads it again, exactly as it was declared then (same
 * job definition, same job handler configuration), so its running instances keep their execution tree and timers.
 */
class CaseProcessParseTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    private final List<String> deployments = new ArrayList<>();
    private RepositoryService repository;
    private ManagementService management;
    private TaskListener slaTimer;

    @BeforeEach
    void standIn() {
        repository = engine.getProcessEngine().getRepositoryService();
        management = engine.getProcessEngine().getManagementService();
        slaTimer = mock(TaskListener.class);
        Mocks.register("sla", TestCalendars.slaClock());
        Mocks.register("slaTimer", slaTimer);
    }

    @AfterEach
    void cleanUp() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
        Mocks.reset();
    }

    private ProcessDefinition deploy(String name, String bpmn) {
        String id = repository.createDeployment().addString(name, bpmn).deploy().getId();
        deployments.add(id);
        return repository.createProcessDefinitionQuery().deploymentId(id).singleResult();
    }

    private ProcessDefinition deployResource(String resource) {
        String id = repository.createDeployment().addClasspathResource(resource)
                .addClasspathResource("stubs/hard-case-escalation-stub.bpmn").enableDuplicateFiltering(false).deploy().getId();
        deployments.add(id);
        return repository.createProcessDefinitionQuery().deploymentId(id).processDefinitionKey("arbitration-referral").singleResult();
    }

    private Set<String> slaTimerDefinitions(ProcessDefinition definition) {
        return management.createJobDefinitionQuery().processDefinitionId(definition.getId()).jobType("timer-task-listener")
                .list().stream().map(d -> d.getActivityId() + " " + d.getJobConfiguration()).collect(Collectors.toSet());
    }

    @Test
    void theReferralDeployedNowHasNoSlaTimerWhileItsFirstVersionKeepsTheOnesPastedInItsBpmn() {
        ProcessDefinition pasted = deployResource("processes-history/arbitration-referral-v1.bpmn");
        ProcessDefinition current = deployResource("processes/arbitration/arbitration-referral.bpmn");

        assertThat(slaTimerDefinitions(current)).isEmpty();
        assertThat(slaTimerDefinitions(pasted)).isNotEmpty()
                .allSatisfy(definition -> assertThat(definition).endsWith(" CYCLE: ${sla.timerCycle(execution)}"));
    }

    @Test
    void aCaseTaskDeployedNowHasNoTimerJobAndNoExecutionOfItsOwn() {
        ProcessDefinition definition = deploy("case.bpmn", process("Process_CaseNow", true, ""));
        var instance = engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey("Process_CaseNow",
                Map.of("priority", "NORMAL"));
        Task task = engine.getProcessEngine().getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();

        assertThat(slaTimerDefinitions(definition)).isEmpty();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(task.getExecutionId()).as("not a scope: the task waits in the instance's own execution")
                .isEqualTo(instance.getId());
    }

    @Test
    void aVersionDeployedWithTheTimerKeepsItWhenTheEngineLoadsItAgain() {
        ProcessDefinition definition = deploy("case.bpmn", process("Process_CaseBefore", true, ""));
        // the job definition the engine wrote when the plugin still declared the timer at deployment
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngine()
                .getProcessEngineConfiguration();
        configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            JobDefinitionEntity timer = new JobDefinitionEntity();
            timer.setProcessDefinitionId(definition.getId());
            timer.setProcessDefinitionKey(definition.getKey());
            timer.setActivityId("Task_Work");
            timer.setJobType(TimerTaskListenerJobHandler.TYPE);
            timer.setJobConfiguration("CYCLE: ${sla.timerCycle(execution)}");
            commandContext.getJobDefinitionManager().insert(timer);
            return null;
        });
        configuration.getDeploymentCache().discardProcessDefinitionCache();   // as after a restart

        var instance = engine.getProcessEngine().getRuntimeService().startProcessInstanceByKey("Process_CaseBefore",
                Map.of("priority", "NORMAL"));
        Task task = engine.getProcessEngine().getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getExecutionId()).as("a scope, as then").isNotEqualTo(instance.getId());
        Job timer = management.createJobQuery().timers().executionId(task.getExecutionId())
                .activityId(task.getTaskDefinitionKey()).singleResult();
        assertThat(((JobEntity) timer).getJobHandlerConfigurationRaw()).isEqualTo("Task_Work$taskListener~SlaTimer");
        JobDefinition jobDefinition = management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult();
        assertThat(jobDefinition.getJobConfiguration()).isEqualTo("CYCLE: ${sla.timerCycle(execution)}");

        management.executeJob(timer.getId());
        verify(slaTimer, times(1)).notify(any(DelegateTask.class));
    }

    @Test
    void aProcessThatIsNoCaseProcessGetsNoTimer() {
        ProcessDefinition plain = deploy("plain.bpmn", process("Process_Plain", false, ""));
        assertThat(slaTimerDefinitions(plain)).isEmpty();
    }

    @Test
    void aTaskWithATimeoutListenerOfItsOwnKeepsJustThatOne() {
        ProcessDefinition own = deploy("own.bpmn", process("Process_OwnTimeout", true, """
                <bpmn:extensionElements>
                  <camunda:taskListener delegateExpression="${slaTimer}" event="timeout" id="OwnTimer">
                    <bpmn:timerEventDefinition id="TimerDef_Own">
                      <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1D</bpmn:timeDuration>
                    </bpmn:timerEventDefinition>
                  </camunda:taskListener>
                </bpmn:extensionElements>"""));
        assertThat(slaTimerDefinitions(own)).containsExactly("Task_Work DURATION: P1D");
    }

    private static String process(String key, boolean caseProcess, String taskExtensions) {
        String properties = caseProcess ? """
                <bpmn:extensionElements>
                  <camunda:properties><camunda:property name="caseProcess" value="true" /></camunda:properties>
                </bpmn:extensionElements>""" : "";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="Definitions_Test" targetNamespace="https://yijianshi.cn/bpmn">
                  <bpmn:process id="%s" name="测试" isExecutable="true" camunda:historyTimeToLive="1">
                    %s
                    <bpmn:startEvent id="Event_Start" name="开始"><bpmn:outgoing>Flow_ToWork</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:sequenceFlow id="Flow_ToWork" sourceRef="Event_Start" targetRef="Task_Work" />
                    <bpmn:userTask id="Task_Work" name="办理" camunda:candidateGroups="window">
                      %s
                      <bpmn:incoming>Flow_ToWork</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Work" targetRef="Event_End" />
                    <bpmn:endEvent id="Event_End" name="结束"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, properties, taskExtensions);
    }
}
