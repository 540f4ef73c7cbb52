package cn.yijianshi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import cn.yijianshi.TestCalendars;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.MysqlHallTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two relays with different node ids on one MariaDB database, running at the same moment over 2,000 waiting
 * messages (as two nodes would): every message reaches the gateway exactly once. Before claiming, 290 of 5,000
 * went out twice (issue 15).
 */
@MysqlHallTest
// As before: without the demo hall's users and service points.
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=mysql-outbox", "yijianshi.demo-users=false"})
class MysqlOutboxTwoRelaysTest {

    private static final int MESSAGES = 2_000;
    private static final Instant TEN_AM = TestCalendars.hall("2026-11-16T10:00");

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

    @BeforeEach
    void tenAm() {
        ClockUtil.setCurrentTime(Date.from(TEN_AM));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void twoNodesRelayingAtOnceDeliverEveryMessageExactlyOnce() throws Exception {
        String run = "2R" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            for (int i = 0; i < MESSAGES; i++) {
                outbox.send(run + "-" + i, "ACCEPTED", "138" + String.format("%08d", i), "您的申请已受理（" + i + "）",
                        Map.of("name", "测试"));
            }
        });
        Map<String, String> uuids = jdbc.queryForList("SELECT message_uuid, case_id FROM notification_outbox WHERE case_id LIKE ?",
                run + "-%").stream().collect(Collectors.toMap(r -> (String) r.get("message_uuid"), r -> (String) r.get("case_id")));
        assertThat(uuids).hasSize(MESSAGES);

        try (RecordingSmsGateway gateway = new RecordingSmsGateway()) {
            OutboxRelay nodeA = relay(gateway, "node-a");
            OutboxRelay nodeB = relay(gateway, "node-b");
            CountDownLatch start = new CountDownLatch(1);
            long began = System.nanoTime();
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> relayUntilEmpty(nodeA, start, run));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> relayUntilEmpty(nodeB, start, run));
            start.countDown();
            int byA = a.get(3, TimeUnit.MINUTES);
            int byB = b.get(3, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("[outbox] two relays: %d by node-a, %d by node-b, %.0f messages/s%n", byA, byB,
                    (byA + byB) / seconds);

            List<RecordingSmsGateway.Delivery> ours = gateway.deliveries().stream()
                    .filter(d -> uuids.containsKey(d.idempotencyKey())).toList();
            Map<String, Long> perKey = ours.stream().collect(Collectors.groupingBy(RecordingSmsGateway.Delivery::idempotencyKey,
                    Collectors.counting()));
            assertThat(perKey).as("every message arrived").hasSize(MESSAGES);
            assertThat(perKey.values()).as("no message twice").containsOnly(1L);
            assertThat(ours).allSatisfy(d -> assertThat(d.json().path("params").path("caseId").asText())
                    .isEqualTo(uuids.get(d.idempotencyKey())));
            assertThat(byA + byB).isEqualTo(MESSAGES);
            assertThat(byA).as("both nodes shared the work").isPositive();
            assertThat(byB).as("both nodes shared the work").isPositive();
        }
        List<Map<String, Object>> states = jdbc.queryForList("SELECT status, attempts, claimed_by, COUNT(*) AS n "
                + "FROM notification_outbox WHERE case_id LIKE ? GROUP BY status, attempts, claimed_by", run + "-%");
        assertThat(states).as("each SENT once, after one try, nobody's claim left").hasSize(1);
        assertThat(states.get(0)).containsEntry("status", "SENT").containsEntry("attempts", 1).containsEntry("claimed_by", null);
        assertThat(((Number) states.get(0).get("n")).intValue()).isEqualTo(MESSAGES);
    }

    private OutboxRelay relay(RecordingSmsGateway gateway, String node) {
        NotifySettings settings = new NotifySettings("http", new NotifySettings.Http(gateway.url(), "secret",
                Duration.ofSeconds(2), Duration.ofSeconds(5)), 5, Duration.ofSeconds(30), Duration.ofMinutes(30),
                Duration.ofMinutes(2), 50, node);
        return new OutboxRelay(mapper, new HttpNotificationSender(settings, json), clock, transactions, settings, meters, true);
    }

    /** One node's relay, run back to back (as its schedule would, only faster) until none of the run's messages waits. */
    private int relayUntilEmpty(OutboxRelay relay, CountDownLatch start, String run) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        int sent = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            sent += relay.sendPending();
            Integer waiting = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE case_id LIKE ? AND status = 'PENDING'",
                    Integer.class, run + "-%");
            if (waiting == 0) {
                return sent;
            }
        }
        return sent;
    }
}
