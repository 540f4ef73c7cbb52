package cn.yijianshi.window;

import java.security.Principal;
import java.util.Map;

import cn.yijianshi.catalog.MatterNames;
import cn.yijianshi.intake.CaseVisibility;
import cn.yijianshi.intake.HallCase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the window's screens and printed papers need to know about the hall and the clerk's station, and 好差评 at the
 * window: the clerk asks, the 评价器 paired with the station takes the citizen's score ({@link WindowRating}).
 */
@RestController
public class WindowController {

    private final WindowStation station;
    private final WindowRating rating;
    private final CaseVisibility visibility;
    private final cn.yijianshi.points.StaffPoints staffPoints;
    private final cn.yijianshi.points.ServicePointRegistry registry;
    private final cn.yijianshi.system.HallClock clock;
    private final cn.yijianshi.outreach.Invitations invitations;

    public WindowController(WindowStation station, WindowRating rating, CaseVisibility visibility,
                            cn.yijianshi.points.StaffPoints staffPoints, cn.yijianshi.points.ServicePointRegistry registry,
                            cn.yijianshi.system.HallClock clock, cn.yijianshi.outreach.Invitations invitations) {
        this.clock = clock;
        this.invitations = invitations;
        this.staffPoints = staffPoints;
        this.registry = registry;
        this.station = station;
        this.rating = rating;
        this.visibility = visibility;
    }

    public record RatingRequest(@NotBlank(message = "必须填写办件编号|is required") @Size(max = 32) String caseId) {
    }

    public record WindowScore(
            @NotBlank(message = "必须填写办件编号|is required") @Size(max = 32) String caseId,
            @NotNull(message = "必须评分|is required")
            @Min(value = 1, message = "评分为1到5星|must be 1 to 5")
            @Max(value = 5, message = "评分为1到5星|must be 1 to 5") Integer score,
            @Size(max = 500, message = "评价内容最多500字|at most 500 characters") String comment) {
    }

    /**
     * The clerk's station: the hall, and her point in the registry (else the configured one) with the matters it may
     * handle ({@code matters} null: every matter of the catalog), so the page offers only those; and the point's open
     * 政策找人 invitations (待邀约办理, ID and phone masked), soonest statutory month first.
     */
    @GetMapping("/api/window/station")
    public Map<String, Object> station(Principal user) {
        Map<String, Object> point = new java.util.LinkedHashMap<>();
        var registered = staffPoints.pointOf(user.getName()).flatMap(registry::find)
                .or(() -> registry.find(station.servicePointCode()));
        point.put("code", registered.map(p -> p.getCode()).orElse(station.servicePointCode()));
        point.put("name", registered.map(p -> p.getName()).orElse(station.servicePointName()));
        point.put("matters", registered.filter(p -> p.isMattersListed()).map(p -> p.getMatters()).orElse(null));
        // The hall's today (the engine clock, in the hall's zone): what printed papers are dated, never the browser's clock.
        var invited = invitations.openAtPoint((String) point.get("code")).stream().map(invitations::view).toList();
        return Map.of("user", user.getName(), "hallName", station.hallName(), "hallPhone", station.hallPhone(),
                "servicePoint", point, "hallToday", clock.today().toString(), "invitations", invited);
    }

    /** The clerk asks the citizen to rate the service just given, on the 评价器 paired with her station. */
    @PostMapping("/api/window/rating-requests")
    public ResponseEntity<Map<String, Object>> requestRating(@RequestBody @Valid RatingRequest request, Authentication clerk) {
        HallCase hallCase = visibility.require(request.caseId(), clerk);
        rating.request(hallCase.getCaseId(), clerk.getName());
        return ResponseEntity.accepted().body(Map.of("caseId", hallCase.getCaseId()));
    }

    /** What the 评价器 shows: the station's case waiting for a rating, if any (204 otherwise). */
    @GetMapping("/api/window/rating-request")
    public ResponseEntity<Map<String, Object>> waiting(Principal station) {
        return rating.pending(station.getName()).map(p -> {
            HallCase hallCase = visibility.require(p.caseId(), (Authentication) station);
            return ResponseEntity.ok(Map.<String, Object>of("caseId", p.caseId(), "matterName",
                    MatterNames.of(hallCase.getMatter())));
        }).orElse(ResponseEntity.noContent().build());
    }

    /** The citizen's tap on the 评价器. */
    @PostMapping("/api/window/ratings")
    public Map<String, Object> rate(@RequestBody @Valid WindowScore score, Principal station) {
        rating.rate(station.getName(), score.caseId(), score.score(), score.comment());
        return Map.of("rated", true, "score", score.score());
    }
}
