package cn.yijianshi.arbitration;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.yijianshi.intake.CaseNumbers;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.PersonalData;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 仲裁转介: opens referrals (from the window, or from a hard case found to be a labour dispute), takes the
 * commission's events in order only, and keeps the statutory deadlines that apply.
 */
@Service
public class Referrals {

    public static final String PROCESS_KEY = "arbitration-referral";
    /** Who recorded what the process did by itself. */
    static final String SYSTEM = "system";

    private final ReferralMapper referrals;
    private final CaseNumbers numbers;
    private final StatutoryClock law;
    private final HallClock clock;
    private final RuntimeService runtimeService;

    public Referrals(ReferralMapper referrals, CaseNumbers numbers, StatutoryClock law, HallClock clock,
                     RuntimeService runtimeService) {
        this.referrals = referrals;
        this.numbers = numbers;
        this.law = law;
        this.clock = clock;
        this.runtimeService = runtimeService;
    }

    @Transactional
    public Referral open(NewReferral request, String liaison) {
        if (request.disputeDate().isAfter(clock.today())) {
            throw RefusedRequest.badInput("disputeDate", "争议发生日期不能晚于今天", "must not be in the future");
        }
        Referral referral = new Referral();
        referral.setApplicantName(request.applicant().name());
        referral.setApplicantIdNumber(request.applicant().idNumber().toUpperCase());
        referral.setApplicantPhone(request.applicant().phone());
        referral.setEmployerName(request.employer().name());
        referral.setEmployerCreditCode(request.employer().creditCode());
        referral.setClaims(request.claims().stream().map(c -> c.type().displayName()
                + (c.amount() == null ? "" : " " + c.amount().toPlainString() + "元")).collect(Collectors.joining("；")));
        referral.setDisputeDate(request.disputeDate());
        referral.setMediation(request.mediation());
        referral.setLimitationWarning(limitationWarning(request.disputeDate(),
                request.claims().stream().anyMatch(c -> c.type() == NewReferral.ClaimType.UNPAID_WAGES)));
        return start(referral, liaison, null);
    }

    /** From a hard case judged a labour dispute: the liaison completes the application in 整理仲裁申请材料. */
    @Transactional
    public Referral openFromIssue(String issueId, String caseId, String applicantName, String by) {
        Referral referral = new Referral();
        referral.setApplicantName(applicantName);
        referral.setIssueId(issueId);
        referral.setCaseId(caseId);
        return start(referral, by, issueId);
    }

    private Referral start(Referral referral, String by, String issueId) {
        referral.setReferralId(numbers.next("ZC", clock.today()));
        referral.setStatus(ReferralStatus.PREPARING);
        referral.setCreatedBy(by);
        referral.setCreatedAt(clock.now());
        referrals.insert(referral);
        Map<String, Object> variables = new HashMap<>();
        variables.put("referralId", referral.getReferralId());
        variables.put("issueId", issueId);
        variables.put("mediation", referral.isMediation());
        variables.put("priority", "NORMAL");
        variables.put("taskPriority", 60);
        variables.put("applicantName", referral.getApplicantName());
        // Only masked: the full numbers stay in our table (the form asks for them when none is on file).
        variables.put("applicantIdMasked", PersonalData.maskIdNumber(referral.getApplicantIdNumber()));
        variables.put("applicantPhoneMasked", PersonalData.maskPhone(referral.getApplicantPhone()));
        variables.put("limitationWarning", referral.getLimitationWarning());
        variables.put("employerName", referral.getEmployerName());
        variables.put("employerCreditCode", referral.getEmployerCreditCode());
        variables.put("claimsText", referral.getClaims());
        variables.put("disputeDate", referral.getDisputeDate() == null ? null : referral.getDisputeDate().toString());
        String processInstanceId = runtimeService.startProcessInstanceByKey(PROCESS_KEY, referral.getReferralId(), variables).getId();
        referral.setProcessInstanceId(processInstanceId);
        referrals.update(referral, ReferralStatus.PREPARING);
        referrals.event(referral.getReferralId(), "OPENED", clock.today(), issueId == null ? "窗口转介" : "疑难件转介：" + issueId, by, clock.now());
        return referral;
    }

    /**
     * Art. 27: one year from when the party knew of the infringement; it can be interrupted or suspended, and
     * unpaid wages during employment only run from its end. So this warns, it never refuses.
     */
    String limitationWarning(LocalDate disputeDate, boolean unpaidWages) {
        if (disputeDate == null || !disputeDate.plusYears(1).isBefore(clock.today())) {
            return null;
        }
        return "争议发生已逾一年，可能超过仲裁时效（劳动争议调解仲裁法第二十七条）；请核实是否有时效中断、中止情形"
                + (unpaidWages ? "；拖欠劳动报酬争议在劳动关系存续期间不受此限，自劳动关系终止之日起计算" : "");
    }

