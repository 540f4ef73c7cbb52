package cn.yijianshi.oversight;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.yijianshi.catalog.Departments;
import cn.yijianshi.security.HallUserNames;
import cn.yijianshi.sla.SlaMonitor;
import cn.yijianshi.system.HallClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 催办, 转办 and 抄送 on open tasks, what the caller may do on one, and the tasks copied to her (抄送我的). */
@RestController
@RequestMapping("/api/tasks")
public class TaskActionController {

    public record ChaseRequest(
            @NotBlank(message = "请填写催办内容|is required") @Size(max = 500, message = "催办内容最多500字|at most 500 characters") String message) {
    }

    public record ReassignRequest(
            @Size(max = 64, message = "用户名最多64个字符|at most 64 characters") String userId,
            @Size(max = 500, message = "转办原因最多500字|at most 500 characters") String reason) {
    }

    public record CopyRequest(List<String> userIds) {
    }

    public record Chased(String taskId, OffsetDateTime chasedAt, OffsetDateTime nextChaseAt) {
    }

    /** What the caller may do on an open task; {@code reassignTo}: the members of its group (coordinators only). */
    public record Actions(String taskId, String caseId, String taskName, String group, String groupName, String assignee,
                          String assigneeName, boolean mayChase, OffsetDateTime nextChaseAt, boolean mayReassign,
                          List<Map<String, String>> reassignTo, boolean mayCopy, List<String> copiedTo, boolean copiedToMe,
                          String tasklistLink) {
    }

    private final OpenTasks tasks;
    private final TaskChase chase;
    private final TaskReassignment reassignment;
    private final TaskCopies copies;
    private final Departments departments;
    private final ProcessEngine engine;
    private final HallClock clock;
    private final TaskActionMapper actions;

    public TaskActionController(OpenTasks tasks, TaskChase chase, TaskReassignment reassignment, TaskCopies copies,
                                Departments departments, ProcessEngine engine, HallClock clock, TaskActionMapper actions) {
        this.tasks = tasks;
        this.chase = chase;
        this.reassignment = reassignment;
        this.copies = copies;
        this.departments = departments;
        this.engine = engine;
        this.clock = clock;
        this.actions = actions;
    }

    @PostMapping("/{taskId}/chase")
    public Chased chase(@PathVariable String taskId, @RequestBody @Valid ChaseRequest request, Authentication user) {
        Instant at = chase.chase(taskId, request.message().trim(), Actor.of(user));
        return new Chased(taskId, clock.inHallZone(at), clock.inHallZone(at.plus(TaskChase.ONCE_EVERY)));
    }

    @PostMapping("/{taskId}/reassign")
    public Actions reassign(@PathVariable String taskId, @RequestBody @Valid ReassignRequest request, Authentication user) {
        reassignment.reassign(taskId, request.userId() == null ? null : request.userId().trim(), request.reason(), Actor.of(user));
        return actions(taskId, user);
    }

    @PostMapping("/{taskId}/cc")
    public Actions copy(@PathVariable String taskId, @RequestBody CopyRequest request, Authentication user) {
        copies.copy(taskId, request == null ? null : request.userIds(), Actor.of(user));
        return actions(taskId, user);
    }

    @GetMapping("/{taskId}/actions")
    public Actions actions(@PathVariable String taskId, Authentication user) {
        Actor actor = Actor.of(user);
        OpenTask task = tasks.require(taskId, TaskAction.CHASE);
        boolean mayChase = chase.mayChase(task, actor);
        Instant next = mayChase ? chase.nextChaseAt(taskId) : null;
        boolean mayReassign = reassignment.mayReassign(actor);
        List<Map<String, String>> members = mayReassign ? reassignment.membersFor(task).entrySet().stream()
                .map(e -> Map.of("id", e.getKey(), "name", e.getValue())).toList() : List.of();
        boolean mayCopy = copies.mayCopy(task, actor);
        List<String> copiedTo = actions.copiedOn(taskId);
        return new Actions(taskId, task.caseId(), task.name(), task.group(),
                task.group() == null ? null : departments.groupName(task.group()), task.assignee(),
                task.assignee() == null ? null : HallUserNames.of(engine, task.assignee()), mayChase,
                next == null ? null : clock.inHallZone(next), mayReassign, members, mayCopy,
                mayCopy || mayChase ? copiedTo : List.of(), copiedTo.contains(actor.user()), SlaMonitor.tasklistLink(taskId));
    }

    /** 抄送我的: the tasks copied to the caller, newest first (read only). */
    @GetMapping("/copied-to-me")
    public List<TaskCopies.Copy> copiedToMe(Authentication user) {
        return copies.copiedTo(user.getName());
    }
}
