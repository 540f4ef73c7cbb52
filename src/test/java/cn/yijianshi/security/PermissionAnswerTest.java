package cn.yijianshi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.system.EngineReads;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link PermissionAnswer} answers as Camunda's own SQL does: random grants, revokes and global authorizations of a
 * user, their groups, another group, a group named like another user and everyone, on a task, its process definition
 * and on *, and for each the claim's check (TASK_WORK or UPDATE on the task or its definition, in Camunda's order) and
 * single checks, asked of both with revokes checked and not.
 */
@HallIntegrationTest
class PermissionAnswerTest {

    /** The task and process definition key the grants name (a real task's and its process's in the claims' test). */
    private String task = "pa-task-1";
    private String definition = "pa-definition-1";
    private static final List<String> USERS = List.of("pa-user-1", "pa-user-2");
    /** pa-user-2 is also a group's name: a user's rows and a group's of the same name must not stand in for each other. */
    private static final List<String> GROUPS = List.of("pa-group-1", "pa-group-2", "pa-group-3", "pa-user-2");
    private static final List<Permission> ON_TASK = List.of(Permissions.READ, Permissions.UPDATE, TaskPermissions.TASK_WORK,
            TaskPermissions.TASK_ASSIGN);
    private static final List<Permission> ON_DEFINITION = List.of(ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
            ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_ASSIGN);

    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    ProcessEngine processEngine;

    record Asked(String user, List<String> groups) {
    }

    @Test
    void answersAsCamundasSqlOverRandomGrantsAndRevokes() {
        Random random = new Random(20261130L);
        List<Asked> asked = List.of(new Asked("pa-user-1", List.of("pa-group-1", "pa-group-2")),
                new Asked("pa-user-1", List.of()), new Asked("pa-user-2", List.of("pa-group-3")),
                new Asked("pa-user-1", List.of("pa-group-2")), new Asked("pa-user-1", List.of("pa-user-2", "pa-group-1")));
        List<java.util.function.Supplier<CompositePermissionCheck>> checks = checks();
        int allowed = 0;
        int refused = 0;
        for (int round = 0; round < rounds(); round++) {
            try {
                randomAuthorizations(random);
                for (Asked who : asked) {
                    for (var check : checks) {
                        for (boolean revokes : new boolean[] {true, false}) {
                            boolean camunda = answer(new AuthorizationManager(), who, check, revokes);
                            boolean ours = answer(new TaskGrantsWithoutLookups.GroupChecks(), who, check, revokes);
                            assertThat(ours).as("round %d, %s, revokes %s, check %s: %s", round, who, revokes,
                                    describe(check), authorizationService.createAuthorizationQuery().list()
                                            .stream().filter(this::isOurs).map(PermissionAnswerTest::describe)
                                            .toList())
                                    .isEqualTo(camunda);
                            if (camunda) {
                                allowed++;
                            } else {
                                refused++;
                            }
                        }
                    }
                }
            } finally {
                removeOurs();
            }
        }
        assertThat(allowed).as("checks allowed").isGreaterThan(2 * rounds());
        assertThat(refused).as("checks refused").isGreaterThan(2 * rounds());
    }

