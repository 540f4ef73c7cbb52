package cn.yijianshi.retirement;

import cn.yijianshi.intake.CaseFile;
import cn.yijianshi.intake.CaseStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 办结告知: the one answer to the citizen, with the approved pension; the case is 办结. */
@Component("completionNotice")
public class CompletionNotice implements JavaDelegate {

    private final CaseFile caseFile;

    public CompletionNotice(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        Object pension = execution.getVariable("approvedMonthlyPension");
        String notice = "您的退休一件事（" + caseId + "）已办结：退休审批通过"
                + (pension == null ? "" : "，核定基本养老金 " + pension + " 元/月")
                + "；医保退休待遇已变更"
                + (Boolean.TRUE.equals(execution.getVariable("hasFundAccount")) ? "；公积金已办理提取" : "")
                + "。欢迎对本次服务进行评价。";
        caseFile.close(caseId, CaseStatus.COMPLETED, null);
        caseFile.record(caseId, null, "COMPLETED", "办结：" + notice);
        caseFile.tellCitizen(caseId, "COMPLETED", notice);
    }
}
