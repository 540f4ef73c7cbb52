package cn.yijianshi.sla;

import static cn.yijianshi.sla.ShippedNotices.day;
import static cn.yijianshi.sla.ShippedNotices.hallTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Working hours of a hall open 09:00-12:00 and 13:30-17:30 (7 hours a day), in Shanghai time. */
class WorkingDayCalendarHoursTest {

    private final WorkingDayCalendar calendar = ShippedNotices.hallCalendar();

    @ParameterizedTest(name = "{0} + {1} -> {2}: {3}")
    @CsvSource({
            "2026-11-18T11:00, PT2H,   2026-11-18T14:30, one hour before lunch and one after",
            "2026-11-18T09:00, PT3H,   2026-11-18T12:00, ending at closing time stays at closing time",
            "2026-11-18T09:00, PT7H,   2026-11-18T17:30, a whole day",
            "2026-11-16T09:00, PT14H,  2026-11-17T17:30, two whole days",
            "2026-11-18T17:00, PT1H,   2026-11-19T09:30, half an hour tonight and half tomorrow morning",
            "2026-11-20T17:00, PT1H,   2026-11-23T09:30, over the weekend",
            "2026-02-13T17:00, PT1H,   2026-02-14T09:30, into the make-up Saturday",
            "2026-02-14T17:00, PT1H,   2026-02-24T09:30, over 春节",
            "2025-09-30T16:30, PT2H,   2025-10-09T10:00, over 国庆节、中秋节",
            "2026-09-30T17:00, PT1H,   2026-10-08T09:30, over 国庆节",
            "2025-12-31T17:00, PT1H,   2026-01-04T09:30, over 元旦 into the make-up Sunday",
            "2026-11-18T07:15, PT1H,   2026-11-18T10:00, filed before opening",
            "2026-11-18T12:30, PT1H,   2026-11-18T14:30, filed during the lunch break",
            "2026-11-18T20:00, PT1H,   2026-11-19T10:00, filed at night",
            "2026-11-21T10:00, PT30M,  2026-11-23T09:30, filed on a Saturday",
            "2026-02-17T10:00, PT30M,  2026-02-24T09:30, filed during 春节",
            "2026-11-18T10:15:30, PT1M, 2026-11-18T10:16:30, seconds are kept"})
    void workingHoursRunOnlyWhileTheHallIsOpen(String from, Duration workingTime, String expected, String story) {
        assertThat(calendar.addWorkingHours(hallTime(from), workingTime)).as(story).isEqualTo(hallTime(expected));
    }

