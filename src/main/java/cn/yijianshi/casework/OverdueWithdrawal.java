package cn.yijianshi.casework;

import cn.yijianshi.intake.CaseFile;
import cn.yijianshi.intake.CaseStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记逾期撤回: the supplement did not come in time; the case ends as withdrawn, with its reason. */
@Component("overdueWithdrawal")
public class OverdueWithdrawal implements JavaDelegate {

    private final CaseFile caseFile;
    private final CitizenNotices notices;

    public OverdueWithdrawal(CaseFile caseFile, CitizenNotices notices) {
        this.caseFile = caseFile;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        String reason = "逾期未补正材料（补正期限 " + Durations.chinese(String.valueOf(execution.getVariable("supplementWait"))) + "）";
        caseFile.close(caseId, CaseStatus.WITHDRAWN, reason);
        caseFile.record(caseId, null, "WITHDRAWN", "撤回：" + reason);
        notices.tell(execution, "WITHDRAWN", java.util.Map.of("reason", reason));
    }
}
