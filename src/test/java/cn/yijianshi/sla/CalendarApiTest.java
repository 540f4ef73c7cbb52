package cn.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import java.util.Date;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
class CalendarApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    HallCalendar calendar;

    private ResponseEntity<Map<String, Object>> get(String path) {
        return http.withBasicAuth("window1", "window1").exchange(path, HttpMethod.GET, null, JSON);
    }

    @Test
    void theWindowCountsWorkingDaysAcrossTheSpringFestival() {
        assertThat(get("/api/calendar/add-working-days?from=2026-02-13&days=2").getBody()).containsEntry("date", "2026-02-24")
                .containsEntry("provisional", false);
        assertThat(get("/api/calendar/day?date=2026-02-14").getBody()).containsEntry("workingDay", true).containsEntry("name", "春节");
        assertThat(get("/api/calendar/day?date=2026-02-17").getBody()).containsEntry("workingDay", false).containsEntry("name", "春节");
        assertThat(get("/api/calendar/day?date=2026-11-24").getBody()).containsEntry("workingDay", true).containsEntry("name", null);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({"/api/calendar/add-working-days?from=2026-02-30&days=1, from",
            "/api/calendar/add-working-days?from=2026-02-13&days=-1, days",
            "/api/calendar/add-working-days?from=2026-02-13&days=two, days",
            "/api/calendar/day?date=tomorrow, date"})
    void badParametersAreRefused(String path, String field) {
        ResponseEntity<Map<String, Object>> answer = get(path);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).containsEntry("field", field);
    }

    @Test
    void theShippedYearsAreLoadedIntoTheSharedTable() {
        assertThat(jdbc.queryForList("SELECT cal_year FROM calendar_year ORDER BY cal_year", Integer.class))
                .containsExactly(2024, 2025, 2026);
        assertThat(calendar.current().coveredYears()).containsExactlyInAnyOrder(2024, 2025, 2026);
    }

    @Test
    void healthSaysWhichYearsHaveNoNotice() {
        try {
            // a fixed hall clock: November 2026, next year's notice not yet loaded
            ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-23T10:00")));
            @SuppressWarnings("rawtypes")
            ResponseEntity<Map> answer = http.getForEntity("/actuator/health", Map.class);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            Map<String, Object> details = calendarDetails(answer.getBody());
            // 2027 first; later years appear too when other tests of this context left open deadlines there
            // (they run in 2028-2035 to keep their data apart), never a year whose notice is loaded
            assertThat((List<?>) details.get("missingYears")).first().hasToString("2027");
            assertThat((List<?>) details.get("missingYears")).map(String::valueOf).doesNotContain("2024", "2025", "2026");
            assertThat((List<?>) details.get("provisionalYears")).first().hasToString("2027");
            assertThat((List<?>) details.get("provisionalYears")).map(String::valueOf).doesNotContain("2024", "2025", "2026");
            assertThat((String) details.get("warning")).contains("2027").contains("放假通知").contains("provisional");
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void healthWarnsOfAnOpenDeadlineInAYearWithoutNotice() {
        try {
            ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-03-02T10:00")));
            // a year no other test of this context reaches: without this deadline it is not provisional, with it it is
            assertThat((List<?>) calendarDetails(http.getForEntity("/actuator/health", Map.class).getBody()).get("provisionalYears"))
                    .map(String::valueOf).doesNotContain("2041");
            transactions.executeWithoutResult(status -> jdbc.update("INSERT INTO sla_record (kind, case_id, task_name, priority,"
                    + " limit_text, started_at, warn_at, due_at, state, paused_minutes) VALUES ('CASE', 'TX-HEALTH-2028', '办件总时限', 'NORMAL',"
                    + " '10个工作日', ?, ?, ?, 'ON_TRACK', 0)", java.sql.Timestamp.from(TestCalendars.hall("2026-03-02T10:00")),
                    java.sql.Timestamp.from(TestCalendars.hall("2041-01-03T10:00")), java.sql.Timestamp.from(TestCalendars.hall("2041-01-07T10:00"))));
            Map<String, Object> details = calendarDetails(http.getForEntity("/actuator/health", Map.class).getBody());
            assertThat((List<?>) details.get("provisionalYears")).map(String::valueOf).contains("2027", "2041")
                    .doesNotContain("2024", "2025", "2026");
        } finally {
            transactions.executeWithoutResult(status -> jdbc.update("DELETE FROM sla_record WHERE case_id = 'TX-HEALTH-2028'"));
            ClockUtil.reset();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> calendarDetails(Map<String, Object> health) {
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) health
                .get("components")).get("workingCalendar")).get("details");
    }

    @Test
    void answersThatRestOnAYearWithoutNoticeSaySo() {
        assertThat(get("/api/calendar/day?date=2027-01-01").getBody()).containsEntry("workingDay", false)
                .containsEntry("name", "元旦").containsEntry("provisional", true);
        assertThat(get("/api/calendar/day?date=2027-02-09").getBody()).containsEntry("workingDay", false)
                .containsEntry("name", "春节（补假）").containsEntry("provisional", true);
        assertThat(get("/api/calendar/day?date=2026-12-31").getBody()).containsEntry("provisional", false);
        assertThat(get("/api/calendar/add-working-days?from=2026-12-30&days=1").getBody())
                .containsEntry("date", "2026-12-31").containsEntry("provisional", false);
        assertThat(get("/api/calendar/add-working-days?from=2026-12-31&days=1").getBody())
                .containsEntry("date", "2027-01-04").containsEntry("provisional", true);
    }

    @Test
    void onlyAnAdministratorMayLoadANotice() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM calendar_day", Integer.class);
        ResponseEntity<String> answer = http.withBasicAuth("coord1", "coord1").exchange("/api/admin/calendar/notices",
                HttpMethod.POST, new HttpEntity<>(NOTICE_2027, headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_day", Integer.class)).isEqualTo(before);
    }

    @Test
    void aMalformedNoticeIsRefusedAndChangesNothing() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> answer = http.withBasicAuth("demo", "demo").exchange("/api/admin/calendar/notices",
                HttpMethod.POST, new HttpEntity<>("{\"year\":2027,\"days\":[{\"name\":\"春节\",\"date\":\"2027-02-30\",\"isOffDay\":true}]}", headers), JSON);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).containsEntry("field", "body");
        assertThat((String) answer.getBody().get("message")).contains("2027-02-30");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_day WHERE cal_year = 2027", Integer.class)).isZero();
    }

    @Test
    void anAdministratorLoadsNextYearsNoticeWithoutARestart() {
        try {
            loadAndUse2027();
        } finally {
            // The test database is shared by every test class: leave 2027 unloaded as we found it.
            cn.yijianshi.TestCalendars.forgetNotice(jdbc, transactions, calendar, 2027);
        }
    }

    private void loadAndUse2027() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> answer = http.withBasicAuth("demo", "demo").exchange("/api/admin/calendar/notices",
                HttpMethod.POST, new HttpEntity<>(NOTICE_2027, headers), JSON);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody()).containsEntry("year", 2027).containsEntry("days", 3);
        assertThat(get("/api/calendar/day?date=2027-01-01").getBody()).containsEntry("workingDay", false).containsEntry("name", "元旦")
                .containsEntry("provisional", false);
        assertThat(get("/api/calendar/day?date=2027-02-09").getBody()).as("the notice, not the law's 补假")
                .containsEntry("workingDay", true).containsEntry("provisional", false);
        assertThat(get("/api/calendar/day?date=2027-01-09").getBody()).as("a make-up Saturday").containsEntry("workingDay", true);
        assertThat(get("/api/calendar/years").getBody().get("coveredYears").toString()).contains("2027");
    }

    /** The query is sent as written (%2B is a plus sign): ISO's extended years parse, but are no date of the hall's. */
    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({"/api/calendar/add-working-days?from=%2B999999999-12-31&days=1, from",
            "/api/calendar/add-working-days?from=-999999999-01-01&days=1, from",
            "/api/calendar/add-working-days?from=1899-12-31&days=1, from",
            "/api/calendar/add-working-days?from=2201-01-01&days=1, from",
            "/api/calendar/day?date=%2B999999999-12-31, date"})
    void datesOutsideTheYears1900To2200AreRefusedInChineseAndEnglish(String path, String field) {
        ResponseEntity<Map<String, Object>> answer = http.withBasicAuth("window1", "window1")
                .exchange(java.net.URI.create(http.getRootUri() + path), HttpMethod.GET, null, JSON);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).containsEntry("field", field);
        assertThat((String) answer.getBody().get("message")).contains("1900", "2200");
        assertThat((String) answer.getBody().get("messageEn")).contains("1900", "2200");
    }

    @Test
    void theFirstAndLastDaysOfTheSaneRangeAreStillAnswered() {
        assertThat(get("/api/calendar/add-working-days?from=1900-01-01&days=0").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/api/calendar/add-working-days?from=2200-12-20&days=3").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** A made-up notice for 2027 (the real one was not out when this was written). */
    static final String NOTICE_2027 = """
            {"year": 2027, "papers": ["test"], "days": [
              {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
              {"name": "元旦", "date": "2027-01-02", "isOffDay": true},
              {"name": "元旦", "date": "2027-01-09", "isOffDay": false}]}
            """;
}
