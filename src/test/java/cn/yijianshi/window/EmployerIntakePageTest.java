package cn.yijianshi.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.catalog.CreditCode;
import cn.yijianshi.intake.CaseMapper;
import cn.yijianshi.intake.HallCase;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An employer's 员工录用 through the same window page: an organization applicant (name and credit code, no ID), a
 * list of employees (dynamiclist) whose ID numbers the form checks, and a field shown only for one contract kind
 * (conditional.hide). The matter is test-only: the certificate test matter's files, rewritten into an employer's.
 */
@HallIntegrationTest
class EmployerIntakePageTest {

    private static final Path CERTIFICATE = Path.of("src/test/resources/test-matter/certificate");
    private static final String INTAKE_FORM = """
            {"id": "test-hiring-intake", "type": "default", "schemaVersion": 16,
             "components": [
               {"id": "Text_title", "type": "text", "text": "### 员工录用 · 受理要素"},
               {"id": "Field_hireDate", "key": "hireDate", "label": "录用日期", "type": "datetime", "subtype": "date",
                "validate": {"required": true}},
               {"id": "Field_contractKind", "key": "contractKind", "label": "合同类型", "type": "radio", "validate": {"required": true},
                "values": [{"label": "固定期限", "value": "FIXED"}, {"label": "其他", "value": "OTHER"}]},
               {"id": "Field_contractNote", "key": "contractNote", "label": "合同类型说明", "type": "textfield",
                "validate": {"required": true, "maxLength": 50}, "conditional": {"hide": "=contractKind != \\"OTHER\\""}},
               {"id": "List_employees", "type": "dynamiclist", "path": "employees", "label": "录用人员", "isRepeating": true,
                "validate": {"required": true}, "components": [
                  {"id": "Field_employeeName", "key": "name", "label": "姓名", "type": "textfield", "validate": {"required": true}},
                  {"id": "Field_employeeId", "key": "idNumber", "label": "身份证号码", "type": "textfield",
                   "validate": {"required": true}, "properties": {"check": "residentId"}}
               ]}
             ]}
            """;

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    CaseMapper cases;

