package cn.yijianshi.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCitizens;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * The catalog's proof: a matter made of files only (src/test/resources/test-matter/certificate: BPMN, DMN, forms and
 * matter.json, no Java) is uploaded by an administrator, taken at the window with its facts checked against its own intake
 * form, worked in Tasklist, watched by its SLA, told to the citizen with its templates, and a second version uploaded while
 * a case runs leaves that case's forms as they were.
 */
@HallIntegrationTest
class MatterCatalogTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() { };
    private static final Path FOLDER = Path.of("src/test/resources/test-matter/certificate");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    org.camunda.bpm.engine.FilterService filterService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    static byte[] zip(UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); var files = Files.list(FOLDER)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry("certificate/" + file.getFileName()));
                zip.write(change.apply(Files.readString(file, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private ResponseEntity<Map<String, Object>> upload(String user, byte[] zip) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/zip"));
        return http.withBasicAuth(user, user).exchange("/api/admin/matters", HttpMethod.POST, new HttpEntity<>(zip, headers), JSON);
    }

    private void deployVersionOne() throws IOException {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("test-certificate").count() == 0) {
            ResponseEntity<Map<String, Object>> deployed = upload("demo", zip(UnaryOperator.identity()));
            assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
        }
    }

    private ResponseEntity<Map<String, Object>> intake(Map<String, Object> facts) {
        Map<String, Object> body = TestCitizens.retirementIntake("王芳", TestCitizens.WOMAN_1975);
        body.put("matter", "TEST_CERTIFICATE");
        body.remove("retirement");
        body.put("materials", List.of("ID_CARD", "LOSS_STATEMENT"));
        body.put("facts", facts);
        return http.withBasicAuth("window1", "window1").exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body), JSON);
    }

    private Task task(String caseId, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key).singleResult();
    }

    private void work(String user, Task task, Map<String, Object> form) {
        Map<String, Object> variables = new HashMap<>();
        form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        assertThat(http.withBasicAuth(user, user).exchange("/engine-rest/task/" + task.getId() + "/claim", HttpMethod.POST,
                new HttpEntity<>(Map.of("userId", user)), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> done = http.withBasicAuth(user, user).exchange("/engine-rest/task/" + task.getId() + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables)), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private String deployedFormText(Task task) throws IOException {
        try (var in = formService.getDeployedTaskForm(task.getId())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theHallsMattersAndDepartmentsAreListedFromTheirFiles() {
        List<Map<String, Object>> matters = http.withBasicAuth("window1", "window1")
                .exchange("/api/matters", HttpMethod.GET, null, JSON_LIST).getBody();
        Map<String, Object> retirement = matters.stream().filter(m -> "RETIREMENT".equals(m.get("key"))).findFirst().orElseThrow();
        assertThat(retirement).containsEntry("name", "退休一件事").containsEntry("processKey", "retirement-one-stop")
                .containsEntry("applicantKind", "PERSON").containsEntry("online", true);
        assertThat(retirement.get("departments").toString()).contains("社保经办", "dept-pension", "医保", "公积金", "档案");

        Map<String, Object> one = http.withBasicAuth("window1", "window1")
                .exchange("/api/matters/RETIREMENT", HttpMethod.GET, null, JSON).getBody();
        assertThat(one.get("intakeForm").toString()).contains("retirement-intake", "退休类型");
        assertThat(one.get("materials").toString()).contains("ID_CARD", "居民身份证");
        assertThat(http.withBasicAuth("window1", "window1").exchange("/api/matters/NO_SUCH", HttpMethod.GET, null, JSON)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        List<Map<String, Object>> departments = http.withBasicAuth("window1", "window1")
                .exchange("/api/departments", HttpMethod.GET, null, JSON_LIST).getBody();
        assertThat(departments).extracting(d -> d.get("group"))
                .contains("window", "dept-pension", "dept-employment", "dept-unemployment", "dept-card", "experts");
        assertThat(departments).anySatisfy(d -> assertThat(d).containsEntry("code", "employment").containsEntry("name", "就业服务"));
    }

    @Test
    void onlyAnAdministratorUploadsAndAPackageWithProblemsIsRefusedWholeWithNothingDeployed() throws IOException {
        assertThat(upload("window1", zip(UnaryOperator.identity())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        long deployments = repositoryService.createDeploymentQuery().count();
        byte[] broken = zip(text -> text
                .replace("\"promise\": {\"limit\": \"3 working days\", \"urgentLimit\": \"1 working days\"},", "")
                .replace("camunda:candidateGroups=\"dept-employment\"", "camunda:candidateGroups=\"dept-nowhere\"")
                .replace("name=\"补发就业创业证\" camunda:candidateGroups", "camunda:candidateGroups")
                .replace("camunda:formRef=\"test-certificate-issue\"", "camunda:formRef=\"no-such-form\"")
                .replace("\"ONLINE_RETURNED\"", "\"ONLINE_REFUSED\""));
        ResponseEntity<Map<String, Object>> refused = upload("demo", broken);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("field", "file");
        assertThat(refused.getBody().get("message").toString()).contains("promise", "dept-nowhere", "须有中文名称",
                "no-such-form", "notices.ONLINE_RETURNED", "未部署");
        assertThat(refused.getBody().get("messageEn").toString()).contains("nothing was deployed");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);

        ResponseEntity<Map<String, Object>> notAZip = upload("demo", "PK not really".getBytes(StandardCharsets.UTF_8));
        assertThat(notAZip.getStatusCode().is4xxClientError()).isTrue();
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void factsAreCheckedAgainstTheMattersOwnIntakeFormAndAHiddenFieldIsNotRequired() throws IOException {
        deployVersionOne();
        long cases = jdbc.queryForObject("SELECT COUNT(*) FROM hall_case", Long.class);

        ResponseEntity<Map<String, Object>> noAddress = intake(Map.of("lostOn", "2026-10-01", "delivery", "MAIL"));
        assertThat(noAddress.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noAddress.getBody()).containsEntry("field", "facts.address");
        assertThat(noAddress.getBody().get("message").toString()).contains("邮寄地址");

        assertThat(intake(Map.of("lostOn", "2026-10-01", "delivery", "PICKUP", "copies", 3)).getBody())
                .containsEntry("field", "facts.copies");
        assertThat(intake(Map.of("lostOn", "昨天", "delivery", "PICKUP")).getBody()).containsEntry("field", "facts.lostOn");
        assertThat(intake(Map.of("lostOn", "2026-10-01", "delivery", "FAX")).getBody()).containsEntry("field", "facts.delivery");
        assertThat(intake(Map.of("lostOn", "2026-10-01", "delivery", "PICKUP", "isVip", true)).getBody())
                .containsEntry("field", "facts.isVip");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hall_case", Long.class)).as("nothing kept").isEqualTo(cases);

        ResponseEntity<Map<String, Object>> pickup = intake(Map.of("lostOn", "2026-10-01", "delivery", "PICKUP"));
        assertThat(pickup.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(pickup.getBody().get("caseId").toString()).startsWith("CE-");
    }

    @Test
    void aMatterWhoseLatestVersionIsSuspendedIsNotTakenUntilItIsActiveAgain() throws IOException {
        deployVersionOne();
        Map<String, Object> facts = Map.of("lostOn", "2026-10-03", "delivery", "PICKUP");
        ResponseEntity<Map<String, Object>> first = intake(facts);
        assertThat(first.getStatusCode()).as("known to the catalog from now on").isEqualTo(HttpStatus.CREATED);
        var latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey("test-certificate").latestVersion()
                .singleResult();
        repositoryService.suspendProcessDefinitionById(latest.getId());
        try {
            ResponseEntity<Map<String, Object>> refused = intake(facts);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).containsEntry("field", "matter");
        } finally {
            repositoryService.activateProcessDefinitionById(latest.getId());
        }
        ResponseEntity<Map<String, Object>> again = intake(facts);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = (String) again.getBody().get("caseId");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult()
                .getProcessDefinitionId()).as("the case runs the version whose matter file was read").isEqualTo(latest.getId());
    }

    @Test
    void aMatterOfFilesRunsToCompletionAndANewVersionLeavesTheRunningCasesFormsAlone() throws IOException {
        deployVersionOne();
        ResponseEntity<Map<String, Object>> opened = intake(Map.of("lostOn", "2026-10-01", "delivery", "MAIL", "address", "北京市丰台区南四环西路1号"));
        assertThat(opened.getStatusCode()).as(String.valueOf(opened.getBody())).isEqualTo(HttpStatus.CREATED);
        String caseId = (String) opened.getBody().get("caseId");

        work("window1", task(caseId, "Task_ReviewMaterials"), Map.of("materialsDecision", "COMPLETE"));
        Task issue = task(caseId, "Task_IssueCertificate");
        assertThat(issue.getDueDate()).as("the matter file's step limit is watched").isNotNull();
        assertThat(deployedFormText(issue)).contains("新证编号");

        ResponseEntity<Map<String, Object>> second = upload("demo", zip(text -> text.replace("新证编号", "补发证件编号")));
        assertThat(second.getStatusCode()).as(String.valueOf(second.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getBody().get("version")).isEqualTo(2);

        assertThat(deployedFormText(issue)).as("the running case keeps its version's form").contains("新证编号")
                .doesNotContain("补发证件编号");
        String later = (String) intake(Map.of("lostOn", "2026-10-02", "delivery", "PICKUP")).getBody().get("caseId");
        work("window1", task(later, "Task_ReviewMaterials"), Map.of("materialsDecision", "COMPLETE"));
        assertThat(deployedFormText(task(later, "Task_IssueCertificate"))).contains("补发证件编号");

        var filter = filterService.createFilterQuery().filterName("就业服务·待办").singleResult();
        assertThat(filter.getProperties().get("variables").toString()).as("Tasklist cards show the matter")
                .contains("matterName", "事项", "caseId");
        assertThat(runtimeService.getVariable(issue.getProcessInstanceId(), "matterName")).isEqualTo("就业创业证补办（测试事项）");

        List<Map<String, Object>> watched = http.withBasicAuth("coord1", "coord1")
                .exchange("/api/sla/tasks?group=dept-employment", HttpMethod.GET, null, JSON_LIST).getBody();
        assertThat(watched).filteredOn(item -> caseId.equals(item.get("caseId"))).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("matter", "TEST_CERTIFICATE")
                        .containsEntry("matterName", "就业创业证补办（测试事项）").containsEntry("limit", "2个工作日"));

        work("employment1", issue, Map.of("certificateNumber", "1100012345", "mailed", true));

        Map<String, Object> view = http.withBasicAuth("window1", "window1").exchange("/api/cases/" + caseId, HttpMethod.GET,
                null, JSON).getBody();
        assertThat(view).containsEntry("matter", "TEST_CERTIFICATE").containsEntry("matterName", "就业创业证补办（测试事项）")
                .containsEntry("status", "COMPLETED");
        List<Map<String, Object>> sent = jdbc.queryForList(
                "SELECT kind, template_code, message FROM notification_outbox WHERE case_id = ? ORDER BY id", caseId);
        assertThat(sent).extracting(m -> m.get("KIND") == null ? m.get("kind") : m.get("KIND"))
                .containsExactly("IN_PROGRESS", "COMPLETED");
        Map<String, Object> completed = sent.get(1);
        assertThat(String.valueOf(completed.getOrDefault("TEMPLATE_CODE", completed.get("template_code"))))
                .isEqualTo("SMS_TEST_CERT_COMPLETED");
        assertThat(String.valueOf(completed.getOrDefault("MESSAGE", completed.get("message"))))
                .isEqualTo("王芳，您的就业创业证补办（测试事项）（" + caseId + "）已办结，证号 1100012345，已邮寄。");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_record WHERE case_id = ? AND task_key = 'Task_IssueCertificate'",
                Long.class, caseId)).isEqualTo(1);

        // Managers' reports name the matter and take it as a filter.
        String range = "from=2021-01-01&to=2030-12-31";
        ResponseEntity<byte[]> onlyThis = http.withBasicAuth("manager1", "manager1")
                .exchange("/api/reports/case-volume.xlsx?" + range + "&matter=TEST_CERTIFICATE", HttpMethod.GET, null, byte[].class);
        assertThat(onlyThis.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(onlyThis.getBody()))) {
            StringBuilder cells = new StringBuilder();
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> cells.append(cell).append('|'))));
            assertThat(cells.toString()).contains("就业创业证补办（测试事项）", "事项：就业创业证补办（测试事项）").doesNotContain("退休一件事");
        }
        ResponseEntity<Map<String, Object>> noSuch = http.withBasicAuth("manager1", "manager1")
                .exchange("/api/reports/case-volume.xlsx?" + range + "&matter=NO_SUCH", HttpMethod.GET, null, JSON);
        assertThat(noSuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noSuch.getBody()).containsEntry("field", "matter");
    }
}
