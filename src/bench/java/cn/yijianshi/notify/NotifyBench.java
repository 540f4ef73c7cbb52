package cn.yijianshi.notify;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import cn.yijianshi.system.HallClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bench's notification part (before the case bench, {@code --bench.messages=2000}; 0 skips it): messages per
 * second through the HTTP sender to a stand-in gateway on 127.0.0.1 that answers 200 at once, with one relay and
 * with two relays claiming from the same outbox (as two nodes would), and whether any key arrived twice.
 */
@Component
@Profile("bench")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NotifyBench implements ApplicationRunner {

    private final Outbox outbox;
    private final OutboxMapper mapper;
    private final HallClock clock;
    private final PlatformTransactionManager transactions;
    private final MeterRegistry meters;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;
    private final int messages;

    public NotifyBench(Outbox outbox, OutboxMapper mapper, HallClock clock, PlatformTransactionManager transactions,
                       MeterRegistry meters, ObjectMapper json, JdbcTemplate jdbc,
                       @Value("${bench.messages:2000}") int messages) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
        this.transactions = transactions;
        this.meters = meters;
        this.json = json;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (messages <= 0) {
            return;
        }
        // The JDK's server otherwise waits for the client's delayed ACK before each answer (Nagle): 45 ms a message.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Set<String> keys = ConcurrentHashMap.newKeySet();
        AtomicInteger repeats = new AtomicInteger();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        gateway.createContext("/sms", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (!keys.add(exchange.getRequestHeaders().getFirst(HttpNotificationSender.IDEMPOTENCY_KEY))) {
                repeats.incrementAndGet();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        gateway.setExecutor(threads);
        gateway.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
            System.out.println("== notifications: " + messages + " messages through the HTTP sender to a local gateway ==");
            relay(url, "NB0", Math.min(messages, 500), 2, false); // warm-up
            relay(url, "NB1", messages, 1, true);
            relay(url, "NB2", messages, 2, true);
            System.out.printf("notifications: %d keys received, %d of them twice%n", keys.size(), repeats.get());
        } finally {
            gateway.stop(0);
            threads.shutdownNow();
        }
    }

    private void relay(URI url, String run, int count, int relays, boolean print) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            for (int i = 0; i < count; i++) {
                outbox.send(run + "-" + i, "BENCH", "138" + String.format("%08d", i), "压力测试通知 " + i, Map.of("name", "测试"));
            }
        });
        long start = System.nanoTime();
        CompletableFuture<?>[] nodes = new CompletableFuture<?>[relays];
        for (int n = 0; n < relays; n++) {
            NotifySettings settings = new NotifySettings("http", new NotifySettings.Http(url, "bench-secret",
                    Duration.ofSeconds(2), Duration.ofSeconds(5)), 5, Duration.ofSeconds(30), Duration.ofMinutes(30),
                    Duration.ofMinutes(2), 50, "bench-node-" + n);
            OutboxRelay relay = new OutboxRelay(mapper, new HttpNotificationSender(settings, json), clock, transactions,
                    settings, meters, true);
            nodes[n] = CompletableFuture.runAsync(() -> {
                while (relay.sendPending() > 0) {
                    // the next batch, as the schedule would take it
                }
            });
        }
        CompletableFuture.allOf(nodes).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Integer sent = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE case_id LIKE ? AND status = 'SENT'",
                Integer.class, run + "-%");
        if (print) {
            System.out.printf("notifications, %d relay%s: %d sent in %.1f s, %.0f messages/s%n", relays, relays == 1 ? "" : "s",
                    sent, seconds, sent / seconds);
        }
    }
}
