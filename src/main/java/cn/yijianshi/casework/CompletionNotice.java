package cn.yijianshi.casework;

import cn.yijianshi.intake.CaseFile;
import cn.yijianshi.intake.CaseStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 办结 (any matter): the case is closed as completed and the citizen gets the one answer of the matter's COMPLETED template. */
@Component("completionNotice")
public class CompletionNotice implements JavaDelegate {

    private final CaseFile caseFile;
    private final CitizenNotices notices;

    public CompletionNotice(CaseFile caseFile, CitizenNotices notices) {
        this.caseFile = caseFile;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        caseFile.close(caseId, CaseStatus.COMPLETED, null);
        String notice = notices.tell(execution, "COMPLETED");
        caseFile.record(caseId, null, "COMPLETED", "办结：" + notice);
    }
}
