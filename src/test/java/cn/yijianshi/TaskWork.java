package cn.yijianshi;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** Works a task as Tasklist would for a user: logged in with its groups, claimed unless held, completed. */
public final class TaskWork {

    private TaskWork() {
    }

    public static void claimAndComplete(IdentityService identityService, TaskService taskService, Task task, String user,
                                        List<String> groups, Map<String, Object> variables) {
        identityService.setAuthentication(user, groups);
        try {
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), user);
            }
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
