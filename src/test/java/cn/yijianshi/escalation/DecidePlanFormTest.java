package cn.yijianshi.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

/** The expert opens 确定方案 in Tasklist (headless Chromium) and reads every consulted department's opinion. */
@HallIntegrationTest
class DecidePlanFormTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @AfterEach
    void nobody() {
        identityService.clearAuthentication();
    }

    private void work(String user, String group, String issueId, String taskKey, String department, Map<String, Object> variables) {
        var query = taskService.createTaskQuery().processInstanceBusinessKey(issueId).taskDefinitionKey(taskKey);
        Task task = (department == null ? query : query.taskCandidateGroup(department)).singleResult();
        cn.yijianshi.TaskWork.claimAndComplete(identityService, taskService, task, user, List.of(group), variables);
    }

    @Test
    void theExpertReadsBothDepartmentsOpinionsInThePlanForm() {
        var created = http.withBasicAuth("coord1", "coord1").exchange("/api/issues", HttpMethod.POST,
                new HttpEntity<>(Map.of("source", "WINDOW", "category", "SENIORITY", "description", "农场工龄视同缴费年限",
                        "responsibleDept", "experts")), new ParameterizedTypeReference<Map<String, Object>>() { });
        String issueId = (String) created.getBody().get("issueId");
        work("expert1", "experts", issueId, "Task_ClaimHardCase", null, Map.of());
        work("expert1", "experts", issueId, "Task_ExpertAssessment", null, Map.of("assessment", "CONSULT",
                "assessmentNote", "请社保经办、档案会商", "consultDepartments", List.of("dept-pension", "dept-archives")));
        work("pension1", "dept-pension", issueId, "Task_ConsultDepartment", "dept-pension",
                Map.of("departmentOpinion", "缴费记录可补认定"));
        work("archives1", "dept-archives", issueId, "Task_ConsultDepartment", "dept-archives",
                Map.of("departmentOpinion", "档案载明1978年起在农场工作"));
        Task plan = taskService.createTaskQuery().processInstanceBusinessKey(issueId).taskDefinitionKey("Task_DecidePlan").singleResult();

        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.logInToTasklist("expert1", "expert1");
            browser.go("/camunda/app/tasklist/default/#/?task=" + plan.getId());
            try {
                new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".fjs-container .fjs-table"), "档案载明1978年起在农场工作"));
            } catch (TimeoutException e) {
                browser.screenshot("tasklist-decide-plan-failed");
                throw new AssertionError("确定方案 did not show the opinions; page: " + browser.pageText(), e);
            }
            var opinions = browser.driver().findElement(By.cssSelector(".fjs-container .fjs-table"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", opinions);
            String table = opinions.getText();
            browser.screenshot("tasklist-decide-plan-opinions");
            assertThat(browser.pageText()).contains("各部门会商意见");
            assertThat(table).contains("会商部门", "经办人", "会商意见", "社保经办", "pension1", "缴费记录可补认定",
                    "档案", "archives1", "档案载明1978年起在农场工作");

            browser.driver().findElement(By.cssSelector(".fjs-container [id$='-Field_plan']")).sendKeys("补认定1978年至1985年视同缴费年限");
            browser.driver().findElement(By.cssSelector("[cam-tasklist-task] button[ng-click='complete()']")).click();
            new WebDriverWait(browser.driver(), WAIT).until(d -> taskService.createTaskQuery().taskId(plan.getId()).count() == 0);
        }
        Task reply = taskService.createTaskQuery().processInstanceBusinessKey(issueId).taskDefinitionKey("Task_ReplyCitizen").singleResult();
        assertThat(taskService.getVariable(reply.getId(), "plan")).isEqualTo("补认定1978年至1985年视同缴费年限");
    }
}
