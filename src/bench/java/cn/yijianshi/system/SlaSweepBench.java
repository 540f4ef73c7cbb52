package cn.yijianshi.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.yijianshi.sla.SlaSweep;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code --bench.sla-sweep=10000} (alone) or {@code --bench.timers=10000} (within the full bench): that many open
 * steps of a case process, each with its SLA record and no timer job, all made due at one instant (their warning
 * point and due date set to it in one row update, as a holiday notice would move them); the hall clock jumps to that
 * instant and two sweeps start together, as two nodes' schedules would (each claims its batches with SKIP LOCKED).
 * Prints the seconds from the jump until every reminder and escalation is recorded (both sweeps committed and
 * returned), checks each step was told exactly once, and the worst case after the instant: that figure plus the
 * schedule's interval ({@code yijianshi.sla.sweep-interval}), since the instant can fall just after a sweep.
 */
public class SlaSweepBench {

    private static final String CASES = "SLA-SWEEP-";

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final SlaSweep sweep;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final java.time.Duration interval;

    public SlaSweepBench(RepositoryService repositoryService, RuntimeService runtimeService, SlaSweep sweep, JdbcTemplate jdbc,
                         TransactionTemplate transaction, java.time.Duration interval) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.sweep = sweep;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.interval = interval;
    }

    /** Returns the seconds from the due instant until all were recorded. */
    public double run(int count) throws Exception {
        repositoryService.createDeployment().name("bench-sla-sweep").addClasspathResource("bench/sla-sweep-bench.bpmn")
                .enableDuplicateFiltering(true).deploy();
        String run = CASES + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-";
        long created = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clerks = Executors.newFixedThreadPool(4);
        List<Future<?>> starts = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            starts.add(clerks.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    runtimeService.startProcessInstanceByKey("bench-sla-sweep", run + i, Map.of("priority", "NORMAL"));
                }
            }));
        }
        for (Future<?> start : starts) {
            start.get();
        }
        clerks.shutdown();
        Instant due = jdbc.queryForObject("SELECT MAX(due_at) FROM sla_record WHERE case_id LIKE ?", Timestamp.class, run + "%")
                .toInstant();
        int moved = transaction.execute(status -> jdbc.update(
                "UPDATE sla_record SET warn_at = ?, due_at = ? WHERE case_id LIKE ? AND completed_at IS NULL",
                Timestamp.from(due), Timestamp.from(due), run + "%"));
        long jobs = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IN "
                + "(SELECT process_instance_id FROM sla_record WHERE case_id LIKE ?)", Long.class, run + "%");
        System.out.printf("sla sweep: %d open steps created in %.1f s (timer jobs: %d), all %d due at %s%n", count,
                (System.nanoTime() - created) / 1e9, jobs, moved, due);

        ClockUtil.setCurrentTime(Date.from(due));
        long jumped = System.nanoTime();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<Integer>> sweeps = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            sweeps.add(nodes.submit(() -> {
                together.await();
                return sweep.sweep();
            }));
        }
        int told = 0;
        for (Future<Integer> each : sweeps) {
            told += each.get(10, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - jumped) / 1e9;
        nodes.shutdown();
        ClockUtil.reset();

        long notices = jdbc.queryForObject("SELECT COUNT(*) FROM staff_notice WHERE case_id LIKE ?", Long.class, run + "%");
        long twice = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT task_id FROM staff_notice WHERE case_id LIKE ? "
                + "GROUP BY task_id, kind, group_id HAVING COUNT(*) > 1) t", Long.class, run + "%");
        long breached = jdbc.queryForObject("SELECT COUNT(*) FROM sla_record WHERE case_id LIKE ? AND warned_at IS NOT NULL "
                + "AND breached_at IS NOT NULL", Long.class, run + "%");
        System.out.printf("sla sweep: %d reminders and escalations recorded (%d steps reminded and escalated, %d notices, "
                        + "%d told twice) by two sweeps at once in %.1f s after their due instant; worst case with the %d s schedule: "
                        + "%.1f s (goal 30 s)%n",
                told, breached, notices, twice, seconds, interval.toSeconds(), seconds + interval.toSeconds());
        return seconds;
    }
}
