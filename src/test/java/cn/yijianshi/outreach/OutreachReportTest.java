package cn.yijianshi.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.Date;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.insured.InsuredImport;
import cn.yijianshi.insured.RegistryPeople;
import cn.yijianshi.intake.Channel;
import cn.yijianshi.upload.FileKind;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 政策找人成效 for one point: three invited in March 2035, one confirmed and completed 14 days into their month; the
 * managers' workbook counts them, the detail sheet masks the ID numbers, coordinators may not download it.
 */
@HallIntegrationTest
class OutreachReportTest {

    private static final String REGION = "350102";
    private static final String POINT = "OUTREACH-RPT";

    @Autowired
    InsuredImport importer;
    @Autowired
    OutreachScan scan;
    @Autowired
    Invitations invitations;
    @Autowired
    InvitationConfirmation confirmation;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void invitedConfirmedCompletedInTheMonthAndDaysToThePensionByPoint() throws Exception {
        assertThat(http.withBasicAuth("demo", "demo").postForEntity("/api/service-points",
                Map.of("code", POINT, "name", "政策找人报表测试网点", "level", "DISTRICT"), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2035-03-10T10:00:00")));
        RegistryPeople registry = new RegistryPeople(REGION);
        RegistryPeople.Person completes = registry.retiringIn(YearMonth.of(2035, 4), 300, POINT);
        registry.retiringIn(YearMonth.of(2035, 4), 280, POINT);
        registry.retiringIn(YearMonth.of(2035, 5), 120, POINT);
        importer.importSheet(new ByteArrayInputStream(registry.csv()), FileKind.TEXT, "test");
        scan.scan();
        String caseId = confirmation.confirm(invitations.ofResident(completes.idNumber()).get(0).invitationId(),
                Channel.ONLINE, "online-citizen").caseId();
        // 办结 on 15 April (what the case's last step records), 14 days from the first of the statutory month.
        // (The pool's connections come with autocommit off: the write needs a transaction of its own.)
        transaction.executeWithoutResult(status -> jdbc.update("UPDATE hall_case SET status = 'COMPLETED', closed_at = ? "
                + "WHERE case_id = ?", Timestamp.from(TestCalendars.hall("2035-04-15T10:00:00")), caseId));

        ResponseEntity<byte[]> answer = http.withBasicAuth("manager1", "manager1").exchange(
                "/api/reports/outreach.xlsx?from=2035-03-01&to=2035-03-31&point=" + POINT, HttpMethod.GET, null, byte[].class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()))) {
            assertThat(figure(wb, "邀约人数")).isEqualTo(3);
            assertThat(figure(wb, "其中缴费不足")).isEqualTo(1);
            assertThat(figure(wb, "确认办理")).isEqualTo(1);
            assertThat(figure(wb, "当月办结")).isEqualTo(1);
            assertThat(figure(wb, "法定退休月至首发养老金平均天数")).isEqualTo(14.0);
            StringBuilder byPoint = new StringBuilder();
            wb.getSheet("按网点").forEach(row -> row.forEach(cell -> byPoint.append(new DataFormatter().formatCellValue(cell)).append('|')));
            assertThat(byPoint.toString()).contains("政策找人报表测试网点|3|1|1|");
            StringBuilder detail = new StringBuilder();
            wb.getSheet("邀约明细").forEach(row -> row.forEach(cell -> detail.append(new DataFormatter().formatCellValue(cell)).append('|')));
            assertThat(detail.toString()).contains(caseId, "已确认办理", "待办理", REGION + "********")
                    .doesNotContain(completes.idNumber());
        }
        assertThat(http.withBasicAuth("coord1", "coord1").exchange("/api/reports/outreach.xlsx?from=2035-03-01&to=2035-03-31",
                HttpMethod.GET, null, byte[].class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static double figure(XSSFWorkbook wb, String label) {
        for (Row row : wb.getSheet("汇总")) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && label.equals(row.getCell(0).getStringCellValue())) {
                return row.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError("no figure " + label);
    }
}
