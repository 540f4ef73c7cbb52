package cn.yijianshi.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import cn.yijianshi.system.EngineSessions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The same checks as Camunda's, without two lookups it makes on every claim and completion (a case's six tasks: 18
 * of its 36 reads of ACT_RU_AUTHORIZATION), and without the grant a claim would repeat:
 * <ul>
 * <li>before each permission check, Camunda reads which groups hold any grant at all ({@code SELECT distinct
 * GROUP_ID_}, a scan of every grant, one per open task) to leave the others out of the check. A group without
 * grants adds nothing to the check either way, so {@link GroupChecks} passes the user's groups as they are.</li>
 * <li>before granting a task's candidate group TASK_WORK on a task created in the same command, Camunda looks for
 * a grant of that group on that task to extend. A task id that did not exist before this command has no grant in
 * the database; {@link NewTaskGrants} looks only among the grants this command made.</li>
 * <li>when a user claims a task for themselves, Camunda looks up and writes a grant of READ + TASK_WORK on the task
 * for that user. The claim has just passed Camunda's TASK_WORK check, so the user already holds such a grant: their
 * group's on the task (READ + TASK_WORK, the same permissions) or a wider one. {@link NewTaskGrants} writes none
 * (a case: 6 reads and 6 grants fewer). The claimer keeps the task as long as the grant they claimed it with:
 * in the hall a task's candidate group does not change, and a user who leaves the group leaves its tasks to the
 * coordinators. Giving a task to someone else (转办, {@code setAssignee}, a claim on another's behalf) still grants
 * that person the task, as Camunda does.</li>
 * </ul>
 * And a check on named resources (a claim's, a completion's) is answered by {@link PermissionAnswer} from the
 * same grant rows, read with one plain statement instead of the SQL that MyBatis builds anew for each check, or
 * read with the task just before ({@link TaskReadForWork}).
 * The checks read the same rows and answer the same: who may see and do what is unchanged.
 */
@Component
public class TaskGrantsWithoutLookups extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.open(configuration, AuthorizationManager.class, GroupChecks::new);
        configuration.setResourceAuthorizationProvider(new NewTaskGrants());
    }

    /**
     * Camunda's permission checks with the user's groups as given; a check on named resources answered by
     * {@link PermissionAnswer} from the same rows with a plain statement.
     */
    public static class GroupChecks extends AuthorizationManager {
        /** The grants read with a task this command is about to work on, for the check that follows (once). */
        private TaskReadForWork.Grants readWithTheTask;

        void readWithTheTask(TaskReadForWork.Grants grants) {
            readWithTheTask = grants;
        }

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return EMPTY_LIST;
            }
            return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }

        @Override
        public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck permissionCheck) {
            if (!isAuthorizationEnabled()) {
                return true;
            }
            return isAuthorized(userId, groupIds, createCompositePermissionCheck(permissionCheck));
        }

        @Override
        public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
            if (!PermissionAnswer.answers(check)
                    || !check.getAllPermissionChecks().stream().allMatch(this::isResourceValidForPermission)) {
                readWithTheTask = null;
                return super.isAuthorized(userId, groupIds, check);
            }
            List<String> groups = filterAuthenticatedGroupIds(groupIds);
            TaskReadForWork.Grants read = readWithTheTask;
            readWithTheTask = null;
            boolean revokes = isRevokeAuthCheckEnabled(userId, groupIds);
            return read != null && read.answers(check, userId, groups)
                    ? PermissionAnswer.isAuthorized(check, userId, groups, revokes, read.rows())
                    : PermissionAnswer.isAuthorized(check, userId, groups, revokes);
        }
    }

    /**
     * Camunda's task grants; for a task created in this command, no look in the database for an earlier grant; none
     * for a user who claims a task for themselves.
     */
    public static class NewTaskGrants extends DefaultAuthorizationProvider {
        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            if (claimsThroughAGrant(newAssignee)) {
                return null;
            }
            return super.newTaskAssignee(task, oldAssignee, newAssignee);
        }

        /** A claim for oneself that Camunda's TASK_WORK check let through (checks on, a user logged in). */
        private static boolean claimsThroughAGrant(String newAssignee) {
            CommandContext command = Context.getCommandContext();
            var invocation = Context.getCommandInvocationContext();
            return newAssignee != null && command != null && invocation != null
                    && invocation.getCommand() instanceof ClaimTaskCmd
                    && command.getProcessEngineConfiguration().isAuthorizationEnabled()
                    && command.isAuthorizationCheckEnabled()
                    && newAssignee.equals(command.getAuthenticatedUserId());
        }

        @Override
        protected AuthorizationEntity getGrantAuthorizationByGroupId(String groupId, Resource resource, String resourceId) {
            CommandContext command = Context.getCommandContext();
            if (command != null && resource.resourceType() == Resources.TASK.resourceType()) {
                DbEntityManager entities = command.getDbEntityManager();
                TaskEntity task = entities.getCachedEntity(TaskEntity.class, resourceId);
                if (task != null && entities.getDbEntityCache().isTransient(task)) {
                    return entities.getCachedEntitiesByType(AuthorizationEntity.class).stream()
                            .filter(grant -> grant.getAuthorizationType() == AuthorizationEntity.AUTH_TYPE_GRANT
                                    && groupId.equals(grant.getGroupId())
                                    && grant.getResourceType() == resource.resourceType()
                                    && resourceId.equals(grant.getResourceId()))
                            .findFirst().orElse(null);
                }
            }
            return super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
        }
    }
}
