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

    /** Who a notice of the case goes to: the applicant's name and phone (null when there is no such case). */
    @Select("SELECT applicant_name AS name, applicant_phone AS phone FROM hall_case WHERE case_id = #{caseId}")
    Recipient recipientOf(@Param("caseId") String caseId);

    /** The applicant's ID number on the case record (null when there is no such case). */
    @Select("SELECT applicant_id_number FROM hall_case WHERE case_id = #{caseId}")
    String applicantIdNumber(@Param("caseId") String caseId);

    /** The applicant as a notice addresses them. */
    record Recipient(String name, String phone) {
    }

    void attachProcessInstance(@Param("caseId") String caseId, @Param("processInstanceId") String processInstanceId);

    int updateStatus(@Param("caseId") String caseId, @Param("status") CaseStatus status);

    @org.apache.ibatis.annotations.Update("UPDATE hall_case SET priority = #{priority} WHERE case_id = #{caseId}")
    int updatePriority(@Param("caseId") String caseId, @Param("priority") Priority priority);

    int close(@Param("caseId") String caseId, @Param("status") CaseStatus status, @Param("reason") String reason,
              @Param("closedAt") Instant closedAt);

    int rate(@Param("caseId") String caseId, @Param("score") int score, @Param("comment") String comment,
             @Param("ratedAt") Instant ratedAt);

    /** The materials received at once, in one statement; {@code codes} must not be empty. */
    void insertMaterials(@Param("caseId") String caseId, @Param("codes") java.util.List<String> codes,
                         @Param("receivedAt") Instant receivedAt, @Param("receivedBy") String receivedBy);

    @Select("SELECT code FROM case_material WHERE case_id = #{caseId} ORDER BY id")
    List<String> materialCodes(@Param("caseId") String caseId);

    @Select("SELECT DISTINCT service_point_code FROM hall_case WHERE accepted_by = #{clerk}")
    List<String> servicePointsAcceptedBy(@Param("clerk") String clerk);

    boolean visible(@Param("caseId") String caseId, @Param("viewer") CaseVisibility.Viewer viewer);

    /** 办件查询: at most {@code limit} cases the viewer may see, newest first. */
    List<CaseRow> search(@Param("q") CaseSearch.Query query, @Param("viewer") CaseVisibility.Viewer viewer,
                         @Param("limit") int limit);

    /** The open steps (task SLA records) of these cases, each with who holds its task now. */
    List<CaseRow.Step> openSteps(@Param("caseIds") List<String> caseIds);

    /** A case's steps, done and open, each with who held it (an open one: who holds its task now). */
    List<CaseRow.DoneOrOpen> steps(@Param("caseId") String caseId);

    @Select("SELECT COUNT(*) FROM hall_case")
    long count();
}
