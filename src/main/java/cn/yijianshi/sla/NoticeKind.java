package cn.yijianshi.sla;

import java.util.Arrays;

/** What a staff notice is about, as stored in staff_notice.kind, with the name the hall reads. */
public enum NoticeKind {
    SLA_WARNING("即将超时提醒"), SLA_BREACH("超时升级"),
    CASE_WARNING("办件即将超时提醒"), CASE_BREACH("办件超时升级"),
    ISSUE_DUE_TODAY("问题今日到期提醒"), ISSUE_OVERDUE("问题逾期升级"),
    TASK_CHASED("催办"), TASK_REASSIGNED("转办"), TASK_COPIED("抄送");

    private final String displayName;

    NoticeKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The Chinese name of a stored kind; a kind this version does not know is shown as stored. */
    static String displayNameOf(String stored) {
        return Arrays.stream(values()).filter(k -> k.name().equals(stored)).findFirst().map(NoticeKind::displayName).orElse(stored);
    }
}
