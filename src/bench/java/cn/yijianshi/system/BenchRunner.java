package cn.yijianshi.system;

import java.util.List;
import java.util.Map;

import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import cn.yijianshi.intake.Channel;
import cn.yijianshi.intake.Priority;
import cn.yijianshi.retirement.RetirementFacts;
import cn.yijianshi.retirement.RetirementType;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Measures intake and whole retirement cases, each human task claimed and completed through the
 * engine API by a user of its group, against a bare BPMN with the same number of user tasks.
 */
@Component
@Profile("bench")
public class BenchRunner implements ApplicationRunner {

    /** The users who work a retirement case, by task, as the hall would. */
    private static final Map<String, String> WORKER = Map.of(
            "Task_ReviewMaterials", "window1",
            "Task_ArchivesReview", "archives1",
            "Task_AssessPension", "pension1",
            "Task_MedicalTransfer", "medical1",
            "Task_FundWithdrawal", "fund1",
            "Task_ApproveRetirement", "pension2");

    /** The ledger export's range: the bench's issue rows are all raised inside it. */
    private static final java.time.LocalDate REPORT_FROM = java.time.LocalDate.of(2024, 6, 1);
    private static final java.time.LocalDate REPORT_TO = java.time.LocalDate.of(2024, 6, 30);
    private static final java.time.ZoneId HALL = java.time.ZoneId.of("Asia/Shanghai");

    private final CaseIntake intake;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final RepositoryService repositoryService;
    private final HistoryService historyService;
    private final ConfigurableApplicationContext context;
    private final int cases;
    private final int timers;
    private final org.camunda.bpm.engine.ProcessEngine processEngine;
    private final int reportRows;
    private final int reportRounds;
    private final cn.yijianshi.reports.ReportCatalogue reports;
    private final org.mybatis.spring.SqlSessionTemplate sqlSession;
    private final org.springframework.transaction.support.TransactionTemplate transactionTemplate;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final String openTasks;
    private final int openTasksRounds;
    private final String openTasksSql;
    private final String openTasksWithoutIndex;
    private final org.camunda.bpm.engine.FilterService filterService;
    private final cn.yijianshi.sla.SlaMonitor slaMonitor;
    private final int matterRounds;
    private final cn.yijianshi.intake.CaseLookup caseLookup;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final int insuredImport;
    private final int insuredImportMonthsLater;
    private final cn.yijianshi.insured.InsuredImport insuredImporter;

