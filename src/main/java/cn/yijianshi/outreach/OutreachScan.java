package cn.yijianshi.outreach;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.catalog.Matter;
import cn.yijianshi.catalog.MatterCatalog;
import cn.yijianshi.catalog.RequiredMaterials;
import cn.yijianshi.insured.ContributionStatuses;
import cn.yijianshi.insured.InsuredPerson;
import cn.yijianshi.intake.CaseNumbers;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.PersonalData;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 政策找人: finds everyone in the insured registry whose statutory month falls in this month or the next N (policy
 * {@code monthsAhead}, 3), of a status that is invited, with no invitation for that month and no open case of the
 * retirement matter, and invites each: an invitation row with the month, the minimum contribution and whether it is
 * reached, and the materials the matter's table asks of a normal retirement; an SMS; and, for those short of the
 * minimum, a call by the experts (process {@value #CALL_PROCESS}). Invitations past their end (policy
 * {@code expiresMonthsAfter} months after the statutory month) are marked expired first.
 *
 * <p>Each person is invited in a transaction of their own. The unique key (person, month) makes a second scan, or a
 * second node scanning at the same moment, invite nobody twice: the loser's insert fails and its transaction (SMS and
 * call included) rolls back. {@link OutreachSchedule} runs it once a day on one node.
 */
@Service
public class OutreachScan {

    private static final Logger log = LoggerFactory.getLogger(OutreachScan.class);

    public static final String CALL_PROCESS = "outreach-call";
    static final String PREFIX = "YY";
    static final int PAGE = 200;

    private final InvitationMapper invitations;
    private final ContributionStatuses statuses;
    private final MatterCatalog matters;
    private final RequiredMaterials requiredMaterials;
    private final CaseNumbers numbers;
    private final InvitationNotice notice;
    private final RuntimeService runtime;
    private final HallClock clock;
    private final TransactionTemplate transaction;
    private final OutreachPolicy policy;

    public OutreachScan(InvitationMapper invitations, ContributionStatuses statuses, MatterCatalog matters,
                        RequiredMaterials requiredMaterials, CaseNumbers numbers, InvitationNotice notice,
                        RuntimeService runtime, HallClock clock, TransactionTemplate transaction) {
        this.invitations = invitations;
        this.statuses = statuses;
        this.matters = matters;
        this.requiredMaterials = requiredMaterials;
        this.numbers = numbers;
        this.notice = notice;
        this.runtime = runtime;
        this.clock = clock;
        this.transaction = transaction;
        this.policy = OutreachPolicy.fromClasspath();
    }

    public OutreachPolicy policy() {
        return policy;
    }

    /** What one scan did. */
    public record Result(int invited, int shortOfMinimum, int expired, long millis) {
    }

    public Result scan() {
        long start = System.nanoTime();
        LocalDate today = clock.today();
        Integer expired = transaction.execute(status -> invitations.expire(today));
        Matter matter = matters.require("matter", policy.matter());
        YearMonth thisMonth = YearMonth.from(today);
        LocalDate from = thisMonth.atDay(1);
        LocalDate to = thisMonth.plusMonths(policy.monthsAhead()).atDay(1);
        Map<String, List<String>> materialsByFacts = new HashMap<>();
        int invited = 0;
        int shortOfMinimum = 0;
        LocalDate afterMonth = null;
        String afterId = null;
        while (true) {
            List<InsuredPerson> page = invitations.candidates(from, to, statuses.invited(), matter.key(), afterMonth, afterId, PAGE);
            for (InsuredPerson person : page) {
                List<String> needed = materialsByFacts.computeIfAbsent(person.gender() + person.originalAge() + ":"
                        + person.contributionMonths(), k -> materialsFor(matter, person));
                try {
                    if (Boolean.TRUE.equals(transaction.execute(status -> invite(person, needed, matter, today)))) {
                        invited++;
                        if (!person.reachesMinimum()) {
                            shortOfMinimum++;
                        }
                    }
                } catch (DuplicateKeyException invitedMeanwhile) {
                    log.debug("{} was invited meanwhile", PersonalData.maskIdNumber(person.idNumber()));
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            InsuredPerson last = page.get(page.size() - 1);
            afterMonth = last.statutoryMonth();
            afterId = last.idNumber();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("政策找人: {} invited ({} short of the minimum contribution), {} invitations expired, in {} ms",
                invited, shortOfMinimum, expired, millis);
        return new Result(invited, shortOfMinimum, expired == null ? 0 : expired, millis);
    }

    private boolean invite(InsuredPerson person, List<String> needed, Matter matter, LocalDate today) {
        YearMonth month = YearMonth.from(person.statutoryMonth());
        Invitation invitation = new Invitation(numbers.next(PREFIX, today), person.idNumber(), person.name(),
                person.phone(), person.servicePointCode(), person.statutoryMonth(), person.minContributionMonths(),
                person.contributionMonths(), person.reachesMinimum(), person.monthsLacking(), String.join(",", needed),
                Invitation.INVITED, clock.now(), month.plusMonths(policy.expiresMonthsAfter()).atEndOfMonth(),
                null, null, null, null, null, null);
        invitations.insert(invitation);
        notice.tell(invitation, matter, policy);
        if (!invitation.reachesMinimum()) {
            startCall(invitation);
        }
        log.info("政策找人: invited {} ({}), statutory month {}, contribution {}/{} months", invitation.invitationId(),
                PersonalData.maskIdNumber(person.idNumber()), month, person.contributionMonths(), person.minContributionMonths());
        return true;
    }

    /** The experts' call (电话邀约) for a person short of the minimum, ending by itself when the invitation expires. */
    private void startCall(Invitation invitation) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("invitationId", invitation.invitationId());
        variables.put("applicantName", invitation.name());
        variables.put("applicantIdMasked", PersonalData.maskIdNumber(invitation.idNumber()));
        variables.put("phoneMasked", PersonalData.maskPhone(invitation.phone()));
        variables.put("statutoryMonth", invitation.month().toString());
        variables.put("contributionMonths", invitation.contributionMonths());
        variables.put("minContributionMonths", invitation.minContributionMonths());
        variables.put("monthsLacking", invitation.monthsLacking());
        variables.put("options", policy.shortOptionsText());
        ZonedDateTime end = invitation.expiresOn().plusDays(1).atStartOfDay(clock.zone());
        variables.put("expiresAt", java.util.Date.from(end.toInstant()));
        String processInstanceId = runtime.startProcessInstanceByKey(CALL_PROCESS, invitation.invitationId(), variables).getId();
        invitations.attachCallProcess(invitation.invitationId(), processInstanceId);
    }

    /** The materials the matter's own table asks of a normal retirement with this person's facts. */
    private List<String> materialsFor(Matter matter, InsuredPerson person) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("retirementType", "NORMAL");
        facts.put("originalAge", person.originalAgeYears());
        facts.put("contributionMonths", person.contributionMonths());
        facts.put("hasFundAccount", false);
        facts.put("disputedSeniority", false);
        Map<String, Object> context = new HashMap<>();
        context.put("applicantKind", "PERSON");
        context.put("applicantGender", person.gender());
        context.put("channel", "WINDOW");
        return requiredMaterials.of(matter, facts, context).orElse(List.of());
    }
}
