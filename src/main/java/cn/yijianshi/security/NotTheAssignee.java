package cn.yijianshi.security;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A user tried to complete a task another user has claimed. Thrown by {@link OnlyTheAssigneeCompletes} inside
 * the engine, so the completion rolls back whatever path it came by; the REST layers answer it 403 with the
 * Chinese message beside Camunda's English one. It has no cause, so the engine never turns it into a BPMN error.
 */
public class NotTheAssignee extends ProcessEngineException {

    private final String taskId;
    private final String assignee;
    private final String user;
    private final String messageZh;

    public NotTheAssignee(String taskId, String taskName, String assignee, String assigneeNamed, String user) {
        super("Task '" + taskName + "' (" + taskId + ") is claimed by " + assigneeNamed
                + "; only the assignee may complete it, not " + user + ". Ask the assignee, or reassign the task first.");
        this.taskId = taskId;
        this.assignee = assignee;
        this.user = user;
        this.messageZh = "任务“" + taskName + "”已由" + assigneeNamed + "认领，只有办理人本人可以完成；"
                + "请联系办理人，或先将任务转办给您";
    }

    public String taskId() {
        return taskId;
    }

    public String assignee() {
        return assignee;
    }

    public String user() {
        return user;
    }

    public String messageZh() {
        return messageZh;
    }
}
