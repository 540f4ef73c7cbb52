package cn.yijianshi.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in SMS gateway on 127.0.0.1 (a random port): records every POST (its Idempotency-Key, X-Signature and
 * body) and answers with the status the test chooses for that message (by default 200).
 */
public final class RecordingSmsGateway implements AutoCloseable {

    public record Delivery(String idempotencyKey, String signature, byte[] body, JsonNode json, int answered) {

        String to() {
            return json.path("to").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Without it the JDK's server waits for the client's delayed ACK before each answer (Nagle): 45 ms a
        // message instead of 2. Read once, when the first server of the JVM starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private volatile ToIntFunction<JsonNode> answer = message -> 200;

    public RecordingSmsGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode json = JSON.readTree(body);
            int status = answer.applyAsInt(json);
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("X-Signature"), body, json, status));
            byte[] reply = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    /** How the gateway answers each message it receives (its JSON body in hand). */
    public void answer(ToIntFunction<JsonNode> status) {
        this.answer = status;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public List<Delivery> to(String phone) {
        return deliveries().stream().filter(d -> d.to().equals(phone)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
