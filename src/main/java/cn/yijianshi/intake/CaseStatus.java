package cn.yijianshi.intake;

/** Where a case stands, as the citizen is told. */
public enum CaseStatus {
    ACCEPTED("已受理"),
    WAITING_FOR_MATERIALS("待补正材料"),
    /** 提前预审: pre-reviewed before the applicant's month, waiting for it to complete. */
    PRE_REVIEWED("已预审，到月办结"),
    IN_PROGRESS("办理中"),
    COMPLETED("已办结"),
    WITHDRAWN("已撤回"),
    NOT_ACCEPTED("不予受理");

    private final String displayName;

    CaseStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == WITHDRAWN || this == NOT_ACCEPTED;
    }
}
