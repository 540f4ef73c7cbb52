package cn.yijianshi.sla;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.yijianshi.system.WrittenWithTheCommand;

/** sla_record and staff_notice. SQL in SlaMapper.xml. */
@Mapper
public interface SlaMapper {

    @WrittenWithTheCommand
    void insert(SlaRecord record);

    SlaRecord byTask(@Param("taskId") String taskId);

    SlaRecord openCase(@Param("caseId") String caseId);

    int warn(@Param("taskId") String taskId, @Param("at") Instant at);

    int breach(@Param("taskId") String taskId, @Param("at") Instant at);

    /** The step ended: its state, when, the working time it used and who held it then. */
    @WrittenWithTheCommand
    void finishTask(@Param("taskId") String taskId, @Param("state") SlaState state, @Param("at") Instant at,
                   @Param("workingMinutes") long workingMinutes, @Param("assignee") String assignee);

    int update(SlaRecord record);

    /** 提前预审: the case promise counted afresh from {@code startedAt} (the applicant's month). */
    @org.apache.ibatis.annotations.Update("UPDATE sla_record SET started_at = #{startedAt}, warn_at = #{warnAt}, due_at = #{dueAt}, "
            + "paused_at = NULL, paused_minutes = 0, state = #{state} WHERE id = #{id}")
    int restart(SlaRecord record);

    /** The priority, limit, warning point and due date of a record whose case changed priority. */
    @org.apache.ibatis.annotations.Update("UPDATE sla_record SET priority = #{priority}, limit_text = #{limitText}, "
            + "warn_at = #{warnAt}, due_at = #{dueAt} WHERE id = #{id}")
    int reprioritise(SlaRecord record);

    /** Every open record counted by kind, candidate group and state as of {@code now}. */
    default List<OpenCount> openCounts(Instant now) {
        return openCounts(now, null);
    }

    /** The same, of the cases accepted at a point or below it ({@code pointPath}: a subtree's LIKE pattern), when given. */
    List<OpenCount> openCounts(@Param("now") Instant now, @Param("pointPath") String pointPath);

    /** Open whole-case promises due at or after {@code from}. */
    @org.apache.ibatis.annotations.Select("SELECT COUNT(*) FROM sla_record WHERE completed_at IS NULL AND kind = 'CASE' "
            + "AND due_at >= #{from}")
    long openCasesDueFrom(@Param("from") Instant from);

    /** Open task steps of {@code group} counted by assignee and state as of {@code now} (unassigned ones left out). */
    default List<OpenCount> openCountsByAssignee(String group, Instant now) {
        return openCountsByAssignee(group, now, null);
    }

    List<OpenCount> openCountsByAssignee(@Param("group") String group, @Param("now") Instant now,
                                         @Param("pointPath") String pointPath);

    /** Open task steps, earliest due first; {@code group} and {@code state} (as of {@code now}) narrow them when given. */
    default List<SlaRecord> openTasks(String group, SlaState state, Instant now, int limit) {
        return openTasks(group, state, null, now, limit);
    }

    /** The same, also narrowed to the cases accepted at a point or below it ({@code pointPath}: a subtree's LIKE pattern). */
    List<SlaRecord> openTasks(@Param("group") String group, @Param("state") SlaState state,
                              @Param("pointPath") String pointPath, @Param("now") Instant now, @Param("limit") int limit);

    /** Open records (tasks and cases) due on or after {@code dueFrom}, after {@code afterId} in id order: one batch. */
    List<SlaRecord> openDueFrom(@Param("dueFrom") Instant dueFrom, @Param("afterId") long afterId, @Param("limit") int limit);

    /** Moves an open record's warning point and due date (a new holiday notice). */
    int reschedule(@Param("id") long id, @Param("warnAt") Instant warnAt, @Param("dueAt") Instant dueAt);

    /** The matter of a case, whose policy gives the whole-case promise. */
    String matterOf(@Param("caseId") String caseId);

    /** Open, running whole-case promises past their warning point or due date and not yet told. */
    List<SlaRecord> casePromisesPast(@Param("now") Instant now);

    /** 1 when this call warned the record (once, whichever node gets there first). */
    int warnRecord(@Param("id") long id, @Param("at") Instant at);

    /** 1 when this call recorded the breach (once, whichever node gets there first). */
    int breachRecord(@Param("id") long id, @Param("at") Instant at);

    /**
     * Open task steps past their warning point and not yet reminded, earliest first, locked for this transaction;
     * rows another node's sweep holds are skipped ({@code FOR UPDATE SKIP LOCKED}).
     */
    List<SlaRecord> stepsToRemind(@Param("now") Instant now, @Param("limit") int limit);

    /** Open task steps past their due date and not yet escalated, earliest first, locked the same way. */
    List<SlaRecord> stepsToEscalate(@Param("now") Instant now, @Param("limit") int limit);

    /** Marks claimed steps reminded; the guard keeps a second marking from counting. */
    int warnSteps(@Param("ids") List<Long> ids, @Param("at") Instant at);

    /** Marks claimed steps breached; the guard keeps a second marking from counting. */
    int breachSteps(@Param("ids") List<Long> ids, @Param("at") Instant at);

    /** Closes open steps whose task is gone from the engine without having closed them. */
    int cancelSteps(@Param("ids") List<Long> ids, @Param("at") Instant at);

    /** Many notices in one statement. */
    void notices(@Param("notices") List<StaffNotice> notices);

    void notice(@Param("groupId") String groupId, @Param("kind") NoticeKind kind, @Param("caseId") String caseId,
                @Param("taskId") String taskId, @Param("message") String message, @Param("at") Instant at);

    /** A notice to one member of a group (a chase of the task she holds). */
    void personalNotice(@Param("groupId") String groupId, @Param("userId") String userId, @Param("kind") NoticeKind kind,
                        @Param("caseId") String caseId, @Param("taskId") String taskId, @Param("message") String message,
                        @Param("at") Instant at);

    /** The newest notices to these groups and to this user ({@code groups == null}: everyone's). */
    List<StaffNotice> latestNotices(@Param("groups") List<String> groups, @Param("userId") String userId,
                                    @Param("limit") int limit);

    List<String> noticesFor(@Param("groupId") String groupId, @Param("taskId") String taskId);
}
