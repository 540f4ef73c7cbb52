package cn.yijianshi.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.yijianshi.catalog.ApplicantKind;
import cn.yijianshi.catalog.Matter;
import cn.yijianshi.catalog.MatterCatalog;
import cn.yijianshi.catalog.MatterExtension;
import cn.yijianshi.catalog.RequiredMaterials;
import cn.yijianshi.system.CaseTaskListeners;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.PersonalData;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.type.StringFormType;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What a case's task forms only show, read from the case record when the form is opened instead of carried as
 * process variables: the applicant's masked ID number, the 材料比对 of 审核材料 (from the matter's materials and the
 * two facts 比对已交材料 keeps, {@code requiredMaterials} and {@code missingMaterialCodes}), and what the matter's
 * extension derives from the applicant for its forms ({@link MatterExtension#formFacts}, e.g. retirement's
 * statutory age). Tasklist asks the engine for a
 * Camunda Form's data ({@code GET task/{id}/form-variables}: every variable the task sees, plus the form fields its
 * form handler gives), so these facts come in as form fields of the task's form handler and bind to the form's
 * fields by key like any variable; a form that does not show them ignores them. Tasklist sends a read-only field back
 * when the task is submitted: these keys are dropped there, so they never become variables. Only user tasks with a
 * {@code camunda:formRef} in case processes ({@code caseProcess=true}) get them; a task whose business key is no
 * case's gets none.
 */
@Component
public class CaseFactsInForms extends AbstractProcessEnginePlugin {

    /** The facts of every case's forms; a matter's extension may add its own. */
    static final String APPLICANT_ID_MASKED = "applicantIdMasked";
    static final String MATERIALS_SUMMARY = "materialsSummary";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseMapper cases;
    private final MatterCatalog matters;
    private final List<MatterExtension> extensions;
    private final HallClock clock;

    public CaseFactsInForms(@Lazy CaseMapper cases, @Lazy MatterCatalog matters, @Lazy List<MatterExtension> extensions,
                            @Lazy HallClock clock) {
        this.cases = cases;
        this.matters = matters;
        this.extensions = extensions;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (CaseTaskListeners.isCaseProcess(processElement)) {
                    attach(processDefinition);
                }
            }
        });
    }

    private void attach(ScopeImpl scope) {
        for (ActivityImpl activity : scope.getActivities()) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                TaskDefinition task = userTask.getTaskDefinition();
                if (task.getCamundaFormDefinitionKey() != null && !(task.getTaskFormHandler() instanceof WithCaseFacts)) {
                    task.setTaskFormHandler(new WithCaseFacts(task.getTaskFormHandler()));
                }
            }
            attach(activity);
        }
    }

    /** The facts for the case {@code caseId}'s forms, none when it is no case. */
    Map<String, Object> factsOf(String caseId, VariableScope variables) {
        HallCase hallCase = caseId == null ? null : cases.findByCaseId(caseId);
        if (hallCase == null) {
            return Map.of();
        }
        Map<String, Object> facts = new HashMap<>();
        boolean person = !ApplicantKind.ORGANIZATION.name().equals(hallCase.getApplicantKind());
        facts.put(APPLICANT_ID_MASKED, person ? PersonalData.maskIdNumber(hallCase.getApplicantIdNumber())
                : hallCase.getApplicantIdNumber());
        Matter matter = matters.find(hallCase.getMatter()).orElse(null);
        if (matter != null && variables.getVariable("missingMaterialCodes") instanceof String missing) {
            facts.put(MATERIALS_SUMMARY, matter.materialsSummary(requiredMaterials(variables),
                    MaterialCodes.listed(missing)));
        }
        String extension = matter == null ? null : matter.extension();
        if (person && extension != null) {
            ResidentIdNumber.parse(hallCase.getApplicantIdNumber(), clock.today()).ifPresent(id -> extensions.stream()
                    .filter(e -> e.name().equals(extension)).findFirst()
                    .ifPresent(e -> facts.putAll(e.formFacts(id, variables))));
        }
        return facts;
    }

    /**
     * The materials table's last answer: codes separated by commas, as 比对已交材料 keeps it; a case started before
     * that kept a list, read as stored (JSON): deserializing it here would leave the deserialized list in the task's
     * variables, and Tasklist, which asked for them serialized, could not read it.
     */
    private static List<String> requiredMaterials(VariableScope variables) {
        List<String> codes = new ArrayList<>();
        TypedValue typed = variables.getVariableTyped(RequiredMaterials.RESULT_VARIABLE, false);
        if (typed instanceof StringValue text) {
            return MaterialCodes.listed(text.getValue());
        }
        Object value;
        if (typed instanceof ObjectValue object && !object.isDeserialized()) {
            try {
                value = object.getValueSerialized() == null ? null : JSON.readValue(object.getValueSerialized(), List.class);
            } catch (JsonProcessingException e) {
                return codes; // not JSON: the summary says nothing is required rather than failing the form
            }
        } else {
            value = typed == null ? null : typed.getValue();
        }
        if (value instanceof java.util.Collection<?> collection) {
            collection.forEach(code -> codes.add(String.valueOf(code)));
        }
        return codes;
    }

    /** The task's own form handler, with the case's facts among its form fields and kept out of what is submitted. */
    private final class WithCaseFacts implements TaskFormHandler {

        private final TaskFormHandler handler;

        WithCaseFacts(TaskFormHandler handler) {
            this.handler = handler;
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            TaskFormData form = handler.createTaskForm(task);
            if (form instanceof FormDataImpl data && task.getExecution() != null) {
                List<FormField> fields = new ArrayList<>(data.getFormFields() == null ? List.of() : data.getFormFields());
                factsOf(task.getExecution().getProcessBusinessKey(), task).forEach((name, value) -> {
                    if (value != null) {
                        FormFieldImpl field = new FormFieldImpl();
                        field.setId(name);
                        field.setType(new StringFormType());
                        field.setValue(Variables.stringValue(value.toString()));
                        fields.add(field);
                    }
                });
                data.setFormFields(fields);
            }
            return form;
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
            VariableMap entered = Variables.createVariables();
            entered.putAll(properties);
            entered.remove(APPLICANT_ID_MASKED);
            entered.remove(MATERIALS_SUMMARY);
            extensions.forEach(e -> e.formFactNames().forEach(entered::remove));
            handler.submitFormVariables(entered, variableScope);
        }

        @Override
        public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                                       ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
            handler.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
        }
    }
}
