package cn.yijianshi.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.ResidentIdNumber;
import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** 码上办 over HTTP: the demo 实名认证 and its refusals, an application stored, pre-reviewed, returned and accepted. */
@HallIntegrationTest
class OnlineApplicationApiTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;
    @Autowired
    DemoSmsInbox inbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    HallClock clock;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A man born in 1960 with a sequence of this run's own (odd: male). */
    /** Men's order codes for one JVM: from a random one on, each next one, so no two tests share a person. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_MAN =
            new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(500));

    /** A man born 1960-03-07, a different one at each call (500 before they repeat). */
    static String man1960() {
        return ResidentIdNumber.withCheckCharacter("11010119600307" + String.format("%03d", 2 * (NEXT_MAN.getAndIncrement() % 500) + 1));
    }

    @BeforeEach
    void freshAddress() {
        transactions.executeWithoutResult(s ->
                jdbc.update("DELETE FROM online_code WHERE client_address IN ('127.0.0.1', '0:0:0:0:0:0:0:1')"));
    }

    static Map<String, Object> retirementFacts() {
        return Map.of("retirementType", "NORMAL", "originalAge", 60, "contributionMonths", 360, "hasFundAccount", false);
    }

    void review(String applicationId, Map<String, Object> decision) {
        BackOffice.review(http, applicationId, decision);
    }

    @Test
    void anApplicationIsStoredReturnedWithWhatIsWrongSentAgainAndAcceptedAsAnOnlineCase() {
        CitizenOnline citizen = new CitizenOnline(port);
        String phone = phone();
        String idNumber = man1960();
        CitizenOnline.Answer me = citizen.signIn(inbox, phone, idNumber, "网办张");
        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.body()).containsEntry("demo", true).containsEntry("idNumber", idNumber.substring(0, 6) + "********" + idNumber.substring(14));

        assertThat(citizen.get("/api/online/matters").text()).contains("RETIREMENT").doesNotContain("EMPLOYEE_HIRING");

        CitizenOnline.Answer created = citizen.post("/api/online/applications", Map.of("matter", "RETIREMENT", "facts", retirementFacts()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String applicationId = (String) created.body().get("applicationId");
        assertThat(applicationId).startsWith("WS-");
        assertThat(citizen.upload("/api/online/applications/" + applicationId + "/materials", "ID_CARD", "身份证.png", PNG).status())
                .isEqualTo(201);
        CitizenOnline.Answer submitted = citizen.post("/api/online/applications/" + applicationId + "/submission", Map.of());
        assertThat(submitted.body()).containsEntry("status", "SUBMITTED");

        review(applicationId, Map.of("preReviewDecision", "RETURN", "returnReason", "缺户口簿，请补传"));
        CitizenOnline.Answer returned = citizen.get("/api/online/applications/" + applicationId);
        assertThat(returned.body()).containsEntry("status", "RETURNED").containsEntry("returnReason", "缺户口簿，请补传");
        assertThat(jdbc.queryForObject("SELECT message FROM notification_outbox WHERE case_id = ? AND kind = 'ONLINE_RETURNED'",
                String.class, applicationId)).as("told at once").contains("缺户口簿，请补传");
        assertThat(jdbc.queryForObject("SELECT template_code FROM notification_outbox WHERE case_id = ? AND kind = 'ONLINE_RETURNED'",
                String.class, applicationId)).as("the matter file's notice").isEqualTo("SMS_ONLINE_RETURNED");

        citizen.upload("/api/online/applications/" + applicationId + "/materials", "HUKOU", "户口簿.png", PNG);
        assertThat(citizen.post("/api/online/applications/" + applicationId + "/submission", Map.of()).body())
                .containsEntry("status", "SUBMITTED");
        review(applicationId, Map.of("preReviewDecision", "ACCEPT"));

        CitizenOnline.Answer accepted = citizen.get("/api/online/applications/" + applicationId);
        assertThat(accepted.body()).containsEntry("status", "ACCEPTED");
        String caseId = (String) accepted.body().get("caseId");
        assertThat(caseId).startsWith("TX-");
        assertThat(jdbc.queryForObject("SELECT message FROM notification_outbox WHERE case_id = ? AND kind = 'ONLINE_ACCEPTED'",
                String.class, caseId)).as("told the case id, in the matter file's words")
                .isEqualTo("您在码上办提交的退休一件事申请（" + applicationId + "）已通过预审并受理，办件编号 " + caseId + "，可在码上办查看进度。");
        assertThat(jdbc.queryForObject("SELECT channel FROM hall_case WHERE case_id = ?", String.class, caseId)).isEqualTo("ONLINE");
        assertThat(jdbc.queryForList("SELECT code FROM case_material WHERE case_id = ? ORDER BY code",
                String.class, caseId)).containsExactly("HUKOU", "ID_CARD");
        assertThat(accepted.body().get("progress")).asString().contains("审核材料");
        assertThat(citizen.post("/api/online/applications/" + applicationId + "/submission", Map.of()).status())
                .as("an accepted application is not sent twice").isEqualTo(409);
    }

    @Test
    void aCitizenSeesOnlyTheirOwnApplications() {
        CitizenOnline owner = new CitizenOnline(port);
        owner.signIn(inbox, phone(), man1960(), "网办甲");
        String applicationId = (String) owner.post("/api/online/applications",
                Map.of("matter", "RETIREMENT", "facts", retirementFacts())).body().get("applicationId");

        CitizenOnline stranger = new CitizenOnline(port);
        stranger.signIn(inbox, phone(), TestCitizens.WOMAN_1975, "网办乙");
        assertThat(stranger.get("/api/online/applications/" + applicationId).status()).isEqualTo(404);
        assertThat(stranger.upload("/api/online/applications/" + applicationId + "/materials", "ID_CARD", "a.png", PNG).status())
                .isEqualTo(404);
        assertThat(stranger.post("/api/online/applications/" + applicationId + "/submission", Map.of()).status()).isEqualTo(404);
        assertThat(stranger.get("/api/online/applications").text()).doesNotContain(applicationId);
        assertThat(new CitizenOnline(port).get("/api/online/applications").status()).as("not signed in").isEqualTo(401);
    }

    @Test
    void anExeRenamedPdfIsRefusedAndNothingIsStored() {
        CitizenOnline citizen = new CitizenOnline(port);
        citizen.signIn(inbox, phone(), man1960(), "网办丙");
        String applicationId = (String) citizen.post("/api/online/applications",
                Map.of("matter", "RETIREMENT", "facts", retirementFacts())).body().get("applicationId");
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
        CitizenOnline.Answer refused = citizen.upload("/api/online/applications/" + applicationId + "/materials", "ID_CARD",
                "身份证.pdf", exe);
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.body()).containsEntry("field", "file");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM online_material WHERE application_id = ?", Integer.class,
                applicationId)).isZero();
    }

    @Test
    void fiveWrongCodesLockTheCodeEvenAgainstTheRightOne() {
        CitizenOnline citizen = new CitizenOnline(port);
        String phone = phone();
        assertThat(citizen.post("/api/online/code", Map.of("phone", phone)).status()).isEqualTo(202);
        String right = inbox.lastCodeTo(phone).orElseThrow();
        String wrong = right.equals("000000") ? "111111" : "000000";
        Map<String, Object> signIn = Map.of("phone", phone, "code", wrong, "idNumber", man1960(), "name", "网办丁");
        for (int i = 1; i <= 4; i++) {
            CitizenOnline.Answer answer = citizen.post("/api/online/session", signIn);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).containsEntry("field", "code");
            assertThat((String) answer.body().get("message")).contains("还可尝试 " + (5 - i) + " 次");
        }
        CitizenOnline.Answer fifth = citizen.post("/api/online/session", signIn);
        assertThat(fifth.status()).isEqualTo(403);
        assertThat((String) fifth.body().get("message")).contains("已锁定");
        CitizenOnline.Answer rightTooLate = citizen.post("/api/online/session",
                Map.of("phone", phone, "code", right, "idNumber", man1960(), "name", "网办丁"));
        assertThat(rightTooLate.status()).isEqualTo(403);
        assertThat(citizen.get("/api/online/me").status()).isEqualTo(401);
        // Only a salted hash is kept; the outbox never carried the code.
        assertThat(jdbc.queryForList("SELECT code_hash FROM online_code WHERE phone = ?", String.class, phone))
                .hasSize(1).allSatisfy(hash -> assertThat(hash).hasSize(64).doesNotContain(right));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE recipient = ?", Integer.class, phone))
                .isZero();
    }

    @Test
    void anExpiredCodeIsRefused() {
        CitizenOnline citizen = new CitizenOnline(port);
        String phone = phone();
        Instant now = clock.now();
        ClockUtil.setCurrentTime(Date.from(now));
        try {
            citizen.post("/api/online/code", Map.of("phone", phone));
            String code = inbox.lastCodeTo(phone).orElseThrow();
            ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(5)).plusSeconds(1)));
            CitizenOnline.Answer late = citizen.post("/api/online/session",
                    Map.of("phone", phone, "code", code, "idNumber", man1960(), "name", "网办戊"));
            assertThat(late.status()).isEqualTo(400);
            assertThat(late.body()).containsEntry("field", "code");
            assertThat((String) late.body().get("message")).contains("已过期");
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void codesAreRateLimitedPerPhoneAndPerAddress() {
        CitizenOnline citizen = new CitizenOnline(port);
        String phone = phone();
        assertThat(citizen.post("/api/online/code", Map.of("phone", phone)).status()).isEqualTo(202);
        CitizenOnline.Answer again = citizen.post("/api/online/code", Map.of("phone", phone));
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.body()).containsEntry("field", "phone");

        Instant now = clock.now();
        for (int i = 0; i < 20; i++) {
            transactions.executeWithoutResult(s -> jdbc.update("INSERT INTO online_code (phone, client_address, code_salt, code_hash, created_at, expires_at) "
                    + "VALUES (?, '127.0.0.1', 's', 'h', ?, ?)", phone(), java.sql.Timestamp.from(now.minusSeconds(60)),
                    java.sql.Timestamp.from(now.plusSeconds(240))));
        }
        CitizenOnline.Answer fromAddress = citizen.post("/api/online/code", Map.of("phone", phone()));
        assertThat(fromAddress.status()).isEqualTo(429);
        assertThat(fromAddress.body()).containsEntry("field", "request");
        assertThat(citizen.post("/api/online/code", Map.of("phone", "12345")).status()).as("not a mobile number").isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRelativeBoundToActAppliesForTheHolderAndBothSeeItButNobodyElse() {
        String holder = man1960();
        String daughter = ResidentIdNumber.withCheckCharacter("11010119850512"
                + String.format("%03d", 2 * ThreadLocalRandom.current().nextInt(500)));
        // the window records the 亲情代办 binding with the holder's consent
        Map<String, Object> bound = http.withBasicAuth("window1", "window1").postForEntity("/api/family-bindings",
                Map.of("holderIdNumber", holder, "agent", Map.of("name", "网办女儿", "idNumber", daughter, "relation", "女儿"),
                        "consentDate", clock.today().toString()), Map.class).getBody();
        long bindingId = ((Number) bound.get("bindingId")).longValue();

        CitizenOnline agent = new CitizenOnline(port);
        CitizenOnline.Answer me = agent.signIn(inbox, phone(), daughter, "网办女儿");
        assertThat((List<Map<String, Object>>) me.body().get("actingFor"))
                .anySatisfy(b -> assertThat(((Number) b.get("bindingId")).longValue()).isEqualTo(bindingId));
        CitizenOnline.Answer created = agent.post("/api/online/applications", Map.of("matter", "RETIREMENT",
                "facts", retirementFacts(), "forBinding", bindingId, "applicant", Map.of("name", "网办父亲", "phone", phone())));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String applicationId = (String) created.body().get("applicationId");
        assertThat(jdbc.queryForObject("SELECT applicant_id_number FROM online_application WHERE application_id = ?",
                String.class, applicationId)).as("the application is the holder's").isEqualTo(holder);

        CitizenOnline father = new CitizenOnline(port);
        father.signIn(inbox, phone(), holder, "网办父亲");
        assertThat(father.get("/api/online/applications").text()).contains(applicationId);
        assertThat(father.get("/api/online/applications/" + applicationId).status()).isEqualTo(200);
        assertThat(agent.get("/api/online/applications/" + applicationId).status()).isEqualTo(200);

        CitizenOnline stranger = new CitizenOnline(port);
        stranger.signIn(inbox, phone(), man1960(), "网办路人");
        assertThat(stranger.get("/api/online/applications/" + applicationId).status()).isEqualTo(404);
        assertThat(stranger.get("/api/online/applications").text()).doesNotContain(applicationId);
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM online_application", Long.class);
        CitizenOnline.Answer refused = stranger.post("/api/online/applications", Map.of("matter", "RETIREMENT",
                "facts", retirementFacts(), "forBinding", bindingId, "applicant", Map.of("name", "网办父亲", "phone", phone())));
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.body()).containsEntry("field", "forBinding");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM online_application", Long.class)).isEqualTo(before);
    }
}
