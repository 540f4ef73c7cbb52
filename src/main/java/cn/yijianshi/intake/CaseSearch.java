package cn.yijianshi.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.yijianshi.catalog.Departments;
import cn.yijianshi.catalog.MatterNames;
import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * 办件查询: by case id, by applicant name and the days accepted, or by the last 6 characters of the ID number; only the
 * cases the user may see ({@link CaseVisibility}), newest first, at most {@value #LIMIT}.
 */
@Service
public class CaseSearch {

    static final int LIMIT = 200;

    private final CaseMapper cases;
    private final CaseVisibility visibility;
    private final HallClock clock;
    private final Departments departments;

    public CaseSearch(CaseMapper cases, CaseVisibility visibility, HallClock clock, Departments departments) {
        this.cases = cases;
        this.visibility = visibility;
        this.clock = clock;
        this.departments = departments;
    }

    /** The criteria as the mapper reads them: blanks are null, days are hall days turned into instants. */
    public record Query(String caseId, String name, Instant from, Instant to, String idLast6) {
    }

    public record Found(String caseId, String matter, String matterName, CaseStatus status, String statusName,
                        String applicantName, String servicePointName, String priority, OffsetDateTime acceptedAt,
                        OffsetDateTime closedAt, OffsetDateTime due, boolean breached, List<Step> steps) {
    }

    public record Step(String name, String group, String groupName, String assignee, OffsetDateTime due,
                       boolean breached) {
    }

    public List<Found> search(String caseId, String name, LocalDate from, LocalDate to, String idLast6,
                              Authentication user) {
        String last6 = blank(idLast6) ? null : idLast6.trim().toUpperCase();
        if (last6 != null && !last6.matches("\\d{5}[\\dX]")) {
            throw RefusedRequest.badInput("idLast6", "请输入证件号码后6位（数字，最后一位可为X）",
                    "the last 6 characters of the ID number (digits, the last may be X)");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw RefusedRequest.badInput("to", "结束日期不能早于开始日期", "must not be before from");
        }
        Query query = new Query(blank(caseId) ? null : caseId.trim().toUpperCase(), blank(name) ? null : name.trim(),
                from == null ? null : from.atStartOfDay(clock.zone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(clock.zone()).toInstant(), last6);
        List<CaseRow> rows = cases.search(query, visibility.of(user), LIMIT);
        Map<String, List<CaseRow.Step>> steps = rows.isEmpty() ? Map.of()
                : cases.openSteps(rows.stream().map(CaseRow::caseId).toList()).stream()
                        .collect(Collectors.groupingBy(CaseRow.Step::caseId));
        Instant now = clock.now();
        return rows.stream().map(row -> {
            CaseStatus status = CaseStatus.valueOf(row.status());
            return new Found(row.caseId(), row.matter(), MatterNames.of(row.matter()), status, status.displayName(),
                    row.applicantName(), row.servicePointName(), row.priority(), clock.inHallZone(row.acceptedAt()),
                    clock.inHallZone(row.closedAt()), clock.inHallZone(row.dueAt()),
                    "BREACHED".equals(row.slaState()) || (row.dueAt() != null && row.dueAt().isBefore(now)),
                    steps.getOrDefault(row.caseId(), List.of()).stream().map(s -> new Step(s.taskName(), s.candidateGroup(),
                            groupName(s.candidateGroup()), s.assignee(), clock.inHallZone(s.dueAt()),
                            "BREACHED".equals(s.state()) || (s.dueAt() != null && s.dueAt().isBefore(now)))).toList());
        }).toList();
    }

    private String groupName(String group) {
        if (group == null) {
            return null;
        }
        return HallGroup.byId(group).map(HallGroup::displayName).orElseGet(() -> departments.groupName(group));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
