package cn.yijianshi.retirement;

import java.time.YearMonth;

/** The statutory retirement age of one person, the month it is reached, and the minimum contribution then. */
public record StatutoryAge(int ageYears, int ageMonths, YearMonth retirementMonth, int minContributionMonths) {

    public int totalMonths() {
        return ageYears * 12 + ageMonths;
    }

    /** As the forms and the pre-review sentence say it: 60岁, 63岁, 55岁4个月. */
    public String inChinese() {
        return ageYears + "岁" + (ageMonths > 0 ? ageMonths + "个月" : "");
    }
}