    public Referral require(String referralId) {
        Referral referral = referrals.find(referralId);
        if (referral == null) {
            throw RefusedRequest.notFound("referralId", "没有这个转介：" + referralId, "no such referral: " + referralId);
        }
        return referral;
    }

    /**
     * The commission's event, in order only; the waiting process hears of it in the same transaction. The liaison
     * often learns of an event days later: an event is taken with the date it happened, also when the deadline it
     * answers has passed meanwhile and the liaison is checking with the commission (核实受理情况 / 核实裁决情况),
     * and the referral goes on as if it had been recorded that day. A date in the future, or before the event it
     * follows, is refused.
     */
    @Transactional
    public Referral record(String referralId, ArbitrationEvent event, LocalDate date, String note, String liaison) {
        Referral referral = require(referralId);
        ReferralStatus from = referral.getStatus();
        if (!event.allowedIn(from) || (event == ArbitrationEvent.EXTENDED && referral.isExtended())) {
            throw RefusedRequest.conflict("type", "当前状态「" + from.displayName() + "」不能登记「" + event.displayName() + "」",
                    event + " cannot be recorded while the referral is " + from + (referral.isExtended() ? " (already extended)" : ""));
        }
        if (date.isAfter(clock.today())) {
            throw RefusedRequest.badInput("date", "日期 " + date + " 晚于今天（" + clock.today() + "），不能登记尚未发生的事件",
                    "must not be in the future (today is " + clock.today() + ")");
        }
        Prior prior = follows(referral, event);
        if (prior != null && date.isBefore(prior.date())) {
            throw RefusedRequest.badInput("date", "日期 " + date + " 早于此前的" + prior.nameZh() + " " + prior.date(),
                    "must not be before the " + prior.nameEn() + " " + prior.date());
        }
        Map<String, Object> variables = new HashMap<>();
        switch (event) {
            case SUBMITTED -> {
                referral.setStatus(ReferralStatus.SUBMITTED);
                referral.setSubmittedDate(date);
                referral.setAcceptanceDeadline(law.acceptanceDeadline(date));
                variables.put("acceptanceDeadlineAt", law.passedAt(referral.getAcceptanceDeadline()));
            }
            case ACCEPTED -> {
                referral.setStatus(ReferralStatus.ACCEPTED);
                referral.setAcceptedDate(date);
                referral.setAwardDeadline(law.awardDeadline(date, false));
                variables.put("awardDeadlineAt", law.passedAt(referral.getAwardDeadline()));
            }
            case EXTENDED -> {
                referral.setStatus(ReferralStatus.EXTENDED);
                referral.setExtended(true);
                referral.setAwardDeadline(law.awardDeadline(referral.getAcceptedDate(), true));
                variables.put("awardDeadlineAt", law.passedAt(referral.getAwardDeadline()));
            }
            case REJECTED -> referral.setStatus(ReferralStatus.REJECTED);
            case MEDIATED -> referral.setStatus(ReferralStatus.MEDIATED);
            case AWARDED -> referral.setStatus(ReferralStatus.AWARDED);
            case WITHDRAWN -> referral.setStatus(ReferralStatus.WITHDRAWN);
        }
        if (event != ArbitrationEvent.SUBMITTED && event != ArbitrationEvent.ACCEPTED && event != ArbitrationEvent.EXTENDED) {
            referral.setOutcome(event.name());
        }
        variables.put("outcome", referral.getOutcome());
        if (referrals.update(referral, from) == 0) {
            throw RefusedRequest.conflict("type", "转介刚被他人更新，请刷新后重试", "the referral was changed meanwhile");
        }
        referrals.event(referralId, event.name(), date, note, liaison, clock.now());
        runtimeService.createMessageCorrelation(event.message()).processInstanceBusinessKey(referralId)
                .setVariables(variables).correlate();
        return referral;
    }

    /** The date an event may not precede, and what it is called. */
    private record Prior(LocalDate date, String nameZh, String nameEn) {
    }

