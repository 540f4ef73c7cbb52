package cn.yijianshi.notify;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.yijianshi.system.WrittenWithTheCommand;

/** The outbox table {@code notification_outbox}; SQL in OutboxMapper.xml. */
@Mapper
public interface OutboxMapper {

    @WrittenWithTheCommand
    void insert(Outbox.NewMessage message);

    /**
     * Locks up to {@code limit} messages due at {@code now} that nobody holds (or whose holder's lease has run
     * out), skipping rows another node is locking this very moment. Call inside a transaction.
     */
    List<Long> lockClaimable(@Param("now") Instant now, @Param("limit") int limit);

    int claim(@Param("ids") List<Long> ids, @Param("owner") String owner, @Param("leaseUntil") Instant leaseUntil);

    List<OutboxMessage> claimedBy(@Param("owner") String owner, @Param("ids") List<Long> ids);

    /** Gives back what {@code owner} claimed and did not get to. */
    int release(@Param("ids") List<Long> ids, @Param("owner") String owner);

    int markSent(@Param("id") long id, @Param("owner") String owner, @Param("sentAt") Instant sentAt);

    int markRetry(@Param("id") long id, @Param("owner") String owner, @Param("error") String error,
                  @Param("nextAttemptAt") Instant nextAttemptAt);

    int markFailed(@Param("id") long id, @Param("owner") String owner, @Param("error") String error,
                   @Param("failedAt") Instant failedAt);

    /** The stored text and parameters with the one-time code blanked (after its delivery, or once given up). */
    @org.apache.ibatis.annotations.Update("UPDATE notification_outbox SET message = #{message}, template_params = #{params} WHERE id = #{id}")
    int forgetOneTimeCode(@Param("id") long id, @Param("message") String message, @Param("params") String params);

    List<OutboxMessage> forCase(@Param("caseId") String caseId);

    /** The latest messages given up, newest first. */
    List<OutboxMessage> failed(@Param("limit") int limit);
}
