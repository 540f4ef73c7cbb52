package cn.yijianshi.closure;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a problem: OPEN -> IN_PROGRESS -> RESOLVED (awaiting the citizen) -> CLOSED (销号);
 * RESOLVED -> REOPENED -> IN_PROGRESS; any open state -> REFERRED; REFERRED -> RESOLVED when the authority's
 * outcome comes back for the call-back (for arbitration: award, mediation, refusal, a deadline passed, withdrawal).
 * Nothing else.
 */
public enum IssueStatus {
    OPEN("待处理"), IN_PROGRESS("处理中"), RESOLVED("已答复待确认"), CLOSED("已销号"), REOPENED("重新处理"), REFERRED("已转介");

    private final String displayName;

    IssueStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isOpen() {
        return this != CLOSED && this != REFERRED;
    }

    public Set<IssueStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, REFERRED);
            case IN_PROGRESS -> EnumSet.of(RESOLVED, REFERRED);
            case RESOLVED -> EnumSet.of(CLOSED, REOPENED, REFERRED);
            case REOPENED -> EnumSet.of(IN_PROGRESS, REFERRED);
            case REFERRED -> EnumSet.of(RESOLVED);
            case CLOSED -> EnumSet.noneOf(IssueStatus.class);
        };
    }

    public boolean canMoveTo(IssueStatus target) {
        return next().contains(target);
    }
}
