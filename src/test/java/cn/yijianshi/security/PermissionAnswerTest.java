package cn.yijianshi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.yijianshi.HallIntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
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

    private static final String TASK = "pa-task-1";
    private static final String DEFINITION = "pa-definition-1";
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
                                            .stream().filter(PermissionAnswerTest::isOurs).map(PermissionAnswerTest::describe)
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

    /** Rounds of random authorizations. */
    protected int rounds() {
        return 150;
    }

    @AfterEach
    void cleanUp() {
        removeOurs();
    }

    /** The claim's check (Camunda's AuthorizationCommandChecker.checkTaskWork) and single checks. */
    private static List<java.util.function.Supplier<CompositePermissionCheck>> checks() {
        List<java.util.function.Supplier<CompositePermissionCheck>> checks = new ArrayList<>();
        checks.add(() -> new PermissionCheckBuilder().disjunctive()
                .atomicCheckForResourceId(Resources.TASK, TASK, TaskPermissions.TASK_WORK)
                .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, DEFINITION, ProcessDefinitionPermissions.TASK_WORK)
                .atomicCheckForResourceId(Resources.TASK, TASK, Permissions.UPDATE)
                .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, DEFINITION, ProcessDefinitionPermissions.UPDATE_TASK)
                .build());
        checks.add(() -> new PermissionCheckBuilder().atomicCheckForResourceId(Resources.TASK, TASK, Permissions.READ).build());
        checks.add(() -> new PermissionCheckBuilder().atomicCheckForResourceId(Resources.PROCESS_DEFINITION, DEFINITION,
                ProcessDefinitionPermissions.READ_TASK).build());
        checks.add(() -> new PermissionCheckBuilder().atomicCheckForResourceId(Resources.TASK, Authorization.ANY,
                TaskPermissions.TASK_ASSIGN).build());
        checks.add(() -> new PermissionCheckBuilder().atomicCheckForResourceId(Resources.TASK, null,
                TaskPermissions.TASK_WORK).build());
        return checks;
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
            String named = resource == Resources.TASK ? TASK : DEFINITION;
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

    private static boolean isOurs(Authorization authorization) {
        String id = authorization.getResourceId();
        boolean onOurs = TASK.equals(id) || DEFINITION.equals(id);
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
