package cn.yijianshi.retirement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 提前预审 as data (policy/retirement-early-application.json): how many months before the month the applicant retires
 * in an application is taken, pre-reviewed and held for that month instead of refused.
 */
public record EarlyApplicationPolicy(String source, String effectiveDate, int monthsBefore) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public EarlyApplicationPolicy {
        if (monthsBefore < 0 || monthsBefore > 12) {
            throw new IllegalArgumentException("monthsBefore: must be 0 to 12");
        }
    }

    /** Whether an application in {@code thisMonth} for retiring in {@code retiringIn} is early but inside the window. */
    public boolean takesEarly(YearMonth thisMonth, YearMonth retiringIn) {
        return thisMonth.isBefore(retiringIn) && !thisMonth.isBefore(retiringIn.minusMonths(monthsBefore));
    }

    /** The first day on which an application for retiring in {@code retiringIn} is taken. */
    public LocalDate firstDayToApply(YearMonth retiringIn) {
        return retiringIn.minusMonths(monthsBefore).atDay(1);
    }

    public static EarlyApplicationPolicy fromClasspath() {
        try (InputStream in = EarlyApplicationPolicy.class.getResourceAsStream("/policy/retirement-early-application.json")) {
            if (in == null) {
                throw new IllegalStateException("policy/retirement-early-application.json is missing");
            }
            return JSON.readValue(in, EarlyApplicationPolicy.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the early-application policy: " + e.getMessage(), e);
        }
    }
}
