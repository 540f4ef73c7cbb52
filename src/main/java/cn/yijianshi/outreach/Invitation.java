package cn.yijianshi.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * 邀约: one person invited to retire in their statutory month (政策找人), with what they were told and, once confirmed
 * (一键办理), the case it started. Status INVITED, CONFIRMED or EXPIRED (three months after the statutory month, policy).
 */
public record Invitation(String invitationId, String idNumber, String name, String phone, String servicePointCode,
                         LocalDate statutoryMonth, int minContributionMonths, int contributionMonths,
                         boolean reachesMinimum, int monthsLacking, String materials, String status, Instant invitedAt,
                         LocalDate expiresOn, String callProcessId, String callOutcome, Instant confirmedAt,
                         String confirmedBy, String confirmedChannel, String caseId) {

    public static final String INVITED = "INVITED";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String EXPIRED = "EXPIRED";

    public YearMonth month() {
        return YearMonth.from(statutoryMonth);
    }

    public List<String> materialCodes() {
        return materials == null || materials.isBlank() ? List.of() : Arrays.asList(materials.split(","));
    }
}
