package cn.yijianshi.notify;

import java.time.OffsetDateTime;
import java.util.List;

import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.PersonalData;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/notifications/failed: the latest 50 messages to citizens the gateway refused or that ran out of
 * tries, for coordinators (shown on /sla as 发送失败的通知) to reach the citizen another way.
 */
@RestController
@PreAuthorize("hasAnyAuthority('GROUP_coordinators', 'GROUP_managers', 'GROUP_camunda-admin')")
public class FailedNotificationsController {

    private static final int LATEST = 50;

    private final OutboxMapper outbox;
    private final HallClock clock;

    public FailedNotificationsController(OutboxMapper outbox, HallClock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One failed message; the phone number masked, the text as the citizen would have read it. */
    public record Item(String id, String caseId, String kind, String template, String to, String text, int attempts, String lastError,
                       OffsetDateTime failedAt) {
    }

    @GetMapping("/api/notifications/failed")
    public List<Item> failed() {
        return outbox.failed(LATEST).stream().map(m -> new Item(m.uuid(), m.caseId(), m.kind(), m.templateCode(),
                PersonalData.maskPhone(m.recipient()), PersonalData.maskInText(m.message()), m.attempts(),
                PersonalData.maskInText(m.lastError()),
                clock.inHallZone(m.failedAt()))).toList();
    }
}
