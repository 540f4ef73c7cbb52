package cn.yijianshi.sla;

import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The one SLA timer of a task (timeout listener, cycle {@code ${sla.timerCycle(execution)}}): it fires at
 * the warning point and again at the due date. The first firing reminds; the second escalates. If the
 * timer only gets to fire after the due date (the clock moved on, the job executor was down), that one
 * firing does both, in that order. The engine plugin (system.CaseTaskListeners) puts it on every user task
 * of a case process; no BPMN names it.
 */
@Component("slaTimer")
public class SlaTimer implements TaskListener {

    /** The timeout listener's id: its timer job's handler configuration is {@code <task key>$taskListener~SlaTimer}. */
    public static final String LISTENER_ID = "SlaTimer";
    /** This bean, as the listener's delegate expression (process tests stand in for it with Mocks). */
    public static final String DELEGATE = "${slaTimer}";
    /** The timer's cycle: the warning point, then the due date ({@link SlaClock#timerCycle}). */
    public static final String CYCLE = "${sla.timerCycle(execution)}";

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
