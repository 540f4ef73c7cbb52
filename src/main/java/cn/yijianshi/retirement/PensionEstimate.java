package cn.yijianshi.retirement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 养老金测算 (the 核算表 an expert shows a citizen): basic pension = (local average monthly wage + own
 * indexed average monthly wage) / 2 x contribution years x 1%; personal-account pension = account
 * balance / 计发月数 for the retirement age in whole years (国发〔2005〕38号); plus a transitional pension.
 */
public class PensionEstimate {

    /** Each part in yuan, rounded HALF_UP to fen; the total is the sum of the rounded parts, as the sheet shows. */
    public record Sheet(BigDecimal basicPension, BigDecimal personalAccountPension, BigDecimal transitionalPension,
                        BigDecimal total, int divisor, BigDecimal contributionYears) {
    }

    record Divisors(String source, String effectiveDate, Map<Integer, Integer> divisorsByRetirementAge) {
    }

    // (a + b) / 2 x (months / 12) x 1% == (a + b) x months / 2400: one division, one rounding.
    private static final BigDecimal BASIC_PENSION_DENOMINATOR = BigDecimal.valueOf(2400);

    // Strict: a misspelt key would otherwise load as an empty table.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

    private final Map<Integer, Integer> divisors;

    public PensionEstimate(Map<Integer, Integer> divisors) {
        if (divisors.isEmpty() || divisors.values().stream().anyMatch(d -> d == null || d <= 0)) {
            throw new IllegalArgumentException("divisorsByRetirementAge: needs at least one age, every divisor above 0");
        }
        this.divisors = Map.copyOf(divisors);
    }

    public static PensionEstimate load(InputStream json) {
        if (json == null) {
            throw new IllegalArgumentException("pension divisors: no such file");
        }
        try {
            return new PensionEstimate(JSON.readValue(json, Divisors.class).divisorsByRetirementAge());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pension divisors: " + e.getMessage(), e);
        }
    }

    public static PensionEstimate fromClasspath() {
        try (InputStream in = PensionEstimate.class.getResourceAsStream("/policy/pension-divisors.json")) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Sheet estimate(BigDecimal localAverageWage, BigDecimal indexedAverageWage, int contributionMonths,
                          BigDecimal accountBalance, int retirementAgeYears, BigDecimal transitionalPension) {
        requireNonNegative("localAverageWage", localAverageWage);
        requireNonNegative("indexedAverageWage", indexedAverageWage);
        requireNonNegative("accountBalance", accountBalance);
        requireNonNegative("transitionalPension", transitionalPension);
        if (contributionMonths < 0) {
            throw new IllegalArgumentException("contributionMonths: 缴费月数不能为负 / contributionMonths: must not be negative");
        }
        Integer divisor = divisors.get(retirementAgeYears);
        if (divisor == null) {
            throw new IllegalArgumentException("retirementAge: 计发月数表没有 " + retirementAgeYears + " 岁 / "
                    + "retirementAge: no divisor for age " + retirementAgeYears);
        }
        BigDecimal basic = localAverageWage.add(indexedAverageWage).multiply(BigDecimal.valueOf(contributionMonths))
                .divide(BASIC_PENSION_DENOMINATOR, 2, RoundingMode.HALF_UP);
        BigDecimal personal = accountBalance.divide(BigDecimal.valueOf(divisor), 2, RoundingMode.HALF_UP);
        BigDecimal transitional = transitionalPension.setScale(2, RoundingMode.HALF_UP);
        BigDecimal years = BigDecimal.valueOf(contributionMonths).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        return new Sheet(basic, personal, transitional, basic.add(personal).add(transitional), divisor, years);
    }

    private static void requireNonNegative(String field, BigDecimal value) {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException(field + ": 不能为空或负数 / " + field + ": must be zero or more");
        }
    }
}
