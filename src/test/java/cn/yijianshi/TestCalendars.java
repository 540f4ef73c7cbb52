package cn.yijianshi;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import cn.yijianshi.sla.HallCalendar;
import cn.yijianshi.sla.SlaClock;
import cn.yijianshi.sla.ShippedNotices;
import cn.yijianshi.sla.SlaPolicies;
import cn.yijianshi.sla.WorkingDayCalendar;

/** The shipped 2024-2026 calendar and the SLA clock on it, for tests outside Spring. */
public final class TestCalendars {

    public static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

    private TestCalendars() {
    }

    /** The instant of a wall-clock time in the hall, e.g. {@code hall("2026-11-23T10:00")}. */
    public static Instant hall(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(HALL).toInstant();
    }

    public static WorkingDayCalendar shipped() {
        return ShippedNotices.hallCalendar();
    }

    public static SlaClock slaClock() {
        return new SlaClock(new SlaPolicies(), HallCalendar.fixed(shipped()));
    }
}
