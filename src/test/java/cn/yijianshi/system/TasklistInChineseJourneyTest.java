package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The hall's people work a retirement case in Camunda Tasklist, in a real headless Chromium, in
 * Chinese: the window reviews the materials, archives and pension do their parts (the pension estimate
 * is in the form), the medical department flags the case as 疑难 and only then does the expert see it,
 * claim it and complete it. Every browser here is set to English and to New York time, and still
 * shows Chinese and the hall's (Shanghai) time. Screenshots go to target/screenshots/.
 */
@HallIntegrationTest
class TasklistInChineseJourneyTest {

    private static final String FOREIGN_LANGUAGE = "en-US";
    private static final String FOREIGN_ZONE = "America/New_York";
    private static final DateTimeFormatter HALL_LONG_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日EEEE HH:mm", Locale.CHINA);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    CaseIntake intake;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    FilterService filterService;

    @Test
    void theHallWorksARetirementCaseInChineseAndTheExpertSeesItOnlyWhenFlagged() {
        String applicant = "浏览器" + Long.toString(System.nanoTime() % 100000, 36);
        String caseId = intake.accept(json.convertValue(TestCitizens.retirementIntake(applicant, TestCitizens.RETIRING_MAN),
                CaseIntakeRequest.class), null, "window1").caseId();

        windowReviewsTheMaterials(caseId);
        archivesConfirmTheSeniority(caseId);
        pensionSeesTheEstimateAndAssesses(caseId);
        expertSeesNoHardCaseBeforeAFlag(applicant);
        medicalFlagsTheCaseAsHard(caseId);
        expertClaimsAndCompletesTheHardCase(applicant);
    }

    private void windowReviewsTheMaterials(String caseId) {
        Task review = openTask(caseId, "Task_ReviewMaterials");
        try (HallBrowser browser = HallBrowser.openAs(port, FOREIGN_LANGUAGE, FOREIGN_ZONE)) {
            browser.go("/camunda/app/tasklist/");
            WebElement user = new WebDriverWait(browser.driver(), WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
            assertThat(user.getAttribute("placeholder")).isEqualTo("用户名");
            assertThat(browser.driver().findElement(By.cssSelector("form[name=signinForm] button")).getText()).contains("登录");
            browser.screenshot("tasklist-01-login");

            browser.logInToTasklist("window1", "window1");
            showTask(browser, review, "审核材料");
            assertHallLanguageAndLook(browser);
            assertThat(dueDateTooltip(browser)).as("the due date in the hall's zone, not New York's")
                    .isEqualTo(HALL_LONG_DATE.format(review.getDueDate().toInstant().atZone(ZoneId.of("Asia/Shanghai"))));
            assertThat(fieldValue(browser, "caseId")).isEqualTo(caseId);
            assertThat(readOnly(browser, "caseId")).as("the case id cannot be changed").isTrue();
            assertThat(readOnly(browser, "applicantIdMasked")).isTrue();
            assertThat(fieldValue(browser, "applicantIdMasked")).isEqualTo("110101********123X");
            assertThat(fieldValue(browser, "materialsSummary")).as("the 材料比对, made when the form opens")
                    .contains("应交材料：", "居民身份证", "尚缺材料：无");

            claim(browser);
            choose(browser, "originalAge", "男职工 60 周岁");
            complete(browser);
            browser.waitForText(By.cssSelector(".fjs-container"), "此项为必填项。", WAIT);
            browser.screenshot("tasklist-02-required-field-in-chinese");
            assertThat(taskService.createTaskQuery().taskId(review.getId()).count())
                    .as("a form with 审核结论 empty is not completed").isEqualTo(1);

            field(browser, "materialsDecision-0").click();
            complete(browser);
            waitUntilDone(browser, review);
        }
        assertOnlyShown(review);
    }

    /** What the forms only show comes from the case record: no variable, even after Tasklist sent it back. */
    private void assertOnlyShown(Task task) {
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(task.getProcessInstanceId())
                .variableNameIn("applicantIdMasked", "statutoryAge", "materialsSummary").list()).as("variables after " + task.getName()).isEmpty();
    }

