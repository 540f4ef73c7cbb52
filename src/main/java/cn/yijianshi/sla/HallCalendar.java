package cn.yijianshi.sla;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The calendar the hall works by, read from the shared tables. A notice loaded on another node reaches
 * this one at the next refresh; {@link #reload()} takes it at once.
 */
@Component
public class HallCalendar {

    private final CalendarMapper mapper;
    private final OfficeHours officeHours;
    private final ZoneId zone;
    private volatile WorkingDayCalendar current;

    @Autowired
    public HallCalendar(CalendarMapper mapper, @Value("${yijianshi.zone:Asia/Shanghai}") String zone,
                        @Value("${yijianshi.sla.office-hours:09:00-12:00,13:30-17:30}") String officeHours) {
        this.mapper = mapper;
        this.zone = ZoneId.of(zone);
        this.officeHours = OfficeHours.parse(officeHours);
        this.current = new WorkingDayCalendar(List.of(), this.officeHours, this.zone);
    }

    /** A calendar that never reloads, for process tests outside Spring. */
    public static HallCalendar fixed(WorkingDayCalendar calendar) {
        HallCalendar fixed = new HallCalendar(null, calendar.zone().getId(), "09:00-12:00,13:30-17:30");
        fixed.current = calendar;
        return fixed;
    }

    public WorkingDayCalendar current() {
        return current;
    }

    @Scheduled(fixedDelayString = "${yijianshi.sla.calendar-refresh:PT10M}", initialDelayString = "${yijianshi.sla.calendar-refresh:PT10M}")
    public void reload() {
        if (mapper == null) {
            return;
        }
        Map<Integer, List<HolidayNotice.NoticeDay>> byYear = new TreeMap<>();
        mapper.years().forEach(year -> byYear.put(year, new ArrayList<>()));
        for (CalendarMapper.DayRow row : mapper.days()) {
            byYear.computeIfAbsent(row.calYear(), y -> new ArrayList<>())
                    .add(new HolidayNotice.NoticeDay(row.name(), row.calDate(), row.offDay()));
        }
        current = new WorkingDayCalendar(byYear.entrySet().stream()
                .map(e -> new HolidayNotice(e.getKey(), List.of(), e.getValue())).collect(Collectors.toList()),
                officeHours, zone);
    }
}
