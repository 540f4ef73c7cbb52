package cn.yijianshi.online;

import java.util.Map;

import cn.yijianshi.notify.Outbox;
import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * 告知退回原因: the reviewer returned the online application; it is marked returned with what is wrong, and the
 * citizen is told at once (the outbox, in the reviewer's transaction). The citizen fixes it on /online and sends it
 * again, which starts a new 网上申请预审.
 */
@Component("onlineReturnNotice")
public class OnlineReturnNotice implements JavaDelegate {

    private final OnlineApplicationMapper applications;
    private final Outbox outbox;
    private final HallClock clock;

    public OnlineReturnNotice(OnlineApplicationMapper applications, Outbox outbox, HallClock clock) {
        this.applications = applications;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String applicationId = execution.getProcessBusinessKey();
        Object given = execution.getVariable("returnReason");
        String reason = given == null || given.toString().isBlank() ? "材料或填写内容有误" : given.toString().trim();
        if (reason.length() > 500) {
            reason = reason.substring(0, 500);
        }
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        applications.returned(applicationId, clock.now(), current == null ? "online-review" : current.getUserId(), reason);
        OnlineApplication application = applications.find(applicationId);
        outbox.send(applicationId, "ONLINE_RETURNED", application.applicantPhone(),
                "您在码上办提交的" + execution.getVariable("matterName") + "申请（" + applicationId + "）未通过预审：" + reason
                        + "。请登录码上办修改或补传材料后重新提交。", Map.of("reason", reason));
    }
}
