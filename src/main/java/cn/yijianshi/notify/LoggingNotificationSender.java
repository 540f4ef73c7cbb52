package cn.yijianshi.notify;

import cn.yijianshi.system.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default sender: writes the message to the log (masked), for halls without a gateway yet. */
@Configuration
public class LoggingNotificationSender {

    private static final Logger log = LoggerFactory.getLogger("notifications");

    @Bean
    @ConditionalOnMissingBean(NotificationSender.class)
    NotificationSender loggingSender() {
        return message -> log.info("to {} [{} {}]: {}", PersonalData.maskPhone(message.recipient()), message.caseId(),
                message.kind(), message.message());
    }
}
