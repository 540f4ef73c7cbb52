package cn.yijianshi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import cn.yijianshi.HallIntegrationTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What each group sees and may work in Tasklist and through /engine-rest, one task per group in the same
 * process instance: the grants the engine makes for candidate groups, checked the way the engine checks them
 * (authorizationCheckRevokes and Tasklist's indexes must change none of it).
 */
@HallIntegrationTest
class GroupTaskVisibilityTest {

    /** A member of each working group and the group's 待办 filter. */
    private static final Map<WorkingGroup, String> MEMBER = new LinkedHashMap<>();

    /** A Camunda group that works tasks: a department of processes/departments.json or a role. */
    record WorkingGroup(String id, String displayName) {
        String name() {
            return id.replace("-", "_").toUpperCase();
        }
    }

    private static final WorkingGroup WINDOW = new WorkingGroup("window", "综合窗口");
    private static final WorkingGroup COORDINATORS = new WorkingGroup("coordinators", "值班主任/协调员");

    static {
        MEMBER.put(WINDOW, "window1");
        MEMBER.put(new WorkingGroup("dept-pension", "社保经办"), "pension1");
        MEMBER.put(new WorkingGroup("dept-medical", "医保"), "medical1");
        MEMBER.put(new WorkingGroup("dept-fund", "公积金"), "fund1");
        MEMBER.put(new WorkingGroup("dept-archives", "档案"), "archives1");
        MEMBER.put(new WorkingGroup("dept-employment", "就业服务"), "employment1");
        MEMBER.put(new WorkingGroup("dept-unemployment", "失业保险"), "unemployment1");
        MEMBER.put(new WorkingGroup("dept-card", "社保卡"), "card1");
        MEMBER.put(new WorkingGroup("experts", "帮办专家"), "expert1");
        MEMBER.put(COORDINATORS, "coord1");
        MEMBER.put(new WorkingGroup("arbitration-liaison", "仲裁联络员"), "liaison1");
    }

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    FilterService filterService;
    @Autowired
    org.camunda.bpm.engine.AuthorizationService authorizationService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void everyGroupListsCountsClaimsAndCompletesItsOwnTaskAndNoOneElses() {
        Map<WorkingGroup, Task> tasks = oneTaskPerGroup();
        String instance = tasks.get(WINDOW).getProcessInstanceId();

        for (var entry : MEMBER.entrySet()) {
            WorkingGroup group = entry.getKey();
            String user = entry.getValue();
            Task own = tasks.get(group);
            var filter = filterService.createFilterQuery().filterName(group.displayName() + "·待办").singleResult();

            List<Task> listed = as(user, group, () -> filterService.<Task, org.camunda.bpm.engine.task.TaskQuery>list(
                    filter.getId(), taskService.createTaskQuery().processInstanceId(instance)));
            long counted = as(user, group, () -> filterService.count(filter.getId(),
                    taskService.createTaskQuery().processInstanceId(instance)));
            assertThat(listed).as(user + " in Tasklist (%s)", filter.getName()).extracting(Task::getId)
                    .containsExactly(own.getId());
            assertThat(counted).as(user + "'s count").isEqualTo(1);

            // Through /engine-rest a user may ask for every task of the instance: only what the grants allow comes back.
            List<String> seen = as(user, group, () -> taskService.createTaskQuery().processInstanceId(instance).list())
                    .stream().map(Task::getId).toList();
            long seenCount = as(user, group, () -> taskService.createTaskQuery().processInstanceId(instance).count());
            if (group == COORDINATORS) {
                assertThat(seen).as("coordinators watch every task (Cockpit)").containsExactlyInAnyOrderElementsOf(
                        tasks.values().stream().map(Task::getId).toList());
            } else {
                assertThat(seen).as(user + " through the engine API").containsExactly(own.getId());
            }
            assertThat(seenCount).isEqualTo(seen.size());

            for (var other : tasks.entrySet()) {
                if (other.getKey() == group) {
                    continue;
                }
                String otherId = other.getValue().getId();
                assertThatThrownBy(() -> as(user, group, () -> {
                    taskService.claim(otherId, user);
                    return null;
                })).as(user + " claims " + other.getKey().id() + "'s task").isInstanceOf(AuthorizationException.class);
                assertThatThrownBy(() -> as(user, group, () -> {
                    taskService.complete(otherId);
                    return null;
                })).as(user + " completes " + other.getKey().id() + "'s task").isInstanceOf(AuthorizationException.class);
            }
        }
        for (var entry : MEMBER.entrySet()) {
            String user = entry.getValue();
            String own = tasks.get(entry.getKey()).getId();
            as(user, entry.getKey(), () -> {
                taskService.claim(own, user);
                taskService.complete(own);
                return null;
            });
            assertThat(taskService.createTaskQuery().taskId(own).count()).as(user + " completed its own").isZero();
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void aClaimForOneselfAddsNoGrantOfItsOwnAndTheClaimerStillSeesAndCompletesTheTask() {
        Map<WorkingGroup, Task> tasks = oneTaskPerGroup();
        WorkingGroup pension = MEMBER.keySet().stream().filter(g -> g.id().equals("dept-pension")).findFirst().orElseThrow();
        String taskId = tasks.get(pension).getId();

        as("pension1", pension, () -> {
            taskService.claim(taskId, "pension1");
            return null;
        });
        assertThat(grantsOf("pension1", taskId)).as("the group's grant let pension1 claim it: no second grant").isZero();
        assertThat(managementService.getUniqueTaskWorkerCount(null, null))
                .as("a claim writes no task metric (taskMetricsEnabled: false)").isZero();
        assertThat(as("pension1", pension, () -> taskService.createTaskQuery().taskAssignee("pension1").taskId(taskId).count()))
                .as("我的任务 still lists it (the group's READ)").isEqualTo(1);

        as("pension1", pension, () -> {
            taskService.complete(taskId);
            return null;
        });
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("pension1 completed it").isZero();

        // Given to someone else (转办, or a claim on another's behalf), the new holder is granted the task as before.
        String windowTask = tasks.get(WINDOW).getId();
        identityService.setAuthentication("coord1", List.of("camunda-admin"));
        try {
            taskService.setAssignee(windowTask, "window1");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(grantsOf("window1", windowTask)).as("a task given to window1 grants window1").isEqualTo(1);
    }

    private long grantsOf(String user, String taskId) {
        return authorizationService.createAuthorizationQuery().userIdIn(user)
                .resourceType(org.camunda.bpm.engine.authorization.Resources.TASK).resourceId(taskId).count();
    }

    private Map<WorkingGroup, Task> oneTaskPerGroup() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("group-visibility").count() == 0) {
            repositoryService.createDeployment().addModelInstance("group-visibility.bpmn", model()).deploy();
        }
        String instance = runtimeService.startProcessInstanceByKey("group-visibility").getId();
        Map<WorkingGroup, Task> tasks = new LinkedHashMap<>();
        for (WorkingGroup group : MEMBER.keySet()) {
            tasks.put(group, taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_" + key(group))
                    .singleResult());
        }
        assertThat(tasks.values()).doesNotContainNull();
        return tasks;
    }

    private static BpmnModelInstance model() {
        List<WorkingGroup> groups = List.copyOf(MEMBER.keySet());
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("group-visibility").name("各组可见性")
                .camundaHistoryTimeToLive(1).startEvent("Start_Visibility").name("开始")
                .parallelGateway("Gateway_Fork").name("分派")
                .userTask("Task_" + key(groups.get(0))).name(groups.get(0).displayName() + "办理")
                .camundaCandidateGroups(groups.get(0).id())
                .parallelGateway("Gateway_Join").name("汇合").endEvent("End_Visibility").name("结束");
        for (WorkingGroup group : groups.subList(1, groups.size())) {
            flow = flow.moveToNode("Gateway_Fork").userTask("Task_" + key(group)).name(group.displayName() + "办理")
                    .camundaCandidateGroups(group.id()).connectTo("Gateway_Join");
        }
        return flow.done();
    }

    private static String key(WorkingGroup group) {
        return group.name().replace("_", "");
    }

    private <T> T as(String user, WorkingGroup group, Supplier<T> work) {
        identityService.setAuthentication(user, List.of(group.id()));
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
