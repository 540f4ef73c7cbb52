package cn.yijianshi.outreach;

import java.util.List;
import java.util.Map;

import cn.yijianshi.intake.Channel;
import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.PersonalData;
import cn.yijianshi.system.RefusedRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 政策找人 for the hall's staff: a resident's invitations or a point's open ones (window clerks, experts,
 * coordinators, managers, administrators; ID and phone masked), the full phone number for the call (experts and
 * clerks, logged), 一键办理 at the window (window clerks, at any point), and running the scan at once (administrators).
 */
@RestController
public class OutreachController {

    private static final Logger log = LoggerFactory.getLogger(OutreachController.class);

    private final Invitations invitations;
    private final InvitationConfirmation confirmation;
    private final OutreachScan scan;

    public OutreachController(Invitations invitations, InvitationConfirmation confirmation, OutreachScan scan) {
        this.invitations = invitations;
        this.confirmation = confirmation;
        this.scan = scan;
    }

    public record ConfirmationRequest(@NotNull(message = "必须填写确认渠道|is required") Channel channel) {
    }

    @GetMapping("/api/invitations")
    public List<Map<String, Object>> list(@RequestParam(required = false) String idNumber,
                                          @RequestParam(required = false) String point, Authentication user) {
        allowed(user, HallGroup.WINDOW, HallGroup.EXPERTS, HallGroup.COORDINATORS, HallGroup.MANAGERS);
        if ((idNumber == null) == (point == null)) {
            throw RefusedRequest.badInput("idNumber", "请填写身份证号码（idNumber）或服务网点代码（point）之一",
                    "give either idNumber or point");
        }
        List<Invitation> found = idNumber != null ? invitations.ofResident(idNumber) : invitations.openAtPoint(point);
        return found.stream().map(invitations::view).toList();
    }

    @GetMapping("/api/invitations/{invitationId}")
    public Map<String, Object> one(@PathVariable String invitationId, Authentication user) {
        allowed(user, HallGroup.WINDOW, HallGroup.EXPERTS, HallGroup.COORDINATORS, HallGroup.MANAGERS);
        return invitations.view(require(invitationId));
    }

    /** The full phone number, for the expert's call or the clerk's; who asked is logged (number masked). */
    @GetMapping("/api/invitations/{invitationId}/contact")
    public Map<String, Object> contact(@PathVariable String invitationId, Authentication user) {
        allowed(user, HallGroup.WINDOW, HallGroup.EXPERTS);
        Invitation invitation = require(invitationId);
        log.info("政策找人: {} read the phone of invitation {} ({})", user.getName(), invitationId,
                PersonalData.maskPhone(invitation.phone()));
        return Map.of("invitationId", invitationId, "name", invitation.name(),
                "phone", invitation.phone() == null ? "" : invitation.phone());
    }

    @PostMapping("/api/invitations/{invitationId}/confirmation")
    public ResponseEntity<InvitationConfirmation.Confirmed> confirm(@PathVariable String invitationId,
                                                                    @RequestBody @Valid ConfirmationRequest body,
                                                                    Authentication user) {
        allowed(user, HallGroup.WINDOW);
        if (body.channel() != Channel.WINDOW) {
            throw RefusedRequest.badInput("channel", "窗口确认的渠道只能是 WINDOW（码上办由群众本人在线确认）",
                    "must be WINDOW here (ONLINE is confirmed by the citizen online)");
        }
        InvitationConfirmation.Confirmed confirmed = confirmation.confirm(invitationId, Channel.WINDOW, user.getName());
        return ResponseEntity.status(confirmed.alreadyConfirmed() ? HttpStatus.OK : HttpStatus.CREATED).body(confirmed);
    }

    @PostMapping("/api/admin/outreach/scan")
    public OutreachScan.Result scanNow() {
        return scan.scan();
    }

    private Invitation require(String invitationId) {
        return invitations.find(invitationId).orElseThrow(() -> RefusedRequest.notFound("invitationId",
                "没有这个邀约：" + invitationId, "no such invitation: " + invitationId));
    }

    private static void allowed(Authentication user, HallGroup... groups) {
        boolean allowed = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(HallGroup.ADMIN.authority())
                || java.util.Arrays.stream(groups).anyMatch(g -> g.authority().equals(a.getAuthority())));
        if (!allowed) {
            throw RefusedRequest.forbidden("user", "您所在的用户组不能办理政策找人邀约",
                    "your groups may not work on 政策找人 invitations");
        }
    }
}
