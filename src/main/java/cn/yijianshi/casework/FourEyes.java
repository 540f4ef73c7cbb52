package cn.yijianshi.casework;

import java.util.Arrays;
import java.util.List;

import cn.yijianshi.system.CaseTaskListener;
import cn.yijianshi.system.DeclaredProperties;
import cn.yijianshi.system.RefusedRequest;
import cn.yijianshi.system.TaskActor;
import cn.yijianshi.system.TaskHandedOn;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.variable.impl.VariableMapImpl;
import org.springframework.stereotype.Component;

/**
 * 四眼原则, declared on a task: a user task whose extension property {@code fourEyesAgainst} names other user tasks
 * (their ids, comma-separated) may not be done by whoever did one of them,
 *
 * <pre>{@code <camunda:property name="fourEyesAgainst" value="Task_AssessPension,Task_ReassessPension" />}</pre>
 *
 * Whoever completes a task so named is recorded in the variable {@code performedBy_<task id>} (the named task must
 * be claimed first, or the step would have no performer; a completion that hands the step on, {@link TaskHandedOn},
 * performs nothing); that person is refused (409) the declaring task when it is
 * claimed or assigned to them and again when they complete it. The engine plugin attaches this to every user task of
 * a case process; a matter's BPMN only declares the property.
 */
@Component("declaredFourEyes")
public class FourEyes implements CaseTaskListener {

    public static final String PROPERTY = "fourEyesAgainst";
    public static final String PERFORMED_BY = "performedBy_";

    @Override
    public String event() {
        return EVENTNAME_COMPLETE;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = TaskActor.of(task);
        ActivityImpl step = DeclaredProperties.step(task);
        if (step == null) {
            return;
        }
        List<String> against = against(step);
        if (!against.isEmpty()) {
            if (actor == null) {
                throw claimFirst(step);
            }
            refuseIfSame(task, step, against, actor);
        }
        if (isNamedByAnother(step) && !TaskHandedOn.isHandedOn(task)) {
            if (actor == null) {
                throw claimFirst(step);
            }
            task.getExecution().setVariable(PERFORMED_BY + step.getId(), actor);
        }
    }

    /** A declaring task claimed by, or assigned to, whoever did a task it names is refused at once. */
    @Component
    public static class WhenAssigned implements CaseTaskListener {

        @Override
        public String event() {
            return EVENTNAME_ASSIGNMENT;
        }

        @Override
        public void notify(DelegateTask task) {
            ActivityImpl step = DeclaredProperties.step(task);
            List<String> against = step == null ? List.of() : against(step);
            if (task.getAssignee() != null && !against.isEmpty()) {
                refuseIfSame(task, step, against, task.getAssignee());
            }
        }
    }

    private static void refuseIfSame(DelegateTask task, ActivityImpl step, List<String> against, String actor) {
        java.util.Map<String, Object> performers = performersOf(task, against);
        for (String other : against) {
            if (actor.equals(performers.get(PERFORMED_BY + other))) {
                ActivityImpl named = step.getProcessDefinition().findActivity(other);
                String otherName = named != null && named.getName() != null ? named.getName() : other;
                throw RefusedRequest.conflict("assignee",
                        "四眼原则：" + step.getName() + "人不能是" + otherName + "人（" + actor + "）",
                        "four eyes: whoever did " + other + " must not do " + step.getId() + " (" + actor + ")");
            }
        }
    }

    /**
     * Who did the named tasks, as the case's execution holds them ({@code performedBy_<task id>}, set there at their
     * completion; a variable of the task's own cannot stand in for them): only these variables are read, not all
     * the case's (a claim reads nothing else of them).
     */
    private static java.util.Map<String, Object> performersOf(DelegateTask task, List<String> against) {
        VariableMapImpl performers = new VariableMapImpl();
        ((AbstractVariableScope) task.getExecution()).collectVariables(performers,
                against.stream().map(other -> PERFORMED_BY + other).toList(), false, true);
        return performers;
    }

    private static RefusedRequest claimFirst(ActivityImpl step) {
        return RefusedRequest.conflict("assignee", step.getName() + "须由认领人完成（请先认领）",
                step.getId() + " must be claimed before it is completed");
    }

    /** The tasks whose performer may not do this one. */
    static List<String> against(ActivityImpl step) {
        String value = DeclaredProperties.of(step, PROPERTY);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    /**
     * The tasks some other task of the same process names, per process definition (each read once, not at every
     * completion).
     */
    private static final java.util.Map<ProcessDefinitionImpl, java.util.Set<String>> NAMED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static boolean isNamedByAnother(ActivityImpl step) {
        return NAMED.computeIfAbsent(step.getProcessDefinition(), definition -> steps(definition)
                .flatMap(other -> against(other).stream()).collect(java.util.stream.Collectors.toUnmodifiableSet()))
                .contains(step.getId());
    }

    /** Every step of a scope, those inside sub-processes too. */
    private static java.util.stream.Stream<ActivityImpl> steps(ScopeImpl scope) {
        return scope.getActivities().stream().flatMap(step -> java.util.stream.Stream.concat(java.util.stream.Stream.of(step),
                steps(step)));
    }
}
