package cn.yijianshi.intake;

import java.time.Instant;

/** One row of hall_case: the case as accepted at the window. Full ID numbers live only here. */
public class HallCase {
    private Long id;
    private String caseId;
    private String matter;
    private String applicantKind;
    private CaseStatus status;
    private String applicantName;
    private String applicantIdNumber;
    private String applicantGender;
    private String applicantPhone;
    private Channel channel;
    private String servicePointCode;
    private String servicePointName;
    private String proxyName;
    private String proxyIdNumber;
    private String proxyRelation;
    private Boolean proxyAuthorization;
    private Priority priority;
    private String priorityReason;
    private String processInstanceId;
    private String idempotencyKey;
    private String requestDigest;
    private String acceptedBy;
    private Instant acceptedAt;
    private Instant closedAt;
    private String outcomeReason;
    private Integer ratingScore;
    private String ratingComment;
    private Instant ratedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getCaseId() { return caseId; }
    public void setCaseId(String caseId) { this.caseId = caseId; }
    public String getMatter() { return matter; }
    public void setMatter(String matter) { this.matter = matter; }
    public String getApplicantKind() { return applicantKind; }
    public void setApplicantKind(String applicantKind) { this.applicantKind = applicantKind; }
    public CaseStatus getStatus() { return status; }
    public void setStatus(CaseStatus status) { this.status = status; }
    public String getApplicantName() { return applicantName; }
    public void setApplicantName(String applicantName) { this.applicantName = applicantName; }
    public String getApplicantIdNumber() { return applicantIdNumber; }
    public void setApplicantIdNumber(String applicantIdNumber) { this.applicantIdNumber = applicantIdNumber; }
    public String getApplicantGender() { return applicantGender; }
    public void setApplicantGender(String applicantGender) { this.applicantGender = applicantGender; }
    public String getApplicantPhone() { return applicantPhone; }
    public void setApplicantPhone(String applicantPhone) { this.applicantPhone = applicantPhone; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public String getServicePointCode() { return servicePointCode; }
    public void setServicePointCode(String servicePointCode) { this.servicePointCode = servicePointCode; }
    public String getServicePointName() { return servicePointName; }
    public void setServicePointName(String servicePointName) { this.servicePointName = servicePointName; }
    public String getProxyName() { return proxyName; }
    public void setProxyName(String proxyName) { this.proxyName = proxyName; }
    public String getProxyIdNumber() { return proxyIdNumber; }
    public void setProxyIdNumber(String proxyIdNumber) { this.proxyIdNumber = proxyIdNumber; }
    public Boolean getProxyAuthorization() { return proxyAuthorization; }
    public void setProxyAuthorization(Boolean proxyAuthorization) { this.proxyAuthorization = proxyAuthorization; }
    public String getProxyRelation() { return proxyRelation; }
    public void setProxyRelation(String proxyRelation) { this.proxyRelation = proxyRelation; }
    public Priority getPriority() { return priority; }
    public void setPriority(Priority priority) { this.priority = priority; }
    public String getPriorityReason() { return priorityReason; }
    public void setPriorityReason(String priorityReason) { this.priorityReason = priorityReason; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getRequestDigest() { return requestDigest; }
    public void setRequestDigest(String requestDigest) { this.requestDigest = requestDigest; }
    public String getAcceptedBy() { return acceptedBy; }
    public void setAcceptedBy(String acceptedBy) { this.acceptedBy = acceptedBy; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public void setAcceptedAt(Instant acceptedAt) { this.acceptedAt = acceptedAt; }
    public Instant getClosedAt() { return closedAt; }
    public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
    public String getOutcomeReason() { return outcomeReason; }
    public void setOutcomeReason(String outcomeReason) { this.outcomeReason = outcomeReason; }
    public Integer getRatingScore() { return ratingScore; }
    public void setRatingScore(Integer ratingScore) { this.ratingScore = ratingScore; }
    public String getRatingComment() { return ratingComment; }
    public void setRatingComment(String ratingComment) { this.ratingComment = ratingComment; }
    public Instant getRatedAt() { return ratedAt; }
    public void setRatedAt(Instant ratedAt) { this.ratedAt = ratedAt; }
}
