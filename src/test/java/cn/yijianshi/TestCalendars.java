package cn.yijianshi;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import cn.yijianshi.sla.HallCalendar;
import cn.yijianshi.sla.HolidayNotice;
import cn.yijianshi.sla.OfficeHours;
import cn.yijianshi.sla.SlaClock;
import cn.yijianshi.sla.SlaPolicies;
import cn.yijianshi.sla.WorkingDayCalendar;

/** The shipped 2024-2026 calendar and the SLA clock on it, for tests outside Spring. */
public final class TestCalendars {

    public static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

    private TestCalendars() {
    }

    public static WorkingDayCalendar shipped() {
        List<HolidayNotice> notices = Stream.of(2024, 2025, 2026)
                .map(year -> HolidayNotice.parse(TestCalendars.class.getResourceAsStream("/calendar/holidays-cn/" + year + ".json")))
                .toList();
        return new WorkingDayCalendar(notices, OfficeHours.parse("09:00-12:00,13:30-17:30"), HALL);
    }

    public static SlaClock slaClock() {
        return new SlaClock(new SlaPolicies(), HallCalendar.fixed(shipped()));
    }
}
