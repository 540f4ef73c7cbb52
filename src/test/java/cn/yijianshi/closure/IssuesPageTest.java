package cn.yijianshi.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TaskWork;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 问题清单 in Chromium: a coordinator raises a 12333 hotline issue on /issues, the expert answers it in Tasklist, and
 * the coordinator closes it only after recording the call-back and attaching the scan of the 告知书; the first try,
 * without the scan, is refused on the page in Chinese.
 */
@HallIntegrationTest
class IssuesPageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    private Task task(String issueId, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(issueId).taskDefinitionKey(key).singleResult();
    }

    private static WebElement visible(HallBrowser browser, By by) {
        WebElement element = new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    @Test
    void aHotlineIssueIsRaisedAnsweredInTasklistAndClosedOnlyWithTheCallBackAndTheScan() throws Exception {
        String issueId;
        try (HallBrowser coordinator = HallBrowser.open(port)) {
            coordinator.logIn("coord1", "coord1");
            coordinator.go("/issues");
            visible(coordinator, By.cssSelector("#raise-box summary")).click();
            new Select(visible(coordinator, By.id("raise-source"))).selectByVisibleText("12333热线");
            new Select(visible(coordinator, By.id("raise-category"))).selectByVisibleText("养老待遇");
            coordinator.waitForText(By.id("raise-policy"), "销号须上传佐证材料", WAIT);
            new Select(visible(coordinator, By.id("raise-dept"))).selectByVisibleText("帮办专家");
            visible(coordinator, By.id("raise-description")).sendKeys("12333来电：退休后养老金比测算少，来电人电话13800138000");
            coordinator.screenshot("issues-01-raise");
            visible(coordinator, By.id("raise-submit")).click();

            new WebDriverWait(coordinator.driver(), WAIT).until(ExpectedConditions.urlContains("/issues/WT-"));
            coordinator.waitForText(By.id("status"), "待处理", WAIT);
            issueId = coordinator.driver().findElement(By.id("issue-id")).getText();
            assertThat(issueId).matches("WT-\\d{8}-\\d{6}");
            assertThat(coordinator.driver().findElement(By.id("facts")).getText()).contains("12333热线", "138****8000")
                    .doesNotContain("13800138000");
            coordinator.waitForText(By.id("steps"), "认领疑难件", WAIT);
            assertThat(coordinator.driver().findElement(By.cssSelector("#steps a")).getDomAttribute("href"))
                    .isEqualTo("/camunda/app/tasklist/default/#/?task=" + task(issueId, "Task_ClaimHardCase").getId());

            coordinator.go("/issues?source=HOTLINE&category=PENSION&sort=deadline");
            coordinator.waitForText(By.id("issues"), issueId, WAIT);
            assertThat(coordinator.driver().findElement(By.id("export")).getDomAttribute("href"))
                    .contains("/api/reports/issue-ledger.xlsx?", "source=HOTLINE", "category=PENSION");
        }

        // The expert takes the case and answers the citizen in Tasklist.
        TaskWork.claimAndComplete(identityService, taskService, task(issueId, "Task_ClaimHardCase"), "expert1", List.of("experts"), Map.of());
        TaskWork.claimAndComplete(identityService, taskService, task(issueId, "Task_ExpertAssessment"), "expert1", List.of("experts"),
                Map.of("assessment", "ANSWER", "assessmentNote", "按计发办法解答"));
        Task reply = task(issueId, "Task_ReplyCitizen");
        try (HallBrowser expert = HallBrowser.open(port)) {
            expert.logInToTasklist("expert1", "expert1");
            expert.go("/camunda/app/tasklist/default/#/?task=" + reply.getId());
            new WebDriverWait(expert.driver(), WAIT).until(ExpectedConditions.and(
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task]"), "答复群众"),
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container [id$='-Field_replyText']"))));
            WebElement text = visible(expert, By.cssSelector(".fjs-container [id$='-Field_replyText']"));
            text.sendKeys("您的养老金按国发〔2005〕38号计发，已书面告知计算明细。");
            visible(expert, By.cssSelector("[cam-tasklist-task] button[ng-click='complete()']")).click();
            new WebDriverWait(expert.driver(), WAIT).until(d -> taskService.createTaskQuery().taskId(reply.getId()).count() == 0);
        }
        assertThat(jdbc.queryForObject("SELECT status FROM issue WHERE issue_id = ?", String.class, issueId)).isEqualTo("RESOLVED");

        Path scan = Files.createTempFile("gaozhishu-", ".pdf");
        Files.write(scan, EvidenceFiles.scan());
        try (HallBrowser coordinator = HallBrowser.open(port)) {
            coordinator.logIn("coord1", "coord1");
            coordinator.go("/issues/" + issueId);
            coordinator.waitForText(By.id("status"), "已答复待确认", WAIT);
            assertThat(visible(coordinator, By.id("called-by")).getDomProperty("value")).isEqualTo("周强");
            assertThat(coordinator.driver().findElement(By.id("called-at")).getDomProperty("value")).isNotBlank();
            visible(coordinator, By.id("answer")).sendKeys("群众表示已收到告知书，明白计算方法，满意");
            visible(coordinator, By.id("close-issue")).click();
            coordinator.waitForText(By.id("callback-error"), "养老待遇类问题销号须有佐证材料", WAIT);
            coordinator.screenshot("issues-02-close-refused-without-evidence");
            assertThat(jdbc.queryForObject("SELECT status FROM issue WHERE issue_id = ?", String.class, issueId)).isEqualTo("RESOLVED");

            visible(coordinator, By.id("file")).sendKeys(scan.toAbsolutePath().toString());
            visible(coordinator, By.id("upload")).click();
            coordinator.waitForText(By.id("attachments"), scan.getFileName().toString(), WAIT);
            visible(coordinator, By.id("answer")).sendKeys(Keys.END);
            visible(coordinator, By.id("close-issue")).click();
            coordinator.waitForText(By.id("status"), "已销号", WAIT);
            coordinator.waitForText(By.id("callbacks"), "满意，销号", WAIT);
            assertThat(coordinator.driver().findElement(By.id("history")).getText())
                    .contains("周强（coord1）", "上传佐证材料", "回访：周强");
            coordinator.screenshot("issues-03-closed-with-evidence");
        } finally {
            Files.deleteIfExists(scan);
        }
        assertThat(jdbc.queryForMap("SELECT status, closed_by FROM issue WHERE issue_id = ?", issueId))
                .containsEntry("STATUS", "CLOSED").containsEntry("CLOSED_BY", "coord1");
        assertThat(jdbc.queryForObject("SELECT called_by FROM issue_callback WHERE issue_id = ? AND satisfied = TRUE", String.class, issueId))
                .isEqualTo("周强");
    }

    @Test
    void aManagerReadsTheListAndTheWeeklyAnalysisButRaisesNothing() {
        try (HallBrowser manager = HallBrowser.open(port)) {
            manager.logIn("manager1", "manager1");
            manager.go("/issues");
            manager.waitForText(By.id("count"), "共", WAIT);
            manager.waitForText(By.id("week-range"), "与上周", WAIT);
            assertThat(manager.driver().findElement(By.id("raise-box")).isDisplayed()).isFalse();
            manager.screenshot("issues-04-weekly-analysis");
        }
    }
}
