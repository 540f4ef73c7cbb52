package cn.yijianshi.intake;

import java.time.Instant;

/** One case as 办件查询 lists it, read in one query with its whole-case promise. */
public record CaseRow(String caseId, String matter, String status, String applicantName, String applicantKind,
                      String priority, String servicePointName, Instant acceptedAt, Instant closedAt, Instant dueAt,
                      String slaState) {

    /** A step of a case as its task's SLA record keeps it: who, when, against which due date. */
    public record DoneOrOpen(String taskName, String candidateGroup, String assignee, Instant startedAt, Instant dueAt,
                             Instant completedAt, String state) {
    }

    /** An open step of a case (its task's SLA record). */
    public record Step(String caseId, String taskName, String candidateGroup, String assignee, Instant dueAt,
                       String state) {
    }
}
