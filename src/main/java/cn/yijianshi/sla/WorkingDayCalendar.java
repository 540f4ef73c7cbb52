package cn.yijianshi.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.yijianshi.sla.HolidayNotice.NoticeDay;
import cn.yijianshi.sla.OfficeHours.Window;

/**
 * Working days and working hours of a service hall, as Chinese time limits count them: Monday to Friday
 * work, Saturday and Sunday off, except for the days a State Council notice lists: its holidays are off and
 * its make-up days (调休补班), even on a weekend, are working days.
 *
 * <p>For a year without a notice the calendar takes the days off the law itself fixes ({@link StatutoryHolidays}:
 * the statutory holidays and their 补假) and guesses nothing else: the notice's own arrangement (longer breaks,
 * 调休 make-up days) is unknown until it is loaded. Such a year is {@linkplain #provisional(LocalDate) provisional};
 * callers say so and warn, so that an administrator loads the notice.
 *
 * <p>Wall-clock times are read in the hall's zone, never in the JVM's default zone. Immutable and thread-safe.
 */
public final class WorkingDayCalendar {

    private final Map<Integer, HolidayNotice> notices;
    private final Map<LocalDate, NoticeDay> listedDays;
    private final SortedSet<Integer> coveredYears;
    private final OfficeHours officeHours;
    private final ZoneId zone;

    public WorkingDayCalendar(Collection<HolidayNotice> notices, OfficeHours officeHours, ZoneId zone) {
        this.officeHours = Objects.requireNonNull(officeHours, "officeHours");
        this.zone = Objects.requireNonNull(zone, "zone");
        Map<Integer, HolidayNotice> byYear = new TreeMap<>();
        Map<LocalDate, NoticeDay> days = new HashMap<>();
        for (HolidayNotice notice : Objects.requireNonNull(notices, "notices")) {
            if (byYear.putIfAbsent(notice.year(), notice) != null) {
                // two notices for one year would make the calendar depend on loading order
                throw new IllegalArgumentException("同一年份有两份节假日通知：" + notice.year()
                        + " / two holiday notices for the year " + notice.year());
            }
            // a notice's days are all in its year and unique (HolidayNotice checks), so no two notices collide
            notice.days().forEach(day -> days.put(day.date(), day));
        }
        this.notices = Collections.unmodifiableMap(byYear);
        this.listedDays = Collections.unmodifiableMap(days);
        this.coveredYears = Collections.unmodifiableSortedSet(new TreeSet<>(byYear.keySet()));
    }

    /** A calendar with {@code notice} added, replacing any notice already held for its year. */
    public WorkingDayCalendar withNotice(HolidayNotice notice) {
        Objects.requireNonNull(notice, "notice");
        List<HolidayNotice> updated = new ArrayList<>(notices.values());
        updated.removeIf(held -> held.year() == notice.year());
        updated.add(notice);
        return new WorkingDayCalendar(updated, officeHours, zone);
    }

