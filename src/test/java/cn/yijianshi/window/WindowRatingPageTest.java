package cn.yijianshi.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** 好差评 at the window: the clerk asks, the citizen taps on the 评价器 paired with her station, once. */
@HallIntegrationTest
class WindowRatingPageTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;
    @Autowired
    CaseIntake intake;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCitizenRatesTheWindowOnTheTabletFacingHimAndABadScoreOpensAnIssue() {
        String caseId = intake.accept(json.convertValue(TestCitizens.retirementIntake("许文", TestCitizens.RETIRING_MAN),
                CaseIntakeRequest.class), null, "window1").caseId();
        try (HallBrowser tablet = HallBrowser.open(port)) {
            tablet.logIn("window1", "window1");
            tablet.go("/rate/window");
            tablet.waitForText(By.id("waiting"), "欢迎您", Duration.ofSeconds(20));
            assertThat(http.withBasicAuth("window1", "window1").exchange("/api/window/rating-requests", HttpMethod.POST,
                    new HttpEntity<>(Map.of("caseId", caseId)), JSON).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            tablet.waitForText(By.id("what"), caseId, Duration.ofSeconds(20));
            tablet.driver().findElement(By.cssSelector(".stars button[data-score='2']")).click();
            tablet.driver().findElement(By.id("comment")).sendKeys("等了很久");
            tablet.screenshot("window-rating-tablet");
            tablet.driver().findElement(By.id("send")).click();
            tablet.waitForText(By.id("thanks"), "感谢您的评价", Duration.ofSeconds(20));
        }
        assertThat(jdbc.queryForObject("SELECT score FROM window_rating WHERE case_id = ?", Integer.class, caseId)).isEqualTo(2);
        Map<String, Object> issue = jdbc.queryForMap("SELECT source, description FROM issue WHERE case_id = ?", caseId);
        assertThat(issue).containsEntry("SOURCE", "BAD_RATING");
        assertThat((String) issue.get("DESCRIPTION")).contains("窗口服务差评（2 星）", "等了很久");
        // Once: the request is used up, and there is no other way for staff to put a score.
        assertThat(http.withBasicAuth("window1", "window1").exchange("/api/window/ratings", HttpMethod.POST,
                new HttpEntity<>(Map.of("caseId", caseId, "score", 5)), JSON).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject("SELECT score FROM window_rating WHERE case_id = ?", Integer.class, caseId)).isEqualTo(2);
    }

    @Test
    void theTabletPageIsTheWindowsOnly() {
        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.logIn("pension1", "pension1");
            browser.go("/rate/window");
            assertThat(browser.pageText()).contains("无权访问此页面");
        }
        assertThat(http.withBasicAuth("pension1", "pension1").exchange("/api/window/ratings", HttpMethod.POST,
                new HttpEntity<>(Map.of("caseId", "TX-20261130-000001", "score", 5)), JSON).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}
