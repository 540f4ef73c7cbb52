package cn.yijianshi.intake;

import java.util.List;
import java.util.Set;

import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Who sees which case (办件查询, the case view, its printed papers): coordinators, managers and administrators every
 * case of the hall; a window clerk the cases of her service point ({@link ClerkServicePoints}); everyone else (the
 * departments, the expert workstation, the arbitration liaison) the cases in which one of their groups has or had a
 * step (sla_record.candidate_group), which for 帮办专家 are the hard cases sent to them; and anyone the cases of a task
 * copied to her (抄送, task_copy), read only. The rule is one SQL condition
 * (CaseMapper.xml, {@code visibleTo}) shared by the search and the single case.
 */
@Service
public class CaseVisibility {

    private static final Set<String> SEE_ALL = Set.of(HallGroup.COORDINATORS.id(), HallGroup.MANAGERS.id(),
            HallGroup.ADMIN.id());

    private final CaseMapper cases;
    private final ClerkServicePoints points;

    public CaseVisibility(CaseMapper cases, ClerkServicePoints points) {
        this.cases = cases;
        this.points = points;
    }

    /** What one user may see, as the mapper's condition reads it. */
    public record Viewer(String user, boolean all, List<String> points, List<String> groups) {
    }

    public Viewer of(Authentication user) {
        List<String> groups = HallGroup.groupIds(user.getAuthorities());
        if (groups.stream().anyMatch(SEE_ALL::contains)) {
            return new Viewer(user.getName(), true, List.of(), List.of());
        }
        List<String> clerkPoints = groups.contains(HallGroup.WINDOW.id()) ? points.of(user.getName()) : List.of();
        // The window's own step (审核材料) is in every case: a clerk sees by service point, not by that step.
        List<String> stepGroups = groups.stream().filter(g -> !g.equals(HallGroup.WINDOW.id())).toList();
        return new Viewer(user.getName(), false, clerkPoints, stepGroups);
    }

    /** The case, if this user may see it: 404 when there is none, 403 when it is another point's or department's. */
    public HallCase require(String caseId, Authentication user) {
        HallCase hallCase = cases.findByCaseId(caseId);
        if (hallCase == null) {
            throw RefusedRequest.notFound("caseId", "没有这个办件：" + caseId, "no such case: " + caseId);
        }
        if (!cases.visible(caseId, of(user))) {
            throw RefusedRequest.forbidden("caseId", "无权查看该办件：不是您所在网点受理的，您所在的部门也未参与办理",
                    "not a case of your service point, nor one your groups have worked on");
        }
        return hallCase;
    }
}
