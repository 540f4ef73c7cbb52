package cn.yijianshi.oversight;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.yijianshi.catalog.Departments;
import cn.yijianshi.intake.CaseTimeline;
import cn.yijianshi.security.HallUserNames;
import cn.yijianshi.sla.NoticeKind;
import cn.yijianshi.sla.SlaMapper;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 转办: a coordinator moves an open task to another member of its candidate group (never outside it), with a
 * reason. The engine's own assignment (operation log {@code Assign}, the SLA record's assignee) with the reason as a
 * comment on the task; the new assignee gets a staff notice; the case timeline records it.
 */
@Service
public class TaskReassignment {

    static final int MEMBERS_LISTED = 200;

    private final OpenTasks tasks;
    private final TaskActionMapper actions;
    private final SlaMapper notices;
    private final CaseTimeline timeline;
    private final EngineAsUser engine;
    private final ProcessEngine processEngine;
    private final IdentityService identityService;
    private final Departments departments;
    private final HallClock clock;

    public TaskReassignment(OpenTasks tasks, TaskActionMapper actions, SlaMapper notices, CaseTimeline timeline,
                            EngineAsUser engine, ProcessEngine processEngine, IdentityService identityService,
                            Departments departments, HallClock clock) {
        this.tasks = tasks;
        this.actions = actions;
        this.notices = notices;
        this.timeline = timeline;
        this.engine = engine;
        this.processEngine = processEngine;
        this.identityService = identityService;
        this.departments = departments;
        this.clock = clock;
    }

    public boolean mayReassign(Actor actor) {
        return actor.coordinates();
    }

    /** The members of the task's candidate groups, by user id, with the name Tasklist shows (the assignee left out). */
    public Map<String, String> membersFor(OpenTask task) {
        Map<String, String> members = new LinkedHashMap<>();
        for (String group : task.groups()) {
            for (User user : identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().listPage(0, MEMBERS_LISTED)) {
                if (!user.getId().equals(task.assignee())) {
                    members.putIfAbsent(user.getId(), HallUserNames.of(user));
                }
            }
        }
        return members;
    }

    @Transactional
    public void reassign(String taskId, String userId, String reason, Actor actor) {
        OpenTask task = tasks.require(taskId, TaskAction.REASSIGN);
        if (!mayReassign(actor)) {
            throw RefusedRequest.forbidden("taskId", "只有值班主任/协调员可以转办任务", "only coordinators may reassign a task");
        }
        if (userId == null || userId.isBlank()) {
            throw RefusedRequest.badInput("userId", "请选择转办给谁", "is required");
        }
        if (reason == null || reason.isBlank()) {
            throw RefusedRequest.badInput("reason", "请写明转办原因", "is required");
        }
        if (userId.equals(task.assignee())) {
            throw RefusedRequest.badInput("userId", userId + " 已是该任务的办理人", userId + " already holds the task");
        }
        boolean member = task.groups().stream()
                .anyMatch(group -> identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0);
        if (!member) {
            String groupNames = String.join("、", task.groups().stream().map(departments::groupName).toList());
            throw RefusedRequest.badInput("userId", "用户 " + userId + " 不是「" + groupNames + "」的成员，只能转办给本组人员",
                    "user " + userId + " is not a member of the task's candidate group " + task.groups());
        }
        String from = task.assignee() == null ? "（未认领）" : HallUserNames.of(processEngine, task.assignee());
        String to = HallUserNames.of(processEngine, userId);
        String who = HallUserNames.of(processEngine, actor.user());
        engine.run(actor.user(), actor.groups(), context -> {
            new AssignTaskCmd(taskId, userId).execute(context);
            new AddCommentCmd(taskId, task.processInstanceId(), "【转办】" + who + " 将任务由 " + from + " 转给 " + to + "：" + reason)
                    .execute(context);
            return null;
        });
        var now = clock.now();
        actions.record(task, TaskAction.REASSIGN, actor.user(), userId, reason, now);
        notices.personalNotice(task.group(), userId, NoticeKind.TASK_REASSIGNED, task.caseId(), taskId,
                "【转办】" + (task.caseId() == null ? "" : task.caseId()) + "「" + task.name() + "」已由 " + who + " 转给您：" + reason, now);
        if (task.caseId() != null) {
            timeline.record(task.caseId(), actor.user(), "TASK_REASSIGNED",
                    "转办「" + task.name() + "」：由 " + from + " 转给 " + to + "，原因：" + reason);
        }
    }
}
