package cn.yijianshi.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the hall's groups and what each may open, on every start, idempotently.
 * Task visibility itself comes from candidate groups: the engine grants a task's candidate group
 * TASK_WORK on that task, so a window clerk never sees an expert's task.
 */
@Component
@Order(1)
public class HallGroupsSetup implements IdentityStartup {

    private static final Logger log = LoggerFactory.getLogger(HallGroupsSetup.class);

    private static final Set<HallGroup> COCKPIT_USERS = EnumSet.of(HallGroup.COORDINATORS, HallGroup.MANAGERS);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    private final cn.yijianshi.catalog.Departments departments;

    public HallGroupsSetup(IdentityService identityService, AuthorizationService authorizationService,
                           cn.yijianshi.catalog.Departments departments) {
        this.departments = departments;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run() {
        java.util.Map<String, String> groups = new java.util.LinkedHashMap<>();
        for (HallGroup role : HallGroup.values()) {
            groups.put(role.id(), role.displayName());
        }
        for (cn.yijianshi.catalog.Department department : departments.all()) {
            groups.putIfAbsent(department.group(), department.name());
            if (department.headGroup() != null) {
                groups.putIfAbsent(department.headGroup(), department.headName());
            }
        }
        groups.forEach((id, name) -> {
            if (identityService.createGroupQuery().groupId(id).count() == 0) {
                Group group = identityService.newGroup(id);
                group.setName(name);
                group.setType(HallGroup.ADMIN.id().equals(id) ? "SYSTEM" : "WORKFLOW");
                identityService.saveGroup(group);
                log.info("created group {} ({})", id, name);
            }
            grant(id, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(id, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(id, Resources.USER, ANY, Permissions.READ);
            grant(id, Resources.GROUP, ANY, Permissions.READ);
        });
        for (HallGroup watcher : COCKPIT_USERS) {
            grant(watcher, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(watcher, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                    Permissions.READ_INSTANCE, Permissions.READ_TASK);
            grant(watcher, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grant(watcher, Resources.TASK, ANY, Permissions.READ);
            grant(watcher, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
            grant(watcher, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(watcher, Resources.HISTORIC_TASK, ANY, org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ);
            grant(watcher, Resources.HISTORIC_PROCESS_INSTANCE, ANY,
                    org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ);
        }
        // Experts hand hard cases to each other with Tasklist's delegate / reassign.
        grant(HallGroup.EXPERTS, Resources.PROCESS_DEFINITION, "hard-case-escalation",
                org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_ASSIGN);
        for (Resource resource : Resources.values()) {
            grant(HallGroup.ADMIN, resource, ANY, Permissions.ALL);
        }
    }

    private void grant(HallGroup group, Resource resource, String resourceId, Permission... permissions) {
        grant(group.id(), resource, resourceId, permissions);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
