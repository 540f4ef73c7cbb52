package cn.yijianshi.oversight;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.yijianshi.catalog.Departments;
import cn.yijianshi.intake.CaseTimeline;
import cn.yijianshi.security.HallUserNames;
import cn.yijianshi.sla.NoticeKind;
import cn.yijianshi.sla.SlaMapper;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 催办: a coordinator or the head of the task's department presses an open task. Its assignee (or, unclaimed, its
 * candidate group) gets a staff notice, Tasklist shows the chase as a comment on the task, Camunda's operation log
 * and the case timeline record it; a task is chased at most once an hour (hall clock). Two chases of one task at
 * the same moment, on one node or two, queue on the task's time-limit row ({@link TaskActionMapper#lockTask}).
 */
@Service
public class TaskChase {

    static final Duration ONCE_EVERY = Duration.ofHours(1);

    private final OpenTasks tasks;
    private final TaskActionMapper actions;
    private final SlaMapper notices;
    private final CaseTimeline timeline;
    private final EngineAsUser engine;
    private final ProcessEngine processEngine;
    private final Departments departments;
    private final HallClock clock;

    public TaskChase(OpenTasks tasks, TaskActionMapper actions, SlaMapper notices, CaseTimeline timeline,
                     EngineAsUser engine, ProcessEngine processEngine, Departments departments, HallClock clock) {
        this.tasks = tasks;
        this.actions = actions;
        this.notices = notices;
        this.timeline = timeline;
        this.engine = engine;
        this.processEngine = processEngine;
        this.departments = departments;
        this.clock = clock;
    }

    /** Coordinators, administrators, and the heads of a department the task is given to. */
    public boolean mayChase(OpenTask task, Actor actor) {
        return actor.coordinates() || task.groups().stream()
                .anyMatch(group -> departments.headGroupOf(group).map(actor.groups()::contains).orElse(false));
    }

    /** When the task may be chased again, or null when it may be now. */
    public Instant nextChaseAt(String taskId) {
        Instant last = actions.lastChase(taskId);
        Instant next = last == null ? null : last.plus(ONCE_EVERY);
        return next != null && clock.now().isBefore(next) ? next : null;
    }

    @Transactional
    public Instant chase(String taskId, String message, Actor actor) {
        OpenTask task = tasks.require(taskId, TaskAction.CHASE);
        if (!mayChase(task, actor)) {
            throw RefusedRequest.forbidden("taskId", "只有值班主任/协调员和本部门负责人可以催办",
                    "only coordinators and the head of the task's department may chase it");
        }
        actions.lockTask(taskId);
        Instant next = nextChaseAt(taskId);
        if (next != null) {
            String at = clock.inHallZone(next).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            throw RefusedRequest.tooManyRequests("taskId", "该任务一小时内已催办过，每小时最多催办一次；请于 " + at + " 后再催办",
                    "the task was chased less than an hour ago (at most once an hour); chase it again after " + at);
        }
        String who = HallUserNames.of(processEngine, actor.user());
        String text = "【催办】" + who + "：" + message;
        engine.run(actor.user(), actor.groups(), context -> {
            new AddCommentCmd(taskId, task.processInstanceId(), text).execute(context);
            context.getOperationLogManager().logTaskOperations(TaskAction.CHASE.operationType(),
                    context.getTaskManager().findTaskById(taskId), List.of(new PropertyChange("message", null, message)));
            return null;
        });
        Instant now = clock.now();
        actions.record(task, TaskAction.CHASE, actor.user(), task.assignee(), message, now);
        String notice = "【催办】" + (task.caseId() == null ? "" : task.caseId()) + "「" + task.name() + "」" + who + "：" + message;
        if (task.assignee() != null) {
            notices.personalNotice(task.group(), task.assignee(), NoticeKind.TASK_CHASED, task.caseId(), taskId, notice, now);
        } else {
            task.groups().forEach(group -> notices.notice(group, NoticeKind.TASK_CHASED, task.caseId(), taskId, notice, now));
        }
        if (task.caseId() != null) {
            timeline.record(task.caseId(), actor.user(), "TASK_CHASED", "催办「" + task.name() + "」（"
                    + (task.assignee() != null ? "办理人 " + HallUserNames.of(processEngine, task.assignee())
                    : departments.groupName(task.group()) + "，尚无人认领") + "）：" + message);
        }
        return now;
    }
}
