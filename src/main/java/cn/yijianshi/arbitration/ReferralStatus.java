package cn.yijianshi.arbitration;

/** Where a referral stands. */
public enum ReferralStatus {
    PREPARING("整理材料"), MEDIATING("调解中"), SUBMITTED("已提交待受理"), ACCEPTED("已受理"), EXTENDED("已延期审理"),
    MEDIATED("调解成功"), AWARDED("已裁决"), REJECTED("不予受理"), WITHDRAWN("已撤回"),
    ACCEPTANCE_OVERDUE("逾期未受理"), AWARD_OVERDUE("逾期未裁决"),
    // a deadline passed with nothing recorded: the liaison checks with the commission, the awaited events stay possible
    VERIFYING_ACCEPTANCE("受理期限已过，核实中"), VERIFYING_AWARD("裁决期限已过，核实中");

    private final String displayName;

    ReferralStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
