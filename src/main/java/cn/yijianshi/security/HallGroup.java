package cn.yijianshi.security;

import java.util.Arrays;
import java.util.Optional;

/** The hall's groups: Camunda identity groups, candidate groups of tasks, and Spring Security roles. */
public enum HallGroup {
    WINDOW("window", "综合窗口"),
    DEPT_PENSION("dept-pension", "社保经办"),
    DEPT_MEDICAL("dept-medical", "医保"),
    DEPT_FUND("dept-fund", "公积金"),
    DEPT_ARCHIVES("dept-archives", "档案"),
    EXPERTS("experts", "帮办专家"),
    COORDINATORS("coordinators", "值班主任/协调员"),
    MANAGERS("managers", "管理者"),
    ARBITRATION_LIAISON("arbitration-liaison", "仲裁联络员"),
    ADMIN("camunda-admin", "系统管理员");

    private static final String AUTHORITY_PREFIX = "GROUP_";

    private final String id;
    private final String displayName;

    HallGroup(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The Spring Security authority a member of this group holds. */
    public String authority() {
        return authorityOf(id);
    }

    /** The authority of any Camunda group, ours or not. */
    public static String authorityOf(String groupId) {
        return AUTHORITY_PREFIX + groupId;
    }

    /** The Camunda group ids behind a user's authorities. */
    public static java.util.List<String> groupIds(java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> authorities) {
        return authorities.stream().map(org.springframework.security.core.GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(AUTHORITY_PREFIX)).map(a -> a.substring(AUTHORITY_PREFIX.length())).toList();
    }

    /** The groups that own tasks and issues: what a report can be filtered by. */
    public static java.util.List<HallGroup> departments() {
        return java.util.List.of(WINDOW, DEPT_PENSION, DEPT_MEDICAL, DEPT_FUND, DEPT_ARCHIVES, EXPERTS);
    }

    public static Optional<HallGroup> byId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }
}
