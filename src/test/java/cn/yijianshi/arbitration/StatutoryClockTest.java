package cn.yijianshi.arbitration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import cn.yijianshi.TestCalendars;
import cn.yijianshi.sla.HallCalendar;
import cn.yijianshi.sla.HolidayNotice;
import org.junit.jupiter.api.Test;

/** The labour-arbitration deadlines across the National Day and Spring Festival holidays. */
class StatutoryClockTest {

    private final StatutoryClock law = new StatutoryClock(HallCalendar.fixed(TestCalendars.shipped()));

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void theFiveAcceptanceDaysAreWorkingDaysAndSkipTheNationalDayHoliday() {
        // 09-30, (10-01..07 off), 10-08, 10-09, 10-10 (make-up Saturday), 10-12
        assertThat(law.acceptanceDeadline(day("2026-09-29"))).isEqualTo(day("2026-10-12"));
        assertThat(law.acceptanceDeadline(day("2026-11-23"))).isEqualTo(day("2026-11-30"));
    }

    @Test
    void theAwardPeriodIs45NaturalDaysEndingOnTheNextWorkingDayAfterAHoliday() {
        assertThat(law.awardDeadline(day("2026-08-17"), false)).as("ends 10-01, National Day").isEqualTo(day("2026-10-08"));
        assertThat(law.awardDeadline(day("2026-01-01"), false)).as("ends 02-15, Spring Festival").isEqualTo(day("2026-02-24"));
        assertThat(law.awardDeadline(day("2025-12-31"), false)).as("ends on the make-up Saturday 02-14").isEqualTo(day("2026-02-14"));
        assertThat(law.awardDeadline(day("2026-11-02"), false)).isEqualTo(day("2026-12-17"));
    }

    @Test
    void oneExtensionAddsFifteenDays() {
        assertThat(law.awardDeadline(day("2026-01-01"), true)).isEqualTo(day("2026-03-02"));
        assertThat(law.awardDeadline(day("2026-08-02"), true)).as("60 days end 10-01").isEqualTo(day("2026-10-08"));
    }

    @Test
    void mediationRunsFifteenNaturalDays() {
        assertThat(law.mediationDeadline(day("2026-09-20"))).isEqualTo(day("2026-10-08"));
        assertThat(law.mediationDeadline(day("2026-11-02"))).isEqualTo(day("2026-11-17"));
    }

    @Test
    void aDeadlinePassesAtTheStartOfTheNextDayInTheHallsZone() {
        assertThat(law.passedAt(day("2026-10-12")).toInstant().toString()).isEqualTo("2026-10-12T16:00:00Z");
    }

    @Test
    void aDeadlineInAYearWithoutANoticeIsProvisional() {
        assertThat(law.provisional(day("2026-12-31"))).isFalse();
        assertThat(law.provisional(day("2027-01-04"))).as("no 2027 notice is shipped").isTrue();
        assertThat(law.provisional(null)).isFalse();
    }

    @Test
    void aNewCalendarGivesTheDeadlinesFromTheSameRecordedStart() {
        var with2027 = TestCalendars.shipped().withNotice(new HolidayNotice(2027, java.util.List.of("假设（测试）"), java.util.List.of(
                new HolidayNotice.NoticeDay("元旦", day("2027-01-01"), true),
                new HolidayNotice.NoticeDay("元旦", day("2027-01-04"), true))));
        assertThat(law.awardDeadline(day("2026-11-17"), false, with2027)).as("45 days end 01-01, then 01-04 off too")
                .isEqualTo(day("2027-01-05"));
        assertThat(law.acceptanceDeadline(day("2026-12-28"), with2027)).as("12-29, 12-30, 12-31, 01-05, 01-06")
                .isEqualTo(day("2027-01-06"));
        assertThat(law.awardDeadline(day("2026-09-01"), true, with2027)).isEqualTo(law.awardDeadline(day("2026-09-01"), true)); // untouched by 2027
    }
}
