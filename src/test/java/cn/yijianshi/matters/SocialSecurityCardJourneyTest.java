package cn.yijianshi.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.intake.ResidentIdNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** 社保卡补换 over HTTP: 挂失 then 补换 and 政务专递; the 绿色通道 for a family member's application; refusals. */
@HallIntegrationTest
class SocialSecurityCardJourneyTest {

    static final String HOLDER = ResidentIdNumber.withCheckCharacter("50010319560322141");
    static final String DAUGHTER = ResidentIdNumber.withCheckCharacter("50010319850708262");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private HallJourney hall;

    @BeforeEach
    void hall() {
        hall = new HallJourney(http, jdbc);
    }

    static Map<String, Object> card(String reason, List<String> materials) {
        Map<String, Object> body = HallJourney.personIntake("SOCIAL_SECURITY_CARD", "刘德明", HOLDER, materials);
        HallJourney.facts(body).putAll(Map.of("reason", reason, "deliveryAddress", "重庆市渝中区解放碑街道民族路1号",
                "recipientPhone", "13800138000"));
        return body;
    }

    static Map<String, Object> byDaughterForHolderInHospital(String reason, List<String> materials) {
        Map<String, Object> body = card(reason, materials);
        body.put("channel", "PROXY");
        body.put("proxy", Map.of("name", "刘晓燕", "idNumber", DAUGHTER, "relation", "女儿"));
        HallJourney.facts(body).put("hospitalName", "重庆医科大学附属第一医院");
        return body;
    }

