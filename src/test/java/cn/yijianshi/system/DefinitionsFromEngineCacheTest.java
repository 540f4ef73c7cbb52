package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import cn.yijianshi.HallIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Working a task reads no definition row the engine's cache holds, a start still reads it (a definition suspended
 * by another node is refused at once), and a rule called with its deployment's version is found once per deployment
 * ({@link DefinitionsFromEngineCache}).
 */
@HallIntegrationTest
class DefinitionsFromEngineCacheTest {

    static final String PROCESS = "Process_DefinitionsFromCache";

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void countReads() {
        EngineReads.watch(processEngine);
    }

    @AfterEach
    void undeploy() {
        EngineReads.stop();
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void claimingAndCompletingReadNoDefinitionRowButAStartDoes() {
        deploy(version("v1"));
        String instance = runtimeService.startProcessInstanceByKey(PROCESS).getId();
        Task review = taskService.createTaskQuery().processInstanceId(instance).singleResult();

        EngineReads.start();
        taskService.claim(review.getId(), "clerk");
        taskService.complete(review.getId());

        assertThat(EngineReads.stop()).isNotEmpty().doesNotContain("selectProcessDefinition");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();

        EngineReads.start();
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).singleResult().getId();
        runtimeService.startProcessInstanceById(definition);
        assertThat(EngineReads.stop()).contains("selectProcessDefinition");
    }

    @Test
    void aDefinitionSuspendedOnAnotherNodeRefusesAStartAtOnceWhileItsOpenTasksAreWorked() {
        deploy(version("v1"));
        String instance = runtimeService.startProcessInstanceByKey(PROCESS).getId();
        Task review = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        taskService.claim(review.getId(), "clerk"); // the definition is in the cache now
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).singleResult().getId();

        // another node suspends the definition (not its cases): only the database knows
        transactions.executeWithoutResult(status -> assertThat(jdbc.update(
                "UPDATE ACT_RE_PROCDEF SET SUSPENSION_STATE_ = 2, REV_ = REV_ + 1 WHERE ID_ = ?", definition)).isOne());

        assertThatThrownBy(() -> runtimeService.startProcessInstanceById(definition))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("suspended");
        taskService.complete(review.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void aRuleOfTheDeploymentIsFoundOncePerDeploymentAndEachCaseGetsItsOwnVersion() {
        deploy(version("v1"));
        String first = runtimeService.startProcessInstanceByKey(PROCESS).getId();
        EngineReads.start();
        String second = runtimeService.startProcessInstanceByKey(PROCESS).getId();
        assertThat(EngineReads.stop()).doesNotContain("selectDecisionDefinitionByDeploymentAndKey");
        deploy(version("v2"));
        EngineReads.start();
        String third = runtimeService.startProcessInstanceByKey(PROCESS).getId();

        assertThat(EngineReads.stop()).containsOnlyOnce("selectDecisionDefinitionByDeploymentAndKey");
        assertThat(runtimeService.getVariable(first, "answer")).isEqualTo("v1");
        assertThat(runtimeService.getVariable(second, "answer")).isEqualTo("v1");
        assertThat(runtimeService.getVariable(third, "answer")).isEqualTo("v2");
    }

    private void deploy(String[] bpmnAndDmn) {
        deployments.add(repositoryService.createDeployment().name("definitions-from-cache")
                .addString("definitions-from-cache.bpmn", bpmnAndDmn[0])
                .addString("definitions-from-cache.dmn", bpmnAndDmn[1]).deploy().getId());
    }

    /** A process whose rule, called with its deployment's version, answers {@code answer}; then one user task. */
    private static String[] version(String answer) {
        BpmnModelInstance process = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent("Start_Received")
                .businessRuleTask("Task_Rule").camundaDecisionRef("Decision_Answer").camundaDecisionRefBinding("deployment")
                .camundaMapDecisionResult("singleEntry").camundaResultVariable("answer")
                .userTask("Task_Review").camundaCandidateGroups("window").endEvent("End_Done").done();
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Answer" name="答复" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="Decision_Answer" name="答复" xmlns:camunda="http://camunda.org/schema/1.0/dmn" camunda:historyTimeToLive="1">
                    <decisionTable id="DecisionTable_Answer">
                      <output id="Output_Answer" name="answer" typeRef="string" />
                      <rule id="Rule_Always">
                        <outputEntry id="OutputEntry_Answer"><text>"%s"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(answer);
        return new String[] {Bpmn.convertToString(process), dmn};
    }
}
