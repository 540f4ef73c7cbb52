package cn.yijianshi.casework;

import cn.yijianshi.intake.CaseFile;
import cn.yijianshi.intake.CaseStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 告知不予受理: the case ends with its reason: the expert's opinion where an expert declined,
 * otherwise the pre-review's explanation (earliest month, missing contribution).
 */
@Component("notAcceptedNotice")
public class NotAcceptedNotice implements JavaDelegate {

    private final CaseFile caseFile;
    private final CitizenNotices notices;

    public NotAcceptedNotice(CaseFile caseFile, CitizenNotices notices) {
        this.caseFile = caseFile;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        Object decision = execution.getVariable("expertDecision");
        Object given = execution.getVariable("rejectionReason");
        String reason = given != null && !given.toString().isBlank() ? given.toString()
                : decision != null && !"APPROVE".equals(decision) ? "专家审核意见：" + execution.getVariable("expertOpinion")
                : String.valueOf(execution.getVariable("eligibilityExplanation"));
        execution.setVariable("rejectionReason", reason);
        caseFile.close(caseId, CaseStatus.NOT_ACCEPTED, reason);
        caseFile.record(caseId, null, "NOT_ACCEPTED", "不予受理：" + reason);
        notices.tell(execution, "NOT_ACCEPTED", java.util.Map.of("reason", reason));
    }
}
