package cn.yijianshi.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import cn.yijianshi.system.HallClock;
import org.springframework.stereotype.Service;

/**
 * Which years the hall already counts in without their State Council notice: the years an open deadline
 * (task, whole-case promise, issue, arbitration referral) reaches, and from 1 November next year. Their
 * deadlines rest on the law's days off alone (provisional) until an administrator loads the notice.
 */
@Service
public class MissingNotices {

    /** The years to load, and the warning as coordinators and health checks read it. */
    public record Warning(List<Integer> years, String message) {
    }

    private final CalendarMapper mapper;
    private final HallCalendar calendar;
    private final HallClock clock;

    public MissingNotices(CalendarMapper mapper, HallCalendar calendar, HallClock clock) {
        this.mapper = mapper;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Optional<Warning> warning() {
        LocalDate today = clock.today();
        WorkingDayCalendar current = calendar.current();
        TreeSet<Integer> years = new TreeSet<>();
        Instant slaDue = mapper.latestOpenSlaDue();
        LocalDate latest = Stream.of(slaDue == null ? null : slaDue.atZone(clock.zone()).toLocalDate(),
                        mapper.latestOpenIssueDeadline(), mapper.latestOpenReferralDeadline())
                .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(today);
        for (int year = today.getYear(); year <= latest.getYear(); year++) {
            if (!current.covers(year)) {
                years.add(year);
            }
        }
        if (!today.isBefore(LocalDate.of(today.getYear(), Month.NOVEMBER, 1)) && !current.covers(today.getYear() + 1)) {
            years.add(today.getYear() + 1);
        }
        if (years.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Warning(List.copyOf(years), "尚未导入 " + years + " 年国务院放假通知：这些年份的到期日暂按法定节假日及补假计算"
                + "（调休未知），请管理员导入通知 / no State Council holiday notice loaded for " + years
                + ": deadlines there are provisional (statutory holidays only, no 调休) until an administrator loads it"));
    }
}
