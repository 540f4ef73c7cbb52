package cn.yijianshi.sla;

import java.util.Date;

import cn.yijianshi.system.CaseTaskListener;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * When a task of a case process is created: its due date and follow-up date (the warning point) come
 * from the policy, so Tasklist shows and sorts by them, and its SLA record starts.
 */
@Component
public class TaskSlaStart implements CaseTaskListener {

    private final SlaClock clock;
    private final SlaMapper records;

    public TaskSlaStart(SlaClock clock, SlaMapper records) {
        this.clock = clock;
        this.records = records;
    }

    @Override
    public String event() {
        return EVENTNAME_CREATE;
    }

    @Override
    public void notify(DelegateTask task) {
        Deadline deadline = clock.forStep(task.getExecution());
        task.setDueDate(Date.from(deadline.dueAt()));
        task.setFollowUpDate(Date.from(deadline.warnAt()));

        SlaRecord record = new SlaRecord();
        record.setKind("TASK");
        record.setCaseId(task.getExecution().getProcessBusinessKey());
        record.setProcessInstanceId(task.getProcessInstanceId());
        record.setProcessKey(task.getProcessDefinitionId().split(":")[0]);
        record.setTaskId(task.getId());
        record.setTaskKey(task.getTaskDefinitionKey());
        record.setTaskName(task.getName());
        record.setCandidateGroup(task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).findFirst().orElse(null));
        record.setAssignee(task.getAssignee());
        record.setPriority(SlaClock.priorityOf(task.getExecution()).name());
        record.setLimitText(deadline.limit().chinese());
        record.setStartedAt(deadline.start());
        record.setWarnAt(deadline.warnAt());
        record.setDueAt(deadline.dueAt());
        record.setState(SlaState.ON_TRACK);
        records.insert(record);
    }
}
