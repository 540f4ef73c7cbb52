package cn.yijianshi.retirement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 法定退休年龄查询: the 2025 rules as the window explains them to a citizen. */
@RestController
public class StatutoryAgeController {

    public record StatutoryAgeAnswer(int ageYears, int ageMonths, String retirementMonth, int minContributionMonths) {
    }

    private final StatutoryRetirementAge ages;
    private final HallClock clock;

    public StatutoryAgeController(StatutoryRetirementAge ages, HallClock clock) {
        this.ages = ages;
        this.clock = clock;
    }

    @GetMapping("/api/retirement/statutory-age")
    public StatutoryAgeAnswer statutoryAge(@RequestParam String gender, @RequestParam String originalAge,
                                           @RequestParam String birthDate) {
        if (!gender.equals("M") && !gender.equals("F")) {
            throw RefusedRequest.badInput("gender", "性别只能是 M 或 F", "must be M or F");
        }
        int original;
        try {
            original = Integer.parseInt(originalAge);
            OriginalRetirementAge.of(gender, original);
        } catch (IllegalArgumentException e) {
            throw RefusedRequest.badInput("originalAge", "原法定退休年龄须为：男60；女55或50",
                    "must be 60 for men, 55 or 50 for women");
        }
        LocalDate birth;
        try {
            birth = LocalDate.parse(birthDate);
        } catch (DateTimeParseException e) {
            throw RefusedRequest.badInput("birthDate", "出生日期格式应为 YYYY-MM-DD", "must be a date YYYY-MM-DD");
        }
        if (birth.getYear() < 1900 || birth.isAfter(clock.today())) {
            throw RefusedRequest.badInput("birthDate", "出生日期不合理（须在1900年之后、不晚于今天）", "is not a plausible birth date (after 1900, not after today)");
        }
        StatutoryAge age = ages.compute(gender, original, birth);
        return new StatutoryAgeAnswer(age.ageYears(), age.ageMonths(), age.retirementMonth().toString(),
                age.minContributionMonths());
    }
}
