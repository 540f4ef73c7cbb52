package cn.yijianshi.system;

import cn.yijianshi.closure.IssueDeadlineWatch;
import cn.yijianshi.sla.CasePromiseWatch;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a minute (yijianshi.sla.case-watch-interval) looks at the deadlines no task timer carries: the
 * whole-case promises and the issues' 整改时限. Switched off in tests and the bench, which call the
 * watches themselves. On several nodes one of them looks at a time (the cluster lock deadline-watches):
 * a node that finds the lock taken skips its turn. The watches would be safe on two nodes at once
 * (each reminder is recorded once, whichever node gets there first), the lock spares the second scan.
 */
@Component
public class DeadlineWatches {

    private final CasePromiseWatch casePromises;
    private final IssueDeadlineWatch issueDeadlines;
    private final boolean enabled;

    public DeadlineWatches(CasePromiseWatch casePromises, IssueDeadlineWatch issueDeadlines,
                           @Value("${yijianshi.sla.case-watch-enabled:true}") boolean enabled) {
        this.casePromises = casePromises;
        this.issueDeadlines = issueDeadlines;
        this.enabled = enabled;
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
