package cn.yijianshi.notify;

import cn.yijianshi.system.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The demo default ({@code yijianshi.notify.sender=logging}): writes the message to the log (masked), for halls without a gateway yet. */
@Component
@ConditionalOnProperty(name = "yijianshi.notify.sender", havingValue = "logging", matchIfMissing = true)
public class LoggingNotificationSender implements NotificationSender {

    private static final Logger log = LoggerFactory.getLogger("notifications");

    @Override
    public void deliver(OutboxMessage message) {
        log.info("to {} [{} {}]: {}", PersonalData.maskPhone(message.recipient()), message.caseId(), message.kind(),
                message.message());
    }
}
