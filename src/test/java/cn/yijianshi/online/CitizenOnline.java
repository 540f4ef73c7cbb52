package cn.yijianshi.online;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A citizen's phone browsing 码上办's API: keeps its session cookie as a browser does. */
final class CitizenOnline {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, Map<String, Object> body, String text) {
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    CitizenOnline(int port) {
        this.base = "http://localhost:" + port;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Answer upload(String path, String materialCode, String fileName, byte[] content) {
        String boundary = "----yjs" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"materialCode\"\r\n\r\n" + materialCode
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** Asks for a code, reads it from the demo provider's inbox, signs in. */
    Answer signIn(DemoSmsInbox inbox, String phone, String idNumber, String name) {
        Answer sent = post("/api/online/code", Map.of("phone", phone));
        if (sent.status() != 202) {
            throw new IllegalStateException("no code: " + sent.text());
        }
        String code = inbox.lastCodeTo(phone).orElseThrow();
        return post("/api/online/session", Map.of("phone", phone, "code", code, "idNumber", idNumber, "name", name));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            Map<String, Object> body = text == null || !text.trim().startsWith("{") ? Map.of()
                    : JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
            return new Answer(response.statusCode(), body, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
