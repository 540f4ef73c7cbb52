package cn.yijianshi.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The engine plugin of case processes (marked {@code caseProcess=true}): every {@link CaseTaskListener} bean is
 * attached to each of their user tasks (among them the SLA record's start and end, which the SLA sweep reads). A
 * matter's BPMN names none of them. {@link CaseProcessParse} keeps the SLA timer of versions deployed with one. The
 * {@code camunda:properties} of every process and user task are kept with the parsed definition
 * ({@link DeclaredProperties}).
 */
@Component
public class CaseTaskListeners extends AbstractProcessEnginePlugin {

    static final String CASE_PROCESS = "caseProcess";
    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

    private final List<CaseTaskListener> listeners;

    public CaseTaskListeners(@Lazy List<CaseTaskListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setBpmnParseFactory(CaseProcessParse::new);
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                DeclaredProperties.keep(userTaskElement, activity);
            }

            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                DeclaredProperties.keep(processElement, processDefinition);
                // parseProcess runs after the process's activities were parsed; attach to them here.
                if (isCaseProcess(processElement)) {
                    attach(processDefinition);
                }
            }
        });
    }

    private void attach(ScopeImpl scope) {
        for (ActivityImpl activity : scope.getActivities()) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                for (CaseTaskListener listener : listeners) {
                    userTask.getTaskDefinition().addTaskListener(listener.event(), listener);
                }
            }
            attach(activity);
        }
    }

    public static boolean isCaseProcess(Element processElement) {
        Element extensions = processElement.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(CAMUNDA, "properties");
        if (properties == null) {
            return false;
        }
        return properties.elementsNS(CAMUNDA, "property").stream()
                .anyMatch(p -> CASE_PROCESS.equals(p.attribute("name")) && "true".equals(p.attribute("value")));
    }
}
