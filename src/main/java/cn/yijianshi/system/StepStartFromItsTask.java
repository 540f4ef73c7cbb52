package cn.yijianshi.system;

import java.util.Date;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Camunda's database history handler, except that a step's history rows (its task's, ACT_HI_TASKINST, and its user
 * task activity's, ACT_HI_ACTINST) take their start from the step's task: both rows start at the task's creation time,
 * and when the task is completed or deleted their durations are counted from that time, which the command holds with
 * the task, instead of reading each row's start back ({@code select START_TIME_}, twice for every task a case finishes:
 * 12 statements a retirement case). Camunda stamps each row's start with a reading of the clock of its own, moments
 * apart in the same command; here the three are one instant, so each duration is the one Camunda would count from its
 * row. A step opened before this (its rows' starts read from the clock separately) gets durations counted from its
 * task's creation: the same, or at most a second apart where the readings fell on either side of a second (MySQL keeps
 * whole seconds); the rows' own starts are not rewritten. Every other event is Camunda's.
 */
class StepStartFromItsTask extends DbHistoryEventHandler {

    @Override
    protected void insertOrUpdate(HistoryEvent event) {
        DbEntityManager entities = getDbEntityManager();
        if (event instanceof HistoricTaskInstanceEventEntity step) {
            TaskEntity task = entities.getCachedEntity(TaskEntity.class, step.getId());
            if (task != null && task.getCreateTime() != null) {
                if (event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_CREATE)) {
                    step.setStartTime(task.getCreateTime());
                    startActivityAt(entities, step.getActivityInstanceId(), task.getCreateTime());
                } else if (endsUnread(entities, step)) {
                    step.setStartTime(task.getCreateTime());
                    entities.merge(event);
                    return;
                }
            }
        } else if (event instanceof HistoricActivityInstanceEventEntity activity
                && ActivityTypes.TASK_USER_TASK.equals(activity.getActivityType()) && endsUnread(entities, activity)) {
            TaskEntity task = taskOf(entities, activity);
            if (task != null && task.getCreateTime() != null) {
                activity.setStartTime(task.getCreateTime());
                entities.merge(event);
                return;
            }
        }
        super.insertOrUpdate(event);
    }

    /** An end of a row this command has not written: Camunda would read the row's start back for its duration. */
    private static boolean endsUnread(DbEntityManager entities, HistoricScopeInstanceEvent event) {
        return event.getEndTime() != null && event.getId() != null
                && entities.getCachedEntity(event.getClass(), event.getId()) == null;
    }

    /** The row of the task's activity, inserted in this command just before the task was created, starts with it. */
    private static void startActivityAt(DbEntityManager entities, String activityInstanceId, Date start) {
        if (activityInstanceId == null) {
            return;
        }
        HistoricActivityInstanceEventEntity activity = entities.getCachedEntity(HistoricActivityInstanceEventEntity.class,
                activityInstanceId);
        if (activity != null && activity.getEndTime() == null) {
            activity.setStartTime(start);
        }
    }

    /** The task this command finishes in that user task activity: on the activity's execution, of its definition. */
    private static TaskEntity taskOf(DbEntityManager entities, HistoricActivityInstanceEventEntity activity) {
        for (TaskEntity task : entities.getCachedEntitiesByType(TaskEntity.class)) {
            if (activity.getExecutionId() != null && activity.getExecutionId().equals(task.getExecutionId())
                    && activity.getActivityId() != null && activity.getActivityId().equals(task.getTaskDefinitionKey())) {
                return task;
            }
        }
        return null;
    }
}
