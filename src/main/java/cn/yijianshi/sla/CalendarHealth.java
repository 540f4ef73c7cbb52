package cn.yijianshi.sla;

import java.util.List;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * /actuator/health names the years the working-day calendar has no notice for, and warns (still UP) when an
 * open deadline reaches such a year or, from 1 November, next year has none ({@link MissingNotices}).
 */
@Component("workingCalendar")
public class CalendarHealth implements HealthIndicator {

    private final HallCalendar calendar;
    private final HolidayNotices notices;
    private final MissingNotices missingNotices;

    public CalendarHealth(HallCalendar calendar, HolidayNotices notices, MissingNotices missingNotices) {
        this.calendar = calendar;
        this.notices = notices;
        this.missingNotices = missingNotices;
    }

    @Override
    public Health health() {
        List<Integer> missing = notices.missingYears();
        Health.Builder health = Health.up()
                .withDetail("coveredYears", calendar.current().coveredYears().stream().sorted().toList())
                .withDetail("missingYears", missing);
        missingNotices.warning().ifPresent(warning -> health.withDetail("provisionalYears", warning.years())
                .withDetail("warning", warning.message()));
        return health.build();
    }
}
