package cn.yijianshi.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import cn.yijianshi.intake.ResidentIdNumber;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The bench's client side ({@code --bench.remote=http://host:port[,http://host:port...]}): drives running nodes
 * over HTTP as the hall would, never boots Spring or the engine itself. It opens cases with {@code POST /api/cases}
 * as window1 and works every task of each case over {@code /engine-rest} as a user of the task's group (claim,
 * complete), spreading the cases round robin over the nodes, and stands in for the SMS gateway
 * ({@code --bench.gateway-port}, answers 200 at once) to count the messages the nodes' HTTP senders deliver.
 * Prints one {@code BENCH_RESULT {...}} line for {@code src/bench/two-nodes.sh} to put side by side.
 */
public final class RemoteBench {

    /** A retirement case that goes straight through: each task, its worker and what the worker enters. */
    private static final List<Step> STEPS = List.of(
            new Step("Task_ReviewMaterials", "window1", Map.of("materialsDecision", "COMPLETE", "originalAge", "60",
                    "contributionMonths", 360, "hasFundAccount", true)),
            new Step("Task_ArchivesReview", "archives1", Map.of("confirmedContributionMonths", 360,
                    "averageContributionIndex", 1.0, "personalAccountBalance", 139000.0, "transitionalPension", 0.0)),
            new Step("Task_AssessPension", "pension1", Map.of("approvedMonthlyPension", 3000.0)),
            new Step("Task_MedicalTransfer", "medical1", Map.of("departmentResult", "医保待遇已变更")),
            new Step("Task_FundWithdrawal", "fund1", Map.of("departmentResult", "公积金已提取")),
            new Step("Task_ApproveRetirement", "pension2", Map.of("approvalDecision", "APPROVE")));
    private static final Duration TASK_WAIT = Duration.ofSeconds(30);
    private static final Duration NODE_WAIT = Duration.ofMinutes(5);

    private record Step(String taskKey, String user, Map<String, Object> form) {
    }

    private final List<String> nodes;
    private final int cases;
    private final int threads;
    private final int warmup;
    private final int idBase;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger nextPerson = new AtomicInteger();

