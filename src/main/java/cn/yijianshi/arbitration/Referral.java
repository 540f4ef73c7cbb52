package cn.yijianshi.arbitration;

import java.time.Instant;
import java.time.LocalDate;

/** One row of arbitration_referral. */
public class Referral {
    private Long id;
    private String referralId;
    private String applicantName;
    private String applicantIdNumber;
    private String applicantPhone;
    private String employerName;
    private String employerCreditCode;
    private String claims;
    private LocalDate disputeDate;
    private boolean mediation;
    private ReferralStatus status;
    private String limitationWarning;
    private String issueId;
    private String caseId;
    private String processInstanceId;
    private String createdBy;
    private Instant createdAt;
    private LocalDate mediationDeadline;
    private LocalDate submittedDate;
    private LocalDate acceptanceDeadline;
    private LocalDate acceptedDate;
    private LocalDate awardDeadline;
    private boolean extended;
    private String outcome;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getReferralId() { return referralId; }
    public void setReferralId(String referralId) { this.referralId = referralId; }
    public String getApplicantName() { return applicantName; }
    public void setApplicantName(String applicantName) { this.applicantName = applicantName; }
    public String getApplicantIdNumber() { return applicantIdNumber; }
    public void setApplicantIdNumber(String applicantIdNumber) { this.applicantIdNumber = applicantIdNumber; }
    public String getApplicantPhone() { return applicantPhone; }
    public void setApplicantPhone(String applicantPhone) { this.applicantPhone = applicantPhone; }
    public String getEmployerName() { return employerName; }
    public void setEmployerName(String employerName) { this.employerName = employerName; }
    public String getEmployerCreditCode() { return employerCreditCode; }
    public void setEmployerCreditCode(String employerCreditCode) { this.employerCreditCode = employerCreditCode; }
    public String getClaims() { return claims; }
    public void setClaims(String claims) { this.claims = claims; }
    public LocalDate getDisputeDate() { return disputeDate; }
    public void setDisputeDate(LocalDate disputeDate) { this.disputeDate = disputeDate; }
    public boolean isMediation() { return mediation; }
    public void setMediation(boolean mediation) { this.mediation = mediation; }
    public ReferralStatus getStatus() { return status; }
    public void setStatus(ReferralStatus status) { this.status = status; }
    public String getLimitationWarning() { return limitationWarning; }
    public void setLimitationWarning(String limitationWarning) { this.limitationWarning = limitationWarning; }
    public String getIssueId() { return issueId; }
    public void setIssueId(String issueId) { this.issueId = issueId; }
    public String getCaseId() { return caseId; }
    public void setCaseId(String caseId) { this.caseId = caseId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public LocalDate getMediationDeadline() { return mediationDeadline; }
    public void setMediationDeadline(LocalDate mediationDeadline) { this.mediationDeadline = mediationDeadline; }
    public LocalDate getSubmittedDate() { return submittedDate; }
    public void setSubmittedDate(LocalDate submittedDate) { this.submittedDate = submittedDate; }
    public LocalDate getAcceptanceDeadline() { return acceptanceDeadline; }
    public void setAcceptanceDeadline(LocalDate acceptanceDeadline) { this.acceptanceDeadline = acceptanceDeadline; }
    public LocalDate getAcceptedDate() { return acceptedDate; }
    public void setAcceptedDate(LocalDate acceptedDate) { this.acceptedDate = acceptedDate; }
    public LocalDate getAwardDeadline() { return awardDeadline; }
    public void setAwardDeadline(LocalDate awardDeadline) { this.awardDeadline = awardDeadline; }
    public boolean isExtended() { return extended; }
    public void setExtended(boolean extended) { this.extended = extended; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
}
