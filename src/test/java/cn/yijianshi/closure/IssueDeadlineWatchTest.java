package cn.yijianshi.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** An issue's 整改时限: the department is reminded on the last day, and told with the coordinators once it is overdue. */
@HallIntegrationTest
class IssueDeadlineWatchTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IssueDeadlineWatch watch;
    @Autowired
    RuntimeService runtimeService;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private static void clockAt(LocalDate day, String time) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(day + "T" + time).atZone(TestCalendars.HALL).toInstant()));
    }

    private String raise(String description) {
        return (String) http.withBasicAuth("coord1", "coord1").exchange("/api/issues", HttpMethod.POST,
                new HttpEntity<>(Map.of("source", "HOTLINE", "category", "PENSION", "description", description,
                        "responsibleDept", "experts")),
                new ParameterizedTypeReference<Map<String, Object>>() { }).getBody().get("issueId");
    }

    private LocalDate deadline(String issueId) {
        return jdbc.queryForObject("SELECT deadline FROM issue WHERE issue_id = ?", LocalDate.class, issueId);
    }

    private List<String> told(String issueId) {
        return jdbc.queryForList("SELECT group_id || ':' || kind FROM staff_notice WHERE message LIKE ? ORDER BY id",
                String.class, "%" + issueId + "%");
    }

    @Test
    void theDepartmentIsRemindedOnTheLastDayAndEveryoneIsToldOnceItIsOverdue() {
        clockAt(LocalDate.of(2026, 11, 23), "10:00");
        String issueId = raise("整改时限测试");
        LocalDate deadline = deadline(issueId);

        clockAt(deadline.minusDays(1), "10:00");
        watch.watch();
        assertThat(told(issueId)).isEmpty();

        clockAt(deadline, "09:01");
        watch.watch();
        watch.watch();
        assertThat(told(issueId)).containsExactly("experts:ISSUE_DUE_TODAY");

        clockAt(deadline.plusDays(1), "09:01");
        watch.watch();
        watch.watch();
        assertThat(told(issueId)).containsExactly("experts:ISSUE_DUE_TODAY", "experts:ISSUE_OVERDUE", "coordinators:ISSUE_OVERDUE");
        assertThat(jdbc.queryForObject("SELECT message FROM staff_notice WHERE message LIKE ? AND kind = 'ISSUE_OVERDUE' AND group_id = 'coordinators'",
                String.class, "%" + issueId + "%")).contains("【问题逾期】", "已超过整改时限 " + deadline, "请督办");
    }

    @Test
    void aClosedIssueIsNeverChased() {
        clockAt(LocalDate.of(2026, 11, 23), "10:00");
        String issueId = raise("已销号的问题");
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(issueId).list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test: handled by hand"));
        EvidenceFiles.attachScan(http, issueId);
        for (Map<String, Object> step : List.<Map<String, Object>>of(Map.of("status", "IN_PROGRESS"),
                Map.of("status", "RESOLVED", "resolution", "已答复"), Map.of("status", "CLOSED", "callbackResult", "满意"))) {
            http.withBasicAuth("coord1", "coord1").exchange("/api/issues/" + issueId + "/status", HttpMethod.POST,
                    new HttpEntity<>(step), String.class);
        }
        assertThat(jdbc.queryForObject("SELECT status FROM issue WHERE issue_id = ?", String.class, issueId)).isEqualTo("CLOSED");

        clockAt(deadline(issueId).plusDays(5), "10:00");
        watch.watch();
        assertThat(told(issueId)).isEmpty();
    }
}
