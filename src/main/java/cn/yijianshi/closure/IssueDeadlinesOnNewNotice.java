package cn.yijianshi.closure;

import java.time.LocalDate;
import java.util.List;

import cn.yijianshi.sla.CalendarChanged;
import cn.yijianshi.system.HallClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a holiday notice is loaded, moves the deadline of every issue still chased that the new calendar
 * changes, recomputed from when the issue was raised, and writes the move into the issue's history. In batches
 * of {@link #BATCH}, one transaction each, on the node that loaded the notice.
 */
@Component
public class IssueDeadlinesOnNewNotice {

    static final int BATCH = 200;
    static final String HISTORY_ACTION = "DEADLINE_MOVED";

    private static final Logger log = LoggerFactory.getLogger(IssueDeadlinesOnNewNotice.class);

    private final IssueMapper issues;
    private final IssueLedger ledger;
    private final HallClock clock;
    private final TransactionTemplate transaction;

    public IssueDeadlinesOnNewNotice(IssueMapper issues, IssueLedger ledger, HallClock clock, TransactionTemplate transaction) {
        this.issues = issues;
        this.ledger = ledger;
        this.clock = clock;
        this.transaction = transaction;
    }

    @EventListener
    public void recompute(CalendarChanged change) {
        LocalDate from = LocalDate.of(change.year(), 1, 1);
        long afterId = 0;
        int moved = 0;
        while (true) {
            List<Issue> batch = issues.chasedDueFrom(from, afterId, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            Integer movedInBatch = transaction.execute(status -> {
                int count = 0;
                for (Issue issue : batch) {
                    LocalDate deadline = ledger.deadlineFor(issue.getCategory(), issue.getRaisedAt(), change.after());
                    if (!deadline.equals(issue.getDeadline())
                            && issues.moveDeadline(issue.getIssueId(), issue.getDeadline(), deadline, clock.today()) == 1) {
                        issues.history(issue.getIssueId(), clock.now(), change.loadedBy(), HISTORY_ACTION, issue.getStatus(),
                                issue.getStatus(), change.historyLine(issue.getDeadline(), deadline));
                        count++;
                    }
                }
                return count;
            });
            moved += movedInBatch == null ? 0 : movedInBatch;
            afterId = batch.get(batch.size() - 1).getId();
        }
        log.info("holiday notice for {}: {} issue deadlines moved", change.year(), moved);
    }
}
