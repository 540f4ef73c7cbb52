package cn.yijianshi.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import cn.yijianshi.closure.IssueCategory;
import cn.yijianshi.closure.IssueLedger;
import cn.yijianshi.closure.IssueSource;
import cn.yijianshi.closure.NewIssue;
import cn.yijianshi.intake.CaseTimeline;
import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 好差评 at the window (国办发〔2019〕51号): the clerk asks for a rating of the service just given; the 评价器 that faces
 * the citizen, paired with the clerk's station (logged in as the clerk), shows the case and takes one score. The
 * clerk's screen never offers a score. A request waits 15 minutes; 1-2 opens a ledger issue as a bad rating
 * of the case does.
 */
@Service
public class WindowRating {

    static final Duration WAITS = Duration.ofMinutes(15);

    private final WindowRatingMapper ratings;
    private final CaseTimeline timeline;
    private final IssueLedger ledger;
    private final HallClock clock;

    public WindowRating(WindowRatingMapper ratings, CaseTimeline timeline, IssueLedger ledger, HallClock clock) {
        this.ratings = ratings;
        this.timeline = timeline;
        this.ledger = ledger;
        this.clock = clock;
    }

    public void request(String caseId, String clerk) {
        ratings.request(caseId, clerk, clock.now());
    }

    public Optional<WindowRatingMapper.Pending> pending(String clerk) {
        return Optional.ofNullable(ratings.pending(clerk, clock.now().minus(WAITS)));
    }

    @Transactional
    public void rate(String clerk, String caseId, int score, String comment) {
        WindowRatingMapper.Pending pending = pending(clerk).filter(p -> p.caseId().equals(caseId)).orElseThrow(() ->
                RefusedRequest.conflict("caseId", "没有待评价的窗口服务（已评价或已超时）", "no window service waiting for a rating"));
        Instant now = clock.now();
        if (ratings.rate(pending.id(), score, comment, now) != 1) {
            throw RefusedRequest.conflict("caseId", "已评价", "already rated");
        }
        String text = "窗口服务评价：" + score + " 星" + (comment == null || comment.isBlank() ? "" : "，" + comment);
        timeline.record(caseId, "citizen", "WINDOW_RATED", text);
        if (score <= 2) {
            ledger.raise(new NewIssue(IssueSource.BAD_RATING, IssueCategory.OTHER, "窗口服务差评（" + score + " 星）："
                    + (comment == null || comment.isBlank() ? "未留言" : comment), caseId, HallGroup.WINDOW.id()), "citizen", false);
        }
    }
}
