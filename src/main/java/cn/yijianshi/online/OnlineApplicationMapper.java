package cn.yijianshi.online;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** online_application and online_material. */
@Mapper
public interface OnlineApplicationMapper {

    String COLUMNS = "application_id, matter, status, applicant_id_number, applicant_name, applicant_phone, "
            + "submitted_by_id_number, submitted_by_name, relation, facts, created_at, submitted_at, decided_at, decided_by, "
            + "return_reason, case_id, process_instance_id";

    @Insert("INSERT INTO online_application (application_id, matter, status, applicant_id_number, applicant_name, "
            + "applicant_phone, submitted_by_id_number, submitted_by_name, relation, facts, created_at) VALUES "
            + "(#{applicationId}, #{matter}, #{status}, #{applicantIdNumber}, #{applicantName}, #{applicantPhone}, "
            + "#{submittedByIdNumber}, #{submittedByName}, #{relation}, #{facts}, #{createdAt})")
    void insert(OnlineApplication application);

    @Select("SELECT " + COLUMNS + " FROM online_application WHERE application_id = #{id}")
    OnlineApplication find(@Param("id") String applicationId);

    @Select("SELECT " + COLUMNS + " FROM online_application WHERE application_id = #{id} FOR UPDATE")
    OnlineApplication lock(@Param("id") String applicationId);

    @Select("SELECT " + COLUMNS + " FROM online_application WHERE case_id = #{caseId}")
    OnlineApplication ofCase(@Param("caseId") String caseId);

    /** The person's own applications and those they made for others, newest first. */
    @Select("SELECT " + COLUMNS + " FROM online_application WHERE applicant_id_number = #{idNumber} "
            + "OR submitted_by_id_number = #{idNumber} ORDER BY created_at DESC LIMIT 100")
    List<OnlineApplication> of(@Param("idNumber") String idNumber);

    @Update("UPDATE online_application SET facts = #{facts} WHERE application_id = #{id}")
    void updateFacts(@Param("id") String applicationId, @Param("facts") String facts);

    @Update("UPDATE online_application SET status = 'SUBMITTED', submitted_at = #{at}, return_reason = NULL, "
            + "process_instance_id = #{processInstanceId} WHERE application_id = #{id}")
    void submitted(@Param("id") String applicationId, @Param("at") Instant at,
                   @Param("processInstanceId") String processInstanceId);

    @Update("UPDATE online_application SET status = 'RETURNED', decided_at = #{at}, decided_by = #{by}, "
            + "return_reason = #{reason} WHERE application_id = #{id}")
    void returned(@Param("id") String applicationId, @Param("at") Instant at, @Param("by") String by,
                  @Param("reason") String reason);

    @Update("UPDATE online_application SET status = 'ACCEPTED', decided_at = #{at}, decided_by = #{by}, "
            + "case_id = #{caseId} WHERE application_id = #{id}")
    void accepted(@Param("id") String applicationId, @Param("at") Instant at, @Param("by") String by,
                  @Param("caseId") String caseId);

    @Insert("INSERT INTO online_material (application_id, material_code, file_name, media_type, size_bytes, content, "
            + "uploaded_at) VALUES (#{applicationId}, #{code}, #{fileName}, #{mediaType}, #{size}, #{content}, #{at})")
    void insertMaterial(@Param("applicationId") String applicationId, @Param("code") String code,
                        @Param("fileName") String fileName, @Param("mediaType") String mediaType, @Param("size") long size,
                        @Param("content") byte[] content, @Param("at") Instant at);

    @Select("SELECT id, material_code, file_name, media_type, size_bytes, uploaded_at FROM online_material "
            + "WHERE application_id = #{id} ORDER BY id")
    List<UploadedMaterial> materials(@Param("id") String applicationId);

    /** A file the citizen uploaded (its content is read apart, when shown). */
    record UploadedMaterial(long id, String materialCode, String fileName, String mediaType, long sizeBytes,
                            Instant uploadedAt) {
    }
}
