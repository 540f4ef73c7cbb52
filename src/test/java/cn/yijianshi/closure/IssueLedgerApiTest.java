package cn.yijianshi.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
class IssueLedgerApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    private ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return http.withBasicAuth("coord1", "coord1").exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
    }

    private String raise(String description) {
        ResponseEntity<Map<String, Object>> created = post("/api/issues", Map.of("source", "HOTLINE", "category", "PENSION",
                "description", description, "responsibleDept", "experts"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("issueId");
    }

    /**
     * An issue no process works on any more (as after its process ended, e.g. referred elsewhere): only
     * then may it be moved by hand through the API.
     */
    private String raiseHandledByHand(String description) {
        String issueId = raise(description);
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(issueId).list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test: handled by hand"));
        return issueId;
    }

    private ResponseEntity<Map<String, Object>> move(String issueId, Map<String, Object> change) {
        return post("/api/issues/" + issueId + "/status", change);
    }

    private String status(String issueId) {
        return jdbc.queryForObject("SELECT status FROM issue WHERE issue_id = ?", String.class, issueId);
    }

    @Test
    void aHotlineProblemIsRaisedWithADeadlineAndTakenUpByTheExpertWorkstation() {
        String issueId = raise("12333来电：养老金少算了，身份证110101196003071232，电话13800138000");
        assertThat(issueId).matches("WT-\\d{8}-\\d{6}");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(issueId).count()).isOne();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(issueId).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_ClaimHardCase");

        Map<String, Object> view = http.withBasicAuth("expert1", "expert1").exchange("/api/issues/" + issueId,
                HttpMethod.GET, null, JSON).getBody();
        assertThat(view).containsEntry("status", "OPEN").containsEntry("categoryName", "养老待遇").containsKey("deadline");
        assertThat((String) view.get("description")).contains("110101********1232", "138****8000").doesNotContain("13800138000");
        assertThat((List<?>) view.get("history")).hasSize(1);
    }

    @Test
    void anIssueMovesAlongTheAllowedTransitionsToClosure() {
        String issueId = raiseHandledByHand("社保关系转移未到账");
        assertThat(move(issueId, Map.of("status", "IN_PROGRESS", "note", "已受理")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(move(issueId, Map.of("status", "RESOLVED", "resolution", "已联系转出地补转")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(move(issueId, Map.of("status", "REOPENED", "note", "群众称仍未到账")).getBody()).containsEntry("reopenCount", 1);
        move(issueId, Map.of("status", "IN_PROGRESS"));
        move(issueId, Map.of("status", "RESOLVED", "resolution", "已到账"));
        EvidenceFiles.attachScan(http, issueId);
        ResponseEntity<Map<String, Object>> closed = move(issueId, Map.of("status", "CLOSED", "callbackResult", "电话回访满意"));
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(closed.getBody()).containsEntry("status", "CLOSED").containsEntry("closedBy", "coord1");
        assertThat((List<?>) closed.getBody().get("history")).as("six changes, the raising and the evidence").hasSize(8);
    }

    @Test
    void whileTheWorkstationWorksOnAnIssueOnlyItsTasksMoveItAndOnlyCoordinatorsAndExpertsMayMoveOne() {
        String issueId = raise("专家正在办理");
        ResponseEntity<Map<String, Object>> refused = move(issueId, Map.of("status", "IN_PROGRESS"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("field", "status");
        assertThat((String) refused.getBody().get("message")).contains("正在疑难件流程中办理");
        assertThat((String) refused.getBody().get("messageEn")).contains("Tasklist");
        assertThat(status(issueId)).isEqualTo("OPEN");

        String byHand = raiseHandledByHand("窗口人员不能销号");
        ResponseEntity<Map<String, Object>> window = http.withBasicAuth("window1", "window1").exchange(
                "/api/issues/" + byHand + "/status", HttpMethod.POST, new HttpEntity<>(Map.of("status", "IN_PROGRESS")), JSON);
        assertThat(window.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) window.getBody().get("message")).contains("无权");
        assertThat(status(byHand)).isEqualTo("OPEN");
        assertThat(http.withBasicAuth("expert1", "expert1").exchange("/api/issues/" + byHand + "/status", HttpMethod.POST,
                new HttpEntity<>(Map.of("status", "IN_PROGRESS")), JSON).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @CsvSource({"OPEN, RESOLVED", "OPEN, CLOSED", "OPEN, REOPENED", "IN_PROGRESS, CLOSED", "IN_PROGRESS, OPEN",
            "RESOLVED, IN_PROGRESS", "CLOSED, REOPENED", "CLOSED, IN_PROGRESS", "REOPENED, RESOLVED"})
    void aTransitionThatIsNotAllowedIsRefusedAndChangesNothing(String from, String to) {
        String issueId = raiseHandledByHand("不允许的状态变更");
        EvidenceFiles.attachScan(http, issueId);
        // Reach {from} along allowed moves.
        List<Map<String, Object>> path = switch (from) {
            case "IN_PROGRESS" -> List.of(Map.of("status", "IN_PROGRESS"));
            case "RESOLVED" -> List.of(Map.of("status", "IN_PROGRESS"), Map.of("status", "RESOLVED", "resolution", "已答复"));
            case "CLOSED" -> List.of(Map.of("status", "IN_PROGRESS"), Map.of("status", "RESOLVED", "resolution", "已答复"),
                    Map.of("status", "CLOSED", "callbackResult", "满意"));
            case "REOPENED" -> List.of(Map.of("status", "IN_PROGRESS"), Map.of("status", "RESOLVED", "resolution", "已答复"),
                    Map.of("status", "REOPENED", "note", "不满意"));
            default -> List.of();
        };
        path.forEach(step -> assertThat(move(issueId, step).getStatusCode()).isEqualTo(HttpStatus.OK));
        assertThat(status(issueId)).isEqualTo(from);
        int historyBefore = jdbc.queryForObject("SELECT COUNT(*) FROM issue_history WHERE issue_id = ?", Integer.class, issueId);
        ResponseEntity<Map<String, Object>> refused = move(issueId, Map.of("status", to, "resolution", "x", "callbackResult", "y"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("field", "status");
        assertThat((String) refused.getBody().get("message")).contains("不能变为");
        assertThat(status(issueId)).isEqualTo(from);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM issue_history WHERE issue_id = ?", Integer.class, issueId))
                .isEqualTo(historyBefore);
    }

    @Test
    void closingWithoutACallBackOrReferringWithoutADestinationIsRefused() {
        String issueId = raiseHandledByHand("缺回访");
        move(issueId, Map.of("status", "IN_PROGRESS"));
        move(issueId, Map.of("status", "RESOLVED", "resolution", "已答复"));
        ResponseEntity<Map<String, Object>> noCallback = move(issueId, Map.of("status", "CLOSED"));
        assertThat(noCallback.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noCallback.getBody()).containsEntry("field", "callbackResult");
        assertThat(status(issueId)).isEqualTo("RESOLVED");
        ResponseEntity<Map<String, Object>> nowhere = move(issueId, Map.of("status", "REFERRED"));
        assertThat(nowhere.getBody()).containsEntry("field", "referredTo");
        assertThat(status(issueId)).isEqualTo("RESOLVED");
        assertThat(move(issueId, Map.of("status", "REFERRED", "referredTo", "区医保局")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(move(issueId, Map.of("status", "IN_PROGRESS")).getStatusCode()).as("referred waits for the outcome").isEqualTo(HttpStatus.CONFLICT);
    }

    @ParameterizedTest(name = "missing or wrong {0}")
    @CsvSource({"source", "category", "description", "responsibleDept"})
    void badInputIsRefusedAndNothingIsStored(String field) {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM issue", Long.class);
        Map<String, Object> body = new HashMap<>(Map.of("source", "HOTLINE", "category", "PENSION", "description", "描述",
                "responsibleDept", "experts"));
        if (field.equals("responsibleDept")) {
            body.put(field, "no-such-dept");
        } else {
            body.remove(field);
        }
        ResponseEntity<Map<String, Object>> refused = post("/api/issues", body);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("field", field);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM issue", Long.class)).isEqualTo(before);
    }

    @Test
    void theListFiltersByStatusAndDepartmentAndPages() {
        String issueId = raise("列表筛选");
        Map<String, Object> page = http.withBasicAuth("coord1", "coord1")
                .exchange("/api/issues?status=OPEN&dept=experts&page=0", HttpMethod.GET, null, JSON).getBody();
        assertThat((List<Map<String, Object>>) page.get("items")).extracting(i -> i.get("issueId")).contains(issueId);
        assertThat(((List<Map<String, Object>>) page.get("items"))).allSatisfy(i -> assertThat(i).containsEntry("status", "OPEN"));
        assertThat(http.withBasicAuth("coord1", "coord1").getForEntity("/api/issues?status=LOST", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.withBasicAuth("coord1", "coord1").getForEntity("/api/issues?page=-1", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
