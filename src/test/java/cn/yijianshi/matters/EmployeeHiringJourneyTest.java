package cn.yijianshi.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.catalog.CreditCode;
import cn.yijianshi.intake.ResidentIdNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** 员工录用一件事 over HTTP: an employer (credit code) hires one or several people; four departments; refusals. */
@HallIntegrationTest
class EmployeeHiringJourneyTest {

    /** A valid code: Beijing 朝阳, an enterprise, organization code MA01ABCD with its GB 11714 check character. */
    static final String EMPLOYER = CreditCode.of("91110105", "MA01ABCD");
    static final String WORKER_1995 = ResidentIdNumber.withCheckCharacter("11010519950301131");
    static final String WORKER_1992 = ResidentIdNumber.withCheckCharacter("11010819920817262");
    static final String BORN_2011 = ResidentIdNumber.withCheckCharacter("11010520110615131");
    static final List<String> ALL_MATERIALS = List.of("HIRING_FORM", "EMPLOYEE_ID_CARDS", "LABOR_CONTRACTS", "FUND_DEPOSIT_LIST");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private HallJourney hall;

    @BeforeEach
    void hall() {
        hall = new HallJourney(http, jdbc);
    }

    private static Map<String, Object> employee(String name, String idNumber, String hireDate) {
        return new HashMap<>(Map.of("name", name, "idNumber", idNumber, "phone", "13900139000", "hireDate", hireDate));
    }

    static Map<String, Object> hiring(List<Map<String, Object>> employees, boolean hasFundAccount, List<String> materials) {
        Map<String, Object> body = new HashMap<>();
        body.put("matter", "EMPLOYEE_HIRING");
        body.put("applicant", new HashMap<>(Map.of("name", "北京某某科技有限公司", "creditCode", EMPLOYER, "phone", "010-65001234")));
        body.put("channel", "WINDOW");
        body.put("servicePoint", Map.of("code", "SP-001", "name", "丰台区人社服务大厅"));
        body.put("materials", materials);
        Map<String, Object> facts = new HashMap<>();
        facts.put("employees", new ArrayList<>(employees));
        facts.put("hasFundAccount", hasFundAccount);
        if (hasFundAccount) {
            facts.put("fundAccountNo", "110105001234");
        }
        body.put("facts", facts);
        return body;
    }

    private void departmentsDone(String caseId, boolean fund) {
        hall.work("employment1", caseId, "Task_EmploymentRegistration", "employee-hiring-employment-registration",
                Map.of("employmentRegistrationResult", "已办理就业登记"));
        hall.work("pension1", caseId, "Task_PensionInsuranceRegistration", "employee-hiring-pension-registration",
                Map.of("pensionRegistrationResult", "2026-11起参加养老、工伤、失业保险"));
        hall.work("medical1", caseId, "Task_MedicalInsuranceRegistration", "employee-hiring-medical-registration",
                Map.of("medicalRegistrationResult", "已参加职工基本医疗保险"));
        if (fund) {
            hall.work("fund1", caseId, "Task_FundDepositRegistration", "employee-hiring-fund-registration",
                    Map.of("fundRegistrationResult", "已设立住房公积金个人账户"));
        }
    }

    @Test
    void anEmployerHiresTwoPeopleAndFourDepartmentsRegisterAndInsureThemByTheDeadline() {
        String caseId = hall.open(hiring(List.of(employee("李雷", WORKER_1995, "2026-11-25"),
                employee("韩梅梅", WORKER_1992, "2026-11-16")), true, ALL_MATERIALS));
        assertThat(caseId).startsWith("LY-");
        assertThat(((Map<?, ?>) hall.view(caseId).get("applicant")).get("kind")).isEqualTo("ORGANIZATION");
        hall.work("window1", caseId, "Task_ReviewMaterials", "employee-hiring-review-materials", Map.of("materialsDecision", "COMPLETE"));

        // 社会保险法 art. 58: within 30 days of the first hire (2026-11-16).
        assertThat(hall.notice(caseId, "IN_PROGRESS")).contains("2人", "2026-12-16", "公积金");
        String pensionTask = (String) hall.task("pension1", caseId, "Task_PensionInsuranceRegistration").get("id");
        Map<String, Object> formVariables = http.withBasicAuth("pension1", "pension1").exchange(
                "/engine-rest/task/" + pensionTask + "/form-variables", org.springframework.http.HttpMethod.GET, null, HallJourney.JSON).getBody();
        assertThat(((Map<?, ?>) formVariables.get("insuranceDeadline")).get("value")).isEqualTo("2026-12-16");

        departmentsDone(caseId, true);
        assertThat(hall.view(caseId)).containsEntry("status", "COMPLETED");
        assertThat(hall.outbox(caseId)).containsSubsequence("IN_PROGRESS", "COMPLETED");
        assertThat(hall.notice(caseId, "COMPLETED")).contains("2人", "公积金缴存登记");
    }

