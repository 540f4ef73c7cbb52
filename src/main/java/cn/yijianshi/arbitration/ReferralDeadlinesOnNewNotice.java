package cn.yijianshi.arbitration;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import cn.yijianshi.sla.CalendarChanged;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A newly loaded holiday notice moves the open referrals' statutory deadlines: each acceptance deadline is
 * recomputed from the recorded submission (receipt) date, each award deadline from the acceptance date and the
 * extension, on the new calendar. A moved deadline is stored, its timer gets the new due date through the engine
 * (the timer's variable, then {@link ManagementService#recalculateJobDuedate}), and the referral's history says
 * "到期日因2027年放假通知由 … 调整为 …".
 *
 * <p>Referrals are read in batches of {@value #BATCH} and each is changed in its own transaction, so one referral
 * changed meanwhile by the liaison (its status no longer the one read) is skipped, and one that fails is logged, while
 * the rest go on. The event is published on the node that loaded the notice, so one node recomputes; the other nodes
 * take the calendar at their next refresh.
 */
@Component
public class ReferralDeadlinesOnNewNotice {

    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(ReferralDeadlinesOnNewNotice.class);

    private final ReferralMapper referrals;
    private final StatutoryClock law;
    private final Referrals history;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TransactionTemplate transaction;

    public ReferralDeadlinesOnNewNotice(ReferralMapper referrals, StatutoryClock law, Referrals history,
                                        RuntimeService runtimeService, ManagementService managementService,
                                        TransactionTemplate transaction) {
        this.referrals = referrals;
        this.law = law;
        this.history = history;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.transaction = transaction;
    }

    @EventListener
    public void recompute(CalendarChanged change) {
        long after = 0;
        int moved = 0;
        List<Referral> batch;
        while (!(batch = referrals.openAfter(after, BATCH)).isEmpty()) {
            for (Referral referral : batch) {
                try {
                    Boolean changed = transaction.execute(status -> recompute(referral, change));
                    moved += Boolean.TRUE.equals(changed) ? 1 : 0;
                } catch (RuntimeException e) {
                    // the notice is in force already; one referral that cannot be moved must not stop the others
                    log.warn("仲裁转介 {} 的法定期限未能按{}年放假通知重新计算，请人工核对 / could not recompute the deadline of {}: {}",
                            referral.getReferralId(), change.year(), referral.getReferralId(), e.toString());
                }
            }
            after = batch.get(batch.size() - 1).getId();
        }
        log.info("{}年放假通知：{} 件仲裁转介的法定期限已重新计算 / {} notice: statutory deadlines of {} referrals moved",
                change.year(), moved, change.year(), moved);
    }

    private boolean recompute(Referral referral, CalendarChanged change) {
        boolean acceptance = switch (referral.getStatus()) {
            case SUBMITTED, VERIFYING_ACCEPTANCE -> true;
            case ACCEPTED, EXTENDED, VERIFYING_AWARD -> false;
            default -> throw new IllegalStateException("not open: " + referral.getReferralId());
        };
        LocalDate from = acceptance ? referral.getAcceptanceDeadline() : referral.getAwardDeadline();
        LocalDate start = acceptance ? referral.getSubmittedDate() : referral.getAcceptedDate();
        if (start == null) {
            return false;
        }
        LocalDate to = acceptance ? law.acceptanceDeadline(start, change.after())
                : law.awardDeadline(start, referral.isExtended(), change.after());
        if (Objects.equals(from, to)) {
            return false;
        }
        if (acceptance) {
            referral.setAcceptanceDeadline(to);
        } else {
            referral.setAwardDeadline(to);
        }
        if (referrals.update(referral, referral.getStatus()) == 0) {
            return false; // the liaison recorded an event meanwhile; that event computed its own deadline
        }
        history.note(referral.getReferralId(), "DEADLINE_MOVED", (acceptance ? "受理期限：" : "裁决期限：")
                + change.historyLine(from, to), change.loadedBy());
        String processInstanceId = referral.getProcessInstanceId();
        if (processInstanceId != null && runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            runtimeService.setVariable(processInstanceId, acceptance ? "acceptanceDeadlineAt" : "awardDeadlineAt", law.passedAt(to));
            Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers()
                    .activityId(acceptance ? "Timer_AcceptanceOverdue" : "Timer_AwardOverdue").singleResult();
            if (timer != null) {
                managementService.recalculateJobDuedate(timer.getId(), false);
            }
        }
        return true;
    }
}
