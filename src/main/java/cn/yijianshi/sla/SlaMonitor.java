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

    /** The most task steps {@link #tasks} lists at once, earliest due first; the counts are never cut. */
    public static final int MAX_LISTED = 5_000;

    public record Item(String caseId, String matter, String matterName, String taskId, String taskKey, String taskName, String group, String groupName,
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

    private final cn.yijianshi.catalog.Departments departments;

    public SlaMonitor(SlaMapper records, HallClock clock, HallCalendar calendar, MissingNotices missingNotices,
                      cn.yijianshi.catalog.Departments departments) {
        this.departments = departments;
        this.records = records;
        this.clock = clock;
        this.calendar = calendar;
        this.missingNotices = missingNotices;
    }

    /**
     * Every open record counted in the database by group (and by expert) and state as of now, whatever their
     * number, and the {@code oldest} earliest-due open task steps.
     */
    public Overview overview(int oldest) {
        return overview(oldest, null);
    }

    /** The same, of the cases accepted at a service point or below it ({@code pointPath}: its subtree's LIKE pattern). */
    public Overview overview(int oldest, String pointPath) {
        Instant now = clock.now();
        Map<String, Map<SlaState, Integer>> byGroup = new TreeMap<>();
        Map<String, Map<SlaState, Integer>> byExpert = new TreeMap<>();
        Map<SlaState, Integer> cases = counts();
        for (OpenCount count : records.openCounts(now, pointPath)) {
            if ("CASE".equals(count.getOwnerKind())) {
                cases.merge(count.getState(), Math.toIntExact(count.getOpenCount()), Integer::sum);
                continue;
            }
            String group = count.getOwner() == null ? "-" : count.getOwner();
            byGroup.computeIfAbsent(group, g -> counts()).merge(count.getState(), Math.toIntExact(count.getOpenCount()),
                    Integer::sum);
        }
        for (OpenCount count : records.openCountsByAssignee(HallGroup.EXPERTS.id(), now, pointPath)) {
            byExpert.computeIfAbsent(count.getOwner(), e -> counts()).merge(count.getState(),
                    Math.toIntExact(count.getOpenCount()), Integer::sum);
        }
        List<Item> oldestItems = oldest <= 0 ? List.of()
                : items(records.openTasks(null, null, pointPath, now, oldest), now);
        return new Overview(clock.inHallZone(now), byGroup, byExpert, cases, oldestItems, casesProvisional(now),
                missingNotices.warning().orElse(null));
    }

    /** Open task steps, earliest due first, at most {@link #MAX_LISTED}; {@code state} and {@code group} narrow them. */
    public List<Item> tasks(SlaState state, String group) {
        return tasks(state, group, null);
    }

    /** The same, of the cases accepted at a service point or below it ({@code pointPath}: its subtree's LIKE pattern). */
    public List<Item> tasks(SlaState state, String group, String pointPath) {
        Instant now = clock.now();
        return items(records.openTasks(group, state, pointPath, now, MAX_LISTED), now);
    }

    /** Counts of open tasks per group and state, for the metrics. */
    public Map<String, Map<SlaState, Integer>> countsByGroup() {
        return overview(0).byGroup();
    }

    /** One read of the calendar for the whole list: on a cluster each read asks the database for its version. */
    private List<Item> items(List<SlaRecord> records, Instant now) {
        WorkingDayCalendar days = calendar.current();
        return records.stream().map(r -> item(r, now, days)).toList();
    }

    private Item item(SlaRecord r, Instant now, WorkingDayCalendar days) {
        SlaState state = r.stateAt(now);
        String groupName = r.getCandidateGroup() == null ? null
                : departments.groupName(r.getCandidateGroup());
        return new Item(r.getCaseId(), r.getMatter(), cn.yijianshi.catalog.MatterNames.of(r.getMatter()), r.getTaskId(), r.getTaskKey(), r.getTaskName(), r.getCandidateGroup(), groupName,
                r.getHolder(), state, state.displayName(), r.getLimitText(), clock.inHallZone(r.getStartedAt()),
                clock.inHallZone(r.getWarnAt()), clock.inHallZone(r.getDueAt()),
                tasklistLink(r.getTaskId()), days.provisionalBetween(r.getStartedAt(), r.getDueAt()));
    }

    /**
     * Open whole-case promises due in or after the first year from this one that has no notice: counted in
     * the database, whatever their number (the years before it are covered, so nothing earlier is provisional).
     */
    private int casesProvisional(Instant now) {
        WorkingDayCalendar days = calendar.current();
        int year = now.atZone(days.zone()).getYear();
        while (days.covers(year)) {
            year++;
        }
        Instant from = java.time.LocalDate.of(year, 1, 1).atStartOfDay(days.zone()).toInstant();
        return Math.toIntExact(records.openCasesDueFrom(from));
    }

    /** Where a task opens in Tasklist. */
    public static String tasklistLink(String taskId) {
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
