package cn.yijianshi.arbitration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@HallIntegrationTest
class ReferralApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;

    /** The hall's day in these tests: Monday 2026-11-23, 10:00 (the engine clock, which HallClock follows). */
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    @BeforeEach
    void hallClock() {
        at(TODAY + "T10:00");
    }

    private static void at(String hallTime) {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall(hallTime)));
    }

    @AfterEach
    void nobody() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    private static String today() {
        return TODAY.toString();
    }

    private static Map<String, Object> referral(String disputeDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("applicant", Map.of("name", "刘女士", "idNumber", TestCitizens.WOMAN_1975, "phone", "13900139000"));
        body.put("employer", Map.of("name", "某某贸易有限公司", "creditCode", "91110105MA01ABCD2X"));
        body.put("claims", List.of(Map.of("type", "SEVERANCE", "amount", 30000), Map.of("type", "UNPAID_WAGES", "amount", 8000)));
        body.put("disputeDate", disputeDate);
        body.put("mediation", false);
        return body;
    }

    private ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return http.withBasicAuth("liaison1", "liaison1").exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
    }

    private void liaisonPrepares(String referralId) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(referralId).taskDefinitionKey("Task_PrepareApplication").singleResult();
        identityService.setAuthentication("liaison1", List.of("arbitration-liaison"));
        taskService.claim(task.getId(), "liaison1");
        taskService.complete(task.getId());
        identityService.clearAuthentication();
    }

    private ResponseEntity<Map<String, Object>> event(String referralId, String type, String date) {
        return post("/api/arbitration-referrals/" + referralId + "/events", Map.of("type", type, "date", date, "note", "仲裁院通知"));
    }

    @Test
    void theWindowRefersADismissalAndTheLiaisonFollowsItToTheAward() {
        ResponseEntity<Map<String, Object>> created = post("/api/arbitration-referrals", referral(TODAY.minusMonths(2).toString()));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String referralId = (String) created.getBody().get("referralId");
        assertThat(created.getBody().get("limitationWarning")).isNull();

        liaisonPrepares(referralId);
        Map<String, Object> submitted = http.withBasicAuth("liaison1", "liaison1").exchange("/api/arbitration-referrals/" + referralId,
                HttpMethod.GET, null, JSON).getBody();
        assertThat(submitted).containsEntry("status", "SUBMITTED").containsKey("acceptanceDeadline");
        assertThat(submitted.get("acceptanceDeadline")).isNotNull();
        assertThat(submitted.get("awardDeadline")).isNull();
        assertThat(jdbc.queryForList("SELECT kind FROM notification_outbox WHERE case_id = ?", String.class, referralId))
                .contains("ARBITRATION_SUBMITTED");

        ResponseEntity<Map<String, Object>> tooEarly = event(referralId, "AWARDED", today());
        assertThat(tooEarly.getStatusCode()).as("an award before acceptance").isEqualTo(HttpStatus.CONFLICT);
        assertThat(tooEarly.getBody()).containsEntry("field", "type");

        ResponseEntity<Map<String, Object>> accepted = event(referralId, "ACCEPTED", today());
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody()).containsEntry("status", "ACCEPTED").containsEntry("acceptanceDeadline", null);
        assertThat(accepted.getBody().get("awardDeadline")).isNotNull();

        assertThat(event(referralId, "EXTENDED", today()).getStatusCode()).isEqualTo(HttpStatus.OK);
        int eventsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM arbitration_event WHERE referral_id = ?", Integer.class, referralId);
        ResponseEntity<Map<String, Object>> again = event(referralId, "EXTENDED", today());
        assertThat(again.getStatusCode()).as("a second extension").isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM arbitration_event WHERE referral_id = ?", Integer.class, referralId))
                .isEqualTo(eventsBefore);

        assertThat(event(referralId, "AWARDED", today()).getBody()).containsEntry("status", "AWARDED");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(referralId).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_InformOutcome");
        work("liaison1", "arbitration-liaison", referralId, "Task_InformOutcome", Map.of("outcomeSummary", "裁决用人单位支付经济补偿"));
        assertThat(jdbc.queryForObject("SELECT message FROM notification_outbox WHERE case_id = ? AND kind = 'ARBITRATION_OUTCOME'",
                String.class, referralId)).as("what the liaison told also reaches the citizen's phone")
                .contains("已裁决", "裁决用人单位支付经济补偿").doesNotContain("13800138000");
    }

    @Test
    void aDisputeOlderThanAYearIsWarnedNotRefused() {
        ResponseEntity<Map<String, Object>> created = post("/api/arbitration-referrals", referral(TODAY.minusMonths(14).toString()));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((String) created.getBody().get("limitationWarning")).contains("第二十七条", "劳动关系终止");
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({"no applicant, applicant", "bad ID, applicant.idNumber", "no claims, claims", "future dispute, disputeDate",
            "bad credit code, employer.creditCode", "unknown claim type, claims[0].type"})
    void badInputIsRefusedAndNothingIsStored(String what, String field) {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM arbitration_referral", Long.class);
        Map<String, Object> body = referral("2026-01-05");
        switch (what) {
            case "no applicant" -> body.remove("applicant");
            case "bad ID" -> body.put("applicant", Map.of("name", "刘", "idNumber", "110105197506152421", "phone", "13900139000"));
            case "no claims" -> body.put("claims", List.of());
            case "future dispute" -> body.put("disputeDate", TODAY.plusDays(10).toString());
            case "bad credit code" -> body.put("employer", Map.of("name", "某公司", "creditCode", "123"));
            default -> body.put("claims", List.of(Map.of("type", "LOVE")));
        }
        ResponseEntity<Map<String, Object>> refused = post("/api/arbitration-referrals", body);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("field", field);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM arbitration_referral", Long.class)).isEqualTo(before);
    }

    @Test
    void aHardCaseFoundToBeALabourDisputeIsReferredAndItsIssueClosedAfterTheAward() {
        String issueId = labourDisputeFoundByAnExpert("WINDOW", "被辞退仅给象征性补偿");
        assertThat(jdbc.queryForObject("SELECT status FROM issue WHERE issue_id = ?", String.class, issueId)).isEqualTo("REFERRED");
        String referralId = jdbc.queryForObject("SELECT referral_id FROM arbitration_referral WHERE issue_id = ?", String.class, issueId);

        work("liaison1", "arbitration-liaison", referralId, "Task_PrepareApplication", Map.of("employerName", "某某物流公司",
                "claimsText", "经济补偿 20000元", "disputeDate", TODAY.minusDays(20).toString(), "mediation", false));
        assertThat(event(referralId, "ACCEPTED", today()).getStatusCode()).isEqualTo(HttpStatus.OK);
        event(referralId, "AWARDED", today());
        work("liaison1", "arbitration-liaison", referralId, "Task_InformOutcome", Map.of("outcomeSummary", "裁决支持经济补偿"));
        assertThat(jdbc.queryForObject("SELECT status FROM issue WHERE issue_id = ?", String.class, issueId)).isEqualTo("RESOLVED");
        work("coord1", "coordinators", referralId, "Task_CallBack", Map.of("callbackSatisfied", "YES", "callbackResult", "已领取补偿"));
        assertThat(jdbc.queryForObject("SELECT status FROM issue WHERE issue_id = ?", String.class, issueId)).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("SELECT resolution FROM issue WHERE issue_id = ?", String.class, issueId)).contains("AWARDED");
        assertThat(jdbc.queryForObject("SELECT closed_by FROM issue WHERE issue_id = ?", String.class, issueId))
                .as("the coordinator who called back, not the group").isEqualTo("coord1");
        assertThat(jdbc.queryForList("SELECT actor FROM issue_history WHERE issue_id = ? AND to_status = 'RESOLVED'", String.class, issueId))
                .contains("liaison1");
    }

    @Test
    void aHotlineDisputeWithNoIdOnFileGetsItFromTheLiaisonAndOnlyTheMaskedNumbersStayInTheProcess() {
        String issueId = labourDisputeFoundByAnExpert("HOTLINE", "12333来电：被拖欠三个月工资");
        String referralId = jdbc.queryForObject("SELECT referral_id FROM arbitration_referral WHERE issue_id = ?", String.class, issueId);
        Task prepare = taskService.createTaskQuery().processInstanceBusinessKey(referralId).taskDefinitionKey("Task_PrepareApplication").singleResult();
        assertThat(taskService.getVariable(prepare.getId(), "applicantIdMasked")).as("nothing on file: the form asks").isNull();

        Map<String, Object> form = new HashMap<>(Map.of("employerName", "某某餐饮公司", "claimsText", "拖欠工资 9000元",
                "disputeDate", TODAY.minusDays(10).toString(), "mediation", false,
                "applicantIdNumber", "110101196003071231", "applicantPhone", "13700137000"));
        assertThatThrownBy(() -> work("liaison1", "arbitration-liaison", referralId, "Task_PrepareApplication", form))
                .as("a wrong check character is refused").hasMessageContaining("applicantIdNumber");
        assertThat(taskService.createTaskQuery().taskId(prepare.getId()).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT applicant_id_number FROM arbitration_referral WHERE referral_id = ?", String.class, referralId))
                .isNull();

        form.put("applicantIdNumber", TestCitizens.RETIRING_MAN.toLowerCase());
        work("liaison1", "arbitration-liaison", referralId, "Task_PrepareApplication", form);
        assertThat(jdbc.queryForMap("SELECT applicant_id_number, applicant_phone FROM arbitration_referral WHERE referral_id = ?", referralId))
                .containsEntry("APPLICANT_ID_NUMBER", TestCitizens.RETIRING_MAN).containsEntry("APPLICANT_PHONE", "13700137000");
        String processInstanceId = jdbc.queryForObject("SELECT process_instance_id FROM arbitration_referral WHERE referral_id = ?",
                String.class, referralId);
        assertThat(runtimeService.getVariables(processInstanceId))
                .doesNotContainKeys("applicantIdNumber", "applicantPhone")
                .containsEntry("applicantIdMasked", "110101********123X").containsEntry("applicantPhoneMasked", "137****7000");
        List<String> history = jdbc.queryForList("SELECT TEXT_ FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ? AND TEXT_ IS NOT NULL "
                + "UNION ALL SELECT TEXT_ FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND TEXT_ IS NOT NULL", String.class,
                processInstanceId, processInstanceId);
        assertThat(history).as("what the form submitted is in Camunda's history, masked").contains("110101********123X", "137****7000")
                .noneMatch(text -> text.contains("13700137000") || text.toUpperCase().contains(TestCitizens.RETIRING_MAN));
    }

    @Test
    void aCitizenMayWithdrawDuringMediation() {
        Map<String, Object> body = referral(TODAY.minusMonths(1).toString());
        body.put("mediation", true);
        String referralId = (String) post("/api/arbitration-referrals", body).getBody().get("referralId");
        liaisonPrepares(referralId);
        assertThat(jdbc.queryForObject("SELECT status FROM arbitration_referral WHERE referral_id = ?", String.class, referralId))
                .isEqualTo("MEDIATING");

        ResponseEntity<Map<String, Object>> withdrawn = event(referralId, "WITHDRAWN", today());
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody()).containsEntry("status", "WITHDRAWN").containsEntry("outcome", "WITHDRAWN");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referralId).count())
                .as("the mediation wait ends with the withdrawal").isZero();
        assertThat(jdbc.queryForList("SELECT kind FROM notification_outbox WHERE case_id = ? ORDER BY id", String.class, referralId))
                .containsExactly("ARBITRATION_WITHDRAWN");
        assertThat(event(referralId, "MEDIATED", today()).getStatusCode()).as("nothing after a withdrawal").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theCitizenIsToldOfAcceptanceExtensionAndWithdrawalInChineseWithOnlyMaskedNumbers() {
        String referralId = (String) post("/api/arbitration-referrals", referral(TODAY.minusMonths(2).toString()))
                .getBody().get("referralId");
        liaisonPrepares(referralId);
        Object awardDue = event(referralId, "ACCEPTED", today()).getBody().get("awardDeadline");
        Object extendedDue = event(referralId, "EXTENDED", today()).getBody().get("awardDeadline");
        assertThat(event(referralId, "WITHDRAWN", today()).getStatusCode()).isEqualTo(HttpStatus.OK);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT kind, recipient, message FROM notification_outbox WHERE case_id = ? ORDER BY id", referralId);
        assertThat(rows).extracting(row -> row.get("KIND")).containsExactly(
                "ARBITRATION_SUBMITTED", "ARBITRATION_ACCEPTED", "ARBITRATION_EXTENDED", "ARBITRATION_WITHDRAWN");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("RECIPIENT")).isEqualTo("13900139000");
            assertThat((String) row.get("MESSAGE")).startsWith("刘女士您好（转介编号 " + referralId + "，身份证 110105********")
                    .doesNotContain(TestCitizens.WOMAN_1975, "13900139000");
        });
        assertThat((String) rows.get(1).get("MESSAGE")).contains("已于 " + today() + " 受理", "预计于 " + awardDue + " 前作出裁决");
        assertThat((String) rows.get(2).get("MESSAGE")).contains("延期审理", "裁决期限延至 " + extendedDue);
        assertThat((String) rows.get(3).get("MESSAGE")).contains("仲裁申请已撤回");
    }

    @ParameterizedTest(name = "{0}: the issue gets the outcome, is called back and closed")
    @CsvSource({"REJECTED, 不予受理", "ACCEPTANCE_OVERDUE, 逾期未受理", "AWARD_OVERDUE, 逾期未裁决", "WITHDRAWN, 已撤回"})
    void everyEndOfAReferralTakesItsIssueToCallBackAndClosing(String end, String outcomeName) {
        String issueId = labourDisputeFoundByAnExpert("WINDOW", "被辞退仅给象征性补偿");
        String referralId = preparedReferralOf(issueId);
        endTheReferral(referralId, end);

        Map<String, Object> issue = jdbc.queryForMap("SELECT status, resolution FROM issue WHERE issue_id = ?", issueId);
        assertThat(issue).containsEntry("STATUS", "RESOLVED");
        assertThat((String) issue.get("RESOLUTION")).contains(outcomeName, end);
        work("coord1", "coordinators", referralId, "Task_CallBack", Map.of("callbackSatisfied", "YES", "callbackResult", "已知晓结果"));
        assertThat(jdbc.queryForObject("SELECT status FROM issue WHERE issue_id = ?", String.class, issueId)).isEqualTo("CLOSED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referralId).count()).isZero();
    }

    @Test
    void aCitizenUnhappyAtTheCallBackGetsTheExpertWhoHeldTheIssueAgain() {
        String issueId = labourDisputeFoundByAnExpert("WINDOW", "被辞退仅给象征性补偿");
        String referralId = preparedReferralOf(issueId);
        endTheReferral(referralId, "REJECTED");
        work("coord1", "coordinators", referralId, "Task_CallBack", Map.of("callbackSatisfied", "NO", "callbackResult", "希望再咨询法律援助"));
        assertThat(jdbc.queryForList("SELECT to_status FROM issue_history WHERE issue_id = ? ORDER BY id", String.class, issueId))
                .as("reopened, and at once in the expert's hands again").containsSubsequence("RESOLVED", "REOPENED", "IN_PROGRESS");

        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(issueId).taskDefinitionKey("Task_ClaimHardCase").count())
                .as("not back in the pool for any expert to claim").isZero();
        Task assessment = taskService.createTaskQuery().processInstanceBusinessKey(issueId).taskDefinitionKey("Task_ExpertAssessment")
                .singleResult();
        assertThat(assessment.getAssignee()).as("一对一: the expert who held it").isEqualTo("expert1");
        assertThat(jdbc.queryForMap("SELECT status, responsible_person FROM issue WHERE issue_id = ?", issueId))
                .containsEntry("STATUS", "IN_PROGRESS").containsEntry("RESPONSIBLE_PERSON", "expert1");
        assertThat(jdbc.queryForObject("SELECT reopen_count FROM issue WHERE issue_id = ?", Integer.class, issueId)).isEqualTo(1);
        work("expert1", "experts", issueId, "Task_ExpertAssessment", Map.of("assessment", "ANSWER", "assessmentNote", "补充说明法律援助途径"));
    }

    // ---- events the liaison learns of days later (issue 14, part 3)

    private String submittedAt(String hallTime) {
        at(hallTime);
        String referralId = (String) post("/api/arbitration-referrals", referral("2026-06-01")).getBody().get("referralId");
        liaisonPrepares(referralId);
        return referralId;
    }

    private Map<String, Object> view(String referralId) {
        return http.withBasicAuth("liaison1", "liaison1").exchange("/api/arbitration-referrals/" + referralId, HttpMethod.GET, null, JSON)
                .getBody();
    }

    private String status(String referralId) {
        return jdbc.queryForObject("SELECT status FROM arbitration_referral WHERE referral_id = ?", String.class, referralId);
    }

    private List<String> told(String referralId) {
        return jdbc.queryForList("SELECT kind FROM notification_outbox WHERE case_id = ? ORDER BY id", String.class, referralId);
    }

    private long openTasks(String referralId, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(referralId).taskDefinitionKey(taskKey).count();
    }

    private java.time.Instant timerDue(String referralId, String timer) {
        String processInstanceId = jdbc.queryForObject("SELECT process_instance_id FROM arbitration_referral WHERE referral_id = ?",
                String.class, referralId);
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(timer).singleResult()
                .getDuedate().toInstant();
    }

    @Test
    void anAcceptanceLearnedOfDaysLaterIsTakenWithItsOwnDateAndTheReferralGoesOnAsIfRecordedInTime() {
        String referralId = submittedAt("2026-08-12T10:00");
        assertThat(view(referralId)).containsEntry("acceptanceDeadline", "2026-08-19");

        at("2026-08-20T09:00");
        fire(referralId, "Timer_AcceptanceOverdue");
        assertThat(openTasks(referralId, "Task_VerifyAcceptance")).as("the liaison checks with the commission").isEqualTo(1);
        assertThat(status(referralId)).isEqualTo("VERIFYING_ACCEPTANCE");
        assertThat(told(referralId)).as("nobody told the citizen to sue yet").doesNotContain("RIGHT_TO_SUE");
        assertThat(view(referralId)).containsEntry("acceptanceDeadline", "2026-08-19")
                .containsEntry("deadline", Map.of("kind", "ACCEPTANCE", "name", "受理期限", "date", "2026-08-19", "provisional", false));

        ResponseEntity<Map<String, Object>> received = event(referralId, "SUBMITTED", "2026-08-12");
        assertThat(received.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(received.getBody()).containsEntry("status", "SUBMITTED").containsEntry("acceptanceDeadline", "2026-08-19");
        assertThat(openTasks(referralId, "Task_VerifyAcceptance")).as("the event ends the check").isZero();
        fire(referralId, "Timer_AcceptanceOverdue"); // the deadline is still past: the job executor opens the check again
        assertThat(openTasks(referralId, "Task_VerifyAcceptance")).isEqualTo(1);

        ResponseEntity<Map<String, Object>> accepted = event(referralId, "ACCEPTED", "2026-08-17");
        assertThat(accepted.getStatusCode()).as("dated within the deadline, recorded after it").isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody()).containsEntry("status", "ACCEPTED").containsEntry("acceptedDate", "2026-08-17")
                .containsEntry("awardDeadline", "2026-10-08");
        assertThat(openTasks(referralId, "Task_VerifyAcceptance")).isZero();
        assertThat(told(referralId)).containsExactly("ARBITRATION_SUBMITTED", "ARBITRATION_ACCEPTED");
        assertThat(timerDue(referralId, "Timer_AwardOverdue")).isEqualTo(TestCalendars.hall("2026-10-09T00:00"));

        // the award too is learned of after its deadline
        at("2026-10-09T11:00");
        fire(referralId, "Timer_AwardOverdue");
        assertThat(openTasks(referralId, "Task_VerifyAward")).isEqualTo(1);
        assertThat(status(referralId)).isEqualTo("VERIFYING_AWARD");
        ResponseEntity<Map<String, Object>> awarded = event(referralId, "AWARDED", "2026-10-08");
        assertThat(awarded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(awarded.getBody()).containsEntry("status", "AWARDED");
        assertThat(openTasks(referralId, "Task_InformOutcome")).isEqualTo(1);
        assertThat(told(referralId)).doesNotContain("RIGHT_TO_SUE");
    }

    @Test
    void eventsDatedInTheFutureOrBeforeTheEventTheyFollowAreRefusedNamingTheDateAndChangeNothing() {
        String referralId = submittedAt("2026-08-12T10:00");
        at("2026-08-14T10:00");
        int events = jdbc.queryForObject("SELECT COUNT(*) FROM arbitration_event WHERE referral_id = ?", Integer.class, referralId);

        ResponseEntity<Map<String, Object>> future = event(referralId, "ACCEPTED", "2026-08-15");
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody()).containsEntry("field", "date");
        assertThat((String) future.getBody().get("message")).contains("晚于今天");
        assertThat((String) future.getBody().get("messageEn")).contains("future");

        ResponseEntity<Map<String, Object>> beforeSubmission = event(referralId, "ACCEPTED", "2026-08-11");
        assertThat(beforeSubmission.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(beforeSubmission.getBody()).containsEntry("field", "date");
        assertThat((String) beforeSubmission.getBody().get("message")).contains("早于", "2026-08-12");
        assertThat((String) beforeSubmission.getBody().get("messageEn")).contains("before", "2026-08-12");
        assertThat(status(referralId)).isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM arbitration_event WHERE referral_id = ?", Integer.class, referralId))
                .isEqualTo(events);

        assertThat(event(referralId, "ACCEPTED", "2026-08-13").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(event(referralId, "AWARDED", "2026-08-12").getBody()).as("an award before the acceptance").containsEntry("field", "date");
        assertThat(event(referralId, "EXTENDED", "2026-08-14").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> beforeExtension = event(referralId, "AWARDED", "2026-08-13");
        assertThat(beforeExtension.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) beforeExtension.getBody().get("message")).contains("延期审理", "2026-08-14");
        assertThat(status(referralId)).isEqualTo("EXTENDED");
    }

    @Test
    void onlyTheLiaisonsAnswerTellsTheCitizenOfTheRightToSue() {
        String referralId = submittedAt("2026-08-12T10:00");
        at("2026-08-20T09:00");
        fire(referralId, "Timer_AcceptanceOverdue");
        assertThatThrownBy(() -> work("liaison1", "arbitration-liaison", referralId, "Task_VerifyAcceptance", Map.of()))
                .as("no answer, no notice").hasMessageContaining("acceptanceVerification");
        assertThat(openTasks(referralId, "Task_VerifyAcceptance")).isEqualTo(1);
        assertThat(told(referralId)).doesNotContain("RIGHT_TO_SUE");

        work("liaison1", "arbitration-liaison", referralId, "Task_VerifyAcceptance",
                Map.of("acceptanceVerification", "NOT_ACCEPTED", "verificationNote", "8月20日电话核实：仲裁院确未作出受理决定"));
        assertThat(status(referralId)).isEqualTo("ACCEPTANCE_OVERDUE");
        assertThat(told(referralId)).endsWith("RIGHT_TO_SUE");
        assertThat(jdbc.queryForMap("SELECT note, recorded_by FROM arbitration_event WHERE referral_id = ? AND event_type = 'ACCEPTANCE_VERIFIED'",
                referralId)).containsEntry("RECORDED_BY", "liaison1").containsEntry("NOTE", "核实确未受理：8月20日电话核实：仲裁院确未作出受理决定");
        assertThat(event(referralId, "ACCEPTED", "2026-08-19").getStatusCode()).as("after the answer the referral has ended")
                .isEqualTo(HttpStatus.CONFLICT);
    }

    // ---- a holiday notice loaded later (issue 14, part 1)

    @Autowired
    cn.yijianshi.sla.HolidayNotices holidayNotices;
    @Autowired
    cn.yijianshi.sla.HallCalendar hallCalendar;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void aNewYearsNoticeMovesOpenDeadlinesAndTheirTimersAndTheHistorySaysSo() {
        String awaitingAward = submittedAt("2026-11-17T10:00");
        assertThat(event(awaitingAward, "ACCEPTED", "2026-11-17").getStatusCode()).isEqualTo(HttpStatus.OK);
        String awardBefore = (String) view(awaitingAward).get("awardDeadline");
        assertThat(awardBefore).startsWith("2027-01-0");
        assertThat(view(awaitingAward)).as("2027 has no notice yet").extractingByKey("deadline")
                .isEqualTo(Map.of("kind", "AWARD", "name", "裁决期限", "date", awardBefore, "provisional", true));
        String awaitingAcceptance = submittedAt("2026-12-28T10:00");
        String acceptanceBefore = (String) view(awaitingAcceptance).get("acceptanceDeadline");
        assertThat(acceptanceBefore).startsWith("2027-01-0");
        try {
            holidayNotices.load(hypothetical2027(), "test", "admin");

            assertThat(view(awaitingAward)).containsEntry("awardDeadline", "2027-01-05")
                    .containsEntry("deadline", Map.of("kind", "AWARD", "name", "裁决期限", "date", "2027-01-05", "provisional", false));
            assertThat(timerDue(awaitingAward, "Timer_AwardOverdue")).isEqualTo(TestCalendars.hall("2027-01-06T00:00"));
            assertThat(jdbc.queryForMap("SELECT note, recorded_by FROM arbitration_event WHERE referral_id = ? AND event_type = 'DEADLINE_MOVED'",
                    awaitingAward)).containsEntry("NOTE", "裁决期限：到期日因2027年放假通知由 " + awardBefore + " 调整为 2027-01-05")
                    .containsEntry("RECORDED_BY", "admin");

            // 12-29, 12-30, 12-31, then 01-05 and 01-06
            assertThat(view(awaitingAcceptance)).containsEntry("acceptanceDeadline", "2027-01-06");
            assertThat(timerDue(awaitingAcceptance, "Timer_AcceptanceOverdue")).isEqualTo(TestCalendars.hall("2027-01-07T00:00"));
            assertThat(jdbc.queryForObject("SELECT note FROM arbitration_event WHERE referral_id = ? AND event_type = 'DEADLINE_MOVED'",
                    String.class, awaitingAcceptance)).isEqualTo("受理期限：到期日因2027年放假通知由 " + acceptanceBefore + " 调整为 2027-01-06");
        } finally {
            forgetThe2027Notice();
        }
    }

    @Test
    void aDeadlineANoticeMovesPastTodayIsNotConfirmedAsMissedYet() {
        String referralId = submittedAt("2026-12-28T10:00");
        at("2027-01-06T09:00");
        fire(referralId, "Timer_AcceptanceOverdue");
        assertThat(openTasks(referralId, "Task_VerifyAcceptance")).isEqualTo(1);
        Map<String, Object> notMissed = Map.of("acceptanceVerification", "NOT_ACCEPTED", "verificationNote", "电话核实：尚未受理");
        try {
            holidayNotices.load(hypothetical2027(), "test", "admin");
            assertThat(view(referralId)).containsEntry("acceptanceDeadline", "2027-01-06");
            assertThatThrownBy(() -> work("liaison1", "arbitration-liaison", referralId, "Task_VerifyAcceptance", notMissed))
                    .as("the commission still has today").hasMessageContaining("尚未届满");
            assertThat(told(referralId)).doesNotContain("RIGHT_TO_SUE");

            at("2027-01-07T09:00");
            work("liaison1", "arbitration-liaison", referralId, "Task_VerifyAcceptance", notMissed);
            assertThat(told(referralId)).endsWith("RIGHT_TO_SUE");
        } finally {
            forgetThe2027Notice();
        }
    }

    /** Hypothetical: a New Year's break from 01-01 to 01-04, which no statutory rule gives. */
    private static cn.yijianshi.sla.HolidayNotice hypothetical2027() {
        return new cn.yijianshi.sla.HolidayNotice(2027, List.of("假设的2027年放假通知（测试）"), List.of(
                new cn.yijianshi.sla.HolidayNotice.NoticeDay("元旦", LocalDate.parse("2027-01-01"), true),
                new cn.yijianshi.sla.HolidayNotice.NoticeDay("元旦", LocalDate.parse("2027-01-02"), true),
                new cn.yijianshi.sla.HolidayNotice.NoticeDay("元旦", LocalDate.parse("2027-01-03"), true),
                new cn.yijianshi.sla.HolidayNotice.NoticeDay("元旦", LocalDate.parse("2027-01-04"), true)));
    }

    /** The hypothetical notice must not outlive its test in the shared context. */
    private void forgetThe2027Notice() {
        cn.yijianshi.TestCalendars.forgetNotice(jdbc, transactions, hallCalendar, 2027);
    }

    private String preparedReferralOf(String issueId) {
        String referralId = jdbc.queryForObject("SELECT referral_id FROM arbitration_referral WHERE issue_id = ?", String.class, issueId);
        work("liaison1", "arbitration-liaison", referralId, "Task_PrepareApplication", Map.of("employerName", "某某物流公司",
                "claimsText", "经济补偿 20000元", "disputeDate", TODAY.minusDays(20).toString(), "mediation", false));
        return referralId;
    }

    /** The commission's event, or the statutory deadline passing (its timer fired as the job executor would). */
    private void endTheReferral(String referralId, String end) {
        switch (end) {
            case "ACCEPTANCE_OVERDUE" -> {
                dayAfter((String) view(referralId).get("acceptanceDeadline"));
                fire(referralId, "Timer_AcceptanceOverdue");
                work("liaison1", "arbitration-liaison", referralId, "Task_VerifyAcceptance",
                        Map.of("acceptanceVerification", "NOT_ACCEPTED", "verificationNote", "电话核实：仲裁院未作出受理决定"));
            }
            case "AWARD_OVERDUE" -> {
                assertThat(event(referralId, "ACCEPTED", today()).getStatusCode()).isEqualTo(HttpStatus.OK);
                dayAfter((String) view(referralId).get("awardDeadline"));
                fire(referralId, "Timer_AwardOverdue");
                work("liaison1", "arbitration-liaison", referralId, "Task_VerifyAward",
                        Map.of("awardVerification", "NOT_AWARDED", "verificationNote", "电话核实：仲裁院尚未裁决"));
            }
            default -> assertThat(event(referralId, end, today()).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    /** The hall's clock on the morning after a deadline, when its timer is due. */
    private static void dayAfter(String deadline) {
        at(LocalDate.parse(deadline).plusDays(1) + "T09:00");
    }

    private void fire(String referralId, String timer) {
        String processInstanceId = jdbc.queryForObject("SELECT process_instance_id FROM arbitration_referral WHERE referral_id = ?",
                String.class, referralId);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId).activityId(timer)
                .singleResult().getId());
    }

    /** An issue raised at the hall, which the expert finds to be a labour dispute: referred to arbitration. */
    private String labourDisputeFoundByAnExpert(String source, String description) {
        var created = http.withBasicAuth("window1", "window1").exchange("/api/issues", HttpMethod.POST,
                new HttpEntity<>(Map.of("source", source, "category", "LABOUR", "description", description,
                        "responsibleDept", "experts")), JSON);
        String issueId = (String) created.getBody().get("issueId");
        work("expert1", "experts", issueId, "Task_ClaimHardCase", Map.of());
        work("expert1", "experts", issueId, "Task_ExpertAssessment", Map.of("assessment", "LABOUR_DISPUTE", "assessmentNote", "属劳动争议"));
        return issueId;
    }

    private void work(String user, String group, String businessKey, String taskKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey).isNotNull();
        cn.yijianshi.TaskWork.claimAndComplete(identityService, taskService, task, user, List.of(group), variables);
    }
}
