package cn.yijianshi.notify;

import cn.yijianshi.system.HallClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends what waits in the outbox, a batch at a time, retrying failures a bounded number of times. */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final int BATCH = 100;

    private final OutboxMapper mapper;
    private final NotificationSender sender;
    private final HallClock clock;
    private final boolean enabled;

    public OutboxRelay(OutboxMapper mapper, NotificationSender sender, HallClock clock,
                       @Value("${yijianshi.outbox.relay-enabled:true}") boolean enabled) {
        this.mapper = mapper;
        this.sender = sender;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${yijianshi.outbox.relay-interval:PT10S}")
    public void relay() {
        if (enabled) {
            sendPending();
        }
    }

    /** Sends one batch; returns how many were sent. */
    public int sendPending() {
        int sent = 0;
        for (OutboxMessage message : mapper.pending(MAX_ATTEMPTS, BATCH)) {
            try {
                sender.deliver(message);
                sent += mapper.markSent(message.id(), clock.now());
            } catch (Exception e) {
                log.warn("outbox message {} for case {} not delivered: {}", message.id(), message.caseId(), e.toString());
                mapper.markFailed(message.id(), String.valueOf(e.getMessage()), MAX_ATTEMPTS);
            }
        }
        return sent;
    }
}
