package cn.yijianshi.retirement;

import cn.yijianshi.intake.CaseFile;
import cn.yijianshi.intake.CaseStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Milestones of the retirement case that the timeline and the citizen hear about (实时告知). */
@Component("caseMilestones")
public class CaseMilestones {

    private final CaseFile caseFile;
    private final cn.yijianshi.casework.CitizenNotices notices;
    private final cn.yijianshi.sla.CaseSla caseSla;
    private final cn.yijianshi.system.HallClock clock;

    public CaseMilestones(CaseFile caseFile, cn.yijianshi.casework.CitizenNotices notices,
                          cn.yijianshi.sla.CaseSla caseSla, cn.yijianshi.system.HallClock clock) {
        this.caseFile = caseFile;
        this.notices = notices;
        this.caseSla = caseSla;
        this.clock = clock;
    }

    /** After 预审: records the outcome and its explanation. */
    public void preReviewed(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        String outcome = String.valueOf(execution.getVariable("eligibility"));
        String label = switch (outcome) {
            case "ELIGIBLE" -> "符合退休条件";
            case "NEEDS_EXPERT" -> "需专家审核";
            case "EARLY" -> "提前预审通过";
            default -> "暂不符合退休条件";
        };
        caseFile.record(caseId, null, "PRE_REVIEWED", "预审：" + label + "。" + execution.getVariable("eligibilityExplanation"));
    }

    /**
     * 提前预审 passed before the applicant's month: the case waits for the month's first working day, its promise
     * stopped, and the citizen is told that it is ready and by when it will be completed (the promise counted from
     * that day).
     */
    public void heldForRetirementMonth(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        java.time.Instant startsAt = java.time.Instant.parse((String) execution.getVariable("retirementMonthStartsAt"));
        String matter = notices.matterOf(execution).key();
        java.time.LocalDate startsOn = clock.inHallZone(startsAt).toLocalDate();
        java.time.LocalDate promisedBy = caseSla.holdUntil(caseId, matter, startsAt)
                .map(due -> clock.inHallZone(due).toLocalDate()).orElse(startsOn);
        caseFile.moveTo(caseId, CaseStatus.PRE_REVIEWED);
        caseFile.record(caseId, null, "WAITING_FOR_MONTH", "提前预审通过，等待退休月份（" + execution.getVariable("retirementMonth")
                + "）：" + startsOn + " 起办理，预计 " + promisedBy + " 前办结；等待期间不计办件时限");
        notices.tell(execution, "PRE_REVIEWED", java.util.Map.of("startsOn", startsOn.toString(),
                "promisedBy", promisedBy.toString()));
    }

    /** The applicant's month has come: the promise runs from today, and the departments begin. */
    public void retirementMonthReached(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        caseSla.restartNow(caseId, notices.matterOf(execution).key());
        caseFile.record(caseId, null, "RETIREMENT_MONTH_REACHED", "退休月份（" + execution.getVariable("retirementMonth")
                + "）已到，办件时限自今日起算");
    }

    /** Departments start their work in parallel: the case is 办理中. */
    public void departmentsStarted(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        caseFile.moveTo(caseId, CaseStatus.IN_PROGRESS);
        caseFile.record(caseId, null, "DEPARTMENTS_STARTED", "预审通过，社保、医保、公积金、档案并联办理");
        notices.tell(execution, "IN_PROGRESS");
    }
}
