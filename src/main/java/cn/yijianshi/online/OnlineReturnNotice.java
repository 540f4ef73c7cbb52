package cn.yijianshi.online;

import java.util.Map;

import cn.yijianshi.casework.CitizenNotices;
import cn.yijianshi.catalog.MatterCatalog;
import cn.yijianshi.notify.Outbox;
import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * 告知退回原因: the reviewer returned the online application; it is marked returned with what is wrong, and the
 * citizen is told at once (the matter file's notice ONLINE_RETURNED, through the outbox, in the reviewer's transaction). The citizen fixes it on /online and sends it
 * again, which starts a new 网上申请预审.
 */
@Component("onlineReturnNotice")
public class OnlineReturnNotice implements JavaDelegate {

    /** The matter file's notice (and the outbox's kind) telling the citizen what is wrong. */
    static final String KIND = "ONLINE_RETURNED";

    private final OnlineApplicationMapper applications;
    private final Outbox outbox;
    private final CitizenNotices notices;
    private final MatterCatalog catalog;
    private final HallClock clock;

    public OnlineReturnNotice(OnlineApplicationMapper applications, Outbox outbox, CitizenNotices notices,
                              MatterCatalog catalog, HallClock clock) {
        this.notices = notices;
        this.catalog = catalog;
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
        Map<String, Object> values = Map.of("applicationId", applicationId, "reason", reason);
        notices.render(catalog.require("matter", application.matter()), KIND, values).ifPresent(notice ->
                outbox.send(applicationId, KIND, notice.sms(), application.applicantPhone(), notice.text(), values));
    }
}
