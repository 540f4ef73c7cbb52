package cn.yijianshi.intake;

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
    private final HallClock clock;

    public CaseRating(CaseLookup lookup, CaseMapper cases, CaseTimeline timeline, HallClock clock) {
        this.lookup = lookup;
        this.cases = cases;
        this.timeline = timeline;
        this.clock = clock;
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
    }
}
