package cn.yijianshi.arbitration;

import java.time.LocalDate;
import java.util.Date;

import cn.yijianshi.sla.HallCalendar;
import cn.yijianshi.sla.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The law's clock for labour disputes (劳动争议调解仲裁法 arts. 14, 27, 29, 43; 劳动人事争议仲裁办案规则):
 * 3/5/10-day periods are working days, 15/45-day periods natural days; the day of the event is not counted;
 * a natural-day period whose last day is a rest day or holiday ends on the next working day.
 */
@Component
public class StatutoryClock {

    static final int ACCEPTANCE_WORKING_DAYS = 5;
    static final int AWARD_NATURAL_DAYS = 45;
    static final int EXTENSION_NATURAL_DAYS = 15;
    static final int MEDIATION_NATURAL_DAYS = 15;

    private final HallCalendar calendar;

    public StatutoryClock(HallCalendar calendar) {
        this.calendar = calendar;
    }

    /** Art. 29: the commission decides on acceptance within 5 (working) days of receiving the application. */
    public LocalDate acceptanceDeadline(LocalDate received) {
        return acceptanceDeadline(received, calendar.current());
    }

    /** The same, on a given calendar: a newly loaded notice recomputes the open deadlines with it. */
    public LocalDate acceptanceDeadline(LocalDate received, WorkingDayCalendar on) {
        return on.addWorkingDays(received, ACCEPTANCE_WORKING_DAYS);
    }

    /** Art. 43: the award within 45 days of acceptance, once extendable by at most 15 days. */
    public LocalDate awardDeadline(LocalDate accepted, boolean extended) {
        return awardDeadline(accepted, extended, calendar.current());
    }

    public LocalDate awardDeadline(LocalDate accepted, boolean extended, WorkingDayCalendar on) {
        return on.endOfNaturalDayPeriod(accepted, AWARD_NATURAL_DAYS + (extended ? EXTENSION_NATURAL_DAYS : 0));
    }

    /** True when {@code deadline} falls in a year with no State Council notice loaded: 调休 may still move it. */
    public boolean provisional(LocalDate deadline) {
        return deadline != null && calendar.current().provisional(deadline);
    }

    /** Art. 14: with no mediation agreement 15 days after the request, the party may go to arbitration. */
    public LocalDate mediationDeadline(LocalDate requested) {
        return calendar.current().endOfNaturalDayPeriod(requested, MEDIATION_NATURAL_DAYS);
    }

    /** A deadline day has passed at the start of the next day, in the hall's zone: the timer's date. */
    public Date passedAt(LocalDate deadline) {
        return Date.from(deadline.plusDays(1).atStartOfDay(calendar.current().zone()).toInstant());
    }
}
