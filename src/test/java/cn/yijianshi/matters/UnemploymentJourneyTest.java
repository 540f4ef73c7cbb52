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
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** 失业一件事 and 失业保险金停发 over HTTP: intake, every department's task in Tasklist with its form, 办结 notice; and refusals. */
@HallIntegrationTest
class UnemploymentJourneyTest {

    static final String CLAIMANT = ResidentIdNumber.withCheckCharacter("11010619880512153");
    static final List<String> ALL_MATERIALS = List.of("ID_CARD", "SOCIAL_SECURITY_CARD", "SEPARATION_PROOF");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private HallJourney hall;

    @BeforeEach
    void hall() {
        hall = new HallJourney(http, jdbc);
    }

    @Test
    void theHallListsTheNewMattersWithTheirDepartmentsChannelsAndIntakeForms() {
        List<Map<String, Object>> matters = http.withBasicAuth("window1", "window1").exchange("/api/matters",
                org.springframework.http.HttpMethod.GET, null, HallJourney.JSON_LIST).getBody();
        assertThat(matters).extracting(m -> m.get("key"))
                .contains("UNEMPLOYMENT", "UNEMPLOYMENT_STOP", "EMPLOYEE_HIRING", "SOCIAL_SECURITY_CARD", "RETIREMENT");
        Map<String, Object> stop = matters.stream().filter(m -> "UNEMPLOYMENT_STOP".equals(m.get("key"))).findFirst().orElseThrow();
        assertThat(stop).containsEntry("online", true).containsEntry("applicantKind", "PERSON");
        assertThat(stop.get("channels").toString()).contains("ONLINE");
        Map<String, Object> hiring = matters.stream().filter(m -> "EMPLOYEE_HIRING".equals(m.get("key"))).findFirst().orElseThrow();
        assertThat(hiring).containsEntry("applicantKind", "ORGANIZATION").containsEntry("processKey", "employee-hiring");
        assertThat(hiring.get("departments").toString()).contains("dept-employment", "dept-pension", "dept-medical", "dept-fund");

        Map<String, Object> unemployment = http.withBasicAuth("window1", "window1").exchange("/api/matters/UNEMPLOYMENT",
                org.springframework.http.HttpMethod.GET, null, HallJourney.JSON).getBody();
        assertThat(((Map<?, ?>) unemployment.get("intakeForm")).get("id")).isEqualTo("unemployment-intake");
        assertThat(unemployment.get("materials").toString()).contains("解除或终止劳动关系的证明");
    }

    static Map<String, Object> claim(String name, List<String> materials) {
        Map<String, Object> body = HallJourney.personIntake("UNEMPLOYMENT", name, CLAIMANT, materials);
        HallJourney.facts(body).putAll(Map.of("separationDate", "2026-10-31", "lastEmployer", "北京某某科技有限公司",
                "separationReason", "CONTRACT_EXPIRED", "contributionMonths", 130, "remainingMonthsFromEarlierClaim", 2,
                "registeredUnemployed", true, "seekingWork", true, "wantsTraining", true));
        return body;
    }

    /** The whole 一件事, from the window to 办结; returns the case id. */
    String claimedToCompletion(String name) {
        String caseId = hall.open(claim(name, ALL_MATERIALS));
        hall.work("window1", caseId, "Task_ReviewMaterials", "unemployment-review-materials", Map.of("materialsDecision", "COMPLETE"));
        assertThat(hall.view(caseId)).containsEntry("status", "IN_PROGRESS");
        assertThat(hall.notice(caseId, "IN_PROGRESS")).contains(caseId, "24 个月");

        hall.hiddenFrom("unemployment1", caseId, "Task_RegisterUnemployment");
        hall.work("employment1", caseId, "Task_RegisterUnemployment", "unemployment-register",
                Map.of("registrationNo", "SYDJ-2026-0042", "registrationDate", "2026-11-30"));
        assertThat(hall.refusedCompletion("unemployment1", caseId, "Task_ApproveBenefit",
                Map.of("benefitDecision", "APPROVE"))).isEqualTo("monthlyBenefit");
        hall.work("unemployment1", caseId, "Task_ApproveBenefit", "unemployment-approve-benefit",
                Map.of("benefitDecision", "APPROVE", "monthlyBenefit", 1980));
        hall.work("medical1", caseId, "Task_MedicalDuringBenefit", "unemployment-medical",
                Map.of("medicalResult", "已参加职工医保，保费由失业保险基金缴纳"));
        hall.work("employment1", caseId, "Task_CareerGuidance", "unemployment-career-guidance",
                Map.of("guidanceResult", "已提供职业指导，推荐电工职业技能培训"));
        return caseId;
    }

