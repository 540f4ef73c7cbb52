package cn.yijianshi.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import cn.yijianshi.sla.SlaMonitor;
import cn.yijianshi.sla.SlaState;
import org.camunda.bpm.engine.FilterService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** Hard cases with the real ledger: from a retirement case and back, from a bad rating, with hand-overs. */
@HallIntegrationTest
class HardCaseJourneyTest {

    @Autowired
    CaseIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestRestTemplate http;
    @Autowired
    SlaMonitor slaMonitor;
    @Autowired
    FilterService filterService;

    @AfterEach
    void nobody() {
        identityService.clearAuthentication();
    }

    private Task task(String businessKey, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
    }

    private void work(String user, List<String> groups, String businessKey, String taskKey, Map<String, Object> variables) {
        Task task = task(businessKey, taskKey);
        assertThat(task).as(taskKey).isNotNull();
        cn.yijianshi.TaskWork.claimAndComplete(identityService, taskService, task, user, groups, variables);
    }

    private void expertAnswers(String key, Map<String, Object> assessment) {
        work("expert1", List.of("experts"), key, "Task_ClaimHardCase", Map.of());
        work("expert1", List.of("experts"), key, "Task_ExpertAssessment", assessment);
        work("expert1", List.of("experts"), key, "Task_ReplyCitizen", Map.of("replyText", "特殊工种岗位与年限经核实符合规定"));
        cn.yijianshi.closure.EvidenceFiles.attachScan(http, (String) taskService.getVariable(task(key, "Task_CallBack").getId(), "issueId"));
        work("coord1", List.of("coordinators"), key, "Task_CallBack", Map.of("callbackSatisfied", "YES", "callbackResult", "满意"));
    }

