package cn.yijianshi.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.yijianshi.intake.CaseTimeline;
import cn.yijianshi.intake.Priority;
import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds and escalates the open steps whose warning point or due date has come, from their SLA records alone:
 * the time limit is data in {@code sla_record} (warn_at, due_at), not a timer job per task. One sweep takes the steps
 * past their warning point not yet reminded, then those past their due date not yet escalated, in batches of
 * {@link #BATCH}, one transaction each (a few indexed statements per batch, however many steps are due):
 * <ul>
 *   <li>a reminder tells the policy's warnTo groups ({@code SLA_WARNING}) and marks the step 即将超时;</li>
 *   <li>an escalation records the breach, tells the escalateTo groups ({@code SLA_BREACH}), raises the task's
 *       priority by {@value #PRIORITY_RAISE} (not while its case is suspended) and notes it on the case timeline.</li>
 * </ul>
 * A step past both points at its first sweep gets both, the reminder first. Nothing completes or skips a task. "Now"
 * is the hall clock ({@link HallClock}), which tests and the bench move. A step whose task is gone from the engine
 * without closing its record (a process instance deleted without its listeners) is closed as cancelled.
 *
 * <p>On two nodes: {@code system/DeadlineWatches} runs the sweep every 10 s under the cluster lock {@code sla-sweep},
 * so one node sweeps at a time. Should two sweeps overlap all the same (the lock ran out during a long stop, a test
 * runs two at once), each batch claims its rows with {@code SELECT ... FOR UPDATE SKIP LOCKED} (MariaDB 10.6+,
 * MySQL 8, H2 alike): rows one sweep holds are skipped by the other, and once committed they are marked
 * ({@code warned_at}, {@code breached_at}) and no longer match; each step is reminded and escalated exactly once.
 * A batch that fails (a clerk saved the same task at that moment) rolls back whole and is taken again next time.
 */
@Component
public class SlaSweep {

    static final int BATCH = 500;
    static final int PRIORITY_RAISE = 30;

    private final SlaMapper records;
    private final SlaPolicies policies;
    private final CaseTimeline timeline;
    private final HallClock clock;
    private final TransactionTemplate transaction;
    private final ProcessEngine engine;

    public SlaSweep(SlaMapper records, SlaPolicies policies, CaseTimeline timeline, HallClock clock,
                    TransactionTemplate transaction, ProcessEngine engine) {
        this.records = records;
        this.policies = policies;
        this.timeline = timeline;
        this.clock = clock;
        this.transaction = transaction;
        this.engine = engine;
    }

    /** One sweep, each batch as of the hall clock's now; returns how many reminders and escalations it made. */
    public int sweep() {
        return drain(this::remind) + drain(this::escalate);
    }

    private record Batch(int claimed, int told) {
    }

    private int drain(java.util.function.Supplier<Batch> batch) {
        int told = 0;
        while (true) {
            Batch done = transaction.execute(status -> batch.get());
            if (done == null || done.claimed() == 0) {
                return told;
            }
            told += done.told();
        }
    }

    private Batch remind() {
        Instant now = clock.now();
        List<SlaRecord> steps = records.stepsToRemind(now, BATCH);
        if (steps.isEmpty()) {
            return new Batch(0, 0);
        }
        Map<String, TaskEntity> tasks = tasks(steps, false);
        List<SlaRecord> open = stillOpen(steps, tasks, now);
        if (!open.isEmpty()) {
            records.warnSteps(ids(open), now);
        }
        List<StaffNotice> notices = new ArrayList<>();
        Map<String, SlaPolicies.Applicable> policies = new HashMap<>();
        for (SlaRecord step : open) {
            TaskEntity task = tasks.get(step.getTaskId());
            String message = "【即将超时】" + step.getCaseId() + "「" + task.getName() + "」将于 "
                    + clock.wallClock(step.getDueAt()) + " 到期" + holder(task);
            policy(policies, task, step).warnTo().forEach(group -> notices.add(notice(group, NoticeKind.SLA_WARNING, step, message, now)));
        }
        if (!notices.isEmpty()) {
            records.notices(notices);
        }
        return new Batch(steps.size(), open.size());
    }

    private Batch escalate() {
        Instant now = clock.now();
        List<SlaRecord> steps = records.stepsToEscalate(now, BATCH);
        if (steps.isEmpty()) {
            return new Batch(0, 0);
        }
        Map<String, TaskEntity> tasks = tasks(steps, true);
        List<SlaRecord> open = stillOpen(steps, tasks, now);
        if (!open.isEmpty()) {
            records.breachSteps(ids(open), now);
        }
        List<StaffNotice> notices = new ArrayList<>();
        List<CaseTimeline.Line> lines = new ArrayList<>();
        Map<String, SlaPolicies.Applicable> policies = new HashMap<>();
        for (SlaRecord step : open) {
            TaskEntity task = tasks.get(step.getTaskId());
            String message = "【已超时】" + step.getCaseId() + "「" + task.getName() + "」已超过承诺时限" + holder(task) + "，请督办";
            policy(policies, task, step).escalateTo().forEach(group -> notices.add(notice(group, NoticeKind.SLA_BREACH, step, message, now)));
            if (step.getCaseId() != null) {
                lines.add(new CaseTimeline.Line(step.getCaseId(), "「" + task.getName() + "」超过承诺时限，已升级至值班主任"));
            }
        }
        if (!notices.isEmpty()) {
            records.notices(notices);
        }
        timeline.recordAll(null, "SLA_BREACHED", lines);
        return new Batch(steps.size(), open.size());
    }

    /** The claimed steps whose task is still in the engine; the others are closed as cancelled. */
    private List<SlaRecord> stillOpen(List<SlaRecord> steps, Map<String, TaskEntity> tasks, Instant now) {
        List<SlaRecord> gone = steps.stream().filter(step -> !tasks.containsKey(step.getTaskId())).toList();
        if (!gone.isEmpty()) {
            records.cancelSteps(ids(gone), now);
        }
        return steps.stream().filter(step -> tasks.containsKey(step.getTaskId())).toList();
    }

    /**
     * The steps' tasks, read in one query inside the sweep's transaction (no user's authorizations apply: the sweep
     * acts for the hall); with {@code raise}, each active one's priority goes up, flushed by the engine in one batch.
     */
    private Map<String, TaskEntity> tasks(List<SlaRecord> steps, boolean raise) {
        String[] taskIds = steps.stream().map(SlaRecord::getTaskId).toArray(String[]::new);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            commandContext.disableAuthorizationCheck();
            commandContext.disableTenantCheck();
            try {
                TaskQueryImpl query = new TaskQueryImpl();
                query.taskIdIn(taskIds);
                List<TaskEntity> found = commandContext.getTaskManager().findTasksByQueryCriteria(query).stream()
                        .map(TaskEntity.class::cast).toList();
                if (raise) {
                    found.stream().filter(task -> !task.isSuspended())
                            .forEach(task -> task.setPriority(Math.min(100, task.getPriority() + PRIORITY_RAISE)));
                }
                return found.stream().collect(Collectors.toMap(TaskEntity::getId, Function.identity()));
            } finally {
                commandContext.enableAuthorizationCheck();
                commandContext.enableTenantCheck();
            }
        });
    }

    /** The policy of the step, from the matter file of the version its case runs on; looked up once per batch. */
    private SlaPolicies.Applicable policy(Map<String, SlaPolicies.Applicable> known, TaskEntity task, SlaRecord step) {
        Priority priority = "URGENT".equals(step.getPriority()) ? Priority.URGENT : Priority.NORMAL;
        return known.computeIfAbsent(task.getProcessDefinitionId() + " " + step.getTaskKey() + " " + priority,
                key -> policies.forCaseTask(task.getProcessDefinitionId(), step.getTaskKey(), priority));
    }

    private static String holder(TaskEntity task) {
        return task.getAssignee() == null ? "，尚无人认领" : "，办理人 " + task.getAssignee();
    }

    private static StaffNotice notice(String group, NoticeKind kind, SlaRecord step, String message, Instant now) {
        return new StaffNotice(0, group, null, kind.name(), step.getCaseId(), step.getTaskId(), message, now);
    }

    private static List<Long> ids(List<SlaRecord> steps) {
        return steps.stream().map(SlaRecord::getId).toList();
    }
}
