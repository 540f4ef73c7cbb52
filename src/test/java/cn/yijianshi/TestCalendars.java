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

    /**
     * Takes a notice a test loaded out of the shared test database again, as another node would see it
     * (in a transaction, with the calendar's version raised), so that the next test class finds the year as
     * the project ships it.
     */
    public static void forgetNotice(org.springframework.jdbc.core.JdbcTemplate jdbc,
                                    org.springframework.transaction.support.TransactionTemplate transactions,
                                    HallCalendar calendar, int year) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM calendar_day WHERE cal_year = ?", year);
            jdbc.update("DELETE FROM calendar_year WHERE cal_year = ?", year);
            jdbc.update("UPDATE calendar_version SET version = version + 1 WHERE id = 1");
        });
        calendar.reload();
    }

    public static SlaClock slaClock() {
        return new SlaClock(new SlaPolicies(), HallCalendar.fixed(shipped()));
    }
}
