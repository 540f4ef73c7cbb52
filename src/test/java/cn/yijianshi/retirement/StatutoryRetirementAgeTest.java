package cn.yijianshi.retirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
            "F, 55, 1970-04, 55, 1, 2025-05",
            "F, 55, 1970-05, 55, 2, 2025-07",
            "F, 55, 1981-08, 57, 11, 2039-07",
            "F, 55, 1981-09, 58, 0, 2039-09",
            // women workers 50: one month per TWO months from 1975-01, capped at 55 from 1984-11
            "F, 50, 1974-12, 50, 0, 2024-12",
            "F, 50, 1975-01, 50, 1, 2025-02",
            "F, 50, 1975-02, 50, 1, 2025-03",
            "F, 50, 1975-03, 50, 2, 2025-05",
            "F, 50, 1984-10, 54, 11, 2039-09",
            "F, 50, 1984-11, 55, 0, 2039-11",
            "F, 50, 1995-06, 55, 0, 2050-06"})
    void theStatutoryAgeRisesByBirthMonthUpToItsCap(String gender, int original, String birth, int years, int months,
                                                    String reached) {
        StatutoryAge age = ages.compute(gender, original, born(birth));
        assertThat(age.ageYears()).isEqualTo(years);
        assertThat(age.ageMonths()).isEqualTo(months);
        assertThat(age.retirementMonth()).isEqualTo(YearMonth.parse(reached));
    }

    @Test
    void theRetirementMonthIsTheBirthMonthPlusTheAgeAndCrossesTheYearEnd() {
        // Born 1965-11: ten months after 1965-01, so the third step: 60y3m, reached in February of the next year.
        StatutoryAge age = ages.compute("M", 60, born("1965-11"));
        assertThat(age.ageYears()).isEqualTo(60);
        assertThat(age.ageMonths()).isEqualTo(3);
        assertThat(age.retirementMonth()).isEqualTo(YearMonth.parse("2026-02"));
        assertThat(age.totalMonths()).isEqualTo(723);
    }

    @Test
    void theDayOfBirthDoesNotMoveTheRetirementMonth() {
        assertThat(ages.compute("F", 55, LocalDate.parse("1970-01-01")))
                .isEqualTo(ages.compute("F", 55, LocalDate.parse("1970-01-31")));
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
        assertThat(ages.compute("M", 60, born("1965-01")).minContributionMonths()).isEqualTo(180);
        assertThat(ages.compute("M", 60, born("1976-09")).minContributionMonths()).isEqualTo(240);
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
    void aWomanWorkerAt55MayRetireThreeYearsEarlyAt52ButNoEarlier() {
        // Capped at 55 (2039-11): the 36-month limit binds, well above the original 50.
        assertThat(ages.earliestFlexibleMonth("F", 50, born("1984-11"))).isEqualTo(YearMonth.parse("2036-11"));
        assertThat(ages.latestDelayedMonth("F", 50, born("1984-11"))).isEqualTo(YearMonth.parse("2042-11"));
    }

    @Test
    void aWomanWorkerBornIn1980MayRetireEarlyOnlyFromHer50thBirthdayMonth() {
        // 1980-01 is 60 months after 1975-01: 30 steps of two months, the 31st step, so 52y7m in 2032-08;
        // 36 months earlier would be 49y7m, below the original 50.
        assertThat(ages.compute("F", 50, born("1980-01")).retirementMonth()).isEqualTo(YearMonth.parse("2032-08"));
        assertThat(ages.earliestFlexibleMonth("F", 50, born("1980-01"))).isEqualTo(YearMonth.parse("2030-01"));
    }

    @Test
    void whoKeepsTheOriginalAgeCannotRetireEarlierAtAll() {
        assertThat(ages.earliestFlexibleMonth("F", 55, born("1969-12"))).isEqualTo(YearMonth.parse("2024-12"));
        assertThat(ages.latestDelayedMonth("F", 55, born("1969-12"))).isEqualTo(YearMonth.parse("2027-12"));
    }

    @Test
    void aManCannotHaveAWomansOriginalAge() {
        assertThatThrownBy(() -> ages.compute("M", 55, born("1970-01"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("originalAge: 男性原法定退休年龄只能是60")
                .hasMessageContaining("originalAge: must be 60 for men");
    }

    @ParameterizedTest(name = "a woman with original age {0} is refused")
    @CsvSource({"60", "53", "0"})
    void aWomansOriginalAgeIs55Or50(int originalAge) {
        assertThatThrownBy(() -> ages.compute("F", originalAge, born("1970-01"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("originalAge: 女性原法定退休年龄只能是55或50")
                .hasMessageContaining("originalAge: must be 55 or 50 for women");
    }

    @Test
    void anUnknownGenderIsRefusedNamingTheGender() {
        for (String gender : new String[] {"X", "m", "", null}) {
            assertThatThrownBy(() -> ages.compute(gender, 60, born("1970-01"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gender: 性别只能是M或F").hasMessageContaining("gender: must be M or F");
        }
    }

    @Test
    void aMissingBirthDateIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ages.compute("M", 60, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("birthDate");
        assertThatThrownBy(() -> ages.earliestFlexibleMonth("M", 60, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("birthDate");
    }

    @Test
    void eachOriginalAgeKnowsItsGenderYearsAndChineseName() {
        assertThat(OriginalRetirementAge.of("M", 60)).isEqualTo(OriginalRetirementAge.M60);
        assertThat(OriginalRetirementAge.of("F", 55).displayName()).isEqualTo("女干部55周岁");
        assertThat(OriginalRetirementAge.of("F", 50).displayName()).isEqualTo("女职工50周岁");
        assertThat(OriginalRetirementAge.M60.displayName()).isEqualTo("男职工60周岁");
        assertThat(OriginalRetirementAge.F50.gender()).isEqualTo("F");
        assertThat(OriginalRetirementAge.F50.years()).isEqualTo(50);
    }

    @Test
    void thePolicyFileNamesItsSourceAndTheDateItTookEffect() {
        RetirementAgePolicy policy = RetirementAgePolicy.fromClasspath();
        assertThat(policy.source()).contains("渐进式延迟法定退休年龄");
        assertThat(policy.effectiveDate()).isEqualTo("2025-01-01");
    }

    @Test
    void aChangedPolicyFileChangesTheAnswerWithoutTouchingTheCode() {
        // A hypothetical amendment: women workers rise by one month per four birth months, as the others do.
        RetirementAgePolicy amended = RetirementAgePolicy.load(json(policyJson(4)));
        StatutoryRetirementAge amendedAges = new StatutoryRetirementAge(amended);
        assertThat(amendedAges.compute("F", 50, born("1975-03")).ageMonths()).isEqualTo(1);
        assertThat(ages.compute("F", 50, born("1975-03")).ageMonths()).isEqualTo(2);
    }

    @Test
    void aPolicyFileWithAMisspeltKeyIsRefusedWhenLoadedNotUsedAsZero() {
        String misspelt = policyJson(2).replace("\"flexibleEarlyMonths\"", "\"flexibleEarlyMonth\"");
        assertThatThrownBy(() -> RetirementAgePolicy.load(json(misspelt))).hasMessageContaining("flexibleEarlyMonth");
    }

    @Test
    void aPolicyFileWithoutAScheduleForEveryOriginalAgeIsRefusedWhenLoaded() {
        String withoutF50 = policyJson(2).replaceAll(",\\s*\\{\"originalAge\": \"F50\"[^}]*}", "");
        assertThatThrownBy(() -> RetirementAgePolicy.load(json(withoutF50))).hasMessageContaining("F50");
    }

    @Test
    void aPolicyFileWithAZeroStepIsRefusedWhenLoaded() {
        assertThatThrownBy(() -> RetirementAgePolicy.load(json(policyJson(0)))).hasMessageContaining("birthMonthsPerStep");
    }

    private static String policyJson(int womenWorkersStep) {
        return """
                {"source": "test", "effectiveDate": "2025-01-01",
                 "schedules": [
                   {"originalAge": "M60", "firstAffectedBirth": "1965-01", "birthMonthsPerStep": 4, "maxDelayMonths": 36},
                   {"originalAge": "F55", "firstAffectedBirth": "1970-01", "birthMonthsPerStep": 4, "maxDelayMonths": 36},
                   {"originalAge": "F50", "firstAffectedBirth": "1975-01", "birthMonthsPerStep": %d, "maxDelayMonths": 60}
                 ],
                 "flexibleEarlyMonths": 36, "flexibleDelayMonths": 36,
                 "minimumContribution": {"baseMonths": 180, "untilYear": 2029, "monthsAddedPerYear": 6, "capMonths": 240}}
                """.formatted(womenWorkersStep);
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
