package cn.yijianshi.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import cn.yijianshi.sla.SlaMonitor;
import cn.yijianshi.sla.SlaState;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code --bench.open-tasks=1000,10000,100000}: a hall with that many open tasks, and how long a department
 * clerk (pension1) waits for Tasklist's list of the group's tasks (15, due date then priority, through the
 * group's 待办 filter as Tasklist asks for it), its count, the coordinators' SLA overview, and the completion of a
 * task the clerk has claimed (a real case's 社保经办 step, made for each round outside the timing).
 * <p>
 * The open tasks are real retirement cases cloned: a few cases are run through the engine to each step where a
 * group waits (综合窗口 审核材料, 档案, and the three departments working in parallel), then each such task is
 * copied in SQL with everything the application made for it: the task, its candidate-group identity link, its
 * grants (runtime and history), its SLA timer job and its SLA record. Copies get their own due dates (within a
 * week either side of now) and priorities. The timers are never fired (the job executor is not started), and
 * the copies share their original's execution, so they are for reading, not for working.
 */
public class OpenTasksBench {

    private static final String DEPARTMENT_USER = "pension1";
    private static final String DEPARTMENT = "dept-pension";
    private static final String DEPARTMENT_FILTER = "社保经办·待办";

    /** Runs a real case to stage 0 (审核材料), 1 (档案) or 2 (the three departments) and returns its case id. */
    private final Function<Integer, String> caseToDepartments;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final FilterService filterService;
    private final SlaMonitor slaMonitor;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    /** A change timed in turns with the hall as it is ({@code --bench.open-tasks-sql}, ...), or null. */
    private final Variant variant;

    private final List<String> templates = new ArrayList<>();
    private int copiesMade;

    OpenTasksBench(Function<Integer, String> caseToDepartments, TaskService taskService, IdentityService identityService,
                   FilterService filterService, SlaMonitor slaMonitor, JdbcTemplate jdbc, TransactionTemplate transaction,
                   Variant variant) {
        this.caseToDepartments = caseToDepartments;
        this.taskService = taskService;
        this.identityService = identityService;
        this.filterService = filterService;
        this.slaMonitor = slaMonitor;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.variant = variant;
    }

    /**
     * Something the bench compares with the hall as it is: the list, the count and the completion are timed once
     * without it and once with it, in turns, so a busy spell of the machine weighs on both alike. Switching happens
     * outside the timing.
     */
    public record Variant(String name, Runnable on, Runnable off) {
    }

    /** The timings at one number of open tasks; the variant's are null unless one is compared. */
    public record Level(long openTasks, Bench.Timing list, Bench.Timing count, Bench.Timing overview,
                        Bench.Timing complete, Bench.Timing variantList, Bench.Timing variantCount,
                        Bench.Timing variantComplete) {
    }

    /** Grows the open tasks to each of {@code levels} in turn and times the three reads and a completion at each. */
    public List<Level> run(List<Integer> levels, int rounds) {
        makeTemplates();
        List<Level> measured = new ArrayList<>();
        for (int target : levels) {
            growTo(target);
            long open = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
            Level level = measure(open, rounds);
            measured.add(level);
        }
        return measured;
    }

    /** Real cases run to each step where a group waits; their open tasks are what gets copied. */
    private void makeTemplates() {
        // One case waiting at 审核材料 (window), one at 档案, one at the three departments in parallel.
        for (int stage = 0; stage < 3; stage++) {
            String caseId = caseToDepartments.apply(stage);
            for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(caseId).list()) {
                templates.add(task.getId());
            }
        }
        Map<String, Long> jobs = new LinkedHashMap<>();
        for (String template : templates) {
            jobs.put(template, jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB J JOIN ACT_RU_TASK T "
                    + "ON J.EXECUTION_ID_ = T.EXECUTION_ID_ WHERE T.ID_ = ? AND J.HANDLER_TYPE_ = 'timer-task-listener'",
                    Long.class, template));
        }
        System.out.printf("open tasks: %d template tasks from real cases (groups %s), SLA timer jobs each: %s%n",
                templates.size(), jdbc.queryForList("SELECT DISTINCT GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ IN ("
                        + String.join(",", templates.stream().map(t -> "?").toList()) + ") AND TYPE_ = 'candidate'",
                        String.class, templates.toArray()), jobs.values());
    }

    private void growTo(int target) {
        long open = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
        long missing = target - open;
        if (missing <= 0) {
            return;
        }
        long start = System.nanoTime();
        int copiesPerTemplate = (int) Math.ceil((double) missing / templates.size());
        ensureSequence(copiesMade + copiesPerTemplate);
        for (int from = copiesMade + 1; from <= copiesMade + copiesPerTemplate; from += 5_000) {
            int to = Math.min(copiesMade + copiesPerTemplate, from + 4_999);
            for (String template : templates) {
                int first = from;
                transaction.executeWithoutResult(status -> copy(template, first, to));
            }
        }
        copiesMade += copiesPerTemplate;
        if (mysql()) {
            // Tens of thousands of rows arrive here in seconds, and InnoDB recalculates a table's statistics in the
            // background some time after a tenth of it changed; a hall grows over months. Without this, the first
            // level after a big copy is sometimes timed on plans made from the old statistics.
            jdbc.queryForList("ANALYZE TABLE ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_AUTHORIZATION, ACT_RU_JOB, sla_record");
        }
        // The pool keeps each connection's server-side prepared statements (cachePrepStmts), and MariaDB keeps some
        // choices made when a statement was first prepared; prepared at 1,000 tasks, a query was timed at 100,000 on
        // them. A hall's connections live 30 minutes (Hikari's maxLifetime) while its tasks grow over months: new
        // connections here, as after a restart.
        try {
            javax.sql.DataSource dataSource = jdbc.getDataSource();
            if (dataSource != null && dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
                dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        System.out.printf("open tasks: %d copies made in %.1f s%n", (long) copiesPerTemplate * templates.size(),
                (System.nanoTime() - start) / 1e9);
    }

    /** Copies {@code template} as copies number {@code from} to {@code to}, with all the application made for it. */
    private void copy(String template, int from, int to) {
        String newId = "CONCAT('ot', S.N, '-', %s)";
        String shift = mysql() ? "DATE_ADD(%s, INTERVAL (MOD(S.N * 7919, 1209600) - 604800) SECOND)"
                : "DATEADD(SECOND, MOD(S.N * 7919, 1209600) - 604800, %s)";
        insertCopies("ACT_RU_TASK", "R.ID_ = ?", Map.of(
                "ID_", newId.formatted("R.ID_"),
                "DUE_DATE_", shift.formatted("R.DUE_DATE_"),
                "FOLLOW_UP_DATE_", shift.formatted("R.FOLLOW_UP_DATE_"),
                "PRIORITY_", "MOD(S.N, 3) * 25 + 25"), template, from, to);
        insertCopies("ACT_RU_IDENTITYLINK", "R.TASK_ID_ = ?", Map.of(
                "ID_", newId.formatted("R.ID_"),
                "TASK_ID_", newId.formatted("R.TASK_ID_")), template, from, to);
        insertCopies("ACT_RU_AUTHORIZATION", "R.RESOURCE_ID_ = ?", Map.of(
                "ID_", newId.formatted("R.ID_"),
                "RESOURCE_ID_", newId.formatted("R.RESOURCE_ID_")), template, from, to);
        // Copies share their original's execution: only the original's own timer (not a copy's) is copied.
        insertCopies("ACT_RU_JOB", "R.HANDLER_TYPE_ = 'timer-task-listener' AND R.ID_ NOT LIKE 'ot%' AND R.EXECUTION_ID_ = "
                + "(SELECT T.EXECUTION_ID_ FROM ACT_RU_TASK T WHERE T.ID_ = ?)", Map.of(
                "ID_", newId.formatted("R.ID_"),
                "DUEDATE_", shift.formatted("R.DUEDATE_")), template, from, to);
        insertCopies("sla_record", "R.task_id = ?", Map.of(
                "id", "",
                "task_id", newId.formatted("R.task_id"),
                "warn_at", shift.formatted("R.warn_at"),
                "due_at", shift.formatted("R.due_at")), template, from, to);
    }

    private void insertCopies(String table, String where, Map<String, String> replaced, String template, int from, int to) {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String column : columns(table)) {
            String expression = replaced.get(column.toUpperCase(Locale.ROOT));
            if (expression == null) {
                expression = replaced.get(column.toLowerCase(Locale.ROOT));
            }
            if ("".equals(expression)) {
                continue; // generated by the database
            }
            columns.add(column);
            values.add(expression != null ? expression : "R." + column);
        }
        jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                + " FROM " + table + " R CROSS JOIN bench_seq S WHERE " + where + " AND S.N BETWEEN ? AND ?",
                template, from, to);
    }

    private final Map<String, List<String>> columnsByTable = new LinkedHashMap<>();

    private List<String> columns(String table) {
        return columnsByTable.computeIfAbsent(table, t -> jdbc.execute((Connection connection) -> {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> names = new ArrayList<>();
            for (String candidate : List.of(t, t.toUpperCase(Locale.ROOT), t.toLowerCase(Locale.ROOT))) {
                try (ResultSet rs = meta.getColumns(connection.getCatalog(), null, candidate, null)) {
                    while (rs.next()) {
                        names.add(rs.getString("COLUMN_NAME"));
                    }
                }
                if (!names.isEmpty()) {
                    break;
                }
            }
            return names;
        }));
    }

    private boolean mysql() {
        return Boolean.TRUE.equals(jdbc.execute((Connection c) -> {
            try {
                String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
                return product.contains("mysql") || product.contains("mariadb");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private void ensureSequence(int upTo) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("CREATE TABLE IF NOT EXISTS bench_seq (N INT NOT NULL PRIMARY KEY)");
            int have = jdbc.queryForObject("SELECT COALESCE(MAX(N), 0) FROM bench_seq", Integer.class);
            List<Object[]> rows = new ArrayList<>();
            for (int n = have + 1; n <= upTo; n++) {
                rows.add(new Object[] {n});
            }
            jdbc.batchUpdate("INSERT INTO bench_seq (N) VALUES (?)", rows);
        });
    }

    private Level measure(long open, int rounds) {
        Filter filter = filterService.createFilterQuery().filterName(DEPARTMENT_FILTER).singleResult();
        long groupTasks = jdbc.queryForObject("SELECT COUNT(DISTINCT TASK_ID_) FROM ACT_RU_IDENTITYLINK "
                + "WHERE GROUP_ID_ = ? AND TYPE_ = 'candidate' AND TASK_ID_ IS NOT NULL", Long.class, DEPARTMENT);
        List<String> groups = List.of(DEPARTMENT);
        long[] counted = {0};
        int[] listed = {0};
        Runnable list = () -> as(groups, () -> listed[0] = filterService.<Task>listPage(filter.getId(), 0, 15).size());
        Runnable count = () -> as(groups, () -> counted[0] = filterService.count(filter.getId()));
        SlaMonitor.Overview[] overview = {null};
        Runnable sla = () -> overview[0] = slaMonitor.overview(20);
        for (int i = 0; i < Math.min(3, rounds); i++) { // warm-up
            list.run();
            count.run();
            sla.run();
        }
        Bench.Timing listTiming;
        Bench.Timing countTiming;
        Bench.Timing variantList = null;
        Bench.Timing variantCount = null;
        int[] variantListed = {0};
        long[] variantCounted = {0};
        if (variant == null) {
            listTiming = Bench.time(rounds, i -> list.run());
            countTiming = Bench.time(rounds, i -> count.run());
        } else {
            Runnable variantListRun = () -> as(groups, () -> variantListed[0] = filterService.<Task>listPage(filter.getId(), 0, 15).size());
            Runnable variantCountRun = () -> as(groups, () -> variantCounted[0] = filterService.count(filter.getId()));
            Bench.Timing[] lists = inTurns(rounds, list, variantListRun);
            Bench.Timing[] counts = inTurns(rounds, count, variantCountRun);
            listTiming = lists[0];
            variantList = lists[1];
            countTiming = counts[0];
            variantCount = counts[1];
        }
        Bench.Timing overviewTiming = Bench.time(rounds, i -> sla.run());
        Bench.Timing[] completions = completions(rounds);
        long slaOpen = overview[0].byGroup().getOrDefault(DEPARTMENT, Map.of()).entrySet().stream()
                .filter(e -> e.getKey() != SlaState.PAUSED).mapToLong(Map.Entry::getValue).sum();
        System.out.printf("== %d open tasks (%s: %d) ==%n", open, DEPARTMENT, groupTasks);
        System.out.println(listTiming.summary("  Tasklist list, " + DEPARTMENT_USER + ", 15 by due date then priority"));
        System.out.println(countTiming.summary("  Tasklist count, " + DEPARTMENT_USER));
        if (variant != null) {
            System.out.println(variantList.summary("  " + variant.name() + ": Tasklist list, " + DEPARTMENT_USER));
            System.out.println(variantCount.summary("  " + variant.name() + ": Tasklist count, " + DEPARTMENT_USER));
        }
        System.out.println(overviewTiming.summary("  SLA overview (/api/sla/overview)"));
        System.out.println(completions[0].summary("  completion of a claimed task, " + DEPARTMENT_USER));
        if (variant != null) {
            System.out.println(completions[1].summary("  " + variant.name() + ": completion of a claimed task, " + DEPARTMENT_USER));
        }
        System.out.printf("  figures: list %d rows, count %d, SLA overview %s open %d, open tasks of the group %d: %s%n",
                listed[0], counted[0], DEPARTMENT, slaOpen, groupTasks,
                listed[0] == Math.min(15, groupTasks) && counted[0] == groupTasks && slaOpen == groupTasks ? "right" : "WRONG");
        if (variant != null) {
            List<String> engineIds = new ArrayList<>();
            List<String> variantIds = new ArrayList<>();
            as(groups, () -> filterService.<Task>listPage(filter.getId(), 0, 15).forEach(t -> engineIds.add(t.getId())));
            variant.on().run();
            try {
                as(groups, () -> filterService.<Task>listPage(filter.getId(), 0, 15).forEach(t -> variantIds.add(t.getId())));
            } finally {
                variant.off().run();
            }
            System.out.printf("  figures %s: list %d rows, count %d, the same tasks in the same order: %s%n", variant.name(),
                    variantListed[0], variantCounted[0], variantListed[0] == Math.min(15, groupTasks)
                            && variantCounted[0] == groupTasks && engineIds.equals(variantIds) ? "right" : "WRONG");
        }
        return new Level(open, listTiming, countTiming, overviewTiming, completions[0], variantList, variantCount,
                completions[1]);
    }

    /**
     * The clerk completes a claimed task of a new real case, once per round (with the variant compared, once as is and
     * once with it, in turns); the case and the claim are made outside the timing. The second timing is null without
     * a variant.
     */
    private Bench.Timing[] completions(int rounds) {
        int kinds = variant == null ? 1 : 2;
        long[][] nanos = new long[kinds][rounds];
        for (int i = -1; i < rounds; i++) { // one warm-up round
            for (int which = 0; which < kinds; which++) {
                String caseId = caseToDepartments.apply(2);
                Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskCandidateGroup(DEPARTMENT)
                        .singleResult();
                as(List.of(DEPARTMENT), () -> taskService.claim(task.getId(), DEPARTMENT_USER));
                if (variant != null) {
                    (which == 0 ? variant.off() : variant.on()).run();
                }
                long t0 = System.nanoTime();
                as(List.of(DEPARTMENT), () -> taskService.complete(task.getId(), Map.of("departmentResult", "已办理")));
                if (i >= 0) {
                    nanos[which][i] = System.nanoTime() - t0;
                }
            }
        }
        if (variant != null) {
            variant.off().run();
        }
        Bench.Timing[] timings = new Bench.Timing[2];
        for (int which = 0; which < kinds; which++) {
            timings[which] = new Bench.Timing(nanos[which], java.util.Arrays.stream(nanos[which]).sum());
        }
        return timings;
    }

    /** Times {@code asIs} and {@code changed} (with {@link #variant} on) in turns, after one warm-up of each. */
    private Bench.Timing[] inTurns(int rounds, Runnable asIs, Runnable changed) {
        long[][] nanos = {new long[rounds], new long[rounds]};
        for (int i = -1; i < rounds; i++) {
            for (int which = 0; which < 2; which++) {
                (which == 0 ? variant.off() : variant.on()).run();
                long t0 = System.nanoTime();
                (which == 0 ? asIs : changed).run();
                if (i >= 0) {
                    nanos[which][i] = System.nanoTime() - t0;
                }
            }
        }
        variant.off().run();
        return new Bench.Timing[] {new Bench.Timing(nanos[0], java.util.Arrays.stream(nanos[0]).sum()),
                new Bench.Timing(nanos[1], java.util.Arrays.stream(nanos[1]).sum())};
    }

    private void as(List<String> groups, Runnable work) {
        identityService.setAuthentication(DEPARTMENT_USER, groups);
        try {
            work.run();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
