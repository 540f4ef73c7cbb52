package cn.yijianshi.sla;

import cn.yijianshi.intake.CaseTimeline;
import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The due date of a task has passed: the breach is recorded, the coordinators (the policy's escalateTo) are
 * told, and the task's priority is raised so it sorts to the top, once. A timer never completes or skips a
 * task. Called by {@link SlaTimer}; still a listener for tasks of process versions deployed with a separate
 * breach timer ({@code ${sla.dueAt(execution)}}).
 */
@Component("slaEscalation")
public class SlaEscalation implements TaskListener {

    static final int PRIORITY_RAISE = 30;

    private final SlaClock sla;
    private final SlaMapper records;
    private final CaseTimeline timeline;
    private final HallClock clock;

    public SlaEscalation(SlaClock sla, SlaMapper records, CaseTimeline timeline, HallClock clock) {
        this.sla = sla;
        this.records = records;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        escalate(task);
    }

    /** Escalates the breach unless it was already escalated. */
    public void escalate(DelegateTask task) {
        if (records.breach(task.getId(), clock.now()) == 0) {
            return;
        }
        task.setPriority(Math.min(100, task.getPriority() + PRIORITY_RAISE));
        String caseId = task.getExecution().getProcessBusinessKey();
        String message = "【已超时】" + caseId + "「" + task.getName() + "」已超过承诺时限"
                + (task.getAssignee() == null ? "，尚无人认领" : "，办理人 " + task.getAssignee()) + "，请督办";
        sla.policyOf(task).escalateTo()
                .forEach(group -> records.notice(group, NoticeKind.SLA_BREACH, caseId, task.getId(), message, clock.now()));
        if (caseId != null) {
            timeline.record(caseId, null, "SLA_BREACHED", "「" + task.getName() + "」超过承诺时限，已升级至值班主任");
        }
    }
}
