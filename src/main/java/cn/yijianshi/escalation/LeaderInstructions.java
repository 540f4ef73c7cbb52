package cn.yijianshi.escalation;

import java.util.List;
import java.util.Map;

import cn.yijianshi.closure.Issue;
import cn.yijianshi.closure.IssueLedger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A leader's 批示 given on the 问题清单: completes the issue's open 领导批示 task as the leader would in Tasklist (its
 * listener writes the history), or, for an issue no process works on, goes straight to the ledger.
 */
@Service
public class LeaderInstructions {

    static final String INSTRUCTIONS_TASK = "Task_LeaderInstructions";

    private final IssueLedger ledger;
    private final TaskService tasks;
    private final IdentityService identity;

    public LeaderInstructions(IssueLedger ledger, TaskService tasks, IdentityService identity) {
        this.ledger = ledger;
        this.tasks = tasks;
        this.identity = identity;
    }

    @Transactional
    public void give(String issueId, String instructions, String leader, List<String> groups) {
        Issue issue = ledger.require(issueId);
        Task task = issue.getProcessInstanceId() == null ? null : tasks.createTaskQuery()
                .processInstanceId(issue.getProcessInstanceId()).taskDefinitionKey(INSTRUCTIONS_TASK)
                .orderByTaskCreateTime().asc().listPage(0, 1).stream().findFirst().orElse(null);
        if (task == null) {
            ledger.instructed(issueId, instructions, leader);
            return;
        }
        identity.setAuthentication(leader, groups);
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), leader);
            }
            tasks.complete(task.getId(), Map.of("leaderInstructions", instructions));
        } catch (ProcessEngineException e) {
            throw CallBackConfirmation.refusalIn(e);
        } finally {
            identity.clearAuthentication();
        }
    }
}
