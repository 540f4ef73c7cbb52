package cn.yijianshi.system;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A user task completed to hand its step on rather than to finish it: a department that flags its step 疑难
 * completes the task, the BPMN sends the case to the experts and back, and the step is finished by the task created
 * then. The listeners every case task gets count such a completion as they count a task left without completion:
 * no 完成「…」 on the timeline, the SLA record cancelled (not done twice), and 四眼原则 names whoever finishes the step.
 *
 * <p>The mark is a transient task-local variable, set by a complete listener the BPMN names (those run before the
 * listeners every case task gets): it is never written to the database and goes with the task.
 */
public final class TaskHandedOn {

    private static final String MARK = "taskHandedOn";

    private TaskHandedOn() {
    }

    public static void mark(DelegateTask task) {
        task.setVariableLocal(MARK, Variables.booleanValue(true, true));
    }

    public static boolean isHandedOn(DelegateTask task) {
        return Boolean.TRUE.equals(task.getVariableLocal(MARK));
    }
}
