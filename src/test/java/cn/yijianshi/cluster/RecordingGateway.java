package cn.yijianshi.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the SMS gateway on 127.0.0.1: records every POST (its Idempotency-Key, signature and body)
 * and answers with the status the test chooses (200 unless told otherwise).
 */
final class RecordingGateway implements AutoCloseable {

    record Delivery(String idempotencyKey, String signature, String body, int answered) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicReference<IntSupplier> answer = new AtomicReference<>(() -> 200);

    RecordingGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = answer.get().getAsInt();
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("X-Signature"), new String(body, StandardCharsets.UTF_8), status));
            byte[] reply = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    void answer(IntSupplier status) {
        answer.set(status);
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
