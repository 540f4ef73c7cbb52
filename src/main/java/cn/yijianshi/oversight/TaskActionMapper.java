package cn.yijianshi.oversight;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** task_action (催办, 转办, 抄送 as they were done) and task_copy (who was copied on which task). */
@Mapper
public interface TaskActionMapper {

    /**
     * One copied task with where it stands: {@code historyId} null when the engine kept no history of it, {@code
     * endedAt} null while it is open; {@code holder} the open task's assignee (its engine task), or the finished one's
     * last (its history).
     */
    record CopyRow(String taskId, String caseId, String taskName, String userId, String copiedBy, Instant copiedAt,
                   String holder, String historyId, Instant endedAt) {
    }

    @Insert("INSERT INTO task_action (task_id, case_id, task_name, candidate_group, action, actor, target, message, acted_at) "
            + "VALUES (#{task.taskId}, #{task.caseId}, #{task.name}, #{task.group}, #{action}, #{actor}, #{target}, #{message}, #{at})")
    void record(@Param("task") OpenTask task, @Param("action") TaskAction action, @Param("actor") String actor,
                @Param("target") String target, @Param("message") String message, @Param("at") Instant at);

    /**
     * Locks the task's time-limit row until the transaction ends: two coordinators chasing the same task at the
     * same moment, on one node or two, are taken one after the other, so the once-an-hour rule holds.
     */
    @Select("SELECT id FROM sla_record WHERE task_id = #{taskId} FOR UPDATE")
    Long lockTask(@Param("taskId") String taskId);

    @Select("SELECT MAX(acted_at) FROM task_action WHERE task_id = #{taskId} AND action = 'CHASE'")
    Instant lastChase(@Param("taskId") String taskId);

    @Insert("INSERT INTO task_copy (task_id, case_id, task_name, user_id, copied_by, copied_at) "
            + "VALUES (#{task.taskId}, #{task.caseId}, #{task.name}, #{userId}, #{by}, #{at})")
    void copy(@Param("task") OpenTask task, @Param("userId") String userId, @Param("by") String by, @Param("at") Instant at);

    @Select("SELECT user_id FROM task_copy WHERE task_id = #{taskId} ORDER BY id")
    List<String> copiedOn(@Param("taskId") String taskId);

    @Select("SELECT c.task_id, c.case_id, c.task_name, c.user_id, c.copied_by, c.copied_at, "
            + "CASE WHEN h.ID_ IS NULL THEN NULL WHEN h.END_TIME_ IS NULL "
            + "THEN (SELECT t.ASSIGNEE_ FROM ACT_RU_TASK t WHERE t.ID_ = c.task_id) ELSE h.ASSIGNEE_ END AS holder, "
            + "h.ID_ AS history_id, h.END_TIME_ AS ended_at "
            + "FROM task_copy c LEFT JOIN ACT_HI_TASKINST h ON h.ID_ = c.task_id "
            + "WHERE c.user_id = #{userId} ORDER BY c.copied_at DESC, c.id DESC LIMIT #{limit}")
    List<CopyRow> copiedTo(@Param("userId") String userId, @Param("limit") int limit);
}