    @Test
    void anInvoluntarilyUnemployedClaimantIsServedByEveryDepartmentAndToldTheBenefitOnce() {
        String caseId = claimedToCompletion("周强");
        assertThat(caseId).startsWith("SY-");
        Map<String, Object> done = hall.view(caseId);
        assertThat(done).containsEntry("status", "COMPLETED");
        assertThat((List<?>) done.get("openSteps")).isEmpty();
        assertThat(hall.outbox(caseId)).containsSubsequence("IN_PROGRESS", "COMPLETED");
        // 10 years paid: 24 months; the 2 left from before do not go past 24 (条例 art. 17).
        assertThat(hall.notice(caseId, "COMPLETED")).contains("SYDJ-2026-0042", "24 个月", "1980", "电工");
    }

    @Test
    void aClaimantWhoResignedIsNotAcceptedAndToldWhyInOneMessage() {
        Map<String, Object> body = claim("吴敏", ALL_MATERIALS);
        HallJourney.facts(body).put("separationReason", "RESIGNED");
        String caseId = hall.open(body);
        hall.work("window1", caseId, "Task_ReviewMaterials", "unemployment-review-materials", Map.of("materialsDecision", "COMPLETE"));

        Map<String, Object> refused = hall.view(caseId);
        assertThat(refused).containsEntry("status", "NOT_ACCEPTED");
        assertThat((String) refused.get("outcomeReason")).contains("本人意愿", "第十四条第二项");
        assertThat(hall.outbox(caseId)).containsExactly("NOT_ACCEPTED");
        assertThat(hall.notice(caseId, "NOT_ACCEPTED")).contains("第十四条第二项");
    }

    @Test
    void aClaimantPaidLessThanAYearIsNotAccepted() {
        Map<String, Object> body = claim("郑洁", ALL_MATERIALS);
        HallJourney.facts(body).put("contributionMonths", 11);
        String caseId = hall.open(body);
        hall.work("window1", caseId, "Task_ReviewMaterials", "unemployment-review-materials", Map.of("materialsDecision", "COMPLETE"));
        assertThat((String) hall.view(caseId).get("outcomeReason")).contains("不满1年");
    }

