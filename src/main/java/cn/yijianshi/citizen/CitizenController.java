package cn.yijianshi.citizen;

import java.util.Map;

import cn.yijianshi.catalog.MatterNames;
import cn.yijianshi.intake.HallCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The citizen's own API, without a login: progress by case id and ID digits, and rating through a one-time link. */
@RestController
public class CitizenController {

    private final ProgressCheck progress;
    private final RatingLinks ratings;

    public CitizenController(ProgressCheck progress, RatingLinks ratings) {
        this.progress = progress;
        this.ratings = ratings;
    }

    public record ProgressRequest(@Size(max = 32, message = "办件编号过长|too long") String caseId,
                                  @Size(max = 6, message = "请输入证件号码后6位|the last 6 characters") String idNumberLast6,
                                  @Size(max = 6, message = "验证码为6位数字|6 digits") String code) {
    }

    public record RatingRequest(
            @NotNull(message = "必须评分|is required")
            @Min(value = 1, message = "评分为1到5星|must be 1 to 5")
            @Max(value = 5, message = "评分为1到5星|must be 1 to 5") Integer score,
            @Size(max = 500, message = "评价内容最多500字|at most 500 characters") String comment) {
    }

    @PostMapping("/api/public/progress")
    public ProgressCheck.Progress progress(@RequestBody @Valid ProgressRequest request, HttpServletRequest http) {
        return progress.check(request.caseId(), request.idNumberLast6(), request.code(), http.getRemoteAddr());
    }

    /** What the rating page shows before the citizen taps: the matter and the case id. */
    @GetMapping("/api/public/ratings/{token}")
    public Map<String, Object> rating(@PathVariable String token) {
        HallCase hallCase = ratings.caseOf(token);
        return Map.of("caseId", hallCase.getCaseId(), "matterName", MatterNames.of(hallCase.getMatter()));
    }

    @PostMapping("/api/public/ratings/{token}")
    public Map<String, Object> rate(@PathVariable String token, @RequestBody @Valid RatingRequest request) {
        ratings.rate(token, request.score(), request.comment());
        return Map.of("rated", true, "score", request.score());
    }
}