    private void archivesConfirmTheSeniority(String caseId) {
        workTask("archives1", openTask(caseId, "Task_ArchivesReview"), "档案审核与工龄认定", "tasklist-03-archives", browser -> {
            type(browser, "confirmedContributionMonths", "360");
            type(browser, "averageContributionIndex", "1.2");
            type(browser, "personalAccountBalance", "139000");
            type(browser, "transitionalPension", "0");
        });
    }

    private void pensionSeesTheEstimateAndAssesses(String caseId) {
        Task assessment = openTask(caseId, "Task_AssessPension");
        workTask("pension1", assessment, "养老金核定", "tasklist-04-pension-estimate", browser -> {
            assertThat(fieldValue(browser, "statutoryAge")).as("a man born in March 1960, original age 60").isEqualTo("60岁");
            assertThat(readOnly(browser, "statutoryAge")).isTrue();
            assertThat(fieldValue(browser, "applicantIdMasked")).isEqualTo("110101********123X");
            assertThat(fieldValue(browser, "estimateSheet")).as("the 核算表 is in the form").contains("基础养老金");
            assertThat(readOnly(browser, "estimateSheet")).isTrue();
            assertThat(fieldValue(browser, "estimateTotal")).isNotBlank();
            type(browser, "approvedMonthlyPension", fieldValue(browser, "estimateTotal"));
        });
        assertOnlyShown(assessment);
    }

    private void expertSeesNoHardCaseBeforeAFlag(String applicant) {
        assertThat(hardCaseTasks(applicant)).isEmpty();
        try (HallBrowser browser = HallBrowser.openAs(port, FOREIGN_LANGUAGE, FOREIGN_ZONE)) {
            browser.logInToTasklist("expert1", "expert1");
            searchExpertQueue(browser, applicant);
            browser.waitForText(By.cssSelector("[cam-tasks]"), "未找到符合过滤条件的任务", WAIT);
            assertThat(browser.driver().findElement(By.cssSelector("[cam-tasks]")).getText()).doesNotContain("认领疑难件");
        }
    }

    private void medicalFlagsTheCaseAsHard(String caseId) {
        workTask("medical1", openTask(caseId, "Task_MedicalTransfer"), "医保退休待遇变更", "tasklist-05-flag-hard-case", browser -> {
            type(browser, "departmentResult", "待专家确认视同缴费年限后办理");
            field(browser, "flagHardCase").click();
            type(browser, "hardCaseReason", "1978年至1985年在外省国营农场工作，视同缴费年限有争议");
        });
    }

    private void expertClaimsAndCompletesTheHardCase(String applicant) {
        List<Task> hardCases = hardCaseTasks(applicant);
        assertThat(hardCases).hasSize(1);
        Task hardCase = hardCases.get(0);
        try (HallBrowser browser = HallBrowser.openAs(port, FOREIGN_LANGUAGE, FOREIGN_ZONE)) {
            browser.logInToTasklist("expert1", "expert1");
            searchExpertQueue(browser, applicant);
            browser.waitForText(By.cssSelector("[cam-tasks]"), "认领疑难件", WAIT);
            browser.screenshot("tasklist-06-expert-queue");
            browser.driver().findElement(By.xpath("//*[@cam-tasks]//a[contains(normalize-space(.), '认领疑难件')]")).click();
            new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
            assertThat(fieldValue(browser, "applicantName")).isEqualTo(applicant);
            assertHallLanguageAndLook(browser);
            claim(browser);
            browser.screenshot("tasklist-07-expert-claimed");
            complete(browser);
            waitUntilDone(browser, hardCase);
        }
        assertThat(taskService.createTaskQuery().processInstanceId(hardCase.getProcessInstanceId())
                .taskDefinitionKey("Task_ExpertAssessment").taskAssignee("expert1").count())
                .as("the expert who claimed it assesses it").isEqualTo(1);
    }

    // --- the hall's people's moves in Tasklist

    /** One person's turn: log in, open the task, claim it, fill the form, complete it. */
    private void workTask(String user, Task task, String name, String screenshot, Consumer<HallBrowser> fillForm) {
        try (HallBrowser browser = HallBrowser.openAs(port, FOREIGN_LANGUAGE, FOREIGN_ZONE)) {
            browser.logInToTasklist(user, user);
            showTask(browser, task, name);
            claim(browser);
            fillForm.accept(browser);
            browser.screenshot(screenshot);
            complete(browser);
            waitUntilDone(browser, task);
        }
    }

    private Task openTask(String caseId, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("%s is open for %s", taskKey, caseId).isNotNull();
        return task;
    }

