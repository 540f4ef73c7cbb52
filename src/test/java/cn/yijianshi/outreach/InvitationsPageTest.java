package cn.yijianshi.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Date;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.insured.InsuredImport;
import cn.yijianshi.insured.RegistryPeople;
import cn.yijianshi.intake.CaseMapper;
import cn.yijianshi.upload.FileKind;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 待邀约办理 on 一窗受理台 in real Chromium: the clerk sees her point's invitations, masked, and starts one with a click. */
@HallIntegrationTest
class InvitationsPageTest {

    private static final String REGION = "340102";

    @LocalServerPort
    int port;
    @Autowired
    InsuredImport importer;
    @Autowired
    OutreachScan scan;
    @Autowired
    Invitations invitations;
    @Autowired
    CaseMapper cases;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void theClerkSeesHerPointsInvitationsAndStartsOneWithOneClick() throws Exception {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2034-03-10T10:00:00")));
        RegistryPeople registry = new RegistryPeople(REGION);
        RegistryPeople.Person ready = registry.retiringIn(YearMonth.of(2034, 5), 310, "SP-001");
        RegistryPeople.Person shortOne = registry.retiringIn(YearMonth.of(2034, 5), 90, "SP-001");
        importer.importSheet(new ByteArrayInputStream(registry.csv()), FileKind.TEXT, "test");
        scan.scan();
        String readyId = invitations.ofResident(ready.idNumber()).get(0).invitationId();
        String shortId = invitations.ofResident(shortOne.idNumber()).get(0).invitationId();

        try (HallBrowser browser = HallBrowser.open(port)) {
            WebDriver driver = browser.driver();
            browser.logIn("window1", "window1");
            browser.go("/window");
            browser.waitForText(By.id("invitations"), readyId, Duration.ofSeconds(20));
            WebElement row = driver.findElement(By.id("invitation-" + readyId));
            assertThat(row.getText()).contains(ready.name(), "2034-05", "310 个月", "人事档案")
                    .contains(ready.idNumber().substring(0, 6) + "********" + ready.idNumber().substring(14))
                    .doesNotContain(ready.idNumber(), ready.phone(), "居民身份证");
            assertThat(driver.findElement(By.id("invitation-" + shortId)).getText()).contains("尚差", "缴费不足，专家电话邀约");
            assertThat(driver.findElement(By.id("invitation-" + shortId)).findElements(By.cssSelector("button"))).isEmpty();
            browser.screenshot("window-invitations");

            long before = cases.count();
            row.findElement(By.cssSelector("button.confirm-invitation")).click();
            browser.waitForText(By.id("case-id"), "TX-", Duration.ofSeconds(30));
            String caseId = driver.findElement(By.id("case-id")).getText();
            browser.screenshot("window-invitation-confirmed");
            assertThat(cases.count()).isEqualTo(before + 1);
            assertThat(cases.findByCaseId(caseId).getApplicantIdNumber()).isEqualTo(ready.idNumber());
            assertThat(cases.materialCodes(caseId)).containsExactlyInAnyOrder("ID_CARD", "HUKOU", "BANK_CARD");

            // Back at the desk: the confirmed invitation has left the list, the other one stays.
            browser.go("/window");
            browser.waitForText(By.id("invitations"), shortId, Duration.ofSeconds(20));
            assertThat(driver.findElements(By.id("invitation-" + readyId))).isEmpty();
        }
    }
}
