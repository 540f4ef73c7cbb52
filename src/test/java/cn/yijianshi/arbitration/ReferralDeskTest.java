package cn.yijianshi.arbitration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 仲裁转介台账 /referrals: the liaison records the commission's receipt and acceptance in a real Chromium, offered only
 * the events allowed next and no date after today; coordinators read the desk and record nothing; others are refused.
 */
@HallIntegrationTest
class ReferralDeskTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    /** A window referral the liaison has prepared: submitted to the commission on {@code day}. */
    private String submittedOn(String day, String name) {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall(day + "T09:30")));
        Map<String, Object> body = new HashMap<>();
        body.put("applicant", Map.of("name", name, "idNumber", TestCitizens.WOMAN_1975, "phone", "13900139000"));
        body.put("employer", Map.of("name", "某某物流有限公司"));
        body.put("claims", List.of(Map.of("type", "UNPAID_WAGES", "amount", 8000)));
        body.put("disputeDate", "2026-08-03");
        body.put("mediation", false);
        String referralId = (String) http.withBasicAuth("liaison1", "liaison1").exchange("/api/arbitration-referrals",
                HttpMethod.POST, new HttpEntity<>(body), JSON).getBody().get("referralId");
        Task prepare = taskService.createTaskQuery().processInstanceBusinessKey(referralId)
                .taskDefinitionKey("Task_PrepareApplication").singleResult();
        identityService.setAuthentication("liaison1", List.of("arbitration-liaison"));
        taskService.claim(prepare.getId(), "liaison1");
        taskService.complete(prepare.getId());
        identityService.clearAuthentication();
        return referralId;
    }

    @Test
    void theLiaisonRecordsReceiptAndAcceptanceFromTheDesk() {
        String referralId = submittedOn("2026-09-21", "钱女士");
        // three days later: the acceptance deadline (5 working days after 09-21, 中秋 09-25 off: 09-29) is two working days away
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-09-24T10:00")));
        String row = "#referrals tr[data-referral='" + referralId + "']";

        try (HallBrowser browser = HallBrowser.open(port)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            browser.logIn("liaison1", "liaison1");
            browser.go("/referrals");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row)));
            WebElement line = driver.findElement(By.cssSelector(row));
            assertThat(line.getText()).contains("钱女士", "已提交待受理", "受理期限 2026-09-29");
            assertThat(line.getAttribute("class")).as("red within two working days").contains("due-soon");

            line.findElement(By.tagName("a")).click();
            browser.waitForText(By.id("referral-id"), referralId, Duration.ofSeconds(20));
            assertThat(new Select(driver.findElement(By.id("event-type"))).getOptions()).extracting(WebElement::getText)
                    .containsExactly("仲裁委收件", "受理", "不予受理", "撤回申请");
            assertThat(driver.findElement(By.id("event-date")).getAttribute("max")).isEqualTo("2026-09-24");
            assertThat(driver.findElement(By.id("sent")).getText()).contains("已提交劳动人事争议仲裁院", "139****9000");

            // a date after today is refused on the page, and nothing is recorded
            new Select(driver.findElement(By.id("event-type"))).selectByVisibleText("仲裁委收件");
            setDate(driver, "2026-09-25");
            driver.findElement(By.id("event-record")).click();
            browser.waitForText(By.id("error"), "晚于今天", Duration.ofSeconds(10));

            setDate(driver, "2026-09-22");
            driver.findElement(By.id("event-note")).sendKeys("仲裁委收件回执");
            driver.findElement(By.id("event-record")).click();
            browser.waitForText(By.id("event-done"), "已登记：仲裁委收件（2026-09-22）", Duration.ofSeconds(20));
            browser.waitForText(By.id("events"), "仲裁委收件回执", Duration.ofSeconds(20));
            browser.waitForText(By.id("referral-deadline"), "受理期限：2026-09-30", Duration.ofSeconds(20));

            new Select(driver.findElement(By.id("event-type"))).selectByVisibleText("受理");
            setDate(driver, "2026-09-24");
            driver.findElement(By.id("event-record")).click();
            browser.waitForText(By.id("referral-status"), "已受理", Duration.ofSeconds(20));
            browser.waitForText(By.id("referral-deadline"), "裁决期限", Duration.ofSeconds(20));
            assertThat(new Select(driver.findElement(By.id("event-type"))).getOptions()).extracting(WebElement::getText)
                    .containsExactly("延期审理", "调解成功", "作出裁决", "撤回申请");
            browser.waitForText(By.id("sent"), "2026-09-24 受理您的仲裁申请", Duration.ofSeconds(20));
            browser.screenshot("referrals-desk");
        }
        assertThat(jdbc.queryForObject("SELECT status FROM arbitration_referral WHERE referral_id = ?", String.class, referralId))
                .isEqualTo("ACCEPTED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM arbitration_event WHERE referral_id = ? AND event_date = DATE '2026-09-25'",
                Integer.class, referralId)).as("the refused future date").isZero();
    }

    private static void setDate(WebDriver driver, String date) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("event-date")), date);
    }

    @Test
    void coordinatorsReadTheDeskAndRecordNothingOthersAreRefused() {
        String referralId = submittedOn("2026-09-23", "孙先生");
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-09-23T15:00")));

        var lines = http.withBasicAuth("coord1", "coord1").exchange("/api/arbitration-referrals?state=SUBMITTED",
                HttpMethod.GET, null, LIST);
        assertThat(lines.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lines.getBody()).anySatisfy(l -> assertThat(l.get("referralId")).isEqualTo(referralId))
                .allSatisfy(l -> assertThat(l.get("status")).isEqualTo("SUBMITTED"));
        var desk = http.withBasicAuth("coord1", "coord1").exchange("/api/arbitration-referrals/" + referralId + "/desk",
                HttpMethod.GET, null, JSON).getBody();
        assertThat(desk).containsEntry("mayRecord", false).containsEntry("today", "2026-09-23");
        assertThat((List<?>) desk.get("allowedNext")).isEmpty();

        var recorded = http.withBasicAuth("coord1", "coord1").exchange("/api/arbitration-referrals/" + referralId + "/events",
                HttpMethod.POST, new HttpEntity<>(Map.of("type", "ACCEPTED", "date", "2026-09-23")), JSON);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("window1", "window1").getForEntity("/api/arbitration-referrals", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("coord1", "coord1").getForEntity("/api/arbitration-referrals?state=LATE", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        var future = http.withBasicAuth("liaison1", "liaison1").exchange("/api/arbitration-referrals/" + referralId + "/events",
                HttpMethod.POST, new HttpEntity<>(Map.of("type", "ACCEPTED", "date", "2026-09-24")), JSON);
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(future.getBody().get("message"))).startsWith("date").contains("晚于今天");
        assertThat(jdbc.queryForObject("SELECT status FROM arbitration_referral WHERE referral_id = ?", String.class, referralId))
                .isEqualTo("SUBMITTED");
    }
}
