package cn.yijianshi.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;

/**
 * The days off the law itself fixes for a year, before the State Council's notice for that year is out:
 * 《全国年节及纪念日放假办法》 (国务院令第 270 号, as revised by 国务院令第 795 号 of 2024-11-10, in force
 * since 2025-01-01), art. 2: 元旦 1 day (Jan 1), 春节 4 days (除夕 to 正月初三), 清明节 1 day (the day of the
 * solar term 清明), 劳动节 2 days (May 1-2), 端午节 1 day (5th of the 5th lunar month), 中秋节 1 day (15th of
 * the 8th lunar month), 国庆节 3 days (Oct 1-3); art. 6: a holiday for all citizens that falls on a Saturday
 * or Sunday is compensated on a working day (补假).
 *
 * <p>补假 is given as the notices give it: on the working days right after the holiday. When two holidays
 * fall on the same day (中秋节 on 10月3日 in 2028) each statutory day is still owed, so the day is compensated
 * as well, as the notice of 2020 did for 中秋节 on 国庆节. What only the notice decides (longer breaks, the
 * weekend make-up days of 调休) stays unknown until it is loaded: a calendar resting on these days is
 * provisional.
 *
 * <p>Lunar dates and 清明 (the Beijing day on which the sun's apparent ecliptic longitude reaches 15°) come from
 * lunar-java (cn.6tail:lunar), which computes new moons and solar terms from the 寿星天文历 series, in Beijing
 * time: no table of years. ICU4J's ChineseCalendar was tried first and puts 正月初一 of 2027 on Feb 7 and of
 * 2030 on Feb 2, a day off each: its new moon is minutes off, and both new moons are minutes from midnight
 * (2027-02-06 23:56, 2030-02-03 00:07 Beijing time). The rule is applied from 2025 (the revision's first
 * year) to {@link #LAST_YEAR}; outside those years a year without a notice counts weekends only.
 */
public final class StatutoryHolidays {

    /** The first year the 2024 revision (除夕, 劳动节 2 days) governs. */
    public static final int FIRST_YEAR = 2025;
    /** Beyond this, leap seconds not yet known make new moons near midnight uncertain to the day. */
    public static final int LAST_YEAR = 2099;

    static final String COMPENSATION = "（补假）";


    private static final Map<Integer, SortedMap<LocalDate, HolidayNotice.NoticeDay>> BY_YEAR = new ConcurrentHashMap<>();

    private StatutoryHolidays() {
    }

    /** True for the years this rule is applied to. */
    public static boolean governs(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /**
     * The statutory days off of {@code year} and their 补假, in date order, all {@code offDay}; empty for a year
     * the rule does not govern.
     */
    public static SortedMap<LocalDate, HolidayNotice.NoticeDay> daysOff(int year) {
        if (!governs(year)) {
            return Collections.emptySortedMap();
        }
        return BY_YEAR.computeIfAbsent(year, StatutoryHolidays::compute);
    }

    /** The statutory day off (or 补假) on {@code date}, if any. */
    public static Optional<HolidayNotice.NoticeDay> on(LocalDate date) {
        return Optional.ofNullable(daysOff(date.getYear()).get(date));
    }

    /** 清明: the Beijing date on which the sun's ecliptic longitude reaches 15°. */
    public static LocalDate qingming(int year) {
        Solar term = Lunar.fromYmd(year, 3, 1).getJieQiTable().get("清明");
        LocalDate day = LocalDate.of(term.getYear(), term.getMonth(), term.getDay());
        if (day.getYear() != year || day.getMonthValue() != 4 || day.getDayOfMonth() < 4 || day.getDayOfMonth() > 6) {
            throw new IllegalStateException("清明 computed outside April 4-6 of " + year + ": " + day);
        }
        return day;
    }

    /** 正月初一 of the lunar year that begins in Gregorian {@code year}. */
    public static LocalDate lunarNewYear(int year) {
        return lunarDate(year, 1, 1);
    }

    /** The Gregorian date of day {@code day} of (non-leap) month {@code month} of the lunar year beginning in {@code year}. */
    static LocalDate lunarDate(int year, int month, int day) {
        Solar solar = Lunar.fromYmd(year, month, day).getSolar();
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }

    private static SortedMap<LocalDate, HolidayNotice.NoticeDay> compute(int year) {
        // each statutory day, by date; a date two holidays share is owed twice
        TreeMap<LocalDate, List<String>> statutory = new TreeMap<>();
        add(statutory, "元旦", LocalDate.of(year, 1, 1), 1);
        add(statutory, "春节", lunarNewYear(year).minusDays(1), 4);
        add(statutory, "清明节", qingming(year), 1);
        add(statutory, "劳动节", LocalDate.of(year, 5, 1), 2);
        add(statutory, "端午节", lunarDate(year, 5, 5), 1);
        add(statutory, "国庆节", LocalDate.of(year, 10, 1), 3); // before 中秋节: a shared day reads 国庆节、中秋节
        add(statutory, "中秋节", lunarDate(year, 8, 15), 1);

        TreeMap<LocalDate, HolidayNotice.NoticeDay> off = new TreeMap<>();
        statutory.forEach((date, names) -> off.put(date, new HolidayNotice.NoticeDay(String.join("、", names), date, true)));

        // art. 6: per run of consecutive holiday days, the days owed that the run could not give on a working day
        // are given on the first working days after it
        List<LocalDate> run = new ArrayList<>();
        for (LocalDate date : new ArrayList<>(statutory.keySet())) {
            if (!run.isEmpty() && !run.get(run.size() - 1).plusDays(1).equals(date)) {
                compensate(run, statutory, off, year);
                run.clear();
            }
            run.add(date);
        }
        compensate(run, statutory, off, year);
        return Collections.unmodifiableSortedMap(off);
    }

    private static void add(TreeMap<LocalDate, List<String>> statutory, String name, LocalDate first, int days) {
        for (int i = 0; i < days; i++) {
            statutory.computeIfAbsent(first.plusDays(i), d -> new ArrayList<>()).add(name);
        }
    }

    private static void compensate(List<LocalDate> run, TreeMap<LocalDate, List<String>> statutory,
                                   TreeMap<LocalDate, HolidayNotice.NoticeDay> off, int year) {
        if (run.isEmpty()) {
            return;
        }
        long owed = run.stream().mapToLong(date -> statutory.get(date).size()).sum();
        long given = run.stream().filter(date -> !weekend(date)).count();
        String name = off.get(run.get(run.size() - 1)).name() + COMPENSATION;
        LocalDate date = run.get(run.size() - 1);
        for (long left = owed - given; left > 0; ) {
            date = date.plusDays(1);
            if (date.getYear() != year) {
                break; // never happens under the law's dates: nothing is owed at the end of December
            }
            if (!weekend(date) && !off.containsKey(date)) {
                off.put(date, new HolidayNotice.NoticeDay(name, date, true));
                left--;
            }
        }
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
