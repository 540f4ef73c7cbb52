package cn.yijianshi.sla;

import java.time.Instant;

/** One row of sla_record: a task's or a whole case's time limit and how it went. */
public class SlaRecord {
    private Long id;
    private String kind;
    private String matter;
    private String caseId;
    private String processInstanceId;
    private String processKey;
    private String taskId;
    private String taskKey;
    private String taskName;
    private String candidateGroup;
    /** Who held the step when it ended; the engine's task says who holds an open one ({@link #getHolder()}). */
    private String assignee;
    /** Who holds the open step now, from the engine's task: filled by the queries that list open steps. */
    private String holder;
    private String priority;
    private String limitText;
    private Instant startedAt;
    private Instant warnAt;
    private Instant dueAt;
    private Instant warnedAt;
    private Instant breachedAt;
    private Instant pausedAt;
    private long pausedMinutes;
    private Instant completedAt;
    private Long workingMinutes;
    private SlaState state;

    /** The state as of {@code now}: open steps move to AT_RISK and BREACHED by the clock alone. */
    public SlaState stateAt(Instant now) {
        if (state == SlaState.DONE || state == SlaState.CANCELLED || state == SlaState.PAUSED) {
            return state;
        }
        if (breachedAt != null || !now.isBefore(dueAt)) {
            return SlaState.BREACHED;
        }
        if (warnedAt != null || !now.isBefore(warnAt)) {
            return SlaState.AT_RISK;
        }
        return SlaState.ON_TRACK;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getCaseId() { return caseId; }
    public void setCaseId(String caseId) { this.caseId = caseId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public String getProcessKey() { return processKey; }
    public void setProcessKey(String processKey) { this.processKey = processKey; }
    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public String getTaskKey() { return taskKey; }
    public void setTaskKey(String taskKey) { this.taskKey = taskKey; }
    public String getTaskName() { return taskName; }
    public void setTaskName(String taskName) { this.taskName = taskName; }
    public String getCandidateGroup() { return candidateGroup; }
    public void setCandidateGroup(String candidateGroup) { this.candidateGroup = candidateGroup; }
    public String getAssignee() { return assignee; }
    public void setAssignee(String assignee) { this.assignee = assignee; }
    public String getHolder() { return holder; }
    public void setHolder(String holder) { this.holder = holder; }
    public String getPriority() { return priority; }
    public void setPriority(String priority) { this.priority = priority; }
    public String getLimitText() { return limitText; }
    public void setLimitText(String limitText) { this.limitText = limitText; }
    public Instant getStartedAt() { return startedAt; }
    public void setStartedAt(Instant startedAt) { this.startedAt = startedAt; }
    public Instant getWarnAt() { return warnAt; }
    public void setWarnAt(Instant warnAt) { this.warnAt = warnAt; }
    public Instant getDueAt() { return dueAt; }
    public void setDueAt(Instant dueAt) { this.dueAt = dueAt; }
    public Instant getWarnedAt() { return warnedAt; }
    public void setWarnedAt(Instant warnedAt) { this.warnedAt = warnedAt; }
    public Instant getBreachedAt() { return breachedAt; }
    public void setBreachedAt(Instant breachedAt) { this.breachedAt = breachedAt; }
    public Instant getPausedAt() { return pausedAt; }
    public void setPausedAt(Instant pausedAt) { this.pausedAt = pausedAt; }
    public long getPausedMinutes() { return pausedMinutes; }
    public void setPausedMinutes(long pausedMinutes) { this.pausedMinutes = pausedMinutes; }
    public Instant getCompletedAt() { return completedAt; }
    public void setCompletedAt(Instant completedAt) { this.completedAt = completedAt; }
    public Long getWorkingMinutes() { return workingMinutes; }
    public void setWorkingMinutes(Long workingMinutes) { this.workingMinutes = workingMinutes; }
    public SlaState getState() { return state; }
    public void setState(SlaState state) { this.state = state; }

    /** The case's matter (read with the open steps list only). */
    public String getMatter() { return matter; }
    public void setMatter(String matter) { this.matter = matter; }
}