    public BenchRunner(CaseIntake intake, RuntimeService runtimeService, TaskService taskService,
                       IdentityService identityService, RepositoryService repositoryService, HistoryService historyService,
                       ConfigurableApplicationContext context, @Value("${bench.cases:200}") int cases,
                       @Value("${bench.timers:10000}") int timers, org.springframework.jdbc.core.JdbcTemplate jdbc,
                       org.camunda.bpm.engine.ProcessEngine processEngine,
                       @Value("${bench.report-rows:1000000}") int reportRows, @Value("${bench.report-rounds:3}") int reportRounds,
                       cn.yijianshi.reports.ReportCatalogue reports,
                       org.mybatis.spring.SqlSessionTemplate sqlSession,
                       org.springframework.transaction.support.TransactionTemplate transactionTemplate,
                       @Value("${bench.open-tasks:}") String openTasks, @Value("${bench.open-tasks-rounds:30}") int openTasksRounds,
                       @Value("${bench.open-tasks-sql:}") String openTasksSql,
                       @Value("${bench.open-tasks-without-index:}") String openTasksWithoutIndex,
                       org.camunda.bpm.engine.FilterService filterService, cn.yijianshi.sla.SlaMonitor slaMonitor,
                       @Value("${bench.matters:20}") int matterRounds, com.fasterxml.jackson.databind.ObjectMapper json,
                       cn.yijianshi.intake.CaseLookup caseLookup,
                       @Value("${bench.insured-import:0}") int insuredImport, cn.yijianshi.insured.InsuredImport insuredImporter,
                       @Value("${bench.insured-import-months-later:0}") int insuredImportMonthsLater) {
        this.insuredImport = insuredImport;
        this.insuredImportMonthsLater = insuredImportMonthsLater;
        this.insuredImporter = insuredImporter;
        this.caseLookup = caseLookup;
        this.matterRounds = matterRounds;
        this.json = json;
        this.intake = intake;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.repositoryService = repositoryService;
        this.historyService = historyService;
        this.context = context;
        this.cases = cases;
        this.timers = timers;
        this.jdbc = jdbc;
        this.processEngine = processEngine;
        this.reportRows = reportRows;
        this.reportRounds = reportRounds;
        this.reports = reports;
        this.sqlSession = sqlSession;
        this.transactionTemplate = transactionTemplate;
        this.openTasks = openTasks;
        this.openTasksRounds = openTasksRounds;
        this.openTasksSql = openTasksSql;
        this.openTasksWithoutIndex = openTasksWithoutIndex;
        this.filterService = filterService;
        this.slaMonitor = slaMonitor;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (insuredImport > 0) {
            new InsuredImportBench(insuredImporter, jdbc).run(insuredImport, insuredImportMonthsLater);
            System.exit(SpringApplication.exit(context, () -> 0));
            return;
        }
        int slaSweep = context.getEnvironment().getProperty("bench.sla-sweep", Integer.class, 0);
        if (slaSweep > 0) {
            System.out.println(String.format(java.util.Locale.ROOT, "BENCH {\"timers_s\":%.1f}", slaTimers(slaSweep)));
            System.exit(SpringApplication.exit(context, () -> 0));
            return;
        }
        if (!openTasks.isBlank()) {
            openTasks();
            System.exit(SpringApplication.exit(context, () -> 0));
            return;
        }
        System.out.println("== yijianshi bench: " + cases + " cases ==");
        intakeOnly(Math.min(cases, 50)); // warm-up
        Bench.Timing intakes = intakeOnly(cases);
        System.out.println(intakes.summary("intake"));

        Double timersSeconds = null;
        try (BareEngine bare = BareEngine.besides(jdbc.getDataSource(), WORKER.size())) {
            int warmUp = context.getEnvironment().getProperty("bench.warm-up-pairs", Integer.class, Math.min(cases, 20));
            casesInTurns(bare, warmUp, new StatementLog.Counts[2]); // warm-up
            StatementLog.Counts[] statements = {new StatementLog.Counts(), new StatementLog.Counts()};
            String schema = databaseName();
            DatabaseServerCpu[] servers = {DatabaseServerCpu.of(jdbc, schema), DatabaseServerCpu.of(jdbc, schema + "_bare")};
            List<Map<Long, Long>> before = List.of(servers[0].sample(), servers[1].sample());
            Bench.Timing[] timings = casesInTurns(bare, cases, statements);
            Double[] serverMillis = {DatabaseServerCpu.millisBetween(before.get(0), servers[0].sample()),
                    DatabaseServerCpu.millisBetween(before.get(1), servers[1].sample())};
            Bench.Timing ours = timings[0];
            Bench.Timing bareTiming = timings[1];
            System.out.println(ours.summary("retirement case (6 human tasks, claimed and completed)"));
            System.out.println(bareTiming.summary("bare BPMN on a stock engine (6 user tasks, history FULL, no listeners or forms)"));
            System.out.printf("ratio ours/bare (cases/s): %.2f%n", ours.perSecond() / bareTiming.perSecond());
            printStatements("retirement case", statements[0], cases);
            printStatements("bare case", statements[1], cases);
            printServerCpu("retirement case", serverMillis[0], cases);
            printServerCpu("bare case", serverMillis[1], cases);
            caseFigures = String.format(java.util.Locale.ROOT, "\"cases_per_s\":%.2f,\"bare_cases_per_s\":%.2f,\"ratio\":%.2f,"
                    + "\"statements_per_case\":%.1f,\"bare_statements_per_case\":%.1f", ours.perSecond(), bareTiming.perSecond(),
                    ours.perSecond() / bareTiming.perSecond(), statements[0].statements() / (double) cases,
                    statements[1].statements() / (double) cases);
        }
        if (matterRounds > 0) {
            new MixedMattersBench(intake, caseLookup, taskService, identityService, json, this::claimAndComplete).run(matterRounds);
        }
        if (timers > 0) {
            timersSeconds = slaTimers(timers);
        }
        if (reportRows > 0) {
            ledgerReports(reportRows);
        }
        System.out.println("BENCH {" + caseFigures + ",\"timers_s\":" + (timersSeconds == null ? "null"
                : String.format(java.util.Locale.ROOT, "%.1f", timersSeconds)) + "}");
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /**
     * {@code --bench.open-tasks=1000,10000,100000} (alone: the other parts do not run): Tasklist's list and count for a
     * department clerk and the SLA overview, timed as the open tasks grow to each number in turn.
     */
    private void openTasks() {
        List<Integer> levels = java.util.Arrays.stream(openTasks.split(",")).map(String::trim)
                .map(Integer::parseInt).sorted().toList();
        System.out.println("== yijianshi bench: open tasks " + levels + " ==");
        OpenTasksBench.Variant variant = null;
        if (!openTasksSql.isBlank()) {
            // A measurement of SQL the engine does not send: see TaskQuerySqlRewrite.
            TaskQuerySqlRewrite rewrite = new TaskQuerySqlRewrite(openTasksSql, identityService);
            ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                    .getSqlSessionFactory().getConfiguration().addInterceptor(rewrite);
            variant = new OpenTasksBench.Variant("rewritten SQL (" + openTasksSql + ")", () -> rewrite.active(true),
                    () -> rewrite.active(false));
        } else if (!openTasksWithoutIndex.isBlank()) {
            // MariaDB's ignored indexes (10.6 and later): the optimizer does not see the index while it is ignored.
            String index = openTasksWithoutIndex;
            String table = TasklistIndexes.INDEXES.stream().filter(i -> i.name().equals(index)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("bench.open-tasks-without-index: not one of Tasklist's "
                            + "indexes: " + index)).table();
            variant = new OpenTasksBench.Variant("with " + index + " (the other timings: without it)",
                    () -> jdbc.execute("ALTER TABLE " + table + " ALTER INDEX " + index + " NOT IGNORED"),
                    () -> jdbc.execute("ALTER TABLE " + table + " ALTER INDEX " + index + " IGNORED"));
        }
        if (variant != null) {
            System.out.println("open tasks: list, count and completion also timed " + variant.name() + ", in turns");
        }
        OpenTasksBench bench = new OpenTasksBench(this::caseAtStage, taskService, identityService, filterService, slaMonitor,
                jdbc, transactionTemplate, variant);
        List<OpenTasksBench.Level> measured;
        try {
            measured = bench.run(levels, openTasksRounds);
        } finally {
            if (!openTasksWithoutIndex.isBlank() && variant != null) {
                variant.on().run(); // the database keeps the index in use, as the application made it
            }
        }
        OpenTasksBench.Level last = measured.get(measured.size() - 1);
        StringBuilder json = new StringBuilder("{");
        for (OpenTasksBench.Level level : measured) {
            json.append(String.format(java.util.Locale.ROOT, "\"open_%d\": {\"list_p50_ms\": %.1f, \"list_p95_ms\": %.1f, "
                    + "\"count_p50_ms\": %.1f, \"count_p95_ms\": %.1f, \"sla_overview_p50_ms\": %.1f, \"sla_overview_p95_ms\": %.1f, "
                    + "\"complete_p50_ms\": %.1f, \"complete_p95_ms\": %.1f}, ",
                    level.openTasks(), level.list().percentileMillis(50), level.list().percentileMillis(95),
                    level.count().percentileMillis(50), level.count().percentileMillis(95),
                    level.overview().percentileMillis(50), level.overview().percentileMillis(95),
                    level.complete().percentileMillis(50), level.complete().percentileMillis(95)));
            if (level.variantList() != null) {
                json.setLength(json.length() - 3);
                json.append(String.format(java.util.Locale.ROOT, ", \"variant_list_p50_ms\": %.1f, \"variant_list_p95_ms\": %.1f, "
                        + "\"variant_count_p50_ms\": %.1f, \"variant_count_p95_ms\": %.1f, "
                        + "\"variant_complete_p50_ms\": %.1f, \"variant_complete_p95_ms\": %.1f}, ",
                        level.variantList().percentileMillis(50), level.variantList().percentileMillis(95),
                        level.variantCount().percentileMillis(50), level.variantCount().percentileMillis(95),
                        level.variantComplete().percentileMillis(50), level.variantComplete().percentileMillis(95)));
            }
        }
        json.append(String.format(java.util.Locale.ROOT, "\"open_tasks\": %d, \"tasklist_p95_ms\": %.1f, "
                + "\"tasklist_count_p95_ms\": %.1f, \"sla_overview_p95_ms\": %.1f}", last.openTasks(),
                last.list().percentileMillis(95), last.count().percentileMillis(95), last.overview().percentileMillis(95)));
        System.out.println("BENCH {" + caseFigures + ",\"timers_s\":null," + json.substring(1));
    }

    /** A real retirement case worked to stage 0 (审核材料 open), 1 (档案 open) or 2 (the three departments open). */
    private String caseAtStage(int stage) {
        String caseId = intake.accept(request(stage, true), null, "window1").caseId();
        for (int step = 0; step < stage; step++) {
            for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(caseId).list()) {
                claimAndComplete(task, WORKER.getOrDefault(task.getTaskDefinitionKey(), "demo"), formVariables(task));
            }
        }
        return caseId;
    }

