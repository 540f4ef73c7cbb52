package cn.yijianshi.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The hall's roles the platform itself knows (the window, the expert workstation, coordinators, managers, leaders,
 * the arbitration liaison, administrators): Camunda groups and Spring Security roles. Departments (社保经办, 医保 ...)
 * are data: {@link cn.yijianshi.catalog.Departments}.
 */
public enum HallGroup {
    WINDOW("window", "综合窗口"),
    EXPERTS("experts", "帮办专家"),
    COORDINATORS("coordinators", "值班主任/协调员"),
    MANAGERS("managers", "管理者"),
    /** 领导: supervise issues on demand (领导督办) and after a citizen's second reopen, and give 批示. */
    LEADERS("leaders", "领导"),
    ARBITRATION_LIAISON("arbitration-liaison", "仲裁联络员"),
    /** 码上办审核组: pre-reviews applications made online (网上申请预审) before they become cases. */
    ONLINE_REVIEW("online-review", "码上办审核组"),
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

    /** The roles whose members work tasks in Tasklist (departments aside). */
    public static java.util.List<HallGroup> rolesWithTasks() {
        return java.util.List.of(WINDOW, EXPERTS, COORDINATORS, LEADERS, ARBITRATION_LIAISON, ONLINE_REVIEW);
    }

    public static Optional<HallGroup> byId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }
}
