package cn.yijianshi.intake;

/** How the application reached the hall. */
public enum Channel {
    WINDOW("窗口"),
    ONLINE("码上办"),
    PROXY("帮办代办"),
    PARTNER_POINT("社银/社邮合作点"),
    /** 亲情代办: an agent with a standing binding to the applicant (cn.yijianshi.family), named in {@code proxy}. */
    FAMILY("亲情代办");

    private final String displayName;

    Channel(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
