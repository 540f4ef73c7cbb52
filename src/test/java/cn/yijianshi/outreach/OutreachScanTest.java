package cn.yijianshi.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.insured.InsuredImport;
import cn.yijianshi.insured.RegistryPeople;
import cn.yijianshi.retirement.OriginalRetirementAge;
import cn.yijianshi.upload.FileKind;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 政策找人 over a registry of 1,000 people of whom a known 37 reach their statutory month within three months of the
 * hall's (fixed) today: 37 invitations, each told by SMS, the 5 short of the minimum contribution in the experts'
 * queue; a second scan invites nobody; past their end the invitations expire.
 */
@HallIntegrationTest
class OutreachScanTest {

    /** This class's people are born in 南京玄武区 (320102); nobody else's are. */
    private static final String REGION = "320102";

    @Autowired
    InsuredImport importer;
    @Autowired
    OutreachScan scan;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate http;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void thirtySevenOfAThousandAreInvitedOnceAndTheShortOnesGoToTheExperts() throws Exception {
        // 2030-06-10: the window is June to September 2030.
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2030-06-10T10:00:00")));
        RegistryPeople registry = new RegistryPeople(REGION);
        List<YearMonth> window = List.of(YearMonth.of(2030, 6), YearMonth.of(2030, 7), YearMonth.of(2030, 8), YearMonth.of(2030, 9));
        for (int i = 0; i < 37; i++) {
            registry.retiringIn(window.get(i % 4), i < 5 ? 100 : 300, "SP-001");
        }
        // 963 others: retired already (2029), or reaching it in 2038-2049
        for (int i = 0; i < 963; i++) {
            if (i < 60) {
                registry.retiringIn(YearMonth.of(2029, 1 + i % 12), 300, "SP-001");
            } else {
                registry.add(YearMonth.of(1983, 1).plusMonths(i % 48), OriginalRetirementAge.values()[i % 3], 200, "SP-001");
            }
        }
        Set<String> coming = registry.people().stream().filter(p -> window.contains(p.statutoryMonth()))
                .map(RegistryPeople.Person::idNumber).collect(Collectors.toSet());
        assertThat(coming).hasSize(37);

        InsuredImport.Imported imported = importer.importSheet(new ByteArrayInputStream(registry.csv()), FileKind.TEXT, "test");
        assertThat(imported.imported()).isEqualTo(1000);
        assertThat(imported.rejectedRows()).isZero();

        OutreachScan.Result first = scan.scan();
        assertThat(first.invited()).isEqualTo(37);
        assertThat(first.shortOfMinimum()).isEqualTo(5);
        List<Map<String, Object>> invited = jdbc.queryForList(
                "SELECT invitation_id, id_number, statutory_month, reaches_minimum, months_lacking, call_process_id, materials "
                        + "FROM outreach_invitation WHERE id_number LIKE ?", REGION + "%");
        assertThat(invited).hasSize(37);
        assertThat(invited).extracting(r -> (String) r.get("ID_NUMBER")).containsExactlyInAnyOrderElementsOf(coming);
        assertThat(invited).allSatisfy(r -> assertThat((String) r.get("MATERIALS")).contains("ID_CARD", "ARCHIVES"));
        List<Map<String, Object>> shortOnes = invited.stream().filter(r -> !(Boolean) r.get("REACHES_MINIMUM")).toList();
        assertThat(shortOnes).hasSize(5).allSatisfy(r -> {
            assertThat(((Number) r.get("MONTHS_LACKING")).intValue()).isPositive();
            assertThat(tasks.createTaskQuery().processInstanceId((String) r.get("CALL_PROCESS_ID"))
                    .taskDefinitionKey("Task_CallCitizen").taskCandidateGroup("experts").count()).isEqualTo(1);
        });
        assertThat(invited.stream().filter(r -> (Boolean) r.get("REACHES_MINIMUM")))
                .allSatisfy(r -> assertThat(r.get("CALL_PROCESS_ID")).isNull());

        // Each told once by SMS, with the link to 码上办; the short ones how many months they lack and what they may do.
        List<Map<String, Object>> sms = jdbc.queryForList("SELECT o.case_id, o.message, o.template_code FROM notification_outbox o "
                + "JOIN outreach_invitation i ON i.invitation_id = o.case_id WHERE i.id_number LIKE ?", REGION + "%");
        assertThat(sms).hasSize(37);
        assertThat(sms).allSatisfy(m -> assertThat((String) m.get("MESSAGE")).contains("/online?invitation=" + m.get("CASE_ID"), "法定退休年龄"));
        assertThat(sms.stream().filter(m -> "SMS_OUTREACH_INVITATION_SHORT".equals(m.get("TEMPLATE_CODE"))))
                .hasSize(5).allSatisfy(m -> assertThat((String) m.get("MESSAGE")).contains("尚差", "延长缴费（延缴）")
                        .doesNotContain("趸缴"));
        assertThat(sms.stream().filter(m -> "SMS_OUTREACH_INVITATION".equals(m.get("TEMPLATE_CODE"))))
                .hasSize(32).allSatisfy(m -> assertThat((String) m.get("MESSAGE")).contains("人事档案").doesNotContain("居民身份证"));

        // A second scan (the next morning, or a second node) invites nobody again.
        assertThat(scan.scan().invited()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outreach_invitation WHERE id_number LIKE ?", Long.class, REGION + "%"))
                .isEqualTo(37L);

        // The clerks of SP-001 see them, ID and phone masked.
        List<Map<String, Object>> listed = http.withBasicAuth("window1", "window1").exchange("/api/invitations?point=SP-001",
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        List<Map<String, Object>> ours = listed.stream().filter(v -> ((String) v.get("idNumber")).startsWith(REGION)).toList();
        assertThat(ours).hasSize(37).allSatisfy(v -> {
            assertThat((String) v.get("idNumber")).matches(REGION + "\\*{8}[0-9X]{4}");
            assertThat((String) v.get("phone")).matches("139\\*{4}\\d{4}");
        });

        // Three months after September 2030 the last of them is over.
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2031-01-02T10:00:00")));
        scan.scan();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outreach_invitation WHERE id_number LIKE ? AND status = 'EXPIRED'",
                Long.class, REGION + "%")).isEqualTo(37L);
    }
}
