package cn.yijianshi.system;

import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Camunda's database history handler, except that a step's history row (ACT_HI_TASKINST) takes its start from its
 * task: the row starts at the task's own creation time, and when the task is completed or deleted the row's duration is
 * worked out from that time, which the command holds with the task, instead of reading the row's start back
 * ({@code select START_TIME_ from ACT_HI_TASKINST}, once for every task a case finishes: 6 a retirement case). Camunda
 * stamps the row's start with a second reading of the clock, a moment after the task's creation time; here both are
 * the same instant, so the duration is the one Camunda would write. A step opened before this (its row's start read
 * from the clock separately) gets a duration counted from its task's creation: the same, or at most a second apart
 * where the two readings fell on either side of a second (MySQL keeps whole seconds). Every other event is Camunda's.
 */
class StepStartFromItsTask extends DbHistoryEventHandler {

    @Override
    protected void insertOrUpdate(HistoryEvent event) {
        if (event instanceof HistoricTaskInstanceEventEntity step) {
            DbEntityManager entities = getDbEntityManager();
            TaskEntity task = entities.getCachedEntity(TaskEntity.class, step.getId());
            if (task != null && task.getCreateTime() != null) {
                if (event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_CREATE)) {
                    step.setStartTime(task.getCreateTime());
                } else if (step.getEndTime() != null && entities.getCachedEntity(event.getClass(), event.getId()) == null) {
                    step.setStartTime(task.getCreateTime());
                    entities.merge(event);
                    return;
                }
            }
        }
        super.insertOrUpdate(event);
    }
}
