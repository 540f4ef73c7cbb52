package cn.yijianshi.intake;

import cn.yijianshi.sla.CaseSla;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.notify.Outbox;
import org.springframework.stereotype.Component;

/**
 * What process steps write on a case: its status, its timeline, and what the citizen is told
 * (through the outbox, in the same transaction as the step).
 */
@Component
public class CaseFile {

    private final CaseMapper cases;
    private final CaseTimeline timeline;
    private final Outbox outbox;
    private final HallClock clock;
    private final CaseSla caseSla;

    public CaseFile(CaseMapper cases, CaseTimeline timeline, Outbox outbox, HallClock clock, CaseSla caseSla) {
        this.cases = cases;
        this.timeline = timeline;
        this.outbox = outbox;
        this.clock = clock;
        this.caseSla = caseSla;
    }

    public void record(String caseId, String actor, String event, String description) {
        timeline.record(caseId, actor, event, description);
    }

    public void moveTo(String caseId, CaseStatus status) {
        cases.updateStatus(caseId, status);
    }

    public void close(String caseId, CaseStatus status, String reason) {
        cases.close(caseId, status, reason, clock.now());
        caseSla.finish(caseId);
    }

    /** 一次性告知 sent: the case waits for the citizen, and its promise clock stops. */
    public void waitForCitizen(String caseId) {
        cases.updateStatus(caseId, CaseStatus.WAITING_FOR_MATERIALS);
        caseSla.pause(caseId);
    }

    /** 实时告知: queues a message to the applicant's phone. */
    public void tellCitizen(String caseId, String kind, String message) {
        tellCitizen(caseId, kind, "SMS_" + kind, message);
    }

    /** 实时告知 under the gateway's template {@code templateCode} (a matter file's notice names it). */
    public void tellCitizen(String caseId, String kind, String templateCode, String message) {
        CaseMapper.Recipient applicant = cases.recipientOf(caseId);
        if (applicant != null) {
            outbox.send(caseId, kind, templateCode, applicant.phone(), message,
                    applicant.name() == null ? java.util.Map.of() : java.util.Map.of("name", applicant.name()));
        }
    }
}
