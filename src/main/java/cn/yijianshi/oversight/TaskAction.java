package cn.yijianshi.oversight;

/**
 * What a coordinator, a department head or a performer did to an open task, as stored in task_action, with the
 * name the hall reads and the operation type written to Camunda's user operation log (转办 is the engine's own
 * {@code Assign}; 催办 and 抄送 are ours, translated in Tasklist's locale).
 */
public enum TaskAction {
    CHASE("催办", "Chase"), REASSIGN("转办", "Assign"), CC("抄送", "CarbonCopy");

    private final String displayName;
    private final String operationType;

    TaskAction(String displayName, String operationType) {
        this.displayName = displayName;
        this.operationType = operationType;
    }

    public String displayName() {
        return displayName;
    }

    public String operationType() {
        return operationType;
    }
}