    private List<Task> hardCaseTasks(String applicant) {
        return taskService.createTaskQuery().taskDefinitionKey("Task_ClaimHardCase")
                .processVariableValueEquals("applicantName", applicant).list();
    }

    private void showTask(HallBrowser browser, Task task, String name) {
        browser.go("/camunda/app/tasklist/default/#/?task=" + task.getId());
        try {
            new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.and(
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task]"), name),
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container input"))));
        } catch (TimeoutException e) {
            browser.screenshot("tasklist-failed-" + task.getTaskDefinitionKey());
            throw new AssertionError("Tasklist did not show " + name + "; page: " + browser.pageText(), e);
        }
    }

    /** The expert's own queue (帮办专家·待办), searched by the applicant's name as an expert would. */
    private void searchExpertQueue(HallBrowser browser, String applicant) {
        String filterId = filterService.createFilterQuery().filterName("帮办专家·待办").singleResult().getId();
        String search = "[{\"type\":\"processVariables\",\"operator\":\"eq\",\"value\":\"" + applicant + "\",\"name\":\"applicantName\"}]";
        browser.go("/camunda/app/tasklist/default/#/?filter=" + filterId + "&searchQuery="
                + URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20"));
        new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks]")));
    }

    private void claim(HallBrowser browser) {
        WebElement claim = new WebDriverWait(browser.driver(), WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task] button.claim")));
        assertThat(claim.getText()).isEqualTo("认领");
        claim.click();
        new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[cam-tasklist-task] button[ng-click='complete()']")));
    }

    private void complete(HallBrowser browser) {
        for (WebElement notice : browser.driver().findElements(By.cssSelector(".page-notifications .close"))) {
            if (notice.isDisplayed()) {
                notice.click(); // the earlier error notice would cover the button
            }
        }
        WebElement complete = inView(browser, browser.driver().findElement(By.cssSelector("[cam-tasklist-task] button[ng-click='complete()']")));
        assertThat(complete.getText()).isEqualTo("完成");
        complete.click();
    }

    private void waitUntilDone(HallBrowser browser, Task task) {
        try {
            new WebDriverWait(browser.driver(), WAIT).until(driver ->
                    taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        } catch (TimeoutException e) {
            browser.screenshot("tasklist-not-completed-" + task.getTaskDefinitionKey());
            throw new AssertionError(task.getName() + " was not completed; page: " + browser.pageText(), e);
        }
    }

    private static WebElement field(HallBrowser browser, String key) {
        return inView(browser, browser.driver().findElement(By.cssSelector(".fjs-container [id$='-Field_" + key + "']")));
    }

    /** Scrolled to the middle of the window, clear of Tasklist's fixed footer, as a person would scroll. */
    private static WebElement inView(HallBrowser browser, WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    private static String fieldValue(HallBrowser browser, String key) {
        return field(browser, key).getDomProperty("value");
    }

    private static boolean readOnly(HallBrowser browser, String key) {
        WebElement field = field(browser, key);
        return field.getDomAttribute("readonly") != null || field.getDomAttribute("disabled") != null;
    }

    private static void type(HallBrowser browser, String key, String text) {
        WebElement field = field(browser, key);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    private static void choose(HallBrowser browser, String key, String label) {
        inView(browser, browser.driver().findElement(By.cssSelector(".fjs-container [id$='-Field_" + key + "-display']"))).click();
        new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + label + "']"))).click();
    }

    private static String dueDateTooltip(HallBrowser browser) {
        return browser.driver().findElement(By.cssSelector("[cam-tasklist-task] .due-date span[am-time-ago]")).getDomAttribute("uib-tooltip");
    }

    /** Chinese labels everywhere, our notice line instead of Camunda's English banner. */
    private static void assertHallLanguageAndLook(HallBrowser browser) {
        String text = browser.pageText();
        assertThat(text).contains("人社一件事联办平台", "任务列表", "表单", "历史", "流程图");
        assertThat(browser.driver().getPageSource()).contains("到期日", "跟进日期");
        assertThat(text).doesNotContain("Camunda 8", "migrate", "Claim", "Complete", "Due date");
        assertThat(browser.driver().findElement(By.cssSelector(".ce-eol-banner")).getText()).contains("一窗受理").contains("English");
    }
}
