package cn.yijianshi.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's REST reads bodies whole: a deployment from the Modeler may be 10 MB, anything else 1 MB;
 * larger bodies are answered 413 in Camunda's error shape with the Chinese beside it, and change nothing.
 */
@HallIntegrationTest
class EngineRestSizeLimitTest {

    private static final String BOUNDARY = "----hall-test-boundary";
    private static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_SizeLimit"
                targetNamespace="http://yijianshi.cn/test">
              <bpmn:process id="size-limit-test" name="上限测试" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="StartEvent_Begun" name="开始"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ObjectMapper json;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    /** A deployment as Camunda Modeler sends it: multipart, the diagram padded with a comment to the size wanted. */
    private static byte[] deployment(String name, int paddingBytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"size-limit-test.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(BPMN.getBytes(StandardCharsets.UTF_8));
        if (paddingBytes > 0) {
            byte[] padding = new byte[paddingBytes];
            Arrays.fill(padding, (byte) 'x');
            body.writeBytes("<!-- ".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(padding);
            body.writeBytes(" -->".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private HttpResponse<String> deploy(byte[] body) throws Exception {
        return client.send(request("/engine-rest/deployment/create", "demo")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long deployments(String name) {
        return repositoryService.createDeploymentQuery().deploymentName(name).count();
    }

    private void assertRefusedInCamundasShape(HttpResponse<String> answer, String limit) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        Map<String, String> error = json.readValue(answer.body(), new TypeReference<>() { });
        assertThat(error).containsKeys("type", "message", "messageZh");
        assertThat(error.get("message")).contains("too large", limit);
        assertThat(error.get("messageZh")).contains("请求内容过大", limit);
    }

    @Test
    void aDeploymentOf20MegabytesIsRefusedWith413AndNothingIsDeployed() throws Exception {
        HttpResponse<String> answer = deploy(deployment("too-large", 20 * 1024 * 1024));

        assertRefusedInCamundasShape(answer, "10 MB");
        assertThat(deployments("too-large")).isZero();
    }

    @Test
    void aDeploymentFromTheModelerOfSomeMegabytesIsStillDeployed() throws Exception {
        HttpResponse<String> answer = deploy(deployment("modeler-sized", 3 * 1024 * 1024));
        try {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(deployments("modeler-sized")).isEqualTo(1);
        } finally {
            repositoryService.createDeploymentQuery().deploymentName("modeler-sized").list()
                    .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
        }
    }

    @Test
    void anyOtherEngineCallOverOneMegabyteIsRefusedWith413() throws Exception {
        String variables = "{\"variables\": {\"note\": {\"value\": \"" + "x".repeat(1024 * 1024) + "\", \"type\": \"String\"}}}";
        for (String path : new String[] {"/engine-rest/task/no-such-task/complete", "/camunda/api/engine/engine/default/task/no-such-task/complete"}) {
            HttpResponse<String> answer = client.send(request(path, "window1").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(variables)).build(), HttpResponse.BodyHandlers.ofString());
            assertRefusedInCamundasShape(answer, "1 MB");
        }
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimitAndAnswered413() throws Exception {
        byte[] large = ("{\"processInstanceBusinessKey\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = client.send(request("/engine-rest/task", "window1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefusedInCamundasShape(answer, "1 MB");
    }

    @Test
    void aSmallChunkedBodyReachesTheEngineWhole() throws Exception {
        byte[] query = "{\"processInstanceBusinessKey\": \"TX-19990101-000001\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = client.send(request("/engine-rest/task", "window1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(query))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("[]");
    }
}
