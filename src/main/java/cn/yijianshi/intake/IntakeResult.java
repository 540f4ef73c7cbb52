package cn.yijianshi.intake;

import java.time.OffsetDateTime;

/**
 * The answer to an intake: the case id the citizen is given, its process instance, its status, and the promised
 * completion (the matter's promise in working days from 受理; null for a matter without one).
 */
public record IntakeResult(String caseId, String processInstanceId, CaseStatus status, String statusName,
                           boolean replayed, OffsetDateTime promisedBy) {

    static IntakeResult of(HallCase hallCase, boolean replayed, OffsetDateTime promisedBy) {
        return new IntakeResult(hallCase.getCaseId(), hallCase.getProcessInstanceId(), hallCase.getStatus(),
                hallCase.getStatus().displayName(), replayed, promisedBy);
    }
}
