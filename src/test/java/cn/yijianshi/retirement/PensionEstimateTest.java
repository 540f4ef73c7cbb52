package cn.yijianshi.retirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PensionEstimateTest {

    private final PensionEstimate estimate = PensionEstimate.fromClasspath();

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
    void theDivisorFollowsTheRetirementAgeInWholeYears() {
        BigDecimal balance = new BigDecimal("117000");
        assertThat(estimate.estimate(BigDecimal.TEN, BigDecimal.TEN, 0, balance, 63, BigDecimal.ZERO).divisor()).isEqualTo(117);
        assertThat(estimate.estimate(BigDecimal.TEN, BigDecimal.TEN, 0, balance, 50, BigDecimal.ZERO).divisor()).isEqualTo(195);
        assertThat(estimate.estimate(BigDecimal.TEN, BigDecimal.TEN, 0, balance, 55, BigDecimal.ZERO).divisor()).isEqualTo(170);
    }

    @Test
    void aNegativeBalanceIsRefusedNamingTheField() {
        assertThatThrownBy(() -> estimate.estimate(BigDecimal.TEN, BigDecimal.TEN, 120, new BigDecimal("-1"), 60, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountBalance");
    }
}
