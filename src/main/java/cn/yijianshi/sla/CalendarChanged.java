package cn.yijianshi.sla;

import java.util.Objects;

/**
 * Published after a holiday notice was loaded (or replaced) and put into force: each capability that
 * stored deadlines computed from the calendar (task limits and their timers, the whole-case promise, issue
 * deadlines, arbitration deadlines) recomputes its open ones from their recorded start with {@code after}.
 *
 * @param year     the year whose notice was loaded
 * @param before   the calendar the stored deadlines were computed with
 * @param after    the calendar now in force
 * @param loadedBy who loaded the notice ("system" for the notices shipped with the project)
 */
public record CalendarChanged(int year, WorkingDayCalendar before, WorkingDayCalendar after, String loadedBy) {

    public CalendarChanged {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** The history line every capability writes for a deadline this notice moved. */
    public String historyLine(java.time.LocalDate from, java.time.LocalDate to) {
        return "到期日因" + year + "年放假通知由 " + from + " 调整为 " + to;
    }
}
