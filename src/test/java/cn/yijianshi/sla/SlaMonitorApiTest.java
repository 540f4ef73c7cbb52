package cn.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

@HallIntegrationTest
class SlaMonitorApiTest {

    @Autowired
    cn.yijianshi.sla.SlaSweep slaSweep;
    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseIntake intake;
    @Autowired
    ObjectMapper json;
    @Autowired
    FilterService filterService;
    @Autowired
    IdentityService identityService;
    @Autowired
    SlaGauges gauges;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void coordinatorsSeeABreachedTaskAndOthersMayNot() {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-16T09:30")));
        String caseId = intake.accept(json.convertValue(TestCitizens.retirementIntake("监控测试", TestCitizens.RETIRING_MAN),
                CaseIntakeRequest.class), null, "window1").caseId();
        ClockUtil.reset();

        var breached = http.withBasicAuth("coord1", "coord1").exchange("/api/sla/tasks?state=BREACHED&group=window",
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { });
        assertThat(breached.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(breached.getBody()).anySatisfy(item -> {
            assertThat(item.get("caseId")).isEqualTo(caseId);
            assertThat(item.get("stateName")).isEqualTo("已超时");
            assertThat((String) item.get("tasklistLink")).startsWith("/camunda/app/tasklist/");
        });

        var overview = http.withBasicAuth("coord1", "coord1").exchange("/api/sla/overview", HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(((Map<?, ?>) ((Map<?, ?>) overview.getBody().get("byGroup")).get("window")).get("BREACHED"))
                .isInstanceOf(Integer.class).matches(n -> (Integer) n >= 1);

        assertThat(http.withBasicAuth("window1", "window1").getForEntity("/api/sla/overview", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("coord1", "coord1").getForEntity("/api/sla/tasks?state=LATE", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        gauges.refresh();
        String metrics = http.withBasicAuth("coord1", "coord1").getForEntity("/actuator/prometheus", String.class).getBody();
        assertThat(metrics).containsPattern("yijianshi_sla_open_tasks\\{group=\"window\",state=\"BREACHED\"\\} [1-9]");
    }

    @Test
    void coordinatorsAreToldOfAYearWithoutItsNoticeAndSeeProvisionalDueDates() {
        try {
            // New Year's Eve afternoon: 审核材料 (4 working hours) runs into 2027, which has no notice yet
            ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-12-31T16:00")));
            String caseId = intake.accept(json.convertValue(TestCitizens.retirementIntake("暂定测试", TestCitizens.RETIRING_MAN),
                    CaseIntakeRequest.class), null, "window1").caseId();

            var tasks = http.withBasicAuth("coord1", "coord1").exchange("/api/sla/tasks?group=window",
                    HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { });
            assertThat(tasks.getBody()).filteredOn(item -> caseId.equals(item.get("caseId"))).singleElement().satisfies(item -> {
                assertThat((String) item.get("dueAt")).startsWith("2027-01-04T11:30");
                assertThat(item.get("provisional")).isEqualTo(true);
            });

            var coordinator = http.withBasicAuth("coord1", "coord1").exchange("/api/sla/overview", HttpMethod.GET, null,
                    new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
            Map<?, ?> warning = (Map<?, ?>) coordinator.get("calendarWarning");
            // 2027 first; later years too when other tests of this context left open deadlines there (2028-2035)
            assertThat((List<?>) warning.get("years")).first().hasToString("2027");
            assertThat((List<?>) warning.get("years")).map(String::valueOf).doesNotContain("2024", "2025", "2026");
            assertThat((String) warning.get("message")).startsWith("尚未导入 [2027").contains("年国务院放假通知");
            assertThat((Integer) coordinator.get("casesProvisional")).isPositive();

            var manager = http.withBasicAuth("manager1", "manager1").exchange("/api/sla/overview", HttpMethod.GET, null,
                    new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
            assertThat(manager.get("calendarWarning")).as("only coordinators and admins are told").isNull();
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void remindersReachTheTasksGroupAndEscalationsReachTheCoordinators() {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-23T10:00")));
        String caseId = intake.accept(json.convertValue(TestCitizens.retirementIntake("提醒测试", TestCitizens.RETIRING_MAN),
                CaseIntakeRequest.class), null, "window1").caseId();
        // 审核材料 warns at 14:30 and is due at 15:30: past both, the sweep reminds and escalates it at once.
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-23T15:31")));
        slaSweep.sweep();
        ClockUtil.reset();

        List<Map<String, Object>> coordinators = notices("coord1");
        assertThat(coordinators).filteredOn(n -> caseId.equals(n.get("caseId"))).singleElement().satisfies(n -> {
            assertThat(n.get("kind")).isEqualTo("SLA_BREACH");
            assertThat(n.get("kindName")).isEqualTo("超时升级");
            assertThat(n.get("groupName")).isEqualTo(cn.yijianshi.security.HallGroup.COORDINATORS.displayName());
            assertThat((String) n.get("message")).contains(caseId, "审核材料", "已超过承诺时限");
            assertThat((String) n.get("at")).startsWith("2026-11-23T15:3").endsWith("+08:00");
            assertThat((String) n.get("tasklistLink")).startsWith("/camunda/app/tasklist/default/#/?task=");
        });

        List<Map<String, Object>> window = notices("window1");
        assertThat(window).filteredOn(n -> caseId.equals(n.get("caseId"))).singleElement().satisfies(n -> {
            assertThat(n.get("kind")).isEqualTo("SLA_WARNING");
            assertThat(n.get("kindName")).isEqualTo("即将超时提醒");
        });
        assertThat(window).as("a window clerk sees only the window's notices").allMatch(n -> "window".equals(n.get("group")));
        assertThat(notices("demo")).as("administrators see every group's notices")
                .filteredOn(n -> caseId.equals(n.get("caseId"))).hasSize(2);
    }

    private List<Map<String, Object>> notices(String user) {
        var response = http.withBasicAuth(user, user).exchange("/api/sla/notices", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @Test
    void eachGroupHasItsTasklistFiltersAndSeesOnlyItsOwn() {
        identityService.setAuthentication("window1", List.of("window"));
        List<String> windowFilters = filterService.createFilterQuery().list().stream().map(f -> f.getName()).toList();
        assertThat(windowFilters).contains("我的待办", "综合窗口·待办", "综合窗口·即将超时", "综合窗口·已超时")
                .doesNotContain("帮办专家·待办");
        identityService.setAuthentication("expert1", List.of("experts"));
        assertThat(filterService.createFilterQuery().list()).extracting(f -> f.getName())
                .contains("帮办专家·已超时").doesNotContain("综合窗口·待办");
    }
}
