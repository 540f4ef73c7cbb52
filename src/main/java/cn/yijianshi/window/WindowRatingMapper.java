package cn.yijianshi.window;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** window_rating: the clerk's requests for a rating and the citizen's scores from the 评价器. */
@Mapper
public interface WindowRatingMapper {

    @Insert("INSERT INTO window_rating (case_id, clerk, requested_at) VALUES (#{caseId}, #{clerk}, #{at})")
    void request(@Param("caseId") String caseId, @Param("clerk") String clerk, @Param("at") Instant at);

    /** The clerk's newest request not yet rated, made after {@code since}. */
    @Select("SELECT id, case_id, clerk, requested_at FROM window_rating WHERE clerk = #{clerk} AND score IS NULL "
            + "AND requested_at > #{since} ORDER BY requested_at DESC, id DESC LIMIT 1")
    Pending pending(@Param("clerk") String clerk, @Param("since") Instant since);

    /** Records the score once: 0 when the request was rated meanwhile. */
    @Update("UPDATE window_rating SET score = #{score}, rating_comment = #{comment}, rated_at = #{at} "
            + "WHERE id = #{id} AND score IS NULL")
    int rate(@Param("id") long id, @Param("score") int score, @Param("comment") String comment, @Param("at") Instant at);

    record Pending(Long id, String caseId, String clerk, Instant requestedAt) {
    }
}
