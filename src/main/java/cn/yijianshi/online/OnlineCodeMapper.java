package cn.yijianshi.online;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** online_code and online_identity: the demo 实名认证's one-time codes (hashed) and phone-to-person bindings. */
@Mapper
public interface OnlineCodeMapper {

    @Insert("INSERT INTO online_code (phone, client_address, code_salt, code_hash, created_at, expires_at) "
            + "VALUES (#{phone}, #{address}, #{salt}, #{hash}, #{at}, #{expiresAt})")
    void issue(@Param("phone") String phone, @Param("address") String address, @Param("salt") String salt,
               @Param("hash") String hash, @Param("at") Instant at, @Param("expiresAt") Instant expiresAt);

    @Select("SELECT COUNT(*) FROM online_code WHERE phone = #{phone} AND created_at > #{since}")
    int issuedToPhoneSince(@Param("phone") String phone, @Param("since") Instant since);

    @Select("SELECT COUNT(*) FROM online_code WHERE client_address = #{address} AND created_at > #{since}")
    int issuedToAddressSince(@Param("address") String address, @Param("since") Instant since);

    /** The phone's latest code, used or not. */
    @Select("SELECT id, code_salt, code_hash, expires_at, wrong_tries, locked_at, used_at FROM online_code "
            + "WHERE phone = #{phone} ORDER BY created_at DESC, id DESC LIMIT 1")
    IssuedCode latest(@Param("phone") String phone);

    // locked_at first: MySQL/MariaDB evaluate SET left to right (a later assignment sees the earlier one), H2 does not.
    @Update("UPDATE online_code SET locked_at = CASE WHEN wrong_tries + 1 >= #{maxTries} THEN #{at} ELSE locked_at END, "
            + "wrong_tries = wrong_tries + 1 WHERE id = #{id}")
    int wrongTry(@Param("id") long id, @Param("maxTries") int maxTries, @Param("at") Instant at);

    /** Uses the code once: 0 when it was used, locked or expired meanwhile. */
    @Update("UPDATE online_code SET used_at = #{at} WHERE id = #{id} AND used_at IS NULL AND locked_at IS NULL "
            + "AND expires_at > #{at}")
    int use(@Param("id") long id, @Param("at") Instant at);

    @Select("SELECT id_number FROM online_identity WHERE phone = #{phone}")
    String boundIdNumber(@Param("phone") String phone);

    @Insert("INSERT INTO online_identity (phone, id_number, name, verified_by, verified_at) "
            + "VALUES (#{phone}, #{idNumber}, #{name}, #{kind}, #{at})")
    void bind(@Param("phone") String phone, @Param("idNumber") String idNumber, @Param("name") String name,
              @Param("kind") String kind, @Param("at") Instant at);

    @Update("UPDATE online_identity SET name = #{name}, verified_at = #{at} WHERE phone = #{phone}")
    void confirm(@Param("phone") String phone, @Param("name") String name, @Param("at") Instant at);

    record IssuedCode(long id, String codeSalt, String codeHash, Instant expiresAt, int wrongTries, Instant lockedAt,
                      Instant usedAt) {
    }
}
