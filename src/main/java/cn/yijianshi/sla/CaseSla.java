package cn.yijianshi.sla;

import java.time.Duration;
import java.time.Instant;

import cn.yijianshi.intake.Priority;
import cn.yijianshi.system.HallClock;
import org.springframework.stereotype.Service;

/**
 * The whole-case promise (e.g. 退休一件事: 10 working days from 受理). The clock stops while the citizen is
 * being waited for (一次性告知 until the supplement): on resuming, the due date and the warning point move
 * on by the working time the wait took.
 */
@Service
public class CaseSla {

    private final SlaPolicies policies;
    private final SlaClock sla;
    private final SlaMapper records;
    private final HallCalendar calendar;
    private final HallClock clock;

    public CaseSla(SlaPolicies policies, SlaClock sla, SlaMapper records, HallCalendar calendar, HallClock clock) {
        this.policies = policies;
        this.sla = sla;
        this.records = records;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Starts the case's promise, if its matter makes one, and answers its due date (for the receipt). */
    public java.util.Optional<Instant> start(String caseId, cn.yijianshi.catalog.Matter matter, Priority priority,
                                             String processInstanceId, Instant acceptedAt) {
        return policies.forCase(matter, priority).map(policy -> {
            Deadline deadline = sla.deadline(policy, acceptedAt);
            SlaRecord record = new SlaRecord();
            record.setKind("CASE");
            record.setCaseId(caseId);
            record.setProcessInstanceId(processInstanceId);
            record.setTaskName("办件总时限");
            record.setPriority(priority.name());
            record.setLimitText(policy.limit().chinese());
            record.setStartedAt(acceptedAt);
            record.setWarnAt(deadline.warnAt());
            record.setDueAt(deadline.dueAt());
            record.setState(SlaState.ON_TRACK);
            records.insert(record);
            return deadline.dueAt();
        });
    }

    /**
     * The case's priority changed after intake (a matter's rule routes it URGENT, e.g. a 绿色通道): its promise is
     * counted again from 受理 at that priority's limit, the time already spent waiting for the citizen still not counted.
     */
    public void reprioritise(String caseId, String matter, Priority priority) {
        SlaRecord record = records.openCase(caseId);
        if (record == null || priority.name().equals(record.getPriority())) {
            return;
        }
        policies.forCase(matter, priority).ifPresent(policy -> {
            Deadline deadline = sla.deadline(policy, record.getStartedAt());
            WorkingDayCalendar days = calendar.current();
            Duration waited = Duration.ofMinutes(record.getPausedMinutes());
            record.setPriority(priority.name());
            record.setLimitText(policy.limit().chinese());
            record.setDueAt(shift(days, deadline.dueAt(), waited));
            record.setWarnAt(shift(days, deadline.warnAt(), waited));
            records.reprioritise(record);
        });
    }

    /** The due date of the case's open promise, if it has one. */
    public java.util.Optional<Instant> due(String caseId) {
        SlaRecord record = records.openCase(caseId);
        return record == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(record.getDueAt());
    }

    public void pause(String caseId) {
        SlaRecord record = records.openCase(caseId);
        if (record != null && record.getPausedAt() == null) {
            record.setPausedAt(clock.now());
            record.setState(SlaState.PAUSED);
            records.update(record);
        }
    }

    public void resume(String caseId) {
        SlaRecord record = records.openCase(caseId);
        if (record == null || record.getPausedAt() == null) {
            return;
        }
        WorkingDayCalendar days = calendar.current();
        Duration waited = days.workingTimeBetween(record.getPausedAt(), clock.now());
        record.setDueAt(shift(days, record.getDueAt(), waited));
        record.setWarnAt(shift(days, record.getWarnAt(), waited));
        record.setPausedMinutes(record.getPausedMinutes() + waited.toMinutes());
        record.setPausedAt(null);
        record.setState(SlaState.ON_TRACK);
        records.update(record);
    }

    /**
     * 提前预审: the case is ready before the applicant's month and waits for it. The promise stops now; the answer is
     * the due date it will have when it starts again at {@code resumeAt} (the month's first working day).
     */
    public java.util.Optional<Instant> holdUntil(String caseId, String matter, Instant resumeAt) {
        SlaRecord record = records.openCase(caseId);
        if (record == null) {
            return java.util.Optional.empty();
        }
        pause(caseId);
        return policies.forCase(matter, Priority.valueOf(record.getPriority()))
                .map(policy -> sla.deadline(policy, resumeAt).dueAt());
    }

    /**
     * 提前预审: the applicant's month has come. The promise runs from now, whole, as if the case had been accepted
     * today: neither the early application nor the wait counts against it.
     */
    public void restartNow(String caseId, String matter) {
        SlaRecord record = records.openCase(caseId);
        if (record == null) {
            return;
        }
        Instant now = clock.now();
        policies.forCase(matter, Priority.valueOf(record.getPriority())).ifPresent(policy -> {
            Deadline deadline = sla.deadline(policy, now);
            record.setStartedAt(now);
            record.setWarnAt(deadline.warnAt());
            record.setDueAt(deadline.dueAt());
            record.setPausedAt(null);
            record.setPausedMinutes(0);
            record.setState(SlaState.ON_TRACK);
            records.restart(record);
        });
    }

    /** The case has ended (办结, 撤回, 不予受理): its record is closed with the working time it used. */
    public void finish(String caseId) {
        SlaRecord record = records.openCase(caseId);
        if (record == null) {
            return;
        }
        Instant now = clock.now();
        if (record.getBreachedAt() == null && record.getPausedAt() == null && !now.isBefore(record.getDueAt())) {
            record.setBreachedAt(record.getDueAt());
        }
        WorkingDayCalendar days = calendar.current();
        long waiting = record.getPausedMinutes()
                + (record.getPausedAt() == null ? 0 : days.workingTimeBetween(record.getPausedAt(), now).toMinutes());
        record.setCompletedAt(now);
        record.setPausedAt(null);
        record.setPausedMinutes(waiting);
        // The time the citizen was waited for does not count against the promise.
        record.setWorkingMinutes(Math.max(0, days.workingTimeBetween(record.getStartedAt(), now).toMinutes() - waiting));
        record.setState(SlaState.DONE);
        records.update(record);
    }

    private static Instant shift(WorkingDayCalendar days, Instant instant, Duration workingTime) {
        return workingTime.isZero() ? instant : days.addWorkingHours(instant, workingTime);
    }
}
