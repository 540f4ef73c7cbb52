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
 * user task of a case process carries two timeout listeners whose timers are
 * {@code ${sla.warningAt(execution)}} and {@code ${sla.dueAt(execution)}}; the limits themselves are data.
 */
@Component("sla")
public class SlaClock {

    private final SlaPolicies policies;
    private final HallCalendar calendar;

    public SlaClock(SlaPolicies policies, HallCalendar calendar) {
        this.policies = policies;
        this.calendar = calendar;
    }

    public Date warningAt(DelegateExecution execution) {
        return Date.from(forStep(execution).warnAt());
    }

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
