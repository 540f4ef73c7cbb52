package cn.yijianshi.retirement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Facts the retirement matter needs at intake; the window can still correct them in 审核材料. */
public record RetirementFacts(
        @NotNull(message = "必须填写退休类型|is required") RetirementType type,
        Integer originalAge,
        @Min(value = 0, message = "缴费月数不能为负|must not be negative")
        @Max(value = 900, message = "缴费月数不合理|is implausible")
        Integer contributionMonths,
        Boolean hasFundAccount,
        Boolean disputedSeniority) {
}
