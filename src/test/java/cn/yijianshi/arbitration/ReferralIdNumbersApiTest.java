package cn.yijianshi.arbitration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TaskWork;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.ResidentIdNumber;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The referral's ID numbers are checked as intake checks them: at the window's API and in 整理仲裁申请材料. */
@HallIntegrationTest
class ReferralIdNumbersApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @BeforeEach
    void hallTime() {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-24T10:00")));
    }

    @AfterEach
    void realClockAgain() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    private static Map<String, Object> referral(String idNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("applicant", Map.of("name", "刘女士", "idNumber", idNumber, "phone", "13900139000"));
        body.put("employer", Map.of("name", "某某贸易有限公司", "creditCode", "91110105MA01ABCD2X"));
        body.put("claims", List.of(Map.of("type", "SEVERANCE", "amount", 30000)));
        body.put("disputeDate", "2026-10-12");
        body.put("mediation", false);
        return body;
    }

    private ResponseEntity<Map<String, Object>> refer(String idNumber) {
        return http.withBasicAuth("liaison1", "liaison1").exchange("/api/arbitration-referrals", HttpMethod.POST,
                new HttpEntity<>(referral(idNumber)), JSON);
    }

    private long referrals() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM arbitration_referral", Long.class);
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource({
            "born the day after the hall's today, 11010520261125002, 出生日期晚于今天",
            "born 2027-01-15,                      11010520270115002, 出生日期晚于今天",
            "region 99,                            99010519750615002, 省级行政区划代码",
            "region 56,                            56010519750615002, 省级行政区划代码",
            "born on 30 February,                  11010519750230002, 不是存在的出生日期"})
    void aNumberWithAValidCheckCharacterButNoRealPersonBehindItIsRefusedAndNothingIsStored(String what, String first17,
                                                                                          String why) {
        long before = referrals();

        ResponseEntity<Map<String, Object>> refused = refer(ResidentIdNumber.withCheckCharacter(first17));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("field", "applicant.idNumber");
        assertThat((String) refused.getBody().get("message")).contains(why);
        assertThat((String) refused.getBody().get("messageEn")).containsPattern("[a-z]{3,}");
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void aForeignPermanentResidentMayBeReferred() {
        ResponseEntity<Map<String, Object>> created = refer(ResidentIdNumber.withCheckCharacter("94484019750615002"));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theLiaisonsFormRefusesANumberBornInTheFutureAndKeepsTheTask() {
        String referralId = (String) refer(TestCitizens.WOMAN_1975).getBody().get("referralId");
        Task prepare = taskService.createTaskQuery().processInstanceBusinessKey(referralId)
                .taskDefinitionKey("Task_PrepareApplication").singleResult();
        Map<String, Object> form = new HashMap<>(Map.of("employerName", "某某贸易有限公司", "claimsText", "经济补偿 30000元",
                "disputeDate", "2026-10-12", "mediation", false,
                "applicantIdNumber", ResidentIdNumber.withCheckCharacter("11010520270115002")));

        assertThatThrownBy(() -> TaskWork.claimAndComplete(identityService, taskService, prepare, "liaison1",
                List.of("arbitration-liaison"), form))
                .hasMessageContaining("applicantIdNumber").hasMessageContaining("出生日期晚于今天")
                .hasMessageContaining("in the future");
        assertThat(taskService.createTaskQuery().taskId(prepare.getId()).count()).as("the task stays open").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT applicant_id_number FROM arbitration_referral WHERE referral_id = ?",
                String.class, referralId)).as("the number on file is unchanged").isEqualTo(TestCitizens.WOMAN_1975);
    }

    @Test
    void tasklistCompletingTheFormWithSuchANumberGets400NamingTheFieldInCamundasShape() {
        String referralId = (String) refer(TestCitizens.WOMAN_1975).getBody().get("referralId");
        Task prepare = taskService.createTaskQuery().processInstanceBusinessKey(referralId)
                .taskDefinitionKey("Task_PrepareApplication").singleResult();
        taskService.claim(prepare.getId(), "liaison1");
        Map<String, Object> variables = new HashMap<>();
        Map.of("employerName", "某某贸易有限公司", "claimsText", "经济补偿 30000元", "disputeDate", "2026-10-12",
                "applicantIdNumber", ResidentIdNumber.withCheckCharacter("99010519750615002"))
                .forEach((name, value) -> variables.put(name, Map.of("value", value)));
        variables.put("mediation", Map.of("value", false));

        ResponseEntity<Map<String, Object>> refused = http.withBasicAuth("liaison1", "liaison1").exchange(
                "/engine-rest/task/" + prepare.getId() + "/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", variables)), JSON);

        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsKeys("type", "message").containsEntry("field", "applicantIdNumber");
        assertThat((String) refused.getBody().get("messageZh")).contains("省级行政区划代码");
        assertThat((String) refused.getBody().get("messageEn")).contains("applicantIdNumber");
        assertThat(taskService.createTaskQuery().taskId(prepare.getId()).count()).as("the task stays open").isEqualTo(1);
    }
}
