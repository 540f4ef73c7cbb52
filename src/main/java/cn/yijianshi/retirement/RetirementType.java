package cn.yijianshi.retirement;

/** 退休类型: which kind of retirement is applied for; the materials and the route depend on it. */
public enum RetirementType {
    NORMAL("正常退休"),
    FLEXIBLE_EARLY("弹性提前退休"),
    SPECIAL_JOB("特殊工种提前退休"),
    ILLNESS("病退（完全丧失劳动能力）");

    private final String displayName;

    RetirementType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
