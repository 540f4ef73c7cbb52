package cn.yijianshi.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.ThisNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what waits in the outbox, a batch at a time: claims the batch, delivers it, records each outcome.
 * <p>
 * <b>On two nodes</b> (or more, on one database) every node runs this relay on its own schedule. A node claims
 * a batch in one short transaction: {@code SELECT ... FOR UPDATE SKIP LOCKED} picks due messages nobody holds,
 * skipping rows another node is claiming at that moment, and writes its own id and a lease expiry on them
 * ({@code claimed_by}, {@code lease_until}). It delivers outside any transaction and records each outcome only
 * while the claim is still its own. So two nodes never hold the same message at once and share the work. A node
 * that dies holding a claim leaves the message to whichever node claims after the lease
 * ({@code yijianshi.notify.lease}) has run out; a node only starts a delivery while more than half its lease is
 * left, and gives back the rest of its batch.
 * <p>
 * Delivery is at least once: a node that dies between the gateway's answer and its record, or outlives its
 * lease in a hung call, leaves the message to be sent again, always with the same Idempotency-Key (the
 * message's UUID), so the gateway can drop the repeat. A refused message ({@link DeliveryRefused}) fails for good
 * at once; any other failure is retried with exponential back-off up to {@code yijianshi.notify.max-attempts},
 * then fails. Failed messages are listed for coordinators ({@code /api/notifications/failed}, on /sla) and
 * counted ({@code yijianshi_notify_failed_total}; a counter per node, which Prometheus sums correctly).
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int ERROR_LENGTH = 500;
    /** The one-time code in the stored parameters (JSON as {@link Outbox} writes it). */
    private static final java.util.regex.Pattern ONE_TIME_CODE =
            java.util.regex.Pattern.compile("\"" + Outbox.ONE_TIME_CODE + "\":\"([0-9A-Za-z]+)\"");

    private final OutboxMapper mapper;
    private final NotificationSender sender;
    private final HallClock clock;
    private final TransactionTemplate claimTransaction;
    private final NotifySettings settings;
    private final String owner;
    private final boolean enabled;
    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;

    public OutboxRelay(OutboxMapper mapper, NotificationSender sender, HallClock clock,
                       PlatformTransactionManager transactions, NotifySettings settings, MeterRegistry meters,
                       @Value("${yijianshi.outbox.relay-enabled:true}") boolean enabled) {
        this.mapper = mapper;
        this.sender = sender;
        this.clock = clock;
        this.settings = settings;
        this.enabled = enabled;
        this.owner = settings.nodeId().isBlank() ? ThisNode.name() : settings.nodeId();
        this.claimTransaction = new TransactionTemplate(transactions);
        // READ COMMITTED (as the pool's default): no gap locks, so citizens' steps inserting new messages
        // never wait for a claim.
        claimTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        claimTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.delivered = Counter.builder("yijianshi.notify.delivered").description("通知已送达短信网关（本节点）").register(meters);
        this.retried = Counter.builder("yijianshi.notify.retried").description("通知发送失败、稍后重试（本节点）").register(meters);
        this.failed = Counter.builder("yijianshi.notify.failed").description("通知发送失败、不再重试（本节点）").register(meters);
    }

    @Scheduled(fixedDelayString = "${yijianshi.outbox.relay-interval:PT10S}")
    public void relay() {
        if (enabled) {
            sendPending();
        }
    }

    /** Claims and sends one batch; returns how many were delivered. */
    public int sendPending() {
        Instant now = clock.now();
        Instant leaseUntil = now.plus(settings.lease());
        List<OutboxMessage> batch = claim(now, leaseUntil);
        Instant lastStart = leaseUntil.minus(settings.lease().dividedBy(2));
        int sent = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (clock.now().isAfter(lastStart)) {
                List<Long> rest = batch.subList(i, batch.size()).stream().map(OutboxMessage::id).toList();
                mapper.release(rest, owner);
                log.info("outbox: half of the lease gone, {} messages given back", rest.size());
                break;
            }
            sent += deliver(batch.get(i));
        }
        return sent;
    }

    /** This relay's name in {@code claimed_by}. */
    public String owner() {
        return owner;
    }

    private List<OutboxMessage> claim(Instant now, Instant leaseUntil) {
        List<OutboxMessage> claimed = claimTransaction.execute(status -> {
            List<Long> ids = mapper.lockClaimable(now, settings.batch());
            if (ids.isEmpty()) {
                return List.of();
            }
            mapper.claim(ids, owner, leaseUntil);
            return mapper.claimedBy(owner, ids);
        });
        return claimed == null ? List.of() : claimed;
    }

    private int deliver(OutboxMessage message) {
        try {
            sender.deliver(message);
            int marked = mapper.markSent(message.id(), owner, clock.now());
            if (marked == 1) {
                forgetOneTimeCode(message);
            }
            if (marked == 0) {
                log.warn("outbox message {} delivered after this node's claim ran out; another node may send it again "
                        + "with the same key", message.uuid());
            }
            delivered.increment();
            return marked;
        } catch (DeliveryRefused e) {
            log.warn("outbox message {} for case {} refused by the gateway, not retried: {}", message.uuid(),
                    message.caseId(), e.getMessage());
            giveUp(message, "网关拒收 / refused: " + e.getMessage());
        } catch (Exception e) {
            int attempts = message.attempts() + 1;
            if (attempts >= settings.maxAttempts()) {
                log.warn("outbox message {} for case {} not delivered after {} tries, given up: {}", message.uuid(),
                        message.caseId(), attempts, e.toString());
                giveUp(message, "重试 " + attempts + " 次仍失败 / gave up after " + attempts + " tries: " + e);
            } else {
                Duration wait = settings.backoffAfter(attempts);
                log.info("outbox message {} for case {} not delivered (try {}), next try in {}: {}", message.uuid(),
                        message.caseId(), attempts, wait, e.toString());
                mapper.markRetry(message.id(), owner, shorten(e.toString()), clock.now().plus(wait));
                retried.increment();
            }
        }
        return 0;
    }

    private void giveUp(OutboxMessage message, String why) {
        if (mapper.markFailed(message.id(), owner, shorten(why), clock.now()) == 1) {
            forgetOneTimeCode(message);
        }
        failed.increment();
    }

    /**
     * A message sent with {@link Outbox#sendOneTimeCode}: its code blanked where it is stored, once it is gone and
     * still this node's (a message another node has claimed since keeps its code until that node is done).
     */
    private void forgetOneTimeCode(OutboxMessage message) {
        java.util.regex.Matcher code = ONE_TIME_CODE.matcher(message.templateParams() == null ? "" : message.templateParams());
        if (code.find()) {
            String blank = "*".repeat(code.group(1).length());
            mapper.forgetOneTimeCode(message.id(), message.message().replace(code.group(1), blank),
                    code.replaceAll("\"" + Outbox.ONE_TIME_CODE + "\":\"" + blank + "\""));
        }
    }

    private static String shorten(String error) {
        return error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }

}
