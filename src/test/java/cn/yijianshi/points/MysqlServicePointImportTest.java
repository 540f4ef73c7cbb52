package cn.yijianshi.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.yijianshi.system.MysqlHallTest;
import org.junit.jupiter.api.Test;
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

/**
 * 20,000 points imported on MariaDB through the API, then the nearest of them. The time it took is printed for the
 * README, never asserted (speed goals live in the bench).
 */
@MysqlHallTest
class MysqlServicePointImportTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    /** 20,000 points in 重庆's proportions. */
    private static final int[] TWENTY_THOUSAND = {6, 258, 1761, 14405, 3570};

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twentyThousandPointsComeInFromOneWorkbookAndTheNearestAreFound() throws Exception {
        // Codes of their own for this run (the scratch database may keep an earlier run's points): random, not the clock.
        String prefix = "M" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";
        byte[] workbook = RegistrySheets.network(prefix, TWENTY_THOUSAND);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

        long start = System.nanoTime();
        ResponseEntity<Map<String, Object>> answer = http.withBasicAuth("demo", "demo").exchange(
                "/api/admin/service-points/import", HttpMethod.POST, new HttpEntity<>(workbook, headers), JSON);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[registry] MariaDB: imported 20,000 points (%d KB workbook) in %d ms%n", workbook.length / 1024, millis);

        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("imported", 20_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM service_point WHERE code LIKE ?", Long.class, prefix + "%"))
                .isEqualTo(20_000L);

        // a second sheet in the same JVM: POI's classes loaded and compiled (the first import pays for that)
        byte[] secondSheet = RegistrySheets.network(prefix.replace("-", "W-"), TWENTY_THOUSAND);
        long again = System.nanoTime();
        ResponseEntity<Map<String, Object>> warm = http.withBasicAuth("demo", "demo").exchange(
                "/api/admin/service-points/import", HttpMethod.POST, new HttpEntity<>(secondSheet, headers), JSON);
        System.out.printf("[registry] MariaDB: imported 20,000 more points (warm) in %d ms%n", (System.nanoTime() - again) / 1_000_000);
        assertThat(warm.getBody()).containsEntry("imported", 20_000);

        List<Map<String, Object>> nearest = http.withBasicAuth("window1", "window1").exchange(
                "/api/service-points?matter=RETIREMENT&near=29.5630,106.5516&limit=10", HttpMethod.GET, null, LIST).getBody();
        assertThat(nearest).hasSize(10);
        assertThat(nearest).extracting(p -> ((Number) p.get("distanceMeters")).longValue()).isSorted();
    }
}
