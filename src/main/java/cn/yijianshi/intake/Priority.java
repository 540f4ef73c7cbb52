package cn.yijianshi.intake;

/** 紧急事项优先办: URGENT cases sort first in Tasklist and run against shorter limits. */
public enum Priority {
    NORMAL("普通", 50),
    URGENT("紧急", 80);

    private final String displayName;
    private final int taskPriority;

    Priority(String displayName, int taskPriority) {
        this.displayName = displayName;
        this.taskPriority = taskPriority;
    }

    public String displayName() {
        return displayName;
    }

    /** The Camunda task priority its tasks start with. */
    public int taskPriority() {
        return taskPriority;
    }
}
