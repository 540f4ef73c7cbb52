package cn.yijianshi.family;

import java.time.Instant;
import java.time.LocalDate;

/** One row of family_binding: an agent allowed to apply for the holder (亲情代办), from the holder's consent for a year. */
public class FamilyBinding {
    private Long id;
    private String holderIdNumber;
    private String agentName;
    private String agentIdNumber;
    private String relation;
    private LocalDate consentDate;
    private LocalDate expiresOn;
    private String createdBy;
    private Instant createdAt;
    private Instant endedAt;
    private String endedBy;
    private String endedSide;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getHolderIdNumber() { return holderIdNumber; }
    public void setHolderIdNumber(String holderIdNumber) { this.holderIdNumber = holderIdNumber; }
    public String getAgentName() { return agentName; }
    public void setAgentName(String agentName) { this.agentName = agentName; }
    public String getAgentIdNumber() { return agentIdNumber; }
    public void setAgentIdNumber(String agentIdNumber) { this.agentIdNumber = agentIdNumber; }
    public String getRelation() { return relation; }
    public void setRelation(String relation) { this.relation = relation; }
    public LocalDate getConsentDate() { return consentDate; }
    public void setConsentDate(LocalDate consentDate) { this.consentDate = consentDate; }
    public LocalDate getExpiresOn() { return expiresOn; }
    public void setExpiresOn(LocalDate expiresOn) { this.expiresOn = expiresOn; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getEndedAt() { return endedAt; }
    public void setEndedAt(Instant endedAt) { this.endedAt = endedAt; }
    public String getEndedBy() { return endedBy; }
    public void setEndedBy(String endedBy) { this.endedBy = endedBy; }
    public String getEndedSide() { return endedSide; }
    public void setEndedSide(String endedSide) { this.endedSide = endedSide; }

    /** In force on {@code day}: not ended, not expired (the expiry day itself still counts). */
    public boolean inForce(LocalDate day) {
        return endedAt == null && !day.isAfter(expiresOn);
    }
}
