package cn.yijianshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.CaseFile;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import cn.yijianshi.system.HallClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox through the HTTP SMS gateway sender against a recording gateway on 127.0.0.1: every message with its
 * own Idempotency-Key and a verifiable signature; 5xx and timeouts retried with the same key; 4xx given up at once
 * and shown to coordinators. The hall clock stands still at 2026-11-16 10:00 and moves only when a test says so.
 */
@HallIntegrationTest
class SmsGatewayDeliveryTest {

    private static final String SECRET = "测试密钥-gateway-secret";
    private static final Instant TEN_AM = TestCalendars.hall("2026-11-16T10:00");
    private static RecordingSmsGateway gateway;
    private static int nextPhone = 0;

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
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseFile caseFile;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = new RecordingSmsGateway();
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @BeforeEach
    void tenAm() {
        ClockUtil.setCurrentTime(Date.from(TEN_AM));
        gateway.answer(message -> 200);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void everyMessageArrivesOnceWithItsOwnKeyItsTemplateAndAVerifiableSignature() throws Exception {
        List<String> phones = IntStream.range(0, 20).mapToObj(i -> phone()).toList();
        for (int i = 0; i < phones.size(); i++) {
            outbox.send("NT-ALL-" + i, "ARBITRATION_SUBMITTED", phones.get(i), "张三您好：您的仲裁申请已提交（" + i + "）",
                    Map.of("name", "张三"));
        }

        drain(relay(settings(5, Duration.ofSeconds(2))));

        for (int i = 0; i < phones.size(); i++) {
            List<RecordingSmsGateway.Delivery> arrived = gateway.to(phones.get(i));
            assertThat(arrived).as("message %d arrives exactly once", i).hasSize(1);
            RecordingSmsGateway.Delivery delivery = arrived.get(0);
            String uuid = jdbc.queryForObject("SELECT message_uuid FROM notification_outbox WHERE case_id = ?", String.class,
                    "NT-ALL-" + i);
            assertThat(delivery.idempotencyKey()).isEqualTo(uuid);
            assertThat(delivery.json().path("id").asText()).isEqualTo(uuid);
            assertThat(delivery.json().path("template").asText()).isEqualTo("SMS_ARBITRATION_SUBMITTED");
            assertThat(delivery.json().path("params").path("caseId").asText()).isEqualTo("NT-ALL-" + i);
            assertThat(delivery.json().path("params").path("name").asText()).isEqualTo("张三");
            assertThat(delivery.json().path("text").asText()).isEqualTo("张三您好：您的仲裁申请已提交（" + i + "）");
            assertThat(delivery.signature()).isEqualTo(hmacSha256Hex(SECRET, delivery.body()));
            assertThat(status("NT-ALL-" + i)).isEqualTo("SENT");
        }
        Set<String> keys = gateway.deliveries().stream().map(RecordingSmsGateway.Delivery::idempotencyKey).collect(Collectors.toSet());
        assertThat(keys).as("no key twice").hasSize(gateway.deliveries().size());
    }

    @Test
    void aOneTimeCodeReachesTheGatewayAndIsBlankedInTheOutboxOnceSentOrGivenUp() {
        String phone = phone();
        String refusedPhone = phone();
        gateway.answer(message -> message.path("to").asText().equals(refusedPhone) ? 400 : 200);
        outbox.sendOneTimeCode("NT-CODE", "PROGRESS_CODE", "SMS_PROGRESS_CODE", phone, "验证码 482913，10分钟内有效", "482913");
        outbox.sendOneTimeCode("NT-CODE-REFUSED", "PROGRESS_CODE", "SMS_PROGRESS_CODE", refusedPhone,
                "验证码 771204，10分钟内有效", "771204");
        assertThat(jdbc.queryForObject("SELECT message FROM notification_outbox WHERE case_id = 'NT-CODE'", String.class))
                .as("held while it waits to be sent").contains("482913");

        drain(relay(settings(5, Duration.ofSeconds(2))));

        RecordingSmsGateway.Delivery delivery = gateway.to(phone).get(0);
        assertThat(delivery.json().path("text").asText()).isEqualTo("验证码 482913，10分钟内有效");
        assertThat(delivery.json().path("params").path(Outbox.ONE_TIME_CODE).asText()).isEqualTo("482913");
        assertThat(status("NT-CODE")).isEqualTo("SENT");
        assertThat(status("NT-CODE-REFUSED")).isEqualTo("FAILED");
        assertThat(jdbc.queryForList("SELECT CONCAT(message, template_params) FROM notification_outbox "
                + "WHERE case_id IN ('NT-CODE', 'NT-CODE-REFUSED')", String.class)).hasSize(2)
                .allSatisfy(stored -> assertThat(stored).contains("验证码 ******").doesNotContain("482913", "771204"));
    }

    @Test
    void aGatewayErrorIsRetriedAfterTheBackOffWithTheSameKey() {
        String phone = phone();
        gateway.answer(message -> message.path("to").asText().equals(phone) && gateway.to(phone).isEmpty() ? 500 : 200);
        outbox.send("NT-500", "ACCEPTED", phone, "您的申请已受理");
        OutboxRelay relay = relay(settings(5, Duration.ofSeconds(2)));

        drain(relay);
        assertThat(gateway.to(phone)).extracting(RecordingSmsGateway.Delivery::answered).containsExactly(500);
        assertThat(status("NT-500")).isEqualTo("PENDING");

        drain(relay);
        assertThat(gateway.to(phone)).as("not again before the back-off").hasSize(1);

        ClockUtil.setCurrentTime(Date.from(TEN_AM.plusSeconds(31)));
        drain(relay);
        List<RecordingSmsGateway.Delivery> tries = gateway.to(phone);
        assertThat(tries).extracting(RecordingSmsGateway.Delivery::answered).containsExactly(500, 200);
        assertThat(tries.get(1).idempotencyKey()).isEqualTo(tries.get(0).idempotencyKey());
        assertThat(status("NT-500")).isEqualTo("SENT");
        assertThat(jdbc.queryForObject("SELECT attempts FROM notification_outbox WHERE case_id = 'NT-500'", Integer.class)).isEqualTo(2);
    }

    @Test
    void aGatewayAskingToSlowDownIsRetriedNotRefused() {
        String phone = phone();
        AtomicBoolean first = new AtomicBoolean(true);
        gateway.answer(message -> message.path("to").asText().equals(phone) && first.getAndSet(false) ? 429 : 200);
        outbox.send("NT-429", "ACCEPTED", phone, "您的申请已受理");
        OutboxRelay relay = relay(settings(5, Duration.ofSeconds(2)));

        drain(relay);
        assertThat(status("NT-429")).isEqualTo("PENDING");
        ClockUtil.setCurrentTime(Date.from(TEN_AM.plusSeconds(31)));
        drain(relay);
        assertThat(status("NT-429")).isEqualTo("SENT");
        assertThat(gateway.to(phone)).extracting(RecordingSmsGateway.Delivery::answered).containsExactly(429, 200);
    }

    @Test
    void aTimeoutIsRetriedWithTheSameKey() {
        String phone = phone();
        AtomicBoolean first = new AtomicBoolean(true);
        gateway.answer(message -> {
            if (message.path("to").asText().equals(phone) && first.getAndSet(false)) {
                sleep(Duration.ofMillis(1500));
            }
            return 200;
        });
        outbox.send("NT-SLOW", "ACCEPTED", phone, "您的申请已受理");
        OutboxRelay relay = relay(settings(5, Duration.ofMillis(300)));

        drain(relay);
        assertThat(status("NT-SLOW")).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT last_error FROM notification_outbox WHERE case_id = 'NT-SLOW'", String.class))
                .containsIgnoringCase("timed out");

        ClockUtil.setCurrentTime(Date.from(TEN_AM.plusSeconds(31)));
        drain(relay);
        assertThat(status("NT-SLOW")).isEqualTo("SENT");
        for (long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos(); gateway.to(phone).size() < 2
                && System.nanoTime() < deadline; ) {
            sleep(Duration.ofMillis(50)); // the gateway records the slow first try when it finally answers
        }
        assertThat(gateway.to(phone)).hasSize(2).extracting(RecordingSmsGateway.Delivery::idempotencyKey).containsOnly(
                jdbc.queryForObject("SELECT message_uuid FROM notification_outbox WHERE case_id = 'NT-SLOW'", String.class));
    }

    @Test
    void aRefusedMessageFailsAtOnceIsNotRetriedAndCoordinatorsSeeIt() {
        String phone = phone();
        gateway.answer(message -> message.path("to").asText().equals(phone) ? 400 : 200);
        outbox.send("NT-400", "ARBITRATION_ACCEPTED", phone, "您的仲裁申请已受理");
        double failedBefore = meters.counter("yijianshi.notify.failed").count();
        OutboxRelay relay = relay(settings(5, Duration.ofSeconds(2)));

        drain(relay);
        ClockUtil.setCurrentTime(Date.from(TEN_AM.plus(Duration.ofHours(2))));
        drain(relay);

        assertThat(gateway.to(phone)).as("tried once, never again").hasSize(1);
        assertThat(status("NT-400")).isEqualTo("FAILED");
        assertThat(meters.counter("yijianshi.notify.failed").count()).isEqualTo(failedBefore + 1);

        var coordinator = http.withBasicAuth("coord1", "coord1").exchange("/api/notifications/failed", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { });
        assertThat(coordinator.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> shown = coordinator.getBody().stream().filter(m -> "NT-400".equals(m.get("caseId"))).findFirst().orElseThrow();
        assertThat(shown.get("to")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(shown.get("text")).isEqualTo("您的仲裁申请已受理");
        assertThat((String) shown.get("lastError")).contains("HTTP 400");
        assertThat((String) shown.get("failedAt")).startsWith("2026-11-16T10:00");
        assertThat(http.withBasicAuth("window1", "window1").getForEntity("/api/notifications/failed", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aGatewayThatKeepsFailingIsGivenUpAfterTheLastTry() {
        String phone = phone();
        gateway.answer(message -> message.path("to").asText().equals(phone) ? 503 : 200);
        outbox.send("NT-503", "ACCEPTED", phone, "您的申请已受理");
        OutboxRelay relay = relay(settings(3, Duration.ofSeconds(2)));

        drain(relay);
        ClockUtil.setCurrentTime(Date.from(TEN_AM.plusSeconds(30)));
        drain(relay);
        assertThat(status("NT-503")).isEqualTo("PENDING");
        ClockUtil.setCurrentTime(Date.from(TEN_AM.plusSeconds(89)));
        drain(relay);
        assertThat(gateway.to(phone)).as("the second wait is twice the first").hasSize(2);
        ClockUtil.setCurrentTime(Date.from(TEN_AM.plusSeconds(90)));
        drain(relay);
        ClockUtil.setCurrentTime(Date.from(TEN_AM.plus(Duration.ofDays(1))));
        drain(relay);

        assertThat(gateway.to(phone)).as("three tries, then no more").hasSize(3)
                .extracting(RecordingSmsGateway.Delivery::idempotencyKey).containsOnly(
                        jdbc.queryForObject("SELECT message_uuid FROM notification_outbox WHERE case_id = 'NT-503'", String.class));
        assertThat(status("NT-503")).isEqualTo("FAILED");
    }

    @Test
    void aClaimLeftByANodeThatDiedIsTakenOverAfterItsLease() {
        String phone = phone();
        outbox.send("NT-DEAD", "ACCEPTED", phone, "您的申请已受理");
        // The pool hands out connections with autocommit off: write in a transaction, or the pool rolls it back.
        new TransactionTemplate(transactions).executeWithoutResult(tx -> assertThat(jdbc.update(
                "UPDATE notification_outbox SET claimed_by = 'node-that-died', lease_until = ? WHERE case_id = 'NT-DEAD'",
                Timestamp.from(TEN_AM.plus(Duration.ofMinutes(2))))).isEqualTo(1));
        OutboxRelay relay = relay(settings(5, Duration.ofSeconds(2)));

        drain(relay);
        assertThat(gateway.to(phone)).as("held by the other node").isEmpty();

        ClockUtil.setCurrentTime(Date.from(TEN_AM.plus(Duration.ofMinutes(2)).plusSeconds(1)));
        drain(relay);
        assertThat(gateway.to(phone)).hasSize(1);
        assertThat(status("NT-DEAD")).isEqualTo("SENT");
        assertThat(jdbc.queryForObject("SELECT claimed_by FROM notification_outbox WHERE case_id = 'NT-DEAD'", String.class)).isNull();
    }

    @Test
    void aCaseMessageNamesItsTemplateAndCarriesTheCaseNumberAndTheCitizensName() throws Exception {
        String caseId = intake.accept(json.convertValue(TestCitizens.retirementIntake("王模板", TestCitizens.RETIRING_MAN),
                CaseIntakeRequest.class), null, "window1").caseId();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> caseFile.tellCitizen(caseId, "IN_PROGRESS", "您的申请正在办理"));

        List<Map<String, Object>> messages = jdbc.queryForList(
                "SELECT kind, template_code, template_params, message_uuid FROM notification_outbox WHERE case_id = ?", caseId);
        assertThat(messages).isNotEmpty().allSatisfy(message -> {
            assertThat(message.get("template_code")).isEqualTo("SMS_" + message.get("kind"));
            assertThat(message.get("message_uuid")).asString().hasSize(36);
        });
        var params = json.readTree((String) messages.get(0).get("template_params"));
        assertThat(params.path("caseId").asText()).isEqualTo(caseId);
        assertThat(params.path("name").asText()).isEqualTo("王模板");
    }

    private NotifySettings settings(int maxAttempts, Duration readTimeout) {
        return new NotifySettings("http", new NotifySettings.Http(gateway.url(), SECRET, Duration.ofSeconds(2), readTimeout),
                maxAttempts, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofMinutes(2), 50, "node-a");
    }

    private OutboxRelay relay(NotifySettings settings) {
        return new OutboxRelay(mapper, new HttpNotificationSender(settings, json), clock, transactions, settings, meters, true);
    }

    /** Runs the relay until a round delivers nothing (other tests' messages may wait in the shared outbox too). */
    private static void drain(OutboxRelay relay) {
        for (int round = 0; round < 100 && relay.sendPending() > 0; round++) {
            // the next batch
        }
    }

    private String status(String caseId) {
        return jdbc.queryForObject("SELECT status FROM notification_outbox WHERE case_id = ?", String.class, caseId);
    }

    private static synchronized String phone() {
        return "1390000" + String.format("%04d", nextPhone++);
    }

    private static String hmacSha256Hex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
