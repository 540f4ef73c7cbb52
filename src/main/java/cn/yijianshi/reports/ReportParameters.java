package cn.yijianshi.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;

import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.RefusedRequest;

/**
 * A report's range (whole days in the hall's zone, {@code to} included), optional department and matter, and
 * optional service point ({@code pointPath}: the LIKE pattern of its subtree in the registry, the point and every
 * point below it, see ServicePointRegistry.subtree).
 */
public record ReportParameters(LocalDate from, LocalDate to, String dept, String matter, String point, String pointName,
                               String pointPath, cn.yijianshi.closure.IssueFilter issues) {

    static final int MAX_DAYS = 3660;

    public static ReportParameters parse(String from, String to, String dept) {
        return parse(from, to, dept, null, key -> false);
    }

    /** With a matter filter: {@code knownMatter} says whether the catalog has the key. */
    public static ReportParameters parse(String from, String to, String dept, String matter,
                                         java.util.function.Predicate<String> knownMatter) {
        String matterKey = matter == null || matter.isBlank() ? null : matter;
        if (matterKey != null && !knownMatter.test(matterKey)) {
            throw RefusedRequest.badInput("matter", "没有这个事项：" + matter, "no such matter: " + matter);
        }
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw RefusedRequest.badInput("to", "结束日期不能早于开始日期", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw RefusedRequest.badInput("to", "统计区间最长十年", "the range may span at most ten years");
        }
        String department = dept == null || dept.isBlank() ? null : dept;
        if (department != null && !cn.yijianshi.catalog.Departments.shipped().knowsGroup(department)) {
            throw RefusedRequest.badInput("dept", "没有这个部门：" + dept, "no such department: " + dept);
        }
        return new ReportParameters(start, end, department, matterKey, null, null, null, null);
    }

    /** The same, limited to a service point and the points below it. */
    public ReportParameters under(String code, String name, String path) {
        return new ReportParameters(from, to, dept, matter, code, name, path, issues);
    }

    /** The same, for the issues the 问题清单's filter picks (status, source, category, person, overdue). */
    public ReportParameters picking(cn.yijianshi.closure.IssueFilter filter) {
        return new ReportParameters(from, to, dept, matter, point, pointName, pointPath, filter);
    }

    /**
     * What the queries take: instants bounding the days, the department, today and this week's Monday, and
     * the shifts from the stored clock ({@code stored}, the JVM's zone) to the hall's, to find a row's hall day.
     */
    Map<String, Object> forQueries(ZoneId zone, ZoneId stored, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        params.put("from", start);
        params.put("to", end);
        params.put("hallShifts", HallTimeShift.over(start, end, zone, stored));
        params.put("dept", dept);
        params.put("matter", matter);
        params.put("pointPath", pointPath);
        params.put("today", today);
        params.put("weekStart", today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant());
        params.put("q", issues == null ? null : issues.query(today, zone));
        // the ranges of the same length before this one (每周问题分析: the week before, and the three before it)
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        params.put("before", from.minusDays(days).atStartOfDay(zone).toInstant());
        params.put("back2", from.minusDays(2 * days).atStartOfDay(zone).toInstant());
        params.put("back3", from.minusDays(3 * days).atStartOfDay(zone).toInstant());
        params.put("overdueFirst", from.minusDays(1));
        params.put("overdueLast", to.minusDays(1));
        params.put("overdueFirstBefore", from.minusDays(days + 1));
        params.put("overdueLastBefore", to.minusDays(days + 1));
        return params;
    }

    Instant fromInstant(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw RefusedRequest.badInput(field, "必须填写日期（YYYY-MM-DD）", "a date YYYY-MM-DD is required");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw RefusedRequest.badInput(field, "日期格式应为 YYYY-MM-DD", "must be a date YYYY-MM-DD");
        }
    }
}
