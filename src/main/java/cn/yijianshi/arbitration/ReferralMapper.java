package cn.yijianshi.arbitration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ReferralMapper {

    record EventRow(String eventType, LocalDate eventDate, String note, String recordedBy, Instant recordedAt) {
    }

    @Insert("INSERT INTO arbitration_referral (referral_id, applicant_name, applicant_id_number, applicant_phone, employer_name, "
            + "employer_credit_code, claims, dispute_date, mediation, status, limitation_warning, issue_id, case_id, created_by, "
            + "created_at, extended) VALUES (#{referralId}, #{applicantName}, #{applicantIdNumber}, #{applicantPhone}, "
            + "#{employerName}, #{employerCreditCode}, #{claims}, #{disputeDate}, #{mediation}, #{status}, #{limitationWarning}, "
            + "#{issueId}, #{caseId}, #{createdBy}, #{createdAt}, #{extended})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Referral referral);

    @Select("SELECT * FROM arbitration_referral WHERE referral_id = #{referralId}")
    Referral find(@Param("referralId") String referralId);

    @Update("UPDATE arbitration_referral SET applicant_name = #{r.applicantName}, "
            + "applicant_id_number = #{r.applicantIdNumber}, applicant_phone = #{r.applicantPhone}, employer_name = #{r.employerName}, "
            + "employer_credit_code = #{r.employerCreditCode}, claims = #{r.claims}, dispute_date = #{r.disputeDate}, "
            + "mediation = #{r.mediation}, status = #{r.status}, limitation_warning = #{r.limitationWarning}, "
            + "process_instance_id = #{r.processInstanceId}, mediation_deadline = #{r.mediationDeadline}, "
            + "submitted_date = #{r.submittedDate}, acceptance_deadline = #{r.acceptanceDeadline}, accepted_date = #{r.acceptedDate}, "
            + "award_deadline = #{r.awardDeadline}, extended = #{r.extended}, outcome = #{r.outcome} "
            + "WHERE referral_id = #{r.referralId} AND status = #{expected}")
    int update(@Param("r") Referral referral, @Param("expected") ReferralStatus expected);

    @Insert("INSERT INTO arbitration_event (referral_id, event_type, event_date, note, recorded_by, recorded_at) "
            + "VALUES (#{referralId}, #{type}, #{date}, #{note}, #{by}, #{at})")
    void event(@Param("referralId") String referralId, @Param("type") String type, @Param("date") LocalDate date,
               @Param("note") String note, @Param("by") String by, @Param("at") Instant at);

    /** Open referrals (a statutory deadline running or being checked) after {@code afterId}, in id order. */
    @Select("SELECT * FROM arbitration_referral WHERE status IN ('SUBMITTED', 'VERIFYING_ACCEPTANCE', 'ACCEPTED', 'EXTENDED', "
            + "'VERIFYING_AWARD') AND id > #{afterId} ORDER BY id LIMIT #{limit}")
    List<Referral> openAfter(@Param("afterId") long afterId, @Param("limit") int limit);

    /** The referrals in one state (all when {@code status} is null), newest first: the liaison's desk sorts them by deadline. */
    @Select("<script>SELECT * FROM arbitration_referral <if test='status != null'>WHERE status = #{status}</if> "
            + "ORDER BY id DESC LIMIT #{limit}</script>")
    List<Referral> list(@Param("status") ReferralStatus status, @Param("limit") int limit);

    @Select("SELECT event_type, event_date, note, recorded_by, recorded_at FROM arbitration_event WHERE referral_id = #{referralId} ORDER BY id")
    List<EventRow> events(@Param("referralId") String referralId);
}
