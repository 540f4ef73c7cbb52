package cn.yijianshi.arbitration;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 仲裁转介 over HTTP: the window opens a referral; the liaison posts the commission's events. */
@RestController
@RequestMapping("/api/arbitration-referrals")
public class ReferralController {

    static final String READERS = "hasAnyAuthority('GROUP_arbitration-liaison', 'GROUP_coordinators', 'GROUP_camunda-admin')";

    public record EventRequest(
            @NotNull(message = "必须填写事件类型|is required") ArbitrationEvent type,
            @NotNull(message = "必须填写日期|is required") LocalDate date,
            @Size(max = 1000, message = "说明最多1000字|at most 1000 characters") String note) {
    }

    private final Referrals referrals;
    private final ReferralDesk desk;

    public ReferralController(Referrals referrals, ReferralDesk desk) {
        this.referrals = referrals;
        this.desk = desk;
    }

    /** 仲裁转介台账: by state (all when none), nearest statutory deadline first. The liaison; coordinators read. */
    @GetMapping
    @org.springframework.security.access.prepost.PreAuthorize(READERS)
    public java.util.List<ReferralDesk.Line> list(@org.springframework.web.bind.annotation.RequestParam(required = false) String state) {
        ReferralStatus status = null;
        if (state != null && !state.isBlank()) {
            status = java.util.Arrays.stream(ReferralStatus.values()).filter(s -> s.name().equals(state)).findFirst()
                    .orElseThrow(() -> cn.yijianshi.system.RefusedRequest.badInput("state", "没有这个状态：" + state, "no such state: " + state));
        }
        return desk.list(status);
    }

    /** One referral on the desk: its events, the events allowed next, the liaison's open tasks, the notices sent. */
    @GetMapping("/{referralId}/desk")
    @org.springframework.security.access.prepost.PreAuthorize(READERS)
    public ReferralDesk.Desk desk(@PathVariable String referralId, org.springframework.security.core.Authentication user) {
        var groups = cn.yijianshi.security.HallGroup.groupIds(user.getAuthorities());
        return desk.desk(referralId, groups.contains(cn.yijianshi.security.HallGroup.ARBITRATION_LIAISON.id())
                || groups.contains(cn.yijianshi.security.HallGroup.ADMIN.id()));
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> open(@RequestBody @Valid NewReferral request, Principal user) {
        Referral referral = referrals.open(request, user.getName());
        var body = new java.util.HashMap<String, Object>();
        body.put("referralId", referral.getReferralId());
        body.put("limitationWarning", referral.getLimitationWarning());
        return ResponseEntity.created(URI.create("/api/arbitration-referrals/" + referral.getReferralId())).body(body);
    }

    /** Only the liaison (and administrators) records the commission's events; coordinators read the desk. */
    @PostMapping("/{referralId}/events")
    @org.springframework.security.access.prepost.PreAuthorize("hasAnyAuthority('GROUP_arbitration-liaison', 'GROUP_camunda-admin')")
    public Referrals.View event(@PathVariable String referralId, @RequestBody @Valid EventRequest event, Principal user) {
        referrals.record(referralId, event.type(), event.date(), event.note(), user.getName());
        return referrals.view(referralId);
    }

    @GetMapping("/{referralId}")
    public Referrals.View get(@PathVariable String referralId) {
        return referrals.view(referralId);
    }
}
