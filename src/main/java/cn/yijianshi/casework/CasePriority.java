package cn.yijianshi.casework;

import cn.yijianshi.intake.CaseFile;
import cn.yijianshi.intake.CaseMapper;
import cn.yijianshi.intake.HallCase;
import cn.yijianshi.intake.Priority;
import cn.yijianshi.sla.CaseSla;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * 转为加急 (any matter): after a rule of the matter set the process's {@code priority} (a DMN routing a 绿色通道 case
 * URGENT), the case record, its promise and its timeline follow. Put it where the rule's result has been set:
 * {@code <camunda:executionListener event="start" delegateExpression="${casePriority}" />}. The tasks themselves read
 * {@code priority} and {@code taskPriority} from the process.
 */
@Component("casePriority")
public class CasePriority implements ExecutionListener {

    private final CaseMapper cases;
    private final CaseSla caseSla;
    private final CaseFile caseFile;

    public CasePriority(CaseMapper cases, CaseSla caseSla, CaseFile caseFile) {
        this.cases = cases;
        this.caseSla = caseSla;
        this.caseFile = caseFile;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        Priority priority = "URGENT".equals(execution.getVariable("priority")) ? Priority.URGENT : Priority.NORMAL;
        HallCase hallCase = cases.findByCaseId(caseId);
        if (hallCase == null || hallCase.getPriority() == priority) {
            return;
        }
        cases.updatePriority(caseId, priority);
        caseSla.reprioritise(caseId, hallCase.getMatter(), priority);
        caseFile.record(caseId, null, "PRIORITY_CHANGED", "按事项办理规则转为" + priority.displayName() + "办理，承诺时限随之重算");
    }
}
