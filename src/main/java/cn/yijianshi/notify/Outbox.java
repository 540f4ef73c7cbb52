package cn.yijianshi.notify;

import java.util.List;

import cn.yijianshi.system.HallClock;
import org.springframework.stereotype.Component;

/** Puts a message for a citizen into the outbox, inside the caller's transaction. */
@Component
public class Outbox {

    private final OutboxMapper mapper;
    private final HallClock clock;

    public Outbox(OutboxMapper mapper, HallClock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public void send(String caseId, String kind, String recipientPhone, String message) {
        mapper.insert(caseId, kind, recipientPhone, message, clock.now());
    }

    public List<OutboxMessage> of(String caseId) {
        return mapper.forCase(caseId);
    }
}
