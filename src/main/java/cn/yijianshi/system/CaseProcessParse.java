package cn.yijianshi.system;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.yijianshi.sla.SlaTimer;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
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
 * The engine's BPMN parse, keeping the SLA timer only on the case-process versions deployed with it. Since the SLA
 * sweep ({@code sla/SlaSweep}) reminds and escalates every open step from its SLA record, a version deployed now
 * gets no timer: its user tasks have no timer job and no scope execution of their own.
 *
 * <p>Versions deployed while this parse added the timer (the timeout listener {@code SlaTimer}, {@code ${slaTimer}},
 * cycle {@code ${sla.timerCycle(execution)}}, declared exactly as the engine declares one written in the BPMN: the
 * task a scope, the job's handler configuration {@code <task>$taskListener~SlaTimer}, a job definition per task)
 * are known by those job definitions, and are parsed as before when the engine loads them again (a restart, another
 * node): their running instances keep the execution tree and the timer jobs they were started with, and the timers
 * fire into a listener that does nothing ({@code sla/SlaTimer}). A parse listener could not do this: it runs after the
 * task was parsed and cannot reach the deployment's job declarations.
 *
 * <p>A user task that declares a timeout listener of its own (older versions with the SLA timer pasted in, or with
 * a separate warning and breach timer) keeps exactly what it declares.
 */
class CaseProcessParse extends BpmnParse {

    private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

    private boolean caseProcess;
    private Set<String> tasksDeployedWithTheTimer = Set.of();

    CaseProcessParse(BpmnParser parser) {
        super(parser);
    }

    @Override
    public ProcessDefinitionEntity parseProcess(Element processElement) {
        caseProcess = CaseTaskListeners.isCaseProcess(processElement);
        tasksDeployedWithTheTimer = caseProcess ? tasksDeployedWithTheTimer(processElement.attribute("id")) : Set.of();
        try {
            return super.parseProcess(processElement);
        } finally {
            caseProcess = false;
            tasksDeployedWithTheTimer = Set.of();
        }
    }

    @Override
    protected void parseTaskListeners(Element userTaskElement, ActivityImpl activity, TaskDefinition taskDefinition) {
        super.parseTaskListeners(userTaskElement, activity, taskDefinition);
        if (caseProcess && tasksDeployedWithTheTimer.contains(activity.getId()) && !declaresTimeout(userTaskElement)) {
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

    /** The tasks of a version deployed earlier whose SLA timer this parse declared then (their job definitions say so). */
    private Set<String> tasksDeployedWithTheTimer(String processKey) {
        if (deployment == null || deployment.isNew() || deployment.getId() == null) {
            return Set.of();
        }
        CommandContext commandContext = Context.getCommandContext();
        ProcessDefinitionEntity deployed = commandContext.getProcessDefinitionManager()
                .findProcessDefinitionByDeploymentAndKey(deployment.getId(), processKey);
        if (deployed == null) {
            return Set.of();
        }
        String configuration = TimerDeclarationType.CYCLE + ": " + SlaTimer.CYCLE;
        return commandContext.getJobDefinitionManager().findByProcessDefinitionId(deployed.getId()).stream()
                .filter(definition -> TimerTaskListenerJobHandler.TYPE.equals(definition.getJobType())
                        && configuration.equals(definition.getJobConfiguration()))
                .map(JobDefinitionEntity::getActivityId).collect(Collectors.toSet());
    }

    private static boolean declaresTimeout(Element userTaskElement) {
        Element extensions = userTaskElement.element("extensionElements");
        return extensions != null && extensions.elementsNS(CAMUNDA, "taskListener").stream()
                .anyMatch(listener -> TaskListener.EVENTNAME_TIMEOUT.equals(listener.attribute("event")));
    }
}
