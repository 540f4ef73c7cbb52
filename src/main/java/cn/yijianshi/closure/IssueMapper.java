package cn.yijianshi.closure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** issue and issue_history. SQL in IssueMapper.xml. */
@Mapper
public interface IssueMapper {

    record HistoryRow(Instant occurredAt, String actor, String action, IssueStatus fromStatus, IssueStatus toStatus,
                      String note) {
    }

    /** An open issue on or past its 整改时限 whose reminder or escalation is still to be sent. */
    record DeadlineDue(String issueId, String caseId, String responsibleDept, String responsiblePerson, LocalDate deadline) {
    }

    void insert(Issue issue);

    Issue find(@Param("issueId") String issueId);

    /** Writes the issue's mutable fields, only if it is still in {@code expected} (no lost updates). */
    int update(@Param("issue") Issue issue, @Param("expected") IssueStatus expected);

    /** Issues still chased (not closed or referred) with a deadline on or after {@code from}, after {@code afterId}: one batch. */
    List<Issue> chasedDueFrom(@Param("from") LocalDate from, @Param("afterId") long afterId, @Param("limit") int limit);

    /**
     * Moves an issue's deadline (a new holiday notice); a deadline moved past {@code today} is reminded and
     * escalated afresh.
     */
    int moveDeadline(@Param("issueId") String issueId, @Param("from") LocalDate from, @Param("to") LocalDate to,
                     @Param("today") LocalDate today);

    void attachProcess(@Param("issueId") String issueId, @Param("processInstanceId") String processInstanceId);

    void history(@Param("issueId") String issueId, @Param("at") Instant at, @Param("actor") String actor,
                 @Param("action") String action, @Param("from") IssueStatus from, @Param("to") IssueStatus to,
                 @Param("note") String note);

    List<HistoryRow> historyOf(@Param("issueId") String issueId);

    List<Issue> search(@Param("q") IssueFilter.Query query, @Param("offset") int offset, @Param("limit") int limit);

    long count(@Param("q") IssueFilter.Query query);

    /** The arbitration referral the issue went to, if any. */
    String referralOf(@Param("issueId") String issueId);

    List<DeadlineDue> deadlineDue(@Param("today") LocalDate today);

    int markDeadlineWarned(@Param("issueId") String issueId, @Param("at") Instant at);

    int markDeadlineEscalated(@Param("issueId") String issueId, @Param("at") Instant at);
}
