package cn.yijianshi.online;

import java.time.Instant;

/** A row of online_application: what the citizen sent, where it stands, and the case it became. */
public record OnlineApplication(String applicationId, String matter, String status, String applicantIdNumber,
                                String applicantName, String applicantPhone, String submittedByIdNumber,
                                String submittedByName, String relation, String facts, Instant createdAt,
                                Instant submittedAt, Instant decidedAt, String decidedBy, String returnReason,
                                String caseId, String processInstanceId) {

    /** 填写中 (files may be added), 待预审, 已退回 (fix and send again), 已受理 (a case). */
    public enum Status {
        DRAFT("填写中"), SUBMITTED("已提交，待预审"), RETURNED("已退回，请修改后重新提交"), ACCEPTED("已受理");

        private final String displayName;

        Status(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    public Status state() {
        return Status.valueOf(status);
    }
}
