package cn.yijianshi.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case of any matter walked over HTTP as the hall's people would: opened at POST /api/cases, each task found in
 * Tasklist by a member of its department's group, its form read from the task's own deployment, claimed and completed.
 */
final class HallJourney {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() { };

    private final TestRestTemplate http;
    private final JdbcTemplate jdbc;

    HallJourney(TestRestTemplate http, JdbcTemplate jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    ResponseEntity<Map<String, Object>> submit(Map<String, Object> body) {
        return http.withBasicAuth("window1", "window1").exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body), JSON);
    }

    String open(Map<String, Object> body) {
        ResponseEntity<Map<String, Object>> created = submit(body);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("caseId");
    }

    /** The field a refused application is refused for (400). */
    String refusedField(Map<String, Object> body) {
        ResponseEntity<Map<String, Object>> refused = submit(body);
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).as("Chinese message").isNotBlank();
        assertThat((String) refused.getBody().get("messageEn")).as("English message").isNotBlank();
        return (String) refused.getBody().get("field");
    }

    Map<String, Object> task(String user, String caseId, String taskKey) {
        List<Map<String, Object>> tasks = http.withBasicAuth(user, user).exchange(
                "/engine-rest/task?processInstanceBusinessKey=" + caseId + "&taskDefinitionKey=" + taskKey,
                HttpMethod.GET, null, JSON_LIST).getBody();
        assertThat(tasks).as("%s sees %s", user, taskKey).hasSize(1);
        return tasks.get(0);
    }

    /** The id of the form Tasklist shows for the task (camunda:formRef, bound to the task's own deployment). */
    String formOf(String user, String taskId) {
        ResponseEntity<Map<String, Object>> form = http.withBasicAuth(user, user).exchange(
                "/engine-rest/task/" + taskId + "/deployed-form", HttpMethod.GET, null, JSON);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (String) form.getBody().get("id");
    }

    /** Finds the task as {@code user}, checks it shows {@code formId}, claims and completes it with the form's values. */
    void work(String user, String caseId, String taskKey, String formId, Map<String, Object> form) {
        String id = (String) task(user, caseId, taskKey).get("id");
        assertThat(formOf(user, id)).isEqualTo(formId);
        ResponseEntity<String> claimed = http.withBasicAuth(user, user).exchange("/engine-rest/task/" + id + "/claim",
                HttpMethod.POST, new HttpEntity<>(Map.of("userId", user)), String.class);
        assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> variables = new HashMap<>();
        form.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", typeOf(value))));
        ResponseEntity<String> done = http.withBasicAuth(user, user).exchange("/engine-rest/task/" + id + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables)), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** Claims the task and tries to complete it with values its form does not take: 400 naming the field; nothing changes. */
    String refusedCompletion(String user, String caseId, String taskKey, Map<String, Object> form) {
        String id = (String) task(user, caseId, taskKey).get("id");
        http.withBasicAuth(user, user).exchange("/engine-rest/task/" + id + "/claim", HttpMethod.POST,
                new HttpEntity<>(Map.of("userId", user)), String.class);
        Map<String, Object> variables = new HashMap<>();
        form.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", typeOf(value))));
        ResponseEntity<Map<String, Object>> refused = http.withBasicAuth(user, user).exchange("/engine-rest/task/" + id + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables)), JSON);
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("messageZh")).isNotBlank();
        assertThat(task(user, caseId, taskKey).get("id")).as("the task is still open").isEqualTo(id);
        return (String) refused.getBody().get("field");
    }

    /** Nobody outside the task's group sees it in Tasklist. */
    void hiddenFrom(String user, String caseId, String taskKey) {
        List<Map<String, Object>> tasks = http.withBasicAuth(user, user).exchange(
                "/engine-rest/task?processInstanceBusinessKey=" + caseId + "&taskDefinitionKey=" + taskKey,
                HttpMethod.GET, null, JSON_LIST).getBody();
        assertThat(tasks).as("%s does not see %s", user, taskKey).isEmpty();
    }

    private static String typeOf(Object value) {
        return value instanceof Integer ? "Long" : value instanceof Double ? "Double" : value instanceof Boolean ? "Boolean" : "String";
    }

    Map<String, Object> view(String caseId) {
        return http.withBasicAuth("window1", "window1").exchange("/api/cases/" + caseId, HttpMethod.GET, null, JSON).getBody();
    }

    ResponseEntity<Map<String, Object>> supply(String caseId, List<String> materials) {
        return http.withBasicAuth("window1", "window1").exchange("/api/cases/" + caseId + "/materials", HttpMethod.POST,
                new HttpEntity<>(Map.of("materials", materials)), JSON);
    }

    List<String> outbox(String caseId) {
        return jdbc.queryForList("SELECT kind FROM notification_outbox WHERE case_id = ? ORDER BY id", String.class, caseId);
    }

    String notice(String caseId, String kind) {
        return jdbc.queryForObject("SELECT message FROM notification_outbox WHERE case_id = ? AND kind = ?", String.class, caseId, kind);
    }

    /** An intake body for a person; the matter's own facts are put in by the test. */
    static Map<String, Object> personIntake(String matter, String name, String idNumber, List<String> materials) {
        Map<String, Object> body = new HashMap<>();
        body.put("matter", matter);
        body.put("applicant", new HashMap<>(Map.of("name", name, "idNumber", idNumber, "phone", "13800138000")));
        body.put("channel", "WINDOW");
        body.put("servicePoint", Map.of("code", "SP-001", "name", "丰台区人社服务大厅"));
        body.put("materials", materials);
        body.put("priority", "NORMAL");
        body.put("facts", new HashMap<String, Object>());
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> facts(Map<String, Object> body) {
        return (Map<String, Object>) body.get("facts");
    }
}
