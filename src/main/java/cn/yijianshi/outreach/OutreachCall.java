package cn.yijianshi.outreach;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The step of 电话邀约 that writes the invitation: 登记电话邀约结果 (${outreachCall.recordOutcome(execution)}). */
@Component("outreachCall")
public class OutreachCall {

    private final InvitationMapper invitations;

    public OutreachCall(InvitationMapper invitations) {
        this.invitations = invitations;
    }

    public void recordOutcome(DelegateExecution execution) {
        invitations.recordCallOutcome(execution.getProcessBusinessKey(), (String) execution.getVariable("callOutcome"));
    }
}
