package cn.yijianshi.online;

import java.util.List;
import java.util.Map;

import cn.yijianshi.intake.Channel;
import cn.yijianshi.outreach.Invitation;
import cn.yijianshi.outreach.InvitationConfirmation;
import cn.yijianshi.outreach.Invitations;
import cn.yijianshi.system.RefusedRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 政策找人 on 码上办: the signed-in citizen's own invitations (邀约), and 一键办理 of one of them, which starts the retirement
 * case filled from the registry exactly as at a window ({@link InvitationConfirmation}, channel ONLINE). Another person's
 * invitation is 404, as if it did not exist.
 */
@RestController
public class OnlineInvitationController {

    private final OnlineSession session;
    private final Invitations invitations;
    private final InvitationConfirmation confirmation;

    public OnlineInvitationController(OnlineSession session, Invitations invitations, InvitationConfirmation confirmation) {
        this.session = session;
        this.invitations = invitations;
        this.confirmation = confirmation;
    }

    @GetMapping("/api/online/invitations")
    public List<Map<String, Object>> mine(HttpServletRequest request) {
        OnlineCitizen citizen = session.require(request);
        return invitations.ofResident(citizen.idNumber()).stream().map(invitations::view).toList();
    }

    @PostMapping("/api/online/invitations/{invitationId}/confirmation")
    public ResponseEntity<InvitationConfirmation.Confirmed> confirm(@PathVariable String invitationId, HttpServletRequest request) {
        OnlineCitizen citizen = session.require(request);
        Invitation invitation = invitations.find(invitationId)
                .filter(i -> i.idNumber().equalsIgnoreCase(citizen.idNumber()))
                .orElseThrow(() -> RefusedRequest.notFound("invitationId", "没有这个邀约：" + invitationId,
                        "no such invitation: " + invitationId));
        InvitationConfirmation.Confirmed confirmed = confirmation.confirm(invitation.invitationId(), Channel.ONLINE,
                "online:" + citizen.maskedId());
        return ResponseEntity.status(confirmed.alreadyConfirmed() ? HttpStatus.OK : HttpStatus.CREATED).body(confirmed);
    }
}