    /**
     * A claim and a completion read their task with what their work reads ({@link TaskReadForWork}), and answer as
     * Camunda's SQL does over the same random grants, on a real task of a deployed process: claimed by each user with
     * their groups (then given back), and in the end completed by one who may and refused to one who may not. No
     * claim reads the task or its execution apart; a completion looks up a subtask or a variable of the task's own
     * only when it has one (and removes them as Camunda does), and the tasks of its execution not at all when the task
     * is the only one. On H2 the statements the database ran show the checks read no grants of their own.
     */
    @Test
    void aClaimReadsItsTaskWithTheGrantsItsCheckReadsAndAnswersAsCamunda() throws Exception {
        definition = "pa-definition-2";
        var deployment = processEngine.getRepositoryService().createDeployment().addModelInstance("pa-work.bpmn",
                Bpmn.createExecutableProcess(definition).name("授权测试").camundaHistoryTimeToLive(1)
                        .startEvent("Start_Received").name("受理")
                        .userTask("Task_Work").name("办理").camundaCandidateGroups("pa-group-1")
                        .userTask("Task_Next").name("复核").camundaCandidateGroups("pa-group-1")
                        .endEvent("End_Done").name("办结").done()).deploy();
        TaskService tasks = processEngine.getTaskService();
        EngineReads.watch(processEngine);
        try (var statistics = StatementsRun.start(processEngine)) {
            String instance = processEngine.getRuntimeService().startProcessInstanceByKey(definition).getId();
            task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
            Random random = new Random(20261201L);
            List<Asked> asked = List.of(new Asked("pa-user-1", List.of("pa-group-1", "pa-group-2")),
                    new Asked("pa-user-1", List.of()), new Asked("pa-user-2", List.of("pa-group-3")),
                    new Asked("pa-user-1", List.of("pa-user-2", "pa-group-1")));
            int allowed = 0;
            int refused = 0;
            List<String> claimsRead = new ArrayList<>();
            long grantsReadBefore = statistics.runs(GRANTS_READ_ALONE);
            for (int round = 0; round < rounds() / 3; round++) {
                try {
                    removeOurs();
                    randomAuthorizations(random);
                    for (Asked who : asked) {
                        boolean camunda = answer(new AuthorizationManager(), who, this::taskWork, true);
                        EngineReads.start();
                        boolean claimed = worked(who, () -> tasks.claim(task, who.user()));
                        claimsRead.addAll(EngineReads.stop());
                        assertThat(claimed).as("round %d, %s claims: %s", round, who, authorizationService
                                .createAuthorizationQuery().list().stream().filter(this::isOurs)
                                .map(PermissionAnswerTest::describe).toList()).isEqualTo(camunda);
                        if (claimed) {
                            tasks.setAssignee(task, null);
                            allowed++;
                        } else {
                            refused++;
                        }
                    }
                } finally {
                    removeOurs();
                }
            }
            assertThat(allowed).as("claims allowed").isGreaterThan(rounds() / 6);
            assertThat(refused).as("claims refused").isGreaterThan(rounds() / 6);
            assertThat(claimsRead).as("the claims' reads").doesNotContain("selectTask", "selectExecution")
                    .filteredOn("selectTaskForWork"::equals).hasSize(asked.size() * (rounds() / 3));

            grant("pa-group-1", task);
            org.camunda.bpm.engine.task.Task subtask = tasks.newTask();
            subtask.setParentTaskId(task);
            subtask.setName("补充材料");
            tasks.saveTask(subtask);
            tasks.setVariableLocal(task, "note", "请补充");
            Asked outsider = new Asked("pa-user-2", List.of("pa-group-3"));
            assertThat(worked(outsider, () -> tasks.complete(task))).as("completed by one without a grant").isFalse();
            Asked worker = new Asked("pa-user-1", List.of("pa-group-1"));
            EngineReads.start();
            assertThat(worked(worker, () -> tasks.complete(task))).as("completed by the group's member").isTrue();
            assertThat(EngineReads.stop()).as("a completion of a task with a subtask and a variable of its own")
                    .contains("selectTaskForWork", "selectTasksByParentTaskId", "selectVariablesByTaskId")
                    .doesNotContain("selectTask", "selectExecution", "selectTasksByExecutionId");
            assertThat(tasks.createTaskQuery().taskId(subtask.getId()).count()).as("its subtask").isZero();
            assertThat(processEngine.getRuntimeService().createVariableInstanceQuery().taskIdIn(task).count())
                    .as("its variable").isZero();

            String next = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
            assertThat(tasks.createTaskQuery().taskId(next).singleResult().getTaskDefinitionKey()).isEqualTo("Task_Next");
            EngineReads.start();
            assertThat(worked(worker, () -> tasks.complete(next, Map.of("opinion", "同意")))).isTrue();
            assertThat(EngineReads.stop()).as("a completion of a task with nothing of its own")
                    .contains("selectTaskForWork").doesNotContain("selectTask", "selectExecution",
                            "selectTasksByParentTaskId", "selectVariablesByTaskId", "selectTasksByExecutionId");
            assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
                    .as("the case ended").isZero();
            assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                    .variableName("opinion").singleResult().getValue()).isEqualTo("同意");
            if (statistics.counting()) {
                assertThat(statistics.runs(GRANTS_READ_ALONE)).as("grants read apart from the task").isEqualTo(grantsReadBefore);
            }
        } finally {
            EngineReads.stop();
            processEngine.getIdentityService().clearAuthentication();
            processEngine.getRepositoryService().deleteDeployment(deployment.getId(), true);
            task = "pa-task-1";
            definition = "pa-definition-1";
        }
    }

    /** PermissionAnswer's own read of a check's grants. */
    private static final String GRANTS_READ_ALONE = "SELECT TYPE_, USER_ID_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ FROM%";

    /** Whether the user with their groups could do it, or was refused by an authorization check. */
    private boolean worked(Asked who, Runnable work) {
        processEngine.getIdentityService().setAuthentication(who.user(), who.groups());
        try {
            work.run();
            return true;
        } catch (org.camunda.bpm.engine.AuthorizationException refused) {
            return false;
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private void grant(String group, String taskId) {
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(Resources.TASK);
        authorization.setResourceId(taskId);
        authorization.addPermission(TaskPermissions.TASK_WORK);
        authorizationService.saveAuthorization(authorization);
    }

    /** The statements H2 ran, counted by its query statistics while open (none counted on another database). */
    private static final class StatementsRun implements AutoCloseable {
        private final javax.sql.DataSource database;
        private final boolean counting;

        private StatementsRun(javax.sql.DataSource database, boolean counting) {
            this.database = database;
            this.counting = counting;
        }

        static StatementsRun start(ProcessEngine engine) throws java.sql.SQLException {
            var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            boolean h2 = "h2".equals(configuration.getDatabaseType());
            StatementsRun run = new StatementsRun(configuration.getDataSource(), h2);
            if (h2) {
                run.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
                run.execute("SET QUERY_STATISTICS TRUE");
            }
            return run;
        }

        boolean counting() {
            return counting;
        }

        /** How many times statements whose text is like {@code pattern} ran. */
        long runs(String pattern) throws java.sql.SQLException {
            if (!counting) {
                return 0;
            }
            try (var connection = database.getConnection(); var statement = connection.prepareStatement(
                    "SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT LIKE ?")) {
                statement.setString(1, pattern);
                try (var result = statement.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        }

        private void execute(String sql) throws java.sql.SQLException {
            try (var connection = database.getConnection(); var statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        @Override
        public void close() throws java.sql.SQLException {
            if (counting) {
                execute("SET QUERY_STATISTICS FALSE");
            }
        }
    }

    /** Rounds of random authorizations. */
    protected int rounds() {
        return 150;
    }

    @AfterEach
    void cleanUp() {
        removeOurs();
    }

    /** The claim's check (Camunda's AuthorizationCommandChecker.checkTaskWork) and single checks. */
    private List<java.util.function.Supplier<CompositePermissionCheck>> checks() {
        List<java.util.function.Supplier<CompositePermissionCheck>> checks = new ArrayList<>();
        checks.add(this::taskWork);
        checks.add(() -> new PermissionCheckBuilder().atomicCheckForResourceId(Resources.TASK, task, Permissions.READ).build());
        checks.add(() -> new PermissionCheckBuilder().atomicCheckForResourceId(Resources.PROCESS_DEFINITION, definition,
                ProcessDefinitionPermissions.READ_TASK).build());
        checks.add(() -> new PermissionCheckBuilder().atomicCheckForResourceId(Resources.TASK, Authorization.ANY,
                TaskPermissions.TASK_ASSIGN).build());
        checks.add(() -> new PermissionCheckBuilder().atomicCheckForResourceId(Resources.TASK, null,
                TaskPermissions.TASK_WORK).build());
        return checks;
    }

    /** Camunda's check of a claim or completion (AuthorizationCommandChecker.checkTaskWork), in its order. */
    private CompositePermissionCheck taskWork() {
        return new PermissionCheckBuilder().disjunctive()
                .atomicCheckForResourceId(Resources.TASK, task, TaskPermissions.TASK_WORK)
                .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, definition, ProcessDefinitionPermissions.TASK_WORK)
                .atomicCheckForResourceId(Resources.TASK, task, Permissions.UPDATE)
                .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, definition, ProcessDefinitionPermissions.UPDATE_TASK)
                .build();
    }

    private boolean answer(AuthorizationManager manager, Asked who, java.util.function.Supplier<CompositePermissionCheck> check,
                           boolean revokes) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            CompositePermissionCheck asked = check.get();
            assertThat(PermissionAnswer.answers(asked)).as("answered by PermissionAnswer").isTrue();
            RevokesAs.set(manager, revokes);
            return manager.isAuthorized(who.user(), who.groups(), asked);
        });
    }

    private String describe(java.util.function.Supplier<CompositePermissionCheck> check) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> describe(check.get()));
    }

    /** Sets whether revokes count, as Camunda's authorizationCheckRevokes would (the field the manager keeps it in). */
    private static final class RevokesAs extends AuthorizationManager {
        static void set(AuthorizationManager manager, boolean revokes) {
            try {
                var field = AuthorizationManager.class.getDeclaredField("isRevokeAuthCheckUsed");
                field.setAccessible(true);
                field.set(manager, revokes);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void randomAuthorizations(Random random) {
        for (Resource resource : List.of(Resources.TASK, Resources.PROCESS_DEFINITION)) {
            List<Permission> permissions = resource == Resources.TASK ? ON_TASK : ON_DEFINITION;
            String named = resource == Resources.TASK ? task : definition;
            for (String resourceId : List.of(named, Authorization.ANY)) {
                List<String[]> principals = new ArrayList<>();
                USERS.forEach(u -> principals.add(new String[] {u, null}));
                GROUPS.forEach(g -> principals.add(new String[] {null, g}));
                for (String[] principal : principals) {
                    for (int type : new int[] {Authorization.AUTH_TYPE_GRANT, Authorization.AUTH_TYPE_REVOKE}) {
                        if (random.nextInt(10) < 3) {
                            save(type, principal[0], principal[1], resource, resourceId, permissions, random);
                        }
                    }
                }
                if (random.nextInt(10) < 3) {
                    save(Authorization.AUTH_TYPE_GLOBAL, Authorization.ANY, null, resource, resourceId, permissions, random);
                }
            }
        }
    }

    private void save(int type, String user, String group, Resource resource, String resourceId,
                      List<Permission> permissions, Random random) {
        Authorization authorization = authorizationService.createNewAuthorization(type);
        authorization.setUserId(user);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        boolean revoke = type == Authorization.AUTH_TYPE_REVOKE || (type == Authorization.AUTH_TYPE_GLOBAL && random.nextBoolean());
        if (revoke && type == Authorization.AUTH_TYPE_GLOBAL) {
            permissions.forEach(authorization::addPermission); // a global that takes some away from everyone
        }
        for (Permission permission : permissions) {
            if (random.nextInt(10) < 4) {
                if (revoke) {
                    authorization.removePermission(permission);
                } else {
                    authorization.addPermission(permission);
                }
            }
        }
        authorizationService.saveAuthorization(authorization);
    }

    private void removeOurs() {
        for (Authorization authorization : authorizationService.createAuthorizationQuery().list()) {
            if (isOurs(authorization)) {
                authorizationService.deleteAuthorization(authorization.getId());
            }
        }
    }

    private boolean isOurs(Authorization authorization) {
        String id = authorization.getResourceId();
        boolean onOurs = task.equals(id) || definition.equals(id);
        boolean byOurs = authorization.getUserId() != null && USERS.contains(authorization.getUserId())
                || authorization.getGroupId() != null && GROUPS.contains(authorization.getGroupId());
        boolean globalOnAny = authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GLOBAL
                && Authorization.ANY.equals(id) && (authorization.getResourceType() == Resources.TASK.resourceType()
                || authorization.getResourceType() == Resources.PROCESS_DEFINITION.resourceType());
        return onOurs || byOurs || globalOnAny;
    }

    private static String describe(CompositePermissionCheck check) {
        return check.getAtomicChecks().stream().map(c -> c.getPermission().getName() + "@" + c.getResource().resourceName()
                + ":" + c.getResourceId()).toList().toString();
    }

    private static String describe(Authorization a) {
        return a.getAuthorizationType() + "/" + (a.getUserId() != null ? "u:" + a.getUserId() : "g:" + a.getGroupId())
                + "/" + a.getResourceType() + ":" + a.getResourceId() + "/"
                + ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) a).getPermissions();
    }
}
