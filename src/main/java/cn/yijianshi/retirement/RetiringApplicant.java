package cn.yijianshi.retirement;

import cn.yijianshi.intake.CaseMapper;
import cn.yijianshi.intake.ResidentIdNumber;
import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The retiring applicant's gender and birth date, which 计算预审要素 and 测算养老金 compute with, read from the ID
 * number on the case record (the intake checked it, and the gender given against it) instead of being carried as
 * process variables.
 */
@Component
class RetiringApplicant {

    private final CaseMapper cases;
    private final HallClock clock;

    RetiringApplicant(CaseMapper cases, HallClock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    ResidentIdNumber of(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        String idNumber = caseId == null ? null : cases.applicantIdNumber(caseId);
        if (idNumber == null) {
            throw new IllegalStateException("retirement process " + execution.getProcessInstanceId() + " has no case record ("
                    + caseId + ") with an ID number");
        }
        return ResidentIdNumber.parse(idNumber, clock.today()).orElseThrow(() ->
                new IllegalStateException("case " + caseId + " has no resident ID number"));
    }
}
