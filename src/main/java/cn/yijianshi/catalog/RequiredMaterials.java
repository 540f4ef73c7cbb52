package cn.yijianshi.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.springframework.stereotype.Service;

/**
 * Which materials an application must bring, asked of the same DMN table the matter's process asks at 确定应交材料
 * (the business rule task whose result variable is {@code requiredMaterials}), in the deployment of the matter's
 * latest version: the window's checklist shows the list before submitting, and the process decides again after.
 * Empty when the facts do not yet let the table decide (a field it reads is still blank).
 */
@Service
public class RequiredMaterials {

    /** The variable 确定应交材料 answers in; 比对已交材料 keeps it as text ({@code casework/MaterialsComparison}). */
    public static final String RESULT_VARIABLE = "requiredMaterials";

    private final RepositoryService repository;
    private final DecisionService decisions;

    public RequiredMaterials(RepositoryService repository, DecisionService decisions) {
        this.repository = repository;
        this.decisions = decisions;
    }

    public Optional<List<String>> of(Matter matter, Map<String, Object> facts, Map<String, Object> context) {
        ProcessDefinition process = repository.createProcessDefinitionQuery().processDefinitionKey(matter.processKey())
                .latestVersion().singleResult();
        if (process == null) {
            return Optional.empty();
        }
        Optional<String> decisionKey = repository.getBpmnModelInstance(process.getId())
                .getModelElementsByType(BusinessRuleTask.class).stream()
                .filter(task -> RESULT_VARIABLE.equals(task.getCamundaResultVariable()))
                .map(BusinessRuleTask::getCamundaDecisionRef).findFirst();
        if (decisionKey.isEmpty()) {
            return Optional.empty();
        }
        DecisionDefinition decision = repository.createDecisionDefinitionQuery().deploymentId(process.getDeploymentId())
                .decisionDefinitionKey(decisionKey.get()).singleResult();
        if (decision == null) {
            return Optional.empty();
        }
        Map<String, Object> variables = new HashMap<>(context);
        variables.putAll(facts);
        try {
            // As camunda:mapDecisionResult="collectEntries": the single output of every matching rule.
            return Optional.of(decisions.evaluateDecisionById(decision.getId()).variables(variables).evaluate().stream()
                    .map(row -> String.valueOf((Object) row.getSingleEntry())).distinct().toList());
        } catch (RuntimeException notDecidableYet) {
            return Optional.empty();
        }
    }
}
