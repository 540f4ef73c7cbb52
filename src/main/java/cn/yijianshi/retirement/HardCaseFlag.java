package cn.yijianshi.retirement;

import cn.yijianshi.intake.CaseFile;
import cn.yijianshi.system.RefusedRequest;
import cn.yijianshi.system.TaskActor;
import cn.yijianshi.system.TaskHandedOn;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A department user flags a task 疑难 in its form ({@code flagHardCase} with {@code hardCaseReason}): checked and
 * recorded on the case when the task is completed ({@code ${recordHardCaseFlag}}); the gateway after the task
 * (档案疑难?, 核定疑难?, ...) then sends the case to the experts, the flow there takes the flag down so the task's next
 * completion is an ordinary one, and the experts' answer brings the case back to the department. The flagged
 * completion hands the step on ({@link TaskHandedOn}).
 */
@Component("recordHardCaseFlag")
public class HardCaseFlag implements TaskListener {

    public static final String ERROR_CODE = "HARD_CASE";

    private final CaseFile caseFile;

    public HardCaseFlag(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void notify(DelegateTask task) {
        if (recordFlag(task) != null) {
            TaskHandedOn.mark(task);
        }
    }

    /** Records a flag on the case and returns its reason; null when the task is not flagged. A flag needs a reason. */
    String recordFlag(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable("flagHardCase"))) {
            return null;
        }
        Object reason = task.getVariable("hardCaseReason");
        if (reason == null || reason.toString().isBlank()) {
            throw RefusedRequest.badInput("hardCaseReason", "标记疑难时必须填写疑难原因", "a reason is required to flag a hard case");
        }
        task.getExecution().setVariable("hardCaseRaisedIn", task.getName());
        String caseId = task.getExecution().getProcessBusinessKey();
        caseFile.record(caseId, TaskActor.of(task), "HARD_CASE_FLAGGED", "「" + task.getName() + "」标记疑难：" + reason);
        return reason.toString();
    }

    /**
     * The versions deployed with a HARD_CASE error boundary on the flagged tasks name {@code ${hardCaseFlag}}: for
     * their cases the flag is taken down here and the task is left through the boundary. Goes when no case of such a
     * version runs.
     */
    @Component("hardCaseFlag")
    public static class ThroughTheErrorBoundary implements TaskListener {

        private final HardCaseFlag flag;

        public ThroughTheErrorBoundary(HardCaseFlag flag) {
            this.flag = flag;
        }

        @Override
        public void notify(DelegateTask task) {
            String reason = flag.recordFlag(task);
            if (reason != null) {
                task.getExecution().setVariable("flagHardCase", false);
                throw new BpmnError(ERROR_CODE, reason);
            }
        }
    }
}
