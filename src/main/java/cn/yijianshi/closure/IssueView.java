package cn.yijianshi.closure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An issue as staff see it, free text masked (ID and phone numbers). In the list, only its own fields; opened on
 * its own, also its history in the hall's words, its evidence (attachments, call-backs), the leaders' supervision,
 * the referral it went to and the process steps open on it (each with its Tasklist link).
 * {@code deadlineProvisional}: the deadline rests on a year without a loaded State Council holiday notice.
 */
public record IssueView(String issueId, IssueSource source, String sourceName, String caseId, IssueCategory category,
                        String categoryName, String description, String raisedBy, OffsetDateTime raisedAt,
                        String responsibleDept, String responsibleDeptName, String responsiblePerson, LocalDate deadline,
                        boolean overdue, boolean deadlineProvisional,
                        IssueStatus status, String statusName, String resolution, String evidence, String callbackResult,
                        String referredTo, String closedBy, OffsetDateTime closedAt, int reopenCount,
                        boolean evidenceRequired, String referralId,
                        List<Change> history, List<Attachment> attachments, List<CallBackView> callbacks,
                        List<Supervision> supervisions, List<Step> steps) {

    /** One line of the history: who (by name), when, what. */
    public record Change(OffsetDateTime at, String actor, String actorName, String action, String actionName,
                         IssueStatus from, IssueStatus to, String note) {
    }

    public record Attachment(long id, String fileName, String mediaType, long sizeBytes, String uploadedBy,
                             OffsetDateTime uploadedAt, String href) {
    }

    public record CallBackView(String calledBy, OffsetDateTime calledAt, String answer, boolean satisfied, String recordedBy,
                               OffsetDateTime recordedAt) {
    }

    public record Supervision(String reason, LocalDate deadline, String requestedBy, OffsetDateTime requestedAt,
                              String instructions, String instructedBy, OffsetDateTime instructedAt) {
    }

    /** A task open on the issue: its name, who holds it or which group may claim it, and where it opens in Tasklist. */
    public record Step(String taskId, String activityId, String name, String assignee, String candidateGroup,
                       OffsetDateTime due, String tasklistHref) {
    }

    public IssueView withSteps(List<Step> open) {
        return new IssueView(issueId, source, sourceName, caseId, category, categoryName, description, raisedBy, raisedAt,
                responsibleDept, responsibleDeptName, responsiblePerson, deadline, overdue, deadlineProvisional, status, statusName,
                resolution, evidence, callbackResult, referredTo, closedBy, closedAt, reopenCount, evidenceRequired, referralId,
                history, attachments, callbacks, supervisions, open);
    }
}
