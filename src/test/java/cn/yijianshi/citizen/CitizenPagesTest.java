package cn.yijianshi.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import cn.yijianshi.intake.CaseMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The citizen's own pages, without a login, in Chromium: progress by case id and ID digits, rating by one-time link. */
@HallIntegrationTest
class CitizenPagesTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseMapper cases;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    RatingLinks ratingLinks;

    @AfterEach
    void forgetFailedTries() {
        ClockUtil.reset();
        transactions.executeWithoutResult(s -> jdbc.update("DELETE FROM progress_attempt"));
    }

    @Test
    void aCitizenSeesTheProgressWithTheRightDigitsOnlyAndIsSlowedDownAfterFiveWrongTries() {
        String caseId = accept("冯秀英");
        String last6 = TestCitizens.RETIRING_MAN.substring(12);
        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.go("/progress");
            browser.driver().findElement(By.id("caseId")).sendKeys(caseId);
            browser.driver().findElement(By.id("idNumberLast6")).sendKeys("000000");
            browser.driver().findElement(By.id("check")).click();
            browser.waitForText(By.id("error"), "办件编号或证件号码后6位不正确", Duration.ofSeconds(20));

            browser.driver().findElement(By.id("idNumberLast6")).clear();
            browser.driver().findElement(By.id("idNumberLast6")).sendKeys(last6);
            browser.driver().findElement(By.id("check")).click();
            browser.waitForText(By.id("progress"), "退休一件事", Duration.ofSeconds(20));
            String page = browser.pageText();
            assertThat(page).contains(caseId, "已受理", "承诺办结", "审核材料", "办理中").doesNotContain("window1", "李敏");
            browser.screenshot("citizen-progress");
        }
        // An unknown case and wrong digits answer alike.
        ResponseEntity<Map<String, Object>> unknown = progress("TX-20000101-999999", last6);
        ResponseEntity<Map<String, Object>> wrong = progress(caseId, "12345X");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("message")).isEqualTo(wrong.getBody().get("message"));

        // Within one minute: the 6th failure's turn is refused, even with the right digits; a minute later it is not.
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-24T10:00")));
        transactions.executeWithoutResult(s -> jdbc.update("DELETE FROM progress_attempt"));
        for (int i = 0; i < 5; i++) {
            // Case ids no test makes (other tests of the shared context accept cases of this citizen on 2026-11-24).
            assertThat(progress("TX-20000101-99999" + i, last6).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        ResponseEntity<Map<String, Object>> slowed = progress(caseId, last6);
        assertThat(slowed.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat((String) slowed.getBody().get("message")).contains("查询过于频繁");
        // The same in the page, from the browser's own address (which may be ::1 rather than 127.0.0.1).
        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.go("/progress");
            browser.driver().findElement(By.id("caseId")).sendKeys(caseId);
            for (int i = 0; i < 6; i++) {
                browser.driver().findElement(By.id("idNumberLast6")).clear();
                browser.driver().findElement(By.id("idNumberLast6")).sendKeys(i < 5 ? "00000" + i : last6);
                browser.driver().findElement(By.id("check")).click();
                browser.waitForText(By.id("error"), i < 5 ? "不正确" : "查询过于频繁，请 1 分钟后再试", Duration.ofSeconds(20));
                ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "var e = document.getElementById('error'); e.textContent = ''; e.hidden = true;");
            }
        }
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-24T10:01:01")));
        assertThat(progress(caseId, last6).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void afterTenFailedChecksOnOneCaseInADayItsProgressNeedsACodeSentToThePhoneOnFile() {
        String caseId = accept("韩梅");
        String last6 = TestCitizens.RETIRING_MAN.substring(12);
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-24T15:00")));
        // Ten strangers' guesses today, from other addresses (each below the per-address limit).
        for (int i = 0; i < 10; i++) {
            java.sql.Timestamp at = java.sql.Timestamp.from(TestCalendars.hall("2026-11-24T09:00").plusSeconds(60L * i));
            String address = "203.0.113." + i;
            transactions.executeWithoutResult(s -> jdbc.update(
                    "INSERT INTO progress_attempt (client_address, case_id, attempted_at) VALUES (?, ?, ?)", address, caseId, at));
        }
        assertThat(progress(caseId, "999999").getStatusCode()).as("wrong digits still answer 404, no code sent")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(codesSent(caseId)).isEmpty();

        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.go("/progress");
            browser.driver().findElement(By.id("caseId")).sendKeys(caseId);
            browser.driver().findElement(By.id("idNumberLast6")).sendKeys(last6);
            browser.driver().findElement(By.id("check")).click();
            browser.waitForText(By.id("error"), "验证码已发送至申请时登记的手机（尾号8000）", Duration.ofSeconds(20));
            assertThat(browser.driver().findElement(By.id("code")).isDisplayed()).isTrue();
            assertThat(codesSent(caseId)).hasSize(1);
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("验证码 (\\d{6})").matcher(codesSent(caseId).get(0));
            assertThat(code.find()).isTrue();
            browser.driver().findElement(By.id("code")).sendKeys(code.group(1));
            browser.driver().findElement(By.id("check")).click();
            browser.waitForText(By.id("progress"), "退休一件事", Duration.ofSeconds(20));
        }
        // The code works once.
        ResponseEntity<Map<String, Object>> again = http.exchange("/api/public/progress", HttpMethod.POST,
                new HttpEntity<>(Map.of("caseId", caseId, "idNumberLast6", last6, "code", "000000")), JSON);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getBody()).containsEntry("field", "code");
        // The next hall day the digits are enough again.
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-25T09:00")));
        assertThat(progress(caseId, last6).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private java.util.List<String> codesSent(String caseId) {
        return jdbc.queryForList("SELECT message FROM notification_outbox WHERE case_id = ? AND kind = 'PROGRESS_CODE' ORDER BY id",
                String.class, caseId);
    }

    @Test
    void theCitizenRatesOnceThroughTheLinkAndStaffCannotPostAScore() {
        String caseId = accept("卫国平");
        transactions.executeWithoutResult(s -> jdbc.update("UPDATE hall_case SET status = 'COMPLETED' WHERE case_id = ?", caseId));
        assertThat(http.withBasicAuth("window1", "window1").exchange("/api/cases/" + caseId + "/rating", HttpMethod.POST,
                new HttpEntity<>(Map.of("score", 5)), JSON).getStatusCode().value()).isIn(404, 405);
        String link = ratingLinks.issue(caseId);
        assertThat(link).matches("http://localhost:8080/rate/[A-Za-z0-9_-]{32}");
        String path = link.substring(link.indexOf("/rate/"));

        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.go(path);
            browser.waitForText(By.id("what"), caseId, Duration.ofSeconds(20));
            browser.driver().findElement(By.cssSelector(".stars button[data-score='4']")).click();
            browser.driver().findElement(By.id("comment")).sendKeys("窗口很耐心");
            browser.screenshot("citizen-rating");
            browser.driver().findElement(By.id("send")).click();
            browser.waitForText(By.id("thanks"), "感谢您的评价", Duration.ofSeconds(20));

            browser.go(path);
            browser.waitForText(By.id("error"), "该评价链接已使用", Duration.ofSeconds(20));
        }
        assertThat(cases.findByCaseId(caseId).getRatingScore()).isEqualTo(4);
        assertThat(cases.findByCaseId(caseId).getRatingComment()).isEqualTo("窗口很耐心");
        assertThat(http.exchange(path.replace("/rate/", "/api/public/ratings/"), HttpMethod.POST,
                new HttpEntity<>(Map.of("score", 1)), JSON).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(cases.findByCaseId(caseId).getRatingScore()).isEqualTo(4);
    }

    @Test
    void aLinkPastItsThirtyDaysIsRefused() {
        String caseId = accept("蒋丽");
        transactions.executeWithoutResult(s -> jdbc.update("UPDATE hall_case SET status = 'COMPLETED' WHERE case_id = ?", caseId));
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-10-01T10:00")));
        String link = ratingLinks.issue(caseId);
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-10-31T10:00")));
        ResponseEntity<Map<String, Object>> late = http.exchange(link.substring(link.indexOf("/rate/")).replace("/rate/", "/api/public/ratings/"),
                HttpMethod.POST, new HttpEntity<>(Map.of("score", 5)), JSON);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) late.getBody().get("message")).contains("已过期");
    }

    private String accept(String name) {
        return intake.accept(json.convertValue(TestCitizens.retirementIntake(name, TestCitizens.RETIRING_MAN),
                CaseIntakeRequest.class), null, "window1").caseId();
    }

    private ResponseEntity<Map<String, Object>> progress(String caseId, String last6) {
        return http.exchange("/api/public/progress", HttpMethod.POST,
                new HttpEntity<>(Map.of("caseId", caseId, "idNumberLast6", last6)), JSON);
    }
}
