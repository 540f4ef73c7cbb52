package cn.yijianshi.escalation;

import java.util.Map;

import cn.yijianshi.closure.IssueLedger;
import cn.yijianshi.closure.IssueRaised;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every problem raised through the ledger (API, bad rating) is taken up by the expert workstation: a
 * hard-case process starts for it in the same transaction. Its business key is the case it belongs to,
 * or the issue itself.
 */
@Component
public class HardCaseStarter {

    public static final String PROCESS_KEY = "hard-case-escalation";

    private final RuntimeService runtimeService;
    private final IssueLedger ledger;

    public HardCaseStarter(RuntimeService runtimeService, IssueLedger ledger) {
        this.runtimeService = runtimeService;
        this.ledger = ledger;
    }

    @EventListener
    public void onIssueRaised(IssueRaised raised) {
        if (!raised.needsProcess()) {
            return;
        }
        var issue = raised.issue();
        String businessKey = issue.getCaseId() != null ? issue.getCaseId() : issue.getIssueId();
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, businessKey, Map.of(
                "issueId", issue.getIssueId(),
                "issueCategory", issue.getCategory().name(),
                "issueDescription", issue.getDescription(),
                "issueSource", issue.getSource().name(),
                "priority", "NORMAL",
                "taskPriority", 50));
        ledger.attachProcess(issue.getIssueId(), instance.getId());
    }
}
