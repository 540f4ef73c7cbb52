package cn.yijianshi.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import cn.yijianshi.intake.CaseTimeline;
import cn.yijianshi.intake.Priority;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a holiday notice is loaded, moves every open task limit and whole-case promise it changes: recomputed
 * from the recorded start on the new calendar, the record's warning point and due date (an update of the row: the
 * SLA sweep and the case watch read them from there, no job is rescheduled) and the task's due and follow-up dates
 * (Tasklist sorts and filters by them). Each moved due date goes on the case timeline. Works in batches of {@link #BATCH}, one transaction each; runs on
 * the node that loaded the notice (the other nodes read the new calendar at their next refresh).
 */
@Component
public class SlaDeadlinesOnNewNotice {

    static final int BATCH = 200;
    static final String TIMELINE_EVENT = "DEADLINE_MOVED";

    private static final Logger log = LoggerFactory.getLogger(SlaDeadlinesOnNewNotice.class);

    private final SlaMapper records;
    private final SlaPolicies policies;
    private final SlaClock sla;
    private final TaskService tasks;
    private final CaseTimeline timeline;
    private final TransactionTemplate transaction;

    public SlaDeadlinesOnNewNotice(SlaMapper records, SlaPolicies policies, SlaClock sla, TaskService tasks,
                                   CaseTimeline timeline, TransactionTemplate transaction) {
        this.records = records;
        this.policies = policies;
        this.sla = sla;
        this.tasks = tasks;
        this.timeline = timeline;
        this.transaction = transaction;
    }

    @EventListener
    public void recompute(CalendarChanged change) {
        WorkingDayCalendar after = change.after();
        // a deadline before the notice's year cannot move (nothing before it changed)
        Instant dueFrom = LocalDate.of(change.year(), 1, 1).atStartOfDay(after.zone()).toInstant();
        long afterId = 0;
        int moved = 0;
        while (true) {
            long from = afterId;
            List<SlaRecord> batch = records.openDueFrom(dueFrom, from, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            Integer movedInBatch = transaction.execute(status -> {
                int count = 0;
                for (SlaRecord record : batch) {
                    if (move(record, change)) {
                        count++;
                    }
                }
                return count;
            });
            moved += movedInBatch == null ? 0 : movedInBatch;
            afterId = batch.get(batch.size() - 1).getId();
        }
        log.info("holiday notice for {}: {} open time limits moved", change.year(), moved);
    }

    private boolean move(SlaRecord record, CalendarChanged change) {
        Optional<Deadline> recomputed = "CASE".equals(record.getKind()) ? casePromise(record) : taskLimit(record);
        if (recomputed.isEmpty()) {
            return false;
        }
        Instant warnAt = recomputed.get().warnAt();
        Instant dueAt = recomputed.get().dueAt();
        if (warnAt.equals(record.getWarnAt()) && dueAt.equals(record.getDueAt())) {
            return false;
        }
        records.reschedule(record.getId(), warnAt, dueAt);
        if ("TASK".equals(record.getKind())) {
            moveTask(record.getTaskId(), warnAt, dueAt);
        }
        LocalDate before = record.getDueAt().atZone(change.after().zone()).toLocalDate();
        LocalDate now = dueAt.atZone(change.after().zone()).toLocalDate();
        if (!before.equals(now) && record.getCaseId() != null) {
            timeline.record(record.getCaseId(), change.loadedBy(), TIMELINE_EVENT,
                    record.getTaskName() + "：" + change.historyLine(before, now));
        }
        return true;
    }

    private Optional<Deadline> taskLimit(SlaRecord record) {
        if (record.getProcessKey() == null || record.getTaskKey() == null) {
            return Optional.empty();
        }
        return Optional.of(sla.forTask(record.getProcessKey(), record.getTaskKey(), priority(record), record.getStartedAt()));
    }

    /** The whole-case promise from 受理, moved on by the working time the citizen was already waited for. */
    private Optional<Deadline> casePromise(SlaRecord record) {
        String matter = records.matterOf(record.getCaseId());
        if (matter == null) {
            return Optional.empty();
        }
        return policies.forCase(matter, priority(record)).map(policy -> {
            Deadline base = sla.deadline(policy, record.getStartedAt());
            if (record.getPausedMinutes() == 0) {
                return base;
            }
            WorkingDayCalendar days = sla.calendar();
            Duration waited = Duration.ofMinutes(record.getPausedMinutes());
            return new Deadline(base.start(), days.addWorkingHours(base.warnAt(), waited),
                    days.addWorkingHours(base.dueAt(), waited), base.limit(), base.warnTo(), base.escalateTo());
        });
    }

    private void moveTask(String taskId, Instant warnAt, Instant dueAt) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return;
        }
        task.setDueDate(Date.from(dueAt));
        task.setFollowUpDate(Date.from(warnAt));
        tasks.saveTask(task);
    }

    private static Priority priority(SlaRecord record) {
        return "URGENT".equals(record.getPriority()) ? Priority.URGENT : Priority.NORMAL;
    }
}
