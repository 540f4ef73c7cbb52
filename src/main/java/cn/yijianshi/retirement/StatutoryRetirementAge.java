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
        int months = original.years() * 12 + delayMonths(original, YearMonth.from(birthDate));
        YearMonth reached = YearMonth.from(birthDate).plusMonths(months);
        return new StatutoryAge(months / 12, months % 12, reached, minimumContributionMonths(reached.getYear()));
    }

    /** The earliest month of flexible early retirement: up to 36 months early, never before the original age. */
    public YearMonth earliestFlexibleMonth(String gender, int originalAge, LocalDate birthDate) {
        OriginalRetirementAge original = OriginalRetirementAge.of(gender, originalAge);
        YearMonth birth = YearMonth.from(birthDate);
        YearMonth statutory = birth.plusMonths(original.years() * 12L + delayMonths(original, birth));
        YearMonth early = statutory.minusMonths(policy.flexibleEarlyMonths());
        YearMonth originalMonth = birth.plusYears(original.years());
        return early.isBefore(originalMonth) ? originalMonth : early;
    }

    /** The latest month of flexible delay. */
    public YearMonth latestDelayedMonth(String gender, int originalAge, LocalDate birthDate) {
        return compute(gender, originalAge, birthDate).retirementMonth().plusMonths(policy.flexibleDelayMonths());
    }

    public int minimumContributionMonths(int year) {
        return policy.minimumContribution().forYear(year);
    }

    private int delayMonths(OriginalRetirementAge original, YearMonth birth) {
        RetirementAgePolicy.Schedule schedule = policy.scheduleOf(original);
        if (birth.isBefore(schedule.firstAffectedBirth())) {
            return 0;
        }
        long sinceFirst = ChronoUnit.MONTHS.between(schedule.firstAffectedBirth(), birth);
        return (int) Math.min(schedule.maxDelayMonths(), sinceFirst / schedule.birthMonthsPerStep() + 1);
    }
}
