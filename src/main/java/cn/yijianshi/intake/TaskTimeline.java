package cn.yijianshi.intake;

import cn.yijianshi.system.CaseTaskListener;
import cn.yijianshi.system.TaskActor;
import cn.yijianshi.system.TaskHandedOn;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Writes "who finished which step" to the case timeline when any task of a case process is completed; a task
 * completed to hand its step on ({@link TaskHandedOn}) finished nothing (its flag is on the timeline already).
 */
@Component
public class TaskTimeline implements CaseTaskListener {

    private final CaseTimeline timeline;

    public TaskTimeline(CaseTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public String event() {
        return EVENTNAME_COMPLETE;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseId = task.getExecution().getProcessBusinessKey();
        if (caseId == null || TaskHandedOn.isHandedOn(task)) {
            return;
        }
        timeline.record(caseId, TaskActor.of(task), "TASK_COMPLETED", "完成「" + task.getName() + "」");
    }
}