    @Test
    void missingMaterialsAreListedInOneNoticeAndTheSupplementBringsTheCaseBack() {
        Map<String, Object> body = claim("冯磊", List.of("ID_CARD"));
        HallJourney.facts(body).put("separationReason", "EMPLOYER_FAULT");
        String caseId = hall.open(body);
        hall.work("window1", caseId, "Task_ReviewMaterials", "unemployment-review-materials", Map.of("materialsDecision", "COMPLETE"));
        assertThat(hall.view(caseId)).containsEntry("status", "WAITING_FOR_MATERIALS");
        assertThat(hall.notice(caseId, "MATERIALS_NOTICE")).contains("社会保障卡（金融账户）", "解除或终止劳动关系的证明", "用人单位过错的证明");

        assertThat(hall.supply(caseId, List.of("SOCIAL_SECURITY_CARD", "SEPARATION_PROOF", "EMPLOYER_FAULT_PROOF")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        hall.work("window1", caseId, "Task_ReviewMaterials", "unemployment-review-materials", Map.of("materialsDecision", "COMPLETE"));
        assertThat(hall.task("employment1", caseId, "Task_RegisterUnemployment")).isNotNull();
    }

    @Test
    void factsTheIntakeFormRefusesAreNamedFieldByField() {
        Map<String, Object> body = claim("陈静", ALL_MATERIALS);
        HallJourney.facts(body).put("separationReason", "LAID_OFF_SOMEHOW");
        assertThat(hall.refusedField(body)).isEqualTo("facts.separationReason");

        body = claim("陈静", ALL_MATERIALS);
        HallJourney.facts(body).put("remainingMonthsFromEarlierClaim", 25);
        assertThat(hall.refusedField(body)).isEqualTo("facts.remainingMonthsFromEarlierClaim");

        body = claim("陈静", ALL_MATERIALS);
        HallJourney.facts(body).remove("contributionMonths");
        assertThat(hall.refusedField(body)).isEqualTo("facts.contributionMonths");

        body = claim("陈静", ALL_MATERIALS);
        HallJourney.facts(body).put("salary", 9000);
        assertThat(hall.refusedField(body)).isEqualTo("facts.salary");

        body = claim("陈静", List.of("ID_CARD", "BIRTH_CERTIFICATE"));
        assertThat(hall.refusedField(body)).isEqualTo("materials[1]");
    }

    private static Map<String, Object> stop(String benefitCaseId) {
        Map<String, Object> body = HallJourney.personIntake("UNEMPLOYMENT_STOP", "周强", CLAIMANT, List.of("ID_CARD"));
        body.put("channel", "ONLINE");
        HallJourney.facts(body).putAll(Map.of("benefitCaseId", benefitCaseId, "reemploymentDate", "2026-12-01",
                "newEmployer", "北京某某物流有限公司"));
        return body;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClaimantWhoFindsWorkHasTheBenefitStoppedOnlineByReferringToTheBenefitCase() {
        String benefitCase = claimedToCompletion("周强");
        Map<String, Object> badDate = stop(benefitCase);
        HallJourney.facts(badDate).put("reemploymentDate", "2026-13-01");
        assertThat(hall.refusedField(badDate)).isEqualTo("facts.reemploymentDate");
        Map<String, Object> someoneElse = stop(benefitCase);
        ((Map<String, Object>) someoneElse.get("applicant")).put("idNumber", ResidentIdNumber.withCheckCharacter("11010619900101123"));
        assertThat(hall.refusedField(someoneElse)).isEqualTo("facts.benefitCaseId");

        String caseId = hall.open(stop(benefitCase));
        assertThat(caseId).startsWith("SYT-");
        hall.work("unemployment1", caseId, "Task_StopBenefit", "unemployment-stop-stop-benefit",
                Map.of("stopDecision", "STOP", "stopFromMonth", "2026-12"));
        assertThat(hall.view(caseId)).containsEntry("status", "COMPLETED");
        assertThat(hall.notice(caseId, "COMPLETED")).contains(benefitCase, "2026-12");

        // Asked again, the office finds the payments already stopped and says so.
        String again = hall.open(stop(benefitCase));
        hall.work("unemployment1", again, "Task_StopBenefit", "unemployment-stop-stop-benefit",
                Map.of("stopDecision", "REFUSE", "rejectionReason", "该办件的失业保险金已自2026-12起停发，无需重复申请。"));
        assertThat(hall.view(again)).containsEntry("status", "NOT_ACCEPTED");
        assertThat(hall.notice(again, "NOT_ACCEPTED")).contains("无需重复申请");
    }

    @Test
    void aStopMustReferToTheApplicantsOwnCompletedBenefitCase() {
        assertThat(hall.refusedField(stop("SY-20260101-999999"))).isEqualTo("facts.benefitCaseId");
        assertThat(hall.refusedField(stop("not a case id"))).isEqualTo("facts.benefitCaseId");

        String running = hall.open(claim("周强", ALL_MATERIALS));
        assertThat(hall.refusedField(stop(running))).isEqualTo("facts.benefitCaseId");
    }
}