    @Test
    void anEmployerIsTakenAtTheWindowWithItsEmployeesAndTheirIdNumbersChecked() throws IOException {
        deployHiringMatter();
        String creditCode = CreditCode.of("91110105", "MA01ABCD");
        try (HallBrowser browser = HallBrowser.open(port)) {
            WebDriver driver = browser.driver();
            browser.logIn("window1", "window1");
            browser.go("/window");
            browser.waitForText(By.id("matter"), "员工录用（测试事项）", Duration.ofSeconds(20));
            new Select(driver.findElement(By.id("matter"))).selectByVisibleText("员工录用（测试事项）");
            browser.waitForText(By.id("materials"), "劳动合同", Duration.ofSeconds(10));
            assertThat(driver.findElement(By.id("applicant.idNumber")).isDisplayed()).as("an organization has no ID").isFalse();
            assertThat(driver.findElement(By.id("applicant-name-label")).getText()).isEqualTo("单位名称");

            WindowPageTest.type(driver, "applicant.name", "北京某某科技有限公司");
            WindowPageTest.type(driver, "applicant.creditCode", creditCode);
            WindowPageTest.type(driver, "applicant.phone", "010-61234567");
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "var d = document.getElementById('facts.hireDate'); d.value = '2026-12-01'; d.dispatchEvent(new Event('change'));");
            assertThat(driver.findElement(By.cssSelector("[data-field='facts.contractNote']")).isDisplayed()).isFalse();
            driver.findElement(By.id("facts.contractKind-1")).click();
            assertThat(driver.findElement(By.cssSelector("[data-field='facts.contractNote']")).isDisplayed())
                    .as("shown for 其他 only").isTrue();
            WindowPageTest.type(driver, "facts.contractNote", "非全日制用工");
            WindowPageTest.type(driver, "facts.employees[0].name", "郑小雨");
            String wrong = TestCitizens.WOMAN_1975.substring(0, 17) + (TestCitizens.WOMAN_1975.charAt(17) == '1' ? "2" : "1");
            WindowPageTest.type(driver, "facts.employees[0].idNumber", wrong);
            WindowPageTest.tick(driver, "BUSINESS_LICENSE");
            WindowPageTest.tick(driver, "LABOUR_CONTRACT");
            long before = cases.count();
            driver.findElement(By.id("submit")).click();
            assertThat(WindowPageTest.error(driver, "facts.employees[0].idNumber")).contains("校验位错误");
            assertThat(cases.count()).isEqualTo(before);

            WindowPageTest.type(driver, "facts.employees[0].idNumber", TestCitizens.WOMAN_1975);
            browser.screenshot("window-employer");
            driver.findElement(By.id("submit")).click();
            browser.waitForText(By.id("case-id"), "HR-", Duration.ofSeconds(30));
            String caseId = driver.findElement(By.id("case-id")).getText();
            HallCase stored = cases.findByCaseId(caseId);
            assertThat(stored.getApplicantKind()).isEqualTo("ORGANIZATION");
            assertThat(stored.getApplicantIdNumber()).isEqualTo(creditCode);
            Map<String, Object> variables = runtimeService.getVariables(stored.getProcessInstanceId());
            assertThat(variables).containsEntry("contractKind", "OTHER").containsEntry("contractNote", "非全日制用工");
            assertThat(variables.get("employees").toString()).contains("郑小雨", TestCitizens.WOMAN_1975);
        }
    }

    @Test
    void anEmployerAppliesForTheHiringMatterOfTheCatalogWithTheListOfItsNewEmployees() {
        String creditCode = CreditCode.of("91110105", "MA01ABCE");
        try (HallBrowser browser = HallBrowser.open(port)) {
            WebDriver driver = browser.driver();
            browser.logIn("window1", "window1");
            browser.go("/window");
            browser.waitForText(By.id("matter"), "员工录用一件事", Duration.ofSeconds(20));
            new Select(driver.findElement(By.id("matter"))).selectByVisibleText("员工录用一件事");
            browser.waitForText(By.id("materials"), "劳动合同", Duration.ofSeconds(10));
            assertThat(driver.findElement(By.id("applicant.idNumber")).isDisplayed()).as("an organization has no ID").isFalse();

            WindowPageTest.type(driver, "applicant.name", "北京某某网络有限公司");
            WindowPageTest.type(driver, "applicant.creditCode", creditCode);
            WindowPageTest.type(driver, "applicant.phone", "010-61234568");
            WindowPageTest.type(driver, "facts.employees[0].name", "郑小雨");
            String wrong = TestCitizens.WOMAN_1975.substring(0, 17) + (TestCitizens.WOMAN_1975.charAt(17) == '1' ? "2" : "1");
            WindowPageTest.type(driver, "facts.employees[0].idNumber", wrong);
            WindowPageTest.type(driver, "facts.employees[0].phone", "13912345670");
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("var d = document.getElementById("
                    + "'facts.employees[0].hireDate'); d.value = '2026-11-20'; d.dispatchEvent(new Event('change'));");
            assertThat(driver.findElement(By.cssSelector("[data-field='facts.fundAccountNo']")).isDisplayed())
                    .as("the fund account number is asked only of an employer with an account").isFalse();
            WindowPageTest.tick(driver, "HIRING_FORM");
            WindowPageTest.tick(driver, "EMPLOYEE_ID_CARDS");
            WindowPageTest.tick(driver, "LABOR_CONTRACTS");
            long before = cases.count();
            driver.findElement(By.id("submit")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> !WindowPageTest.error(d, "facts.employees[0].idNumber").isEmpty());
            assertThat(cases.count()).as("nothing kept").isEqualTo(before);

            WindowPageTest.type(driver, "facts.employees[0].idNumber", TestCitizens.WOMAN_1975);
            driver.findElement(By.id("submit")).click();
            browser.waitForText(By.id("case-id"), "LY-", Duration.ofSeconds(30));
            String caseId = driver.findElement(By.id("case-id")).getText();
            HallCase stored = cases.findByCaseId(caseId);
            assertThat(stored.getMatter()).isEqualTo("EMPLOYEE_HIRING");
            assertThat(stored.getApplicantKind()).isEqualTo("ORGANIZATION");
            assertThat(stored.getApplicantIdNumber()).isEqualTo(creditCode);
            assertThat(runtimeService.getVariables(stored.getProcessInstanceId()).get("employees").toString())
                    .contains("郑小雨", TestCitizens.WOMAN_1975, "2026-11-20");
        }
    }

    private void deployHiringMatter() throws IOException {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("test-hiring").count() > 0) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); var files = Files.list(CERTIFICATE)) {
            for (Path file : files.sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (file.getFileName().toString().equals("intake.form")) {
                    text = INTAKE_FORM;
                }
                text = text.replace("test-certificate", "test-hiring").replace("TEST_CERTIFICATE", "TEST_HIRING")
                        .replace("\"caseIdPrefix\": \"CE\"", "\"caseIdPrefix\": \"HR\"")
                        .replace("\"applicantKind\": \"PERSON\"", "\"applicantKind\": \"ORGANIZATION\"")
                        .replace("就业创业证补办（测试事项）", "员工录用（测试事项）").replace("补发就业创业证", "办理录用登记")
                        .replace("ID_CARD", "BUSINESS_LICENSE").replace("居民身份证", "营业执照（副本）")
                        .replace("LOSS_STATEMENT", "LABOUR_CONTRACT").replace("遗失声明", "劳动合同")
                        .replace("<text>delivery</text>", "<text>applicantKind</text>");
                zip.putNextEntry(new ZipEntry("hiring/" + file.getFileName()));
                zip.write(text.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/zip"));
        ResponseEntity<Map<String, Object>> deployed = http.withBasicAuth("demo", "demo").exchange("/api/admin/matters",
                HttpMethod.POST, new HttpEntity<>(bytes.toByteArray(), headers), JSON);
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
    }
}
