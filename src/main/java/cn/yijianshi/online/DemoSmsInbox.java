package cn.yijianshi.online;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY: the "phone" of the demo 实名认证. The demo hall has no SMS gateway for one-time codes, so the last code
 * sent to each phone is held here, in this node's memory only (never in the database, the outbox or the log), for
 * the demo page's 演示短信 box and the tests. Exists only with {@code yijianshi.online.real-name.provider=demo}.
 */
@Component
@ConditionalOnProperty(name = "yijianshi.online.real-name.provider", havingValue = "demo")
public class DemoSmsInbox {

    private final Map<String, String> lastCode = new ConcurrentHashMap<>();

    void deliver(String phone, String code) {
        lastCode.put(phone, code);
    }

    /** The last code sent to {@code phone} on this node. */
    public Optional<String> lastCodeTo(String phone) {
        return Optional.ofNullable(lastCode.get(phone));
    }
}
