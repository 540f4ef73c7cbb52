package cn.yijianshi.retirement;

import cn.yijianshi.intake.CaseFile;
import cn.yijianshi.intake.CaseStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记逾期撤回: the supplement did not come in time; the case ends as withdrawn, with its reason. */
@Component("overdueWithdrawal")
public class OverdueWithdrawal implements JavaDelegate {

    private final CaseFile caseFile;

    public OverdueWithdrawal(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        String reason = "逾期未补正材料（补正期限 " + Durations.chinese(String.valueOf(execution.getVariable("supplementWait"))) + "）";
        caseFile.close(caseId, CaseStatus.WITHDRAWN, reason);
        caseFile.record(caseId, null, "WITHDRAWN", "撤回：" + reason);
        caseFile.tellCitizen(caseId, "WITHDRAWN", "您的退休一件事申请（" + caseId + "）因" + reason
                + "已撤回。材料备齐后可重新申请。");
    }
}
