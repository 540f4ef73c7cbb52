package cn.yijianshi.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.intake.CaseIntake;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

/**
 * In a real Chromium: a coordinator chases and reassigns a breached department task from /sla; a colleague copied
 * on a task finds it under 抄送我的 and on the case view, read only. The hall clock stays fixed while the pages run.
 */
@HallIntegrationTest
class TaskActionsPageTest {

    @LocalServerPort
    int port;
    @Autowired
    cn.yijianshi.sla.SlaSweep slaSweep;
    @Autowired
    CaseIntake intake;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService taskService;
    @Autowired
    TestRestTemplate http;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @Test
    void aCoordinatorChasesAndReassignsABreachedDepartmentTaskFromTheMonitor() {
        var opened = OpenDepartmentTasks.atArchives(intake, json, taskService, "页面催办", TestCalendars.hall("2026-09-21T09:30"));
        // a week later the archives step is long past its limit: the SLA sweep records the breach
        Instant later = TestCalendars.hall("2026-09-28T10:00");
        ClockUtil.setCurrentTime(Date.from(later));
        slaSweep.sweep();
        // the list as drawn for the filter below (an earlier answer, such as the first unfiltered load, is not drawn)
        String row = "#stuck[data-query*='state=BREACHED'][data-query*='group=dept-archives'] tr[data-task='"
                + opened.archivesTaskId() + "']";

        try (HallBrowser browser = HallBrowser.open(port)) {
            WebDriver driver = browser.driver();
            browser.logIn("coord1", "coord1");
            browser.go("/sla");
            waiting(driver).until(d -> new Select(d.findElement(By.id("stuck-group"))).getOptions().size() > 1);
            new Select(driver.findElement(By.id("stuck-group"))).selectByValue("dept-archives");
            new Select(driver.findElement(By.id("stuck-state"))).selectByValue("BREACHED");
            driver.findElement(By.id("stuck-apply")).click();
            waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row)));
            assertThat(driver.findElement(By.cssSelector(row)).getText()).contains(opened.caseId(), "档案审核与工龄认定", "未认领", "已超时");

            driver.findElement(By.cssSelector(row + " button.chase")).click();
            waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("chase-message")));
            assertThat(driver.findElement(By.id("task-action-title")).getText()).isEqualTo("催办「档案审核与工龄认定」");
            driver.findElement(By.id("chase-message")).clear();
            driver.findElement(By.id("chase-message")).sendKeys("档案审核已超时一周，请今天办结");
            browser.screenshot("sla-chase-dialog");
            driver.findElement(By.id("chase-send")).click();
            browser.waitForText(By.id("task-action-done"), "已催办", Duration.ofSeconds(20));
            driver.findElement(By.id("task-action-close")).click();

            // a second chase within the hour is not offered
            waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row + " button.chase"))).click();
            browser.waitForText(By.id("task-action-form"), "一小时内已催办过", Duration.ofSeconds(20));
            driver.findElement(By.id("task-action-close")).click();

            waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row + " button.reassign"))).click();
            waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("reassign-user")));
            Select members = new Select(driver.findElement(By.id("reassign-user")));
            assertThat(members.getOptions()).extracting(o -> o.getAttribute("value")).contains("archives1")
                    .doesNotContain("pension1", "coord1", "window1");
            members.selectByValue("archives1");
            driver.findElement(By.id("reassign-reason")).sendKeys("赵磊负责该片区档案");
            browser.screenshot("sla-reassign-dialog");
            driver.findElement(By.id("reassign-send")).click();
            browser.waitForText(By.id("task-action-done"), "已转办给 赵磊（archives1）", Duration.ofSeconds(20));
        }

        assertThat(taskService.createTaskQuery().taskId(opened.archivesTaskId()).singleResult().getAssignee()).isEqualTo("archives1");
        assertThat(taskService.getTaskComments(opened.archivesTaskId())).extracting(c -> c.getFullMessage())
                .anySatisfy(m -> assertThat(m).contains("【催办】", "档案审核已超时一周，请今天办结"))
                .anySatisfy(m -> assertThat(m).contains("【转办】", "赵磊负责该片区档案"));
    }

    @Test
    void aCopiedColleagueSeesTheTaskReadOnlyAndCannotCompleteIt() {
        var opened = OpenDepartmentTasks.atArchives(intake, json, taskService, "页面抄送", TestCalendars.hall("2026-09-22T09:30"));
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-09-22T11:00")));
        String row = "#open-tasks tr[data-task='" + opened.archivesTaskId() + "']";

        try (HallBrowser browser = HallBrowser.open(port)) {
            WebDriver driver = browser.driver();
            browser.logIn("archives1", "archives1");
            browser.go("/cases/" + opened.caseId());
            waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row + " button.cc"))).click();
            waiting(driver).until(d -> new Select(d.findElement(By.id("cc-users"))).getOptions().size() > 1);
            new Select(driver.findElement(By.id("cc-users"))).selectByValue("pension1");
            driver.findElement(By.id("cc-send")).click();
            browser.waitForText(By.id("task-action-done"), "已抄送：pension1", Duration.ofSeconds(20));
        }

        try (HallBrowser browser = HallBrowser.open(port)) {
            WebDriver driver = browser.driver();
            browser.logIn("pension1", "pension1");
            browser.go("/cases");
            String copied = "#copied tr[data-task='" + opened.archivesTaskId() + "']";
            waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(copied)));
            assertThat(driver.findElement(By.cssSelector(copied)).getText())
                    .contains(opened.caseId(), "档案审核与工龄认定", "赵磊（archives1）", "办理中");
            browser.screenshot("cases-copied-to-me");
            driver.findElement(By.cssSelector(copied + " a")).click();
            waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(row)));
            browser.waitForText(By.cssSelector(row), "抄送给您（只读）", Duration.ofSeconds(20));
            assertThat(driver.findElements(By.cssSelector(row + " button"))).as("no chase, reassign or copy").isEmpty();
            assertThat(driver.findElement(By.id("copied")).getText()).contains("档案审核与工龄认定", "赵磊（archives1）", "办理中");
            assertThat(driver.findElement(By.id("timeline")).getText()).contains("抄送「档案审核与工龄认定」给 张伟（pension1）");
            browser.screenshot("case-copied-read-only");
        }

        var complete = http.withBasicAuth("pension1", "pension1").exchange("/engine-rest/task/" + opened.archivesTaskId() + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of())), String.class);
        assertThat(complete.getStatusCode().is4xxClientError()).as(complete.getBody()).isTrue();
        assertThat(taskService.createTaskQuery().taskId(opened.archivesTaskId()).count()).isEqualTo(1);
    }
}
