package cn.yijianshi.insured;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.intake.ResidentIdNumber;
import cn.yijianshi.retirement.OriginalRetirementAge;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
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

/**
 * 参保人员名册导入 through the API: bad rows reported by row and field and left out, the rest imported; a second sheet
 * replaces by ID number; a workbook as well as a CSV; ID and phone masked in the lists.
 */
@HallIntegrationTest
class InsuredImportTest {

    /** This class's people are born in 广州越秀区 (440104), in the 1990s: nobody's statutory month is near. */
    private static final String REGION = "440104";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    InsuredMapper registry;

    @Test
    void badRowsAreReportedByRowAndFieldAndTheRestAreImported() {
        RegistryPeople people = new RegistryPeople(REGION);
        RegistryPeople.Person man = people.add(YearMonth.of(1991, 3), OriginalRetirementAge.M60, 120, "SP-001");
        RegistryPeople.Person woman = people.add(YearMonth.of(1992, 5), OriginalRetirementAge.F50, 96, "SP-001");
        RegistryPeople.Person cadre = people.add(YearMonth.of(1993, 7), OriginalRetirementAge.F55, 60, null);
        String wrongCheck = man.idNumber().substring(0, 17) + (man.idNumber().charAt(17) == '1' ? "2" : "1");
        String csv = RegistryPeople.HEADER + "\n"
                + line(man.idNumber(), "张一", "男", "M60", "120", "正常缴费", man.phone(), "SP-001")       // row 2
                + line(wrongCheck, "张二", "男", "M60", "120", "正常缴费", "13900000002", "SP-001")          // row 3: ID
                + line(woman.idNumber(), "李三", "女", "F50", "96", "暂停缴费", woman.phone(), "SP-001")     // row 4
                + line(cadre.idNumber(), "王四", "女", "M60", "十年", "在缴", "1234", "NO-SUCH-POINT")        // row 5: five
                + line(cadre.idNumber(), "王四", "女", "女干部55周岁", "60", "正常缴费", "", "");              // row 6
        ResponseEntity<Map<String, Object>> answer = upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("imported", 3).containsEntry("rejectedRows", 2).containsEntry("problemCount", 6);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("row") + ":" + e.get("field")).containsExactly("3:idNumber",
                "5:originalAge", "5:contributionMonths", "5:contributionStatus", "5:phone", "5:servicePoint");
        assertThat(errors.get(0)).containsEntry("column", "身份证号码");
        assertThat((String) errors.get(0).get("message")).startsWith("第3行「身份证号码」：").contains("校验");
        assertThat((String) errors.get(0).get("messageEn")).startsWith("row 3, idNumber: ");
        assertThat(answer.getBody().toString()).doesNotContain(wrongCheck);

        InsuredPerson stored = registry.find(man.idNumber());
        assertThat(stored.name()).isEqualTo("张一");
        assertThat(stored.contributionMonths()).isEqualTo(120);
        assertThat(stored.statutoryMonth()).isEqualTo(YearMonth.of(2054, 3).atDay(1)); // 1991-03 + 63 years
        assertThat(registry.find(cadre.idNumber()).originalAge()).isEqualTo("F55");
        assertThat(registry.find(cadre.idNumber()).servicePointCode()).isNull();

        // The next month's sheet: the same person, more contribution, another point; replaced by ID number.
        String next = RegistryPeople.HEADER + "\n" + line(man.idNumber(), "张一", "男", "M60", "132", "正常缴费", man.phone(), "FT-01");
        assertThat(upload(next.getBytes(StandardCharsets.UTF_8), "text/csv").getBody()).containsEntry("imported", 1);
        assertThat(registry.find(man.idNumber()).contributionMonths()).isEqualTo(132);
        assertThat(registry.find(man.idNumber()).servicePointCode()).isEqualTo("FT-01");

        // Lists: masked.
        List<Map<String, Object>> listed = http.withBasicAuth("window1", "window1").exchange("/api/insured?point=SP-001&limit=1000",
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(listed).anySatisfy(p -> assertThat(p).containsEntry("idNumber",
                woman.idNumber().substring(0, 6) + "********" + woman.idNumber().substring(14)).containsEntry("phone",
                woman.phone().substring(0, 3) + "****" + woman.phone().substring(7)));
        assertThat(listed.toString()).doesNotContain(woman.idNumber(), woman.phone());
        assertThat(http.withBasicAuth("pension1", "pension1").exchange("/api/insured?point=SP-001", HttpMethod.GET, null, JSON)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aWorkbookComesInAsACsvDoesAndAnUnknownColumnImportsNothing() throws Exception {
        String id = ResidentIdNumber.withCheckCharacter(REGION + "19940809031");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("名册");
            String[][] rows = {RegistryPeople.HEADER.split(","), {id, "赵五", "男", "男职工60周岁", "24", "PAYING", "13700001111", "SP-001"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
        }
        ResponseEntity<Map<String, Object>> answer = upload(out.toByteArray(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(answer.getBody()).containsEntry("imported", 1).containsEntry("rejectedRows", 0);
        assertThat(registry.find(id).originalAge()).isEqualTo("M60");

        String unknown = "身份证号码,姓名,工资\n" + id + ",赵五,8000\n";
        ResponseEntity<Map<String, Object>> refused = upload(unknown.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("field", "file");
        assertThat((String) refused.getBody().get("message")).contains("工资", "未导入任何人员");

        // Administrators only.
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        assertThat(http.withBasicAuth("window1", "window1").exchange("/api/admin/insured/import", HttpMethod.POST,
                new HttpEntity<>(unknown.getBytes(StandardCharsets.UTF_8), headers), JSON).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<Map<String, Object>> upload(byte[] body, String type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(type));
        return http.withBasicAuth("demo", "demo").exchange("/api/admin/insured/import", HttpMethod.POST,
                new HttpEntity<>(body, headers), JSON);
    }

    private static String line(String... cells) {
        return String.join(",", cells) + "\n";
    }
}
