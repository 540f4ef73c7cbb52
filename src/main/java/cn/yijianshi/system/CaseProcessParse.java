package cn.yijianshi.system;

import java.util.List;

import cn.yijianshi.sla.SlaTimer;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationType;
import org.camunda.bpm.engine.impl.jobexecutor.TimerEventJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The engine's BPMN parse, plus the SLA timer on every user task of a case process ({@code caseProcess=true}):
 * the timeout listener {@code SlaTimer} ({@code ${slaTimer}}, cycle {@code ${sla.timerCycle(execution)}}) is
 * declared here exactly as the engine declares one written in the BPMN (BpmnParse.parseTimeoutTaskListener: the
 * task becomes a scope, the timer job's handler configuration is {@code <task>$taskListener~SlaTimer}, the job
 * declaration gets its job definition at deployment), so a matter's BPMN does not carry it and timers of versions
 * that still carry it (deployed before this parse existed) look the same.
 *
 * <p>A parse listener cannot do it: it runs after the task was parsed and cannot reach the deployment's job
 * declarations, so the timers would have no job definition (no suspension by definition, no migration mapping).
 *
 * <p>A user task that declares a timeout listener of its own (older versions with the SLA timer pasted in, or with
 * a separate warning and breach timer) keeps exactly what it declares.
 */
class CaseProcessParse extends BpmnParse {

    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

    private boolean caseProcess;

    CaseProcessParse(BpmnParser parser) {
        super(parser);
    }

    @Override
    public ProcessDefinitionEntity parseProcess(Element processElement) {
        caseProcess = CaseTaskListeners.isCaseProcess(processElement);
        try {
            return super.parseProcess(processElement);
        } finally {
            caseProcess = false;
        }
    }

    @Override
    protected void parseTaskListeners(Element userTaskElement, ActivityImpl activity, TaskDefinition taskDefinition) {
        super.parseTaskListeners(userTaskElement, activity, taskDefinition);
        if (caseProcess && !declaresTimeout(userTaskElement)) {
            taskDefinition.addTimeoutTaskListener(SlaTimer.LISTENER_ID, slaTimer(activity));
        }
    }

    private TaskListener slaTimer(ActivityImpl task) {
        task.setScope(true);
        task.setEventScope(task);
        Expression cycle = expressionManager.createExpression(SlaTimer.CYCLE);
        TimerDeclarationImpl timer = new TimerDeclarationImpl(cycle, TimerDeclarationType.CYCLE, TimerTaskListenerJobHandler.TYPE);
        timer.setRawJobHandlerConfiguration(task.getId() + TimerEventJobHandler.JOB_HANDLER_CONFIG_PROPERTY_DELIMITER
                + TimerEventJobHandler.JOB_HANDLER_CONFIG_TASK_LISTENER_PREFIX + SlaTimer.LISTENER_ID);
        timer.setExclusive(JobEntity.DEFAULT_EXCLUSIVE);
        timer.setActivity(task);
        timer.setJobConfiguration(TimerDeclarationType.CYCLE + ": " + SlaTimer.CYCLE);
        timer.setJobPriorityProvider((ParameterValueProvider) task.getProperty(PROPERTYNAME_JOB_PRIORITY));
        addJobDeclarationToProcessDefinition(timer, (ProcessDefinition) task.getProcessDefinition());
        addTimerListenerDeclaration(SlaTimer.LISTENER_ID, task, timer);
        return new DelegateExpressionTaskListener(expressionManager.createExpression(SlaTimer.DELEGATE), List.of());
    }

    private static boolean declaresTimeout(Element userTaskElement) {
        Element extensions = userTaskElement.element("extensionElements");
        return extensions != null && extensions.elementsNS(CAMUNDA, "taskListener").stream()
                .anyMatch(listener -> TaskListener.EVENTNAME_TIMEOUT.equals(listener.attribute("event")));
    }
}