    /** N open steps due at one instant, reminded and escalated by two SLA sweeps at once ({@link SlaSweepBench}). */
    private Double slaTimers(int count) {
        try {
            return new SlaSweepBench(repositoryService, runtimeService, context.getBean(cn.yijianshi.sla.SlaSweep.class), jdbc,
                    transactionTemplate, context.getEnvironment().getProperty("yijianshi.sla.sweep-interval",
                    java.time.Duration.class, java.time.Duration.ofSeconds(10))).run(count);
        } catch (Exception e) {
            throw new IllegalStateException("the SLA sweep bench failed", e);
        }
    }

    /**
     * N issue rows, then the 问题销号台账 over them and FastExcel on the same rows, taking turns for
     * {@code bench.report-rounds} rounds: one run of either swings with the JIT and the collector, so the
     * ratio is taken between the medians.
     */
    private void ledgerReports(int rows) {
        insertIssues(rows);
        List<Double> ours = new java.util.ArrayList<>();
        List<Double> fastExcel = new java.util.ArrayList<>();
        for (int round = 1; round <= reportRounds; round++) {
            System.out.printf("-- report round %d of %d%n", round, reportRounds);
            ours.add(ledgerReport(rows));
            Double other = fastExcel(rows);
            if (other != null) {
                fastExcel.add(other);
            }
        }
        double oursMedian = median(ours);
        System.out.printf("ledger report, median of %d: %.0f rows/s%n", ours.size(), oursMedian);
        if (!fastExcel.isEmpty()) {
            System.out.printf("FastExcel, median of %d: %.0f rows/s; ratio ours/FastExcel (rows/s): %.2f%n", fastExcel.size(),
                    median(fastExcel), oursMedian / median(fastExcel));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private void insertIssues(int rows) {
        long insertStart = System.nanoTime();
        java.sql.Timestamp raised = java.sql.Timestamp.from(java.time.Instant.parse("2024-06-03T02:00:00Z"));
        String[] statuses = {"OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED", "REFERRED"};
        for (int start = 0; start < rows; start += 5000) {
            int from = start;
            int to = Math.min(rows, start + 5000);
            transactionTemplate.executeWithoutResult(status -> jdbc.batchUpdate("INSERT INTO issue (issue_id, source, category, description, raised_by, raised_at, responsible_dept, "
                    + "deadline, status, reopen_count) VALUES (?, 'HOTLINE', 'PENSION', ?, 'bench', ?, 'experts', ?, ?, 0)",
                    new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                        public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
                            int n = from + i;
                            ps.setString(1, String.format("BENCH-%08d", n));
                            ps.setString(2, "来电反映养老金待遇问题，来电人电话13800138000，第" + n + "号");
                            ps.setTimestamp(3, raised);
                            ps.setDate(4, java.sql.Date.valueOf("2024-06-20"));
                            ps.setString(5, statuses[n % statuses.length]);
                        }

                        public int getBatchSize() {
                            return to - from;
                        }
                    })); // the pool hands out connections with autocommit off
        }
        System.out.printf("report rows: %d issues inserted in %.1f s%n", rows, (System.nanoTime() - insertStart) / 1e9);
    }

