package cn.yijianshi.closure;

/** Where a problem came from. */
public enum IssueSource {
    WINDOW("窗口"), DEPT_TASK("部门办理"), HOTLINE("12333热线"), ONLINE("网上"), BAD_RATING("差评"), SUPERVISION("督查");

    private final String displayName;

    IssueSource(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
