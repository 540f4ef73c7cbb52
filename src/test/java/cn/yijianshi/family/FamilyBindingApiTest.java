package cn.yijianshi.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.ResidentIdNumber;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** 亲情代办 (重庆): one person may act for up to four relatives, each with their consent; FAMILY needs a binding. */
@HallIntegrationTest
class FamilyBindingApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    /** The daughter who looks after her parents and grandparents. */
    private static final String AGENT = ResidentIdNumber.withCheckCharacter("50011319850312242");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void hallDay() {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-24T10:00")));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private static String relative(int i) {
        return ResidentIdNumber.withCheckCharacter("5001131950010" + (100 + i) + "1").substring(0, 17)
                .transform(ResidentIdNumber::withCheckCharacter);
    }

    private ResponseEntity<Map<String, Object>> bind(String holder, String agent, String relation) {
        Map<String, Object> body = Map.of("holderIdNumber", holder,
                "agent", Map.of("name", "陈小红", "idNumber", agent, "relation", relation), "consentDate", "2026-11-20");
        return http.withBasicAuth("window1", "window1").exchange("/api/family-bindings", HttpMethod.POST,
                new HttpEntity<>(body), JSON);
    }

    private ResponseEntity<Map<String, Object>> applyAsFamily(String holder, String agent) {
        Map<String, Object> body = TestCitizens.retirementIntake("陈老汉", holder);
        body.put("channel", "FAMILY");
        body.put("proxy", new HashMap<>(Map.of("name", "陈小红", "idNumber", agent, "relation", "女儿")));
        return http.withBasicAuth("window1", "window1").exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body), JSON);
    }

    @Test
    void oneAgentActsForAtMostFourPeopleAndAFifthBindingIsRefused() {
        String agent = ResidentIdNumber.withCheckCharacter("50011319870405242");
        for (int i = 0; i < 4; i++) {
            assertThat(bind(relative(i), agent, "女儿").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }

        ResponseEntity<Map<String, Object>> fifth = bind(relative(4), agent, "孙女");

        assertThat(fifth.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fifth.getBody()).containsEntry("field", "agent.idNumber");
        assertThat((String) fifth.getBody().get("message")).contains("最多绑定4人");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM family_binding WHERE agent_id_number = ?", Long.class, agent)).isEqualTo(4);

        // either side may end one; then there is room again, and the ended one stays in the holder's history
        List<Map<String, Object>> ofAgent = http.withBasicAuth("window1", "window1").exchange(
                "/api/family-bindings?agentIdNumber=" + agent, HttpMethod.GET, null, LIST).getBody();
        Object first = ofAgent.get(0).get("bindingId");
        assertThat(http.withBasicAuth("window1", "window1").exchange("/api/family-bindings/" + first + "?side=HOLDER",
                HttpMethod.DELETE, null, JSON).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(bind(relative(4), agent, "孙女").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        List<Map<String, Object>> history = http.withBasicAuth("window1", "window1").exchange(
                "/api/family-bindings?holderIdNumber=" + relative(0), HttpMethod.GET, null, LIST).getBody();
        assertThat(history).singleElement().satisfies(b -> {
            assertThat(b).containsEntry("inForce", false).containsEntry("endedSide", "HOLDER");
            assertThat((String) b.get("agentIdNumber")).contains("****");
        });
    }

    @Test
    void aFamilyApplicationWithoutABindingIsRefusedAndStoresNothing() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM hall_case", Long.class);
        String stranger = ResidentIdNumber.withCheckCharacter("50011319900101242");

        ResponseEntity<Map<String, Object>> answer = applyAsFamily(TestCitizens.RETIRING_MAN, stranger);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody()).containsEntry("field", "proxy");
        assertThat((String) answer.getBody().get("message")).contains("亲情代办绑定");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hall_case", Long.class)).isEqualTo(before);
    }

    @Test
    void aBoundAgentAppliesAndTheUseIsInTheHoldersHistory() {
        ResponseEntity<Map<String, Object>> bound = bind(TestCitizens.RETIRING_MAN, AGENT, "女儿");
        assertThat(bound.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(bound.getBody()).containsKey("bindingId").containsEntry("expiresOn", "2027-11-20");

        ResponseEntity<Map<String, Object>> answer = applyAsFamily(TestCitizens.RETIRING_MAN, AGENT);

        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
        String caseId = (String) answer.getBody().get("caseId");
        assertThat(jdbc.queryForObject("SELECT channel FROM hall_case WHERE case_id = ?", String.class, caseId)).isEqualTo("FAMILY");
        List<Map<String, Object>> history = http.withBasicAuth("window1", "window1").exchange(
                "/api/family-bindings?holderIdNumber=" + TestCitizens.RETIRING_MAN, HttpMethod.GET, null, LIST).getBody();
        assertThat(history).anySatisfy(b -> {
            assertThat(b).containsEntry("bindingId", bound.getBody().get("bindingId")).containsEntry("inForce", true);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> uses = (List<Map<String, Object>>) b.get("uses");
            assertThat(uses).extracting(u -> u.get("caseId")).contains(caseId);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_timeline WHERE case_id = ? AND event = 'FAMILY_AGENT'",
                Long.class, caseId)).isOne();
    }
}
