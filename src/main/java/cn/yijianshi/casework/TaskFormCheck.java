package cn.yijianshi.casework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.yijianshi.catalog.IntakeFormRules;
import cn.yijianshi.system.ApiProblem;
import cn.yijianshi.system.CaseTaskListener;
import cn.yijianshi.system.DeclaredProperties;
import cn.yijianshi.system.RefusedFormValue;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A task form is checked on the server too, by the rules that check an intake form (required, pattern, min/max,
 * options, FEEL {@code conditional.hide}): a user task of a process that asks for it
 * ({@code <camunda:property name="checkTaskForms" value="true" />}) is completed only with values its own form
 * (camunda:formRef bound to its deployment) accepts; otherwise the completion is refused with 400 naming the field,
 * and nothing changes. Tasklist checks the same definition in the browser; this keeps a client that skips the page
 * (Camunda REST, a script) to the same rules, e.g. the 政务专递 tracking number of 社保卡补换.
 */
@Component
public class TaskFormCheck implements CaseTaskListener {

    static final String PROPERTY = "checkTaskForms";

    private final IntakeFormRules rules;
    private final ObjectMapper json = new ObjectMapper();

    public TaskFormCheck(@Lazy IntakeFormRules rules) {
        this.rules = rules;
    }

    @Override
    public String event() {
        return EVENTNAME_COMPLETE;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!(task instanceof TaskEntity entity) || !asked(task)) {
            return;
        }
        JsonNode form = form(entity);
        if (form == null) {
            return;
        }
        Map<String, Object> variables = new HashMap<>(task.getVariables());
        Map<String, Object> values = new HashMap<>();
        collectKeys(form.path("components"), variables, values);
        try {
            rules.check(form, values, variables);
        } catch (RefusedRequest refused) {
            ApiProblem.FieldError error = refused.toProblem().errors().get(0);
            String field = error.field().startsWith("facts.") ? error.field().substring("facts.".length()) : error.field();
            throw new RefusedFormValue(field, error.message(), error.messageEn());
        }
    }

    /** The form's own fields (by key, or by path for lists and nested groups) with the values the task holds. */
    private static void collectKeys(JsonNode components, Map<String, Object> variables, Map<String, Object> values) {
        for (JsonNode component : components) {
            String name = component.hasNonNull("key") ? component.get("key").asText()
                    : component.hasNonNull("path") ? component.get("path").asText() : null;
            if (name != null && !name.isBlank()) {
                if (variables.get(name) != null) {
                    values.put(name, variables.get(name));
                }
            } else if (component.path("type").asText().equals("group")) {
                collectKeys(component.path("components"), variables, values);
            }
        }
    }

    private static boolean asked(DelegateTask task) {
        return "true".equals(DeclaredProperties.ofProcess(task, PROPERTY));
    }

    /** The task's form from its own deployment, read inside the engine's command (no authorization check on the form). */
    private JsonNode form(TaskEntity task) {
        task.initializeFormKey();
        CamundaFormRef ref = task.getCamundaFormRef();
        if (ref == null || !"deployment".equals(ref.getBinding())) {
            return null;
        }
        ExecutionEntity execution = task.getExecution();
        String deploymentId = execution.getProcessDefinition().getDeploymentId();
        CommandContext command = Context.getCommandContext();
        CamundaFormDefinitionEntity definition = command.getCamundaFormDefinitionManager()
                .findDefinitionByDeploymentAndKey(deploymentId, ref.getKey());
        if (definition == null) {
            return null;
        }
        ResourceEntity resource = command.getResourceManager().findResourceByDeploymentIdAndResourceName(
                definition.getDeploymentId(), definition.getResourceName());
        try {
            return json.readTree(resource.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form " + ref.getKey() + " of deployment " + deploymentId, e);
        }
    }
}
