package cn.yijianshi.closure;

import java.time.Instant;
import java.time.LocalDate;

import cn.yijianshi.security.HallGroup;
import cn.yijianshi.sla.NoticeKind;
import cn.yijianshi.sla.SlaMapper;
import cn.yijianshi.system.HallClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every issue runs against its category's 整改时限 until it is closed or referred: on its last day the
 * responsible department is reminded, and once it is overdue the department and the coordinators are
 * told (提醒与升级 on /sla, GET /api/sla/notices). Each once, whichever node gets there first.
 */
@Component
public class IssueDeadlineWatch {

    private final IssueMapper issues;
    private final SlaMapper notices;
    private final HallClock clock;

    public IssueDeadlineWatch(IssueMapper issues, SlaMapper notices, HallClock clock) {
        this.issues = issues;
        this.notices = notices;
        this.clock = clock;
    }

    /** One look at the deadlines; returns how many reminders and escalations were sent. */
    @Transactional
    public int watch() {
        Instant now = clock.now();
        LocalDate today = clock.today();
        int told = 0;
        for (IssueMapper.DeadlineDue issue : issues.deadlineDue(today)) {
            String who = issue.responsiblePerson() == null ? "尚无责任人" : "责任人 " + issue.responsiblePerson();
            if (issue.deadline().isBefore(today)) {
                if (issues.markDeadlineEscalated(issue.issueId(), now) == 1) {
                    String message = "【问题逾期】" + issue.issueId() + " 已超过整改时限 " + issue.deadline() + "，" + who + "，请督办";
                    notices.notice(issue.responsibleDept(), NoticeKind.ISSUE_OVERDUE, issue.caseId(), null, message, now);
                    if (!HallGroup.COORDINATORS.id().equals(issue.responsibleDept())) {
                        notices.notice(HallGroup.COORDINATORS.id(), NoticeKind.ISSUE_OVERDUE, issue.caseId(), null, message, now);
                    }
                    told++;
                }
            } else if (issues.markDeadlineWarned(issue.issueId(), now) == 1) {
                String message = "【问题今日到期】" + issue.issueId() + " 整改时限为今天（" + issue.deadline() + "），" + who;
                notices.notice(issue.responsibleDept(), NoticeKind.ISSUE_DUE_TODAY, issue.caseId(), null, message, now);
                told++;
            }
        }
        return told;
    }
}