    /** The 问题销号台账 over the bench's issue rows: rows/s and the JVM's peak heap while exporting. */
    private double ledgerReport(int rows) {
        var report = reports.require("issue-ledger");
        var parameters = cn.yijianshi.reports.ReportParameters.parse(REPORT_FROM.toString(), REPORT_TO.toString(), null);
        var writer = new cn.yijianshi.reports.WorkbookWriter(sqlSession, HALL, REPORT_TO.plusDays(1));
        var pools = heapPeaksFromNow();
        long baseline = heapUsed();
        long[] bytes = {0};
        java.io.OutputStream counting = new java.io.OutputStream() {
            public void write(int b) {
                bytes[0]++;
            }

            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        long start = System.nanoTime();
        transactionTemplate.executeWithoutResult(status -> {
            try {
                writer.write(report, parameters, counting);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = peakHeap(pools);
        System.out.printf("ledger report: %d rows in %.1f s = %.0f rows/s, %.1f MB written; heap before %.0f MB, peak %.0f MB "
                + "(peak above baseline %.0f MB; the in-memory bench database lives in the same heap)%n", rows, seconds,
                rows / seconds, bytes[0] / 1e6, baseline / 1e6, peak / 1e6, (peak - baseline) / 1e6);
        return rows / seconds;
    }

    /**
     * The same rows written by FastExcel (only in a jar built with -Pbench-fastexcel, never in the
     * product): rows/s, or null when this build has no FastExcel.
     */
    private Double fastExcel(int rows) {
        java.lang.reflect.Method write;
        try {
            write = Class.forName("cn.yijianshi.system.FastExcelLedgerExport").getMethod("write", javax.sql.DataSource.class,
                    java.io.OutputStream.class, java.sql.Timestamp.class, java.sql.Timestamp.class);
        } catch (ReflectiveOperationException e) {
            System.out.println("FastExcel comparison: not in this build (mvn -B -DskipTests -Pbench-fastexcel package)");
            return null;
        }
        var pools = heapPeaksFromNow();
        long start = System.nanoTime();
        long written;
        try {
            written = (Long) write.invoke(null, jdbc.getDataSource(), java.io.OutputStream.nullOutputStream(),
                    java.sql.Timestamp.from(REPORT_FROM.atStartOfDay(HALL).toInstant()),
                    java.sql.Timestamp.from(REPORT_TO.plusDays(1).atStartOfDay(HALL).toInstant()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("FastExcel comparison failed", e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = peakHeap(pools);
        System.out.printf("FastExcel (same rows, no masking, no summary): %d rows in %.1f s = %.0f rows/s, peak heap %.0f MB%n",
                written, seconds, written / seconds, peak / 1e6);
        if (written != rows) {
            System.out.printf("FastExcel wrote %d rows, the report %d: not the same rows%n", written, rows);
        }
        return written / seconds;
    }

    /** After a collection, the heap pools with their peaks reset: {@link #peakHeap} then reads the peak since now. */
    private static List<java.lang.management.MemoryPoolMXBean> heapPeaksFromNow() {
        System.gc();
        var pools = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
        pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        return pools;
    }

    private static long peakHeap(List<java.lang.management.MemoryPoolMXBean> pools) {
        return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long heapUsed() {
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private Bench.Timing intakeOnly(int count) {
        return Bench.time(count, i -> intake.accept(request(i, false), null, "window1"));
    }

    /** The bench's figures of cases ours and bare for its last line, none until the cases ran. */
    private String caseFigures = "\"cases_per_s\":null,\"bare_cases_per_s\":null,\"ratio\":null,"
            + "\"statements_per_case\":null,\"bare_statements_per_case\":null";

    /**
     * One whole retirement case, then one bare case on the stock engine, in turns: both meet the machine in the
     * same state. Each case's statements (this thread's, through the pools' proxies) are added to {@code statements}
     * [0] ours and [1] bare when given.
     */
    private Bench.Timing[] casesInTurns(BareEngine bare, int count, StatementLog.Counts[] statements) {
        return Bench.timeInTurns(count, i -> counted(() -> wholeCase(i), statements[0]),
                i -> counted(bare::runCase, statements[1]));
    }

    private static final java.util.concurrent.atomic.AtomicInteger TRACED = new java.util.concurrent.atomic.AtomicInteger();

    private static void counted(Runnable work, StatementLog.Counts total) {
        StatementLog.begin();
        try {
            work.run();
        } finally {
            StatementLog.Counts counts = StatementLog.end();
            // the first measured pair (ours, then bare) after the 20 warm-up pairs
            if (!counts.trace().isEmpty() && TRACED.getAndIncrement() / 2 == 20) {
                System.out.println("TRACE of one case, statements in order:");
                counts.trace().forEach(line -> System.out.println("TRACE " + line));
            }
            if (total != null) {
                total.add(counts);
            }
        }
    }

    /** The hall's schema (null if the database cannot name it; on H2 the server CPU then reads as unknown). */
    private String databaseName() {
        try {
            return jdbc.queryForObject("SELECT DATABASE()", String.class);
        } catch (RuntimeException h2) {
            return null;
        }
    }

    /** The database server's CPU per case for one engine's schema (MariaDB on this machine only, see DatabaseServerCpu). */
    private static void printServerCpu(String what, Double millis, int cases) {
        System.out.println(millis == null
                ? what + ": the database server's CPU per case is unknown (not MariaDB on this machine)"
                : String.format(java.util.Locale.ROOT, "%s: %.1f ms per case of the database server's CPU (its connections' threads)",
                        what, millis / cases));
    }

    /** Statements per case, then by verb and table (most first): where a case's database work goes. */
    private static void printStatements(String what, StatementLog.Counts counts, int cases) {
        System.out.printf(java.util.Locale.ROOT, "%s: %.1f statements per case (%.1f round trips)%n", what,
                counts.statements() / (double) cases, counts.roundTrips() / (double) cases);
        System.out.printf(java.util.Locale.ROOT, "%s: %.1f ms per case waiting for the database, %.1f commits%n", what,
                counts.databaseNanos() / 1e6 / cases, counts.commits() / (double) cases);
        counts.byStatement().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf(java.util.Locale.ROOT, "  %6.1f  %6.2f ms  %s%n", e.getValue() / (double) cases,
                        counts.nanosByStatement().getOrDefault(e.getKey(), 0L) / 1e6 / cases, e.getKey()));
        System.out.printf(java.util.Locale.ROOT, "  %6.1f  %6.2f ms  COMMIT%n", counts.commits() / (double) cases,
                counts.nanosByStatement().getOrDefault("COMMIT", 0L) / 1e6 / cases);
        counts.phases().forEach((phase, nanos) -> System.out.printf(java.util.Locale.ROOT,
                "%s: %s %.1f ms per case, %.1f ms of it waiting for the database, %.1f ms of the thread's CPU%n", what, phase,
                nanos[0] / 1e6 / cases, nanos[1] / 1e6 / cases, nanos[2] / 1e6 / cases));
    }

    private void wholeCase(int i) {
        String caseId = StatementLog.phase("intake", () -> intake.accept(request(i, true), null, "window1").caseId());
        workUntilDone(caseId, task -> WORKER.getOrDefault(task.getTaskDefinitionKey(), "demo"), BenchRunner::formVariables);
    }

    /** What the task's user enters in its form, for a case that goes straight through. */
    private static Map<String, Object> formVariables(Task task) {
        return switch (task.getTaskDefinitionKey()) {
            case "Task_ReviewMaterials" -> Map.of("materialsDecision", "COMPLETE", "originalAge", "60",
                    "contributionMonths", 360, "hasFundAccount", true);
            case "Task_ArchivesReview" -> Map.of("confirmedContributionMonths", 360, "averageContributionIndex", 1.0,
                    "personalAccountBalance", 139000, "transitionalPension", 0);
            case "Task_AssessPension" -> Map.of("approvedMonthlyPension", 3000);
            case "Task_ApproveRetirement" -> Map.of("approvalDecision", "APPROVE");
            default -> Map.of("departmentResult", "已办理");
        };
    }

    /** Claims and completes the instance's open tasks, each by its worker with its variables, until none is left. */
    private void workUntilDone(String businessKey, java.util.function.Function<Task, String> worker,
                               java.util.function.Function<Task, Map<String, Object>> variables) {
        List<Task> open = openTasks(businessKey);
        while (!open.isEmpty()) {
            for (Task task : open) {
                claimAndComplete(task, worker.apply(task), variables.apply(task));
            }
            open = openTasks(businessKey);
        }
    }

    private List<Task> openTasks(String businessKey) {
        return StatementLog.phase("task query", () -> taskService.createTaskQuery().processInstanceBusinessKey(businessKey).list());
    }

    private final Map<String, List<String>> groupsOfUser = new java.util.HashMap<>();

    /** Works the task as Tasklist would for this user: logged in with the user's groups, claim, complete. */
    private void claimAndComplete(Task task, String user, Map<String, Object> variables) {
        List<String> groups = groupsOfUser.computeIfAbsent(user, u -> identityService.createGroupQuery().groupMember(u)
                .list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
        identityService.setAuthentication(user, groups);
        try {
            StatementLog.phase("claim", () -> taskService.claim(task.getId(), user));
            StatementLog.phase("complete", () -> taskService.complete(task.getId(), variables));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static CaseIntakeRequest request(int i, boolean complete) {
        // Men born in 1960 with 30 years of contributions: eligible today under the 2025 rules.
        String id = BenchIdNumbers.male(1960, 1 + i % 12, 1 + i % 28, i);
        return new CaseIntakeRequest("RETIREMENT",
                new CaseIntakeRequest.Applicant("测试" + i, id, null, "M", "13800138000"), Channel.WINDOW,
                new CaseIntakeRequest.ServicePoint("BENCH-01", "压测网点"), null,
                complete ? List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES") : List.of("ID_CARD"),
                Priority.NORMAL, null, null, new RetirementFacts(RetirementType.NORMAL, 60, 360, true, false));
    }
}
