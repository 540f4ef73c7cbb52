package cn.yijianshi.insured;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of 参保人员名册: who the person is, their original retirement-age category (M60/F55/F50), contribution so
 * far and its status, how to reach them and their service point; with the statutory month and the minimum
 * contribution then, computed at import by the retirement-age rule.
 */
public record InsuredPerson(String idNumber, String name, String gender, String originalAge, int contributionMonths,
                            String contributionStatus, String phone, String servicePointCode, LocalDate birthDate,
                            LocalDate statutoryMonth, int minContributionMonths, Instant importedAt) {

    /** The original retirement age in years (60, 55, 50). */
    public int originalAgeYears() {
        return Integer.parseInt(originalAge.substring(1));
    }

    public boolean reachesMinimum() {
        return contributionMonths >= minContributionMonths;
    }

    public int monthsLacking() {
        return Math.max(0, minContributionMonths - contributionMonths);
    }
}
