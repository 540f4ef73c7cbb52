package cn.yijianshi.oversight;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.yijianshi.intake.CaseTimeline;
import cn.yijianshi.security.HallUserNames;
import cn.yijianshi.sla.NoticeKind;
import cn.yijianshi.sla.SlaMapper;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抄送: whoever works on a task (its assignee, a candidate) copies it to colleagues, who then read it on our pages
 * (抄送我的, the case view) and nowhere can claim or complete it: the copy is a row of task_copy, never a Camunda
 * identity link (that would grant TASK_WORK). Camunda's operation log ({@code CarbonCopy}) and the case timeline
 * record it; each colleague gets a staff notice.
 */
@Service
public class TaskCopies {

    static final int MAX_COPIES = 20;
    static final int LISTED = 100;

    private final OpenTasks tasks;
    private final TaskActionMapper actions;
    private final SlaMapper notices;
    private final CaseTimeline timeline;
    private final EngineAsUser engine;
    private final ProcessEngine processEngine;
    private final IdentityService identityService;
    private final HallClock clock;

    public TaskCopies(OpenTasks tasks, TaskActionMapper actions, SlaMapper notices, CaseTimeline timeline,
                      EngineAsUser engine, ProcessEngine processEngine, IdentityService identityService, HallClock clock) {
        this.tasks = tasks;
        this.actions = actions;
        this.notices = notices;
        this.timeline = timeline;
        this.engine = engine;
        this.processEngine = processEngine;
        this.identityService = identityService;
        this.clock = clock;
    }

    public boolean mayCopy(OpenTask task, Actor actor) {
        return actor.administers() || task.performedBy(actor.user(), actor.groups());
    }

    /** Copies the task to these users (those already copied are left as they are); returns everyone copied on it. */
    @Transactional
    public List<String> copy(String taskId, List<String> userIds, Actor actor) {
        OpenTask task = tasks.require(taskId, TaskAction.CC);
        if (!mayCopy(task, actor)) {
            throw RefusedRequest.forbidden("taskId", "只有任务的办理人或候选人可以抄送", "only the task's assignee or candidates may copy it");
        }
        if (userIds == null || userIds.isEmpty() || userIds.stream().anyMatch(u -> u == null || u.isBlank())) {
            throw RefusedRequest.badInput("userIds", "请选择抄送给谁", "name at least one user");
        }
        Set<String> wanted = new LinkedHashSet<>(userIds.stream().map(String::trim).toList());
        if (wanted.size() > MAX_COPIES) {
            throw RefusedRequest.badInput("userIds", "一次最多抄送 " + MAX_COPIES + " 人", "at most " + MAX_COPIES + " users at once");
        }
        // every user named, looked up in one read (which also names them below)
        Map<String, User> known = identityService.createUserQuery().userIdIn(wanted.toArray(String[]::new)).list().stream()
                .collect(Collectors.toMap(User::getId, user -> user));
        for (String user : wanted) {
            if (user.equals(actor.user())) {
                throw RefusedRequest.badInput("userIds", "不能抄送给自己", "cannot copy a task to oneself");
            }
            if (!known.containsKey(user)) {
                throw RefusedRequest.badInput("userIds", "没有这个用户：" + user, "no such user: " + user);
            }
        }
        List<String> already = actions.copiedOn(taskId);
        List<String> added = wanted.stream().filter(u -> !already.contains(u)).toList();
        if (added.isEmpty()) {
            return already;
        }
        engine.run(actor.user(), actor.groups(), context -> {
            context.getOperationLogManager().logTaskOperations(TaskAction.CC.operationType(),
                    context.getTaskManager().findTaskById(taskId), List.of(new PropertyChange("userIds", null, String.join(",", added))));
            return null;
        });
        var now = clock.now();
        String who = HallUserNames.of(processEngine, actor.user());
        for (String user : added) {
            actions.copy(task, user, actor.user(), now);
            actions.record(task, TaskAction.CC, actor.user(), user, null, now);
            notices.personalNotice(task.group(), user, NoticeKind.TASK_COPIED, task.caseId(), taskId,
                    "【抄送】" + who + " 将" + (task.caseId() == null ? "" : task.caseId()) + "「" + task.name() + "」抄送给您（只读）", now);
        }
        if (task.caseId() != null) {
            timeline.record(task.caseId(), actor.user(), "TASK_COPIED", "抄送「" + task.name() + "」给 "
                    + String.join("、", added.stream().map(user -> HallUserNames.of(known.get(user))).toList()));
        }
        return actions.copiedOn(taskId);
    }

    /** One copied task as 抄送我的 shows it: read only, with where it stands now. */
    public record Copy(String taskId, String caseId, String taskName, String copiedBy, OffsetDateTime copiedAt,
                       boolean completed, String assignee, OffsetDateTime completedAt) {
    }

    /**
     * The tasks copied to this user, each with where it stands, read with the list (not a history query per task):
     * who holds it while open (its engine task's assignee: history gets it when the task ends), who did it and when
     * once finished; a task the engine kept no history of counts as finished, held by nobody.
     */
    public List<Copy> copiedTo(String user) {
        List<TaskActionMapper.CopyRow> rows = actions.copiedTo(user, LISTED);
        Map<String, String> names = HallUserNames.of(processEngine,
                rows.stream().flatMap(row -> Stream.of(row.copiedBy(), row.holder())).toList());
        return rows.stream().map(row -> new Copy(row.taskId(), row.caseId(), row.taskName(),
                names.getOrDefault(row.copiedBy(), ""), clock.inHallZone(row.copiedAt()),
                row.historyId() == null || row.endedAt() != null,
                row.holder() == null ? null : names.get(row.holder()),
                row.endedAt() == null ? null : clock.inHallZone(row.endedAt()))).toList();
    }

    /** Whether this user was copied on the task. */
    public boolean copiedTo(String taskId, String user) {
        return actions.copiedOn(taskId).contains(user);
    }
}
