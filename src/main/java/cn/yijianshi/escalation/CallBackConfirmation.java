package cn.yijianshi.escalation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.closure.CallBack;
import cn.yijianshi.closure.Issue;
import cn.yijianshi.closure.IssueChange;
import cn.yijianshi.closure.IssueLedger;
import cn.yijianshi.closure.IssueStatus;
import cn.yijianshi.security.HallUserNames;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 回访确认 from the 问题清单: a coordinator records the call-back (who called, when, the citizen's answer) and the
 * citizen's verdict. While the hard-case process waits at 回访确认, its task is completed as the coordinator would in
 * Tasklist (satisfied: 销号; not: 重办, a second time to the leaders), so the process goes on as it always does;
 * an issue no process works on is moved by hand. 销号 is refused, changing nothing, without the evidence the
 * category's policy asks for.
 */
@Service
public class CallBackConfirmation {

    static final String CALL_BACK_TASK = "Task_CallBack";

    private final IssueLedger ledger;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ProcessEngine engine;

    public CallBackConfirmation(IssueLedger ledger, TaskService tasks, RuntimeService runtime, IdentityService identity,
                                ProcessEngine engine) {
        this.ledger = ledger;
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.engine = engine;
    }

    @Transactional
    public void confirm(String issueId, CallBack callBack, boolean satisfied, String user, List<String> groups) {
        Issue issue = ledger.require(issueId);
        ledger.checked(callBack);
        if (satisfied) {
            ledger.checkClosable(issue);
        } else if (!issue.getStatus().canMoveTo(IssueStatus.REOPENED)) {
            throw RefusedRequest.conflict("status", "问题「" + issue.getStatus().displayName() + "」不能重办：须先答复群众",
                    "an issue that is " + issue.getStatus() + " cannot be reopened");
        }
        boolean running = issue.getProcessInstanceId() != null
                && runtime.createProcessInstanceQuery().processInstanceId(issue.getProcessInstanceId()).count() > 0;
        if (!running) {
            ledger.change(issueId, new IssueChange(satisfied ? IssueStatus.CLOSED : IssueStatus.REOPENED,
                    satisfied ? "回访满意，销号" : "回访不满意", null, null, null, null, null, callBack), user);
            return;
        }
        Task task = tasks.createTaskQuery().processInstanceId(issue.getProcessInstanceId()).taskDefinitionKey(CALL_BACK_TASK)
                .singleResult();
        if (task == null) {
            throw RefusedRequest.conflict("status", "问题尚在疑难件流程中办理，流程到「回访确认」后才能回访销号",
                    "the hard-case process is not at its call-back yet");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw RefusedRequest.conflict("status", "回访确认已由 " + HallUserNames.of(engine, task.getAssignee()) + " 认领办理",
                    "the call-back is claimed by " + task.getAssignee());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("callbackSatisfied", satisfied ? "YES" : "NO");
        variables.put("callbackResult", callBack.answer());
        variables.put(HardCaseSteps.CALLBACK_CALLER, callBack.calledBy());
        variables.put(HardCaseSteps.CALLBACK_AT, callBack.calledAt().toString());
        identity.setAuthentication(user, groups);
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), user);
            }
            tasks.complete(task.getId(), variables);
        } catch (ProcessEngineException e) {
            throw refusalIn(e);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** A refusal raised by a step of the process comes back as it was, not as the engine's wrapper. */
    static RuntimeException refusalIn(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedRequest refused) {
                return refused;
            }
        }
        return e;
    }
}