    @Test
    void oneEmployeeMayBeGivenAloneWithTheHireDateAndWithoutAFundAccountThreeDepartmentsServe() {
        Map<String, Object> body = hiring(List.of(), false, List.of("HIRING_FORM", "EMPLOYEE_ID_CARDS", "LABOR_CONTRACTS"));
        Map<String, Object> facts = HallJourney.facts(body);
        facts.remove("employees");
        facts.put("employee", Map.of("name", "王芳", "idNumber", WORKER_1992, "phone", "13700137000"));
        facts.put("hireDate", "2026-11-20");
        String caseId = hall.open(body);
        hall.work("window1", caseId, "Task_ReviewMaterials", "employee-hiring-review-materials", Map.of("materialsDecision", "COMPLETE"));
        assertThat(hall.notice(caseId, "IN_PROGRESS")).contains("1人", "2026-12-20").doesNotContain("公积金");
        hall.hiddenFrom("fund1", caseId, "Task_FundDepositRegistration");
        departmentsDone(caseId, false);
        assertThat(hall.view(caseId)).containsEntry("status", "COMPLETED");
    }

    @Test
    void aChildUnderSixteenIsNotHiredAndTheEmployerIsToldWhy() {
        String caseId = hall.open(hiring(List.of(employee("李雷", WORKER_1995, "2026-11-25"), employee("小军", BORN_2011, "2026-11-25")),
                false, List.of("HIRING_FORM", "EMPLOYEE_ID_CARDS", "LABOR_CONTRACTS")));
        hall.work("window1", caseId, "Task_ReviewMaterials", "employee-hiring-review-materials", Map.of("materialsDecision", "COMPLETE"));
        Map<String, Object> refused = hall.view(caseId);
        assertThat(refused).containsEntry("status", "NOT_ACCEPTED");
        assertThat((String) refused.get("outcomeReason")).contains("小军", "第十五条").doesNotContain("李雷");
        assertThat(hall.outbox(caseId)).containsExactly("NOT_ACCEPTED");
    }

    @Test
    void missingMaterialsAreListedInOneNotice() {
        String caseId = hall.open(hiring(List.of(employee("李雷", WORKER_1995, "2026-11-25")), true, List.of("HIRING_FORM")));
        hall.work("window1", caseId, "Task_ReviewMaterials", "employee-hiring-review-materials",
                Map.of("materialsDecision", "INCOMPLETE", "materialsNote", "劳动合同未签字"));
        assertThat(hall.view(caseId)).containsEntry("status", "WAITING_FOR_MATERIALS");
        assertThat(hall.notice(caseId, "MATERIALS_NOTICE")).contains("新录用人员居民身份证", "劳动合同", "住房公积金个人账户设立清册",
                "劳动合同未签字");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWrongCreditCodeOrAPersonsIdNumberIsRefused() {
        Map<String, Object> body = hiring(List.of(employee("李雷", WORKER_1995, "2026-11-25")), false, List.of("HIRING_FORM"));
        String code = EMPLOYER;
        char last = code.charAt(17) == '0' ? '1' : '0';
        ((Map<String, Object>) body.get("applicant")).put("creditCode", code.substring(0, 17) + last);
        assertThat(hall.refusedField(body)).isEqualTo("applicant.creditCode");

        body = hiring(List.of(employee("李雷", WORKER_1995, "2026-11-25")), false, List.of("HIRING_FORM"));
        ((Map<String, Object>) body.get("applicant")).remove("creditCode");
        ((Map<String, Object>) body.get("applicant")).put("idNumber", WORKER_1995);
        assertThat(hall.refusedField(body)).isEqualTo("applicant.creditCode");
    }

    @Test
    void factsAreRefusedRowByRowAndFieldByField() {
        String wrongCheck = WORKER_1992.substring(0, 17) + (WORKER_1992.charAt(17) == '1' ? '2' : '1');
        assertThat(hall.refusedField(hiring(List.of(employee("李雷", WORKER_1995, "2026-11-25"),
                employee("韩梅梅", wrongCheck, "2026-11-16")), false, List.of()))).isEqualTo("facts.employees[1].idNumber");
        assertThat(hall.refusedField(hiring(List.of(employee("李雷", WORKER_1995, "2026-11-31")), false, List.of())))
                .isEqualTo("facts.employees[0].hireDate");
        assertThat(hall.refusedField(hiring(List.of(), false, List.of()))).isEqualTo("facts.employees");

        Map<String, Object> single = hiring(List.of(), false, List.of());
        HallJourney.facts(single).remove("employees");
        HallJourney.facts(single).put("employee", Map.of("name", "王芳", "idNumber", WORKER_1992, "phone", "13700137000"));
        assertThat(hall.refusedField(single)).isEqualTo("facts.hireDate");

        Map<String, Object> fund = hiring(List.of(employee("李雷", WORKER_1995, "2026-11-25")), true, List.of());
        HallJourney.facts(fund).remove("fundAccountNo");
        assertThat(hall.refusedField(fund)).isEqualTo("facts.fundAccountNo");
    }
}
