package cn.yijianshi.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.insured.InsuredImport;
import cn.yijianshi.insured.RegistryPeople;
import cn.yijianshi.intake.CaseMapper;
import cn.yijianshi.intake.Channel;
import cn.yijianshi.intake.HallCase;
import cn.yijianshi.system.RefusedRequest;
import cn.yijianshi.upload.FileKind;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 一键办理: a confirmed invitation starts a retirement case filled from the registry, with the materials on file handed
 * in, at a window or online; once only; not for someone still short of the minimum; nobody with an open case is
 * invited in the first place.
 */
@HallIntegrationTest
class InvitationConfirmationTest {

    private static final String REGION = "330102";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    InsuredImport importer;
    @Autowired
    OutreachScan scan;
    @Autowired
    InvitationConfirmation confirmation;
    @Autowired
    Invitations invitations;
    @Autowired
    CaseMapper cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void aConfirmedInvitationStartsARetirementCaseFilledFromTheRegistry() throws Exception {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2033-03-10T10:00:00")));
        YearMonth april = YearMonth.of(2033, 4);
        RegistryPeople registry = new RegistryPeople(REGION);
        RegistryPeople.Person atWindow = registry.retiringIn(april, 320, "SP-001");
        RegistryPeople.Person online = registry.retiringIn(april, 330, "FT-01");
        RegistryPeople.Person shortOne = registry.retiringIn(april, 100, "SP-001");
        RegistryPeople.Person alreadyApplied = registry.retiringIn(april, 300, "SP-001");
        importer.importSheet(new ByteArrayInputStream(registry.csv()), FileKind.TEXT, "test");

        // One of them has applied already: an open case, so no invitation.
        Map<String, Object> application = TestCitizens.retirementIntake(alreadyApplied.name(), alreadyApplied.idNumber());
        ((Map<String, Object>) application.get("retirement")).put("originalAge", alreadyApplied.category().years());
        assertThat(http.withBasicAuth("window1", "window1").postForEntity("/api/cases", application, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        scan.scan();
        assertThat(invitations.ofResident(alreadyApplied.idNumber())).isEmpty();
        String windowInvitation = invitations.ofResident(atWindow.idNumber()).get(0).invitationId();

        // At the window: one click, the case filled from the registry.
        ResponseEntity<Map<String, Object>> confirmed = confirm("window1", windowInvitation, "WINDOW");
        assertThat(confirmed.getStatusCode()).as(String.valueOf(confirmed.getBody())).isEqualTo(HttpStatus.CREATED);
        String caseId = (String) confirmed.getBody().get("caseId");
        HallCase hallCase = cases.findByCaseId(caseId);
        assertThat(hallCase.getMatter()).isEqualTo("RETIREMENT");
        assertThat(hallCase.getApplicantIdNumber()).isEqualTo(atWindow.idNumber());
        assertThat(hallCase.getApplicantName()).isEqualTo(atWindow.name());
        assertThat(hallCase.getApplicantPhone()).isEqualTo(atWindow.phone());
        assertThat(hallCase.getChannel()).isEqualTo(Channel.WINDOW);
        assertThat(hallCase.getServicePointCode()).isEqualTo("SP-001");
        assertThat(cases.materialCodes(caseId)).containsExactlyInAnyOrder("ID_CARD", "HUKOU", "BANK_CARD");
        String process = hallCase.getProcessInstanceId();
        assertThat(runtime.getVariable(process, "source")).isEqualTo("OUTREACH");
        assertThat(runtime.getVariable(process, "originalAge")).isEqualTo(atWindow.category().years());
        assertThat(runtime.getVariable(process, "contributionMonths")).isEqualTo(320);
        assertThat(tasks.createTaskQuery().processInstanceId(process).taskDefinitionKey("Task_ReviewMaterials").count()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT description FROM case_timeline WHERE case_id = ? AND event = 'OUTREACH'",
                String.class, caseId)).singleElement().asString().contains("政策找人", windowInvitation, "居民身份证");

        // Clicked again (or at another window): the same case, not a second one.
        ResponseEntity<Map<String, Object>> again = confirm("window1", windowInvitation, "WINDOW");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("caseId", caseId).containsEntry("alreadyConfirmed", true);
        Map<String, Object> view = invitations.view(invitations.find(windowInvitation).orElseThrow());
        assertThat(view).containsEntry("status", "CONFIRMED").containsEntry("caseId", caseId);
        assertThat((String) view.get("idNumber")).matches(REGION + "\\*{8}[0-9X]{4}");

        // Online, as the 码上办 side will call it: channel ONLINE, the person's own service point.
        Invitation onlineInvitation = invitations.ofResident(online.idNumber()).get(0);
        InvitationConfirmation.Confirmed onlineCase = confirmation.confirm(onlineInvitation.invitationId(), Channel.ONLINE, "online-citizen");
        HallCase fromOnline = cases.findByCaseId(onlineCase.caseId());
        assertThat(fromOnline.getChannel()).isEqualTo(Channel.ONLINE);
        assertThat(fromOnline.getServicePointCode()).isEqualTo("FT-01");

        // Still short of the minimum: refused, with what is lacking; nothing started.
        String shortInvitation = invitations.ofResident(shortOne.idNumber()).get(0).invitationId();
        long before = cases.count();
        ResponseEntity<Map<String, Object>> refused = confirm("window1", shortInvitation, "WINDOW");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("message")).contains("尚差", "延长缴费");
        assertThat(cases.count()).isEqualTo(before);

        // Refusals name their field and change nothing.
        assertThat(confirm("window1", shortInvitation, "PROXY").getBody()).containsEntry("field", "channel");
        assertThat(confirm("pension1", shortInvitation, "WINDOW").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(confirm("window1", "YY-20330310-999999", "WINDOW").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThatThrownBy(() -> confirmation.confirm(shortInvitation, Channel.FAMILY, "x")).isInstanceOf(RefusedRequest.class);
        assertThat(cases.count()).isEqualTo(before);

        // Any window may look a resident's invitations up: masked.
        List<Map<String, Object>> found = http.withBasicAuth("window1", "window1").exchange(
                "/api/invitations?idNumber=" + online.idNumber(), HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v).containsEntry("status", "CONFIRMED").containsEntry("caseId", onlineCase.caseId());
            assertThat(v.toString()).doesNotContain(online.idNumber(), online.phone());
        });
    }

    private ResponseEntity<Map<String, Object>> confirm(String user, String invitationId, String channel) {
        return http.withBasicAuth(user, user).exchange("/api/invitations/" + invitationId + "/confirmation", HttpMethod.POST,
                new HttpEntity<>(Map.of("channel", channel)), JSON);
    }
}
