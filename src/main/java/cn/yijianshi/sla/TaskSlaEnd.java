package cn.yijianshi.sla;

import cn.yijianshi.system.CaseTaskListener;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.TaskHandedOn;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * When a task of a case process is completed: its SLA record is done, with the working time it used; a task completed
 * to hand its step on ({@link TaskHandedOn}, a 疑难 flag) is cancelled, as a task left without completion is, so the
 * step counts once, as the task that finishes it. The record keeps who held the task then; while it is open, who holds
 * it is the engine's task alone (a claim writes nothing here).
 */
@Component
public class TaskSlaEnd implements CaseTaskListener {

    private final SlaMapper records;
    private final HallCalendar calendar;
    private final HallClock clock;

    public TaskSlaEnd(SlaMapper records, HallCalendar calendar, HallClock clock) {
        this.records = records;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public String event() {
        return EVENTNAME_COMPLETE;
    }

    @Override
    public void notify(DelegateTask task) {
        finish(task, TaskHandedOn.isHandedOn(task) ? SlaState.CANCELLED : SlaState.DONE);
    }

    void finish(DelegateTask task, SlaState state) {
        var now = clock.now();
        long minutes = calendar.current().workingTimeBetween(task.getCreateTime().toInstant(), now).toMinutes();
        records.finishTask(task.getId(), state, now, minutes, task.getAssignee());
    }

    /** A task left without completion (a 疑难 flag on a version with the error boundary, the case ending) closes its record as cancelled. */
    @Component
    public static class WhenDeleted implements CaseTaskListener {
        private final TaskSlaEnd end;

        public WhenDeleted(TaskSlaEnd end) {
            this.end = end;
        }

        @Override
        public String event() {
            return EVENTNAME_DELETE;
        }

        @Override
        public void notify(DelegateTask task) {
            end.finish(task, SlaState.CANCELLED);
        }
    }
}
