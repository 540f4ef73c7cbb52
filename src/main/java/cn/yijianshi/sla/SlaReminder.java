package cn.yijianshi.sla;

import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The warning point of a task has come: the policy's warnTo groups are reminded, once. The task itself is
 * left as it is. Called by {@link SlaTimer}; still a listener for tasks of process versions deployed with
 * a separate warning timer ({@code ${sla.warningAt(execution)}}).
 */
@Component("slaReminder")
public class SlaReminder implements TaskListener {

    private final SlaClock sla;
    private final SlaMapper records;
    private final HallClock clock;

    public SlaReminder(SlaClock sla, SlaMapper records, HallClock clock) {
        this.sla = sla;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        remind(task);
    }

    /** Reminds the task's groups unless they were already reminded; true when this call did. */
    public boolean remind(DelegateTask task) {
        if (records.warn(task.getId(), clock.now()) == 0) {
            return false;
        }
        String caseId = task.getExecution().getProcessBusinessKey();
        String message = "【即将超时】" + caseId + "「" + task.getName() + "」将于 "
                + clock.wallClock(task.getDueDate().toInstant()) + " 到期"
                + (task.getAssignee() == null ? "，尚无人认领" : "，办理人 " + task.getAssignee());
        sla.policyOf(task).warnTo()
                .forEach(group -> records.notice(group, NoticeKind.SLA_WARNING, caseId, task.getId(), message, clock.now()));
        return true;
    }
}
