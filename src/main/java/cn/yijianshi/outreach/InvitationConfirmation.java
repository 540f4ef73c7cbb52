package cn.yijianshi.outreach;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.catalog.Matter;
import cn.yijianshi.catalog.MatterCatalog;
import cn.yijianshi.insured.InsuredMapper;
import cn.yijianshi.insured.InsuredPerson;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import cn.yijianshi.intake.CaseTimeline;
import cn.yijianshi.intake.Channel;
import cn.yijianshi.intake.IntakeResult;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一键办理 / 无感智办: the citizen confirms an invitation (online, or at any window) and a retirement case starts
 * through the ordinary intake ({@link CaseIntake}), filled from the registry: the applicant, the original age and the
 * contribution months, channel as confirmed, and the materials the hall holds on file (policy
 * {@code materialsOnFile}) counted as handed in. The case's timeline and its process variable {@code source} say it came
 * from 政策找人 (OUTREACH); the experts' call, if still open, ends. Someone the registry still shows short of the minimum
 * contribution is refused (409, with the months lacking and what they may do). One transaction: the invitation, locked first, is
 * confirmed exactly when its case exists. Confirming a confirmed invitation again answers its case.
 *
 * <p>The online side calls {@link #confirm(String, Channel, String)} with channel ONLINE once the citizen's identity
 * is verified; the window through POST /api/invitations/{id}/confirmation.
 */
@Service
public class InvitationConfirmation {

    private static final Logger log = LoggerFactory.getLogger(InvitationConfirmation.class);

    public static final String SOURCE = "OUTREACH";

    private final InvitationMapper invitations;
    private final InsuredMapper registry;
    private final CaseIntake intake;
    private final CaseTimeline timeline;
    private final MatterCatalog matters;
    private final RuntimeService runtime;
    private final HallClock clock;
    private final OutreachScan scan;

    public InvitationConfirmation(InvitationMapper invitations, InsuredMapper registry, CaseIntake intake,
                                  CaseTimeline timeline, MatterCatalog matters, RuntimeService runtime, HallClock clock,
                                  OutreachScan scan) {
        this.invitations = invitations;
        this.registry = registry;
        this.intake = intake;
        this.timeline = timeline;
        this.matters = matters;
        this.runtime = runtime;
        this.clock = clock;
        this.scan = scan;
    }

    /** The case the confirmation started (or had started); {@code alreadyConfirmed} when it was confirmed before. */
    public record Confirmed(String invitationId, String caseId, String processInstanceId, boolean alreadyConfirmed,
                            List<String> materialsOnFile, java.time.OffsetDateTime promisedBy) {
    }

    @Transactional
    public Confirmed confirm(String invitationId, Channel channel, String actor) {
        if (channel != Channel.WINDOW && channel != Channel.ONLINE) {
            throw RefusedRequest.badInput("channel", "一键办理只能在窗口或码上办确认", "must be WINDOW or ONLINE");
        }
        Invitation invitation = invitations.lock(invitationId);
        if (invitation == null) {
            throw RefusedRequest.notFound("invitationId", "没有这个邀约：" + invitationId, "no such invitation: " + invitationId);
        }
        if (Invitation.CONFIRMED.equals(invitation.status())) {
            return new Confirmed(invitationId, invitation.caseId(), null, true, List.of(), null);
        }
        if (Invitation.EXPIRED.equals(invitation.status()) || clock.today().isAfter(invitation.expiresOn())) {
            throw RefusedRequest.conflict("invitationId", "邀约已于 " + invitation.expiresOn() + " 过期，请按普通申请办理",
                    "the invitation expired on " + invitation.expiresOn() + "; apply in the ordinary way");
        }
        if (invitation.phone() == null) {
            throw RefusedRequest.badInput("phone", "参保人员名册中没有此人的联系电话，请按普通申请在窗口受理",
                    "the registry has no phone number for this person; apply in the ordinary way");
        }
        OutreachPolicy policy = scan.policy();
        Matter matter = matters.require("matter", policy.matter());
        InsuredPerson person = registry.find(invitation.idNumber());
        int contribution = person == null ? invitation.contributionMonths() : person.contributionMonths();
        if (contribution < invitation.minContributionMonths()) {
            throw RefusedRequest.conflict("invitationId", "累计缴费" + contribution + "个月，未满最低缴费年限（"
                    + invitation.minContributionMonths() + "个月），尚差" + (invitation.minContributionMonths() - contribution)
                    + "个月，暂不能一键办理；可" + policy.shortOptionsText(), "the contribution (" + contribution
                    + " months) is short of the minimum (" + invitation.minContributionMonths() + " months)");
        }
        List<String> onFile = policy.materialsOnFile().stream().filter(matter::knowsMaterial).toList();

        Map<String, Object> facts = new HashMap<>();
        facts.put("retirementType", "NORMAL");
        facts.put("originalAge", person == null ? null : person.originalAgeYears());
        facts.put("contributionMonths", contribution);
        facts.values().removeIf(java.util.Objects::isNull);
        String point = channel == Channel.ONLINE ? invitation.servicePointCode() : null;
        CaseIntakeRequest request = new CaseIntakeRequest(matter.key(),
                new CaseIntakeRequest.Applicant(invitation.name(), invitation.idNumber(), null, null, invitation.phone()),
                channel, point == null ? null : new CaseIntakeRequest.ServicePoint(point, null), null, onFile, null, null,
                facts, null);
        IntakeResult result = intake.accept(request, "outreach-" + invitationId, actor);

        timeline.record(result.caseId(), actor, "OUTREACH", "来源：政策找人（邀约 " + invitationId + "，" + channel.displayName()
                + "一键办理）；在档材料视为已交：" + String.join("、", onFile.stream().map(matter::materialName).toList()));
        runtime.setVariable(result.processInstanceId(), "source", SOURCE);
        runtime.setVariable(result.processInstanceId(), "invitationId", invitationId);
        invitations.confirm(invitationId, clock.now(), actor, channel.name(), result.caseId());
        if (invitation.callProcessId() != null) {
            runtime.createMessageCorrelation("InvitationConfirmed").processInstanceId(invitation.callProcessId()).correlateAll();
        }
        log.info("政策找人: invitation {} confirmed ({}) by {}: case {}", invitationId, channel, actor, result.caseId());
        return new Confirmed(invitationId, result.caseId(), result.processInstanceId(), false, onFile, result.promisedBy());
    }
}
