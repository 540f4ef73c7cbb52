package cn.yijianshi.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.yijianshi.insured.InsuredPerson;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Invitations (outreach_invitation) and the scan's look at the registry; SQL in InvitationMapper.xml. */
@Mapper
public interface InvitationMapper {

    /**
     * The registry's persons whose statutory month is in [from, to], of a status that is invited, with no invitation
     * for that month and no open case of the matter, after (month, id) in that order: a page of the scan.
     */
    List<InsuredPerson> candidates(@Param("from") LocalDate from, @Param("to") LocalDate to,
                                   @Param("statuses") List<String> statuses, @Param("matter") String matter,
                                   @Param("afterMonth") LocalDate afterMonth, @Param("afterId") String afterId,
                                   @Param("limit") int limit);

    void insert(Invitation invitation);

    Invitation find(@Param("invitationId") String invitationId);

    /** The invitation, locked until the caller commits (two windows confirming at once: one case). */
    Invitation lock(@Param("invitationId") String invitationId);

    List<Invitation> ofResident(@Param("idNumber") String idNumber);

    List<Invitation> openAtPoint(@Param("point") String point, @Param("limit") int limit);

    int expire(@Param("today") LocalDate today);

    void attachCallProcess(@Param("invitationId") String invitationId, @Param("processInstanceId") String processInstanceId);

    void recordCallOutcome(@Param("invitationId") String invitationId, @Param("outcome") String outcome);

    int confirm(@Param("invitationId") String invitationId, @Param("at") Instant at, @Param("by") String by,
                @Param("channel") String channel, @Param("caseId") String caseId);
}
