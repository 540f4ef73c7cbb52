package cn.yijianshi.retirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PensionEstimateTest {

    private final PensionEstimate estimate = PensionEstimate.fromClasspath();

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void aManRetiringAt60With25YearsGetsHalfTheMeanWagePerCentPerYearPlusHisAccountOver139() {
        // (10000 + 8000) / 2 x 25 years x 1% = 2250.00; 139000 / 139 = 1000.00.
        PensionEstimate.Sheet sheet = estimate.estimate(yuan("10000"), yuan("8000"), 300, yuan("139000"), 60, BigDecimal.ZERO);
        assertThat(sheet.basicPension()).isEqualTo("2250.00");
        assertThat(sheet.personalAccountPension()).isEqualTo("1000.00");
        assertThat(sheet.transitionalPension()).isEqualTo("0.00");
        assertThat(sheet.total()).isEqualTo("3250.00");
        assertThat(sheet.divisor()).isEqualTo(139);
        assertThat(sheet.contributionYears()).isEqualTo("25.00");
    }

    @Test
    void theSheetAddsBasicPersonalAndTransitionalPensions() {
        PensionEstimate.Sheet sheet = estimate.estimate(new BigDecimal("10000"), new BigDecimal("8000"), 300,
                new BigDecimal("139000"), 60, new BigDecimal("150"));
        assertThat(sheet.basicPension()).isEqualByComparingTo("2250.00");
        assertThat(sheet.personalAccountPension()).isEqualByComparingTo("1000.00");
        assertThat(sheet.transitionalPension()).isEqualByComparingTo("150.00");
        assertThat(sheet.total()).isEqualByComparingTo("3400.00");
        assertThat(sheet.divisor()).isEqualTo(139);
    }

    @Test
    void contributionYearsAreDecimalAndTheBasicPensionIsRoundedOnceToTheFen() {
        // (10000 + 9000) / 2 x 181/12 x 1% = 1432.9166..., so 1432.92; rounding the years to 15.0833 first
        // would give 1432.91.
        PensionEstimate.Sheet sheet = estimate.estimate(yuan("10000"), yuan("9000"), 181, BigDecimal.ZERO, 60, BigDecimal.ZERO);
        assertThat(sheet.basicPension()).isEqualTo("1432.92");
        assertThat(sheet.contributionYears()).isEqualTo("15.08");
    }

    @Test
    void halfAFenRoundsUp() {
        // 100000.075 / 139 = 719.425 exactly; HALF_EVEN would keep 719.42.
        PensionEstimate.Sheet sheet = estimate.estimate(BigDecimal.ZERO, BigDecimal.ZERO, 0, yuan("100000.075"), 60,
                yuan("150.005"));
        assertThat(sheet.personalAccountPension()).isEqualTo("719.43");
        assertThat(sheet.transitionalPension()).isEqualTo("150.01");
        assertThat(sheet.total()).isEqualTo("869.44");
    }

    @Test
    void theDivisorFollowsTheRetirementAgeInWholeYears() {
        BigDecimal balance = new BigDecimal("117000");
        assertThat(estimate.estimate(BigDecimal.TEN, BigDecimal.TEN, 0, balance, 63, BigDecimal.ZERO).divisor()).isEqualTo(117);
        assertThat(estimate.estimate(BigDecimal.TEN, BigDecimal.TEN, 0, balance, 50, BigDecimal.ZERO).divisor()).isEqualTo(195);
        assertThat(estimate.estimate(BigDecimal.TEN, BigDecimal.TEN, 0, balance, 55, BigDecimal.ZERO).divisor()).isEqualTo(170);
    }

    @Test
    void theDivisorTableIsTheOneOfGuofa2005No38FromAge40To70() {
        int[] divisors = {233, 230, 226, 223, 220, 216, 212, 207, 204, 199, 195, 190, 185, 180, 175, 170, 164, 158, 152,
                145, 139, 132, 125, 117, 109, 101, 93, 84, 75, 65, 56};
        for (int age = 40; age <= 70; age++) {
            assertThat(estimate.estimate(BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, age, BigDecimal.ZERO).divisor())
                    .as("age %d", age).isEqualTo(divisors[age - 40]);
        }
    }

    @ParameterizedTest(name = "age {0} has no divisor")
    @CsvSource({"39", "71"})
    void anAgeOutsideTheTableIsRefusedNamingTheField(int age) {
        assertThatThrownBy(() -> estimate.estimate(BigDecimal.TEN, BigDecimal.TEN, 120, BigDecimal.TEN, age, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retirementAge");
    }

    @Test
    void aNegativeBalanceIsRefusedNamingTheField() {
        assertThatThrownBy(() -> estimate.estimate(BigDecimal.TEN, BigDecimal.TEN, 120, new BigDecimal("-1"), 60, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountBalance");
    }

    @Test
    void everyNegativeOrMissingAmountIsRefusedNamingItsField() {
        BigDecimal ten = BigDecimal.TEN;
        BigDecimal minus = yuan("-0.01");
        assertThatThrownBy(() -> estimate.estimate(minus, ten, 120, ten, 60, ten)).hasMessageContaining("localAverageWage");
        assertThatThrownBy(() -> estimate.estimate(ten, minus, 120, ten, 60, ten)).hasMessageContaining("indexedAverageWage");
        assertThatThrownBy(() -> estimate.estimate(ten, ten, -1, ten, 60, ten)).hasMessageContaining("contributionMonths");
        assertThatThrownBy(() -> estimate.estimate(ten, ten, 120, ten, 60, minus)).hasMessageContaining("transitionalPension");
        assertThatThrownBy(() -> estimate.estimate(null, ten, 120, ten, 60, ten))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("localAverageWage");
    }

    @Test
    void aDivisorFileWithAMisspeltKeyIsRefusedWhenLoadedNotReadAsAnEmptyTable() {
        String misspelt = "{\"source\": \"test\", \"effectiveDate\": \"2006-01-01\", \"divisorByRetirementAge\": {\"60\": 139}}";
        assertThatThrownBy(() -> PensionEstimate.load(new ByteArrayInputStream(misspelt.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("divisorsByRetirementAge");
    }

    @Test
    void aDivisorFileIsReadFromAnyStream() {
        String oneAge = "{\"source\": \"test\", \"effectiveDate\": \"2006-01-01\", \"divisorsByRetirementAge\": {\"60\": 100}}";
        PensionEstimate custom = PensionEstimate.load(new ByteArrayInputStream(oneAge.getBytes(StandardCharsets.UTF_8)));
        assertThat(custom.estimate(BigDecimal.ZERO, BigDecimal.ZERO, 0, yuan("1000"), 60, BigDecimal.ZERO)
                .personalAccountPension()).isEqualTo("10.00");
    }
}
