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
 * as one hall: a login on one node is valid on the other (sessions in the database), and a holiday
 * notice loaded on one node counts on the other at once (the calendar's version row).
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
