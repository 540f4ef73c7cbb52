package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The coordinator's Cockpit and the administrator's Admin in Chinese, in a real headless Chromium set to
 * English; the notice line's link switches to English and back. Also what the apps load: config.js and
 * the labels, served by us.
 */
@HallIntegrationTest
class CockpitAndAdminInChineseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;

    @Test
    void theCoordinatorReadsCockpitInChineseAndMaySwitchToEnglish() {
        try (HallBrowser browser = HallBrowser.openAs(port, "en-US", "Europe/Berlin")) {
            logIn(browser, "cockpit", "coord1");
            WebDriverWait wait = new WebDriverWait(browser.driver(), WAIT);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "运行中的流程实例"));
            String dashboard = browser.pageText();
            assertThat(dashboard).contains("人社一件事联办平台 监控台", "流程", "决策", "未解决异常", "一窗受理")
                    .doesNotContain("Camunda 8", "Running Process Instances", "Processes");
            assertThat(browser.driver().getTitle()).startsWith("人社一件事联办平台 监控台");
            browser.screenshot("cockpit-01-dashboard");

            browser.go("/camunda/app/cockpit/default/#/processes");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "退休一件事"));
            assertThat(browser.pageText()).contains("流程定义", "疑难件专家帮办", "劳动争议仲裁转介");
            browser.screenshot("cockpit-02-processes");

            browser.driver().findElement(By.cssSelector(".ce-eol-banner a[data-hall-language=en]")).click();
            try {
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ce-eol-banner"), "One window"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-widget-header]"), "Processes"));
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.screenshot("cockpit-english-failed");
                throw new AssertionError("Cockpit did not switch to English; page: " + browser.pageText(), e);
            }
            assertThat(browser.driver().findElement(By.cssSelector(".ce-eol-banner")).getText())
                    .as("our notice line in English, not Camunda's banner").doesNotContain("Camunda 8");
            browser.screenshot("cockpit-03-english");

            browser.driver().findElement(By.cssSelector(".ce-eol-banner a[data-hall-language=zh]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-widget-header]"), "流程"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ce-eol-banner"), "一窗受理"));
        }
    }

    @Autowired
    cn.yijianshi.intake.CaseIntake intake;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;

    @Test
    void cockpitShowsWhenACaseStartedInTheHallsTimeWhateverTheComputersZone() {
        String caseId;
        try {
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                    java.time.LocalDateTime.parse("2026-11-02T09:30").atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
            caseId = intake.accept(json.convertValue(cn.yijianshi.TestCitizens.retirementIntake("监控台时区", cn.yijianshi.TestCitizens.RETIRING_MAN),
                    cn.yijianshi.intake.CaseIntakeRequest.class), null, "window1").caseId();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("retirement-one-stop")
                .latestVersion().singleResult().getId();
        try (HallBrowser browser = HallBrowser.openAs(port, "en-US", "Europe/Berlin")) {
            logIn(browser, "cockpit", "coord1");
            browser.go("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime?searchQuery="
                    + java.net.URLEncoder.encode("[{\"type\":\"PIbusinessKey\",\"operator\":\"eq\",\"value\":\"" + caseId + "\"}]",
                    java.nio.charset.StandardCharsets.UTF_8));
            WebDriverWait wait = new WebDriverWait(browser.driver(), WAIT);
            try {
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), caseId));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "2026-11-02T09:30:00"));
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.screenshot("cockpit-zone-failed");
                throw new AssertionError("Cockpit did not show the start in Shanghai time; page: " + browser.pageText(), e);
            }
            assertThat(browser.pageText()).as("not Berlin's 02:30").doesNotContain("2026-11-02T02:30");
            browser.screenshot("cockpit-04-start-time-in-hall-zone");
        }
    }

    @Test
    void theAdministratorReadsAdminInChinese() {
        try (HallBrowser browser = HallBrowser.openAs(port, "en-US", "UTC")) {
            logIn(browser, "admin", "demo");
            browser.go("/camunda/app/admin/default/#/users");
            new WebDriverWait(browser.driver(), WAIT)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "王建国"));
            assertThat(browser.pageText()).contains("人社一件事联办平台 管理后台", "用户", "用户组", "授权")
                    .doesNotContain("Camunda 8", "Authorizations");
            browser.screenshot("admin-01-users");
        }
    }

    @Test
    void theAppsLoadOurConfigurationAndBothLanguages() {
        ResponseEntity<String> config = http.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class);
        assertThat(config.getBody()).contains("\"fallbackLocale\" : \"zh\"", "\"zone\" : \"Asia/Shanghai\"", "认领当前选中的任务",
                "../hall/form-messages");
        for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
            String chinese = http.getForObject("/camunda/app/" + app + "/locales/zh.json", String.class);
            String english = http.getForObject("/camunda/app/" + app + "/locales/en.json", String.class);
            assertThat(chinese).as(app).contains("一窗受理", "Asia/Shanghai").doesNotContain("migrate to Camunda 8");
            assertThat(english).as(app).contains("One window").doesNotContain("migrate to Camunda 8");
        }
        assertThat(http.getForEntity("/camunda/app/nothing/locales/zh.json", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/camunda/app/tasklist/locales/fr.json", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static void logIn(HallBrowser browser, String app, String user) {
        browser.go("/camunda/app/" + app + "/");
        WebDriverWait wait = new WebDriverWait(browser.driver(), WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys(user);
        browser.driver().findElement(By.cssSelector("input[ng-model=password]")).sendKeys(user);
        browser.driver().findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
    }
}
