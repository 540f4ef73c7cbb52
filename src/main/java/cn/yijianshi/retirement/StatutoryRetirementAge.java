package cn.yijianshi.retirement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

/**
 * 法定退休年龄 under the 2025 decision: the original age plus one month per N months of birth from the
 * first affected birth month, capped; the month it is reached; the minimum contribution in force then;
 * and the window for flexible early or delayed retirement.
 */
@Component
public class StatutoryRetirementAge {

    private final RetirementAgePolicy policy;

    public StatutoryRetirementAge() {
        this(RetirementAgePolicy.fromClasspath());
    }

    public StatutoryRetirementAge(RetirementAgePolicy policy) {
        this.policy = policy;
    }

    public StatutoryAge compute(String gender, int originalAge, LocalDate birthDate) {
        OriginalRetirementAge original = OriginalRetirementAge.of(gender, originalAge);
        YearMonth birth = birthMonth(birthDate);
        int months = original.years() * 12 + delayMonths(original, birth);
        YearMonth reached = birth.plusMonths(months);
        return new StatutoryAge(months / 12, months % 12, reached, minimumContributionMonths(reached.getYear()));
    }

    /** The earliest month of flexible early retirement: up to 36 months early, never before the original age. */
    public YearMonth earliestFlexibleMonth(String gender, int originalAge, LocalDate birthDate) {
        YearMonth statutory = compute(gender, originalAge, birthDate).retirementMonth();
        YearMonth early = statutory.minusMonths(policy.flexibleEarlyMonths());
        YearMonth originalMonth = birthMonth(birthDate).plusYears(originalAge);
        return early.isBefore(originalMonth) ? originalMonth : early;
    }

    /** The latest month of flexible delay. */
    public YearMonth latestDelayedMonth(String gender, int originalAge, LocalDate birthDate) {
        return compute(gender, originalAge, birthDate).retirementMonth().plusMonths(policy.flexibleDelayMonths());
    }

    public int minimumContributionMonths(int year) {
        return policy.minimumContribution().forYear(year);
    }

    private static YearMonth birthMonth(LocalDate birthDate) {
        if (birthDate == null) {
            throw new IllegalArgumentException("birthDate: 必须填写出生日期 / birthDate: is required");
        }
        return YearMonth.from(birthDate);
    }

    private int delayMonths(OriginalRetirementAge original, YearMonth birth) {
        RetirementAgePolicy.Schedule schedule = policy.scheduleOf(original);
        if (birth.isBefore(schedule.firstAffectedBirth())) {
            return 0;
        }
        long sinceFirst = ChronoUnit.MONTHS.between(schedule.firstAffectedBirth(), birth);
        // The first affected birth month already gets one month: the step counts from it, not after it.
        return (int) Math.min(schedule.maxDelayMonths(), sinceFirst / schedule.birthMonthsPerStep() + 1);
    }
}
