package cn.yijianshi.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCitizens;
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

/** 帮办代办: the 授权委托书 the window received is recorded with the case, shown in the case view and printed on the receipt. */
@HallIntegrationTest
class ProxyAuthorizationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void theReceivedPowerOfAttorneyIsRecordedShownAndPrinted() {
        Map<String, Object> body = TestCitizens.retirementIntake("王桂兰", TestCitizens.WOMAN_1975);
        body.put("channel", "PROXY");
        body.put("proxy", new HashMap<>(Map.of("name", "王强", "idNumber", TestCitizens.RETIRING_MAN, "relation", "儿子",
                "authorization", true)));
        ((Map<String, Object>) body.get("retirement")).put("originalAge", 50);
        ResponseEntity<Map<String, Object>> opened = http.withBasicAuth("window1", "window1")
                .exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body), JSON);
        assertThat(opened.getStatusCode()).as(String.valueOf(opened.getBody())).isEqualTo(HttpStatus.CREATED);
        String caseId = (String) opened.getBody().get("caseId");

        Map<String, Object> view = http.withBasicAuth("window1", "window1")
                .exchange("/api/cases/" + caseId, HttpMethod.GET, null, JSON).getBody();
        Map<String, Object> proxy = (Map<String, Object>) view.get("proxy");
        assertThat(proxy).containsEntry("name", "王强").containsEntry("relation", "儿子").containsEntry("authorization", true);
        assertThat((String) proxy.get("idNumber")).contains("*").isNotEqualTo(TestCitizens.RETIRING_MAN);
        assertThat(view.get("timeline").toString()).contains("代办人王强（儿子），已收授权委托书");

        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.logIn("window1", "window1");
            browser.go("/cases/" + caseId + "/print/receipt");
            browser.waitForText(By.id("paper"), "受理回执", Duration.ofSeconds(20));
            assertThat(browser.driver().findElement(By.id("paper")).getText()).contains("代办人", "王强（儿子", "已收授权委托书")
                    .doesNotContain(TestCitizens.RETIRING_MAN);
        }
    }
}
