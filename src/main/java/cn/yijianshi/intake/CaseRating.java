package cn.yijianshi.intake;

import cn.yijianshi.closure.IssueCategory;
import cn.yijianshi.closure.IssueLedger;
import cn.yijianshi.closure.IssueSource;
import cn.yijianshi.closure.NewIssue;
import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 好差评: the citizen rates a case once, after it is 办结. */
@Service
public class CaseRating {

    private final CaseLookup lookup;
    private final CaseMapper cases;
    private final CaseTimeline timeline;
    static final int BAD_RATING = 2;

    private final HallClock clock;
    private final IssueLedger ledger;

    public CaseRating(CaseLookup lookup, CaseMapper cases, CaseTimeline timeline, HallClock clock, IssueLedger ledger) {
        this.lookup = lookup;
        this.cases = cases;
        this.timeline = timeline;
        this.clock = clock;
        this.ledger = ledger;
    }

    @Transactional
    public void rate(String caseId, int score, String comment, String recordedBy) {
        HallCase hallCase = lookup.require(caseId);
        if (hallCase.getStatus() != CaseStatus.COMPLETED) {
            throw RefusedRequest.conflict("caseId", "办结后才能评价（当前：" + hallCase.getStatus().displayName() + "）",
                    "a case can be rated only once it is completed (now " + hallCase.getStatus() + ")");
        }
        if (hallCase.getRatingScore() != null) {
            throw RefusedRequest.conflict("score", "该办件已评价", "the case has already been rated");
        }
        cases.rate(caseId, score, comment, clock.now());
        timeline.record(caseId, recordedBy, "RATED", "好差评：" + score + " 星" + (comment == null || comment.isBlank() ? "" : "，" + comment));
        if (score <= BAD_RATING) {
            // 差评: a problem of its own, worked and closed like any other (一对一销号).
            ledger.raise(new NewIssue(IssueSource.BAD_RATING, IssueCategory.OTHER,
                    "差评（" + score + " 星）：" + (comment == null || comment.isBlank() ? "未留言" : comment), caseId,
                    HallGroup.WINDOW.id()), recordedBy, false);
        }
    }
}
