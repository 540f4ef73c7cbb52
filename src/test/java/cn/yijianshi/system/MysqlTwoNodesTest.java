package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import cn.yijianshi.notify.RecordingSmsGateway;
import cn.yijianshi.security.HallGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes of the hall, each a JVM of its own, started at the same moment on one empty MariaDB database
 * (DB_pair, made afresh): both come up, the start-up steps made everything once, and then they behave
 * as one hall: a login on one node is valid on the other (sessions in the database), a holiday
 * notice loaded on one node counts there at once and on the other within its calendar check (5 s: the calendar's
 * version row), and a third node
 * in another zone is refused.
 */
@MysqlTests
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class MysqlTwoNodesTest {

    private static final String DATABASE = System.getProperty("yijianshi.mysql-db", "yijianshi_test") + "_pair";
    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final String OPTIONS = "?characterEncoding=UTF-8&useUnicode=true&sendFractionalSeconds=false"
            + "&nullCatalogMeansCurrent=true&connectionCollation=utf8mb4_unicode_ci&useCursorFetch=true";
    private static final String SECRET = "cluster-test-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HallNode a;
    private HallNode b;
    private RecordingSmsGateway gateway;
    private String[] nodeSettings;

    @BeforeAll
    void startTwoNodesAtOnceOnAnEmptyDatabase() throws Exception {
        try (Connection root = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
             Statement sql = root.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
            sql.execute("CREATE DATABASE `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        try (var logs = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("target", "nodes"), "*.log")) {
            for (java.nio.file.Path log : logs) {
                java.nio.file.Files.delete(log);
            }
        } catch (java.nio.file.NoSuchFileException firstRun) {
            // nothing to clear
        }
        gateway = new RecordingSmsGateway();
        // both relays deliver through the HTTP sender to the recording gateway, every second
        nodeSettings = new String[] {"--yijianshi.notify.sender=http", "--yijianshi.notify.http.url=" + gateway.url(),
                "--yijianshi.notify.http.secret=" + SECRET, "--yijianshi.outbox.relay-interval=PT1S",
                "--yijianshi.sla.sweep-interval=PT2S"};
        a = HallNode.start("node-a", SERVER + DATABASE + OPTIONS, nodeSettings);
        b = HallNode.start("node-b", SERVER + DATABASE + OPTIONS, nodeSettings);
    }

    @AfterAll
    void stopNodes() throws Exception {
        for (HallNode node : new HallNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        if (gateway != null) {
            gateway.close();
        }
        try (Connection root = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
             Statement sql = root.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
        }
    }

    @Test
    void twoNodesStartedTogetherOnAnEmptyDatabaseBothComeUpAndMakeEverythingOnce() throws Exception {
        boolean aUp = a.awaitUp(Duration.ofMinutes(8));
        assertThat(aUp).as("node A came up; its log:%n%s", a.logTail()).isTrue();
        boolean bUp = b.awaitUp(Duration.ofMinutes(8));
        assertThat(bUp).as("node B came up; its log:%n%s", b.logTail()).isTrue();
        assertThat(a.logText() + b.logText()).contains("start-up lock taken");

        try (Connection db = DriverManager.getConnection(SERVER + DATABASE + OPTIONS, "root", "")) {
            assertThat(rows(db, "SELECT ID_ FROM ACT_ID_GROUP")).containsAll(
                    java.util.Arrays.stream(HallGroup.values()).map(HallGroup::id).toList());
            assertThat(rows(db, "SELECT NAME_ FROM ACT_RU_FILTER GROUP BY NAME_ HAVING COUNT(*) > 1")).isEmpty();
            assertThat(rows(db, "SELECT NAME_ FROM ACT_RU_FILTER")).contains("我的待办");
            assertThat(rows(db, "SELECT CONCAT(GROUP_ID_, ':', RESOURCE_TYPE_, ':', RESOURCE_ID_) FROM ACT_RU_AUTHORIZATION "
                    + "WHERE GROUP_ID_ IS NOT NULL GROUP BY GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_ HAVING COUNT(*) > 1")).isEmpty();
            assertThat(rows(db, "SELECT CAST(cal_year AS CHAR) FROM calendar_year")).contains("2024", "2025", "2026");
            assertThat(rows(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                    + "AND UPPER(table_name) LIKE 'ACT\\_%' AND table_collation NOT LIKE 'utf8mb4%'")).isEmpty();
        }
    }

    @Test
    void aLoginOnOneNodeIsValidOnTheOther() throws Exception {
        bothUp();
        assertThat(send(get(b, "/api/calendar/years").build()).statusCode()).isEqualTo(401);

        // Our own login page on node A, our API on node B.
        HttpResponse<String> login = send(HttpRequest.newBuilder(a.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("username", "coord1", "password", "coord1"))).build());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String session = cookie(login, "SESSION");
        assertThat(send(get(b, "/api/calendar/years").header("Cookie", "SESSION=" + session).build()).statusCode())
                .isEqualTo(200);

        // Tasklist's login on node B, Tasklist's API and our API on node A (one login: OneLogin).
        HttpResponse<String> page = send(get(b, "/camunda/app/tasklist/").build());
        String tasklistSession = cookie(page, "SESSION");
        String xsrf = cookie(page, "XSRF-TOKEN");
        HttpResponse<String> tasklistLogin = send(HttpRequest.newBuilder(b.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .header("Cookie", "SESSION=" + tasklistSession + "; XSRF-TOKEN=" + xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(form("username", "expert1", "password", "expert1"))).build());
        assertThat(tasklistLogin.statusCode()).as(tasklistLogin.body()).isEqualTo(200);
        String renewed = tasklistLogin.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("SESSION="))
                ? cookie(tasklistLogin, "SESSION") : tasklistSession;
        HttpResponse<String> who = send(get(a, "/camunda/api/admin/auth/user/default").header("Cookie", "SESSION=" + renewed).build());
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(who.body()).contains("\"userId\":\"expert1\"");
        assertThat(send(get(a, "/api/calendar/years").header("Cookie", "SESSION=" + renewed).build()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aNoticeLoadedOnOneNodeCountsThereAtOnceAndOnTheOtherWithinTheCalendarCheck() throws Exception {
        bothUp();
        String friday = "/api/calendar/add-working-days?from=2031-10-10&days=1";
        assertThat(send(get(b, friday).header("Authorization", basic("window1")).build()).body()).contains("2031-10-13");

        HttpResponse<String> loaded = send(HttpRequest.newBuilder(a.uri("/api/admin/calendar/notices"))
                .header("Authorization", basic("demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"year\": 2031, \"papers\": [], \"days\": "
                        + "[{\"name\": \"测试假日\", \"date\": \"2031-10-13\", \"isOffDay\": true}]}")).build());
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
        long loadedAt = System.nanoTime();
        assertThat(send(get(a, friday).header("Authorization", basic("window1")).build()).body()).contains("2031-10-14");

        // Node B checks the calendar's version at most every yijianshi.sla.calendar-check (5 s by default); a second
        // more for the requests themselves.
        String onB = send(get(b, friday).header("Authorization", basic("window1")).build()).body();
        while (!onB.contains("2031-10-14") && System.nanoTime() - loadedAt < Duration.ofSeconds(6).toNanos()) {
            Thread.sleep(100);
            onB = send(get(b, friday).header("Authorization", basic("window1")).build()).body();
        }
        assertThat(onB).as("node B within its 5 s check").contains("2031-10-14");
    }

    /** A and B run in the hall's zone (the mysql profile pins it); a third node configured for UTC is refused. */
    @Test
    void aThirdNodeInAnotherZoneRefusesToStartAndWritesNothing() throws Exception {
        bothUp();
        try (Connection db = DriverManager.getConnection(SERVER + DATABASE + OPTIONS, "root", "")) {
            assertThat(rows(db, "SELECT setting_value FROM cluster_setting WHERE name = 'storage-zone'")).containsExactly("Asia/Shanghai");
        }
        try (HallNode utc = HallNode.start("node-utc", SERVER + DATABASE + OPTIONS, "--yijianshi.storage-zone=UTC")) {
            Integer exit = utc.awaitExit(Duration.ofMinutes(5));
            assertThat(exit).as("the node in UTC ended by itself; its log:%n%s", utc.logTail()).isNotNull().isNotZero();
            assertThat(utc.logText()).contains("本节点的时区是 UTC，而本数据库中的时间按 Asia/Shanghai 写入")
                    .contains("set yijianshi.storage-zone=Asia/Shanghai and start again");
        }
        assertThat(a.alive() && b.alive()).isTrue();
    }

    /**
     * The hall's day on two nodes behind nginx (the README's config), with node B killed (kill -9) in the middle
     * of the intakes and started again: every intake acknowledged exists once with its process, task and SLA record;
     * replays with the same Idempotency-Key answer the same case; the tasks are worked through both nodes; every
     * message reaches the gateway with its own key (a repeat only with the first delivery's key); every SLA
     * reminder and escalation is recorded once although both nodes sweep.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void twoHundredIntakesThroughTheBalancerSurviveANodeKilledInTheMiddle() throws Exception {
        bothUp();
        int intakes = 200;
        java.util.Map<String, String> caseByKey = new java.util.concurrent.ConcurrentHashMap<>();
        try (NginxBalancer balancer = new NginxBalancer(a.port, b.port)) {
            java.util.concurrent.atomic.AtomicInteger acknowledged = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.CountDownLatch killB = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService clerks = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            for (int i = 0; i < intakes; i++) {
                int n = i;
                work.add(clerks.submit(() -> {
                    String key = "cluster-intake-" + n;
                    caseByKey.put(key, intakeUntilAcknowledged(balancer.baseUrl(), key, n));
                    if (acknowledged.incrementAndGet() == 80) {
                        killB.countDown();
                    }
                    return null;
                }));
            }
            killB.await();
            b.kill();
            b = HallNode.start("node-b", b.port, SERVER + DATABASE + OPTIONS, nodeSettings);
            for (java.util.concurrent.Future<?> intake : work) {
                intake.get(10, java.util.concurrent.TimeUnit.MINUTES);
            }
            clerks.shutdown();
            bothUp();

            assertThat(new java.util.HashSet<>(caseByKey.values())).as("one case per application").hasSize(intakes);
            for (int i = 0; i < intakes; i += 7) {
                String key = "cluster-intake-" + i;
                HttpResponse<String> replay = postIntake(balancer.baseUrl(), key, i);
                assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
                assertThat(replay.body()).contains(caseByKey.get(key));
            }
        }
        try (Connection db = DriverManager.getConnection(SERVER + DATABASE + OPTIONS, "root", "")) {
            String cases = caseByKey.values().stream().map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(","));
            assertThat(rows(db, "SELECT case_id FROM hall_case WHERE case_id IN (" + cases + ")")).hasSize(intakes);
            assertThat(rows(db, "SELECT c.case_id FROM hall_case c JOIN ACT_RU_TASK t ON t.PROC_INST_ID_ = c.process_instance_id "
                    + "JOIN sla_record r ON r.task_id = t.ID_ AND r.completed_at IS NULL "
                    + "WHERE t.TASK_DEF_KEY_ = 'Task_ReviewMaterials' AND c.case_id IN (" + cases + ")"))
                    .as("every acknowledged case has its process, its first task and that task's SLA record").hasSize(intakes);

            // 审核材料 worked through both nodes: claimed on one, completed on the other
            List<String> reviews = rows(db, "SELECT t.ID_ FROM ACT_RU_TASK t JOIN hall_case c ON t.PROC_INST_ID_ = c.process_instance_id "
                    + "WHERE t.TASK_DEF_KEY_ = 'Task_ReviewMaterials' AND c.case_id IN (" + cases + ")");
            for (int i = 0; i < reviews.size(); i++) {
                HallNode claimOn = i % 2 == 0 ? a : b;
                HallNode completeOn = i % 2 == 0 ? b : a;
                String task = reviews.get(i);
                assertThat(send(engine(claimOn, "/engine-rest/task/" + task + "/claim", "window1",
                        "{\"userId\":\"window1\"}")).statusCode()).isEqualTo(204);
                HttpResponse<String> completed = send(engine(completeOn, "/engine-rest/task/" + task + "/submit-form", "window1",
                        "{\"variables\":{\"materialsDecision\":{\"value\":\"COMPLETE\"},\"originalAge\":{\"value\":\"60\"},"
                                + "\"contributionMonths\":{\"value\":360},\"hasFundAccount\":{\"value\":true}}}"));
                assertThat(completed.statusCode()).as(completed.body()).isIn(200, 204);
            }

            // every message to a citizen reaches the gateway, each with its own key
            long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!rows(db, "SELECT id FROM notification_outbox WHERE status NOT IN ('SENT', 'FAILED')").isEmpty()
                    && System.nanoTime() < until) {
                Thread.sleep(1000);
            }
            List<String> messages = rows(db, "SELECT message_uuid FROM notification_outbox");
            assertThat(messages).as("the tasks told the citizens").hasSizeGreaterThanOrEqualTo(intakes);
            assertThat(rows(db, "SELECT message_uuid FROM notification_outbox WHERE status <> 'SENT'")).isEmpty();
            List<String> keys = gateway.deliveries().stream().map(RecordingSmsGateway.Delivery::idempotencyKey).toList();
            assertThat(new java.util.HashSet<>(keys)).as("no message lost, none made up").isEqualTo(new java.util.HashSet<>(messages));
            assertThat(keys.size() - messages.size()).as("repeats, only from a node killed between the gateway's answer "
                    + "and its record (at most one claimed batch)").isLessThanOrEqualTo(50);

            // 20 department steps made due at once (their SLA records' instants moved back, as a notice load moves them):
            // both nodes sweep on their schedules, under the cluster lock; each step is reminded and escalated once
            assertThat(rows(db, "SELECT ID_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'timer-task-listener'"))
                    .as("no timer job per task").isEmpty();
            List<String> taskIds = rows(db, "SELECT task_id FROM sla_record WHERE kind = 'TASK' AND completed_at IS NULL "
                    + "AND task_key <> 'Task_ReviewMaterials' ORDER BY task_id LIMIT 20");
            assertThat(taskIds).hasSize(20);
            String inTasks = taskIds.stream().map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(","));
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("UPDATE sla_record SET warn_at = '2020-01-01 00:00:00', due_at = '2020-01-01 00:00:01' "
                        + "WHERE task_id IN (" + inTasks + ")");
                if (!db.getAutoCommit()) {
                    db.commit();
                }
            }
            for (String state : List.of("warned_at", "breached_at")) {
                long sweeping = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (rows(db, "SELECT task_id FROM sla_record WHERE " + state + " IS NOT NULL AND task_id IN (" + inTasks + ")")
                        .size() < taskIds.size() && System.nanoTime() < sweeping) {
                    Thread.sleep(500);
                }
                assertThat(rows(db, "SELECT task_id FROM sla_record WHERE " + state + " IS NOT NULL AND task_id IN (" + inTasks + ")"))
                        .as(state).hasSize(taskIds.size());
            }
            Thread.sleep(3000);
            assertThat(rows(db, "SELECT CONCAT(task_id, ' ', kind, ' ', group_id) FROM staff_notice WHERE task_id IN (" + inTasks
                    + ") GROUP BY task_id, kind, group_id HAVING COUNT(*) > 1")).as("each reminder and escalation once").isEmpty();
            assertThat(rows(db, "SELECT DISTINCT CONCAT(task_id, kind) FROM staff_notice WHERE task_id IN (" + inTasks + ")"))
                    .as("a reminder and an escalation for every task").hasSize(2 * taskIds.size());
        }
    }

    /** A clerk's submit: sent again with the same key after a network error or a 5xx, until acknowledged. */
    private static String intakeUntilAcknowledged(String baseUrl, String key, int n) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        String last = "";
        while (System.nanoTime() < until) {
            try {
                HttpResponse<String> answer = postIntake(baseUrl, key, n);
                if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).get("caseId").asText();
                }
                assertThat(answer.statusCode()).as(answer.body()).isGreaterThanOrEqualTo(500);
                last = answer.statusCode() + " " + answer.body();
            } catch (java.io.IOException networkError) {
                last = networkError.toString();
            }
            Thread.sleep(300);
        }
        throw new AssertionError("intake " + key + " never acknowledged: " + last);
    }

    private static HttpResponse<String> postIntake(String baseUrl, String key, int n) throws Exception {
        java.util.Map<String, Object> body = cn.yijianshi.TestCitizens.retirementIntake("集群" + n,
                cn.yijianshi.intake.ResidentIdNumber.withCheckCharacter("11010119600307" + String.format("%03d", 2 * n + 1)));
        return send(HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/api/cases"))
                .header("Authorization", basic("window1")).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body)))
                .build());
    }

    private static HttpRequest engine(HallNode node, String path, String user, String json) {
        return HttpRequest.newBuilder(node.uri(path)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private void bothUp() throws InterruptedException {
        assertThat(a.awaitUp(Duration.ofMinutes(8))).as("node A is up; its log:%n%s", a.logTail()).isTrue();
        assertThat(b.awaitUp(Duration.ofMinutes(8))).as("node B is up; its log:%n%s", b.logTail()).isTrue();
    }

    private static HttpRequest.Builder get(HallNode node, String path) {
        return HttpRequest.newBuilder(node.uri(path)).GET();
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1).split(";")[0]).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.headers().map()));
    }

    private static List<String> rows(Connection db, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
