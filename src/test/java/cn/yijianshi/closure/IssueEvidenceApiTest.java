package cn.yijianshi.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TaskWork;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 问题清单's evidence, call-back and 领导督办 over HTTP: who may, what each refusal says (403, 400 naming the field,
 * 409, 413, 415) and that a refusal stores nothing.
 */
@HallIntegrationTest
class IssueEvidenceApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final String BOUNDARY = "----issue-evidence-boundary";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
    }

    private ResponseEntity<Map<String, Object>> get(String user, String path) {
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, JSON);
    }

    private String raise(String category, String dept, String description) {
        ResponseEntity<Map<String, Object>> created = post("coord1", "/api/issues", Map.of("source", "HOTLINE", "category", category,
                "description", description, "responsibleDept", dept));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("issueId");
    }

    private Task task(String issueId, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(issueId).taskDefinitionKey(key).singleResult();
    }

    /** The expert answers in Tasklist: the issue waits for the coordinators' call-back. */
    private void answered(String issueId) {
        TaskWork.claimAndComplete(identityService, taskService, task(issueId, "Task_ClaimHardCase"), "expert1", List.of("experts"), Map.of());
        TaskWork.claimAndComplete(identityService, taskService, task(issueId, "Task_ExpertAssessment"), "expert1", List.of("experts"),
                Map.of("assessment", "ANSWER", "assessmentNote", "政策解答"));
        TaskWork.claimAndComplete(identityService, taskService, task(issueId, "Task_ReplyCitizen"), "expert1", List.of("experts"),
                Map.of("replyText", "已按政策答复"));
        assertThat(task(issueId, "Task_CallBack")).isNotNull();
    }

    private static Map<String, Object> callBack(boolean satisfied) {
        return Map.of("satisfied", satisfied, "callback", Map.of("calledBy", "周强", "calledAt", "2026-11-02T10:15",
                "answer", satisfied ? "已收到告知书，满意" : "仍有疑问"));
    }

    private long count(String table, String issueId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE issue_id = ?", Long.class, issueId);
    }

    private String status(String issueId) {
        return jdbc.queryForObject("SELECT status FROM issue WHERE issue_id = ?", String.class, issueId);
    }

    private static void refusedWith(ResponseEntity<Map<String, Object>> answer, HttpStatus status, String field) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(status);
        assertThat(answer.getBody()).containsEntry("field", field);
        assertThat((String) answer.getBody().get("message")).containsPattern("\\p{IsHan}");
        assertThat((String) answer.getBody().get("messageEn")).isNotBlank();
    }

    @Test
    void aPensionIssueIsClosedOnlyWithAnAttachmentAndTheCallBackRecord() {
        String issueId = raise("PENSION", "experts", "12333来电：养老金补发未到账");
        answered(issueId);

        ResponseEntity<Map<String, Object>> noEvidence = post("coord1", "/api/issues/" + issueId + "/callback", callBack(true));
        refusedWith(noEvidence, HttpStatus.CONFLICT, "attachments");
        assertThat((String) noEvidence.getBody().get("message")).contains("养老待遇类问题销号须有佐证材料");
        assertThat(status(issueId)).isEqualTo("RESOLVED");
        assertThat(count("issue_callback", issueId)).as("nothing kept").isZero();
        assertThat(task(issueId, "Task_CallBack")).as("still waiting for the call-back").isNotNull();

        ResponseEntity<Map<String, Object>> uploaded = EvidenceFiles.upload(http, "coord1", issueId, "C:\\扫描\\告知书.pdf", EvidenceFiles.scan());
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(uploaded.getBody()).containsEntry("fileName", "告知书.pdf").containsEntry("mediaType", "application/pdf");
        assertThat(uploaded.getHeaders().getLocation()).isNotNull();

        ResponseEntity<Map<String, Object>> closed = post("coord1", "/api/issues/" + issueId + "/callback", callBack(true));
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(closed.getBody()).containsEntry("status", "CLOSED").containsEntry("closedBy", "coord1");
        assertThat(task(issueId, "Task_CallBack")).as("the process went on to 销号").isNull();
        Map<String, Object> recorded = jdbc.queryForMap("SELECT called_by, answer, satisfied, recorded_by FROM issue_callback WHERE issue_id = ?",
                issueId);
        assertThat(recorded).containsEntry("CALLED_BY", "周强").containsEntry("ANSWER", "已收到告知书，满意")
                .containsEntry("SATISFIED", true).containsEntry("RECORDED_BY", "coord1");

        Map<String, Object> view = get("manager1", "/api/issues/" + issueId).getBody();
        assertThat((List<Map<String, Object>>) view.get("history")).extracting(h -> h.get("actionName"))
                .contains("登记问题", "上传佐证材料", "状态变更");
        assertThat((List<Map<String, Object>>) view.get("history")).anySatisfy(h -> assertThat(h)
                .containsEntry("actorName", "周强（coord1）").containsEntry("to", "CLOSED"));
        assertThat((List<Map<String, Object>>) view.get("callbacks")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("calledBy", "周强").containsEntry("satisfied", true)
                        .containsEntry("recordedBy", "周强（coord1）"));
        assertThat((List<Map<String, Object>>) view.get("attachments")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("uploadedBy", "周强（coord1）"));
    }

    @Test
    void anAttachmentIsDownloadedOnlyByThoseWhoMayReadTheIssueAndAlwaysAsAnAttachment() {
        String issueId = raise("SENIORITY", "dept-archives", "工龄认定材料");
        String href = (String) EvidenceFiles.upload(http, "archives1", issueId, "档案.pdf", EvidenceFiles.scan()).getBody().get("href");

        ResponseEntity<byte[]> file = http.withBasicAuth("manager1", "manager1").getForEntity(href, byte[].class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getBody()).isEqualTo(EvidenceFiles.scan());
        assertThat(file.getHeaders().getFirst("Content-Disposition")).startsWith("attachment;");
        assertThat(file.getHeaders().getContentType().isCompatibleWith(org.springframework.http.MediaType.APPLICATION_PDF)).isTrue();
        assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(http.withBasicAuth("archives1", "archives1").getForEntity(href, byte[].class).getStatusCode())
                .as("the responsible department").isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("fund1", "fund1").getForEntity(href, String.class).getStatusCode())
                .as("another department").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("fund1", "fund1").getForEntity("/api/issues/" + issueId, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("manager1", "manager1").getForEntity("/api/issues/" + issueId + "/attachments/999999",
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private HttpResponse<String> rawUpload(String user, String issueId, String fileName, byte[] content) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/issues/" + issueId
                        + "/attachments"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> problem(HttpResponse<String> answer) throws Exception {
        return json.readValue(answer.body(), new TypeReference<>() { });
    }

    @Test
    void aProgramRenamedPdfOrAFileOverTenMegabytesIsRefusedAndNothingIsStored() throws Exception {
        String issueId = raise("PENSION", "experts", "上传检查");
        byte[] program = new byte[4096];
        program[0] = 'M';
        program[1] = 'Z';
        HttpResponse<String> exe = rawUpload("coord1", issueId, "告知书.pdf", program);
        assertThat(exe.statusCode()).as(exe.body()).isEqualTo(415);
        assertThat(problem(exe)).containsEntry("field", "file");
        assertThat((String) problem(exe).get("message")).contains("按内容识别");

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(EvidenceFiles.scan(), 0, big, 0, EvidenceFiles.scan().length);
        HttpResponse<String> tooLarge = rawUpload("coord1", issueId, "大扫描件.pdf", big);
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat((String) problem(tooLarge).get("message")).contains("10 MB");

        HttpResponse<String> missing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/issues/" + issueId + "/attachments"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("coord1:coord1".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString("--" + BOUNDARY + "--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
        assertThat(problem(missing)).containsEntry("field", "file");

        assertThat(rawUpload("fund1", issueId, "告知书.pdf", EvidenceFiles.scan()).statusCode()).as("another department").isEqualTo(403);
        assertThat(count("issue_attachment", issueId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM issue_history WHERE issue_id = ? AND action = 'ATTACHED'", Long.class,
                issueId)).isZero();
    }

    @Test
    void whoMayNotIsRefusedWith403AndChangesNothing() {
        String issueId = raise("OTHER", "dept-fund", "公积金提取咨询");
        assertThat(post("manager1", "/api/issues", Map.of("source", "HOTLINE", "category", "OTHER", "description", "管理者只读",
                "responsibleDept", "experts")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        refusedWith(post("expert1", "/api/issues/" + issueId + "/callback", callBack(true)), HttpStatus.FORBIDDEN, "issueId");
        refusedWith(post("manager1", "/api/issues/" + issueId + "/supervision", Map.of("reason", "r", "deadline", "2099-01-01")),
                HttpStatus.FORBIDDEN, "issueId");
        refusedWith(post("coord1", "/api/issues/" + issueId + "/instructions", Map.of("instructions", "不是领导")),
                HttpStatus.FORBIDDEN, "instructions");
        refusedWith(get("liaison1", "/api/issues"), HttpStatus.FORBIDDEN, "issues");
        refusedWith(get("pension1", "/api/issues/" + issueId), HttpStatus.FORBIDDEN, "issueId");
        assertThat(count("issue_supervision", issueId)).isZero();
        assertThat(status(issueId)).isEqualTo("OPEN");
    }

    @Test
    void aDepartmentsClerkListsOnlyHerDepartmentsIssuesAndTheFiltersCombine() {
        String fund = raise("TRANSFER", "dept-fund", "公积金转移未到账");
        String pension = raise("TRANSFER", "dept-pension", "养老保险转移未到账");
        Map<String, Object> page = get("fund1", "/api/issues?category=TRANSFER&source=HOTLINE&sort=deadline").getBody();
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).extracting(i -> i.get("issueId")).contains(fund).doesNotContain(pension);
        assertThat(items).allSatisfy(i -> assertThat(i).containsEntry("responsibleDept", "dept-fund")
                .containsEntry("category", "TRANSFER").containsEntry("sourceName", "12333热线"));
        List<Map<String, Object>> managers = (List<Map<String, Object>>) get("manager1", "/api/issues?dept=dept-pension&status=OPEN")
                .getBody().get("items");
        assertThat(managers).extracting(i -> i.get("issueId")).contains(pension).doesNotContain(fund);
        for (String bad : List.of("source=LETTER", "category=FOOD", "dept=nobody", "overdue=maybe", "from=2026-13-01", "sort=name",
                "from=2026-11-05&to=2026-11-01")) {
            ResponseEntity<Map<String, Object>> refused = get("coord1", "/api/issues?" + bad);
            String field = bad.contains("&") ? "to" : bad.substring(0, bad.indexOf('='));
            refusedWith(refused, HttpStatus.BAD_REQUEST, field);
        }
    }

    @Test
    void aCallBackIsRefusedWhileTheExpertsAreStillWorkingOrWithoutWhoWhenAndTheAnswer() {
        String issueId = raise("LABOUR", "experts", "劳动关系咨询");
        refusedWith(post("coord1", "/api/issues/" + issueId + "/callback", callBack(true)), HttpStatus.CONFLICT, "status");
        answered(issueId);
        for (String field : List.of("calledBy", "calledAt", "answer")) {
            Map<String, Object> record = new HashMap<>(Map.of("calledBy", "周强", "calledAt", "2026-11-02T10:15", "answer", "满意"));
            record.remove(field);
            refusedWith(post("coord1", "/api/issues/" + issueId + "/callback", Map.of("satisfied", true, "callback", record)),
                    HttpStatus.BAD_REQUEST, "callback." + field);
        }
        refusedWith(post("coord1", "/api/issues/" + issueId + "/callback", Map.of("satisfied", true, "callback",
                Map.of("calledBy", "周强", "calledAt", "2099-01-01T10:00", "answer", "满意"))), HttpStatus.BAD_REQUEST, "callback.calledAt");
        assertThat(status(issueId)).isEqualTo("RESOLVED");
        assertThat(count("issue_callback", issueId)).isZero();

        ResponseEntity<Map<String, Object>> reopened = post("coord1", "/api/issues/" + issueId + "/callback", callBack(false));
        assertThat(reopened.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reopened.getBody()).containsEntry("reopenCount", 1);
        assertThat(task(issueId, "Task_ExpertAssessment")).as("back to the same expert").isNotNull();
        assertThat(jdbc.queryForObject("SELECT satisfied FROM issue_callback WHERE issue_id = ?", Boolean.class, issueId)).isFalse();
    }

    @Test
    void aCoordinatorAsksTheLeadersToSuperviseWhileTheExpertWorksAndTheLeadersInstructionsEnterTheHistory() {
        String issueId = raise("PENSION", "experts", "养老金重复来电");
        refusedWith(post("coord1", "/api/issues/" + issueId + "/supervision", Map.of("deadline", "2099-01-01")),
                HttpStatus.BAD_REQUEST, "reason");
        refusedWith(post("coord1", "/api/issues/" + issueId + "/supervision", Map.of("reason", "多次来电")),
                HttpStatus.BAD_REQUEST, "deadline");
        refusedWith(post("coord1", "/api/issues/" + issueId + "/supervision", Map.of("reason", "多次来电", "deadline", "2000-01-01")),
                HttpStatus.BAD_REQUEST, "deadline");
        refusedWith(post("leader1", "/api/issues/" + issueId + "/instructions", Map.of("instructions", "尚无督办")),
                HttpStatus.CONFLICT, "instructions");
        assertThat(count("issue_supervision", issueId)).isZero();

        ResponseEntity<Map<String, Object>> asked = post("coord1", "/api/issues/" + issueId + "/supervision",
                Map.of("reason", "群众三次来电，身份证110101196003071232", "deadline", "2099-01-01"));
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Task instructions = task(issueId, "Task_LeaderInstructions");
        assertThat(instructions).as("the leaders' task in the running hard case").isNotNull();
        assertThat(taskService.getIdentityLinksForTask(instructions.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("leaders"));
        assertThat(task(issueId, "Task_ClaimHardCase")).as("the experts' work goes on").isNotNull();
        assertThat((List<Map<String, Object>>) asked.getBody().get("steps")).extracting(s -> s.get("name")).contains("认领疑难件", "领导批示");
        assertThat((List<Map<String, Object>>) asked.getBody().get("supervisions")).singleElement()
                .satisfies(s -> assertThat((String) s.get("reason")).contains("110101********1232"));

        ResponseEntity<Map<String, Object>> instructed = post("leader1", "/api/issues/" + issueId + "/instructions",
                Map.of("instructions", "请三个工作日内答复群众并报结果"));
        assertThat(instructed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(task(issueId, "Task_LeaderInstructions")).isNull();
        assertThat((List<Map<String, Object>>) instructed.getBody().get("history")).anySatisfy(h -> assertThat(h)
                .containsEntry("actionName", "领导批示").containsEntry("actorName", "高明远（leader1）")
                .containsEntry("note", "领导批示：请三个工作日内答复群众并报结果"));
        assertThat((List<Map<String, Object>>) instructed.getBody().get("supervisions")).singleElement()
                .satisfies(v -> assertThat(v).containsEntry("requestedBy", "周强（coord1）").containsEntry("instructedBy", "高明远（leader1）"));
        assertThat(jdbc.queryForObject("SELECT instructed_by FROM issue_supervision WHERE issue_id = ?", String.class, issueId))
                .isEqualTo("leader1");
    }

    @Test
    void aClosedIssueCannotBeSupervisedNorTakeMoreEvidence() {
        String issueId = raise("OTHER", "experts", "已结问题");
        answered(issueId);
        assertThat(post("coord1", "/api/issues/" + issueId + "/callback", callBack(true)).getStatusCode()).isEqualTo(HttpStatus.OK);
        refusedWith(post("coord1", "/api/issues/" + issueId + "/supervision", Map.of("reason", "晚了", "deadline", "2099-01-01")),
                HttpStatus.CONFLICT, "status");
        refusedWith(EvidenceFiles.upload(http, "coord1", issueId, "迟到.pdf", EvidenceFiles.scan()), HttpStatus.CONFLICT, "status");
        refusedWith(post("coord1", "/api/issues/" + issueId + "/callback", callBack(true)), HttpStatus.CONFLICT, "status");
    }
}
