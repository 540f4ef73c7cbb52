package cn.yijianshi.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import cn.yijianshi.intake.Priority;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Turns a policy into instants on the working-day calendar. BPMN uses it as the bean {@code sla}: every
 * user task of a case process carries one timeout listener ({@link SlaTimer}) whose timer cycle is
 * {@code ${sla.timerCycle(execution)}}; the limits themselves are data.
 */
@Component("sla")
public class SlaClock {

    private final SlaPolicies policies;
    private final HallCalendar calendar;

    public SlaClock(SlaPolicies policies, HallCalendar calendar) {
        this.policies = policies;
        this.calendar = calendar;
    }

    /**
     * One timer for the task's warning point and its due date: the ISO 8601 cycle
     * {@code R1/<warning point>/PT<seconds to the due date>S} fires at the warning point and once more
     * at the due date (never earlier: the seconds are rounded up). One job per open task instead of two.
     */
    public String timerCycle(DelegateExecution execution) {
        Deadline deadline = forStep(execution);
        long millis = Duration.between(deadline.warnAt(), deadline.dueAt()).toMillis();
        return "R1/" + deadline.warnAt() + "/PT" + (millis + 999) / 1000 + "S";
    }

    /** The warning point, for process versions deployed with a separate warning timer. */
    public Date warningAt(DelegateExecution execution) {
        return Date.from(forStep(execution).warnAt());
    }

    /** The due date, for process versions deployed with a separate breach timer. */
    public Date dueAt(DelegateExecution execution) {
        return Date.from(forStep(execution).dueAt());
    }

    public Deadline forStep(DelegateExecution execution) {
        String processKey = execution.getProcessDefinitionId().split(":")[0];
        return forTask(processKey, execution.getCurrentActivityId(), priorityOf(execution), ClockUtil.getCurrentTime().toInstant());
    }

    public Deadline forTask(String processKey, String taskKey, Priority priority, Instant start) {
        return deadline(policies.forTaskOrFallback(processKey, taskKey, priority), start);
    }

    public Deadline deadline(SlaPolicies.Applicable policy, Instant start) {
        WorkingDayCalendar days = calendar.current();
        Instant due = policy.limit().dueFrom(start, days);
        Duration working = days.workingTimeBetween(start, due);
        Instant warn = days.addWorkingHours(start, Duration.ofSeconds((long) (working.toSeconds() * policy.warnAtRatio())));
        if (warn.isAfter(due)) {
            warn = due;
        }
        return new Deadline(start, warn, due, policy.limit(), policy.warnTo(), policy.escalateTo());
    }

    /** The policy that applies to this task of this case. */
    public SlaPolicies.Applicable policyOf(org.camunda.bpm.engine.delegate.DelegateTask task) {
        return policies.forTaskOrFallback(task.getProcessDefinitionId().split(":")[0], task.getTaskDefinitionKey(),
                priorityOf(task.getExecution()));
    }

    static Priority priorityOf(DelegateExecution execution) {
        Object priority = execution.getVariable("priority");
        return "URGENT".equals(priority) ? Priority.URGENT : Priority.NORMAL;
    }
}
