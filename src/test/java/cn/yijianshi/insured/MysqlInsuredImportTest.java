package cn.yijianshi.insured;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import cn.yijianshi.intake.ResidentIdNumber;
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
import org.springframework.test.context.TestPropertySource;

/**
 * 参保人员名册 on MariaDB: 20,000 rows through the API (INSERT … ON DUPLICATE KEY UPDATE in batches), then the next
 * month's sheet of the same people with one row in ten changed and one bad row: replaced by ID number, not added.
 * The time is printed for the README, never asserted (the goal is the bench's).
 */
@MysqlHallTest
@TestPropertySource(properties = "yijianshi.outreach.scan-enabled=false")
class MysqlInsuredImportTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final int ROWS = 20_000;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twentyThousandPeopleAreUpsertedByIdNumber() {
        // A region and sequence of this run's own (the scratch database may keep an earlier run's people).
        int run = (int) (Math.abs(java.util.UUID.randomUUID().getMostSignificantBits()) % 41);
        String region = "510104";
        long start = System.nanoTime();
        ResponseEntity<Map<String, Object>> first = upload(sheet(region, run, 0, false));
        System.out.printf("[registry] MariaDB: imported %,d insured persons in %d ms%n", ROWS, (System.nanoTime() - start) / 1_000_000);
        assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).containsEntry("imported", ROWS).containsEntry("rejectedRows", 0);
        String firstId = id(region, run, 0);
        assertThat(jdbc.queryForObject("SELECT contribution_months FROM insured_person WHERE id_number = ?", Integer.class, firstId))
                .isEqualTo(0);
        long count = jdbc.queryForObject("SELECT COUNT(*) FROM insured_person", Long.class);

        long again = System.nanoTime();
        ResponseEntity<Map<String, Object>> second = upload(sheet(region, run, 12, true));
        System.out.printf("[registry] MariaDB: re-imported %,d (upsert) in %d ms%n", ROWS, (System.nanoTime() - again) / 1_000_000);
        assertThat(second.getBody()).containsEntry("imported", ROWS).containsEntry("rejectedRows", 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM insured_person", Long.class)).isEqualTo(count);
        assertThat(jdbc.queryForObject("SELECT contribution_months FROM insured_person WHERE id_number = ?", Integer.class, firstId))
                .isEqualTo(12);
        assertThat(jdbc.queryForObject("SELECT name FROM insured_person WHERE id_number = ?", String.class, firstId))
                .isEqualTo("改名0");
    }

    /** 20,000 people born in 1990-1994 (days and sequences of this run), and on request one bad row at the end. */
    private static byte[] sheet(String region, int run, int moreMonths, boolean withBadRow) {
        StringBuilder csv = new StringBuilder(RegistryPeople.HEADER).append('\n');
        for (int i = 0; i < ROWS; i++) {
            boolean man = i % 2 == 0;
            csv.append(id(region, run, i)).append(',').append(i % 10 == 0 && moreMonths > 0 ? "改名" + i : "名册" + i)
                    .append(man ? ",男,M60," : ",女,F55,").append(i % 400 + moreMonths).append(",正常缴费,139")
                    .append(String.format("%08d", i)).append(",SP-001\n");
        }
        if (withBadRow) {
            csv.append("110101199001011234,坏行,男,M60,12,正常缴费,139,SP-001\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Person i of this run: born on day i mod 1,800 from 1990, a sequence number of the run's own (odd for men). */
    private static String id(String region, int run, int i) {
        java.time.LocalDate born = java.time.LocalDate.of(1990, 1, 1).plusDays(i % 1800);
        int sequence = ((run * 12 + i / 1800) * 2 + (i % 2 == 0 ? 1 : 0)) % 1000;
        return ResidentIdNumber.withCheckCharacter(String.format("%s%s%03d", region,
                born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE), sequence));
    }

    private ResponseEntity<Map<String, Object>> upload(byte[] csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return http.withBasicAuth("demo", "demo").exchange("/api/admin/insured/import", HttpMethod.POST,
                new HttpEntity<>(csv, headers), JSON);
    }
}
