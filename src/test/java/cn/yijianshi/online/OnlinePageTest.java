package cn.yijianshi.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 码上办 in Chromium as a citizen on a phone: 实名登录 with the code the demo provider sent, the retirement form, an
 * image uploaded and an .exe renamed .pdf refused, submit; the back office accepts; the citizen answers the window's
 * 补正 by uploading what is missing; the case is completed and the citizen rates it.
 */
@HallIntegrationTest
class OnlinePageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    DemoSmsInbox inbox;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private static void click(WebDriver driver, String id) {
        driver.findElement(By.id(id)).click();
    }

    private static void type(WebDriver driver, String id, String text) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(text);
    }

    @Test
    void aCitizenAppliesOnlineAnswersTheSupplementRequestAndRatesTheResult() throws Exception {
        transactions.executeWithoutResult(s -> jdbc.update("DELETE FROM online_code WHERE client_address IN ('127.0.0.1', '0:0:0:0:0:0:0:1')"));
        String phone = OnlineApplicationApiTest.phone();
        String idNumber = OnlineApplicationApiTest.man1960();
        Path png = Files.createTempFile("身份证", ".png");
        Files.write(png, OnlineApplicationApiTest.PNG);
        Path exe = Files.createTempFile("户口簿", ".pdf");
        Files.write(exe, new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0});

        try (HallBrowser browser = HallBrowser.open(port)) {
            WebDriver driver = browser.driver();
            browser.go("/online");
            browser.waitForText(By.id("provider"), "演示用实名认证", WAIT);
            type(driver, "phone", phone);
            click(driver, "send-code");
            browser.waitForText(By.id("code-sent"), "验证码已发送至 " + phone.substring(0, 3) + "****", WAIT);
            type(driver, "code", inbox.lastCodeTo(phone).orElseThrow());
            type(driver, "name", "码上办");
            type(driver, "idNumber", idNumber);
            browser.screenshot("online-01-sign-in");
            click(driver, "sign-in-button");
            browser.waitForText(By.id("home"), "码上办", WAIT);
            assertThat(browser.pageText()).contains("演示认证", idNumber.substring(0, 6) + "********").doesNotContain(idNumber);

            click(driver, "new-application");
            new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.cssSelector("#matter option[value='RETIREMENT']")).size() == 1);
            assertThat(driver.findElements(By.cssSelector("#matter option[value='EMPLOYEE_HIRING']")))
                    .as("only matters a person may apply for online").isEmpty();
            new Select(driver.findElement(By.id("matter"))).selectByValue("RETIREMENT");
            new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.id("facts.originalAge")).size() == 1);
            type(driver, "facts.originalAge", "60");
            type(driver, "facts.contributionMonths", "360");
            browser.screenshot("online-02-form");
            click(driver, "save-form");
            browser.waitForText(By.id("application"), "上传材料", WAIT);
            String applicationId = driver.findElement(By.id("app-id")).getText();
            assertThat(applicationId).startsWith("WS-");

            driver.findElement(By.cssSelector("input[data-code='ID_CARD']")).sendKeys(png.toString());
            browser.waitForText(By.id("material-ID_CARD"), "已上传 1 个", WAIT);
            driver.findElement(By.cssSelector("input[data-code='HUKOU']")).sendKeys(exe.toString());
            browser.waitForText(By.id("error"), "按内容识别，与文件名无关", WAIT);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM online_material WHERE application_id = ? AND material_code = 'HUKOU'",
                    Integer.class, applicationId)).as("the renamed program is not kept").isZero();
            browser.screenshot("online-03-materials");
            click(driver, "submit");
            browser.waitForText(By.id("app-status"), "已提交，待预审", WAIT);

            BackOffice.review(http, applicationId, Map.of("preReviewDecision", "ACCEPT"));
            String caseId = jdbc.queryForObject("SELECT case_id FROM online_application WHERE application_id = ?", String.class,
                    applicationId);
            BackOffice.work(http, "window1", caseId, "Task_ReviewMaterials", Map.of("materialsDecision", "INCOMPLETE",
                    "originalAge", "60", "contributionMonths", 360, "hasFundAccount", false));

            click(driver, "back");
            browser.waitForText(By.id("applications"), "待补正材料", WAIT);
            driver.findElement(By.linkText("退休一件事 · " + applicationId)).click();
            browser.waitForText(By.id("upload-title"), "补正材料", WAIT);
            assertThat(driver.findElement(By.id("app-case")).getText()).isEqualTo(caseId);
            int toUpload = driver.findElements(By.cssSelector("#materials input[type=file]")).size();
            assertThat(toUpload).as("only what is missing is asked for").isPositive();
            for (int i = 0; i < toUpload; i++) {
                var input = driver.findElements(By.cssSelector("#materials input[type=file]")).get(i);
                String code = input.getAttribute("data-code");
                input.sendKeys(png.toString());
                browser.waitForText(By.id("material-" + code), "已上传", WAIT);
            }
            browser.screenshot("online-04-supplement");
            click(driver, "supplement");
            new WebDriverWait(driver, WAIT).until(d -> !d.findElement(By.id("app-status")).getText().contains("待补正"));

            BackOffice.work(http, "window1", caseId, "Task_ReviewMaterials", Map.of("materialsDecision", "COMPLETE",
                    "originalAge", "60", "contributionMonths", 360, "hasFundAccount", false));
            BackOffice.work(http, "archives1", caseId, "Task_ArchivesReview", Map.of("confirmedContributionMonths", 360));
            BackOffice.work(http, "pension1", caseId, "Task_AssessPension", Map.of("approvedMonthlyPension", 3500.0));
            BackOffice.work(http, "medical1", caseId, "Task_MedicalTransfer", Map.of("departmentResult", "医保待遇已变更"));
            BackOffice.work(http, "pension2", caseId, "Task_ApproveRetirement", Map.of("approvalDecision", "APPROVE"));

            click(driver, "back");
            browser.waitForText(By.id("applications"), "已办结", WAIT);
            driver.findElement(By.linkText("退休一件事 · " + applicationId)).click();
            browser.waitForText(By.id("app-status"), "已办结", WAIT);
            browser.screenshot("online-05-completed");
            click(driver, "rate");
            browser.waitForText(By.id("what"), caseId, WAIT);
            driver.findElement(By.cssSelector(".stars button[data-score='5']")).click();
            click(driver, "send");
            browser.waitForText(By.id("thanks"), "感谢您的评价", WAIT);
        }
        assertThat(jdbc.queryForObject("SELECT channel FROM hall_case WHERE case_id = (SELECT case_id FROM online_application "
                + "WHERE submitted_by_id_number = ?)", String.class, idNumber)).isEqualTo("ONLINE");
    }
}
