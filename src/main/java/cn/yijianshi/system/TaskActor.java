package cn.yijianshi.system;

import org.camunda.bpm.engine.delegate.DelegateTask;

/** Who is acting on a task: the logged-in user (Tasklist, REST), else the task's assignee. */
public final class TaskActor {

    private TaskActor() {
    }

    public static String of(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }
}
