package cn.yijianshi.retirement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

    /** {@code baseMonths} up to {@code untilYear}, then more each year, up to the cap. */
    public record MinimumContribution(int baseMonths, int untilYear, int monthsAddedPerYear, int capMonths) {
        int forYear(int year) {
            return year <= untilYear ? baseMonths
                    : Math.min(capMonths, baseMonths + (year - untilYear) * monthsAddedPerYear);
        }
    }

    // Strict on purpose: a misspelt or missing key in a policy file would otherwise load as 0 and
    // silently change who may retire when.
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public RetirementAgePolicy {
        // Checked at start-up so that a bad policy file stops the hall instead of answering one citizen wrongly.
        Set<OriginalRetirementAge> seen = EnumSet.noneOf(OriginalRetirementAge.class);
        for (Schedule schedule : schedules) {
            if (!seen.add(schedule.originalAge())) {
                throw new IllegalArgumentException("schedules: two schedules for " + schedule.originalAge());
            }
            if (schedule.birthMonthsPerStep() < 1 || schedule.maxDelayMonths() < 0) {
                throw new IllegalArgumentException("schedules: " + schedule.originalAge()
                        + " needs birthMonthsPerStep >= 1 and maxDelayMonths >= 0");
            }
        }
        if (!seen.equals(EnumSet.allOf(OriginalRetirementAge.class))) {
            throw new IllegalArgumentException("schedules: missing " + EnumSet.complementOf(EnumSet.copyOf(seen)));
        }
        if (flexibleEarlyMonths < 0 || flexibleDelayMonths < 0) {
            throw new IllegalArgumentException("flexibleEarlyMonths/flexibleDelayMonths: must not be negative");
        }
        if (minimumContribution.baseMonths() < 0 || minimumContribution.monthsAddedPerYear() < 0
                || minimumContribution.capMonths() < minimumContribution.baseMonths()) {
            throw new IllegalArgumentException("minimumContribution: needs 0 <= baseMonths <= capMonths and monthsAddedPerYear >= 0");
        }
        schedules = List.copyOf(schedules);
    }

    public static RetirementAgePolicy load(InputStream json) {
        if (json == null) {
            throw new IllegalArgumentException("retirement-age policy: no such file");
        }
        try {
            return JSON.readValue(json, RetirementAgePolicy.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the retirement-age policy: " + e.getMessage(), e);
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
