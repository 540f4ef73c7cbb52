package cn.yijianshi.system;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.core.model.PropertyKey;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The {@code camunda:properties} a process declares, on the process and on its user tasks, as the engine parsed
 * them with the definition ({@link CaseTaskListeners} keeps them there as each process is parsed, on every node and
 * after every restart): read at a task event without walking the BPMN model, a DOM, which cost a listener more than
 * its own work.
 */
public final class DeclaredProperties {

    private static final PropertyKey<Map<String, String>> DECLARED = new PropertyKey<>("yijianshi.declaredProperties");

    private DeclaredProperties() {
    }

    /** At parse: keeps the properties {@code element} (a process or a user task) declares on what it became. */
    static void keep(Element element, ScopeImpl parsed) {
        Map<String, String> declared = BpmnParseUtil.parseCamundaExtensionProperties(element);
        parsed.getProperties().set(DECLARED, declared == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(declared)));
    }

    /** The property {@code name} a process or one of its user tasks declares, or null. */
    public static String of(ScopeImpl parsed, String name) {
        Map<String, String> declared = parsed == null ? null : parsed.getProperties().get(DECLARED);
        return declared == null ? null : declared.get(name);
    }

    /** The task's process's property {@code name}, or null. */
    public static String ofProcess(DelegateTask task, String name) {
        return of(definition(task), name);
    }

    /** The task's step in its process definition, or null for a task outside a process. */
    public static ActivityImpl step(DelegateTask task) {
        ProcessDefinitionEntity definition = definition(task);
        return definition == null ? null : definition.findActivity(task.getTaskDefinitionKey());
    }

    /** The task's process definition as the engine runs it (from its deployment cache), or null. */
    public static ProcessDefinitionEntity definition(DelegateTask task) {
        return task instanceof TaskEntity entity && entity.getProcessDefinitionId() != null
                ? (ProcessDefinitionEntity) entity.getProcessDefinition() : null;
    }
}
