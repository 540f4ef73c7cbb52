package cn.yijianshi.sla;

import static cn.yijianshi.sla.ShippedNotices.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working days as the hall counts them, checked by hand against the shipped 2024-2026 notices. */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = ShippedNotices.hallCalendar();

    @ParameterizedTest(name = "{0} ({1}) is a make-up working day of {2}")
    @CsvSource({
            "2026-01-04, Sunday,   元旦",
            "2026-02-14, Saturday, 春节",
            "2026-02-28, Saturday, 春节",
            "2026-05-09, Saturday, 劳动节",
            "2026-09-20, Sunday,   国庆节",
            "2026-10-10, Saturday, 国庆节",
            "2025-09-28, Sunday,   国庆节、中秋节",
            "2025-10-11, Saturday, 国庆节、中秋节",
            "2024-02-04, Sunday,   春节"})
    void makeUpWeekendDayCountsAsWorkingDay(String date, String weekday, String name) {
        assertThat(day(date).getDayOfWeek().toString()).isEqualToIgnoringCase(weekday);
        assertThat(calendar.isWorkingDay(day(date))).isTrue();
        assertThat(calendar.dayName(day(date))).contains(name);
    }

    @Test
    void ordinaryWeekendIsOffAndOrdinaryWeekdayIsOnWithoutAName() {
        assertThat(calendar.isWorkingDay(day("2026-11-21"))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(day("2026-11-22"))).as("Sunday").isFalse();
        assertThat(calendar.isWorkingDay(day("2026-11-18"))).as("Wednesday").isTrue();
        assertThat(calendar.dayName(day("2026-11-21"))).isEmpty();
        assertThat(calendar.dayName(day("2026-11-18"))).isEmpty();
    }

    @Test
    void springFestival2026IsNineDaysOffBetweenTwoMakeUpSaturdays() {
        for (LocalDate date = day("2026-02-15"); !date.isAfter(day("2026-02-23")); date = date.plusDays(1)) {
            assertThat(calendar.isWorkingDay(date)).as(date.toString()).isFalse();
            assertThat(calendar.dayName(date)).as(date.toString()).contains("春节");
        }
        assertThat(calendar.addWorkingDays(day("2026-02-13"), 1)).as("Friday -> make-up Saturday").isEqualTo(day("2026-02-14"));
        assertThat(calendar.addWorkingDays(day("2026-02-14"), 1)).as("over the holiday").isEqualTo(day("2026-02-24"));
        // 02-14, 02-24, 02-25, 02-26, 02-27
        assertThat(calendar.addWorkingDays(day("2026-02-13"), 5)).isEqualTo(day("2026-02-27"));
        // 02-27 Friday, then 02-28 the second make-up Saturday
        assertThat(calendar.addWorkingDays(day("2026-02-26"), 2)).isEqualTo(day("2026-02-28"));
    }

    @Test
    void applicationBeforeNationalDay2025WaitsOutTheEightDayHoliday() {
        for (LocalDate date = day("2025-10-01"); !date.isAfter(day("2025-10-08")); date = date.plusDays(1)) {
            assertThat(calendar.isWorkingDay(date)).as(date.toString()).isFalse();
        }
        assertThat(calendar.dayName(day("2025-10-06"))).contains("国庆节、中秋节");
        assertThat(calendar.addWorkingDays(day("2025-09-30"), 1)).isEqualTo(day("2025-10-09"));
        // 10-09 Thursday, 10-10 Friday, 10-11 make-up Saturday
        assertThat(calendar.addWorkingDays(day("2025-09-30"), 3)).isEqualTo(day("2025-10-11"));
        assertThat(calendar.addWorkingDays(day("2025-09-26"), 1)).as("Friday -> make-up Sunday").isEqualTo(day("2025-09-28"));
        // 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10, 10-11 (make-up Saturday)
        assertThat(calendar.workingDaysBetween(day("2025-09-26"), day("2025-10-12"))).isEqualTo(6);
    }

    @Test
    void countingCrossesFromOneNoticeIntoTheNext() {
        // 2026-01-01..03 are 元旦, 01-04 is a make-up Sunday
        assertThat(calendar.addWorkingDays(day("2025-12-31"), 1)).isEqualTo(day("2026-01-04"));
        assertThat(calendar.addWorkingDays(day("2025-12-31"), 2)).isEqualTo(day("2026-01-05"));
        assertThat(calendar.addWorkingDays(day("2025-12-30"), 2)).isEqualTo(day("2026-01-04"));
        assertThat(calendar.workingDaysBetween(day("2025-12-30"), day("2026-01-05"))).isEqualTo(3);
    }

    @Test
    void zeroWorkingDaysIsTheSameDayAndNegativeIsRefused() {
        assertThat(calendar.addWorkingDays(day("2026-02-15"), 0)).isEqualTo(day("2026-02-15"));
        assertThatThrownBy(() -> calendar.addWorkingDays(day("2026-02-15"), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不能为负");
    }

    @Test
    void countingStartsTheDayAfterEvenWhenFiledOnAHoliday() {
        assertThat(calendar.addWorkingDays(day("2026-02-21"), 1)).isEqualTo(day("2026-02-24"));
        assertThat(calendar.addWorkingDays(day("2026-11-21"), 1)).as("from a Saturday").isEqualTo(day("2026-11-23"));
    }

    @Test
    void a2026CalendarYearHas248WorkingDays() {
        // 261 weekdays - 19 weekday holidays (元旦 2, 春节 6, 清明 1, 劳动节 3, 端午 1, 中秋 1, 国庆 5) + 6 make-up days
        assertThat(calendar.workingDaysBetween(day("2025-12-31"), day("2026-12-31"))).isEqualTo(248);
        assertThat(calendar.addWorkingDays(day("2025-12-31"), 248)).isEqualTo(day("2026-12-31"));
        // 261 - 18 + 5
        assertThat(calendar.workingDaysBetween(day("2024-12-31"), day("2025-12-31"))).isEqualTo(248);
    }

    @Test
    void workingDaysBetweenCountsTheEndButNotTheStart() {
        assertThat(calendar.workingDaysBetween(day("2026-11-16"), day("2026-11-20"))).as("Mon -> Fri").isEqualTo(4);
        assertThat(calendar.workingDaysBetween(day("2026-11-20"), day("2026-11-20"))).isZero();
        assertThat(calendar.workingDaysBetween(day("2026-11-20"), day("2026-11-16"))).as("backwards").isZero();
        assertThat(calendar.workingDaysBetween(day("2026-02-14"), day("2026-02-23"))).as("inside 春节").isZero();
    }

    @Test
    void yearWithoutANoticeTakesTheLawsDaysOffAndSaysSo() {
        assertThat(calendar.coveredYears()).containsExactly(2024, 2025, 2026);
        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2027)).isFalse();
        assertThat(calendar.covers(2023)).isFalse();
        assertThat(calendar.provisional(day("2026-12-31"))).isFalse();
        assertThat(calendar.provisional(day("2027-01-01"))).isTrue();
        // 2027-01-01 is a Friday: the law makes it 元旦 even before the 2027 notice; the answer is provisional
        assertThat(calendar.isWorkingDay(day("2027-01-01"))).isFalse();
        assertThat(calendar.dayName(day("2027-01-01"))).contains("元旦");
        assertThat(calendar.isWorkingDay(day("2027-01-02"))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(day("2027-10-01"))).as("国庆节, a Friday").isFalse();
        assertThat(calendar.isWorkingDay(day("2027-01-04"))).as("Monday").isTrue();
        assertThat(calendar.dayName(day("2027-01-04"))).isEmpty();
        assertThat(calendar.addWorkingDays(day("2026-12-31"), 1)).isEqualTo(day("2027-01-04"));
        assertThat(calendar.addWorkingDays(day("2026-12-31"), 2)).isEqualTo(day("2027-01-05"));
        assertThat(calendar.provisionalBetween(day("2026-12-30"), day("2026-12-31"))).isFalse();
        assertThat(calendar.provisionalBetween(day("2026-12-31"), day("2027-01-04"))).isTrue();
    }

    @Test
    void anAwardDeadlineCountedFromNovemberNoLongerEndsOnNewYearsDay() {
        // a referral accepted 2026-11-17: 45 days end on 2027-01-01 (元旦, Friday), then the weekend
        assertThat(calendar.endOfNaturalDayPeriod(day("2026-11-17"), 45)).isEqualTo(day("2027-01-04"));
    }

    @Test
    void loadingTheNextYearsNoticeLeavesTheOldCalendarAlone() {
        HolidayNotice newYear2027 = new HolidayNotice(2027, List.of(),
                List.of(new HolidayNotice.NoticeDay("元旦", day("2027-01-01"), true),
                        new HolidayNotice.NoticeDay("春节", day("2027-02-20"), false)));

        WorkingDayCalendar updated = calendar.withNotice(newYear2027);

        assertThat(updated.covers(2027)).isTrue();
        assertThat(updated.provisional(day("2027-01-01"))).isFalse();
        assertThat(updated.isWorkingDay(day("2027-01-01"))).isFalse();
        assertThat(updated.dayName(day("2027-01-01"))).contains("元旦");
        assertThat(updated.isWorkingDay(day("2027-02-20"))).as("the notice's make-up Saturday").isTrue();
        assertThat(updated.isWorkingDay(day("2027-02-09"))).as("the notice, not the law's 补假, decides").isTrue();
        assertThat(updated.isWorkingDay(day("2026-02-14"))).as("older notices kept").isTrue();
        assertThat(calendar.covers(2027)).isFalse();
        assertThat(calendar.isWorkingDay(day("2027-02-20"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2027-02-09"))).as("春节 补假 by the law").isFalse();
    }

    @Test
    void aCorrectedNoticeReplacesTheOneForItsYear() {
        HolidayNotice corrected = new HolidayNotice(2026, List.of(), List.of());

        WorkingDayCalendar updated = calendar.withNotice(corrected);

        assertThat(updated.coveredYears()).containsExactly(2024, 2025, 2026);
        assertThat(updated.isWorkingDay(day("2026-02-16"))).isTrue();
        assertThat(updated.isWorkingDay(day("2026-02-14"))).isFalse();
    }

    @Test
    void twoNoticesForOneYearAreRefused() {
        List<HolidayNotice> twice = List.of(ShippedNotices.year(2026), ShippedNotices.year(2026));
        OfficeHours hours = OfficeHours.parse(ShippedNotices.HALL_HOURS);
        ZoneId zone = ShippedNotices.HALL_ZONE;

        assertThatThrownBy(() -> new WorkingDayCalendar(twice, hours, zone))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026");
    }

    @Test
    void arbitrationPeriodEndingInsideNationalDayMovesToTheNextWorkingDay() {
        // 2026-08-17 + 45 natural days = 2026-10-01, 国庆节 until 10-07
        assertThat(calendar.endOfNaturalDayPeriod(day("2026-08-17"), 45)).isEqualTo(day("2026-10-08"));
        // 2025-08-17 + 45 = 2025-10-01, 国庆节、中秋节 until 10-08
        assertThat(calendar.endOfNaturalDayPeriod(day("2025-08-17"), 45)).isEqualTo(day("2025-10-09"));
    }

    @Test
    void arbitrationPeriodEndingOnAWorkingDayStaysThere() {
        assertThat(calendar.endOfNaturalDayPeriod(day("2026-11-03"), 15)).isEqualTo(day("2026-11-18"));
        // 2026-08-26 + 45 = 2026-10-10, a make-up Saturday
        assertThat(calendar.endOfNaturalDayPeriod(day("2026-08-26"), 45)).isEqualTo(day("2026-10-10"));
        // the days in between are natural days, holidays included: 60 days from 2026-01-30 end on 03-31
        assertThat(calendar.endOfNaturalDayPeriod(day("2026-01-30"), 60)).isEqualTo(day("2026-03-31"));
    }

    @Test
    void arbitrationPeriodEndingOnAWeekendMovesToMonday() {
        assertThat(calendar.endOfNaturalDayPeriod(day("2026-11-06"), 15)).as("ends Saturday 11-21").isEqualTo(day("2026-11-23"));
        assertThatThrownBy(() -> calendar.endOfNaturalDayPeriod(day("2026-11-06"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dueDateOf250WorkingDaysIsQuickEnoughForEveryNewTask() {
        // 248 working days in 2026, then 2027-01-04 (Monday) and 2027-01-05: 2027-01-01 is 元旦 by the law
        assertThat(calendar.addWorkingDays(day("2025-12-31"), 250)).isEqualTo(day("2027-01-05"));

        long started = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            calendar.addWorkingDays(day("2025-01-01").plusDays(i % 700), 250);
        }
        // about 350 map lookups a call; a generous bound keeps a slow build machine from failing the test
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
