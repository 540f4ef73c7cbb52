package cn.yijianshi.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import cn.yijianshi.intake.Priority;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Turns a policy into instants on the working-day calendar: every step's SLA record gets its warning point and due
 * date from here, and {@link SlaSweep} acts on them; the limits themselves are data. As the bean {@code sla} it still
 * evaluates the timer expressions of process versions deployed with SLA timers ({@link SlaTimer}).
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
     * The cycle of the SLA timer of versions deployed with one: the ISO 8601 cycle
     * {@code R1/<warning point>/PT<seconds to the due date>S} fires at the warning point and once more
     * at the due date (never earlier: the seconds are rounded up).
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

    /**
     * The deadline of the user task the execution waits in, counted from the task's creation (evaluated when the
     * task is created, or by an old version's timer expression later: the same start either way, not "now").
     */
    public Deadline forStep(DelegateExecution execution) {
        String processKey = execution.getProcessDefinitionId().split(":")[0];
        if (execution instanceof ExecutionEntity entity && entity.getProcessDefinition() != null) {
            // The case's own version, from the engine's deployment cache: no query per task.
            return deadline(policies.forDeployedTask(processKey, entity.getProcessDefinition().getDeploymentId(),
                    execution.getCurrentActivityId(), priorityOf(execution)), taskStart(execution));
        }
        return forTask(processKey, execution.getCurrentActivityId(), priorityOf(execution), taskStart(execution));
    }

    private static Instant taskStart(DelegateExecution execution) {
        if (execution instanceof ExecutionEntity entity) {
            for (TaskEntity task : entity.getTasks()) {
                if (execution.getCurrentActivityId().equals(task.getTaskDefinitionKey()) && task.getCreateTime() != null) {
                    return task.getCreateTime().toInstant();
                }
            }
        }
        return ClockUtil.getCurrentTime().toInstant(); // the task is being created now
    }

    public Deadline forTask(String processKey, String taskKey, Priority priority, Instant start) {
        return deadline(policies.forTaskOrFallback(processKey, taskKey, priority), start);
    }

    /**
     * The deadline of a step that started at {@code start}, counted from when the hall counts it as received
     * ({@link WorkingDayCalendar#receivedAt}: a task created on a rest day or after closing starts at the next
     * opening). The record keeps {@code start} itself, so a new calendar recomputes the same way.
     */
    public Deadline deadline(SlaPolicies.Applicable policy, Instant start) {
        WorkingDayCalendar days = calendar.current();
        Instant received = days.receivedAt(start);
        Instant due = policy.limit().dueFrom(received, days);
        Duration working = days.workingTimeBetween(received, due);
        Instant warn = days.addWorkingHours(received, Duration.ofSeconds((long) (working.toSeconds() * policy.warnAtRatio())));
        if (warn.isAfter(due)) {
            warn = due;
        }
        return new Deadline(start, warn, due, policy.limit(), policy.warnTo(), policy.escalateTo());
    }

    /** The calendar in force now. */
    public WorkingDayCalendar calendar() {
        return calendar.current();
    }

    /** The policy that applies to this task of this case. */
    public SlaPolicies.Applicable policyOf(org.camunda.bpm.engine.delegate.DelegateTask task) {
        return policies.forCaseTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), priorityOf(task.getExecution()));
    }

    static Priority priorityOf(DelegateExecution execution) {
        Object priority = execution.getVariable("priority");
        return "URGENT".equals(priority) ? Priority.URGENT : Priority.NORMAL;
    }
}
