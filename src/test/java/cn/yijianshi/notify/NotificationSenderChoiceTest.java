package cn.yijianshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code yijianshi.notify.sender} picks the sender: the log by default, the HTTP gateway when configured fully. */
class NotificationSenderChoiceTest {

    @Configuration
    @EnableConfigurationProperties(NotifySettings.class)
    @Import({LoggingNotificationSender.class, HttpNotificationSender.class})
    static class Senders {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(Senders.class);

    @Test
    void withoutConfigurationMessagesGoToTheLog() {
        context.run(it -> assertThat(it).getBean(NotificationSender.class).isInstanceOf(LoggingNotificationSender.class));
    }

    @Test
    void theHttpSenderTakesTheGatewaysAddressSecretAndTimeouts() {
        context.withPropertyValues("yijianshi.notify.sender=http", "yijianshi.notify.http.url=http://127.0.0.1:9/sms",
                        "yijianshi.notify.http.secret=s3cret", "yijianshi.notify.http.read-timeout=PT3S")
                .run(it -> {
                    assertThat(it).getBean(NotificationSender.class).isInstanceOf(HttpNotificationSender.class);
                    assertThat(it.getBean(NotifySettings.class).http().readTimeout()).hasSeconds(3);
                    assertThat(it.getBean(NotifySettings.class).maxAttempts()).isEqualTo(5);
                });
    }

    @Test
    void theHttpSenderWithoutAnAddressStopsTheStartWithAClearMessage() {
        context.withPropertyValues("yijianshi.notify.sender=http", "yijianshi.notify.http.secret=s3cret")
                .run(it -> assertThat(it).hasFailed().getFailure().rootCause().hasMessageContaining("yijianshi.notify.http.url"));
    }

    @Test
    void theBackOffDoublesUpToItsLimit() {
        NotifySettings settings = new NotifySettings("http", null, 10, java.time.Duration.ofSeconds(30),
                java.time.Duration.ofMinutes(5), java.time.Duration.ofMinutes(2), 50, "n");
        assertThat(settings.backoffAfter(1)).hasSeconds(30);
        assertThat(settings.backoffAfter(2)).hasSeconds(60);
        assertThat(settings.backoffAfter(3)).hasSeconds(120);
        assertThat(settings.backoffAfter(5)).hasMinutes(5);
        assertThat(settings.backoffAfter(40)).hasMinutes(5);
    }
}
