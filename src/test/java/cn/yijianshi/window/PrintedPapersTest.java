package cn.yijianshi.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TaskWork;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import cn.yijianshi.intake.CaseMapper;
import cn.yijianshi.intake.CaseStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The papers a hall prints on A4 from the browser: the receipt at intake, the one-time notice, the refusal. */
@HallIntegrationTest
class PrintedPapersTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseIntake intake;
    @Autowired
    cn.yijianshi.system.HallClock hallClock;
    @Autowired
    CaseMapper cases;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @Test
    void theOneTimeNoticeListsEveryMissingItemWithTheIdMasked() {
        Map<String, Object> body = TestCitizens.retirementIntake("赵建华", TestCitizens.RETIRING_MAN);
        body.put("materials", List.of("ID_CARD", "HUKOU"));
        String caseId = accept(body);
        review(caseId, Map.of("materialsDecision", "INCOMPLETE", "materialsNote", "申请表未签名"));
        assertThat(cases.findByCaseId(caseId).getStatus()).isEqualTo(CaseStatus.WAITING_FOR_MATERIALS);

        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.logIn("window1", "window1");
            browser.go("/cases/" + caseId + "/print/receipt");
            browser.waitForText(By.id("paper"), "受理回执", Duration.ofSeconds(20));
            var today = hallClock.today();
            assertThat(browser.driver().findElement(By.id("printed-on")).getText()).as("dated by the hall's clock")
                    .isEqualTo(today.getYear() + " 年 " + today.getMonthValue() + " 月 " + today.getDayOfMonth() + " 日");
            String receipt = browser.driver().findElement(By.id("paper")).getText();
            assertThat(receipt).contains(caseId, "退休一件事", "居民身份证", "户口簿", "承诺办结", "/progress", "经办人（签字）",
                    "专用印章", "138****8000", masked(TestCitizens.RETIRING_MAN)).doesNotContain(TestCitizens.RETIRING_MAN);
            browser.screenshot("print-receipt");

            browser.go("/cases/" + caseId + "/print/materials-notice");
            browser.waitForText(By.id("paper"), "一次性告知书", Duration.ofSeconds(20));
            String notice = browser.driver().findElement(By.id("paper")).getText();
            assertThat(notice).as("every missing item with where to get it").contains("人事档案（存档单位或人才服务机构",
                    "退休一件事联办申请表（窗口领取或在码上办下载）");
            assertThat(notice).contains("退休一件事联办申请表", "人事档案", "申请表未签名", "补正期限", "视为撤回",
                    masked(TestCitizens.RETIRING_MAN)).doesNotContain(TestCitizens.RETIRING_MAN);
            browser.screenshot("print-materials-notice");

            browser.go("/cases/" + caseId + "/print/not-accepted");
            browser.waitForText(By.id("error"), "未作不予受理决定", Duration.ofSeconds(20));
        }
    }

    @Test
    void theRefusalNamesTheReasonAndTheCitizensRightsWithTheirTimeLimits() {
        Map<String, Object> body = TestCitizens.retirementIntake("钱小军", TestCitizens.RETIRING_MAN);
        @SuppressWarnings("unchecked")
        Map<String, Object> retirement = (Map<String, Object>) body.get("retirement");
        retirement.put("contributionMonths", 60);
        String caseId = accept(body);
        review(caseId, Map.of("materialsDecision", "COMPLETE"));
        assertThat(cases.findByCaseId(caseId).getStatus()).isEqualTo(CaseStatus.NOT_ACCEPTED);

        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.logIn("window1", "window1");
            browser.go("/cases/" + caseId + "/print/not-accepted");
            browser.waitForText(By.id("paper"), "不予受理告知书", Duration.ofSeconds(20));
            String paper = browser.driver().findElement(By.id("paper")).getText();
            assertThat(paper).contains(caseId, "不予受理理由", cases.findByCaseId(caseId).getOutcomeReason(),
                    "六十日内依法申请行政复议", "六个月内依法向人民法院提起行政诉讼", "专用印章", masked(TestCitizens.RETIRING_MAN));
            browser.screenshot("print-not-accepted");
        }
    }

    private String accept(Map<String, Object> body) {
        return intake.accept(json.convertValue(body, CaseIntakeRequest.class), null, "window1").caseId();
    }

    private void review(String caseId, Map<String, Object> variables) {
        var task = taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("Task_ReviewMaterials")
                .singleResult();
        TaskWork.claimAndComplete(identityService, taskService, task, "window1", List.of("window"), variables);
    }

    static String masked(String id) {
        return id.substring(0, 6) + "********" + id.substring(14);
    }
}
