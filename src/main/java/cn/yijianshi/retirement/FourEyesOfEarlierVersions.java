package cn.yijianshi.retirement;

import cn.yijianshi.system.RefusedRequest;
import cn.yijianshi.system.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 四眼原则 as the versions of 退休一件事 deployed before it was declared on the task (their BPMN names
 * {@code ${fourEyes}}): the person who approves the retirement (退休审批) must not be the one who assessed the
 * pension (养老金核定, the last assessor in {@code pensionAssessedBy}). Enforced when the approval is claimed or
 * assigned and again when completed. Cases started on the current version use the declared four eyes
 * ({@link cn.yijianshi.casework.FourEyes}); this one goes when no case of an earlier version runs.
 */
@Component("fourEyes")
public class FourEyesOfEarlierVersions implements TaskListener {

    static final String ASSESSED_BY = "pensionAssessedBy";

    @Override
    public void notify(DelegateTask task) {
        String actor = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : TaskActor.of(task);
        if (task.getTaskDefinitionKey().equals("Task_ApproveRetirement")) {
            checkApprover(task, actor);
        } else {
            recordAssessor(task, actor);
        }
    }

    private static void recordAssessor(DelegateTask task, String actor) {
        if (actor == null) {
            throw RefusedRequest.conflict("assignee", "养老金核定须由认领人完成（请先认领）",
                    "the pension assessment must be claimed before it is completed");
        }
        task.getExecution().setVariable(ASSESSED_BY, actor);
    }

    private static void checkApprover(DelegateTask task, String actor) {
        if (actor == null) {
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                throw RefusedRequest.conflict("assignee", "退休审批须由认领人完成（请先认领）",
                        "the approval must be claimed before it is completed");
            }
            return;
        }
        if (actor.equals(task.getVariable(ASSESSED_BY))) {
            throw RefusedRequest.conflict("assignee", "四眼原则：退休审批人不能是养老金核定人（" + actor + "）",
                    "four eyes: the approver must not be the person who assessed the pension (" + actor + ")");
        }
    }
}
