package cn.yijianshi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

@HallIntegrationTest
class HallSecurityTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void noEngineUser() {
        identityService.clearAuthentication();
    }

    @Test
    void anonymousCallsToOurApiAndTheEngineApiAreUnauthorized() {
        for (String path : List.of("/api/cases/TX-20261122-000001", "/engine-rest/task", "/engine-rest/process-definition")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>("{}", headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        // Camunda delays the next logins of a user after a failed one: use a user no other test logs in as.
        assertThat(http.withBasicAuth("manager1", "guess").getForEntity("/api/cases/X", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void windowClerkCannotSeeOrCompleteAnExpertTask() throws Exception {
        Task expertTask = expertTaskOfANewSpecialJobCase();

        identityService.setAuthentication("window1", List.of("window"));
        assertThat(taskService.createTaskQuery().taskId(expertTask.getId()).count()).isZero();
        assertThatThrownBy(() -> taskService.claim(expertTask.getId(), "window1")).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.complete(expertTask.getId())).isInstanceOf(AuthorizationException.class);

        identityService.setAuthentication("expert1", List.of("experts"));
        assertThat(taskService.createTaskQuery().taskId(expertTask.getId()).count()).isOne();
        identityService.clearAuthentication();

        var asWindow = http.withBasicAuth("window1", "window1").exchange("/engine-rest/task?taskDefinitionKey=Task_ClaimHardCase",
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { });
        assertThat(asWindow.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asWindow.getBody()).extracting(t -> t.get("id")).doesNotContain(expertTask.getId());
        var asExpert = http.withBasicAuth("expert1", "expert1").exchange("/engine-rest/task?taskDefinitionKey=Task_ClaimHardCase",
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { });
        assertThat(asExpert.getBody()).extracting(t -> t.get("id")).contains(expertTask.getId());
    }

    @Test
    void demoUsersLogInToTasklistWithTheirOwnPassword() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "expert1");
        form.add("password", "expert1");
        // As the browser does: open Tasklist first for the session and Camunda's CSRF token.
        var page = http.getForEntity("/camunda/app/tasklist/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
        String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .split(";")[0].substring("XSRF-TOKEN=".length());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-XSRF-TOKEN", xsrf);
        headers.put(HttpHeaders.COOKIE, cookies.stream().map(c -> c.split(";")[0]).toList());
        var answer = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains("\"userId\":\"expert1\"");
    }

    private Task expertTaskOfANewSpecialJobCase() throws Exception {
        Map<String, Object> body = TestCitizens.retirementIntake("周九", TestCitizens.RETIRING_MAN);
        @SuppressWarnings("unchecked")
        Map<String, Object> retirement = (Map<String, Object>) body.get("retirement");
        retirement.put("type", "SPECIAL_JOB");
        body.put("materials", List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES", "SPECIAL_JOB_PROOF", "SPECIAL_JOB_RECORD"));
        String caseId = intake.accept(json.convertValue(body, CaseIntakeRequest.class), null, "window1").caseId();
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
        identityService.setAuthentication("window1", List.of("window"));
        taskService.claim(review.getId(), "window1");
        taskService.complete(review.getId(), Map.of("materialsDecision", "COMPLETE", "originalAge", "60",
                "contributionMonths", 360));
        identityService.clearAuthentication();
        return taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("Task_ClaimHardCase")
                .singleResult();
    }
}
