package cn.yijianshi.insured;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.yijianshi.intake.ResidentIdNumber;
import cn.yijianshi.retirement.OriginalRetirementAge;
import cn.yijianshi.retirement.StatutoryAge;
import cn.yijianshi.retirement.StatutoryRetirementAge;

/**
 * Reads one registry row into an {@link InsuredPerson}, or says what is wrong with it, field by field (the row number,
 * the column, Chinese and English; never the number itself). The statutory month and the minimum contribution come
 * from the retirement-age rule.
 */
final class InsuredRows {

    /** The most contribution a row may state: 75 years. */
    static final int MAX_CONTRIBUTION_MONTHS = 900;

    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    /** One bad cell: the row as Excel numbers it, the field (API name) and the column's Chinese header. */
    record RowProblem(int row, String field, String column, String message, String messageEn) {
    }

    private final StatutoryRetirementAge statutoryAge;
    private final ContributionStatuses statuses;
    private final Set<String> points;
    private final LocalDate today;
    private final Instant importedAt;

    InsuredRows(StatutoryRetirementAge statutoryAge, ContributionStatuses statuses, Set<String> points, LocalDate today,
                Instant importedAt) {
        this.statutoryAge = statutoryAge;
        this.statuses = statuses;
        this.points = points;
        this.today = today;
        this.importedAt = importedAt;
    }

    /** The person on row {@code number}, or null with its problems added to {@code problems}. */
    InsuredPerson read(int number, Map<String, String> cells, List<RowProblem> problems) {
        int before = problems.size();
        ResidentIdNumber id = null;
        String idText = cells.get("idNumber");
        if (idText == null) {
            problems.add(problem(number, "idNumber", "必须填写身份证号码", "is required"));
        } else {
            try {
                id = ResidentIdNumber.read(idText, today);
            } catch (ResidentIdNumber.Invalid e) {
                problems.add(problem(number, "idNumber", e.messageZh(), e.messageEn()));
            }
        }
        String name = cells.get("name");
        if (name == null) {
            problems.add(problem(number, "name", "必须填写姓名", "is required"));
        } else if (name.length() > 50) {
            problems.add(problem(number, "name", "姓名最多50字", "at most 50 characters"));
        }
        String gender = gender(cells.get("gender"));
        if (cells.get("gender") != null && gender == null) {
            problems.add(problem(number, "gender", "性别须为「男」或「女」（M/F）", "must be M or F"));
        } else if (gender != null && id != null && !gender.equals(id.gender())) {
            problems.add(problem(number, "gender", "性别与身份证号码不符", "does not match the ID number"));
        }
        OriginalRetirementAge original = null;
        String category = cells.get("originalAge");
        if (category == null) {
            problems.add(problem(number, "originalAge", "必须填写原退休年龄类别（M60、F55、F50）", "is required (M60, F55, F50)"));
        } else {
            original = category(category);
            if (original == null) {
                problems.add(problem(number, "originalAge", "原退休年龄类别须为 M60（男60）、F55（女干部55）或 F50（女职工50）",
                        "must be M60, F55 or F50"));
            } else if (id != null && !original.gender().equals(id.gender())) {
                problems.add(problem(number, "originalAge", "原退休年龄类别与性别不符（男60；女55或50）",
                        "does not fit the person's gender (men M60; women F55 or F50)"));
            }
        }
        Integer months = null;
        String monthsText = cells.get("contributionMonths");
        if (monthsText == null) {
            problems.add(problem(number, "contributionMonths", "必须填写累计缴费月数", "is required"));
        } else {
            try {
                months = Integer.valueOf(monthsText.endsWith(".0") ? monthsText.substring(0, monthsText.length() - 2) : monthsText);
                if (months < 0 || months > MAX_CONTRIBUTION_MONTHS) {
                    problems.add(problem(number, "contributionMonths", "累计缴费月数须在0到" + MAX_CONTRIBUTION_MONTHS + "之间",
                            "must be 0 to " + MAX_CONTRIBUTION_MONTHS));
                }
            } catch (NumberFormatException e) {
                problems.add(problem(number, "contributionMonths", "累计缴费月数须为整数", "must be a whole number of months"));
            }
        }
        String status = cells.get("contributionStatus");
        ContributionStatuses.Status known = statuses.read(status).orElse(null);
        if (known == null) {
            problems.add(problem(number, "contributionStatus", "缴费状态须为："
                    + String.join("、", statuses.all().stream().map(ContributionStatuses.Status::name).toList()),
                    "must be one of " + String.join(", ", statuses.all().stream().map(ContributionStatuses.Status::code).toList())));
        }
        String phone = cells.get("phone");
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(problem(number, "phone", "联系电话格式不正确（手机号或固定电话）", "not a valid phone number"));
        }
        String point = cells.get("servicePoint");
        if (point != null && !points.contains(point)) {
            problems.add(problem(number, "servicePoint", "服务网点代码未登记（请先在服务网点管理中登记）",
                    "no such service point in the registry"));
        }
        if (problems.size() > before) {
            return null;
        }
        StatutoryAge statutory = statutoryAge.compute(id.gender(), original.years(), id.birthDate());
        return new InsuredPerson(id.value(), name, id.gender(), original.name(), months, known.code(), phone, point,
                id.birthDate(), statutory.retirementMonth().atDay(1), statutory.minContributionMonths(), importedAt);
    }

    private static String gender(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "M", "男" -> "M";
            case "F", "女" -> "F";
            default -> null;
        };
    }

    /** M60, F55, F50; also their Chinese names (男职工60周岁…) and 男60, 女55, 女50. */
    static OriginalRetirementAge category(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        for (OriginalRetirementAge age : OriginalRetirementAge.values()) {
            if (age.name().equals(t) || age.displayName().equals(t)
                    || (("M".equals(age.gender()) ? "男" : "女") + age.years()).equals(t)) {
                return age;
            }
        }
        return null;
    }

    static RowProblem problem(int row, String field, String zh, String en) {
        String column = InsuredSheet.COLUMNS.get(field);
        return new RowProblem(row, field, column, "第" + row + "行「" + column + "」：" + zh, "row " + row + ", " + field + ": " + en);
    }
}