    @Test
    void aSpecialJobRetirementResumesWithTheExpertsDecisionAndTheIssueIsClosed() {
        Map<String, Object> body = TestCitizens.retirementIntake("特殊工种", TestCitizens.RETIRING_MAN);
        ((Map<String, Object>) body.get("retirement")).put("type", "SPECIAL_JOB");
        body.put("materials", List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES", "SPECIAL_JOB_PROOF", "SPECIAL_JOB_RECORD"));
        String caseId = intake.accept(json.convertValue(body, CaseIntakeRequest.class), null, "window1").caseId();
        work("window1", List.of("window"), caseId, "Task_ReviewMaterials", Map.of("materialsDecision", "COMPLETE",
                "originalAge", "60", "contributionMonths", 360));

        String issueId = jdbc.queryForObject("SELECT issue_id FROM issue WHERE case_id = ?", String.class, caseId);
        assertThat(jdbc.queryForObject("SELECT source FROM issue WHERE issue_id = ?", String.class, issueId)).isEqualTo("WINDOW");

        Task claim = task(caseId, "Task_ClaimHardCase");
        // Who sees which case: the experts see the hard cases (they have a step in it); another department does not.
        assertThat(http.withBasicAuth("expert1", "expert1").exchange("/api/cases/" + caseId,
                org.springframework.http.HttpMethod.GET, null, String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.withBasicAuth("fund1", "fund1").exchange("/api/cases/" + caseId,
                org.springframework.http.HttpMethod.GET, null, String.class).getStatusCode().value()).isEqualTo(403);
        identityService.setAuthentication("pension1", List.of("dept-pension"));
        assertThatThrownBy(() -> taskService.claim(claim.getId(), "pension1")).as("only experts claim")
                .isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();

        expertAnswers(caseId, Map.of("assessment", "ANSWER", "assessmentNote", "岗位证明齐全", "expertDecision", "APPROVE"));

        assertThat(jdbc.queryForObject("SELECT status FROM issue WHERE issue_id = ?", String.class, issueId)).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("SELECT resolution FROM issue WHERE issue_id = ?", String.class, issueId)).contains("符合规定");
        assertThat(task(caseId, "Task_ArchivesReview")).as("the retirement case resumed with the expert's approval").isNotNull();
        assertThat(taskService.getVariable(task(caseId, "Task_ArchivesReview").getId(), "expertOpinion"))
                .isEqualTo("特殊工种岗位与年限经核实符合规定");
    }

    @Autowired
    cn.yijianshi.citizen.RatingLinks ratingLinks;

    @Test
    void aBadRatingOpensAnIssueThatTheExpertsTakeUp() {
        String caseId = intake.accept(json.convertValue(TestCitizens.retirementIntake("差评", TestCitizens.RETIRING_MAN),
                CaseIntakeRequest.class), null, "window1").caseId();
        transactions.executeWithoutResult(status -> jdbc.update("UPDATE hall_case SET status = 'COMPLETED' WHERE case_id = ?", caseId));
        // The citizen rates through the one-time link the 办结 notice carries ({{rateLink}}), without logging in.
        String link = ratingLinks.issue(caseId);
        var rated = http.exchange(link.substring(link.indexOf("/rate/")).replace("/rate/", "/api/public/ratings/"), HttpMethod.POST,
                new HttpEntity<>(Map.of("score", 1, "comment", "跑了三趟")), new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(rated.getStatusCode().value()).isEqualTo(200);

        Map<String, Object> issue = jdbc.queryForMap("SELECT source, description, status FROM issue WHERE case_id = ?", caseId);
        assertThat(issue).containsEntry("SOURCE", "BAD_RATING").containsEntry("STATUS", "OPEN");
        assertThat((String) issue.get("DESCRIPTION")).contains("1 星", "跑了三趟");
        assertThat(task(caseId, "Task_ClaimHardCase")).isNotNull();
    }

    @Test
    void anExpertHandsTheCaseToAnotherAndTheLedgerRecordsWhoHeldIt() {
        var created = http.withBasicAuth("coord1", "coord1").exchange("/api/issues", HttpMethod.POST,
                new HttpEntity<>(Map.of("source", "HOTLINE", "category", "SENIORITY", "description", "工龄认定争议",
                        "responsibleDept", "experts")), new ParameterizedTypeReference<Map<String, Object>>() { });
        String issueId = (String) created.getBody().get("issueId");
        work("expert1", List.of("experts"), issueId, "Task_ClaimHardCase", Map.of());
        Task assessment = task(issueId, "Task_ExpertAssessment");
        identityService.setAuthentication("expert1", List.of("experts"));
        taskService.setAssignee(assessment.getId(), "expert2");
        identityService.clearAuthentication();

        assertThat(jdbc.queryForObject("SELECT responsible_person FROM issue WHERE issue_id = ?", String.class, issueId))
                .isEqualTo("expert2");
        assertThat(jdbc.queryForList("SELECT note FROM issue_history WHERE issue_id = ? AND action = 'HELD_BY'", String.class, issueId))
                .contains("经办人：expert1", "经办人：expert2");
    }

    private String hotlineIssue(String category, String description) {
        var created = http.withBasicAuth("coord1", "coord1").exchange("/api/issues", HttpMethod.POST,
                new HttpEntity<>(Map.of("source", "HOTLINE", "category", category, "description", description,
                        "responsibleDept", "experts")), new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return (String) created.getBody().get("issueId");
    }

    private Map<String, Object> issueRow(String issueId) {
        return jdbc.queryForMap("SELECT status, resolution, responsible_person, closed_by, reopen_count FROM issue WHERE issue_id = ?",
                issueId);
    }

    private List<Map<String, Object>> history(String issueId, String action) {
        return jdbc.queryForList("SELECT actor, to_status, note FROM issue_history WHERE issue_id = ? AND action = ? ORDER BY id",
                issueId, action);
    }

    @Test
    void aCitizenUnsatisfiedTwiceGetsTheLeadersReplyAndOnlyThenIsTheIssueClosed() {
        String issueId = hotlineIssue("PENSION", "养老金计发基数两次解释仍有异议");
        work("expert1", List.of("experts"), issueId, "Task_ClaimHardCase", Map.of());
        for (int round = 1; round <= 2; round++) {
            work("expert1", List.of("experts"), issueId, "Task_ExpertAssessment", Map.of("assessment", "ANSWER",
                    "assessmentNote", "第" + round + "次研判"));
            work("expert1", List.of("experts"), issueId, "Task_ReplyCitizen", Map.of("replyText", "第" + round + "次答复"));
            work("coord1", List.of("coordinators"), issueId, "Task_CallBack", Map.of("callbackSatisfied", "NO",
                    "callbackResult", "第" + round + "次回访不满意"));
            assertThat(issueRow(issueId)).as("the coordinator who called back does not become responsible")
                    .containsEntry("RESPONSIBLE_PERSON", "expert1");
        }
        assertThat(issueRow(issueId)).containsEntry("REOPEN_COUNT", 2);
        assertThat(task(issueId, "Task_LeaderSupervision")).as("a second reopen goes to the leader").isNotNull();
        assertThat(issueRow(issueId)).as("the leader now handles it").containsEntry("STATUS", "IN_PROGRESS");

        Task supervision = task(issueId, "Task_LeaderSupervision");
        identityService.setAuthentication("coord1", List.of("coordinators"));
        assertThatThrownBy(() -> taskService.claim(supervision.getId(), "coord1")).as("the leaders' task, not the coordinators'")
                .isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();
        work("leader1", List.of("leaders"), issueId, "Task_LeaderSupervision", Map.of("replyText", "督办后答复：按规定补发差额"));
        assertThat(issueRow(issueId)).containsEntry("STATUS", "RESOLVED").containsEntry("RESOLUTION", "督办后答复：按规定补发差额");
        cn.yijianshi.closure.EvidenceFiles.attachScan(http, issueId);
        work("coord1", List.of("coordinators"), issueId, "Task_CallBack", Map.of("callbackSatisfied", "YES", "callbackResult", "满意"));

        assertThat(issueRow(issueId)).containsEntry("STATUS", "CLOSED").containsEntry("CLOSED_BY", "coord1")
                .containsEntry("RESPONSIBLE_PERSON", "expert1");
        List<Map<String, Object>> changes = history(issueId, "STATUS");
        assertThat(changes).filteredOn(h -> "REOPENED".equals(h.get("TO_STATUS"))).hasSize(2)
                .allSatisfy(h -> assertThat(h.get("ACTOR")).as("who called back").isEqualTo("coord1"));
        assertThat(changes).filteredOn(h -> "RESOLVED".equals(h.get("TO_STATUS"))).extracting(h -> h.get("ACTOR"))
                .containsExactly("expert1", "expert1", "leader1");
        assertThat(changes).last().satisfies(h -> assertThat(h).containsEntry("TO_STATUS", "CLOSED").containsEntry("ACTOR", "coord1"));
    }

    private void consult(String user, String department, String issueId, String opinion) {
        Task consultation = taskService.createTaskQuery().processInstanceBusinessKey(issueId)
                .taskDefinitionKey("Task_ConsultDepartment").taskCandidateGroup(department).singleResult();
        identityService.setAuthentication(user, List.of(department));
        try {
            taskService.claim(consultation.getId(), user);
            taskService.complete(consultation.getId(), Map.of("departmentOpinion", opinion));
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyConsultedDepartmentsOpinionReachesThePlanAndTheLedger() {
        String issueId = hotlineIssue("SENIORITY", "下乡知青工龄认定");
        work("expert1", List.of("experts"), issueId, "Task_ClaimHardCase", Map.of());
        work("expert1", List.of("experts"), issueId, "Task_ExpertAssessment", Map.of("assessment", "CONSULT",
                "assessmentNote", "需社保经办与档案会商", "consultDepartments", List.of("dept-pension", "dept-archives")));
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(issueId).taskDefinitionKey("Task_ConsultDepartment")
                .count()).isEqualTo(2);

        consult("pension1", "dept-pension", issueId, "视同缴费年限可认定");
        consult("archives1", "dept-archives", issueId, "档案记载下乡时间完整");

        assertThat(issueRow(issueId)).as("a department's clerk does not become responsible").containsEntry("RESPONSIBLE_PERSON", "expert1");
        Task plan = task(issueId, "Task_DecidePlan");
        assertThat((List<Map<String, Object>>) taskService.getVariable(plan.getId(), "departmentOpinions"))
                .extracting(o -> o.get("departmentName"), o -> o.get("by"), o -> o.get("opinion"))
                .containsExactly(tuple("社保经办", "pension1", "视同缴费年限可认定"), tuple("档案", "archives1", "档案记载下乡时间完整"));
        ObjectValue stored = taskService.getVariableTyped(plan.getId(), "departmentOpinions", false);
        assertThat(stored.getSerializationDataFormat()).as("JSON, so Tasklist's form shows it as a table").isEqualTo("application/json");
        assertThat(history(issueId, "CONSULTED")).extracting(h -> h.get("ACTOR")).containsExactly("pension1", "archives1");
        assertThat(history(issueId, "CONSULTED")).extracting(h -> (String) h.get("NOTE"))
                .anySatisfy(note -> assertThat(note).contains("社保经办", "视同缴费年限可认定"))
                .anySatisfy(note -> assertThat(note).contains("档案", "档案记载下乡时间完整"));

        work("expert1", List.of("experts"), issueId, "Task_DecidePlan", Map.of("plan", "补认定视同缴费年限"));
        work("expert1", List.of("experts"), issueId, "Task_ReplyCitizen", Map.of("replyText", "已补认定视同缴费年限"));
        assertThat(issueRow(issueId)).containsEntry("STATUS", "RESOLVED");
    }

    @Test
    void theExpertsOwnStepsCountForTheExpertsGroupAndTheExpertOnTheSlaMonitor() {
        String issueId = hotlineIssue("TRANSFER", "跨省转移接续缴费年限缺失");
        work("expert2", List.of("experts"), issueId, "Task_ClaimHardCase", Map.of());
        Task assessment = task(issueId, "Task_ExpertAssessment");

        assertThat(jdbc.queryForMap("SELECT candidate_group, assignee FROM sla_record WHERE task_id = ?", assessment.getId()))
                .containsEntry("CANDIDATE_GROUP", "experts").containsEntry("ASSIGNEE", "expert2");
        assertThat(slaMonitor.overview(0).byExpert()).containsKey("expert2");
        assertThat(slaMonitor.overview(0).byExpert().get("expert2").get(SlaState.ON_TRACK)).isPositive();

        identityService.setAuthentication("expert2", List.of("experts"));
        var experts = filterService.createFilterQuery().filterName("帮办专家·待办").singleResult();
        List<Task> listed = filterService.list(experts.getId());
        identityService.clearAuthentication();
        assertThat(listed).extracting(Task::getId).as("帮办专家·待办 in Tasklist").contains(assessment.getId());

        work("expert2", List.of("experts"), issueId, "Task_ExpertAssessment", Map.of("assessment", "CONSULT",
                "assessmentNote", "会商", "consultDepartments", List.of("dept-pension")));
        work("pension1", List.of("dept-pension"), issueId, "Task_ConsultDepartment", Map.of("departmentOpinion", "可转移"));
        assertThat(jdbc.queryForObject("SELECT candidate_group FROM sla_record WHERE task_id = ?", String.class,
                task(issueId, "Task_DecidePlan").getId())).as("确定方案").isEqualTo("experts");
        work("expert2", List.of("experts"), issueId, "Task_DecidePlan", Map.of("plan", "补转移"));
        assertThat(jdbc.queryForObject("SELECT candidate_group FROM sla_record WHERE task_id = ?", String.class,
                task(issueId, "Task_ReplyCitizen").getId())).as("答复群众").isEqualTo("experts");
    }
}
