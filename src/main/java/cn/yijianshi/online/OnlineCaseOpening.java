package cn.yijianshi.online;

import java.util.List;
import java.util.Map;

import cn.yijianshi.casework.CitizenNotices;
import cn.yijianshi.catalog.MatterCatalog;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import cn.yijianshi.intake.Channel;
import cn.yijianshi.intake.IntakeResult;
import cn.yijianshi.intake.Priority;
import cn.yijianshi.notify.Outbox;
import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * 受理立案 after 网上申请预审: the online application becomes a case exactly as at the window
 * ({@link CaseIntake}, channel ONLINE, the materials uploaded counted as handed in, the reviewer as the clerk and
 * the reviewer's service point), in the same transaction as the reviewer's decision; the citizen is told the case id
 * (the matter file's notice ONLINE_ACCEPTED).
 * The application's id is the intake's Idempotency-Key, so the same application never opens two cases.
 */
@Component("onlineCaseOpening")
public class OnlineCaseOpening implements JavaDelegate {

    /** The matter file's notice (and the outbox's kind) telling the citizen the case id. */
    static final String KIND = "ONLINE_ACCEPTED";

    private final OnlineApplicationMapper applications;
    private final OnlineApplications online;
    private final CaseIntake intake;
    private final Outbox outbox;
    private final CitizenNotices notices;
    private final MatterCatalog catalog;
    private final HallClock clock;

    public OnlineCaseOpening(OnlineApplicationMapper applications, OnlineApplications online, CaseIntake intake,
                             Outbox outbox, CitizenNotices notices, MatterCatalog catalog, HallClock clock) {
        this.notices = notices;
        this.catalog = catalog;
        this.applications = applications;
        this.online = online;
        this.intake = intake;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String applicationId = execution.getProcessBusinessKey();
        OnlineApplication application = applications.lock(applicationId);
        String reviewer = reviewer(execution);
        CaseIntakeRequest.Proxy proxy = application.relation() == null ? null : new CaseIntakeRequest.Proxy(
                application.submittedByName(), application.submittedByIdNumber(), application.relation());
        List<String> materials = applications.materials(applicationId).stream()
                .map(OnlineApplicationMapper.UploadedMaterial::materialCode).distinct().toList();
        Map<String, Object> facts = online.facts(application);
        CaseIntakeRequest request = new CaseIntakeRequest(application.matter(),
                new CaseIntakeRequest.Applicant(application.applicantName(), application.applicantIdNumber(), null, null,
                        application.applicantPhone()),
                Channel.ONLINE, null, proxy, materials, Priority.NORMAL, null, facts, null);
        IntakeResult result = intake.replay("online-" + applicationId, request)
                .orElseGet(() -> intake.accept(request, "online-" + applicationId, reviewer));
        applications.accepted(applicationId, clock.now(), reviewer, result.caseId());
        execution.setVariable("caseId", result.caseId());
        Map<String, Object> values = Map.of("applicationId", applicationId, "caseId", result.caseId());
        notices.render(catalog.require("matter", application.matter()), KIND, values).ifPresent(notice ->
                outbox.send(result.caseId(), KIND, notice.sms(), application.applicantPhone(), notice.text(), values));
    }

    private static String reviewer(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null || current.getUserId() == null ? "online-review" : current.getUserId();
    }
}
