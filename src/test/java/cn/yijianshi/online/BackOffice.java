package cn.yijianshi.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** The hall's people working an online application's tasks over /engine-rest, as Tasklist does. */
final class BackOffice {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() { };

    private BackOffice() {
    }

    /** Claims and completes the one task {@code taskKey} of the process with business key {@code key} as {@code user}. */
    static void work(TestRestTemplate http, String user, String key, String taskKey, Map<String, Object> form) {
        List<Map<String, Object>> tasks = http.withBasicAuth(user, user).exchange(
                "/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey=" + taskKey,
                HttpMethod.GET, null, JSON_LIST).getBody();
        assertThat(tasks).as("%s sees %s of %s", user, taskKey, key).hasSize(1);
        String id = (String) tasks.get(0).get("id");
        assertThat(http.withBasicAuth(user, user).exchange("/engine-rest/task/" + id + "/claim", HttpMethod.POST,
                new HttpEntity<>(Map.of("userId", user)), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> typed = new HashMap<>();
        form.forEach((k, v) -> typed.put(k, Map.of("value", v, "type", v instanceof Integer ? "Long"
                : v instanceof Double ? "Double" : v instanceof Boolean ? "Boolean" : "String")));
        var done = http.withBasicAuth(user, user).exchange("/engine-rest/task/" + id + "/complete", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", typed)), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** 网上申请预审 by the demo reviewer of 码上办审核组. */
    static void review(TestRestTemplate http, String applicationId, Map<String, Object> decision) {
        work(http, "online1", applicationId, "Task_PreReviewOnline", decision);
    }
}
