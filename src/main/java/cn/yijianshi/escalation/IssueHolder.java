package cn.yijianshi.escalation;

import cn.yijianshi.closure.IssueLedger;
import cn.yijianshi.system.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The expert who holds one of the expert's own steps (claimed, handed to another expert with Tasklist's
 * delegate or assign) is the issue's responsible person, and the ledger records who held it. Named in
 * the BPMN on those steps only: a clerk answering 部门会商 or a coordinator calling back never becomes
 * responsible for the issue.
 */
@Component("issueHolder")
public class IssueHolder implements TaskListener {

    private final IssueLedger ledger;

    public IssueHolder(IssueLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void notify(DelegateTask task) {
        Object issueId = task.getVariable("issueId");
        if (issueId != null && task.getAssignee() != null) {
            ledger.heldBy(issueId.toString(), task.getAssignee(), TaskActor.of(task));
        }
    }
}
