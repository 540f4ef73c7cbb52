package cn.yijianshi.system;

import cn.yijianshi.closure.IssueDeadlineWatch;
import cn.yijianshi.sla.CasePromiseWatch;
import cn.yijianshi.sla.SlaSweep;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks at the deadlines by the clock, since no timer job carries them: every 10 s
 * (yijianshi.sla.sweep-interval) the steps' warning points and due dates ({@link SlaSweep}), so a reminder or an
 * escalation is made within 30 s of its instant (10,000 due at once: the wait, then the sweep); once a minute (yijianshi.sla.case-watch-interval) the
 * whole-case promises and the issues' 整改时限. Switched off in tests and the bench (yijianshi.sla.case-watch-enabled),
 * which call them themselves. On several nodes one of them looks at a time (the cluster locks sla-sweep and
 * deadline-watches): a node that finds the lock taken skips its turn. Each would be safe on two nodes at once (each
 * reminder is recorded once, whichever node gets there first); the locks spare the second scan.
 */
@Component
public class DeadlineWatches {

    private final SlaSweep steps;
    private final CasePromiseWatch casePromises;
    private final IssueDeadlineWatch issueDeadlines;
    private final boolean enabled;

    public DeadlineWatches(SlaSweep steps, CasePromiseWatch casePromises, IssueDeadlineWatch issueDeadlines,
                           @Value("${yijianshi.sla.case-watch-enabled:true}") boolean enabled) {
        this.steps = steps;
        this.casePromises = casePromises;
        this.issueDeadlines = issueDeadlines;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${yijianshi.sla.sweep-interval:PT10S}")
    @SchedulerLock(name = "sla-sweep", lockAtLeastFor = "PT5S")
    public void sweepSteps() {
        if (enabled) {
            steps.sweep();
        }
    }

    @Scheduled(fixedDelayString = "${yijianshi.sla.case-watch-interval:PT1M}")
    @SchedulerLock(name = "deadline-watches", lockAtLeastFor = "PT5S")
    public void look() {
        if (enabled) {
            casePromises.watch();
            issueDeadlines.watch();
        }
    }
}
