package cn.yijianshi.closure;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.PersonalData;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 每周问题分析 (芝罘: 建立问题清单，每周进行问题分析): for one hall week (Monday to Sunday), the issues raised, closed,
 * overdue and reopened, by category, department and source, each against the week before; the categories that keep
 * coming back (raised in at least {@value #RECURRING_WEEKS} of the last {@value #WEEKS_LOOKED_AT} weeks); and the
 * reasons of this week's 差评. Read from our own tables; the /issues page and the weekly report show it.
 */
@Service
public class WeeklyIssueAnalysis {

    static final int WEEKS_LOOKED_AT = 4;
    static final int RECURRING_WEEKS = 3;

    private final WeeklyMapper counts;
    private final HallClock clock;
    private final cn.yijianshi.catalog.Departments departments;

    public WeeklyIssueAnalysis(WeeklyMapper counts, HallClock clock, cn.yijianshi.catalog.Departments departments) {
        this.counts = counts;
        this.clock = clock;
        this.departments = departments;
    }

    /** Raised, closed, overdue and reopened in one week. */
    public record Figures(long raised, long closed, long overdue, long reopened) {
        static final Figures NONE = new Figures(0, 0, 0, 0);

        Figures plus(Figures other) {
            return new Figures(raised + other.raised, closed + other.closed, overdue + other.overdue, reopened + other.reopened);
        }
    }

    /** One category, department or source: this week and the week before. */
    public record Line(String code, String name, Figures thisWeek, Figures lastWeek) {
    }

    /** A category that keeps coming back: raised in each of the weeks looked at (oldest first), reopenings over them. */
    public record Recurring(String code, String name, List<Long> raisedByWeek, int weeksRaised, long reopened) {
    }

    public record BadRating(String issueId, String caseId, OffsetDateTime raisedAt, String reason, String statusName) {
    }

    public record Week(LocalDate weekStart, LocalDate weekEnd, LocalDate lastWeekStart, Figures thisWeek, Figures lastWeek,
                       List<Line> byCategory, List<Line> byDepartment, List<Line> bySource, List<Recurring> recurring,
                       List<BadRating> badRatings) {
    }

    /** The week holding {@code day} (YYYY-MM-DD; blank: today in the hall). */
    @Transactional(readOnly = true)
    public Week of(String day) {
        LocalDate date;
        if (day == null || day.isBlank()) {
            date = clock.today();
        } else {
            try {
                date = LocalDate.parse(day.trim());
            } catch (DateTimeParseException e) {
                throw RefusedRequest.badInput("week", "日期格式应为 YYYY-MM-DD", "must be a date YYYY-MM-DD");
            }
            if (date.getYear() < 1900 || date.getYear() > 2200) {
                throw RefusedRequest.badInput("week", "日期须在 1900 至 2200 年之间", "a date in 1900-2200");
            }
        }
        return of(date);
    }

    public Week of(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<WeeklyMapper.Count, Figures> thisWeek = figures(monday);
        Map<WeeklyMapper.Count, Figures> lastWeek = figures(monday.minusWeeks(1));
        return new Week(monday, monday.plusDays(6), monday.minusWeeks(1), total(thisWeek), total(lastWeek),
                lines(thisWeek, lastWeek, WeeklyMapper.Count::category, code -> IssueCategory.valueOf(code).displayName(),
                        Arrays.stream(IssueCategory.values()).map(Enum::name).toList()),
                lines(thisWeek, lastWeek, WeeklyMapper.Count::dept, departments::groupName, List.of()),
                lines(thisWeek, lastWeek, WeeklyMapper.Count::source, code -> IssueSource.valueOf(code).displayName(),
                        Arrays.stream(IssueSource.values()).map(Enum::name).toList()),
                recurring(monday), badRatings(monday));
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(clock.zone()).toInstant();
    }

    /** Each (category, department, source) of the week with its four figures. */
    private Map<WeeklyMapper.Count, Figures> figures(LocalDate monday) {
        Instant from = start(monday);
        Instant to = start(monday.plusWeeks(1));
        Map<WeeklyMapper.Count, Figures> figures = new LinkedHashMap<>();
        counts.raised(from, to).forEach(c -> figures.merge(key(c), new Figures(c.n(), 0, 0, 0), Figures::plus));
        counts.closed(from, to).forEach(c -> figures.merge(key(c), new Figures(0, c.n(), 0, 0), Figures::plus));
        counts.reopened(from, to).forEach(c -> figures.merge(key(c), new Figures(0, 0, 0, c.n()), Figures::plus));
        // overdue in this week: the day after its last day is in the week (and not in the future), not closed by then
        LocalDate today = clock.today();
        for (WeeklyMapper.Due due : counts.dueBetween(monday.minusDays(1), monday.plusDays(5))) {
            LocalDate overdueOn = due.deadline().plusDays(1);
            boolean closedInTime = "CLOSED".equals(due.status()) && due.closedAt() != null
                    && !due.closedAt().atZone(clock.zone()).toLocalDate().isAfter(due.deadline());
            if (!overdueOn.isAfter(today) && !closedInTime) {
                figures.merge(new WeeklyMapper.Count(due.category(), due.dept(), due.source(), 0), new Figures(0, 0, 1, 0), Figures::plus);
            }
        }
        return figures;
    }

    private static WeeklyMapper.Count key(WeeklyMapper.Count c) {
        return new WeeklyMapper.Count(c.category(), c.dept(), c.source(), 0);
    }

    private static Figures total(Map<WeeklyMapper.Count, Figures> figures) {
        return figures.values().stream().reduce(Figures.NONE, Figures::plus);
    }

    /** By one dimension: every code seen in either week, then those {@code always} listed; in the order given, then by code. */
    private static List<Line> lines(Map<WeeklyMapper.Count, Figures> thisWeek, Map<WeeklyMapper.Count, Figures> lastWeek,
                                    Function<WeeklyMapper.Count, String> dimension, Function<String, String> name,
                                    List<String> order) {
        Map<String, Figures> now = by(thisWeek, dimension);
        Map<String, Figures> before = by(lastWeek, dimension);
        java.util.TreeSet<String> codes = new java.util.TreeSet<>(Comparator.comparing((String c) -> order.contains(c) ? order.indexOf(c) : order.size())
                .thenComparing(Comparator.naturalOrder()));
        codes.addAll(now.keySet());
        codes.addAll(before.keySet());
        List<Line> lines = new ArrayList<>();
        for (String code : codes) {
            lines.add(new Line(code, safeName(name, code), now.getOrDefault(code, Figures.NONE), before.getOrDefault(code, Figures.NONE)));
        }
        return lines;
    }

    private static Map<String, Figures> by(Map<WeeklyMapper.Count, Figures> figures, Function<WeeklyMapper.Count, String> dimension) {
        Map<String, Figures> by = new LinkedHashMap<>();
        figures.forEach((key, value) -> by.merge(dimension.apply(key), value, Figures::plus));
        return by;
    }

    private static String safeName(Function<String, String> name, String code) {
        try {
            return name.apply(code);
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    private List<Recurring> recurring(LocalDate monday) {
        Map<String, long[]> raised = new LinkedHashMap<>();
        Map<String, Long> reopened = new LinkedHashMap<>();
        for (int week = 0; week < WEEKS_LOOKED_AT; week++) {
            LocalDate start = monday.minusWeeks(WEEKS_LOOKED_AT - 1 - week);
            Instant from = start(start);
            Instant to = start(start.plusWeeks(1));
            int index = week;
            counts.raised(from, to).forEach(c -> raised.computeIfAbsent(c.category(), k -> new long[WEEKS_LOOKED_AT])[index] += c.n());
            counts.reopened(from, to).forEach(c -> reopened.merge(c.category(), c.n(), Long::sum));
        }
        List<Recurring> recurring = new ArrayList<>();
        raised.forEach((category, weeks) -> {
            int weeksRaised = (int) Arrays.stream(weeks).filter(n -> n > 0).count();
            if (weeksRaised >= RECURRING_WEEKS) {
                recurring.add(new Recurring(category, safeName(code -> IssueCategory.valueOf(code).displayName(), category),
                        Arrays.stream(weeks).boxed().toList(), weeksRaised, reopened.getOrDefault(category, 0L)));
            }
        });
        recurring.sort(Comparator.comparingLong((Recurring r) -> -r.raisedByWeek().stream().mapToLong(Long::longValue).sum())
                .thenComparing(Recurring::code));
        return recurring;
    }

    private List<BadRating> badRatings(LocalDate monday) {
        return counts.badRatings(start(monday), start(monday.plusWeeks(1))).stream()
                .map(b -> new BadRating(b.issueId(), b.caseId(), clock.inHallZone(b.raisedAt()), PersonalData.maskInText(b.description()),
                        IssueStatus.valueOf(b.status()).displayName()))
                .toList();
    }
}
