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

import cn.yijianshi.security.HallGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes of the hall, each a JVM of its own, started at the same moment on one empty MariaDB database
 * (DB_pair, made afresh): both come up, the start-up steps made everything once, and then they behave
 * as one hall: a login on one node is valid on the other (sessions in the database), a holiday
 * notice loaded on one node counts on the other at once (the calendar's version row), and a third node
 * in another zone is refused.
 */
@MysqlTests
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MysqlTwoNodesTest {

    private static final String DATABASE = System.getProperty("yijianshi.mysql-db", "yijianshi_test") + "_pair";
    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final String OPTIONS = "?characterEncoding=UTF-8&useUnicode=true&sendFractionalSeconds=false"
            + "&nullCatalogMeansCurrent=true&connectionCollation=utf8mb4_unicode_ci&useCursorFetch=true";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HallNode a;
    private HallNode b;

    @BeforeAll
    void startTwoNodesAtOnceOnAnEmptyDatabase() throws Exception {
        try (Connection root = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
             Statement sql = root.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
            sql.execute("CREATE DATABASE `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        a = HallNode.start("node-a", SERVER + DATABASE + OPTIONS);
        b = HallNode.start("node-b", SERVER + DATABASE + OPTIONS);
    }

    @AfterAll
    void stopNodes() throws Exception {
        for (HallNode node : new HallNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
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
    void aNoticeLoadedOnOneNodeCountsOnTheOtherAtOnce() throws Exception {
        bothUp();
        String friday = "/api/calendar/add-working-days?from=2031-10-10&days=1";
        assertThat(send(get(b, friday).header("Authorization", basic("window1")).build()).body()).contains("2031-10-13");

        HttpResponse<String> loaded = send(HttpRequest.newBuilder(a.uri("/api/admin/calendar/notices"))
                .header("Authorization", basic("demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"year\": 2031, \"papers\": [], \"days\": "
                        + "[{\"name\": \"测试假日\", \"date\": \"2031-10-13\", \"isOffDay\": true}]}")).build());
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);

        assertThat(send(get(b, friday).header("Authorization", basic("window1")).build()).body()).contains("2031-10-14");
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
