package cn.yijianshi.retirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatutoryRetirementAgeTest {

    private final StatutoryRetirementAge ages = new StatutoryRetirementAge();

    private static LocalDate born(String yearMonth) {
        return YearMonth.parse(yearMonth).atDay(15);
    }

    @ParameterizedTest(name = "{0}{1} born {2}: {3}y{4}m, reached {5}")
    @CsvSource({
            // men 60: unchanged before 1965-01, then one month per four months of birth, 63 from 1976-09
            "M, 60, 1964-12, 60, 0, 2024-12",
            "M, 60, 1965-01, 60, 1, 2025-02",
            "M, 60, 1965-04, 60, 1, 2025-05",
            "M, 60, 1965-05, 60, 2, 2025-07",
            "M, 60, 1976-08, 62, 11, 2039-07",
            "M, 60, 1976-09, 63, 0, 2039-09",
            "M, 60, 1990-01, 63, 0, 2053-01",
            // women cadres 55: from 1970-01, capped at 58 from 1981-09
            "F, 55, 1969-12, 55, 0, 2024-12",
            "F, 55, 1970-01, 55, 1, 2025-02",
            "F, 55, 1981-08, 57, 11, 2039-07",
            "F, 55, 1981-09, 58, 0, 2039-09",
            // women workers 50: one month per TWO months from 1975-01, capped at 55 from 1984-11
            "F, 50, 1974-12, 50, 0, 2024-12",
            "F, 50, 1975-01, 50, 1, 2025-02",
            "F, 50, 1975-02, 50, 1, 2025-03",
            "F, 50, 1975-03, 50, 2, 2025-05",
            "F, 50, 1984-10, 54, 11, 2039-09",
            "F, 50, 1984-11, 55, 0, 2039-11"})
    void theStatutoryAgeRisesByBirthMonthUpToItsCap(String gender, int original, String birth, int years, int months,
                                                    String reached) {
        StatutoryAge age = ages.compute(gender, original, born(birth));
        assertThat(age.ageYears()).isEqualTo(years);
        assertThat(age.ageMonths()).isEqualTo(months);
        assertThat(age.retirementMonth()).isEqualTo(YearMonth.parse(reached));
    }

    @ParameterizedTest(name = "retiring in {0}: at least {1} months")
    @CsvSource({"2025, 180", "2029, 180", "2030, 186", "2031, 192", "2038, 234", "2039, 240", "2045, 240"})
    void theMinimumContributionRisesFrom2030To240Months(int year, int months) {
        assertThat(ages.minimumContributionMonths(year)).isEqualTo(months);
    }

    @Test
    void theMinimumInForceIsTheOneOfTheRetirementYear() {
        // Born 1970-06: 61y5m (17 months later), reached 2031-11, when 192 months are required.
        StatutoryAge age = ages.compute("M", 60, born("1970-06"));
        assertThat(age.retirementMonth()).isEqualTo(YearMonth.parse("2031-11"));
        assertThat(age.minContributionMonths()).isEqualTo(192);
    }

    @Test
    void flexibleEarlyRetirementIsAtMost36MonthsEarlyAndNeverBeforeTheOriginalAge() {
        // 63 for men born 1980: 36 months early is exactly 60, the original age.
        assertThat(ages.earliestFlexibleMonth("M", 60, born("1980-03"))).isEqualTo(YearMonth.parse("2040-03"));
        // 60y2m for men born 1965-05: three years early would be below 60, so 60 it is.
        assertThat(ages.earliestFlexibleMonth("M", 60, born("1965-05"))).isEqualTo(YearMonth.parse("2025-05"));
        assertThat(ages.latestDelayedMonth("M", 60, born("1980-03"))).isEqualTo(YearMonth.parse("2046-03"));
    }

    @Test
    void aManCannotHaveAWomansOriginalAge() {
        assertThatThrownBy(() -> ages.compute("M", 55, born("1970-01"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("originalAge");
        assertThatThrownBy(() -> ages.compute("F", 60, born("1970-01"))).isInstanceOf(IllegalArgumentException.class);
    }
}
