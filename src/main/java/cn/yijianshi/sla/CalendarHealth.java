package cn.yijianshi.sla;

import java.util.List;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** /actuator/health names the years the working-day calendar has no notice for. */
@Component("workingCalendar")
public class CalendarHealth implements HealthIndicator {

    private final HallCalendar calendar;
    private final HolidayNotices notices;

    public CalendarHealth(HallCalendar calendar, HolidayNotices notices) {
        this.calendar = calendar;
        this.notices = notices;
    }

    @Override
    public Health health() {
        List<Integer> missing = notices.missingYears();
        Health.Builder health = Health.up()
                .withDetail("coveredYears", calendar.current().coveredYears().stream().sorted().toList())
                .withDetail("missingYears", missing);
        if (!missing.isEmpty()) {
            health.withDetail("warning", "缺少 " + missing + " 年放假通知，暂按双休日计算 / no holiday notice for "
                    + missing + ": weekends only");
        }
        return health.build();
    }
}
