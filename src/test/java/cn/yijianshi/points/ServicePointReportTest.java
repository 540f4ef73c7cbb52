package cn.yijianshi.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 服务网点办件统计 and the SLA monitor by point: a district sees the cases of its towns and villages; the point filter
 * takes the points below it.
 */
@HallIntegrationTest
class ServicePointReportTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;

    private void register(String code, String name, String level, String parent) {
        Map<String, Object> point = new java.util.HashMap<>(Map.of("code", code, "name", name, "level", level));
        if (parent != null) {
            point.put("parentCode", parent);
        }
        assertThat(http.withBasicAuth("demo", "demo").exchange("/api/service-points", HttpMethod.POST,
                new HttpEntity<>(point), JSON).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private void acceptAt(String code) {
        Map<String, Object> body = TestCitizens.retirementIntake("网点统计", TestCitizens.RETIRING_MAN);
        body.put("servicePoint", Map.of("code", code));
        assertThat(http.withBasicAuth("window1", "window1").exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body),
                JSON).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aDistrictSeesItsTownsAndVillagesAndNothingAboveIt() throws Exception {
        register("RPT-C", "报表市人社局", "CITY", null);
        register("RPT-D", "报表区人社局", "DISTRICT", "RPT-C");
        register("RPT-T", "报表镇便民服务中心", "TOWN", "RPT-D");
        register("RPT-V", "报表村便民服务站", "COMMUNITY", "RPT-T");
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-24T10:00")));
        try {
            acceptAt("RPT-V");
            acceptAt("RPT-V");
            acceptAt("RPT-D");
        } finally {
            ClockUtil.reset();
        }

        ResponseEntity<byte[]> answer = http.withBasicAuth("manager1", "manager1").exchange(
                "/api/reports/service-points.xlsx?from=2026-11-24&to=2026-11-24&point=RPT-D", HttpMethod.GET, null, byte[].class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()))) {
            DataFormatter text = new DataFormatter();
            assertThat(text.formatCellValue(wb.getSheet("汇总").getRow(1).getCell(0))).contains("网点：报表区人社局（RPT-D，含下级）");
            Sheet perPoint = wb.getSheet("按网点（含下级）");
            Map<String, String> rows = new LinkedHashMap<>();
            for (int r = 1; r <= perPoint.getLastRowNum(); r++) {
                Row row = perPoint.getRow(r);
                rows.put(text.formatCellValue(row.getCell(0)), text.formatCellValue(row.getCell(2)) + " 本"
                        + text.formatCellValue(row.getCell(4)) + " 共" + text.formatCellValue(row.getCell(5)));
            }
            assertThat(rows).containsExactly(Map.entry("RPT-D", "区县 本1 共3"), Map.entry("RPT-T", "镇街 本0 共2"),
                    Map.entry("RPT-V", "村社区 本2 共2"));
            Sheet perLevel = wb.getSheet("按层级");
            assertThat(text.formatCellValue(perLevel.getRow(1).getCell(0))).isEqualTo("区县");
            assertThat(text.formatCellValue(perLevel.getRow(2).getCell(0))).isEqualTo("村社区");
        }

        ResponseEntity<Map<String, Object>> unknown = http.withBasicAuth("manager1", "manager1").exchange(
                "/api/reports/service-points.xlsx?from=2026-11-24&to=2026-11-24&point=NO-SUCH", HttpMethod.GET, null, JSON);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).containsEntry("field", "point");

        // the SLA monitor's open steps, of a district and everything below it, or of one town
        assertThat(openSteps("RPT-D")).hasSize(3);
        assertThat(openSteps("RPT-T")).hasSize(2);
        assertThat(http.withBasicAuth("coord1", "coord1").exchange("/api/sla/tasks?point=NO-SUCH", HttpMethod.GET, null,
                JSON).getBody()).containsEntry("field", "point");
    }

    private java.util.List<Map<String, Object>> openSteps(String point) {
        return http.withBasicAuth("coord1", "coord1").exchange("/api/sla/tasks?point=" + point, HttpMethod.GET, null,
                new ParameterizedTypeReference<java.util.List<Map<String, Object>>>() { }).getBody();
    }
}
