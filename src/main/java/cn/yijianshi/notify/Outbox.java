package cn.yijianshi.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.yijianshi.system.HallClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Puts a message for a citizen into the outbox, inside the caller's transaction. Each message gets its own
 * UUID (the gateway's Idempotency-Key), its kind as the gateway's template code ({@code SMS_<kind>}) and the
 * template's parameters beside the rendered text.
 */
@Component
public class Outbox {

    private static final String TEMPLATE_PREFIX = "SMS_";

    private final OutboxMapper mapper;
    private final HallClock clock;
    private final ObjectMapper json;

    public Outbox(OutboxMapper mapper, HallClock clock, ObjectMapper json) {
        this.mapper = mapper;
        this.clock = clock;
        this.json = json;
    }

    /** A message whose template takes the case (or referral) number only. */
    public void send(String caseId, String kind, String recipientPhone, String message) {
        send(caseId, kind, recipientPhone, message, Map.of());
    }

    /** A message whose template takes the case (or referral) number and {@code params} (name, dates ...). */
    public void send(String caseId, String kind, String recipientPhone, String message, Map<String, ?> params) {
        send(caseId, kind, TEMPLATE_PREFIX + kind, recipientPhone, message, params);
    }

    /** The parameter that carries a one-time code to the gateway ({@link #sendOneTimeCode}). */
    public static final String ONE_TIME_CODE = "oneTimeCode";

    /**
     * A one-time code (a verification code) to a phone: the gateway gets it in the text and as the template's
     * {@value #ONE_TIME_CODE}; once the message is delivered or given up, the relay blanks it in the stored text and
     * parameters, so the outbox keeps no usable code (it holds one only while the message waits to be sent).
     */
    public void sendOneTimeCode(String caseId, String kind, String templateCode, String recipientPhone, String message,
                                String code) {
        send(caseId, kind, templateCode, recipientPhone, message, Map.of(ONE_TIME_CODE, code));
    }

    /** A message under the gateway template a matter file names for it ({@code "sms": "SMS_..."}). */
    public void send(String caseId, String kind, String templateCode, String recipientPhone, String message,
                     Map<String, ?> params) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("caseId", caseId);
        all.putAll(params);
        mapper.insert(new NewMessage(UUID.randomUUID().toString(), caseId, kind, recipientPhone, message,
                templateCode, toJson(all), clock.now()));
    }

    public List<OutboxMessage> of(String caseId) {
        return mapper.forCase(caseId);
    }

    private String toJson(Map<String, Object> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("template parameters are not JSON: " + params.keySet(), e);
        }
    }

    /** What {@link OutboxMapper#insert} writes. */
    record NewMessage(String uuid, String caseId, String kind, String recipient, String message, String templateCode,
                      String templateParams, java.time.Instant createdAt) {
    }
}
