package cn.yijianshi.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * China's working-day calendar for the hall: Monday to Friday work, weekends off, except the days the
 * State Council notices list (holidays off, 调休 weekend days on). A year without a notice falls back to
 * weekends only — {@link #covers(int)} tells callers, who must say so loudly. Instants are read as wall
 * time in the hall's zone, whatever the JVM's zone.
 */
public final class WorkingDayCalendar {

    /** No period in the hall runs longer than this; a loop past it means a broken calendar. */
    private static final int MAX_DAYS_SCANNED = 3700;

    private final Map<LocalDate, HolidayNotice.NoticeDay> listed = new HashMap<>();
    private final Set<Integer> years = new TreeSet<>();
    private final OfficeHours officeHours;
    private final ZoneId zone;

    public WorkingDayCalendar(Collection<HolidayNotice> notices, OfficeHours officeHours, ZoneId zone) {
        for (HolidayNotice notice : notices) {
            years.add(notice.year());
            notice.days().forEach(day -> listed.put(day.date(), day));
        }
        this.officeHours = officeHours;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public OfficeHours officeHours() {
        return officeHours;
    }

    public boolean isWorkingDay(LocalDate date) {
        HolidayNotice.NoticeDay day = listed.get(date);
        if (day != null) {
            return !day.offDay();
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The notice's name for a listed day (春节, 国庆节 ...), also for a make-up working day. */
    public Optional<String> dayName(LocalDate date) {
        return Optional.ofNullable(listed.get(date)).map(HolidayNotice.NoticeDay::name);
    }

    public Set<Integer> coveredYears() {
        return Set.copyOf(years);
    }

    public boolean covers(int year) {
        return years.contains(year);
    }

    /** The N-th working day after {@code from} ({@code from} itself not counted). */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days: 不能为负数 / days: must not be negative");
        }
        LocalDate date = from;
        int counted = 0;
        for (int scanned = 0; counted < days; scanned++) {
            guard(scanned);
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /**
     * The same wall-clock time on the N-th working day after {@code from}'s date. A task created at 16:00
     * with one working day is due at 16:00 the next working day, as the hall counts it; the time may fall
     * after closing, which is still that day.
     */
    public Instant addWorkingDays(Instant from, int days) {
        ZonedDateTime start = from.atZone(zone);
        return addWorkingDays(start.toLocalDate(), days).atTime(start.toLocalTime()).atZone(zone).toInstant();
    }

    /** Moves forward through office hours of working days only; outside them, counting starts at the next window. */
    public Instant addWorkingHours(Instant from, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("workingTime: 不能为负 / workingTime: must not be negative");
        }
        if (workingTime.isZero()) {
            return from;
        }
        LocalDateTime cursor = LocalDateTime.ofInstant(from, zone);
        Duration remaining = workingTime;
        for (int scanned = 0; ; scanned++) {
            guard(scanned);
            LocalDate date = cursor.toLocalDate();
            if (isWorkingDay(date)) {
                for (OfficeHours.Window window : officeHours.windows()) {
                    LocalTime start = cursor.toLocalTime().isAfter(window.start()) ? cursor.toLocalTime() : window.start();
                    if (!start.isBefore(window.end())) {
                        continue;
                    }
                    Duration available = Duration.between(start, window.end());
                    if (remaining.compareTo(available) <= 0) {
                        return date.atTime(start).plus(remaining).atZone(zone).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            cursor = date.plusDays(1).atStartOfDay();
        }
    }

    /** Office-hours working time between two instants (zero if {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        LocalDateTime end = LocalDateTime.ofInstant(to, zone);
        Duration total = Duration.ZERO;
        LocalDate date = start.toLocalDate();
        for (int scanned = 0; !date.isAfter(end.toLocalDate()); scanned++) {
            guard(scanned);
            if (isWorkingDay(date)) {
                for (OfficeHours.Window window : officeHours.windows()) {
                    LocalDateTime windowStart = date.atTime(window.start());
                    LocalDateTime windowEnd = date.atTime(window.end());
                    LocalDateTime a = start.isAfter(windowStart) ? start : windowStart;
                    LocalDateTime b = end.isBefore(windowEnd) ? end : windowEnd;
                    if (b.isAfter(a)) {
                        total = total.plus(Duration.between(a, b));
                    }
                }
            }
            date = date.plusDays(1);
        }
        return total;
    }

    /** How many working days d there are with {@code from} < d <= {@code to}. */
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        long count = 0;
        LocalDate date = from;
        for (int scanned = 0; date.isBefore(to); scanned++) {
            guard(scanned);
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    /**
     * A period counted in natural days (劳动人事争议仲裁办案规则): the day of the event is not counted, and a
     * period whose last day is a holiday or rest day ends on the next working day.
     */
    public LocalDate endOfNaturalDayPeriod(LocalDate eventDay, int naturalDays) {
        LocalDate end = eventDay.plusDays(naturalDays);
        for (int scanned = 0; !isWorkingDay(end); scanned++) {
            guard(scanned);
            end = end.plusDays(1);
        }
        return end;
    }

    private static void guard(int scanned) {
        if (scanned > MAX_DAYS_SCANNED) {
            throw new IllegalStateException("working-day calendar scanned more than " + MAX_DAYS_SCANNED + " days");
        }
    }
}
