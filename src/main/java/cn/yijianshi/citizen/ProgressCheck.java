package cn.yijianshi.citizen;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import cn.yijianshi.intake.CaseLookup;
import cn.yijianshi.intake.CaseMapper;
import cn.yijianshi.intake.CaseView;
import cn.yijianshi.intake.HallCase;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.stereotype.Service;

/**
 * 办件进度 for the citizen, by case id and the last 6 characters of the applicant's ID number (or credit code): the
 * steps as the citizen should see them (no staff names, no internal notes). A wrong case id and wrong digits answer
 * the same 404; more than {@value #TRIES_PER_MINUTE} failures a minute from one address answer 429. The failures are
 * rows in the shared database (progress_attempt), so every node counts them alike. Not transactional on purpose: a
 * failure is kept although the answer is a refusal.
 */
@Service
public class ProgressCheck {

    static final int TRIES_PER_MINUTE = 5;
    static final int TRIES_PER_CASE_AND_DAY = 10;
    static final Duration CODE_VALID_FOR = Duration.ofMinutes(10);

    private final CaseMapper cases;
    private final CaseLookup lookup;
    private final CitizenMapper attempts;
    private final HallClock clock;
    private final cn.yijianshi.notify.Outbox outbox;
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    public ProgressCheck(CaseMapper cases, CaseLookup lookup, CitizenMapper attempts, HallClock clock,
                         cn.yijianshi.notify.Outbox outbox) {
        this.outbox = outbox;
        this.cases = cases;
        this.lookup = lookup;
        this.attempts = attempts;
        this.clock = clock;
    }

    public record Progress(String caseId, String matterName, String status, String statusName, OffsetDateTime acceptedAt,
                           OffsetDateTime promisedBy, OffsetDateTime closedAt, String outcomeReason, List<String> missing,
                           List<Step> steps) {
    }

    private void requireCode(HallCase hallCase, String code, String clientAddress, Instant now) {
        if (code == null || code.isBlank()) {
            String fresh = String.format("%06d", random.nextInt(1_000_000));
            attempts.issueCode(hallCase.getCaseId(), RatingLinks.hash(fresh), now, now.plus(CODE_VALID_FOR));
            outbox.sendOneTimeCode(hallCase.getCaseId(), "PROGRESS_CODE", "SMS_PROGRESS_CODE", hallCase.getApplicantPhone(),
                    "您正在查询办件 " + hallCase.getCaseId() + " 的进度，验证码 " + fresh + "，10分钟内有效。如非本人操作，请忽略。", fresh);
            String phone = hallCase.getApplicantPhone();
            throw RefusedRequest.forbidden("code", "该办件今日查询失败次数较多，验证码已发送至申请时登记的手机（尾号"
                    + phone.substring(Math.max(0, phone.length() - 4)) + "），请输入验证码后查询",
                    "too many failed checks on this case today: enter the code sent to the phone on file");
        }
        if (attempts.useCode(hallCase.getCaseId(), RatingLinks.hash(code.trim()), now) != 1) {
            attempts.failed(clientAddress, hallCase.getCaseId(), now);
            throw RefusedRequest.badInput("code", "验证码不正确或已过期，请重新获取", "wrong or expired code");
        }
    }

    /** A step by its name, and when it was done (null while under way). */
    public record Step(String name, OffsetDateTime done) {
    }

    public Progress check(String caseId, String idNumberLast6, String clientAddress) {
        return check(caseId, idNumberLast6, null, clientAddress);
    }

    /**
     * {@code code}: the one-time code sent to the phone on file, needed once the case has had
     * {@value #TRIES_PER_CASE_AND_DAY} failed checks this hall day; asked for (and sent) only after the right digits.
     */
    public Progress check(String caseId, String idNumberLast6, String code, String clientAddress) {
        Instant now = clock.now();
        if (attempts.failedSince(clientAddress, now.minus(Duration.ofMinutes(1))) >= TRIES_PER_MINUTE) {
            throw RefusedRequest.tooManyRequests("request", "查询过于频繁，请 1 分钟后再试",
                    "too many failed tries: wait a minute");
        }
        String id = caseId == null ? "" : caseId.trim().toUpperCase();
        HallCase hallCase = id.isEmpty() ? null : cases.findByCaseId(id);
        String last6 = idNumberLast6 == null ? "" : idNumberLast6.trim().toUpperCase();
        if (hallCase == null || last6.length() != 6 || !hallCase.getApplicantIdNumber().toUpperCase().endsWith(last6)) {
            attempts.failed(clientAddress, id.isEmpty() ? null : id.substring(0, Math.min(32, id.length())), now);
            attempts.forgetBefore(now.minus(Duration.ofDays(1)));
            throw RefusedRequest.notFound("caseId", "办件编号或证件号码后6位不正确，请核对回执后重新输入",
                    "no case with this id and these digits");
        }
        if (attempts.failedOnCaseSince(id, clock.today().atStartOfDay(clock.zone()).toInstant()) >= TRIES_PER_CASE_AND_DAY) {
            requireCode(hallCase, code, clientAddress, now);
        }
        return of(id);
    }

    /** The progress of a case the caller has already shown to be the citizen's (码上办 after 实名认证). */
    public Progress of(String caseId) {
        CaseView view = lookup.view(caseId);
        return new Progress(view.caseId(), view.matterName(), view.status().name(), view.statusName(), view.acceptedAt(),
                view.promisedBy(), view.closedAt(), view.outcomeReason(),
                view.missingMaterials().stream().map(CaseView.Material::name).toList(),
                view.steps().stream().map(s -> new Step(s.name(), s.completed())).toList());
    }
}
