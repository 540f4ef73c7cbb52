package cn.yijianshi.retirement;

import cn.yijianshi.intake.CaseFile;
import cn.yijianshi.system.RefusedRequest;
import cn.yijianshi.system.TaskActor;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A department user flags a task 疑难 in its form: the task is left through its HARD_CASE error
 * boundary to the experts, and comes back to the department afterwards. The flag is consumed here so
 * the task's next completion is an ordinary one.
 */
@Component("hardCaseFlag")
public class HardCaseFlag implements TaskListener {

    public static final String ERROR_CODE = "HARD_CASE";

    private final CaseFile caseFile;

    public HardCaseFlag(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable("flagHardCase"))) {
            return;
        }
        Object reason = task.getVariable("hardCaseReason");
        if (reason == null || reason.toString().isBlank()) {
            throw RefusedRequest.badInput("hardCaseReason", "标记疑难时必须填写疑难原因", "a reason is required to flag a hard case");
        }
        task.getExecution().setVariable("flagHardCase", false);
        task.getExecution().setVariable("hardCaseRaisedIn", task.getName());
        String caseId = task.getExecution().getProcessBusinessKey();
        caseFile.record(caseId, TaskActor.of(task), "HARD_CASE_FLAGGED", "「" + task.getName() + "」标记疑难：" + reason);
        throw new BpmnError(ERROR_CODE, reason.toString());
    }
}
