package cn.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A coordinator opens /sla in a real Chromium and sees a breached task, in Chinese. */
@HallIntegrationTest
class SlaMonitorPageTest {

    @LocalServerPort
    int port;
    @Autowired
    cn.yijianshi.sla.SlaSweep slaSweep;
    @Autowired
    CaseIntake intake;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;

    @Test
    void theCoordinatorSeesTheBreachedTaskOnTheMonitor() {
        String caseId;
        try {
            ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-11-02T09:30").atZone(TestCalendars.HALL).toInstant()));
            caseId = intake.accept(json.convertValue(TestCitizens.retirementIntake("超时演示", TestCitizens.RETIRING_MAN),
                    CaseIntakeRequest.class), null, "window1").caseId();
            // The scheduled sweep reminds and escalates once the clock got past the warning point and the due date.
            ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-11-03T09:30").atZone(TestCalendars.HALL).toInstant()));
            slaSweep.sweep();
        } finally {
            ClockUtil.reset();
        }

        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.logIn("coord1", "coord1");
            browser.go("/sla");
            try {
                browser.waitForText(By.id("oldest"), "已超时", Duration.ofSeconds(20));
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.screenshot("sla-monitor-failed");
                throw new AssertionError("the monitor did not show a breached task; page: "
                        + browser.driver().findElement(By.tagName("body")).getText(), e);
            }
            String page = browser.driver().findElement(By.tagName("body")).getText();
            assertThat(page).contains("时限监控", "综合窗口", "审核材料", "已超时", "未认领");
            assertThat(browser.driver().findElement(By.cssSelector("#oldest a")).getAttribute("href"))
                    .contains("/camunda/app/tasklist/");
            browser.waitForText(By.id("notices"), caseId, Duration.ofSeconds(10));
            String escalation = browser.driver().findElements(By.cssSelector("#notices tbody tr")).stream()
                    .map(org.openqa.selenium.WebElement::getText).filter(row -> row.contains(caseId)).findFirst().orElseThrow();
            assertThat(escalation).contains("超时升级", "值班主任/协调员", "审核材料", "已超过承诺时限");
            browser.screenshot("sla-monitor");
        }
    }

    @Test
    void theCoordinatorNarrowsTheMonitorToAServicePointAndThePointsBelowIt() {
        var body = TestCitizens.retirementIntake("网点筛选", TestCitizens.RETIRING_MAN);
        body.put("servicePoint", java.util.Map.of("code", "BN-01", "name", "巴南区人力社保局"));
        String caseId = intake.accept(json.convertValue(body, CaseIntakeRequest.class), null, "window1").caseId();

        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.logIn("coord1", "coord1");
            browser.go("/sla");
            var driver = browser.driver();
            driver.findElement(By.id("point")).sendKeys("BN-01");
            driver.findElement(By.id("point-apply")).click();
            browser.waitForText(By.id("oldest"), caseId, Duration.ofSeconds(20));
            assertThat(driver.findElement(By.id("groups")).getText()).contains("综合窗口");

            driver.findElement(By.id("point")).clear();
            driver.findElement(By.id("point")).sendKeys("YZ-01");
            driver.findElement(By.id("point-apply")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> !d.findElement(By.id("oldest")).getText().contains(caseId));
            assertThat(driver.findElement(By.id("oldest")).getText()).doesNotContain(caseId);

            driver.findElement(By.id("point")).clear();
            driver.findElement(By.id("point")).sendKeys("NO-SUCH");
            driver.findElement(By.id("point-apply")).click();
            browser.waitForText(By.id("error"), "没有这个服务网点", Duration.ofSeconds(20));
        }
    }
}
