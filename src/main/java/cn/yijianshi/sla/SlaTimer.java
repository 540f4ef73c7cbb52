package cn.yijianshi.sla;

import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The one SLA timer of a task (timeout listener, cycle {@code ${sla.timerCycle(execution)}}): it fires at
 * the warning point and again at the due date. The first firing reminds; the second escalates. If the
 * timer only gets to fire after the due date (the clock moved on, the job executor was down), that one
 * firing does both, in that order.
 */
@Component("slaTimer")
public class SlaTimer implements TaskListener {

    private final SlaReminder reminder;
    private final SlaEscalation escalation;
    private final HallClock clock;

    public SlaTimer(SlaReminder reminder, SlaEscalation escalation, HallClock clock) {
        this.reminder = reminder;
        this.escalation = escalation;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean firstFiring = reminder.remind(task);
        boolean pastDue = task.getDueDate() != null && !clock.now().isBefore(task.getDueDate().toInstant());
        if (!firstFiring || pastDue) {
            escalation.escalate(task);
        }
    }
}
