package cn.yijianshi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCitizens;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@HallIntegrationTest
class CaseIntakeApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;

    private ResponseEntity<Map<String, Object>> post(Object body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.withBasicAuth("window1", "window1")
                .exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    private long caseRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM hall_case", Long.class);
    }

    private long instances() {
        return runtimeService.createProcessInstanceQuery().count();
    }

    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;

    @Test
    void whenTheProcessCannotStartNothingOfTheCaseIsKept() {
        long rowsBefore = caseRows();
        long instancesBefore = instances();
        long timelineBefore = jdbc.queryForObject("SELECT COUNT(*) FROM case_timeline", Long.class);
        long materialsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM case_material", Long.class);
        long slaBefore = jdbc.queryForObject("SELECT COUNT(*) FROM sla_record", Long.class);
        repositoryService.suspendProcessDefinitionByKey("retirement-one-stop");
        try {
            ResponseEntity<Map<String, Object>> answer = post(TestCitizens.retirementIntake("启动失败", TestCitizens.RETIRING_MAN), null);
            assertThat(answer.getStatusCode().is2xxSuccessful()).as("the intake failed: " + answer.getStatusCode()).isFalse();
        } finally {
            repositoryService.activateProcessDefinitionByKey("retirement-one-stop");
        }
        assertThat(caseRows()).as("no case row").isEqualTo(rowsBefore);
        assertThat(instances()).isEqualTo(instancesBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_timeline", Long.class)).isEqualTo(timelineBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_material", Long.class)).isEqualTo(materialsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_record", Long.class)).isEqualTo(slaBefore);
    }

    @Test
    void windowClerkOpensACaseAndTheProcessWaitsForMaterialReview() {
        long rowsBefore = caseRows();
        ResponseEntity<Map<String, Object>> answer = post(TestCitizens.retirementIntake("张三", TestCitizens.RETIRING_MAN), null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = (String) answer.getBody().get("caseId");
        assertThat(caseId).matches("TX-\\d{8}-\\d{6}");
        assertThat(answer.getBody()).containsEntry("status", "ACCEPTED").containsKey("processInstanceId");
        assertThat(caseRows()).isEqualTo(rowsBefore + 1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isEqualTo(1);

        Map<String, Object> view = http.withBasicAuth("window1", "window1")
                .exchange("/api/cases/" + caseId, HttpMethod.GET, null, JSON).getBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> applicant = (Map<String, Object>) view.get("applicant");
        assertThat(applicant.get("idNumber")).isEqualTo("110101********" + TestCitizens.RETIRING_MAN.substring(14));
        assertThat(applicant.get("phone")).isEqualTo("138****8000");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) view.get("openSteps");
        assertThat(steps).singleElement().satisfies(step -> {
            assertThat(step.get("name")).isEqualTo("审核材料");
            assertThat(step.get("candidateGroups")).isEqualTo(List.of("window"));
            assertThat(step.get("assignee")).as("nobody has claimed it yet").isNull();
            assertThat(step.get("priority")).isEqualTo(50);
            java.time.OffsetDateTime created = java.time.OffsetDateTime.parse((String) step.get("created"));
            java.time.OffsetDateTime due = java.time.OffsetDateTime.parse((String) step.get("due"));
            assertThat((String) step.get("due")).endsWith("+08:00");
            assertThat(due).as("审核材料 is due within its working-hour limit").isAfter(created);
            assertThat(java.time.OffsetDateTime.parse((String) step.get("followUp"))).isAfter(created).isBefore(due);
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) view.get("timeline");
        assertThat(timeline).first().satisfies(event -> {
            assertThat(event.get("actor")).isEqualTo("window1");
            assertThat(event.get("event")).isEqualTo("ACCEPTED");
            assertThat((String) event.get("at")).endsWith("+08:00");
        });
    }

    static Stream<Arguments> badIntakes() {
        String badChecksum = TestCitizens.RETIRING_MAN.substring(0, 17) + (TestCitizens.RETIRING_MAN.endsWith("1") ? "2" : "1");
        return Stream.of(
                bad("a wrong ID checksum", "applicant.idNumber", b -> applicant(b).put("idNumber", badChecksum)),
                bad("a missing name", "applicant.name", b -> applicant(b).remove("name")),
                bad("an unknown matter", "matter", b -> b.put("matter", "MARRIAGE")),
                bad("an unknown channel", "channel", b -> b.put("channel", "FAX")),
                bad("a missing channel", "channel", b -> b.remove("channel")),
                bad("a proxy channel without a proxy", "proxy", b -> b.put("channel", "PROXY")),
                bad("a gender that contradicts the ID", "applicant.gender", b -> applicant(b).put("gender", "F")),
                bad("a bad phone number", "applicant.phone", b -> applicant(b).put("phone", "12345")),
                bad("an unknown material", "materials[1]", b -> b.put("materials", List.of("ID_CARD", "LOVE_LETTER"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> applicant(Map<String, Object> body) {
        return (Map<String, Object>) body.get("applicant");
    }

    private static Arguments bad(String what, String field, Consumer<Map<String, Object>> spoil) {
        Map<String, Object> body = TestCitizens.retirementIntake("李四", TestCitizens.RETIRING_MAN);
        spoil.accept(body);
        return Arguments.of(what, field, body);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @MethodSource("badIntakes")
    void badInputIsRefusedInChineseAndEnglishAndStoresNothing(String what, String field, Map<String, Object> body) {
        long rowsBefore = caseRows();
        long instancesBefore = instances();

        ResponseEntity<Map<String, Object>> answer = post(body, null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).containsEntry("field", field);
        assertThat((String) answer.getBody().get("message")).containsPattern("\\p{IsHan}");
        assertThat((String) answer.getBody().get("messageEn")).containsPattern("[a-z]{3,}");
        assertThat(caseRows()).isEqualTo(rowsBefore);
        assertThat(instances()).isEqualTo(instancesBefore);
    }

    /** Too large is 413 (the upload policy's JSON limit, 64 KB), no longer 400: issue 17. */
    @Test
    void anOversizedBodyIsRefused413InChineseAndEnglishAndStoresNothing() {
        Map<String, Object> body = TestCitizens.retirementIntake("李四", TestCitizens.RETIRING_MAN);
        body.put("padding", "x".repeat(70_000));
        long rowsBefore = caseRows();
        long instancesBefore = instances();

        ResponseEntity<Map<String, Object>> answer = post(body, null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(answer.getBody()).containsEntry("field", "body");
        assertThat((String) answer.getBody().get("message")).contains("过大", "64 KB");
        assertThat((String) answer.getBody().get("messageEn")).contains("too large", "64 KB");
        assertThat(caseRows()).isEqualTo(rowsBefore);
        assertThat(instances()).isEqualTo(instancesBefore);
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyReturnsTheSameCase() {
        Map<String, Object> body = TestCitizens.retirementIntake("王五", TestCitizens.RETIRING_MAN);
        long rowsBefore = caseRows();

        ResponseEntity<Map<String, Object>> first = post(body, "retry-key-0001");
        ResponseEntity<Map<String, Object>> second = post(body, "retry-key-0001");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().get("caseId")).isEqualTo(first.getBody().get("caseId"));
        assertThat(caseRows()).isEqualTo(rowsBefore + 1);
    }

    @Test
    void theSameIdempotencyKeyForADifferentApplicationIsRefused() {
        post(TestCitizens.retirementIntake("赵六", TestCitizens.RETIRING_MAN), "retry-key-0002");
        long rowsBefore = caseRows();
        Map<String, Object> other = TestCitizens.retirementIntake("钱七", TestCitizens.RETIRING_MAN);

        ResponseEntity<Map<String, Object>> answer = post(other, "retry-key-0002");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody()).containsEntry("field", "Idempotency-Key");
        assertThat(caseRows()).isEqualTo(rowsBefore);
    }

    @Test
    void proxyApplicationsCarryTheProxy() {
        Map<String, Object> body = TestCitizens.retirementIntake("孙八", TestCitizens.RETIRING_MAN);
        body.put("channel", "PROXY");
        body.put("proxy", new HashMap<>(Map.of("name", "孙小八", "idNumber", TestCitizens.WOMAN_1975, "relation", "女儿")));

        ResponseEntity<Map<String, Object>> answer = post(body, null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("SELECT proxy_relation FROM hall_case WHERE case_id = ?", String.class,
                answer.getBody().get("caseId"))).isEqualTo("女儿");
    }

    @Test
    void anUnknownCaseIsNotFound() {
        ResponseEntity<Map<String, Object>> answer = http.withBasicAuth("window1", "window1")
                .exchange("/api/cases/TX-19990101-000001", HttpMethod.GET, null, JSON);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody()).containsEntry("field", "caseId");
    }

    /** The hall's date in the ID tests below: 2026-11-24, whatever the real date is. */
    private static final String HALL_NOW = "2026-11-24T10:00";

    static Stream<Arguments> numbersThatAreNoRealIds() {
        return Stream.of(
                Arguments.of("born the day after the hall's today", "applicant.idNumber", "11010120261125001", "出生日期晚于今天"),
                Arguments.of("born in 2027", "applicant.idNumber", "11010120270115001", "出生日期晚于今天"),
                Arguments.of("born on 2099-12-31", "applicant.idNumber", "11010120991231001", "出生日期晚于今天"),
                Arguments.of("region 99", "applicant.idNumber", "99010119600307001", "省级行政区划代码"),
                Arguments.of("region 19", "applicant.idNumber", "19010119600307001", "省级行政区划代码"),
                Arguments.of("region 56", "applicant.idNumber", "56010119600307001", "省级行政区划代码"),
                Arguments.of("region 10", "applicant.idNumber", "10010119600307001", "省级行政区划代码"),
                Arguments.of("born on 30 February", "applicant.idNumber", "11010119600230001", "不是存在的出生日期"),
                Arguments.of("a foreigner's card from no province", "applicant.idNumber", "90084019600307001", "签发地"),
                Arguments.of("a residence permit without 0000", "applicant.idNumber", "81010119600307001", "810000"),
                Arguments.of("a proxy born in the future", "proxy.idNumber", "11010520270101002", "出生日期晚于今天"),
                Arguments.of("a proxy from region 56", "proxy.idNumber", "56010519750615002", "省级行政区划代码"));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @MethodSource("numbersThatAreNoRealIds")
    void anIdNumberWithAValidCheckCharacterButNoRealPersonBehindItIsRefused(String what, String field, String first17,
                                                                          String why) {
        Map<String, Object> body = TestCitizens.retirementIntake("周九", TestCitizens.RETIRING_MAN);
        String number = ResidentIdNumber.withCheckCharacter(first17);
        if (field.startsWith("proxy")) {
            body.put("channel", "PROXY");
            body.put("proxy", new HashMap<>(Map.of("name", "周小九", "idNumber", number, "relation", "女儿")));
        } else {
            applicant(body).put("idNumber", number);
        }
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(cn.yijianshi.TestCalendars.hall(HALL_NOW)));
        try {
            long rowsBefore = caseRows();
            long instancesBefore = instances();

            ResponseEntity<Map<String, Object>> answer = post(body, null);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody()).containsEntry("field", field);
            assertThat((String) answer.getBody().get("message")).contains(why);
            assertThat((String) answer.getBody().get("messageEn")).containsPattern("[a-z]{3,}");
            assertThat(answer.getBody().toString()).as("the number is not repeated").doesNotContain(first17);
            assertThat(caseRows()).isEqualTo(rowsBefore);
            assertThat(instances()).isEqualTo(instancesBefore);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "a resident of Hong Kong with a residence permit, 81000019600307001",
            "a resident of Taiwan with a residence permit, 83000019600307001",
            "a foreigner with a 2023 permanent resident card issued in Shanghai, 93184019600307001"})
    void residencePermitsAndForeignersPermanentResidentCardsAreAccepted(String who, String first17) {
        String number = ResidentIdNumber.withCheckCharacter(first17);
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(cn.yijianshi.TestCalendars.hall(HALL_NOW)));
        try {
            ResponseEntity<Map<String, Object>> answer = post(TestCitizens.retirementIntake("Anna Müller", number), null);

            assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
            assertThat(jdbc.queryForObject("SELECT applicant_id_number FROM hall_case WHERE case_id = ?", String.class,
                    answer.getBody().get("caseId"))).isEqualTo(number);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @ParameterizedTest(name = "Idempotency-Key [{0}] is refused")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "short", "has a space inside", "key/with/slashes",
            "semi;colon-key", "quote\"key\"-long", "0123456789012345678901234567890123456789012345678901234567890123456789"
            + "01234567890123456789012345678901"})
    void aMalformedIdempotencyKeyIsRefusedNamingTheHeader(String key) {
        long rowsBefore = caseRows();

        ResponseEntity<Map<String, Object>> answer = post(TestCitizens.retirementIntake("吴十", TestCitizens.RETIRING_MAN), key);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).containsEntry("field", "Idempotency-Key");
        assertThat((String) answer.getBody().get("message")).contains("幂等键");
        assertThat((String) answer.getBody().get("messageEn")).containsPattern("[a-z]{3,}");
        assertThat(caseRows()).isEqualTo(rowsBefore);
    }

    @Test
    void aUuidIsAWellFormedIdempotencyKey() {
        String key = java.util.UUID.nameUUIDFromBytes("window3-0042".getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        ResponseEntity<Map<String, Object>> answer = post(TestCitizens.retirementIntake("郑十一", TestCitizens.RETIRING_MAN), key);
        assertThat(answer.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.OK);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hall_case WHERE idempotency_key = ?", Long.class, key)).isEqualTo(1);
    }

    static Stream<Arguments> fieldsNobodyAskedFor() {
        return Stream.of(
                bad("isAdmin at the top", "isAdmin", b -> b.put("isAdmin", true)),
                bad("isAdmin inside the applicant", "applicant.isAdmin", b -> applicant(b).put("isAdmin", true)),
                bad("a misspelt field", "priorty", b -> b.put("priorty", "URGENT")));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @MethodSource("fieldsNobodyAskedFor")
    void aFieldTheApiDoesNotKnowIsRefusedNotIgnored(String what, String field, Map<String, Object> body) {
        long rowsBefore = caseRows();

        ResponseEntity<Map<String, Object>> answer = post(body, null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).containsEntry("field", field);
        String lastName = field.substring(field.lastIndexOf('.') + 1);
        assertThat((String) answer.getBody().get("message")).contains("不接受字段 " + lastName);
        assertThat((String) answer.getBody().get("messageEn")).contains("unknown field " + lastName);
        assertThat(caseRows()).isEqualTo(rowsBefore);
    }
}
