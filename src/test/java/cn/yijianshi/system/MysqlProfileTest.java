package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import cn.yijianshi.TestCitizens;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The production profile against the real MariaDB: the context starts, Chinese text round-trips byte for byte. */
@MysqlTests
@ActiveProfiles("mysql")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // a database of its own: its times are written in UTC, the other MySQL-profile tests' in the hall's zone
        "spring.datasource.url=" + MysqlProfileTest.URL,
        "spring.datasource.username=root",
        "spring.datasource.password=",
        "camunda.bpm.process-engine-name=mysql",
        "camunda.bpm.job-execution.enabled=false",
        "yijianshi.outbox.relay-enabled=false",
        "yijianshi.sla.case-watch-enabled=false",
        "yijianshi.demo-users=true",
        // The mysql profile pins the JVM to the hall's zone; this test keeps surefire's UTC, a server far from the hall.
        "yijianshi.storage-zone=UTC"})
class MysqlProfileTest {

    static final String DATABASE = "${yijianshi.mysql-db:yijianshi_test}_utc";
    static final String URL = "jdbc:mysql://127.0.0.1:3306/" + DATABASE + "?characterEncoding=UTF-8&useUnicode=true"
            + "&sendFractionalSeconds=false&nullCatalogMeansCurrent=true&connectionCollation=utf8mb4_unicode_ci&useCursorFetch=true";

    /** Runs before the Spring context: the UTC database, made afresh (utf8mb4, as the README asks). */
    @org.junit.jupiter.api.BeforeAll
    static void aFreshDatabaseWrittenInUtc() throws java.sql.SQLException {
        String name = System.getProperty("yijianshi.mysql-db", "yijianshi_test") + "_utc";
        try (java.sql.Connection root = java.sql.DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/", "root", "");
             java.sql.Statement sql = root.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS `" + name + "`");
            sql.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void theApplicationRunsOnMariaDbWithCamundaAndFlywayTables() {
        String product = jdbc.queryForObject("SELECT VERSION()", String.class);
        assertThat(product).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                + "AND table_name IN ('ACT_RU_TASK', 'act_ru_task', 'hall_case')", Integer.class)).isGreaterThanOrEqualTo(2);
        assertThat(isolation()).isEqualTo("READ-COMMITTED");
    }

    /** MySQL 8 names it transaction_isolation, MariaDB 10.11 tx_isolation. */
    private String isolation() {
        try {
            return jdbc.queryForObject("SELECT @@SESSION.transaction_isolation", String.class);
        } catch (org.springframework.dao.DataAccessException mariaDb) {
            return jdbc.queryForObject("SELECT @@SESSION.tx_isolation", String.class);
        }
    }

    @Test
    void aCaseWithChineseNamesRoundTripsByteForByte() {
        String name = "欧阳𠮷祥·买买提";
        Map<String, Object> body = TestCitizens.retirementIntake(name, TestCitizens.RETIRING_MAN);
        // the case records the registry's name of its point (a name typed at the window is not trusted): issue 18
        Map<String, Object> partnerPoint = Map.of("code", "XJ-TS-P01", "name", "乌鲁木齐市天山区社银合作点", "level", "PARTNER",
                "partnerKind", "BANK", "matters", java.util.List.of("RETIREMENT"));
        assertThat(http.withBasicAuth("demo", "demo").exchange("/api/service-points", HttpMethod.POST,
                new HttpEntity<>(partnerPoint), JSON).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        body.put("servicePoint", Map.of("code", "XJ-TS-P01"));

        var created = http.withBasicAuth("window1", "window1")
                .exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body), JSON);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = (String) created.getBody().get("caseId");

        byte[] stored = jdbc.queryForObject("SELECT applicant_name FROM hall_case WHERE case_id = ?",
                (rs, i) -> rs.getBytes(1), caseId);
        assertThat(stored).isEqualTo(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> view = http.withBasicAuth("window1", "window1")
                .exchange("/api/cases/" + caseId, HttpMethod.GET, null, JSON).getBody();
        assertThat(((Map<?, ?>) view.get("applicant")).get("name")).isEqualTo(name);
        assertThat(view.get("servicePointName")).isEqualTo("乌鲁木齐市天山区社银合作点");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isOne();
    }

    /** The JVM runs in UTC (surefire); 07:30 in Shanghai is 23:30 the day before there, yet the report says 06-02. */
    @Test
    void aCaseAcceptedAtHalfPastSevenCountsOnTheHallsDay() throws Exception {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2025-06-02T07:30").atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        try {
            var created = http.withBasicAuth("window1", "window1").exchange("/api/cases", HttpMethod.POST,
                    new HttpEntity<>(TestCitizens.retirementIntake("早班", TestCitizens.RETIRING_MAN)), JSON);
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        } finally {
            ClockUtil.reset();
        }
        byte[] xlsx = http.withBasicAuth("manager1", "manager1").exchange("/api/reports/case-volume.xlsx?from=2025-06-01&to=2025-06-02",
                HttpMethod.GET, null, byte[].class).getBody();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet daily = wb.getSheet("按日明细");
            assertThat(daily.getLastRowNum()).isGreaterThanOrEqualTo(1);
            for (int r = 1; r <= daily.getLastRowNum(); r++) {
                Row row = daily.getRow(r);
                assertThat(row.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse("2025-06-02"));
            }
        }
    }
}
