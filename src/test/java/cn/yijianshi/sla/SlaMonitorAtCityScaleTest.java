package cn.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A city's hall has far more than 10,000 open steps: the monitor counts every one of them. */
@HallIntegrationTest
class SlaMonitorAtCityScaleTest {

    private static final Instant NOW = Instant.parse("2030-01-10T02:00:00Z");

    @Autowired
    SlaMonitor monitor;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        transaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM sla_record WHERE case_id LIKE 'CITY-%'");
            jdbc.update("DELETE FROM ACT_RU_TASK WHERE ID_ LIKE 'CITY-TASK-%'");
        });
    }

    @Test
    void twelveThousandOpenStepsAreAllCountedByGroupExpertAndState() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        SlaMonitor.Overview before = monitor.overview(0);

        List<Object[]> rows = new ArrayList<>();
        // 社保经办: 5,000 on track, 4,000 past the warning point, 3,000 past the due date, and 700 already done.
        add(rows, 5_000, "TASK", "dept-pension", null, NOW.plus(1, ChronoUnit.HOURS), NOW.plus(2, ChronoUnit.HOURS), null, "ON_TRACK");
        add(rows, 4_000, "TASK", "dept-pension", null, NOW.minus(1, ChronoUnit.HOURS), NOW.plus(2, ChronoUnit.HOURS), null, "ON_TRACK");
        add(rows, 3_000, "TASK", "dept-pension", null, NOW.minus(3, ChronoUnit.HOURS), NOW.minus(1, ChronoUnit.HOURS), null, "AT_RISK");
        add(rows, 700, "TASK", "dept-pension", null, NOW.minus(3, ChronoUnit.HOURS), NOW.minus(1, ChronoUnit.HOURS), NOW, "DONE");
        // An expert's own steps: 150 told of the warning already (its record says so) though the clock says on track.
        // Who holds an open step is the engine's task (a claim writes nothing to the record): expert9's tasks below.
        int expertsFrom = rows.size();
        add(rows, 150, "TASK", "experts", null, NOW.plus(1, ChronoUnit.HOURS), NOW.plus(2, ChronoUnit.HOURS), null, "AT_RISK", true);
        add(rows, 50, "TASK", "experts", null, NOW.minus(3, ChronoUnit.HOURS), NOW.minus(1, ChronoUnit.HOURS), null, "BREACHED");
        List<Object[]> expertTasks = rows.subList(expertsFrom, rows.size()).stream()
                .map(row -> new Object[] {row[2], Timestamp.from(NOW)}).toList();
        // Whole-case promises: 100 waiting for the citizen (paused) count as paused, not by the clock.
        add(rows, 100, "CASE", null, null, NOW.minus(3, ChronoUnit.HOURS), NOW.minus(1, ChronoUnit.HOURS), null, "PAUSED");
        add(rows, 1, "TASK", "dept-fund", null, Instant.parse("2001-01-01T00:00:00Z"), Instant.parse("2001-01-02T00:00:00Z"), null, "BREACHED");
        transaction.executeWithoutResult(status -> jdbc.batchUpdate("INSERT INTO sla_record (kind, case_id, task_id, task_key, task_name, candidate_group, assignee, "
                + "priority, limit_text, started_at, warn_at, due_at, warned_at, completed_at, state) "
                + "VALUES (?, ?, ?, 'Task_City', '城市规模', ?, ?, 'NORMAL', '1个工作日', ?, ?, ?, ?, ?, ?)", rows));
        transaction.executeWithoutResult(status -> jdbc.batchUpdate("INSERT INTO ACT_RU_TASK (ID_, REV_, NAME_, ASSIGNEE_, "
                + "PRIORITY_, CREATE_TIME_, SUSPENSION_STATE_) VALUES (?, 1, '城市规模', 'expert9', 50, ?, 1)", expertTasks));

        SlaMonitor.Overview after = monitor.overview(20);

        assertThat(delta(before.byGroup(), after.byGroup(), "dept-pension"))
                .containsEntry(SlaState.ON_TRACK, 5_000).containsEntry(SlaState.AT_RISK, 4_000)
                .containsEntry(SlaState.BREACHED, 3_000);
        assertThat(delta(before.byGroup(), after.byGroup(), "experts"))
                .containsEntry(SlaState.ON_TRACK, 0).containsEntry(SlaState.AT_RISK, 150).containsEntry(SlaState.BREACHED, 50);
        assertThat(after.byExpert().get("expert9")).containsEntry(SlaState.AT_RISK, 150).containsEntry(SlaState.BREACHED, 50)
                .containsEntry(SlaState.ON_TRACK, 0);
        assertThat(after.cases().getOrDefault(SlaState.PAUSED, 0) - before.cases().getOrDefault(SlaState.PAUSED, 0))
                .isEqualTo(100);
        assertThat(after.oldest()).hasSize(20).first().satisfies(item -> {
            assertThat(item.caseId()).isEqualTo("CITY-1");
            assertThat(item.group()).isEqualTo("dept-fund");
            assertThat(item.state()).isEqualTo(SlaState.BREACHED);
        });
        assertThat(after.oldest()).extracting(SlaMonitor.Item::dueAt).isSorted();
        assertThat(monitor.countsByGroup()).isEqualTo(after.byGroup());
        assertThat(monitor.tasks(SlaState.AT_RISK, "dept-pension")).hasSize(4_000)
                .allMatch(item -> item.state() == SlaState.AT_RISK && "dept-pension".equals(item.group()));
        assertThat(monitor.tasks(SlaState.BREACHED, "experts"))
                .filteredOn(item -> "expert9".equals(item.assignee())).hasSize(50);
    }

    private static Map<SlaState, Integer> delta(Map<String, Map<SlaState, Integer>> before,
                                                Map<String, Map<SlaState, Integer>> after, String group) {
        Map<SlaState, Integer> result = new java.util.EnumMap<>(SlaState.class);
        after.get(group).forEach((state, count) ->
                result.put(state, count - before.getOrDefault(group, Map.of()).getOrDefault(state, 0)));
        return result;
    }

    private static void add(List<Object[]> rows, int count, String kind, String group, String assignee, Instant warnAt,
                            Instant dueAt, Instant completedAt, String state) {
        add(rows, count, kind, group, assignee, warnAt, dueAt, completedAt, state, false);
    }

    private static void add(List<Object[]> rows, int count, String kind, String group, String assignee, Instant warnAt,
                            Instant dueAt, Instant completedAt, String state, boolean warned) {
        for (int i = 0; i < count; i++) {
            int n = rows.size();
            rows.add(new Object[] {kind, "CITY-" + (group != null && group.equals("dept-fund") ? 1 : n + 2),
                    "CITY-TASK-" + n + (kind.equals("CASE") ? "-C" : ""), group, assignee,
                    Timestamp.from(warnAt.minus(1, ChronoUnit.HOURS)), Timestamp.from(warnAt), Timestamp.from(dueAt),
                    warned ? Timestamp.from(NOW.minus(5, ChronoUnit.MINUTES)) : null,
                    completedAt == null ? null : Timestamp.from(completedAt), state});
        }
    }
}
