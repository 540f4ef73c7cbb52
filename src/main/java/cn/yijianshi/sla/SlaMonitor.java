package cn.yijianshi.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.HallClock;
import org.springframework.stereotype.Service;

/** What the coordinators watch: open steps by state per department and per expert, and the oldest ones. */
@Service
public class SlaMonitor {

    /** Open records read at most; a hall has far fewer open steps. */
    static final int MAX_OPEN = 10_000;

    public record Item(String caseId, String taskId, String taskKey, String taskName, String group, String groupName,
                       String assignee, SlaState state, String stateName, String limit, OffsetDateTime started,
                       OffsetDateTime warnAt, OffsetDateTime dueAt, String tasklistLink, boolean provisional) {
        // provisional: the due date rests on a year without a loaded State Council holiday notice
    }

    /**
     * {@code casesProvisional}: open whole-case promises whose due date rests on a year without a notice;
     * {@code calendarWarning}: the years the hall counts in without their notice, for coordinators and admins.
     */
    public record Overview(OffsetDateTime asOf, Map<String, Map<SlaState, Integer>> byGroup,
                           Map<String, Map<SlaState, Integer>> byExpert, Map<SlaState, Integer> cases, List<Item> oldest,
                           int casesProvisional, MissingNotices.Warning calendarWarning) {

        /** The same overview without the calendar warning (for those who cannot load a notice or call one who can). */
        public Overview withoutCalendarWarning() {
            return new Overview(asOf, byGroup, byExpert, cases, oldest, casesProvisional, null);
        }
    }

    private final SlaMapper records;
    private final HallClock clock;
    private final HallCalendar calendar;
    private final MissingNotices missingNotices;

    public SlaMonitor(SlaMapper records, HallClock clock, HallCalendar calendar, MissingNotices missingNotices) {
        this.records = records;
        this.clock = clock;
        this.calendar = calendar;
        this.missingNotices = missingNotices;
    }

    public Overview overview(int oldest) {
        Instant now = clock.now();
        Map<String, Map<SlaState, Integer>> byGroup = new TreeMap<>();
        Map<String, Map<SlaState, Integer>> byExpert = new TreeMap<>();
        Map<SlaState, Integer> cases = counts();
        int casesProvisional = 0;
        for (SlaRecord record : records.open(null, MAX_OPEN)) {
            SlaState state = record.stateAt(now);
            if ("CASE".equals(record.getKind())) {
                cases.merge(state, 1, Integer::sum);
                if (provisional(record)) {
                    casesProvisional++;
                }
                continue;
            }
            String group = record.getCandidateGroup() == null ? "-" : record.getCandidateGroup();
            byGroup.computeIfAbsent(group, g -> counts()).merge(state, 1, Integer::sum);
            if (HallGroup.EXPERTS.id().equals(group) && record.getAssignee() != null) {
                byExpert.computeIfAbsent(record.getAssignee(), g -> counts()).merge(state, 1, Integer::sum);
            }
        }
        List<Item> oldestItems = records.open(null, oldest * 4).stream().filter(r -> "TASK".equals(r.getKind()))
                .limit(oldest).map(r -> item(r, now)).toList();
        return new Overview(clock.inHallZone(now), byGroup, byExpert, cases, oldestItems, casesProvisional,
                missingNotices.warning().orElse(null));
    }

    public List<Item> tasks(SlaState state, String group) {
        Instant now = clock.now();
        return records.open(group, MAX_OPEN).stream().filter(r -> "TASK".equals(r.getKind()))
                .filter(r -> state == null || r.stateAt(now) == state).map(r -> item(r, now)).toList();
    }

    /** Counts of open tasks per group and state, for the metrics. */
    public Map<String, Map<SlaState, Integer>> countsByGroup() {
        return overview(0).byGroup();
    }

    private Item item(SlaRecord r, Instant now) {
        SlaState state = r.stateAt(now);
        String groupName = r.getCandidateGroup() == null ? null
                : HallGroup.byId(r.getCandidateGroup()).map(HallGroup::displayName).orElse(r.getCandidateGroup());
        return new Item(r.getCaseId(), r.getTaskId(), r.getTaskKey(), r.getTaskName(), r.getCandidateGroup(), groupName,
                r.getAssignee(), state, state.displayName(), r.getLimitText(), clock.inHallZone(r.getStartedAt()),
                clock.inHallZone(r.getWarnAt()), clock.inHallZone(r.getDueAt()),
                tasklistLink(r.getTaskId()), provisional(r));
    }

    private boolean provisional(SlaRecord r) {
        return calendar.current().provisionalBetween(r.getStartedAt(), r.getDueAt());
    }

    /** Where a task opens in Tasklist. */
    static String tasklistLink(String taskId) {
        return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    private static Map<SlaState, Integer> counts() {
        Map<SlaState, Integer> counts = new EnumMap<>(SlaState.class);
        for (SlaState state : List.of(SlaState.ON_TRACK, SlaState.AT_RISK, SlaState.BREACHED)) {
            counts.put(state, 0);
        }
        return counts;
    }
}