    private RemoteBench(Map<String, String> options) {
        this.nodes = Arrays.stream(options.get("bench.remote").split(",")).map(String::trim)
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).toList();
        this.cases = Integer.parseInt(options.getOrDefault("bench.cases", "30"));
        this.threads = Integer.parseInt(options.getOrDefault("bench.threads", "4"));
        this.warmup = Integer.parseInt(options.getOrDefault("bench.warmup", "5"));
        // Two runs on one database must not open cases for the same person twice.
        this.idBase = Integer.parseInt(options.getOrDefault("bench.person-offset", "0"));
    }

    public static boolean isRequested(String[] args) {
        return options(args).containsKey("bench.remote");
    }

    /** Runs the client bench and returns the process's exit code. */
    public static int run(String[] args) {
        Map<String, String> options = options(args);
        String port = options.get("bench.gateway-port");
        try {
            SmsGatewayStandIn gateway = port == null ? null : SmsGatewayStandIn.start(Integer.parseInt(port));
            try {
                return new RemoteBench(options).drive(gateway);
            } finally {
                if (gateway != null) {
                    gateway.stop();
                }
            }
        } catch (Exception e) {
            System.err.println("压测失败 / bench failed: " + e);
            return 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }

    private int drive(SmsGatewayStandIn gateway) throws Exception {
        for (String node : nodes) {
            awaitUp(node);
        }
        System.out.printf("bench: %d node(s) %s, %d cases, %d threads%n", nodes.size(), nodes, cases, threads);
        // The JIT and the pools warm up on untimed cases, on every node.
        timed(warmup * nodes.size(), this::wholeCase);
        List<Long> intakeNanos = Collections.synchronizedList(new ArrayList<>());
        long intakeWall = timed(cases, i -> intakeNanos.add(measure(() -> intake(i))));
        List<Long> caseNanos = Collections.synchronizedList(new ArrayList<>());
        long caseWall = timed(cases, i -> caseNanos.add(measure(() -> wholeCase(i))));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("nodes", nodes.size());
        result.put("cases", cases);
        result.put("threads", threads);
        result.put("intakes_per_s", perSecond(cases, intakeWall));
        result.put("intake_p50_ms", percentileMillis(intakeNanos, 50));
        result.put("intake_p95_ms", percentileMillis(intakeNanos, 95));
        result.put("cases_per_s", perSecond(cases, caseWall));
        result.put("case_p50_ms", percentileMillis(caseNanos, 50));
        result.put("case_p95_ms", percentileMillis(caseNanos, 95));
        if (gateway != null) {
            gateway.awaitQuiet(Duration.ofSeconds(10));
            result.put("messages_delivered", gateway.received());
            result.put("messages_repeated", gateway.repeated());
            result.put("messages_per_s", gateway.perSecond());
        }
        System.out.println("BENCH_RESULT " + json.writeValueAsString(result));
        return 0;
    }

    private interface CaseWork {
        void run(int i) throws Exception;
    }

    /** Runs {@code count} pieces of work on the bench's threads and returns the wall time in nanoseconds. */
    private long timed(int count, CaseWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int person = nextPerson.getAndIncrement();
                done.add(pool.submit(() -> {
                    work.run(person);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static long measure(Work work) {
        long start = System.nanoTime();
        try {
            work.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - start;
    }

    private String node(int i) {
        return nodes.get(i % nodes.size());
    }

    /** Opens a retirement case for made-up person {@code i} at node {@code i mod n}; returns its case id. */
    private String intake(int i) throws Exception {
        int person = idBase + i;
        // Men born in 1960 with 30 years of contributions: eligible under the 2025 rules.
        String idNumber = ResidentIdNumber.withCheckCharacter(String.format("1101011960%02d%02d%03d",
                1 + person / 28 % 12, 1 + person % 28, (person / 336 * 2 + 1) % 1000));
        Map<String, Object> body = Map.of(
                "matter", "RETIREMENT",
                "applicant", Map.of("name", "压测" + person, "idNumber", idNumber, "phone", "13800138000"),
                "channel", "WINDOW",
                "servicePoint", Map.of("code", "BENCH-01", "name", "压测网点"),
                "materials", List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES"),
                "priority", "NORMAL",
                "retirement", Map.of("type", "NORMAL", "originalAge", 60, "contributionMonths", 360, "hasFundAccount", true));
        JsonNode created = call(node(i), "window1", "POST", "/api/cases", body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()), 201);
        return created.get("caseId").asText();
    }

    /** Opens a case and works every task of it until it is completed, all at node {@code i mod n}. */
    private void wholeCase(int i) throws Exception {
        String caseId = intake(i);
        String node = node(i);
        for (Step step : STEPS) {
            String taskId = awaitTask(node, step, caseId);
            call(node, step.user(), "POST", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", step.user()), Map.of(), 204);
            Map<String, Object> variables = new HashMap<>();
            step.form().forEach((name, value) -> variables.put(name, Map.of("value", value, "type", typeOf(value))));
            call(node, step.user(), "POST", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables), Map.of(), 204);
        }
        JsonNode view = call(node, "window1", "GET", "/api/cases/" + caseId, null, Map.of(), 200);
        if (!"COMPLETED".equals(view.path("status").asText())) {
            throw new IllegalStateException("case " + caseId + " ended as " + view.path("status").asText());
        }
    }

    private String awaitTask(String node, Step step, String caseId) throws Exception {
        long deadline = System.nanoTime() + TASK_WAIT.toNanos();
        while (true) {
            JsonNode tasks = call(node, step.user(), "GET", "/engine-rest/task?processInstanceBusinessKey=" + caseId
                    + "&taskDefinitionKey=" + step.taskKey(), null, Map.of(), 200);
            if (!tasks.isEmpty()) {
                return tasks.get(0).get("id").asText();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(step.user() + " never saw " + step.taskKey() + " of " + caseId);
            }
            Thread.sleep(20);
        }
    }

    private static String typeOf(Object value) {
        return value instanceof Integer ? "Long" : value instanceof Double ? "Double" : value instanceof Boolean ? "Boolean" : "String";
    }

    private JsonNode call(String node, String user, String method, String path, Object body, Map<String, String> headers,
                          int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + node + path + " as " + user + ": " + response.statusCode()
                    + " " + response.body());
        }
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }

    private void awaitUp(String node) throws InterruptedException {
        long deadline = System.nanoTime() + NODE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(node + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(node + " did not come up within " + NODE_WAIT);
    }

    private static double perSecond(int count, long nanos) {
        return Math.round(count / (nanos / 1e9) * 100) / 100.0;
    }

    private static long percentileMillis(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return Math.round(sorted.get(index) / 1e6);
    }

    /** Stands in for the SMS gateway: answers 200 at once and counts each message once by its Idempotency-Key. */
    static final class SmsGatewayStandIn {

        private final HttpServer server;
        private final Set<String> keys = ConcurrentHashMap.newKeySet();
        private final AtomicInteger repeated = new AtomicInteger();
        private final AtomicLong first = new AtomicLong();
        private final AtomicLong last = new AtomicLong();

        private SmsGatewayStandIn(HttpServer server) {
            this.server = server;
        }

        static SmsGatewayStandIn start(int port) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            SmsGatewayStandIn gateway = new SmsGatewayStandIn(server);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                long now = System.nanoTime();
                gateway.first.compareAndSet(0, now);
                gateway.last.set(now);
                if (key != null && !gateway.keys.add(key)) {
                    gateway.repeated.incrementAndGet();
                }
                byte[] answer = "{\"accepted\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return gateway;
        }

        /** Waits until no message has come for {@code quiet}: the nodes' relays have sent what they had. */
        void awaitQuiet(Duration quiet) throws InterruptedException {
            long seen = -1;
            while (true) {
                long before = last.get();
                Thread.sleep(quiet.toMillis());
                if (last.get() == before && before == seen) {
                    return;
                }
                seen = last.get();
            }
        }

        int received() {
            return keys.size();
        }

        int repeated() {
            return repeated.get();
        }

        /** Messages per second between the first and the last arrival. */
        double perSecond() {
            long span = last.get() - first.get();
            return span <= 0 ? 0 : Math.round(keys.size() / (span / 1e9) * 100) / 100.0;
        }

        void stop() {
            server.stop(0);
        }
    }
}
