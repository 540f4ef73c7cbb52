package cn.yijianshi.retirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

@HallIntegrationTest
class StatutoryAgeApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;

    private org.springframework.http.ResponseEntity<Map<String, Object>> ask(String query) {
        return http.withBasicAuth("window1", "window1").exchange("/api/retirement/statutory-age?" + query,
                HttpMethod.GET, null, JSON);
    }

    @Test
    void theWindowLooksUpAManBornInMay1965() {
        var answer = ask("gender=M&originalAge=60&birthDate=1965-05-20");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("ageYears", 60).containsEntry("ageMonths", 2)
                .containsEntry("retirementMonth", "2025-07").containsEntry("minContributionMonths", 180);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({"gender=X&originalAge=60&birthDate=1965-05-20, gender",
            "gender=M&originalAge=55&birthDate=1965-05-20, originalAge",
            "gender=F&originalAge=abc&birthDate=1965-05-20, originalAge",
            "gender=F&originalAge=50&birthDate=1965-13-01, birthDate",
            "gender=F&originalAge=50, birthDate",
            "gender=F&originalAge=50&birthDate=1899-12-31, birthDate",
            "gender=F&originalAge=50&birthDate=2099-01-01, birthDate"})
    void badParametersAreRefused(String query, String field) {
        var answer = ask(query);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).containsEntry("field", field);
    }
}
