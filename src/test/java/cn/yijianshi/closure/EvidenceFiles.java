package cn.yijianshi.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Evidence files for tests: a small PDF (a 告知书 scan) and its upload, as 销号 of 养老待遇 and 工龄认定 needs one. */
public final class EvidenceFiles {

    private EvidenceFiles() {
    }

    /** A PDF as the upload policy tells it: by its first bytes. */
    public static byte[] scan() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%告知书扫描件\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    public static ResponseEntity<Map<String, Object>> upload(TestRestTemplate http, String user, String issueId, String fileName,
                                                            byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.APPLICATION_PDF);
        parts.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, partHeaders));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).exchange("/api/issues/" + issueId + "/attachments", HttpMethod.POST,
                new HttpEntity<>(parts, headers), new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    /** Attaches a scan as the coordinator, asserting it was kept. */
    public static void attachScan(TestRestTemplate http, String issueId) {
        assertThat(upload(http, "coord1", issueId, "告知书.pdf", scan()).getStatusCode().value()).isEqualTo(201);
    }
}
