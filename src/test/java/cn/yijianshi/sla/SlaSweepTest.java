package cn.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SLA sweep at scale and on two sweepers at once: 500 steps due at one instant, two sweeps started together
 * after it (as two nodes would if both got past the cluster lock): every step is reminded once and escalated once,
 * its task's priority raised once, its case timeline noted once; a third sweep finds nothing left to tell. The
 * steps are created without timer jobs. (10,000 at once is the bench: {@code --bench.sla-sweep=10000}.)
 */
@HallIntegrationTest
class SlaSweepTest {

    static final int STEPS = 500;

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    SlaSweep sweep;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void fiveHundredStepsDueAtOnceAreEachRemindedAndEscalatedOnceByTwoSweepsRunningTogether() throws Exception {
        repositoryService.createDeployment().name("sla-many-steps").addClasspathResource("sla/many-steps.bpmn")
                .enableDuplicateFiltering(true).deploy();
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-03-02T10:00")));   // a Monday
        String run = "SW-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 0; i < STEPS; i++) {
            runtimeService.startProcessInstanceByKey("sla-many-steps", run + i, Map.of("priority", "NORMAL"));
        }
        String ofRun = " WHERE case_id LIKE '" + run + "%'";
        // the fallback policy, 3 working days: all due at one instant, warned at 75 %; no timer job anywhere
        assertThat(jdbc.queryForList("SELECT DISTINCT due_at FROM sla_record" + ofRun, java.sql.Timestamp.class))
                .extracting(java.sql.Timestamp::toInstant).containsExactly(TestCalendars.hall("2026-03-05T10:00"));
        assertThat(managementService.createJobQuery().processDefinitionKey("sla-many-steps").count()).isZero();

        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-03-05T10:01")));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<Integer>> sweeps = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            sweeps.add(nodes.submit(() -> {
                together.await(30, TimeUnit.SECONDS);
                return sweep.sweep();
            }));
        }
        int told = 0;
        for (Future<Integer> each : sweeps) {
            told += each.get(5, TimeUnit.MINUTES);
        }
        nodes.shutdown();
        assertThat(told).as("reminders and escalations made by both").isGreaterThanOrEqualTo(2 * STEPS);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_record" + ofRun
                + " AND warned_at IS NOT NULL AND breached_at IS NOT NULL AND state = 'BREACHED'", Integer.class)).isEqualTo(STEPS);
        assertThat(jdbc.queryForList("SELECT task_id FROM staff_notice" + ofRun + " GROUP BY task_id, kind, group_id HAVING COUNT(*) > 1",
                String.class)).as("each told once").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_notice" + ofRun + " AND kind = 'SLA_WARNING' AND group_id = 'coordinators'",
                Integer.class)).isEqualTo(STEPS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_notice" + ofRun + " AND kind = 'SLA_BREACH' AND group_id = 'coordinators'",
                Integer.class)).isEqualTo(STEPS);
        assertThat(jdbc.queryForList("SELECT case_id FROM case_timeline" + ofRun + " AND event = 'SLA_BREACHED' GROUP BY case_id "
                + "HAVING COUNT(*) <> 1", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_timeline" + ofRun + " AND event = 'SLA_BREACHED'", Integer.class))
                .isEqualTo(STEPS);
        List<Task> tasks = taskService.createTaskQuery().processDefinitionKey("sla-many-steps")
                .processInstanceBusinessKeyLike(run + "%").list();
        assertThat(tasks).hasSize(STEPS).extracting(Task::getPriority).as("raised once, never twice").containsOnly(50 + 30);
        assertThat(tasks).as("never completed").allSatisfy(task -> assertThat(task.getDueDate()).isNotNull());

        sweep.sweep();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_notice" + ofRun, Integer.class)).as("nothing left").isEqualTo(2 * STEPS);
    }

    @Test
    void aStepWhoseTaskIsGoneWithoutClosingItsRecordIsClosedAsCancelled() {
        repositoryService.createDeployment().name("sla-many-steps").addClasspathResource("sla/many-steps.bpmn")
                .enableDuplicateFiltering(true).deploy();
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-03-02T10:00")));
        String caseId = "SW-" + UUID.randomUUID().toString().substring(0, 8) + "-GONE";
        String instance = runtimeService.startProcessInstanceByKey("sla-many-steps", caseId, Map.of("priority", "NORMAL")).getId();
        runtimeService.deleteProcessInstance(instance, "test", true);   // its listeners skipped: the record stays open
        assertThat(jdbc.queryForObject("SELECT completed_at FROM sla_record WHERE case_id = ?", Instant.class, caseId)).isNull();

        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-03-05T10:01")));
        sweep.sweep();
        assertThat(jdbc.queryForObject("SELECT state FROM sla_record WHERE case_id = ?", String.class, caseId)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_notice WHERE case_id = ?", Integer.class, caseId)).isZero();
    }

    @Test
    void anOldVersionsSlaTimerFiresHarmlesslyWhileTheSweepTellsItsStepOnce() {
        repositoryService.createDeployment().name("sla-step-with-old-timer").addClasspathResource("sla/step-with-old-timer.bpmn")
                .enableDuplicateFiltering(true).deploy();
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-03-02T10:00")));
        String caseId = "SW-" + UUID.randomUUID().toString().substring(0, 8) + "-OLD";
        String instance = runtimeService.startProcessInstanceByKey("sla-step-with-old-timer", caseId, Map.of("priority", "NORMAL")).getId();
        assertThat(managementService.createJobQuery().processInstanceId(instance).timers().count()).as("the old timer").isEqualTo(1);

        // the warning point (2026-03-04T16:00 at 75 % of 3 working days): the sweep reminds, then the old timer fires
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-03-04T16:01")));
        sweep.sweep();
        fireDueTimers(instance);
        assertThat(jdbc.queryForList("SELECT kind FROM staff_notice WHERE case_id = ? ORDER BY id", String.class, caseId))
                .containsExactly("SLA_WARNING");
        // the due date: the old timer fires first this time, then the sweep escalates
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-03-05T10:01")));
        fireDueTimers(instance);
        sweep.sweep();
        sweep.sweep();
        assertThat(jdbc.queryForList("SELECT kind FROM staff_notice WHERE case_id = ? ORDER BY id", String.class, caseId))
                .as("each once, whatever fires").containsExactly("SLA_WARNING", "SLA_BREACH");
        assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getPriority()).isEqualTo(50 + 30);
        assertThat(managementService.createJobQuery().processInstanceId(instance).timers().count()).as("fired twice, done").isZero();
    }

    /** What the job executor would do with the instance's due timers. */
    private void fireDueTimers(String instance) {
        managementService.createJobQuery().processInstanceId(instance).timers().duedateLowerThan(ClockUtil.getCurrentTime()).list()
                .forEach(job -> managementService.executeJob(job.getId()));
    }
}
