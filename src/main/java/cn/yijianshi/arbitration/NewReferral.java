package cn.yijianshi.arbitration;

import java.time.LocalDate;
import java.util.List;

import cn.yijianshi.intake.ValidResidentId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A referral the window opens directly: the citizen, the employer, what is claimed, since when. */
public record NewReferral(
        @NotNull(message = "必须填写申请人|is required") @Valid Applicant applicant,
        @NotNull(message = "必须填写用人单位|is required") @Valid Employer employer,
        @NotEmpty(message = "至少一项仲裁请求|at least one claim is required") @Size(max = 20, message = "请求最多20项|at most 20 claims")
        List<@Valid Claim> claims,
        @NotNull(message = "必须填写争议发生日期|is required") LocalDate disputeDate,
        @NotNull(message = "必须选择是否先行调解|is required") Boolean mediation) {

    public record Applicant(
            @NotBlank(message = "必须填写姓名|is required") @Size(max = 50, message = "姓名过长|too long") String name,
            @NotBlank(message = "必须填写身份证号码|is required") @ValidResidentId String idNumber,
            @NotBlank(message = "必须填写联系电话|is required")
            @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "电话号码格式不正确|not a valid phone number") String phone) {
    }

    public record Employer(
            @NotBlank(message = "必须填写用人单位名称|is required") @Size(max = 200, message = "名称过长|too long") String name,
            @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}",
                    message = "统一社会信用代码应为18位|must be an 18-character unified social credit code") String creditCode) {
    }

    public record Claim(
            @NotNull(message = "必须填写请求类型|is required") ClaimType type,
            @DecimalMin(value = "0", message = "金额不能为负|must not be negative") java.math.BigDecimal amount) {
    }

    /** 仲裁请求 types. */
    public enum ClaimType {
        SEVERANCE("经济补偿"), UNPAID_WAGES("拖欠工资"), CONFIRM_EMPLOYMENT("确认劳动关系"), DAMAGES("赔偿金"),
        SOCIAL_INSURANCE("社会保险"), OTHER("其他");

        private final String displayName;

        ClaimType(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }
}