    public OfficeHours officeHours() {
        return officeHours;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The years a notice was loaded for, in order. */
    public SortedSet<Integer> coveredYears() {
        return coveredYears;
    }

    /** False means no notice is loaded for this year: only its statutory days off are known. */
    public boolean covers(int year) {
        return coveredYears.contains(year);
    }

    /**
     * True when the answer for {@code date} rests on a year without a loaded State Council notice: the
     * statutory days are known from the law, the notice's own arrangement (调休) is not.
     */
    public boolean provisional(LocalDate date) {
        return !covers(date.getYear());
    }

    /** True when a count from {@code from} (not counted) to {@code to} rests on a provisional year. */
    public boolean provisionalBetween(LocalDate from, LocalDate to) {
        LocalDate first = from.plusDays(1);
        if (to.isBefore(first)) {
            return false;
        }
        for (int year = first.getYear(); year <= to.getYear(); year++) {
            if (!covers(year)) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #provisionalBetween(LocalDate, LocalDate)}, for instants read in the hall's zone. */
    public boolean provisionalBetween(Instant from, Instant to) {
        return provisionalBetween(from.atZone(zone).toLocalDate().minusDays(1), to.atZone(zone).toLocalDate());
    }

    public boolean isWorkingDay(LocalDate date) {
        NoticeDay listed = listed(date);
        if (listed != null) {
            return !listed.offDay();
        }
        DayOfWeek weekday = date.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** The notice's name for a listed day, holiday or make-up day alike, e.g. "春节"; in a provisional year the law's. */
    public Optional<String> dayName(LocalDate date) {
        return Optional.ofNullable(listed(date)).map(NoticeDay::name);
    }

    /** The notice's day, or for a year without a notice the statutory day off. */
    private NoticeDay listed(LocalDate date) {
        if (covers(date.getYear())) {
            return listedDays.get(date);
        }
        return StatutoryHolidays.daysOff(date.getYear()).get(date);
    }

    /** The {@code days}-th working day after {@code from}; {@code from} itself is not counted. */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        Objects.requireNonNull(from, "from");
        requireNotNegative(days, "工作日天数", "working days");
        LocalDate date = from;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /**
     * The same wall-clock time, in the hall's zone, on the {@code days}-th working day after {@code from}'s date:
     * the due instant of a task whose limit is counted in working days.
     */
    public Instant addWorkingDays(Instant from, int days) {
        ZonedDateTime start = Objects.requireNonNull(from, "from").atZone(zone);
        // The wall-clock time is kept as given; the hall's own promises first move an arrival outside office hours
        // to the next opening (receivedAt), so that the N working days hold N full office days.
        return start.with(addWorkingDays(start.toLocalDate(), days)).toInstant();
    }

    /**
     * When something that arrived at {@code arrival} counts as received for the hall's own promises (task limits,
     * the whole-case promise, issue deadlines): during office hours of a working day, at once; before the day's
     * opening, at the opening; on a rest day or after the day's closing, at the next working day's opening. So a
     * limit of N working days counted from this instant always holds N full office days. (The calendar look-up
     * and the arbitration clock count from the date itself, as their rules say.)
     */
    public Instant receivedAt(Instant arrival) {
        LocalDateTime local = LocalDateTime.ofInstant(Objects.requireNonNull(arrival, "arrival"), zone);
        LocalDate date = local.toLocalDate();
        LocalTime opening = officeHours.windows().get(0).start();
        LocalTime closing = officeHours.windows().get(officeHours.windows().size() - 1).end();
        if (isWorkingDay(date) && local.toLocalTime().isBefore(closing)) {
            return local.toLocalTime().isBefore(opening) ? ZonedDateTime.of(date, opening, zone).toInstant() : arrival;
        }
        do {
            date = date.plusDays(1);
        } while (!isWorkingDay(date));
        return ZonedDateTime.of(date, opening, zone).toInstant();
    }

    /** The hall's date of {@link #receivedAt(Instant)}: the day a date-based promise counts from (not counted). */
    public LocalDate receivedOn(Instant arrival) {
        return receivedAt(arrival).atZone(zone).toLocalDate();
    }

    /** Number of working days d with {@code from < d <= to}; zero when {@code to} is not after {@code from}. */
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        long count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    /**
     * End of a period counted in natural days, as labour dispute arbitration counts it: the day of the event
     * is not counted, and a period whose last day is not a working day ends on the next working day.
     */
    public LocalDate endOfNaturalDayPeriod(LocalDate eventDay, int naturalDays) {
        Objects.requireNonNull(eventDay, "eventDay");
        requireNotNegative(naturalDays, "自然日天数", "natural days");
        LocalDate end = eventDay.plusDays(naturalDays);
        while (!isWorkingDay(end)) {
            end = end.plusDays(1);
        }
        return end;
    }

    /**
     * The instant at which {@code workingTime} of office hours on working days has passed since {@code from}.
     * Counting starts at the next opening when {@code from} is outside office hours; a result that falls
     * exactly on a closing time stays there rather than moving to the next opening.
     */
    public Instant addWorkingHours(Instant from, Duration workingTime) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(workingTime, "workingTime");
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("工作时长不能为负：" + workingTime
                    + " / working time must not be negative: " + workingTime);
        }
        if (workingTime.isZero()) {
            return from;
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        LocalDate date = start.toLocalDate();
        LocalTime notBefore = start.toLocalTime();
        Duration left = workingTime;
        while (true) {
            if (isWorkingDay(date)) {
                for (Window window : officeHours.windows()) {
                    if (!notBefore.isBefore(window.end())) {
                        continue;
                    }
                    LocalTime open = notBefore.isAfter(window.start()) ? notBefore : window.start();
                    Duration available = Duration.between(open, window.end());
                    if (left.compareTo(available) <= 0) {
                        return ZonedDateTime.of(date, open.plus(left), zone).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            date = date.plusDays(1);
            notBefore = LocalTime.MIN;
        }
    }

    /** Office-hours time on working days between two instants; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        LocalDateTime end = LocalDateTime.ofInstant(to, zone);
        Duration total = Duration.ZERO;
        for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            LocalTime lower = date.equals(start.toLocalDate()) ? start.toLocalTime() : LocalTime.MIN;
            boolean lastDay = date.equals(end.toLocalDate());
            for (Window window : officeHours.windows()) {
                LocalTime open = lower.isAfter(window.start()) ? lower : window.start();
                LocalTime close = lastDay && end.toLocalTime().isBefore(window.end()) ? end.toLocalTime() : window.end();
                if (close.isAfter(open)) {
                    total = total.plus(Duration.between(open, close));
                }
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[years=" + coveredYears + ", officeHours=" + officeHours + ", zone=" + zone + "]";
    }

    private static void requireNotNegative(int value, String chinese, String english) {
        if (value < 0) {
            throw new IllegalArgumentException(chinese + "不能为负：" + value + " / " + english + " must not be negative: "
                    + value);
        }
    }
}
