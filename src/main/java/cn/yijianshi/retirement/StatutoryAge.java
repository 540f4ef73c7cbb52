package cn.yijianshi.retirement;

import java.time.YearMonth;

/** The statutory retirement age of one person, the month it is reached, and the minimum contribution then. */
public record StatutoryAge(int ageYears, int ageMonths, YearMonth retirementMonth, int minContributionMonths) {

    public int totalMonths() {
        return ageYears * 12 + ageMonths;
    }
}
