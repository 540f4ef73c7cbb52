package cn.yijianshi.notify;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yijianshi.notify.*}: which sender delivers the outbox, the SMS gateway's address and secret, and how
 * the relay retries and claims. The relay's schedule stays {@code yijianshi.outbox.relay-interval}.
 *
 * @param sender       {@code logging} (the demo default: messages go to the log, masked) or {@code http}
 * @param http         the HTTP SMS gateway, used when {@code sender=http}
 * @param maxAttempts  tries before a message the gateway could not take (5xx, timeout) is given up
 * @param backoff      wait after the first failed try; doubled after each further one
 * @param backoffMax   the longest wait between two tries
 * @param lease        how long a node holds the messages it claimed; another node takes over a claim whose
 *                     lease has run out (the node died). Longer than a batch's deliveries normally take.
 * @param batch        messages claimed at a time
 * @param nodeId       this node's name in {@code claimed_by}; empty: {@link cn.yijianshi.system.ThisNode} (process id and host)
 */
@ConfigurationProperties("yijianshi.notify")
public record NotifySettings(
        @DefaultValue("logging") String sender,
        @DefaultValue Http http,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT30S") Duration backoff,
        @DefaultValue("PT30M") Duration backoffMax,
        @DefaultValue("PT2M") Duration lease,
        @DefaultValue("50") int batch,
        @DefaultValue("") String nodeId) {

    /**
     * @param url            where messages are POSTed, e.g. {@code https://sms.example.gov.cn/v1/messages}
     * @param secret         the shared key for the {@code X-Signature} header (HMAC-SHA256 of the body)
     * @param connectTimeout how long to wait for the connection
     * @param readTimeout    how long to wait for the gateway's answer once connected
     */
    public record Http(
            URI url,
            @DefaultValue("") String secret,
            @DefaultValue("PT2S") Duration connectTimeout,
            @DefaultValue("PT5S") Duration readTimeout) {
    }

    /** The wait before try number {@code attempts + 1}, after {@code attempts} failed tries. */
    Duration backoffAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = backoff.multipliedBy(1L << doublings);
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
