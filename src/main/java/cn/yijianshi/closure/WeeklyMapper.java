package cn.yijianshi.closure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The weekly analysis's counts, each by category, department and source. SQL in WeeklyMapper.xml. */
@Mapper
public interface WeeklyMapper {

    record Count(String category, String dept, String source, long n) {
    }

    record BadRating(String issueId, String caseId, Instant raisedAt, String description, String status) {
    }

    List<Count> raised(@Param("from") Instant from, @Param("to") Instant to);

    List<Count> closed(@Param("from") Instant from, @Param("to") Instant to);

    List<Count> reopened(@Param("from") Instant from, @Param("to") Instant to);

    record Due(String category, String dept, String source, LocalDate deadline, String status, Instant closedAt) {
    }

    /** Issues (not referred) whose last day lies from {@code firstDeadline} to {@code lastDeadline}: overdue unless closed by then. */
    List<Due> dueBetween(@Param("firstDeadline") LocalDate firstDeadline, @Param("lastDeadline") LocalDate lastDeadline);

    List<BadRating> badRatings(@Param("from") Instant from, @Param("to") Instant to);
}
