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
    CaseIntake intake;
    @Autowired
    ObjectMapper json;

    @Test
    void theCoordinatorSeesTheBreachedTaskOnTheMonitor() {
        try {
            ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-11-02T09:30").atZone(TestCalendars.HALL).toInstant()));
            intake.accept(json.convertValue(TestCitizens.retirementIntake("超时演示", TestCitizens.RETIRING_MAN),
                    CaseIntakeRequest.class), null, "window1");
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
            browser.screenshot("sla-monitor");
        }
    }
}
