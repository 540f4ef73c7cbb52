package cn.yijianshi.closure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An issue as staff see it, free text masked (ID and phone numbers), with its history when asked for one.
 * {@code deadlineProvisional}: the deadline rests on a year without a loaded State Council holiday notice.
 */
public record IssueView(String issueId, IssueSource source, String sourceName, String caseId, IssueCategory category,
                        String categoryName, String description, String raisedBy, OffsetDateTime raisedAt,
                        String responsibleDept, String responsiblePerson, LocalDate deadline, boolean overdue,
                        boolean deadlineProvisional,
                        IssueStatus status, String statusName, String resolution, String evidence, String callbackResult,
                        String referredTo, String closedBy, OffsetDateTime closedAt, int reopenCount,
                        List<Change> history) {

    public record Change(OffsetDateTime at, String actor, String action, IssueStatus from, IssueStatus to, String note) {
    }
}
