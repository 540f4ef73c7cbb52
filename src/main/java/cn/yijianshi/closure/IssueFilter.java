package cn.yijianshi.closure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import cn.yijianshi.system.RefusedRequest;

/**
 * Which issues a coordinator asks for on /issues, and the same for the 问题销号台账 report: status, source, category,
 * responsible department and person, overdue only, the days raised (hall days, {@code to} included), and the order
 * ({@code sort=deadline}: nearest deadline first; otherwise newest first). Each value is checked here: a wrong one is 400 naming its field.
 * {@code scope} narrows to the departments a department's clerk may see ({@code null}: every issue).
 */
public record IssueFilter(IssueStatus status, IssueSource source, IssueCategory category, String dept, String person,
                          boolean overdue, LocalDate from, LocalDate to, boolean byDeadline, List<String> scope) {

    /** The parameter names it takes, as on the page and the report's address. */
    public static final List<String> PARAMETERS = List.of("status", "source", "category", "dept", "person", "overdue", "from",
            "to", "sort");

    public static IssueFilter parse(Map<String, String> given, java.util.function.Predicate<String> knownDept) {
        String dept = blankToNull(given.get("dept"));
        if (dept != null && !knownDept.test(dept)) {
            throw RefusedRequest.badInput("dept", "没有这个部门：" + dept, "no such department: " + dept);
        }
        String person = blankToNull(given.get("person"));
        if (person != null && person.length() > 64) {
            throw RefusedRequest.badInput("person", "责任人最多64字", "at most 64 characters");
        }
        LocalDate from = date("from", given.get("from"));
        LocalDate to = date("to", given.get("to"));
        if (from != null && to != null && to.isBefore(from)) {
            throw RefusedRequest.badInput("to", "结束日期不能早于开始日期", "must not be before from");
        }
        String sort = blankToNull(given.get("sort"));
        if (sort != null && !sort.equals("deadline") && !sort.equals("raised")) {
            throw RefusedRequest.badInput("sort", "排序只能是 deadline（整改时限）或 raised（登记时间）", "sort is deadline or raised");
        }
        String overdue = blankToNull(given.get("overdue"));
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw RefusedRequest.badInput("overdue", "逾期筛选只能是 true 或 false", "overdue is true or false");
        }
        return new IssueFilter(code("status", IssueStatus.class, given.get("status")),
                code("source", IssueSource.class, given.get("source")),
                code("category", IssueCategory.class, given.get("category")), dept, person, "true".equals(overdue), from, to,
                "deadline".equals(sort), null);
    }

    /** The same filter, within what a department's clerk may see. */
    public IssueFilter within(List<String> departments) {
        return new IssueFilter(status, source, category, dept, person, overdue, from, to, byDeadline, departments);
    }

    /** What the SQL takes: the day overdue is judged on, and the days raised as instants in the hall's zone. */
    public record Query(IssueStatus status, IssueSource source, IssueCategory category, String dept, String person,
                        LocalDate overdueOn, Instant raisedFrom, Instant raisedBefore, boolean byDeadline, List<String> scope) {
    }

    public Query query(LocalDate today, ZoneId zone) {
        return new Query(status, source, category, dept, person, overdue ? today : null,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), byDeadline, scope);
    }

    private static <E extends Enum<E>> E code(String field, Class<E> type, String value) {
        String code = blankToNull(value);
        if (code == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException e) {
            throw RefusedRequest.badInput(field, "不认识的取值：" + code, "unknown value: " + code);
        }
    }

    private static LocalDate date(String field, String text) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1900 || date.getYear() > 2200) {
                throw RefusedRequest.badInput(field, "日期须在 1900 至 2200 年之间", "a date in 1900-2200");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw RefusedRequest.badInput(field, "日期格式应为 YYYY-MM-DD", "must be a date YYYY-MM-DD");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
