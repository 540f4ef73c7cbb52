package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.yijianshi.HallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

/** Polling a page does not write the session again and again; a session still moves on once a minute. */
@HallIntegrationTest
class SessionTouchesTest {

    private static final Instant NINE = Instant.parse("2026-11-23T01:00:00Z");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void anAccessWithinTheIntervalIsNotPassedOnAndOneAfterItIs() {
        MapSessionRepository stored = new MapSessionRepository(new java.util.HashMap<>());
        MapSession created = stored.createSession();
        created.setLastAccessedTime(NINE);
        created.setMaxInactiveInterval(Duration.ofDays(36500)); // the map repository drops expired sessions by the real clock
        stored.save(created);
        SessionTouches sessions = new SessionTouches(stored, Duration.ofMinutes(1));

        SessionTouches.Touched polled = sessions.findById(created.getId());
        polled.setLastAccessedTime(NINE.plusSeconds(5));
        sessions.save(polled);
        assertThat(stored.findById(created.getId()).getLastAccessedTime()).isEqualTo(NINE);

        SessionTouches.Touched later = sessions.findById(created.getId());
        later.setLastAccessedTime(NINE.plusSeconds(61));
        later.setAttribute("seen", "yes");
        sessions.save(later);
        MapSession after = stored.findById(created.getId());
        assertThat(after.getLastAccessedTime()).isEqualTo(NINE.plusSeconds(61));
        assertThat((String) after.getAttribute("seen")).isEqualTo("yes");
    }

    @Test
    void requestsRightAfterALoginLeaveTheStoredSessionAsTheLoginWroteIt() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient(); // follows no redirect
        java.net.http.HttpResponse<String> login = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=coord1&password=coord1")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.split(";")[0]).reduce((first, last) -> last).orElseThrow();
        String sessionId = new String(java.util.Base64.getDecoder().decode(cookie.substring("SESSION=".length())));
        List<Long> written = jdbc.queryForList("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?", Long.class,
                sessionId);
        assertThat(written).hasSize(1);

        HttpHeaders withSession = new HttpHeaders();
        withSession.add(HttpHeaders.COOKIE, cookie);
        for (int poll = 0; poll < 3; poll++) {
            assertThat(http.exchange("/api/calendar/years", HttpMethod.GET, new HttpEntity<>(withSession), String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(jdbc.queryForList("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?", Long.class,
                sessionId)).isEqualTo(written);
    }
}
