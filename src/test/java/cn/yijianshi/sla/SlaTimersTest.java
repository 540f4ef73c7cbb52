package cn.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import cn.yijianshi.intake.MaterialSupplement;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SLA clock of a case's steps: due and follow-up dates from the policy on the working-day calendar, the
 * reminder and the escalation made by the SLA sweep (as the cluster-locked schedule runs it) with the hall clock
 * moved; no timer job per task.
 */
@HallIntegrationTest
class SlaTimersTest {

    @Autowired
    CaseIntake intake;
    @Autowired
    MaterialSupplement supplement;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CasePromiseWatch casePromises;
    @Autowired
    CaseSla caseSla;
    @Autowired
    ObjectMapper json;
    @Autowired
    SlaSweep sweep;
    @Autowired
    SlaMonitor monitor;
    @Autowired
    cn.yijianshi.intake.CaseMapper cases;

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    private static void clockAt(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall(localDateTime)));
    }

    private String openCase(List<String> materials) {
        Map<String, Object> body = TestCitizens.retirementIntake("时限测试", TestCitizens.RETIRING_MAN);
        body.put("materials", materials);
        return intake.accept(json.convertValue(body, CaseIntakeRequest.class), null, "window1").caseId();
    }

    /** What the schedule does every 15 s, once the clock got here. */
    private void sweepAsScheduled() {
        sweep.sweep();
    }

    @Test
    void reviewTaskIsRemindedAtItsWarningPointAndEscalatedAtItsDueDateButNeverCompleted() {
        clockAt("2026-11-23T10:00");   // a Monday
        String caseId = openCase(List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES"));
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();

        // 审核材料: 4 working hours from 10:00 -> 10-12 and 13:30-15:30; warning at 75% (3 hours) -> 14:30.
        assertThat(review.getDueDate().toInstant()).isEqualTo(TestCalendars.hall("2026-11-23T15:30"));
        assertThat(review.getFollowUpDate().toInstant()).isEqualTo(TestCalendars.hall("2026-11-23T14:30"));
        assertThat(managementService.createJobQuery().processInstanceId(review.getProcessInstanceId()).timers().list())
                .as("no timer job: the limit is the SLA record's").isEmpty();
        assertThat(jdbc.queryForMap("SELECT warn_at, due_at FROM sla_record WHERE task_id = ?", review.getId()).values())
                .extracting(at -> ((java.sql.Timestamp) at).toInstant())
                .containsExactly(TestCalendars.hall("2026-11-23T14:30"), TestCalendars.hall("2026-11-23T15:30"));

        clockAt("2026-11-23T14:20");
        sweepAsScheduled();
        assertThat(state(review.getId())).isEqualTo("ON_TRACK");
        assertThat(allNotices(review.getId())).isEmpty();

        clockAt("2026-11-23T14:31");
        sweepAsScheduled();
        assertThat(state(review.getId())).isEqualTo("AT_RISK");
        assertThat(notices("window", review.getId())).containsExactly("SLA_WARNING");
        assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult()).as("still open").isNotNull();
        assertThat(notices("coordinators", review.getId())).as("not breached yet").isEmpty();

        clockAt("2026-11-23T15:31");
        sweepAsScheduled();
        assertThat(state(review.getId())).isEqualTo("BREACHED");
        assertThat(notices("coordinators", review.getId())).containsExactly("SLA_BREACH");
        Task stillOpen = taskService.createTaskQuery().taskId(review.getId()).singleResult();
        assertThat(stillOpen).as("a breach never completes a task").isNotNull();
        assertThat(stillOpen.getPriority()).isEqualTo(50 + 30);
        assertThat(jdbc.queryForList("SELECT event FROM case_timeline WHERE case_id = ?", String.class, caseId))
                .contains("SLA_BREACHED");
        sweepAsScheduled();
        clockAt("2026-11-23T16:31");
        sweepAsScheduled();
        assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getPriority()).as("raised once").isEqualTo(50 + 30);
        assertThat(notices("window", review.getId())).as("reminded once").containsExactly("SLA_WARNING");
        assertThat(notices("coordinators", review.getId())).as("escalated once").containsExactly("SLA_BREACH");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_timeline WHERE case_id = ? AND event = 'SLA_BREACHED'",
                Integer.class, caseId)).isEqualTo(1);

        identityService.setAuthentication("window1", List.of("window"));
        taskService.claim(review.getId(), "window1");
        taskService.complete(review.getId(), Map.of("materialsDecision", "COMPLETE", "originalAge", "60",
                "contributionMonths", 360));
        assertThat(state(review.getId())).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("SELECT breached_at IS NOT NULL FROM sla_record WHERE task_id = ?", Boolean.class,
                review.getId())).isTrue();
    }

    @Test
    void whoHoldsAnOpenStepIsItsTaskNowAndTheRecordKeepsWhoHeldItWhenItEnded() {
        clockAt("2026-11-23T10:00");
        String caseId = openCase(List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES"));
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();

        identityService.setAuthentication("window1", List.of("window"));
        taskService.claim(review.getId(), "window1");
        identityService.clearAuthentication();
        assertThat(holders(caseId, review.getId())).as("claimed: case view, 办件查询, SLA monitor").containsOnly("window1");
        assertThat(storedHolder(review.getId())).as("a claim writes nothing to the record").isNull();

        taskService.setAssignee(review.getId(), "window2");   // 转办
        assertThat(holders(caseId, review.getId())).containsOnly("window2");
        taskService.setAssignee(review.getId(), null);   // 退回组内
        assertThat(holders(caseId, review.getId())).containsOnly((String) null);

        identityService.setAuthentication("window1", List.of("window"));
        taskService.claim(review.getId(), "window1");
        taskService.complete(review.getId(), Map.of("materialsDecision", "COMPLETE", "originalAge", "60",
                "contributionMonths", 360));
        assertThat(storedHolder(review.getId())).as("the record keeps who held it when it ended").isEqualTo("window1");
        assertThat(cases.steps(caseId)).filteredOn(step -> step.completedAt() != null)
                .extracting(cn.yijianshi.intake.CaseRow.DoneOrOpen::assignee).containsExactly("window1");
    }

    /** Who holds the step as the case view, 办件查询's open steps and the SLA monitor show it. */
    private java.util.Set<String> holders(String caseId, String taskId) {
        List<String> holders = new java.util.ArrayList<>();
        cases.steps(caseId).forEach(step -> holders.add(step.assignee()));
        cases.openSteps(List.of(caseId)).forEach(step -> holders.add(step.assignee()));
        monitor.tasks(null, "window").stream().filter(item -> item.taskId().equals(taskId))
                .forEach(item -> holders.add(item.assignee()));
        assertThat(holders).as("each of the three lists the one open step").hasSize(3);
        return new java.util.HashSet<>(holders);
    }

    private String storedHolder(String taskId) {
        return jdbc.queryForObject("SELECT assignee FROM sla_record WHERE task_id = ?", String.class, taskId);
    }

    @Test
    void aStepFirstSweptAfterItsDueDateIsRemindedThenEscalatedOnce() {
        clockAt("2026-11-23T10:00");
        String caseId = openCase(List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES"));
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();

        clockAt("2026-11-24T09:30");   // no node swept over the warning point and the due date (all were down)
        sweepAsScheduled();
        sweepAsScheduled();
        assertThat(state(review.getId())).isEqualTo("BREACHED");
        assertThat(notices("window", review.getId())).containsExactly("SLA_WARNING");
        assertThat(notices("coordinators", review.getId())).containsExactly("SLA_BREACH");
        assertThat(allNotices(review.getId())).as("the reminder first").containsExactly("SLA_WARNING", "SLA_BREACH");
        assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getPriority()).isEqualTo(50 + 30);
    }

    @Test
    void anUrgentCaseSortsFirstAndRunsAgainstItsShorterLimits() {
        clockAt("2026-11-23T10:00");   // a Monday
        Map<String, Object> body = TestCitizens.retirementIntake("加急测试", TestCitizens.RETIRING_MAN);
        body.put("priority", "URGENT");
        body.put("priorityReason", "绿色通道：申请人行动不便");
        String urgent = intake.accept(json.convertValue(body, CaseIntakeRequest.class), null, "window1").caseId();
        String normal = openCase(List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES"));

        Task urgentReview = taskService.createTaskQuery().processInstanceBusinessKey(urgent).singleResult();
        Task normalReview = taskService.createTaskQuery().processInstanceBusinessKey(normal).singleResult();
        assertThat(urgentReview.getPriority()).isGreaterThan(normalReview.getPriority());
        // 审核材料: 2 working hours when urgent (4 otherwise); the case: 5 working days (10 otherwise).
        assertThat(urgentReview.getDueDate().toInstant()).isEqualTo(TestCalendars.hall("2026-11-23T12:00"));
        assertThat(normalReview.getDueDate().toInstant()).isEqualTo(TestCalendars.hall("2026-11-23T15:30"));
        assertThat(caseDue(urgent)).isEqualTo(TestCalendars.hall("2026-11-30T10:00"));
        assertThat(caseDue(normal)).isEqualTo(TestCalendars.hall("2026-12-07T10:00"));
        assertThat(taskService.createTaskQuery().taskCandidateGroup("window").orderByTaskPriority().desc().list())
                .extracting(Task::getId).containsSubsequence(urgentReview.getId(), normalReview.getId());
    }

    @Test
    void aTaskCreatedBeforeTheSpringFestivalIsDueAfterIt() {
        clockAt("2026-02-13T16:00");   // Friday before 春节; 2026-02-14 is a make-up Saturday
        String caseId = openCase(List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES"));
        String record = jdbc.queryForObject("SELECT due_at FROM sla_record WHERE kind = 'CASE' AND case_id = ?",
                (rs, i) -> rs.getTimestamp(1).toInstant().toString(), caseId);
        // 10 working days: 02-14 (make-up), 02-24..27, 02-28 (make-up), 03-02..05 -> 2026-03-05 16:00.
        assertThat(Instant.parse(record)).isEqualTo(TestCalendars.hall("2026-03-05T16:00"));
    }

    @Test
    void theCasePromiseStopsWhileTheCitizenIsBringingMaterials() {
        clockAt("2026-11-23T10:00");
        String caseId = openCase(List.of("ID_CARD"));
        Instant dueBefore = caseDue(caseId);
        assertThat(dueBefore).isEqualTo(TestCalendars.hall("2026-12-07T10:00"));

        clockAt("2026-11-23T11:00");
        reviewFindsMaterialsMissing(caseId);
        assertThat(jdbc.queryForObject("SELECT state FROM sla_record WHERE kind = 'CASE' AND case_id = ?", String.class, caseId))
                .isEqualTo("PAUSED");

        clockAt("2026-11-30T10:00");   // a week later: 34 working hours of waiting
        supplement.supply(caseId, List.of("HUKOU", "APPLICATION_FORM", "ARCHIVES"), "window1");

        // The promise moves on by those 34 working hours: from 12-07 10:00 to 12-11 17:30.
        assertThat(caseDue(caseId)).isEqualTo(TestCalendars.hall("2026-12-11T17:30"));
        assertThat(jdbc.queryForObject("SELECT state FROM sla_record WHERE kind = 'CASE' AND case_id = ?", String.class, caseId))
                .isEqualTo("ON_TRACK");
    }

    @Test
    void theWholeCasePromiseIsRemindedAndEscalatedOnceAndTheWaitDoesNotCount() {
        clockAt("2026-11-23T10:00");
        String caseId = openCase(List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES"));
        Instant warnAt = jdbc.queryForObject("SELECT warn_at FROM sla_record WHERE kind = 'CASE' AND case_id = ?",
                (rs, i) -> rs.getTimestamp(1).toInstant(), caseId);
        assertThat(warnAt).isBefore(caseDue(caseId));

        ClockUtil.setCurrentTime(Date.from(warnAt.minusSeconds(60)));
        casePromises.watch();
        assertThat(caseNotices(caseId)).isEmpty();

        ClockUtil.setCurrentTime(Date.from(warnAt.plusSeconds(60)));
        casePromises.watch();
        casePromises.watch();
        assertThat(caseNotices(caseId)).as("told once").containsExactly("coordinators:CASE_WARNING");
        assertThat(jdbc.queryForObject("SELECT state FROM sla_record WHERE kind = 'CASE' AND case_id = ?", String.class, caseId))
                .isEqualTo("AT_RISK");

        ClockUtil.setCurrentTime(Date.from(caseDue(caseId).plusSeconds(60)));
        casePromises.watch();
        casePromises.watch();
        assertThat(caseNotices(caseId)).containsExactly("coordinators:CASE_WARNING", "coordinators:CASE_BREACH");
        assertThat(jdbc.queryForObject("SELECT state FROM sla_record WHERE kind = 'CASE' AND case_id = ?", String.class, caseId))
                .isEqualTo("BREACHED");
        assertThat(jdbc.queryForList("SELECT event FROM case_timeline WHERE case_id = ?", String.class, caseId))
                .contains("CASE_SLA_BREACHED");
    }

    @Test
    void aCaseWaitingForTheCitizenIsNeverToldAndItsWaitIsNotTimeUsed() {
        clockAt("2026-11-23T10:00");
        String caseId = openCase(List.of("ID_CARD"));
        clockAt("2026-11-23T11:00");
        reviewFindsMaterialsMissing(caseId);

        clockAt("2026-12-20T10:00");   // past the original promise, still waiting for the citizen
        casePromises.watch();
        assertThat(caseNotices(caseId)).as("the clock is stopped").isEmpty();

        clockAt("2026-11-30T10:00");   // (back in time for the rest of the story) the materials come: 34 working hours waited
        supplement.supply(caseId, List.of("HUKOU", "APPLICATION_FORM", "ARCHIVES"), "window1");
        clockAt("2026-12-01T10:00");
        caseSla.finish(caseId);
        // 42 working hours from 11-23 10:00 to 12-01 10:00, of which 34 waiting for the citizen.
        assertThat(jdbc.queryForMap("SELECT working_minutes, paused_minutes FROM sla_record WHERE kind = 'CASE' AND case_id = ?",
                caseId)).containsEntry("WORKING_MINUTES", 8L * 60).containsEntry("PAUSED_MINUTES", 34L * 60);
    }

    /** 审核材料 by the window: materials missing, so the one-time notice goes out and the case waits. */
    private void reviewFindsMaterialsMissing(String caseId) {
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
        cn.yijianshi.TaskWork.claimAndComplete(identityService, taskService, review, "window1", List.of("window"),
                Map.of("materialsDecision", "INCOMPLETE", "originalAge", "60", "contributionMonths", 360));
    }

    private List<String> caseNotices(String caseId) {
        return jdbc.queryForList("SELECT group_id || ':' || kind FROM staff_notice WHERE case_id = ? AND task_id IS NULL ORDER BY id",
                String.class, caseId);
    }

    private Instant caseDue(String caseId) {
        return jdbc.queryForObject("SELECT due_at FROM sla_record WHERE kind = 'CASE' AND case_id = ?",
                (rs, i) -> rs.getTimestamp(1).toInstant(), caseId);
    }

    private String state(String taskId) {
        return jdbc.queryForObject("SELECT state FROM sla_record WHERE task_id = ?", String.class, taskId);
    }

    private List<String> allNotices(String taskId) {
        return jdbc.queryForList("SELECT kind FROM staff_notice WHERE task_id = ? ORDER BY id", String.class, taskId);
    }

    private List<String> notices(String group, String taskId) {
        return jdbc.queryForList("SELECT kind FROM staff_notice WHERE group_id = ? AND task_id = ?", String.class, group, taskId);
    }
}
