package cn.yijianshi.intake;

import java.util.List;

import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.PersonalData;
import org.springframework.stereotype.Component;

/** Writes and reads the timeline of a case. Descriptions never carry full ID or phone numbers. */
@Component
public class CaseTimeline {

    /** The actor for steps the system takes by itself (timers, decisions). */
    public static final String SYSTEM = "system";

    private final TimelineMapper mapper;
    private final HallClock clock;

    public CaseTimeline(TimelineMapper mapper, HallClock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public void record(String caseId, String actor, String event, String description) {
        mapper.insert(caseId, new TimelineEntry(clock.now(), actor == null ? SYSTEM : actor, event,
                PersonalData.maskInText(description)));
    }

    /** The same event on many cases' timelines at once (one statement), each line with its case. */
    public void recordAll(String actor, String event, List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        java.time.Instant now = clock.now();
        mapper.insertAll(lines.stream().map(line -> new CaseEntry(line.caseId(),
                new TimelineEntry(now, actor == null ? SYSTEM : actor, event, PersonalData.maskInText(line.description())))).toList());
    }

    /** A case and what its timeline is to say, for {@link #recordAll}. */
    public record Line(String caseId, String description) {
    }

    /** One timeline entry with its case, as written. */
    public record CaseEntry(String caseId, TimelineEntry entry) {
    }

    public List<TimelineEntry> of(String caseId) {
        return mapper.forCase(caseId);
    }
}
