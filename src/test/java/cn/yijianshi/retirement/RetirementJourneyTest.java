package cn.yijianshi.retirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** 退休一件事 walked over HTTP as the hall's people would: intake, then each task claimed and completed in turn. */
@HallIntegrationTest
class RetirementJourneyTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;

    private String open(Map<String, Object> body) {
        ResponseEntity<Map<String, Object>> created = http.withBasicAuth("window1", "window1")
                .exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body), JSON);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("caseId");
    }

    private String taskId(String user, String caseId, String taskKey) {
        List<Map<String, Object>> tasks = http.withBasicAuth(user, user).exchange(
                "/engine-rest/task?processInstanceBusinessKey=" + caseId + "&taskDefinitionKey=" + taskKey,
                HttpMethod.GET, null, JSON_LIST).getBody();
        assertThat(tasks).as("%s sees %s", user, taskKey).hasSize(1);
        return (String) tasks.get(0).get("id");
    }

    private ResponseEntity<String> claim(String user, String taskId) {
        return http.withBasicAuth(user, user).exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST,
                new HttpEntity<>(Map.of("userId", user)), String.class);
    }

    /** Claims and completes the task with form variables, as Tasklist does. */
    private void work(String user, String caseId, String taskKey, Map<String, Object> form) {
        String id = taskId(user, caseId, taskKey);
        assertThat(claim(user, id).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> done = complete(user, id, form);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private ResponseEntity<String> complete(String user, String taskId, Map<String, Object> form) {
        Map<String, Object> variables = new HashMap<>();
        form.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", typeOf(value))));
        return http.withBasicAuth(user, user).exchange("/engine-rest/task/" + taskId + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables)), String.class);
    }

    private static String typeOf(Object value) {
        return value instanceof Integer ? "Long" : value instanceof Double ? "Double" : value instanceof Boolean ? "Boolean" : "String";
    }

    private Map<String, Object> view(String caseId) {
        return http.withBasicAuth("window1", "window1").exchange("/api/cases/" + caseId, HttpMethod.GET, null, JSON).getBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> timeline(String caseId) {
        return (List<Map<String, Object>>) view(caseId).get("timeline");
    }

    private List<String> outbox(String caseId) {
        return jdbc.queryForList("SELECT kind FROM notification_outbox WHERE case_id = ? ORDER BY id", String.class, caseId);
    }

    @Test
    void aRetireeIsServedFromTheWindowToCompletionByEveryDepartmentAndRatesTheService() {
        String caseId = open(TestCitizens.retirementIntake("张三", TestCitizens.RETIRING_MAN));

        work("window1", caseId, "Task_ReviewMaterials", Map.of("materialsDecision", "COMPLETE", "originalAge", "60",
                "contributionMonths", 360, "hasFundAccount", true));
        assertThat(view(caseId)).containsEntry("status", "IN_PROGRESS");
        work("archives1", caseId, "Task_ArchivesReview", Map.of("confirmedContributionMonths", 360,
                "averageContributionIndex", 1.2, "personalAccountBalance", 139000.0, "transitionalPension", 300.0));

        String assessment = taskId("pension1", caseId, "Task_AssessPension");
        Map<String, Object> formVariables = http.withBasicAuth("pension1", "pension1")
                .exchange("/engine-rest/task/" + assessment + "/form-variables", HttpMethod.GET, null, JSON).getBody();
        assertThat(formVariables).containsKeys("estimateSheet", "estimateTotal");
        assertThat((String) ((Map<?, ?>) formVariables.get("estimateSheet")).get("value")).contains("基础养老金");

        work("pension1", caseId, "Task_AssessPension", Map.of("approvedMonthlyPension", 3500.0));
        work("medical1", caseId, "Task_MedicalTransfer", Map.of("departmentResult", "医保待遇已变更"));
        work("fund1", caseId, "Task_FundWithdrawal", Map.of("departmentResult", "公积金已提取"));

        String approval = taskId("pension1", caseId, "Task_ApproveRetirement");
        assertThat(claim("pension1", approval).getStatusCode().is2xxSuccessful())
                .as("the assessor may not claim the approval").isFalse();
        work("pension2", caseId, "Task_ApproveRetirement", Map.of("approvalDecision", "APPROVE"));

        Map<String, Object> done = view(caseId);
        assertThat(done).containsEntry("status", "COMPLETED");
        assertThat((List<?>) done.get("openSteps")).isEmpty();
        assertThat(timeline(caseId)).extracting(e -> e.get("event")).containsSubsequence(
                "ACCEPTED", "PRE_REVIEWED", "DEPARTMENTS_STARTED", "TASK_COMPLETED", "COMPLETED");
        assertThat(timeline(caseId)).filteredOn(e -> "TASK_COMPLETED".equals(e.get("event")))
                .extracting(e -> e.get("actor"))
                .containsExactlyInAnyOrder("window1", "archives1", "pension1", "medical1", "fund1", "pension2");
        assertThat(outbox(caseId)).containsSubsequence("IN_PROGRESS", "COMPLETED");

        // 好差评 comes from the person served: the 办结 notice carries a one-time link; staff cannot enter a score.
        assertThat(http.withBasicAuth("window1", "window1").exchange("/api/cases/" + caseId + "/rating", HttpMethod.POST,
                new HttpEntity<>(Map.of("score", 5, "comment", "一次办好")), JSON).getStatusCode().is2xxSuccessful()).isFalse();
        String completed = jdbc.queryForObject(
                "SELECT message FROM notification_outbox WHERE case_id = ? AND kind = 'COMPLETED'", String.class, caseId);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/rate/([A-Za-z0-9_-]+)").matcher(completed);
        assertThat(link.find()).as("the 办结 notice carries a rating link: " + completed).isTrue();
        ResponseEntity<Map<String, Object>> rated = http.exchange("/api/public/ratings/" + link.group(1), HttpMethod.POST,
                new HttpEntity<>(Map.of("score", 5, "comment", "一次办好")), JSON);
        assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((Map<?, ?>) view(caseId).get("rating")).get("score")).isEqualTo(5);
        assertThat(http.exchange("/api/public/ratings/" + link.group(1), HttpMethod.POST,
                new HttpEntity<>(Map.of("score", 1)), JSON).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aDepartmentFlaggingItsStepHardSendsTheCaseToTheExpertsAndTheStepCountsOnlyWhenDone() {
        String caseId = open(TestCitizens.retirementIntake("李疑难", TestCitizens.RETIRING_MAN));
        work("window1", caseId, "Task_ReviewMaterials", Map.of("materialsDecision", "COMPLETE", "originalAge", "60",
                "contributionMonths", 360, "hasFundAccount", false));
        String medical = taskId("medical1", caseId, "Task_MedicalTransfer");
        assertThat(claim("medical1", medical).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<String> noReason = complete("medical1", medical, Map.of("departmentResult", "待专家确认", "flagHardCase", true));
        assertThat(noReason.getStatusCode().value()).as(noReason.getBody()).isEqualTo(500);
        assertThat(noReason.getBody()).contains("hardCaseReason", "标记疑难时必须填写疑难原因");
        assertThat(taskService.createTaskQuery().taskId(medical).count()).as("the task stays").isEqualTo(1);

        ResponseEntity<String> flagged = complete("medical1", medical, Map.of("departmentResult", "待专家确认",
                "flagHardCase", true, "hardCaseReason", "视同缴费年限有争议"));
        assertThat(flagged.getStatusCode()).as(flagged.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        var hardCase = runtimeService.createProcessInstanceQuery().processDefinitionKey("hard-case-escalation")
                .processInstanceBusinessKey(caseId).singleResult();
        assertThat(runtimeService.getVariable(hardCase.getId(), "issueDescription")).isEqualTo("医保退休待遇变更：视同缴费年限有争议");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("Task_MedicalTransfer")
                .count()).as("with the experts now").isZero();
        // the step is not done yet: flagged on the timeline, not 完成; its SLA record cancelled, not counted as done
        assertThat(timeline(caseId)).filteredOn(e -> "HARD_CASE_FLAGGED".equals(e.get("event")))
                .extracting(e -> e.get("actor")).containsExactly("medical1");
        assertThat(timeline(caseId)).filteredOn(e -> "TASK_COMPLETED".equals(e.get("event")))
                .extracting(e -> e.get("actor")).containsExactly("window1");
        assertThat(jdbc.queryForObject("SELECT state FROM sla_record WHERE task_id = ?", String.class, medical))
                .isEqualTo("CANCELLED");
        // and the task history says the person completed the task
        var done = historyService.createHistoricTaskInstanceQuery().taskId(medical).singleResult();
        assertThat(done.getAssignee()).isEqualTo("medical1");
        assertThat(done.getDeleteReason()).isEqualTo("completed");
    }

    @Test
    void missingMaterialsAreListedInOneNoticeAndTheSupplementBringsTheCaseBack() {
        Map<String, Object> body = TestCitizens.retirementIntake("李四", TestCitizens.RETIRING_MAN);
        body.put("materials", List.of("ID_CARD"));
        String caseId = open(body);
        work("window1", caseId, "Task_ReviewMaterials", Map.of("materialsDecision", "INCOMPLETE", "originalAge", "60",
                "contributionMonths", 360, "materialsNote", "照片不合格"));

        assertThat(view(caseId)).containsEntry("status", "WAITING_FOR_MATERIALS");
        String notice = jdbc.queryForObject("SELECT message FROM notification_outbox WHERE case_id = ? AND kind = 'MATERIALS_NOTICE'",
                String.class, caseId);
        assertThat(notice).contains("户口簿", "人事档案", "退休一件事联办申请表", "照片不合格", "30日");

        ResponseEntity<Map<String, Object>> supplied = http.withBasicAuth("window1", "window1").exchange(
                "/api/cases/" + caseId + "/materials", HttpMethod.POST,
                new HttpEntity<>(Map.of("materials", List.of("HUKOU", "ARCHIVES", "APPLICATION_FORM"))), JSON);
        assertThat(supplied.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(supplied.getBody()).containsEntry("status", "ACCEPTED");
        assertThat(taskId("window1", caseId, "Task_ReviewMaterials")).isNotNull();

        ResponseEntity<Map<String, Object>> again = http.withBasicAuth("window1", "window1").exchange(
                "/api/cases/" + caseId + "/materials", HttpMethod.POST, new HttpEntity<>(Map.of("materials", List.of("PHOTO"))), JSON);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_material WHERE case_id = ? AND code = 'PHOTO'",
                Integer.class, caseId)).isZero();
    }

    @Test
    void aSupplementNeverBroughtWithdrawsTheCaseWithItsReason() {
        Map<String, Object> body = TestCitizens.retirementIntake("王五", TestCitizens.RETIRING_MAN);
        body.put("materials", List.of("ID_CARD"));
        String caseId = open(body);
        work("window1", caseId, "Task_ReviewMaterials", Map.of("materialsDecision", "INCOMPLETE", "originalAge", "60",
                "contributionMonths", 360));

        Job deadline = managementService.createJobQuery().processInstanceId((String) view(caseId).get("processInstanceId"))
                .timers().singleResult();
        managementService.executeJob(deadline.getId());

        Map<String, Object> withdrawn = view(caseId);
        assertThat(withdrawn).containsEntry("status", "WITHDRAWN");
        assertThat((String) withdrawn.get("outcomeReason")).contains("逾期未补正");
        assertThat(outbox(caseId)).endsWith("WITHDRAWN");
    }

    @Test
    void anApplicantTooYoungIsNotAcceptedAndToldTheEarliestMonth() {
        // A fixed hall date: on the real clock she would stop being too young in 2031-11.
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-24T10:00")));
        try {
            Map<String, Object> body = TestCitizens.retirementIntake("赵六", TestCitizens.WOMAN_1975);
            @SuppressWarnings("unchecked")
            Map<String, Object> retirement = (Map<String, Object>) body.get("retirement");
            retirement.put("originalAge", 55);
            String caseId = open(body);
            work("window1", caseId, "Task_ReviewMaterials", Map.of("materialsDecision", "COMPLETE", "originalAge", "55",
                    "contributionMonths", 200));

            Map<String, Object> refused = view(caseId);
            assertThat(refused).containsEntry("status", "NOT_ACCEPTED");
            // Born 1975-06 as a cadre (F55): one month more per four months of birth from 1970-01, so 56y5m, reached 2031-11.
            assertThat((String) refused.get("outcomeReason")).contains("2031-11");
        } finally {
            ClockUtil.reset();
        }
    }

    /** A man born 1966-08-15: M60 rules put his statutory month in 2027-01 (60 years and 5 months). */
    private static final String MAN_1966 = cn.yijianshi.intake.ResidentIdNumber.withCheckCharacter("11010119660815135");

    @Autowired
    StatutoryRetirementAge ages;

    @Test
    void anEarlyApplicationIsPreReviewedWaitsForItsMonthAndCompletesInIt() {
        java.time.YearMonth month = ages.compute("M", 60, java.time.LocalDate.of(1966, 8, 15)).retirementMonth();
        assertThat(month).isEqualTo(java.time.YearMonth.of(2027, 1));
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-24T10:00")));
        try {
            String caseId = open(TestCitizens.retirementIntake("孙早", MAN_1966));
            work("window1", caseId, "Task_ReviewMaterials", Map.of("materialsDecision", "COMPLETE", "originalAge", "60",
                    "contributionMonths", 360, "hasFundAccount", false));
            // the archives are reviewed before the wait, by the archives department
            ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-25T10:00")));
            work("archives1", caseId, "Task_ArchivesPreReview", Map.of("confirmedContributionMonths", 360));

            Map<String, Object> waiting = view(caseId);
            assertThat(waiting).containsEntry("status", "PRE_REVIEWED");
            assertThat(outbox(caseId)).contains("PRE_REVIEWED").doesNotContain("NOT_ACCEPTED");
            String told = jdbc.queryForObject("SELECT message FROM notification_outbox WHERE case_id = ? AND kind = 'PRE_REVIEWED'",
                    String.class, caseId);
            // 2027-01-01 is 元旦 and 01-02/03 a weekend: the month's first working day is Monday 01-04.
            assertThat(told).contains("已通过提前预审", "2027-01-04");
            assertThat(jdbc.queryForObject("SELECT paused_at FROM sla_record WHERE kind = 'CASE' AND case_id = ?",
                    java.sql.Timestamp.class, caseId)).as("the wait is not counted").isNotNull();

            String processInstanceId = (String) waiting.get("processInstanceId");
            Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers()
                    .activityId("Timer_RetirementMonth").singleResult();
            assertThat(timer.getDuedate()).isEqualTo(Date.from(TestCalendars.hall("2027-01-04T09:00")));

            ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2027-01-04T09:00")));
            managementService.executeJob(timer.getId());
            assertThat(view(caseId)).containsEntry("status", "IN_PROGRESS");
            Map<String, Object> promise = jdbc.queryForMap(
                    "SELECT started_at, paused_at, paused_minutes FROM sla_record WHERE kind = 'CASE' AND case_id = ?", caseId);
            assertThat(((java.sql.Timestamp) promise.get("started_at")).toInstant())
                    .as("the promise runs from the month, not from the early application")
                    .isEqualTo(TestCalendars.hall("2027-01-04T09:00"));
            assertThat(promise.get("paused_at")).isNull();

            ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2027-01-05T10:00")));
            assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("Task_ArchivesReview")
                    .count()).as("the archives were reviewed before the wait, not again in the month").isZero();
            work("pension1", caseId, "Task_AssessPension", Map.of("approvedMonthlyPension", 3500.0));
            work("medical1", caseId, "Task_MedicalTransfer", Map.of("departmentResult", "医保待遇已变更"));
            work("pension2", caseId, "Task_ApproveRetirement", Map.of("approvalDecision", "APPROVE"));
            assertThat(view(caseId)).containsEntry("status", "COMPLETED");
            assertThat(jdbc.queryForObject("SELECT breached_at FROM sla_record WHERE kind = 'CASE' AND case_id = ?",
                    java.sql.Timestamp.class, caseId)).isNull();
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void anApplicationMoreThanThreeMonthsEarlyIsRefusedWithTheDateFromWhichToApply() {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-09-24T10:00")));
        try {
            String caseId = open(TestCitizens.retirementIntake("孙太早", MAN_1966));
            work("window1", caseId, "Task_ReviewMaterials", Map.of("materialsDecision", "COMPLETE", "originalAge", "60",
                    "contributionMonths", 360));
            Map<String, Object> refused = view(caseId);
            assertThat(refused).containsEntry("status", "NOT_ACCEPTED");
            assertThat((String) refused.get("outcomeReason")).contains("2027-01", "可于 2026-10-01 起申请提前预审");
        } finally {
            ClockUtil.reset();
        }
    }
}
