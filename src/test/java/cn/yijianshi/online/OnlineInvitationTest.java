package cn.yijianshi.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.insured.InsuredImport;
import cn.yijianshi.insured.RegistryPeople;
import cn.yijianshi.intake.CaseMapper;
import cn.yijianshi.intake.Channel;
import cn.yijianshi.intake.HallCase;
import cn.yijianshi.outreach.OutreachScan;
import cn.yijianshi.upload.FileKind;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 政策找人 on 码上办: a citizen invited by the scan sees the invitation after signing in and confirms it with one
 * click (一键办理): a retirement case starts, channel ONLINE, filled from the registry; clicked again, the same case;
 * another person's invitation is neither listed nor confirmable (404).
 */
@HallIntegrationTest
class OnlineInvitationTest {

    private static final String REGION = "330106";

    @LocalServerPort
    int port;
    @Autowired
    DemoSmsInbox inbox;
    @Autowired
    InsuredImport importer;
    @Autowired
    OutreachScan scan;
    @Autowired
    CaseMapper cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void anInvitedCitizenConfirmsOnlineAndTheCaseStartsFilledFromTheRegistry() throws Exception {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2034-05-10T10:00:00")));
        RegistryPeople registry = new RegistryPeople(REGION);
        RegistryPeople.Person invited = registry.retiringIn(YearMonth.of(2034, 6), 340, "FT-01");
        RegistryPeople.Person neighbour = registry.retiringIn(YearMonth.of(2034, 6), 300, "SP-001");
        importer.importSheet(new ByteArrayInputStream(registry.csv()), FileKind.TEXT, "test");
        scan.scan();

        CitizenOnline citizen = new CitizenOnline(port);
        assertThat(citizen.get("/api/online/invitations").status()).as("not signed in").isEqualTo(401);
        assertThat(citizen.signIn(inbox, OnlineApplicationApiTest.phone(), invited.idNumber(), invited.name()).status())
                .isEqualTo(200);

        List<Map<String, Object>> mine = list(citizen.get("/api/online/invitations"));
        assertThat(mine).singleElement().satisfies(invitation -> {
            assertThat(invitation).containsEntry("status", "INVITED").containsEntry("reachesMinimum", true)
                    .containsEntry("statutoryMonth", "2034-06");
            assertThat(invitation.toString()).doesNotContain(invited.idNumber(), invited.phone());
        });
        String invitationId = (String) mine.get(0).get("invitationId");

        CitizenOnline neighbourPhone = new CitizenOnline(port);
        neighbourPhone.signIn(inbox, OnlineApplicationApiTest.phone(), neighbour.idNumber(), neighbour.name());
        assertThat(list(neighbourPhone.get("/api/online/invitations")))
                .extracting(i -> i.get("invitationId")).doesNotContain(invitationId);
        long before = cases.count();
        CitizenOnline.Answer notTheirs = neighbourPhone.post("/api/online/invitations/" + invitationId + "/confirmation", Map.of());
        assertThat(notTheirs.status()).as(notTheirs.text()).isEqualTo(404);
        assertThat(notTheirs.body()).containsEntry("field", "invitationId");
        assertThat(cases.count()).isEqualTo(before);

        CitizenOnline.Answer confirmed = citizen.post("/api/online/invitations/" + invitationId + "/confirmation", Map.of());
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(201);
        String caseId = (String) confirmed.body().get("caseId");
        HallCase hallCase = cases.findByCaseId(caseId);
        assertThat(hallCase.getChannel()).isEqualTo(Channel.ONLINE);
        assertThat(hallCase.getApplicantIdNumber()).isEqualTo(invited.idNumber());
        assertThat(hallCase.getServicePointCode()).isEqualTo("FT-01");
        assertThat(runtime.getVariable(hallCase.getProcessInstanceId(), "source")).isEqualTo("OUTREACH");
        assertThat(runtime.getVariable(hallCase.getProcessInstanceId(), "contributionMonths")).isEqualTo(340);

        CitizenOnline.Answer again = citizen.post("/api/online/invitations/" + invitationId + "/confirmation", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).containsEntry("caseId", caseId).containsEntry("alreadyConfirmed", true);
        assertThat(list(citizen.get("/api/online/invitations"))).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("status", "CONFIRMED").containsEntry("caseId", caseId));
        assertThat(cases.count()).isEqualTo(before + 1);
    }

    private List<Map<String, Object>> list(CitizenOnline.Answer answer) throws Exception {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return json.readValue(answer.text(), new TypeReference<>() { });
    }
}
