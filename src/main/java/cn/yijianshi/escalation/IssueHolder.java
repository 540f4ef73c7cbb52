package cn.yijianshi.escalation;

import cn.yijianshi.closure.IssueLedger;
import cn.yijianshi.system.CaseTaskListener;
import cn.yijianshi.system.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Whoever holds a hard-case task (claimed, handed over with Tasklist's delegate or assign) is recorded on
 * the issue, so the ledger shows who held it.
 */
@Component
public class IssueHolder implements CaseTaskListener {

    private final IssueLedger ledger;

    public IssueHolder(IssueLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public String event() {
        return EVENTNAME_ASSIGNMENT;
    }

    @Override
    public void notify(DelegateTask task) {
        Object issueId = task.getVariable("issueId");
        if (issueId != null && task.getAssignee() != null) {
            ledger.heldBy(issueId.toString(), task.getAssignee(), TaskActor.of(task));
        }
    }
}
