package cn.yijianshi.sla;

import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The warning point of a task has come (timeout listener, timer {@code ${sla.warningAt(execution)}}):
 * the task's own group and the policy's warnTo are reminded. The task itself is left as it is.
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
        records.warn(task.getId(), clock.now());
        String caseId = task.getExecution().getProcessBusinessKey();
        String message = "【即将超时】" + caseId + "「" + task.getName() + "」将于 "
                + clock.wallClock(task.getDueDate().toInstant()) + " 到期"
                + (task.getAssignee() == null ? "，尚无人认领" : "，办理人 " + task.getAssignee());
        sla.policyOf(task).warnTo()
                .forEach(group -> records.notice(group, NoticeKind.SLA_WARNING, caseId, task.getId(), message, clock.now()));
    }
}
