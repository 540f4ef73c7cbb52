package cn.yijianshi.sla;

/** Where a step stands against its time limit. */
public enum SlaState {
    ON_TRACK("正常"),
    AT_RISK("即将超时"),
    BREACHED("已超时"),
    PAUSED("暂停计时"),
    DONE("已完成"),
    CANCELLED("已取消");

    private final String displayName;

    SlaState(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
