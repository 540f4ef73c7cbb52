package cn.yijianshi.retirement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The 2025 retirement-age rules as data (policy/retirement-age-2025.json): what a policy change edits. */
public record RetirementAgePolicy(String source, String effectiveDate, List<Schedule> schedules,
                                  int flexibleEarlyMonths, int flexibleDelayMonths, MinimumContribution minimumContribution) {

    /** One original age: from which birth month it rises, by one month per how many birth months, up to what. */
    public record Schedule(OriginalRetirementAge originalAge, YearMonth firstAffectedBirth, int birthMonthsPerStep,
                           int maxDelayMonths) {
    }

    /** 180 months up to {@code untilYear}, then more each year, up to the cap. */
    public record MinimumContribution(int baseMonths, int untilYear, int monthsAddedPerYear, int capMonths) {
        int forYear(int year) {
            return year <= untilYear ? baseMonths
                    : Math.min(capMonths, baseMonths + (year - untilYear) * monthsAddedPerYear);
        }
    }

    public static RetirementAgePolicy load(InputStream json) {
        try {
            return new ObjectMapper().registerModule(new JavaTimeModule())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(json, RetirementAgePolicy.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the retirement-age policy", e);
        }
    }

    public static RetirementAgePolicy fromClasspath() {
        try (InputStream in = RetirementAgePolicy.class.getResourceAsStream("/policy/retirement-age-2025.json")) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Schedule scheduleOf(OriginalRetirementAge age) {
        return schedules.stream().filter(s -> s.originalAge() == age).findFirst()
                .orElseThrow(() -> new IllegalStateException("no schedule for " + age));
    }
}
