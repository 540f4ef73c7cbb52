package cn.yijianshi.intake;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** hall_case and its materials. */
@Mapper
public interface CaseMapper {

    void insert(HallCase hallCase);

    HallCase findByCaseId(@Param("caseId") String caseId);

    HallCase findByIdempotencyKey(@Param("key") String key);

    void attachProcessInstance(@Param("caseId") String caseId, @Param("processInstanceId") String processInstanceId);

    int updateStatus(@Param("caseId") String caseId, @Param("status") CaseStatus status);

    @org.apache.ibatis.annotations.Update("UPDATE hall_case SET priority = #{priority} WHERE case_id = #{caseId}")
    int updatePriority(@Param("caseId") String caseId, @Param("priority") Priority priority);

    int close(@Param("caseId") String caseId, @Param("status") CaseStatus status, @Param("reason") String reason,
              @Param("closedAt") Instant closedAt);

    int rate(@Param("caseId") String caseId, @Param("score") int score, @Param("comment") String comment,
             @Param("ratedAt") Instant ratedAt);

    void insertMaterial(@Param("caseId") String caseId, @Param("code") String code,
                        @Param("receivedAt") Instant receivedAt, @Param("receivedBy") String receivedBy);

    @Select("SELECT code FROM case_material WHERE case_id = #{caseId} ORDER BY id")
    List<String> materialCodes(@Param("caseId") String caseId);

    @Select("SELECT COUNT(*) FROM hall_case")
    long count();
}
