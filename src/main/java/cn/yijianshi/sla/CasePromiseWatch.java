package cn.yijianshi.sla;

import java.time.Instant;

import cn.yijianshi.intake.CaseTimeline;
import cn.yijianshi.system.HallClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watches the whole-case promises (e.g. 退休一件事 in 10 working days), which span many steps and so have
 * no task timer: once a minute, a case past its warning point is reminded to the coordinators, and a case
 * past its due date is escalated to them and noted on its timeline. A paused case (the citizen is bringing
 * materials) is never told. Each is told once, whichever node of a cluster gets there first.
 */
@Component
public class CasePromiseWatch {

    private final SlaMapper records;
    private final SlaPolicies policies;
    private final CaseTimeline timeline;
    private final HallClock clock;

    public CasePromiseWatch(SlaMapper records, SlaPolicies policies, CaseTimeline timeline, HallClock clock) {
        this.records = records;
        this.policies = policies;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** One look at the promises; returns how many reminders and escalations were sent. */
    @Transactional
    public int watch() {
        Instant now = clock.now();
        int told = 0;
        for (SlaRecord promise : records.casePromisesPast(now)) {
            if (promise.getWarnedAt() == null && !promise.getWarnAt().isAfter(now) && records.warnRecord(promise.getId(), now) == 1) {
                String message = "【办件即将超时】" + promise.getCaseId() + " 办件总时限（" + promise.getLimitText() + "）将于 "
                        + clock.wallClock(promise.getDueAt()) + " 到期";
                policies.caseAudience().warnTo().forEach(group ->
                        records.notice(group, NoticeKind.CASE_WARNING, promise.getCaseId(), null, message, now));
                told++;
            }
            if (promise.getBreachedAt() == null && !promise.getDueAt().isAfter(now) && records.breachRecord(promise.getId(), now) == 1) {
                String message = "【办件已超时】" + promise.getCaseId() + " 已超过办件总时限（" + promise.getLimitText() + "），请督办";
                policies.caseAudience().escalateTo().forEach(group ->
                        records.notice(group, NoticeKind.CASE_BREACH, promise.getCaseId(), null, message, now));
                timeline.record(promise.getCaseId(), null, "CASE_SLA_BREACHED", "办件超过总时限（" + promise.getLimitText() + "），已升级至值班主任");
                told++;
            }
        }
        return told;
    }
}
