package cn.yijianshi.closure;

import java.util.List;
import java.util.Set;

import cn.yijianshi.catalog.Departments;
import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may do what on the 问题清单: coordinators and experts act on every issue, managers and leaders read every
 * issue, a department's clerks read (and add evidence to) the issues their department is responsible for; a window
 * clerk reads the issues she raised. 回访/销号 and 提请领导督办 are the coordinators'; 批示 the leaders'.
 */
@Component
public class IssueAccess {

    private static final Set<String> READ_ALL = Set.of(HallGroup.COORDINATORS.id(), HallGroup.EXPERTS.id(),
            HallGroup.MANAGERS.id(), HallGroup.LEADERS.id(), HallGroup.ADMIN.id());
    private static final Set<String> ACT_ALL = Set.of(HallGroup.COORDINATORS.id(), HallGroup.EXPERTS.id(), HallGroup.ADMIN.id());

    private final Departments departments;

    public IssueAccess(Departments departments) {
        this.departments = departments;
    }

    private static List<String> groups(Authentication user) {
        return HallGroup.groupIds(user.getAuthorities());
    }

    /** {@code null}: every issue; otherwise the departments whose issues this user may see. */
    public List<String> scope(Authentication user) {
        List<String> groups = groups(user);
        if (groups.stream().anyMatch(READ_ALL::contains)) {
            return null;
        }
        return groups.stream().filter(g -> departments.byGroup(g).isPresent()).toList();
    }

    public boolean mayRead(Issue issue, Authentication user) {
        List<String> scope = scope(user);
        return scope == null || scope.contains(issue.getResponsibleDept()) || user.getName().equals(issue.getRaisedBy());
    }

    public void requireRead(Issue issue, Authentication user) {
        if (!mayRead(issue, user)) {
            throw RefusedRequest.forbidden("issueId", "无权查看问题 " + issue.getIssueId() + "：只能查看本部门负责的问题",
                    "not allowed to read issue " + issue.getIssueId() + ": only your department's issues");
        }
    }

    /** The list: everyone who may read some issues (a window clerk sees those she raised through the issue itself). */
    public void requireList(Authentication user) {
        List<String> scope = scope(user);
        if (scope != null && scope.isEmpty()) {
            throw RefusedRequest.forbidden("issues", "无权查看问题清单（限值班主任、帮办专家、管理者、领导和责任部门）",
                    "the issue list is for coordinators, experts, managers, leaders and the responsible departments");
        }
    }

    /** Raising: anyone who works cases (window, departments, experts, coordinators); managers and leaders only read. */
    public void requireRaise(Authentication user) {
        List<String> groups = groups(user);
        boolean works = groups.stream().anyMatch(g -> ACT_ALL.contains(g) || g.equals(HallGroup.WINDOW.id())
                || departments.byGroup(g).isPresent());
        if (!works) {
            throw RefusedRequest.forbidden("issues", "无权登记问题（管理者和领导只读）", "managers and leaders may only read the issue list");
        }
    }

    /** Evidence: coordinators, experts, and the responsible department's clerks. */
    public void requireAttach(Issue issue, Authentication user) {
        List<String> groups = groups(user);
        if (groups.stream().noneMatch(ACT_ALL::contains) && !groups.contains(issue.getResponsibleDept())) {
            throw RefusedRequest.forbidden("issueId", "无权为此问题上传佐证材料（限值班主任、帮办专家和责任部门）",
                    "only coordinators, experts and the responsible department may add evidence");
        }
    }

    public void requireCoordinator(Authentication user, String what) {
        List<String> groups = groups(user);
        if (!groups.contains(HallGroup.COORDINATORS.id()) && !groups.contains(HallGroup.ADMIN.id())) {
            throw RefusedRequest.forbidden("issueId", "无权" + what + "（限值班主任/协调员）", "only coordinators may do this");
        }
    }

    public void requireLeader(Authentication user) {
        List<String> groups = groups(user);
        if (!groups.contains(HallGroup.LEADERS.id()) && !groups.contains(HallGroup.ADMIN.id())) {
            throw RefusedRequest.forbidden("instructions", "无权批示（限领导）", "only leaders give instructions");
        }
    }
}
