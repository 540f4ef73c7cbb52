package cn.yijianshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.system.HallClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;

/** A coordinator opens /sla in a real Chromium and finds the message the gateway refused, phone masked. */
@HallIntegrationTest
class FailedNotificationsPageTest {

    @LocalServerPort
    int port;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxMapper mapper;
    @Autowired
    HallClock clock;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MeterRegistry meters;
    @Autowired
    NotifySettings settings;

    @Test
    void theCoordinatorSeesTheMessageTheGatewayRefused() {
        try {
            ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-17T14:20")));
            outbox.send("NT-PAGE-1", "ARBITRATION_ACCEPTED", "13712345678", "李四您好：您的仲裁申请已受理");
            NotificationSender refusing = message -> {
                if (message.caseId().equals("NT-PAGE-1")) {
                    throw new DeliveryRefused("HTTP 400 {\"error\":\"号码已停机\"}");
                }
            };
            new OutboxRelay(mapper, refusing, clock, transactions, settings, meters, true).sendPending();
        } finally {
            ClockUtil.reset();
        }

        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.logIn("coord1", "coord1");
            browser.go("/sla");
            browser.waitForText(By.id("failed-notifications"), "NT-PAGE-1", Duration.ofSeconds(20));
            String row = browser.driver().findElements(By.cssSelector("#failed-notifications tbody tr")).stream()
                    .map(org.openqa.selenium.WebElement::getText).filter(text -> text.contains("NT-PAGE-1")).findFirst().orElseThrow();
            assertThat(row).contains("2026-11-17 14:20", "137****5678", "李四您好：您的仲裁申请已受理", "号码已停机")
                    .doesNotContain("13712345678");
            assertThat(browser.pageText()).contains("发送失败的通知");
            browser.screenshot("sla-failed-notifications");
        }
    }
}
