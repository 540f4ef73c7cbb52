package cn.yijianshi.sla;

import static cn.yijianshi.sla.ShippedNotices.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The days off 《全国年节及纪念日放假办法》 (2024 revision) fixes before a year's notice is out, worked out by
 * hand for 2027 and 2028 from the published lunar calendar (Hong Kong Observatory / Purple Mountain
 * Observatory tables) and the 清明 solar term, and checked against the shipped 2024-2026 notices.
 */
class StatutoryHolidaysTest {

    @Test
    void year2027() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("2027-01-01", "元旦");                 // Friday
        expected.put("2027-02-05", "春节");                 // 除夕, Friday (正月初一 is Saturday 2027-02-06)
        expected.put("2027-02-06", "春节");                 // Saturday
        expected.put("2027-02-07", "春节");                 // Sunday
        expected.put("2027-02-08", "春节");                 // 正月初三, Monday
        expected.put("2027-02-09", "春节（补假）");          // for Saturday 02-06
        expected.put("2027-02-10", "春节（补假）");          // for Sunday 02-07
        expected.put("2027-04-05", "清明节");               // Monday
        expected.put("2027-05-01", "劳动节");               // Saturday
        expected.put("2027-05-02", "劳动节");               // Sunday
        expected.put("2027-05-03", "劳动节（补假）");
        expected.put("2027-05-04", "劳动节（补假）");
        expected.put("2027-06-09", "端午节");               // 五月初五, Wednesday
        expected.put("2027-09-15", "中秋节");               // 八月十五, Wednesday
        expected.put("2027-10-01", "国庆节");               // Friday
        expected.put("2027-10-02", "国庆节");               // Saturday
        expected.put("2027-10-03", "国庆节");               // Sunday
        expected.put("2027-10-04", "国庆节（补假）");
        expected.put("2027-10-05", "国庆节（补假）");
        assertThat(namesOf(2027)).containsExactlyEntriesOf(expected);
    }

    @Test
    void year2028() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("2028-01-01", "元旦");                 // Saturday
        expected.put("2028-01-03", "元旦（补假）");          // Monday (01-02 is a Sunday)
        expected.put("2028-01-25", "春节");                 // 除夕, Tuesday (正月初一 is 2028-01-26)
        expected.put("2028-01-26", "春节");
        expected.put("2028-01-27", "春节");
        expected.put("2028-01-28", "春节");                 // 正月初三, Friday: nothing on a weekend
        expected.put("2028-04-04", "清明节");               // Tuesday
        expected.put("2028-05-01", "劳动节");               // Monday
        expected.put("2028-05-02", "劳动节");
        expected.put("2028-05-28", "端午节");               // Sunday
        expected.put("2028-05-29", "端午节（补假）");
        expected.put("2028-10-01", "国庆节");               // Sunday
        expected.put("2028-10-02", "国庆节");
        expected.put("2028-10-03", "国庆节、中秋节");        // 八月十五 is 国庆节's third day
        expected.put("2028-10-04", "国庆节、中秋节（补假）"); // for Sunday 10-01
        expected.put("2028-10-05", "国庆节、中秋节（补假）"); // for 中秋节, which shared a day with 国庆节
        assertThat(namesOf(2028)).containsExactlyEntriesOf(expected);
    }

    @ParameterizedTest(name = "清明 {0}")
    @CsvSource({"2024, 2024-04-04", "2025, 2025-04-04", "2026, 2026-04-05", "2027, 2027-04-05", "2028, 2028-04-04",
            "2029, 2029-04-04", "2030, 2030-04-05", "2031, 2031-04-05", "2032, 2032-04-04"})
    void qingmingIsTheDayTheSunReaches15Degrees(int year, String date) {
        assertThat(StatutoryHolidays.qingming(year)).isEqualTo(day(date));
    }

    @ParameterizedTest(name = "正月初一 {0}")
    // 2027 and 2030: new moons minutes from midnight Beijing time (ICU4J 79.1 gets both a day wrong)
    @CsvSource({"2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06", "2028, 2028-01-26",
            "2029, 2029-02-13", "2030, 2030-02-03", "2031, 2031-01-23", "2033, 2033-01-31"})
    void lunarNewYear(int year, String date) {
        assertThat(StatutoryHolidays.lunarNewYear(year)).isEqualTo(day(date));
    }

    @ParameterizedTest(name = "the {0} notice gives every statutory day off")
    @ValueSource(ints = {2025, 2026})
    void everyStatutoryDayIsOffInTheShippedNotices(int year) {
        Set<LocalDate> noticeOff = ShippedNotices.year(year).days().stream().filter(HolidayNotice.NoticeDay::offDay)
                .map(HolidayNotice.NoticeDay::date).collect(Collectors.toSet());
        Set<LocalDate> statutory = StatutoryHolidays.daysOff(year).values().stream()
                .filter(d -> !d.name().endsWith(StatutoryHolidays.COMPENSATION))
                .map(HolidayNotice.NoticeDay::date).collect(Collectors.toSet());
        // weekday statutory days must be off in the notice; the weekend ones are off anyway
        WorkingDayCalendar shipped = ShippedNotices.hallCalendar();
        assertThat(statutory).hasSizeGreaterThanOrEqualTo(12);
        for (LocalDate date : statutory) {
            assertThat(shipped.isWorkingDay(date)).as(date.toString()).isFalse();
            if (date.getDayOfWeek().getValue() <= 5) {
                assertThat(noticeOff).as(date.toString()).contains(date);
            }
        }
        // the notice gives at least as many days off on weekdays as the law and its 补假 do
        long lawWeekdaysOff = StatutoryHolidays.daysOff(year).keySet().stream().filter(d -> d.getDayOfWeek().getValue() <= 5).count();
        long noticeWeekdaysOff = noticeOff.stream().filter(d -> d.getDayOfWeek().getValue() <= 5).count()
                - ShippedNotices.year(year).days().stream().filter(d -> !d.offDay()).count(); // each make-up day gives one back
        assertThat(noticeWeekdaysOff).isGreaterThanOrEqualTo(lawWeekdaysOff);
    }

    @Test
    void the2024NoticeGivesTheOlderLawsDays() {
        // 2024 was still under the 2013 rule (no 除夕, 劳动节 one day): every other statutory date is off
        WorkingDayCalendar shipped = ShippedNotices.hallCalendar();
        for (String date : new String[] {"2024-01-01", "2024-02-10", "2024-02-11", "2024-02-12", "2024-04-04",
                "2024-05-01", "2024-06-10", "2024-09-17", "2024-10-01", "2024-10-02", "2024-10-03"}) {
            assertThat(shipped.isWorkingDay(day(date))).as(date).isFalse();
        }
        assertThat(StatutoryHolidays.lunarDate(2024, 5, 5)).isEqualTo(day("2024-06-10"));
        assertThat(StatutoryHolidays.lunarDate(2024, 8, 15)).isEqualTo(day("2024-09-17"));
        assertThat(StatutoryHolidays.governs(2024)).isFalse();
        assertThat(StatutoryHolidays.daysOff(2024)).isEmpty();
    }

    @Test
    void aProvisionalYearIsWorkedOutOnceAndReadFast() {
        WorkingDayCalendar calendar = ShippedNotices.hallCalendar();
        long started = System.nanoTime();
        assertThat(calendar.addWorkingDays(day("2026-12-31"), 250 * 3)).isAfter(day("2029-12-01"));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
    }

    private static Map<String, String> namesOf(int year) {
        Map<String, String> names = new LinkedHashMap<>();
        StatutoryHolidays.daysOff(year).forEach((date, day) -> {
            assertThat(day.offDay()).isTrue();
            names.put(date.toString(), day.name());
        });
        return names;
    }
}
