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

    public record EventRequest(
            @NotNull(message = "必须填写事件类型|is required") ArbitrationEvent type,
            @NotNull(message = "必须填写日期|is required") LocalDate date,
            @Size(max = 1000, message = "说明最多1000字|at most 1000 characters") String note) {
    }

    private final Referrals referrals;

    public ReferralController(Referrals referrals) {
        this.referrals = referrals;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> open(@RequestBody @Valid NewReferral request, Principal user) {
        Referral referral = referrals.open(request, user.getName());
        var body = new java.util.HashMap<String, Object>();
        body.put("referralId", referral.getReferralId());
        body.put("limitationWarning", referral.getLimitationWarning());
        return ResponseEntity.created(URI.create("/api/arbitration-referrals/" + referral.getReferralId())).body(body);
    }

    @PostMapping("/{referralId}/events")
    public Referrals.View event(@PathVariable String referralId, @RequestBody @Valid EventRequest event, Principal user) {
        referrals.record(referralId, event.type(), event.date(), event.note(), user.getName());
        return referrals.view(referralId);
    }

    @GetMapping("/{referralId}")
    public Referrals.View get(@PathVariable String referralId) {
        return referrals.view(referralId);
    }
}