    /**
     * What an event follows: the receipt follows the dispute; the decision on acceptance the submission; what
     * happens in arbitration the acceptance; and any event the commission's events the liaison already recorded.
     * The hall's own records (opening, submission step) are not counted: the liaison may enter a referral after
     * the fact, with the commission's receipt dated before the hall's submission step.
     */
    private Prior follows(Referral referral, ArbitrationEvent event) {
        java.util.List<Prior> priors = new java.util.ArrayList<>();
        if (referral.getDisputeDate() != null) {
            priors.add(new Prior(referral.getDisputeDate(), "争议发生日期", "dispute date"));
        }
        if (event != ArbitrationEvent.SUBMITTED && referral.getSubmittedDate() != null) {
            priors.add(new Prior(referral.getSubmittedDate(), "提交仲裁日期", "submission date"));
        }
        if (event != ArbitrationEvent.SUBMITTED && referral.getAcceptedDate() != null) {
            priors.add(new Prior(referral.getAcceptedDate(), "受理日期", "acceptance date"));
        }
        java.util.Set<String> commissionEvents = java.util.Arrays.stream(ArbitrationEvent.values()).map(Enum::name)
                .collect(Collectors.toSet());
        referrals.events(referral.getReferralId()).stream()
                .filter(row -> commissionEvents.contains(row.eventType()) && !SYSTEM.equals(row.recordedBy()))
                .forEach(row -> {
                    ArbitrationEvent earlier = ArbitrationEvent.valueOf(row.eventType());
                    priors.add(new Prior(row.eventDate(), "「" + earlier.displayName() + "」日期", earlier.name() + " date"));
                });
        return priors.stream().max(java.util.Comparator.comparing(Prior::date)).orElse(null);
    }

    /** What the hall itself writes into a referral's history (steps of the process, a newly loaded calendar). */
    @Transactional
    public void note(String referralId, String type, String note, String by) {
        referrals.event(referralId, type, clock.today(), note, by, clock.now());
    }

    /** Steps of the process that move the referral on their own (submission, overdue deadlines). */
    @Transactional
    public Referral moveTo(String referralId, ReferralStatus to, java.util.function.Consumer<Referral> change) {
        Referral referral = require(referralId);
        ReferralStatus from = referral.getStatus();
        referral.setStatus(to);
        change.accept(referral);
        referrals.update(referral, from);
        referrals.event(referralId, to.name(), clock.today(), to.displayName(), SYSTEM, clock.now());
        return referral;
    }

    public record View(String referralId, ReferralStatus status, String statusName, String applicantName,
                       String applicantIdNumber, String applicantPhone, String employerName, String employerCreditCode,
                       String claims, LocalDate disputeDate, boolean mediation, String limitationWarning, String issueId,
                       LocalDate mediationDeadline, LocalDate submittedDate, LocalDate acceptanceDeadline,
                       LocalDate acceptedDate, LocalDate awardDeadline, boolean extended, String outcome, List<Event> events,
                       Deadline deadline) {
    }

    /**
     * The deadline the referral waits on, if any; {@code provisional} when it falls in a year with no State Council
     * notice loaded (the notice's 调休 may still move it; loading the notice recomputes it).
     */
    public record Deadline(String kind, String name, LocalDate date, boolean provisional) {
    }

    public record Event(String type, LocalDate date, String note, String recordedBy, OffsetDateTime recordedAt) {
    }

    private static boolean awaitingAcceptance(Referral r) {
        return r.getStatus() == ReferralStatus.SUBMITTED || r.getStatus() == ReferralStatus.VERIFYING_ACCEPTANCE;
    }

    private static boolean awaitingAward(Referral r) {
        return r.getStatus() == ReferralStatus.ACCEPTED || r.getStatus() == ReferralStatus.EXTENDED
                || r.getStatus() == ReferralStatus.VERIFYING_AWARD;
    }

    /** The statutory deadline the referral waits on (acceptance or award), or null. */
    public Deadline deadlineOf(Referral r) {
        return awaitingAcceptance(r) && r.getAcceptanceDeadline() != null
                ? new Deadline("ACCEPTANCE", "受理期限", r.getAcceptanceDeadline(), law.provisional(r.getAcceptanceDeadline()))
                : awaitingAward(r) && r.getAwardDeadline() != null
                ? new Deadline("AWARD", "裁决期限", r.getAwardDeadline(), law.provisional(r.getAwardDeadline()))
                : null;
    }

    public View view(String referralId) {
        Referral r = require(referralId);
        boolean awaitingAcceptance = awaitingAcceptance(r);
        boolean awaitingAward = awaitingAward(r);
        Deadline deadline = deadlineOf(r);
        return new View(r.getReferralId(), r.getStatus(), r.getStatus().displayName(), r.getApplicantName(),
                PersonalData.maskIdNumber(r.getApplicantIdNumber()), PersonalData.maskPhone(r.getApplicantPhone()),
                r.getEmployerName(), r.getEmployerCreditCode(), r.getClaims(), r.getDisputeDate(), r.isMediation(),
                r.getLimitationWarning(), r.getIssueId(), r.getMediationDeadline(), r.getSubmittedDate(),
                awaitingAcceptance ? r.getAcceptanceDeadline() : null, r.getAcceptedDate(),
                awaitingAward ? r.getAwardDeadline() : null, r.isExtended(), r.getOutcome(),
                referrals.events(referralId).stream().map(e -> new Event(e.eventType(), e.eventDate(),
                        PersonalData.maskInText(e.note()), e.recordedBy(), clock.inHallZone(e.recordedAt()))).toList(),
                deadline);
    }
}
