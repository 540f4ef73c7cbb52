package cn.yijianshi.casework;

import java.util.stream.Collectors;

import cn.yijianshi.catalog.Department;
import cn.yijianshi.catalog.Departments;
import cn.yijianshi.catalog.Matter;
import cn.yijianshi.intake.CaseFile;
import cn.yijianshi.intake.CaseStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * 进入部门办理 (any matter): the case is 办理中, the timeline names the matter's departments, and the citizen hears
 * the matter's IN_PROGRESS template. Put on the element where the departments' work begins:
 * {@code <camunda:executionListener event="start" delegateExpression="${departmentsStarted}" />}.
 */
@Component("departmentsStarted")
public class DepartmentsStarted implements ExecutionListener {

    private final CaseFile caseFile;
    private final CitizenNotices notices;
    private final Departments departments;

    public DepartmentsStarted(CaseFile caseFile, CitizenNotices notices, Departments departments) {
        this.caseFile = caseFile;
        this.notices = notices;
        this.departments = departments;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        Matter matter = notices.matterOf(execution);
        String names = matter.departments().stream().filter(code -> !"window".equals(code))
                .map(code -> departments.byCode(code).map(Department::name).orElse(code)).collect(Collectors.joining("、"));
        caseFile.moveTo(caseId, CaseStatus.IN_PROGRESS);
        caseFile.record(caseId, null, "DEPARTMENTS_STARTED", "受理审核通过，" + names + "办理");
        notices.tell(execution, "IN_PROGRESS");
    }
}
