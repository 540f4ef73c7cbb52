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

    public CaseMilestones(CaseFile caseFile, cn.yijianshi.casework.CitizenNotices notices) {
        this.caseFile = caseFile;
        this.notices = notices;
    }

    /** After 预审: records the outcome and its explanation. */
    public void preReviewed(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        String outcome = String.valueOf(execution.getVariable("eligibility"));
        String label = switch (outcome) {
            case "ELIGIBLE" -> "符合退休条件";
            case "NEEDS_EXPERT" -> "需专家审核";
            default -> "暂不符合退休条件";
        };
        caseFile.record(caseId, null, "PRE_REVIEWED", "预审：" + label + "。" + execution.getVariable("eligibilityExplanation"));
    }

    /** Departments start their work in parallel: the case is 办理中. */
    public void departmentsStarted(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        caseFile.moveTo(caseId, CaseStatus.IN_PROGRESS);
        caseFile.record(caseId, null, "DEPARTMENTS_STARTED", "预审通过，社保、医保、公积金、档案并联办理");
        notices.tell(execution, "IN_PROGRESS");
    }
}
