package cn.yijianshi.citizen;

import java.time.Instant;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** progress_attempt and rating_link: what the citizen's own pages keep. */
@Mapper
public interface CitizenMapper {

    @Select("SELECT COUNT(*) FROM progress_attempt WHERE client_address = #{address} AND attempted_at > #{since}")
    int failedSince(@Param("address") String address, @Param("since") Instant since);

    @Insert("INSERT INTO progress_attempt (client_address, case_id, attempted_at) VALUES (#{address}, #{caseId}, #{at})")
    void failed(@Param("address") String address, @Param("caseId") String caseId, @Param("at") Instant at);

    @Delete("DELETE FROM progress_attempt WHERE attempted_at < #{before}")
    int forgetBefore(@Param("before") Instant before);

    @Select("SELECT COUNT(*) FROM progress_attempt WHERE case_id = #{caseId} AND attempted_at >= #{since}")
    int failedOnCaseSince(@Param("caseId") String caseId, @Param("since") Instant since);

    @Insert("INSERT INTO progress_code (case_id, code_hash, created_at, expires_at) VALUES (#{caseId}, #{hash}, #{at}, #{expiresAt})")
    void issueCode(@Param("caseId") String caseId, @Param("hash") String hash, @Param("at") Instant at,
                   @Param("expiresAt") Instant expiresAt);

    /** Uses the case's unused, unexpired code with this hash: 1 when there was one. */
    @Update("UPDATE progress_code SET used_at = #{at} WHERE case_id = #{caseId} AND code_hash = #{hash} "
            + "AND used_at IS NULL AND expires_at > #{at}")
    int useCode(@Param("caseId") String caseId, @Param("hash") String hash, @Param("at") Instant at);

    @Insert("INSERT INTO rating_link (token_hash, case_id, created_at, expires_at) VALUES (#{hash}, #{caseId}, #{at}, #{expiresAt})")
    void issue(@Param("hash") String hash, @Param("caseId") String caseId, @Param("at") Instant at,
               @Param("expiresAt") Instant expiresAt);

    @Select("SELECT token_hash, case_id, created_at, expires_at, used_at FROM rating_link WHERE token_hash = #{hash}")
    RatingLink find(@Param("hash") String hash);

    /** Marks the link used, once: 0 when it was used meanwhile. */
    @Update("UPDATE rating_link SET used_at = #{at} WHERE token_hash = #{hash} AND used_at IS NULL")
    int use(@Param("hash") String hash, @Param("at") Instant at);

    record RatingLink(String tokenHash, String caseId, Instant createdAt, Instant expiresAt, Instant usedAt) {
    }
}
