package cn.yijianshi.sla;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The calendar the hall works by, read from the shared tables and kept in memory. Storing a notice raises the
 * number in calendar_version in the same transaction; {@link #current()} compares that number with the one it
 * loaded (a one-row read by primary key) at most once per yijianshi.sla.calendar-check (5 s by default) and
 * reloads the calendar when it changed. The node that loads a notice uses it at once; another node, from its
 * first computation after its next check: within yijianshi.sla.calendar-check ({@code PT0S}: at once, one read
 * per computation, a case's six tasks read it 15 times).
 */
@Component
public class HallCalendar {

    private final CalendarMapper mapper;
    private final CalendarVersionMapper versions;
    private final OfficeHours officeHours;
    private final ZoneId zone;
    private final long checkNanos;
    private volatile WorkingDayCalendar current;
    private volatile long loadedVersion = -1;
    private final LongSupplier nanoTime;
    private volatile boolean checkedOnce;
    private volatile long checkedAt;

    @Autowired
    public HallCalendar(CalendarMapper mapper, CalendarVersionMapper versions,
                        @Value("${yijianshi.zone:Asia/Shanghai}") String zone,
                        @Value("${yijianshi.sla.office-hours:09:00-12:00,13:30-17:30}") String officeHours,
                        @Value("${yijianshi.sla.calendar-check:PT5S}") Duration check) {
        this(mapper, versions, zone, officeHours, check, System::nanoTime);
    }

    /** With the node's monotonic time given, for tests of the check interval. */
    HallCalendar(CalendarMapper mapper, CalendarVersionMapper versions, String zone, String officeHours, Duration check,
                 LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.mapper = mapper;
        this.versions = versions;
        this.zone = ZoneId.of(zone);
        this.officeHours = OfficeHours.parse(officeHours);
        this.checkNanos = check.toNanos();
        this.current = new WorkingDayCalendar(List.of(), this.officeHours, this.zone);
    }

    /** A calendar that never reloads, for process tests outside Spring. */
    public static HallCalendar fixed(WorkingDayCalendar calendar) {
        HallCalendar fixed = new HallCalendar(null, null, calendar.zone().getId(), "09:00-12:00,13:30-17:30", Duration.ZERO);
        fixed.current = calendar;
        return fixed;
    }

    /** The calendar in force now, reloaded first when a notice was stored (on any node) since it was loaded. */
    public WorkingDayCalendar current() {
        if (versions != null) {
            long now = nanoTime.getAsLong();
            if (checkNanos == 0 || !checkedOnce || now - checkedAt >= checkNanos) {
                checkedAt = now;
                checkedOnce = true;
                if (versions.version() != loadedVersion) {
                    reload();
                }
            }
        }
        return current;
    }

    /** Marks the shared calendar changed; call it in the transaction that stores the change. */
    void changed() {
        if (versions != null) {
            versions.raise();
        }
    }

    public synchronized void reload() {
        if (mapper == null) {
            return;
        }
        // The number first: a notice stored while the days are read makes the next check reload again.
        long version = versions.version();
        Map<Integer, List<HolidayNotice.NoticeDay>> byYear = new TreeMap<>();
        mapper.years().forEach(year -> byYear.put(year, new ArrayList<>()));
        for (CalendarMapper.DayRow row : mapper.days()) {
            byYear.computeIfAbsent(row.calYear(), y -> new ArrayList<>())
                    .add(new HolidayNotice.NoticeDay(row.name(), row.calDate(), row.offDay()));
        }
        current = new WorkingDayCalendar(byYear.entrySet().stream()
                .map(e -> new HolidayNotice(e.getKey(), List.of(), e.getValue())).collect(Collectors.toList()),
                officeHours, zone);
        loadedVersion = version;
    }
}
