package cn.yijianshi.system;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Who did a step, for the ledger and the timeline: the user who completed the task (remembered on the
 * task's complete with {@code ${taskActor.remember(task, 'callbackBy')}}), else whoever is logged in.
 */
@Component("taskActor")
public class TaskActor {

    public static String of(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }

    /** Remembers who completed the task in {@code variable}, for the step that follows it. */
    public void remember(DelegateTask task, String variable) {
        task.getExecution().setVariable(variable, of(task));
    }

    /** Who did the step: the user remembered in {@code variable}, else whoever is logged in, else {@code otherwise}. */
    public static String recorded(DelegateExecution execution, String variable, String otherwise) {
        Object recorded = execution.getVariable(variable);
        if (recorded != null) {
            return recorded.toString();
        }
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : otherwise;
    }
}
