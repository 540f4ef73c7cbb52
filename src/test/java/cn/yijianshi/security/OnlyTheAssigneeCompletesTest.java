package cn.yijianshi.security;

import static cn.yijianshi.HeldTasks.engineRest;
import static cn.yijianshi.HeldTasks.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.HeldTasks;
import cn.yijianshi.intake.ResidentIdNumber;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** pension1 claimed 养老金核定: nobody else completes or claims it, by any API; the engine alone still may. */
@HallIntegrationTest
class OnlyTheAssigneeCompletesTest {

    private static final Map<String, Object> ASSESSED = Map.of("approvedMonthlyPension", 3500.0);

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;

    private String task;

    @BeforeEach
    void aPensionAssessmentClaimedByPension1() {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2026-03-03T09:30:00+08:00").toInstant()));
        task = HeldTasks.pensionAssessmentClaimedBy(http, "pension1", "赵六", ResidentIdNumber.withCheckCharacter("11010119600307155"));
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void aColleagueCannotCompleteItOverEngineRestAndIsToldWhoHoldsIt() {
        for (String path : new String[] {"/complete", "/submit-form"}) {
            var refused = engineRest(http, "pension2", "/task/" + task + path, Map.of("variables", variables(ASSESSED)));
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertRefusedNaming(refused, "NotTheAssignee", "张伟（pension1）", "只有办理人本人可以完成");
        }
        stillOpenAndHeldByPension1();
    }

    @Test
    void aColleagueCannotCompleteItInTasklist() {
        var pension2 = new HeldTasks.TasklistSession(http, "pension2");
        var refused = pension2.post("/task/" + task + "/submit-form", Map.of("variables", variables(ASSESSED)));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertRefusedNaming(refused, "NotTheAssignee", "张伟（pension1）", "只有办理人本人可以完成");
        stillOpenAndHeldByPension1();
    }

    @Test
    void claimingItAgainIsAConflictNamingTheHolderInBothApis() {
        var overRest = engineRest(http, "pension2", "/task/" + task + "/claim", Map.of("userId", "pension2"));
        assertThat(overRest.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertRefusedNaming(overRest, "TaskAlreadyClaimedException", "张伟（pension1）", "已由张伟（pension1）认领");

        var inTasklist = new HeldTasks.TasklistSession(http, "pension2").post("/task/" + task + "/claim", Map.of("userId", "pension2"));
        assertThat(inTasklist.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertRefusedNaming(inTasklist, "TaskAlreadyClaimedException", "张伟（pension1）", "已由张伟（pension1）认领");
        stillOpenAndHeldByPension1();
    }

    /** Administrators reassign the task first (recorded in the operation log); they do not complete it over the holder's head. */
    @Test
    void anAdministratorIsNoException() {
        var refused = engineRest(http, "demo", "/task/" + task + "/complete", Map.of("variables", variables(ASSESSED)));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engineRest(http, "demo", "/task/" + task + "/assignee", Map.of("userId", "demo")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engineRest(http, "demo", "/task/" + task + "/complete", Map.of("variables", variables(ASSESSED)))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void theAssigneeCompletesIt() {
        var done = new HeldTasks.TasklistSession(http, "pension1").post("/task/" + task + "/submit-form",
                Map.of("variables", variables(ASSESSED)));
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
    }

    /** No authenticated user: the engine itself (a job, a process test) completes it. */
    @Test
    void theEngineWithNoUserLoggedInStillCompletesIt() {
        taskService.complete(task, Map.of("approvedMonthlyPension", 3500.0));
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
    }

    @Test
    void otherEngineErrorsKeepCamundasOwnAnswer() {
        var unknown = engineRest(http, "pension2", "/task/no-such-task/complete", Map.of("variables", Map.of()));
        assertThat(unknown.getStatusCode().value()).isNotIn(403, 409, 503);
        assertThat(unknown.getBody()).containsKeys("type", "message").doesNotContainKey("messageZh");
        var unknownGet = http.withBasicAuth("pension2", "pension2").exchange("/engine-rest/task/no-such-task",
                HttpMethod.GET, null, HeldTasks.JSON);
        assertThat(unknownGet.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownGet.getBody()).containsEntry("type", "InvalidRequestException").doesNotContainKey("messageZh");
    }

    private void stillOpenAndHeldByPension1() {
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("pension1");
    }

    static void assertRefusedNaming(ResponseEntity<Map<String, Object>> refused, String type, String holder, String zh) {
        assertThat(refused.getBody()).containsEntry("type", type).containsKeys("message", "messageZh", "messageEn");
        assertThat((String) refused.getBody().get("messageZh")).contains(holder).contains(zh);
        assertThat((String) refused.getBody().get("messageEn")).contains("pension1");
        assertThat((String) refused.getBody().get("message")).contains(zh).contains("pension1");
    }
}
