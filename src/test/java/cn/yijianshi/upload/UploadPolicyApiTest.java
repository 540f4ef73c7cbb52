package cn.yijianshi.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The upload policy over HTTP: 413 for a body over its endpoint's limit (declared, or counted while it streams),
 * 415 for a file whose content is not a kind the endpoint takes, in Chinese and English naming the field, and
 * nothing stored on a refusal. The endpoints are test-only ({@link UploadTestEndpoints}) until the real ones exist.
 */
@HallIntegrationTest
class UploadPolicyApiTest {

    private static final String BOUNDARY = "----hall-upload-boundary";
    private static final int MB = 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    UploadTestEndpoints endpoints;
    @Autowired
    ObjectMapper json;

    private final HttpClient client = HttpClient.newHttpClient();

    private String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", basic(user));
    }

    private static byte[] multipart(String field, String fileName, String declaredType, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private HttpResponse<String> upload(byte[] multipartBody) throws Exception {
        return client.send(request(UploadTestEndpoints.MULTIPART, "window1")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sent without a length (chunked), as a client streaming a file does. */
    private HttpResponse<String> stream(String path, String user, String type, byte[] body) throws Exception {
        return client.send(request(path, user).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> problem(HttpResponse<String> answer, int status, String field) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        Map<String, Object> problem = json.readValue(answer.body(), new TypeReference<>() { });
        assertThat(problem).containsEntry("status", status).containsEntry("field", field);
        assertThat((String) problem.get("message")).containsPattern("\\p{IsHan}");
        assertThat((String) problem.get("messageEn")).containsPattern("[a-z]{3,}");
        return problem;
    }

    private static byte[] pdfOf(int size) {
        byte[] pdf = Arrays.copyOf(FileKindTest.pdf(), size);
        Arrays.fill(pdf, FileKindTest.pdf().length, size, (byte) ' ');
        return pdf;
    }

    @Test
    void aScannedPdfIsAcceptedAndStored() throws Exception {
        HttpResponse<String> answer = upload(multipart("scan", "身份证.pdf", "application/pdf", pdfOf(200 * 1024)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).get("type").asText()).isEqualTo("PDF");
        assertThat(endpoints.stored).contains("身份证.pdf");
    }

    @Test
    void aProgramRenamedPdfIsRefused415AndNotStored() throws Exception {
        int before = endpoints.stored.size();

        HttpResponse<String> answer = upload(multipart("scan", "病历.pdf", "application/pdf", FileKindTest.exe()));

        Map<String, Object> problem = problem(answer, 415, "scan");
        assertThat((String) problem.get("message")).contains("按内容识别");
        assertThat(endpoints.stored).hasSize(before);
    }

    @Test
    void anAttachmentOverTenMegabytesIsRefused413BeforeItIsRead() throws Exception {
        int before = endpoints.stored.size();

        HttpResponse<String> answer = upload(multipart("scan", "大图.pdf", "application/pdf", pdfOf(10 * MB + 1)));

        assertThat((String) problem(answer, 413, "body").get("message")).contains("10 MB");
        assertThat(endpoints.stored).hasSize(before);
    }

    @Test
    void aStreamedUploadIsCountedAndCutOffPastItsLimit() throws Exception {
        int before = endpoints.stored.size();

        HttpResponse<String> answer = stream(UploadTestEndpoints.STREAMED, "window1", "application/pdf", pdfOf(11 * MB));

        assertThat((String) problem(answer, 413, "body").get("messageEn")).contains("too large", "10 MB");
        assertThat(endpoints.stored).hasSize(before);
    }

    @Test
    void aStreamedUploadUnderItsLimitIsReadWhole() throws Exception {
        HttpResponse<String> answer = stream(UploadTestEndpoints.STREAMED, "window1", "application/octet-stream", pdfOf(9 * MB));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).get("bytes").asLong()).isEqualTo(9L * MB);
    }

    @Test
    void aStreamedProgramIsRefused415BeforeItIsRead() throws Exception {
        problem(stream(UploadTestEndpoints.STREAMED, "window1", "application/pdf", FileKindTest.exe()), 415, "body");
    }

    @Test
    void aChunkedJsonBodyOverSixtyFourKilobytesIsRefused413() throws Exception {
        byte[] body = ("{\"matter\": \"RETIREMENT\", \"padding\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = stream("/api/cases", "window1", "application/json", body);

        assertThat((String) problem(answer, 413, "body").get("message")).contains("64 KB");
    }

    @Test
    void aMatterZipOverFiveMegabytesIsRefused413() throws Exception {
        HttpResponse<String> answer = client.send(request("/api/admin/matters", "demo").header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[5 * MB + 1])).build(), HttpResponse.BodyHandlers.ofString());

        assertThat((String) problem(answer, 413, "body").get("message")).contains("5 MB");
    }

    /** A 300 MB import is refused on its declared length alone: the client has sent only the headers. */
    @Test
    void anImportOverTwoHundredMegabytesIsRefusedOnItsDeclaredLength() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/admin/insured/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("demo")
                    + "\r\nContent-Type: text/csv\r\nContent-Length: " + 300L * MB + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write("姓名,身份证号\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Read the answer as it comes: Tomcat keeps the connection to swallow what the client might still send.
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while (!received.toString(StandardCharsets.UTF_8).contains("]}") && (n = in.read(buffer)) > 0) {
                received.write(buffer, 0, n);
            }
            String answer = received.toString(StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("\"field\":\"body\"", "200 MB");
        }
    }
}
