package cn.yijianshi.system;

import java.util.Set;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;

/**
 * The history a hall reads, through Camunda's documented extension point for history levels: FULL, less what nobody
 * reads. Kept: process instances, task instances (who did which task when), activity instances of user tasks,
 * events, sub-processes and business rule tasks (the case's milestones and waits), every decision (DMN inputs and
 * outputs), every value a form submitted (ACT_HI_DETAIL form fields), the last value of every variable
 * (ACT_HI_VARINST), the user operation log (Tasklist's history tab: claims, reassignments, completions, chases),
 * comments, attachments, incidents, failed jobs, external tasks and batches. Dropped: a detail row for every
 * variable write (only FULL's "every intermediate value", shown nowhere; the final value stays in ACT_HI_VARINST and
 * a person's entries stay as form fields), activity instances of gateways and service, script and send tasks (the
 * route is in the BPMN and in the case's timeline; Cockpit's community edition shows runtime only), the rewrites of
 * an open step's history rows between its start and its end (a claim, 转办, return or new due date: each was a read
 * and an update of its task instance and activity instance rows; the operation log records each change, by whom and
 * when, the engine's task is who holds the step now, and the task instance row gets the task's final assignee, dates
 * and priority when the task is completed or deleted; the activity instance row keeps the task's id and whoever held
 * it when it was created), the job log of jobs that were created, ran and were deleted as planned (failures stay),
 * the identity link log (who held a task is in the task instance and the operation log), the history of the
 * variables that only repeat the case record ({@link #CASE_RECORD_FACTS}: the case's number, matter, applicant,
 * channel and priority, which every case process carries for Tasklist's cards and its rules, and which hall_case
 * keeps for good), the update of a variable's history row when the variable is set again to the value it already
 * had ({@link SameValueAgain}: a form submits every field it shows; the row would not change, Camunda would read
 * it to find that out) and CMMN, which the hall does not use.
 */
public final class HallHistoryLevel extends AbstractHistoryLevel {

    /** {@code camunda.bpm.history-level: hall}; the id is what ACT_GE_PROPERTY's historyLevel then holds. */
    public static final String NAME = "hall";
    public static final int ID = 22;

    private static final Set<HistoryEventType> DROPPED = Set.of(
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
            HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE,
            HistoryEventTypes.IDENTITY_LINK_ADD, HistoryEventTypes.IDENTITY_LINK_DELETE,
            HistoryEventTypes.CASE_INSTANCE_CREATE, HistoryEventTypes.CASE_INSTANCE_UPDATE, HistoryEventTypes.CASE_INSTANCE_CLOSE,
            HistoryEventTypes.CASE_ACTIVITY_INSTANCE_CREATE, HistoryEventTypes.CASE_ACTIVITY_INSTANCE_UPDATE,
            HistoryEventTypes.CASE_ACTIVITY_INSTANCE_END);

    private static final Set<HistoryEventType> ACTIVITY_INSTANCE = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_END);

    /** Activities whose instances nobody reads: the route itself, and work done by Java or a message sent. */
    private static final Set<String> UNREAD_ACTIVITY_TYPES = Set.of("exclusiveGateway", "parallelGateway",
            "inclusiveGateway", "eventBasedGateway", "complexGateway", "serviceTask", "scriptTask", "sendTask");

    /** Variables whose values hall_case holds (set from it at intake, changed with it): no history of their own. */
    public static final Set<String> CASE_RECORD_FACTS = Set.of("caseId", "matterName", "applicantName", "channel",
            "applicantKind", "priority", "taskPriority");

    private static final Set<HistoryEventType> VARIABLE_INSTANCE = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_DELETE,
            HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE);

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (DROPPED.contains(eventType)) {
            return false;
        }
        if (eventType == HistoryEventTypes.TASK_INSTANCE_UPDATE && entity instanceof TaskEntity task) {
            return beingWrittenByThisCommand(HistoricTaskInstanceEventEntity.class, task.getId());
        }
        if (eventType == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE && entity instanceof ExecutionEntity execution
                && execution.getActivity() != null && "userTask".equals(execution.getActivity().getProperty("type"))) {
            return beingWrittenByThisCommand(HistoricActivityInstanceEventEntity.class, execution.getActivityInstanceId());
        }
        if (ACTIVITY_INSTANCE.contains(eventType) && entity instanceof PvmExecutionImpl execution
                && execution.getActivity() != null) {
            return !UNREAD_ACTIVITY_TYPES.contains(execution.getActivity().getProperty("type"));
        }
        if (VARIABLE_INSTANCE.contains(eventType) && entity instanceof VariableInstanceEntity variable) {
            return !CASE_RECORD_FACTS.contains(variable.getName())
                    && !(eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE && SameValueAgain.isSameValueAgain(variable));
        }
        return true;
    }

    /**
     * Whether the step's history row is still being written by this command (a task created now, with its id and a
     * first assignee): then an update only changes what is about to be inserted, at no cost.
     */
    private static boolean beingWrittenByThisCommand(Class<? extends DbEntity> historyRow, String id) {
        CommandContext command = Context.getCommandContext();
        return command != null && id != null && command.getDbEntityManager().getCachedEntity(historyRow, id) != null;
    }
}
