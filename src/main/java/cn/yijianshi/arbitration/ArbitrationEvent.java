package cn.yijianshi.arbitration;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the commission does, as the liaison posts it, the states in which it may come, and the message
 * that tells the waiting referral process.
 */
public enum ArbitrationEvent {
    SUBMITTED("仲裁委收件", EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.VERIFYING_ACCEPTANCE), "ArbitrationSubmitted"),
    ACCEPTED("受理", EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.VERIFYING_ACCEPTANCE), "ArbitrationAccepted"),
    REJECTED("不予受理", EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.VERIFYING_ACCEPTANCE), "ArbitrationRejected"),
    // once only: a second extension is refused also while the award is being checked (Referrals.record)
    EXTENDED("延期审理", EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.VERIFYING_AWARD), "ArbitrationExtended"),
    MEDIATED("调解成功", EnumSet.of(ReferralStatus.MEDIATING, ReferralStatus.ACCEPTED, ReferralStatus.EXTENDED,
            ReferralStatus.VERIFYING_AWARD), "ArbitrationMediated"),
    AWARDED("作出裁决", EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.EXTENDED, ReferralStatus.VERIFYING_AWARD), "ArbitrationAwarded"),
    WITHDRAWN("撤回申请", EnumSet.of(ReferralStatus.MEDIATING, ReferralStatus.SUBMITTED, ReferralStatus.ACCEPTED, ReferralStatus.EXTENDED,
            ReferralStatus.VERIFYING_ACCEPTANCE, ReferralStatus.VERIFYING_AWARD), "ArbitrationWithdrawn");

    private final String displayName;
    private final Set<ReferralStatus> allowedIn;
    private final String message;

    ArbitrationEvent(String displayName, Set<ReferralStatus> allowedIn, String message) {
        this.displayName = displayName;
        this.allowedIn = allowedIn;
        this.message = message;
    }

    public String displayName() {
        return displayName;
    }

    public boolean allowedIn(ReferralStatus status) {
        return allowedIn.contains(status);
    }

    public Set<ReferralStatus> allowedIn() {
        return allowedIn;
    }

    public String message() {
        return message;
    }
}
