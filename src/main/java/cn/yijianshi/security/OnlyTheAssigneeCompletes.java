package cn.yijianshi.security;

import cn.yijianshi.system.CaseTaskListener;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Only the user who claimed a task completes it: the history names the assignee, so the assignee must be the
 * one who did the step (pension2 once completed the 养老金核定 pension1 had claimed). Checked in the engine, on
 * every user task's complete, so it holds whatever the path: our API, /engine-rest, Tasklist's
 * /camunda/api/engine, a Java call.
 *
 * <ul>
 *   <li>An unclaimed task may be completed by anyone Camunda's authorizations let work on it, as before.</li>
 *   <li>No authenticated user means the engine itself (a timer, a job, a process test): allowed.</li>
 *   <li>Administrators (camunda-admin) are no exception: they reassign the task (转办) to themselves or another
 *       first, which Camunda records in the user operation log, and the history then names who did it.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // refuse before the other complete listeners do their work
public class OnlyTheAssigneeCompletes implements CaseTaskListener {

    @Override
    public String event() {
        return TaskListener.EVENTNAME_COMPLETE;
    }

    @Override
    public void notify(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = authentication == null ? null : authentication.getUserId();
        String assignee = task.getAssignee();
        if (user == null || assignee == null || assignee.equals(user)) {
            return;
        }
        throw new NotTheAssignee(task.getId(), task.getName(), assignee,
                HallUserNames.of(task.getProcessEngine(), assignee), user);
    }
}
