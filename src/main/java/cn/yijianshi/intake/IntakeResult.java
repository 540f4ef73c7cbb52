package cn.yijianshi.intake;

/** The answer to an intake: the case id the citizen is given, its process instance, and its status. */
public record IntakeResult(String caseId, String processInstanceId, CaseStatus status, String statusName,
                           boolean replayed) {

    static IntakeResult of(HallCase hallCase, boolean replayed) {
        return new IntakeResult(hallCase.getCaseId(), hallCase.getProcessInstanceId(), hallCase.getStatus(),
                hallCase.getStatus().displayName(), replayed);
    }
}
