package cn.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;

import cn.yijianshi.TestCalendars;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

    static WorkingDayCalendar shipped() {
        return TestCalendars.shipped();
    }

    private final WorkingDayCalendar calendar = shipped();

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(HALL).toInstant();
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void makeUpWeekendDaysCountAsWorkingDays() {
        assertThat(calendar.isWorkingDay(day("2026-02-14"))).as("Saturday before 春节").isTrue();
        assertThat(calendar.isWorkingDay(day("2026-02-28"))).as("Saturday after 春节").isTrue();
        assertThat(calendar.isWorkingDay(day("2026-01-04"))).as("Sunday after 元旦").isTrue();
        assertThat(calendar.isWorkingDay(day("2025-09-28"))).as("Sunday before 国庆").isTrue();
        assertThat(calendar.dayName(day("2026-02-14"))).contains("春节");
        assertThat(calendar.isWorkingDay(day("2026-11-21"))).as("an ordinary Saturday").isFalse();
        assertThat(calendar.dayName(day("2026-11-21"))).isEmpty();
    }

    @Test
    void theSpringFestivalBlockIsSkipped() {
        for (LocalDate d = day("2026-02-15"); !d.isAfter(day("2026-02-23")); d = d.plusDays(1)) {
            assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
        }
        assertThat(calendar.addWorkingDays(day("2026-02-13"), 1)).isEqualTo(day("2026-02-14"));
        assertThat(calendar.addWorkingDays(day("2026-02-14"), 1)).isEqualTo(day("2026-02-24"));
        assertThat(calendar.addWorkingDays(day("2026-02-13"), 5)).isEqualTo(day("2026-02-27"));
    }

    @Test
    void nationalDayAndMidAutumn2025AreSkipped() {
        assertThat(calendar.addWorkingDays(day("2025-09-30"), 1)).isEqualTo(day("2025-10-09"));
        assertThat(calendar.isWorkingDay(day("2025-10-11"))).isTrue();
        // 9-28 (make-up Sunday), 9-29, 9-30, 10-09, 10-10, 10-11 (make-up Saturday)
        assertThat(calendar.workingDaysBetween(day("2025-09-26"), day("2025-10-12"))).isEqualTo(6);
    }

    @Test
    void countingCrossesTheYearEnd() {
        assertThat(calendar.addWorkingDays(day("2025-12-31"), 1)).isEqualTo(day("2026-01-04"));
        assertThat(calendar.addWorkingDays(day("2025-12-30"), 3)).isEqualTo(day("2026-01-05"));
        assertThat(calendar.addWorkingDays(day("2025-12-30"), 0)).isEqualTo(day("2025-12-30"));
    }

    @Test
    void aYearWithNoNoticeFallsBackToWeekendsOnlyAndSaysSo() {
        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2027)).isFalse();
        assertThat(calendar.coveredYears()).containsExactlyInAnyOrder(2024, 2025, 2026);
        assertThat(calendar.isWorkingDay(day("2027-10-01"))).as("a Friday, no notice loaded").isTrue();
        assertThat(calendar.isWorkingDay(day("2027-10-02"))).isFalse();
    }

    @Test
    void workingHoursSkipLunchNightsWeekendsAndHolidays() {
        assertThat(calendar.addWorkingHours(at("2026-11-18T11:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-18T14:30"));
        assertThat(calendar.addWorkingHours(at("2026-11-18T17:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-19T09:30"));
        assertThat(calendar.addWorkingHours(at("2026-11-20T17:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-23T09:30"));
        assertThat(calendar.addWorkingHours(at("2026-09-30T17:00"), Duration.ofHours(1))).isEqualTo(at("2026-10-08T09:30"));
        assertThat(calendar.addWorkingHours(at("2026-11-18T07:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-18T10:00"));
        assertThat(calendar.addWorkingHours(at("2026-11-21T10:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-23T10:00"));
        assertThat(calendar.addWorkingHours(at("2026-11-18T09:00"), Duration.ofHours(7))).isEqualTo(at("2026-11-18T17:30"));
    }

    @Test
    void workingTimeBetweenCountsOnlyOfficeHours() {
        assertThat(calendar.workingTimeBetween(at("2026-11-18T11:00"), at("2026-11-18T14:30"))).isEqualTo(Duration.ofHours(2));
        assertThat(calendar.workingTimeBetween(at("2026-11-20T17:00"), at("2026-11-23T09:30"))).isEqualTo(Duration.ofHours(1));
        assertThat(calendar.workingTimeBetween(at("2026-09-30T09:00"), at("2026-10-08T09:00"))).isEqualTo(Duration.ofHours(7));
        assertThat(calendar.workingTimeBetween(at("2026-11-23T10:00"), at("2026-11-18T10:00"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void aNaturalDayPeriodEndingOnAHolidayEndsOnTheNextWorkingDay() {
        assertThat(calendar.endOfNaturalDayPeriod(day("2026-08-17"), 45)).isEqualTo(day("2026-10-08"));
        assertThat(calendar.endOfNaturalDayPeriod(day("2026-11-03"), 15)).isEqualTo(day("2026-11-18"));
        assertThat(calendar.endOfNaturalDayPeriod(day("2026-11-06"), 15)).as("ends on a Saturday").isEqualTo(day("2026-11-23"));
    }

    @Test
    void theServersOwnZoneChangesNothing() {
        TimeZone original = TimeZone.getDefault();
        try {
            for (String zone : List.of("UTC", "America/New_York", "Asia/Shanghai")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                WorkingDayCalendar fresh = shipped();
                assertThat(fresh.addWorkingHours(at("2026-11-20T17:00"), Duration.ofHours(1))).as(zone).isEqualTo(at("2026-11-23T09:30"));
                assertThat(fresh.addWorkingDays(at("2026-02-13T16:00"), 2)).as(zone).isEqualTo(at("2026-02-24T16:00"));
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void malformedNoticesAndOfficeHoursAreRefused() {
        assertThatThrownBy(() -> HolidayNotice.parse(json("{\"year\":2027,\"days\":[{\"name\":\"春节\",\"date\":\"2027-02-30\",\"isOffDay\":true}]}")))
                .hasMessageContaining("2027-02-30");
        assertThatThrownBy(() -> HolidayNotice.parse(json("{\"year\":2027,\"days\":[{\"name\":\"元旦\",\"date\":\"2026-01-01\",\"isOffDay\":true}]}")))
                .hasMessageContaining("2027");
        assertThatThrownBy(() -> HolidayNotice.parse(json("{\"days\":[]}"))).hasMessageContaining("year");
        assertThatThrownBy(() -> HolidayNotice.parse(json("not json"))).hasMessageContaining("JSON");
        assertThatThrownBy(() -> OfficeHours.parse("13:30-17:30,09:00-12:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfficeHours.parse("9-5")).isInstanceOf(IllegalArgumentException.class);
        assertThat(OfficeHours.parse("09:00-12:00,13:30-17:30").perDay()).isEqualTo(Duration.ofHours(7));
    }

    private static ByteArrayInputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