    @Test
    void aLostCardIsReportedFirstThenReplacedAndMailedWithItsTrackingNumber() {
        String caseId = hall.open(card("LOST", List.of("ID_CARD", "PHOTO")));
        assertThat(caseId).startsWith("SBK-");
        hall.work("window1", caseId, "Task_ReviewMaterials", "social-security-card-review-materials", Map.of("materialsDecision", "COMPLETE"));
        assertThat(hall.notice(caseId, "IN_PROGRESS")).contains("原卡正在挂失", "民族路1号").doesNotContain("绿色通道");
        hall.hiddenFrom("card1", caseId, "Task_ReplaceAndMailCard");
        hall.work("card1", caseId, "Task_ReportLoss", "social-security-card-report-loss", Map.of("lossResult", "REPORTED"));
        Map<String, Object> replace = hall.task("card1", caseId, "Task_ReplaceAndMailCard");
        assertThat(((Number) replace.get("priority")).intValue()).isEqualTo(50);
        // The form's rules hold on the server too (checkTaskForms): no mailing without a well-formed tracking number.
        assertThat(hall.refusedCompletion("card1", caseId, "Task_ReplaceAndMailCard",
                Map.of("newCardNo", "A12345678", "mailedOn", "2026-12-01"))).isEqualTo("trackingNumber");
        assertThat(hall.refusedCompletion("card1", caseId, "Task_ReplaceAndMailCard",
                Map.of("newCardNo", "A12345678", "trackingNumber", "SF1234567890", "mailedOn", "2026-12-01"))).isEqualTo("trackingNumber");
        hall.work("card1", caseId, "Task_ReplaceAndMailCard", "social-security-card-replace",
                Map.of("newCardNo", "A12345678", "trackingNumber", "1012345678901", "mailedOn", "2026-12-01"));
        assertThat(hall.view(caseId)).containsEntry("status", "COMPLETED");
        assertThat(hall.notice(caseId, "COMPLETED")).contains("政务专递", "1012345678901", "/rate/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDaughterForHerFatherInHospitalGoesThroughTheGreenChannelWithAPowerOfAttorney() {
        String caseId = hall.open(byDaughterForHolderInHospital("DAMAGED",
                List.of("ID_CARD", "PHOTO", "DAMAGED_CARD", "POWER_OF_ATTORNEY", "PROXY_ID_CARD")));
        hall.work("window1", caseId, "Task_ReviewMaterials", "social-security-card-review-materials", Map.of("materialsDecision", "COMPLETE"));
        assertThat(hall.notice(caseId, "IN_PROGRESS")).contains("绿色通道").doesNotContain("挂失");
        Map<String, Object> replace = hall.task("card1", caseId, "Task_ReplaceAndMailCard");
        assertThat(((Number) replace.get("priority")).intValue()).as("urgent in Tasklist").isEqualTo(80);
        Map<String, Object> urgent = hall.view(caseId);
        assertThat(urgent).containsEntry("priority", "URGENT");
        assertThat((List<Map<String, Object>>) urgent.get("timeline")).extracting(e -> e.get("event")).contains("PRIORITY_CHANGED");
        assertThat(jdbc.queryForObject("SELECT limit_text FROM sla_record WHERE case_id = ? AND kind = 'CASE'", String.class, caseId))
                .as("the promise is the urgent one").isEqualTo("2个工作日");
        hall.work("card1", caseId, "Task_ReplaceAndMailCard", "social-security-card-replace",
                Map.of("newCardNo", "B98765432", "trackingNumber", "EA123456789CN", "mailedOn", "2026-12-01"));
        assertThat(hall.notice(caseId, "COMPLETED")).contains("EA123456789CN", "绿色通道");
    }

    @Test
    void withoutThePowerOfAttorneyTheFamilyIsToldOnceWhatToBring() {
        String caseId = hall.open(byDaughterForHolderInHospital("LOST", List.of("ID_CARD", "PHOTO")));
        hall.work("window1", caseId, "Task_ReviewMaterials", "social-security-card-review-materials", Map.of("materialsDecision", "COMPLETE"));
        assertThat(hall.view(caseId)).containsEntry("status", "WAITING_FOR_MATERIALS");
        assertThat(hall.notice(caseId, "MATERIALS_NOTICE")).contains("持卡人签署的委托书", "代办人居民身份证");
    }

    @Test
    void aHolderWithoutAValidCardIsNotAccepted() {
        String caseId = hall.open(card("LOST", List.of("ID_CARD", "PHOTO")));
        hall.work("window1", caseId, "Task_ReviewMaterials", "social-security-card-review-materials", Map.of("materialsDecision", "COMPLETE"));
        hall.work("card1", caseId, "Task_ReportLoss", "social-security-card-report-loss",
                Map.of("lossResult", "NO_CARD", "rejectionReason", "持卡人名下无有效社会保障卡，请办理首次申领"));
        Map<String, Object> refused = hall.view(caseId);
        assertThat(refused).containsEntry("status", "NOT_ACCEPTED");
        assertThat(hall.notice(caseId, "NOT_ACCEPTED")).contains("首次申领");
    }

    @Test
    void factsAndTheProxyAreRefusedFieldByField() {
        Map<String, Object> noHospital = byDaughterForHolderInHospital("LOST", List.of("ID_CARD"));
        HallJourney.facts(noHospital).remove("hospitalName");
        assertThat(hall.refusedField(noHospital)).isEqualTo("facts.hospitalName");

        Map<String, Object> noProxy = byDaughterForHolderInHospital("LOST", List.of("ID_CARD"));
        noProxy.remove("proxy");
        assertThat(hall.refusedField(noProxy)).isEqualTo("proxy");

        Map<String, Object> badPhone = card("LOST", List.of("ID_CARD"));
        HallJourney.facts(badPhone).put("recipientPhone", "12345");
        assertThat(hall.refusedField(badPhone)).isEqualTo("facts.recipientPhone");

        Map<String, Object> badReason = card("STOLEN_BY_ALIENS", List.of("ID_CARD"));
        assertThat(hall.refusedField(badReason)).isEqualTo("facts.reason");

        // Only a family member's application shows the hospital: at the window it is not a fact of the case.
        Map<String, Object> atWindow = card("LOST", List.of("ID_CARD", "PHOTO"));
        HallJourney.facts(atWindow).put("hospitalName", "某医院");
        String caseId = hall.open(atWindow);
        assertThat(caseId).startsWith("SBK-");
    }
}
