package cn.yijianshi.closure;

import java.time.Instant;
import java.time.LocalDate;

/** One row of the issue ledger. */
public class Issue {
    private Long id;
    private String issueId;
    private IssueSource source;
    private String caseId;
    private IssueCategory category;
    private String description;
    private String raisedBy;
    private Instant raisedAt;
    private String responsibleDept;
    private String responsiblePerson;
    private LocalDate deadline;
    private IssueStatus status;
    private String resolution;
    private String evidence;
    private String callbackResult;
    private String referredTo;
    private String closedBy;
    private Instant closedAt;
    private int reopenCount;
    private String processInstanceId;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getIssueId() { return issueId; }
    public void setIssueId(String issueId) { this.issueId = issueId; }
    public IssueSource getSource() { return source; }
    public void setSource(IssueSource source) { this.source = source; }
    public String getCaseId() { return caseId; }
    public void setCaseId(String caseId) { this.caseId = caseId; }
    public IssueCategory getCategory() { return category; }
    public void setCategory(IssueCategory category) { this.category = category; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getRaisedBy() { return raisedBy; }
    public void setRaisedBy(String raisedBy) { this.raisedBy = raisedBy; }
    public Instant getRaisedAt() { return raisedAt; }
    public void setRaisedAt(Instant raisedAt) { this.raisedAt = raisedAt; }
    public String getResponsibleDept() { return responsibleDept; }
    public void setResponsibleDept(String responsibleDept) { this.responsibleDept = responsibleDept; }
    public String getResponsiblePerson() { return responsiblePerson; }
    public void setResponsiblePerson(String responsiblePerson) { this.responsiblePerson = responsiblePerson; }
    public LocalDate getDeadline() { return deadline; }
    public void setDeadline(LocalDate deadline) { this.deadline = deadline; }
    public IssueStatus getStatus() { return status; }
    public void setStatus(IssueStatus status) { this.status = status; }
    public String getResolution() { return resolution; }
    public void setResolution(String resolution) { this.resolution = resolution; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String evidence) { this.evidence = evidence; }
    public String getCallbackResult() { return callbackResult; }
    public void setCallbackResult(String callbackResult) { this.callbackResult = callbackResult; }
    public String getReferredTo() { return referredTo; }
    public void setReferredTo(String referredTo) { this.referredTo = referredTo; }
    public String getClosedBy() { return closedBy; }
    public void setClosedBy(String closedBy) { this.closedBy = closedBy; }
    public Instant getClosedAt() { return closedAt; }
    public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
    public int getReopenCount() { return reopenCount; }
    public void setReopenCount(int reopenCount) { this.reopenCount = reopenCount; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
}