    @Test
    void zeroWorkingHoursIsNowAndNegativeIsRefused() {
        Instant evening = hallTime("2026-11-18T20:00");
        assertThat(calendar.addWorkingHours(evening, Duration.ZERO)).isEqualTo(evening);
        assertThatThrownBy(() -> calendar.addWorkingHours(evening, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不能为负");
    }

    @ParameterizedTest(name = "{0} .. {1} = {2}: {3}")
    @CsvSource({
            "2026-11-18T11:00, 2026-11-18T14:30, PT2H,   across lunch",
            "2026-11-18T12:10, 2026-11-18T13:20, PT0S,   inside the lunch break",
            "2026-11-18T08:00, 2026-11-18T18:00, PT7H,   a whole day",
            "2026-11-20T17:00, 2026-11-23T09:30, PT1H,   over the weekend",
            "2026-11-21T08:00, 2026-11-22T18:00, PT0S,   a weekend only",
            "2026-02-13T17:00, 2026-02-24T09:30, PT8H,   half an hour + make-up Saturday + half an hour",
            "2026-09-30T09:00, 2026-10-08T09:00, PT7H,   over 国庆节",
            "2026-01-01T00:00, 2027-01-01T00:00, PT1736H, 248 working days of 7 hours"})
    void workingTimeBetweenCountsOnlyOfficeHours(String from, String to, Duration expected, String story) {
        assertThat(calendar.workingTimeBetween(hallTime(from), hallTime(to))).as(story).isEqualTo(expected);
    }

    @Test
    void workingTimeBetweenIsZeroBackwardsAndForTheSameInstant() {
        Instant monday = hallTime("2026-11-23T10:00");
        Instant wednesday = hallTime("2026-11-18T10:00");
        assertThat(calendar.workingTimeBetween(wednesday, monday)).isEqualTo(Duration.ofHours(21));
        assertThat(calendar.workingTimeBetween(monday, wednesday)).isZero();
        assertThat(calendar.workingTimeBetween(monday, monday)).isZero();
    }

    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {"2026-11-18T09:00", "2026-11-18T11:47", "2026-11-18T12:30", "2026-11-20T17:29",
            "2026-02-13T16:00", "2026-02-15T10:00", "2025-09-30T20:00"})
    void workingTimeBetweenUndoesAddWorkingHours(String from) {
        Instant start = hallTime(from);
        for (Duration workingTime : List.of(Duration.ofMinutes(1), Duration.ofMinutes(90), Duration.ofHours(7),
                Duration.ofHours(40), Duration.ofMinutes(12 * 60 + 17))) {
            Instant due = calendar.addWorkingHours(start, workingTime);
            assertThat(calendar.workingTimeBetween(start, due)).as(workingTime.toString()).isEqualTo(workingTime);
        }
    }

    @Test
    void dueInstantKeepsTheWallClockTimeOnTheNthWorkingDay() {
        assertThat(calendar.addWorkingDays(hallTime("2026-02-13T16:00"), 2)).isEqualTo(hallTime("2026-02-24T16:00"));
        assertThat(calendar.addWorkingDays(hallTime("2025-09-30T10:20"), 1)).isEqualTo(hallTime("2025-10-09T10:20"));
        assertThat(calendar.addWorkingDays(hallTime("2026-11-18T21:00"), 1)).as("after closing")
                .isEqualTo(hallTime("2026-11-19T21:00"));
    }

    @Test
    void dueInstantUsesTheHallsDateNotTheUtcDate() {
        // Saturday 00:30 in the hall is Friday 16:30 UTC: counting from the UTC date would end on Tuesday 00:30
        assertThat(calendar.addWorkingDays(hallTime("2026-11-21T00:30"), 1)).isEqualTo(hallTime("2026-11-23T00:30"));
        assertThat(calendar.addWorkingDays(hallTime("2026-11-20T23:30"), 1)).isEqualTo(hallTime("2026-11-23T23:30"));
    }

    @ParameterizedTest(name = "JVM default zone {0}")
    @ValueSource(strings = {"UTC", "America/New_York", "Asia/Shanghai", "Pacific/Kiritimati"})
    void theServersOwnZoneChangesNothing(String serverZone) {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(serverZone));
            WorkingDayCalendar onThatServer = ShippedNotices.hallCalendar();

            assertThat(onThatServer.addWorkingHours(hallTime("2026-11-18T11:00"), Duration.ofHours(2)))
                    .isEqualTo(hallTime("2026-11-18T14:30"));
            assertThat(onThatServer.addWorkingHours(hallTime("2026-02-14T17:00"), Duration.ofHours(1)))
                    .isEqualTo(hallTime("2026-02-24T09:30"));
            assertThat(onThatServer.addWorkingHours(hallTime("2026-11-20T20:00"), Duration.ofHours(1)))
                    .isEqualTo(hallTime("2026-11-23T10:00"));
            assertThat(onThatServer.workingTimeBetween(hallTime("2026-02-13T17:00"), hallTime("2026-02-24T09:30")))
                    .isEqualTo(Duration.ofHours(8));
            assertThat(onThatServer.addWorkingDays(hallTime("2026-11-21T00:30"), 1)).isEqualTo(hallTime("2026-11-23T00:30"));
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void aHallInAnotherZoneReadsTheSameInstantByItsOwnClock() {
        WorkingDayCalendar utcHall = new WorkingDayCalendar(ShippedNotices.all(),
                OfficeHours.parse(ShippedNotices.HALL_HOURS), ZoneId.of("UTC"));
        // 17:00 in Shanghai is 09:00 UTC: the UTC hall has just opened
        Instant shanghaiFivePm = hallTime("2026-11-18T17:00");
        assertThat(utcHall.addWorkingHours(shanghaiFivePm, Duration.ofHours(1))).isEqualTo(hallTime("2026-11-18T18:00"));
        assertThat(utcHall.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(utcHall.isWorkingDay(day("2026-02-14"))).isTrue();
    }
}
