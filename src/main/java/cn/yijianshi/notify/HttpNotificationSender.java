package cn.yijianshi.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The SMS gateway over HTTP ({@code yijianshi.notify.sender=http}). Each message is one
 * {@code POST yijianshi.notify.http.url} with the JSON body
 * {@code {"id": uuid, "to": phone, "template": code, "params": {...}, "text": rendered text}} and the headers
 * {@code Idempotency-Key: <the message's UUID>} (the same on every try, so the gateway can drop a repeat) and
 * {@code X-Signature: <hex HMAC-SHA256 of the exact body bytes, keyed with yijianshi.notify.http.secret>}.
 * A 2xx answer means delivered; 4xx refused for good ({@link DeliveryRefused}), except 408 and 429 (the gateway
 * is busy); anything else (5xx, 3xx, a timeout, no connection) is retried by the relay.
 */
@Component
@ConditionalOnProperty(name = "yijianshi.notify.sender", havingValue = "http")
public class HttpNotificationSender implements NotificationSender {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String SIGNATURE = "X-Signature";
    private static final String HMAC = "HmacSHA256";
    private static final int ANSWER_LENGTH = 200;
    /** 4xx answers that mean "not now" rather than "never": retried like a 5xx. */
    private static final int TIMEOUT = 408;
    private static final int TOO_MANY_REQUESTS = 429;

    private final NotifySettings.Http gateway;
    private final ObjectMapper json;
    private final HttpClient client;

    public HttpNotificationSender(NotifySettings settings, ObjectMapper json) {
        this.gateway = settings.http();
        if (gateway.url() == null) {
            throw new IllegalStateException("yijianshi.notify.sender=http needs yijianshi.notify.http.url (the SMS gateway's address)");
        }
        if (gateway.secret().isBlank()) {
            throw new IllegalStateException("yijianshi.notify.sender=http needs yijianshi.notify.http.secret (the key for X-Signature)");
        }
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(gateway.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void deliver(OutboxMessage message) throws IOException, InterruptedException, DeliveryRefused {
        byte[] body = body(message);
        HttpRequest request = HttpRequest.newBuilder(gateway.url())
                .timeout(gateway.readTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header(IDEMPOTENCY_KEY, message.uuid())
                .header(SIGNATURE, sign(body, gateway.secret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String answer = "HTTP " + status + " " + shorten(response.body());
        if (status >= 400 && status < 500 && status != TIMEOUT && status != TOO_MANY_REQUESTS) {
            throw new DeliveryRefused(answer);
        }
        throw new IOException("SMS gateway answered " + answer);
    }

    private byte[] body(OutboxMessage message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", message.uuid());
        body.put("to", message.recipient());
        body.put("template", message.templateCode());
        body.put("params", message.templateParams() == null ? Map.of() : json.readTree(message.templateParams()));
        body.put("text", message.message());
        return json.writeValueAsBytes(body);
    }

    /** Lowercase hex of HMAC-SHA256(secret, body): what a gateway computes over the bytes it received to check us. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static String shorten(String answer) {
        String oneLine = answer == null ? "" : answer.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= ANSWER_LENGTH ? oneLine : oneLine.substring(0, ANSWER_LENGTH);
    }
}
