package cn.yijianshi.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.yijianshi.system.DefinitionsFromEngineCache;
import cn.yijianshi.system.EngineMappings;
import cn.yijianshi.system.EngineSessions;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.camunda.bpm.engine.impl.util.ExceptionUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A claim, a completion and a form's submission by a logged-in user read the task, check at once whether the user may
 * work on it (TASK_WORK or UPDATE on the task or on its process definition), then read the task's execution; a
 * completion then looks up the task's own variables, its subtasks and the tasks of its execution: three round trips
 * for a claim and six for a completion, 54 of a retirement case's. Here the task is read with its execution, with the
 * grant rows that check reads (those of the task, of its process definition's key and of *, for the user, the user's
 * groups and everyone) and with how many of those rows the look-ups would find, in one statement. The task and the
 * execution go into the command's entity cache as Camunda's own reads put them there; the check that follows is
 * answered by {@link PermissionAnswer} from those rows; a look-up that would find none (no variable of the task's
 * own, no subtask) or only the task itself (the tasks of its execution) is answered so without a read. Each answer
 * is what the database would give a moment later in the same transaction (Camunda sends nothing to the database
 * before the command's end, so nothing this command did is in it either).
 * <p>
 * The grant rows answer one check only: the first permission check of this command, if it asks about that task,
 * its definition or * for the user and groups they were read for; each look-up is answered once, for that task and
 * its execution. Any other check or look-up, and all in any other command, read as before. A task already read in
 * this command, a command without a logged-in user or with authorization checks off read the task as Camunda does.
 */
@Component
public class TaskReadForWork extends AbstractProcessEnginePlugin {

    private static final String MAPPING = "camunda-mappings/TaskReadForWork.xml";
    private static final String SELECT = "cn.yijianshi.security.TaskReadForWork.selectTaskForWork";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.open(configuration, TaskManager.class, Tasks::new);
        EngineSessions.open(configuration, VariableInstanceManager.class, Variables::new);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        EngineMappings.addOnce(configuration, MAPPING, SELECT);
    }

    /** One row of the task's read: the task, its execution, its definition's key, one grant (all null if none). */
    public static class Row {
        private TaskEntity task;
        private ExecutionEntity execution;
        private String definitionKey;
        private long subtasks;
        private long executionTasks;
        private long taskVariables;
        private String grantId;
        private Integer type;
        private String userId;
        private String groupId;
        private Integer resourceType;
        private String resourceId;
        private Integer perms;
    }

    /** The grants read with a task, for the first check of working on it. */
    record Grants(String taskId, String definitionKey, String userId, Set<String> groupIds,
                  List<PermissionAnswer.Row> rows) {

        /** Whether these are the rows {@code check} of this user and groups reads: the task's, its definition's, *. */
        boolean answers(CompositePermissionCheck check, String user, List<String> groups) {
            if (!userId.equals(user) || !groupIds.equals(groups == null ? Set.of() : Set.copyOf(groups))) {
                return false;
            }
            for (PermissionCheck atomic : check.getAtomicChecks()) {
                String id = atomic.getResourceId();
                boolean any = id == null || Authorization.ANY.equals(id);
                boolean covered = atomic.getResourceType() == Resources.TASK.resourceType() ? any || taskId.equals(id)
                        : atomic.getResourceType() == Resources.PROCESS_DEFINITION.resourceType()
                        && (any || id.equals(definitionKey));
                if (!covered) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Camunda's variable manager; a task's own variables not looked up when its read found none. */
    public static class Variables extends VariableInstanceManager {
        @Override
        public List<VariableInstanceEntity> findVariableInstancesByTaskIdAndVariableNames(String taskId,
                                                                                          Collection<String> names) {
            if (Context.getCommandContext().getSession(TaskManager.class) instanceof Tasks tasks
                    && tasks.hasNoVariables(taskId)) {
                return new ArrayList<>();
            }
            return super.findVariableInstancesByTaskIdAndVariableNames(taskId, names);
        }
    }

    /**
     * What the task's read found for the look-ups that follow, each answered from it once: that the task has no
     * variable or subtask of its own, that it is its execution's only task.
     */
    private static final class LookUps {
        private final String taskId;
        private final String executionId;
        private boolean noVariables;
        private boolean noSubtasks;
        private boolean onlyTaskOfExecution;

        LookUps(String taskId, Row read) {
            this.taskId = taskId;
            this.executionId = read.task.getExecutionId();
            this.noVariables = read.taskVariables == 0;
            this.noSubtasks = read.subtasks == 0;
            this.onlyTaskOfExecution = executionId != null && read.executionTasks == 1;
        }
    }

    /** Camunda's task manager; the task of a claim, completion or submission read with what its work reads. */
    public static class Tasks extends TaskManager {
        private LookUps lookUps;

        @Override
        public List<Task> findTasksByParentTaskId(String parentTaskId) {
            if (lookUps != null && lookUps.noSubtasks && lookUps.taskId.equals(parentTaskId)) {
                lookUps.noSubtasks = false;
                return new ArrayList<>();
            }
            return super.findTasksByParentTaskId(parentTaskId);
        }

        @Override
        public List<TaskEntity> findTasksByExecutionId(String executionId) {
            if (lookUps != null && lookUps.onlyTaskOfExecution && lookUps.executionId.equals(executionId)) {
                lookUps.onlyTaskOfExecution = false;
                TaskEntity task = getDbEntityManager().getCachedEntity(TaskEntity.class, lookUps.taskId);
                if (task != null) {
                    return new ArrayList<>(List.of(task));
                }
            }
            return super.findTasksByExecutionId(executionId);
        }

        /** Whether the task's read found it has no variable of its own (answered once). */
        boolean hasNoVariables(String taskId) {
            if (lookUps != null && lookUps.noVariables && lookUps.taskId.equals(taskId)) {
                lookUps.noVariables = false;
                return true;
            }
            return false;
        }

        @Override
        public TaskEntity findTaskById(String id) {
            CommandContext command = Context.getCommandContext();
            if (id != null && worksOnATask(command)
                    && command.getDbEntityManager().getCachedEntity(TaskEntity.class, id) == null) {
                readForWork(command, id);
            }
            return super.findTaskById(id);
        }

        private static boolean worksOnATask(CommandContext command) {
            Authentication user = command.getAuthentication();
            return DefinitionsFromEngineCache.workingATask()
                    && command.getProcessEngineConfiguration().isAuthorizationEnabled()
                    && command.isAuthorizationCheckEnabled() && user != null && user.getUserId() != null
                    && command.getSession(AuthorizationManager.class) instanceof TaskGrantsWithoutLookups.GroupChecks;
        }

        private void readForWork(CommandContext command, String id) {
            Authentication user = command.getAuthentication();
            var checks = (TaskGrantsWithoutLookups.GroupChecks) command.getSession(AuthorizationManager.class);
            List<String> groups = checks.filterAuthenticatedGroupIds(user.getGroupIds());
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("taskId", id);
            parameters.put("userId", user.getUserId());
            parameters.put("groupIds", groups);
            parameters.put("taskType", Resources.TASK.resourceType());
            parameters.put("definitionType", Resources.PROCESS_DEFINITION.resourceType());
            List<Row> read = ExceptionUtil.doWithExceptionWrapper(
                    () -> command.getDbSqlSession().getSqlSession().selectList(SELECT, parameters));
            if (read.isEmpty()) {
                return; // no such task: Camunda's own read says so
            }
            List<PermissionAnswer.Row> rows = new ArrayList<>();
            for (Row row : read) {
                if (row.grantId != null) {
                    rows.add(new PermissionAnswer.Row(row.type, row.userId, row.groupId, row.resourceType, row.resourceId,
                            row.perms));
                }
            }
            DbEntityManager entities = command.getDbEntityManager();
            entities.onEntityLoaded(read.get(0).task);
            ExecutionEntity execution = read.get(0).execution;
            if (execution != null) {
                entities.onEntityLoaded(execution); // kept as cached if this command read it already
            }
            lookUps = new LookUps(id, read.get(0));
            checks.readWithTheTask(new Grants(id, read.get(0).definitionKey, user.getUserId(), Set.copyOf(groups),
                    List.copyOf(rows)));
        }
    }
}
