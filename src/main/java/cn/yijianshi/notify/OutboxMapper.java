package cn.yijianshi.notify;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface OutboxMapper {

    @Insert("INSERT INTO notification_outbox (case_id, kind, recipient, message, status, attempts, created_at) "
            + "VALUES (#{caseId}, #{kind}, #{recipient}, #{message}, 'PENDING', 0, #{createdAt})")
    void insert(@Param("caseId") String caseId, @Param("kind") String kind, @Param("recipient") String recipient,
                @Param("message") String message, @Param("createdAt") Instant createdAt);

    @Select("SELECT id, case_id, kind, recipient, message, status, attempts, created_at, sent_at FROM notification_outbox "
            + "WHERE status = 'PENDING' AND attempts < #{maxAttempts} ORDER BY id LIMIT #{limit}")
    List<OutboxMessage> pending(@Param("maxAttempts") int maxAttempts, @Param("limit") int limit);

    @Select("SELECT id, case_id, kind, recipient, message, status, attempts, created_at, sent_at FROM notification_outbox "
            + "WHERE case_id = #{caseId} ORDER BY id")
    List<OutboxMessage> forCase(@Param("caseId") String caseId);

    @Update("UPDATE notification_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = #{sentAt} "
            + "WHERE id = #{id} AND status = 'PENDING'")
    int markSent(@Param("id") long id, @Param("sentAt") Instant sentAt);

    @Update("UPDATE notification_outbox SET attempts = attempts + 1, last_error = #{error}, "
            + "status = CASE WHEN attempts + 1 >= #{maxAttempts} THEN 'FAILED' ELSE 'PENDING' END WHERE id = #{id}")
    int markFailed(@Param("id") long id, @Param("error") String error, @Param("maxAttempts") int maxAttempts);
}
