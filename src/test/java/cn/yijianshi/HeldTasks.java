package cn.yijianshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The hall's people working tasks over the engine's two REST APIs: /engine-rest (HTTP Basic) and Tasklist's own
 * /camunda/api/engine (a logged-in session with Camunda's CSRF token), for tests on H2 and on MariaDB alike.
 */
public final class HeldTasks {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    private HeldTasks() {
    }

    /** A new retirement case worked up to 养老金核定, which {@code holder} has claimed; returns that task's id. */
    public static String pensionAssessmentClaimedBy(TestRestTemplate http, String holder, String citizen, String idNumber) {
        var created = http.withBasicAuth("window1", "window1").exchange("/api/cases", HttpMethod.POST,
                new HttpEntity<>(TestCitizens.retirementIntake(citizen, idNumber)), JSON);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        String caseId = (String) created.getBody().get("caseId");
        work(http, "window1", caseId, "Task_ReviewMaterials", Map.of("materialsDecision", "COMPLETE", "originalAge", "60",
                "contributionMonths", 360, "hasFundAccount", true));
        work(http, "archives1", caseId, "Task_ArchivesReview", Map.of("confirmedContributionMonths", 360,
                "averageContributionIndex", 1.2, "personalAccountBalance", 139000.0, "transitionalPension", 300.0));
        String assessment = taskId(http, holder, caseId, "Task_AssessPension");
        assertThat(engineRest(http, holder, "/task/" + assessment + "/claim", Map.of("userId", holder)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        return assessment;
    }

    public static String taskId(TestRestTemplate http, String user, String caseId, String taskKey) {
        var answer = http.withBasicAuth(user, user).exchange(
                "/engine-rest/task?processInstanceBusinessKey=" + caseId + "&taskDefinitionKey=" + taskKey,
                HttpMethod.GET, null, String.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> tasks = read(answer.getBody());
        assertThat(tasks).as("%s sees %s", user, taskKey).hasSize(1);
        return (String) tasks.get(0).get("id");
    }

    private static List<Map<String, Object>> read(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json,
                    new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(json, e);
        }
    }

    public static ResponseEntity<Map<String, Object>> engineRest(TestRestTemplate http, String user, String path, Object body) {
        return http.withBasicAuth(user, user).exchange("/engine-rest" + path, HttpMethod.POST, new HttpEntity<>(body), JSON);
    }

    /** Claims and completes the task over /engine-rest, as Tasklist would. */
    public static void work(TestRestTemplate http, String user, String caseId, String taskKey, Map<String, Object> form) {
        String id = taskId(http, user, caseId, taskKey);
        assertThat(engineRest(http, user, "/task/" + id + "/claim", Map.of("userId", user)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        var done = engineRest(http, user, "/task/" + id + "/complete", Map.of("variables", variables(form)));
        assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    public static Map<String, Object> variables(Map<String, Object> form) {
        Map<String, Object> variables = new HashMap<>();
        form.forEach((name, value) -> variables.put(name, Map.of("value", value, "type",
                value instanceof Integer ? "Long" : value instanceof Double ? "Double" : value instanceof Boolean ? "Boolean" : "String")));
        return variables;
    }

    /** Tasklist's own engine API for a user logged in on Tasklist's login page, as the browser does. */
    public static final class TasklistSession {
        private final TestRestTemplate http;
        private final Map<String, String> cookies = new java.util.LinkedHashMap<>();

        public TasklistSession(TestRestTemplate http, String user) {
            this.http = http;
            remember(http.getForEntity("/camunda/app/tasklist/", String.class).getHeaders());
            LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("username", user);
            form.add("password", user);
            HttpHeaders headers = headers();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            var login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                    new HttpEntity<>(form, headers), String.class);
            assertThat(login.getStatusCode()).as("%s logs in to Tasklist", user).isEqualTo(HttpStatus.OK);
            remember(login.getHeaders());
            // The login starts a new session; as the browser does next, a GET gives it its own CSRF token.
            remember(http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(headers()),
                    String.class).getHeaders());
        }

        /** POST to /camunda/api/engine/engine/default{path}. */
        public ResponseEntity<Map<String, Object>> post(String path, Object body) {
            HttpHeaders headers = headers();
            headers.setContentType(MediaType.APPLICATION_JSON);
            var answer = http.exchange("/camunda/api/engine/engine/default" + path, HttpMethod.POST,
                    new HttpEntity<>(body, headers), JSON);
            remember(answer.getHeaders());
            return answer;
        }

        private void remember(HttpHeaders answer) {
            for (String cookie : answer.getOrDefault(HttpHeaders.SET_COOKIE, List.of())) {
                String pair = cookie.split(";")[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }

        private HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            List<String> pairs = new ArrayList<>();
            cookies.forEach((name, value) -> pairs.add(name + "=" + value));
            headers.put(HttpHeaders.COOKIE, pairs);
            if (cookies.containsKey("XSRF-TOKEN")) {
                headers.set("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            }
            return headers;
        }
    }
}
