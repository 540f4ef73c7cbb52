package cn.yijianshi.escalation;

import cn.yijianshi.closure.CallBack;
import cn.yijianshi.closure.IssueAccess;
import cn.yijianshi.closure.IssueLedger;
import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.LockConflictRetry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The 问题清单's actions that move the hard-case process: 回访确认 (销号 or 重办) and the leader's 批示. */
@RestController
public class IssueProcessController {

    private final CallBackConfirmation callBacks;
    private final LeaderInstructions instructions;
    private final IssueLedger ledger;
    private final IssueAccess access;
    private final LockConflictRetry retry;

    public IssueProcessController(CallBackConfirmation callBacks, LeaderInstructions instructions, IssueLedger ledger,
                                  IssueAccess access, LockConflictRetry retry) {
        this.callBacks = callBacks;
        this.instructions = instructions;
        this.ledger = ledger;
        this.access = access;
        this.retry = retry;
    }

    public record CallBackRequest(@NotNull(message = "必须填写回访记录|the call-back record is required") @Valid CallBack callback,
                                  @NotNull(message = "必须选择群众是否满意|say whether the citizen is satisfied") Boolean satisfied) {
    }

    /** 回访确认: satisfied → 销号 (with the evidence the category asks for), not satisfied → 重办. */
    @PostMapping("/api/issues/{issueId}/callback")
    public Object callBack(@PathVariable String issueId, @RequestBody @Valid CallBackRequest request, Authentication user) {
        access.requireRead(ledger.require(issueId), user);
        access.requireCoordinator(user, "回访销号");
        retry.run("call-back", () -> {
            callBacks.confirm(issueId, request.callback(), request.satisfied(), user.getName(),
                    HallGroup.groupIds(user.getAuthorities()));
            return null;
        });
        return ledger.view(issueId);
    }

    public record InstructionsRequest(@NotBlank(message = "必须填写批示内容|the instructions are required")
                                      @Size(max = 2000, message = "批示最多2000字|at most 2000 characters") String instructions) {
    }

    /** The leader's 批示 on a 领导督办 request (also given in Tasklist on the task 领导批示). */
    @PostMapping("/api/issues/{issueId}/instructions")
    public Object instruct(@PathVariable String issueId, @RequestBody @Valid InstructionsRequest request, Authentication user) {
        access.requireLeader(user);
        ledger.require(issueId);
        retry.run("instructions", () -> {
            instructions.give(issueId, request.instructions(), user.getName(), HallGroup.groupIds(user.getAuthorities()));
            return null;
        });
        return ledger.view(issueId);
    }
}
