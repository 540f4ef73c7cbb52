package cn.yijianshi.reports;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.yijianshi.arbitration.ReferralStatus;
import cn.yijianshi.closure.IssueCategory;
import cn.yijianshi.closure.IssueSource;
import cn.yijianshi.closure.IssueStatus;
import cn.yijianshi.intake.CaseStatus;
import cn.yijianshi.intake.Channel;
import cn.yijianshi.security.HallGroup;
import cn.yijianshi.sla.SlaState;

/**
 * The Chinese name of each code our tables store, as the enum that owns the code spells it, so a report
 * column or chart says 社保经办 where the table says dept-pension. A report definition names the table
 * ({@code "labels": "dept"}); a code no table knows is shown as stored, never hidden.
 */
final class CodeLabels {

    private static final Map<String, Map<String, String>> TABLES = Map.of(
            "channel", table(Channel.values(), Channel::name, Channel::displayName),
            "case-status", table(CaseStatus.values(), CaseStatus::name, CaseStatus::displayName),
            "issue-source", table(IssueSource.values(), IssueSource::name, IssueSource::displayName),
            "issue-category", table(IssueCategory.values(), IssueCategory::name, IssueCategory::displayName),
            "issue-status", table(IssueStatus.values(), IssueStatus::name, IssueStatus::displayName),
            "referral-status", table(ReferralStatus.values(), ReferralStatus::name, ReferralStatus::displayName),
            "sla-state", table(SlaState.values(), SlaState::name, SlaState::displayName),
            "point-level", table(cn.yijianshi.points.PointLevel.values(), cn.yijianshi.points.PointLevel::name,
                    cn.yijianshi.points.PointLevel::displayName),
            "dept", departmentsAndRoles());

    /** Hall users (login ids), named from Camunda's identity by the workbook writer, not from an enum. */
    static final String USER = "user";

    private CodeLabels() {
    }

    /** Matters come and go with deployments: their names as this node has read them from the catalog. */
    static final String MATTER = "matter";

    static Set<String> tables() {
        return java.util.stream.Stream.concat(TABLES.keySet().stream(), java.util.stream.Stream.of(USER, MATTER))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The label of {@code code} in {@code table}; the code itself when the table does not know it. */
    static String label(String table, String code) {
        if (MATTER.equals(table)) {
            return cn.yijianshi.catalog.MatterNames.of(code);
        }
        Map<String, String> labels = TABLES.get(table);
        if (labels == null) {
            throw new IllegalArgumentException("no code table " + table + "; known: " + String.join(", ", tables()));
        }
        return labels.getOrDefault(code, code);
    }

    /** The departments of processes/departments.json and the roles, by Camunda group. */
    private static Map<String, String> departmentsAndRoles() {
        Map<String, String> labels = new java.util.HashMap<>(table(HallGroup.values(), HallGroup::id, HallGroup::displayName));
        cn.yijianshi.catalog.Departments.shipped().all().forEach(d -> labels.put(d.group(), d.name()));
        return Map.copyOf(labels);
    }

    private static <E> Map<String, String> table(E[] values, Function<E, String> code, Function<E, String> label) {
        return Arrays.stream(values).collect(Collectors.toUnmodifiableMap(code, label));
    }
}
