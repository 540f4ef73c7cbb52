package cn.yijianshi.family;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** family_binding, family_agent and family_binding_use. SQL in FamilyBindingMapper.xml. */
@Mapper
public interface FamilyBindingMapper {

    void insert(FamilyBinding binding);

    FamilyBinding find(@Param("id") long id);

    /** Locks the agent's row (made first if missing), so that the count of bindings stays right under concurrency. */
    String lockAgent(@Param("agentIdNumber") String agentIdNumber);

    void insertAgent(@Param("agentIdNumber") String agentIdNumber);

    List<FamilyBinding> ofAgent(@Param("agentIdNumber") String agentIdNumber);

    List<FamilyBinding> ofHolder(@Param("holderIdNumber") String holderIdNumber);

    int end(@Param("id") long id, @Param("at") Instant at, @Param("by") String by, @Param("side") String side);

    int renew(@Param("id") long id, @Param("consentDate") LocalDate consentDate, @Param("expiresOn") LocalDate expiresOn);

    void insertUse(@Param("bindingId") long bindingId, @Param("caseId") String caseId, @Param("at") Instant at,
                   @Param("by") String by);

    List<Map<String, Object>> usesOf(@Param("bindingId") long bindingId);
}
