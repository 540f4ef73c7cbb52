package cn.yijianshi.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.CaseMapper;
import cn.yijianshi.intake.HallCase;
import cn.yijianshi.intake.ResidentIdNumber;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 一窗受理台 in real Chromium: the clerk types, the page checks as she types, one click (or two) makes one case. */
@HallIntegrationTest
class WindowPageTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseMapper cases;

    @Test
    void theClerkAcceptsARetirementWithOneMaterialMissingAndADoubleClickMakesOneCase() {
        try (HallBrowser browser = HallBrowser.open(port)) {
            WebDriver driver = browser.driver();
            browser.logIn("window1", "window1");
            browser.go("/window");
            browser.waitForText(By.id("matter"), "退休一件事", Duration.ofSeconds(20));
            new Select(driver.findElement(By.id("matter"))).selectByVisibleText("退休一件事");
            browser.waitForText(By.id("materials"), "人事档案", Duration.ofSeconds(10));

            type(driver, "applicant.name", "王志刚");
            // One wrong check character: the field is marked as soon as the 18th character is in, and nothing is sent.
            String right = TestCitizens.RETIRING_MAN;
            String wrong = right.substring(0, 17) + (right.charAt(17) == '1' ? "2" : "1");
            type(driver, "applicant.idNumber", wrong);
            assertThat(error(driver, "applicant.idNumber")).contains("校验位错误");
            type(driver, "applicant.phone", "13912345678");
            type(driver, "facts.originalAge", "60");
            type(driver, "facts.contributionMonths", "360");
            tick(driver, "ID_CARD");
            tick(driver, "HUKOU");
            tick(driver, "APPLICATION_FORM");
            long before = cases.count();
            driver.findElement(By.id("submit")).click();
            assertThat(driver.findElement(By.id("error")).getText()).contains("请先改正");
            assertThat(cases.count()).as("nothing was sent with a wrong ID").isEqualTo(before);

            type(driver, "applicant.idNumber", right);
            assertThat(driver.findElement(By.id("applicant.gender")).getAttribute("value")).isEqualTo("男");
            assertThat(driver.findElement(By.id("applicant.birthDate")).getAttribute("value")).isEqualTo("1960-03-07");
            assertThat(driver.findElement(By.cssSelector("[data-field='applicant.idNumber'] .field-error")).isDisplayed()).isFalse();
            // The table says a normal retirement needs the archives: required and not ticked, so missing.
            browser.waitForText(By.id("missing"), "人事档案", Duration.ofSeconds(10));
            assertThat(driver.findElement(By.id("missing")).getText()).doesNotContain("户口簿");

            // 加急 needs a reason: marked on its field, nothing sent.
            new Select(driver.findElement(By.id("priority"))).selectByValue("URGENT");
            driver.findElement(By.id("submit")).click();
            assertThat(error(driver, "priorityReason")).contains("必须填写原因");
            assertThat(cases.count()).isEqualTo(before);
            type(driver, "priorityReason", "申请人病重，家属陪同");
            browser.screenshot("window-filled");

            new Actions(driver).doubleClick(driver.findElement(By.id("submit"))).perform();
            browser.waitForText(By.id("case-id"), "TX-", Duration.ofSeconds(30));
            String caseId = driver.findElement(By.id("case-id")).getText();
            assertThat(driver.findElement(By.id("promised")).getText()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(driver.findElement(By.id("print-receipt")).getAttribute("href")).endsWith("/cases/" + caseId + "/print/receipt");
            browser.screenshot("window-accepted");
            assertThat(cases.count()).as("a double click makes one case").isEqualTo(before + 1);
            HallCase stored = cases.findByCaseId(caseId);
            assertThat(stored.getApplicantIdNumber()).isEqualTo(right);
            assertThat(stored.getPriorityReason()).isEqualTo("申请人病重，家属陪同");
            assertThat(cases.materialCodes(caseId)).containsExactlyInAnyOrder("ID_CARD", "HUKOU", "APPLICATION_FORM");
        }
    }

    @Test
    void aFieldTheServerRefusesIsMarkedOnThatField() {
        try (HallBrowser browser = HallBrowser.open(port)) {
            WebDriver driver = browser.driver();
            browser.logIn("window1", "window1");
            browser.go("/window");
            browser.waitForText(By.id("matter"), "退休一件事", Duration.ofSeconds(20));
            new Select(driver.findElement(By.id("matter"))).selectByVisibleText("退休一件事");
            browser.waitForText(By.id("materials"), "人事档案", Duration.ofSeconds(10));
            type(driver, "applicant.name", "李华");
            type(driver, "applicant.idNumber", TestCitizens.RETIRING_MAN);
            type(driver, "applicant.phone", "13912345678");
            // The server's own check: a man's original statutory age is 60 (RetirementIntake), the form only says 50-60.
            type(driver, "facts.originalAge", "55");
            long before = cases.count();
            driver.findElement(By.id("submit")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !error(d, "facts.originalAge").isEmpty()
                    || !d.findElement(By.id("error")).getText().isEmpty());
            assertThat(error(driver, "facts.originalAge")).as("the page said: %s", driver.findElement(By.id("error")).getText())
                    .isNotEmpty();
            assertThat(cases.count()).isEqualTo(before);

            // A fast clerk's answer can arrive before the page asks for the materials the facts need (200 ms after the
            // last key); that request reads the facts again, and must leave the server's mark where it is.
            JavascriptExecutor page = (JavascriptExecutor) driver;
            page.executeScript("window.materialsAsked = 0; var send = window.fetch; window.fetch = function (url) {"
                    + " if (String(url).indexOf('/required-materials') >= 0) { window.materialsAsked++; }"
                    + " return send.apply(this, arguments); };"
                    + " document.getElementById('channel').dispatchEvent(new Event('change'));");
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> ((Number) page.executeScript("return window.materialsAsked;")).intValue() > 0);
            assertThat(error(driver, "facts.originalAge")).as("the server's mark after the facts were read again").isNotEmpty();
            // ... until the clerk corrects that field
            type(driver, "facts.originalAge", "60");
            assertThat(error(driver, "facts.originalAge")).as("corrected").isEmpty();
        }
    }

    @Test
    void someoneWithoutTheWindowGroupGetsAPageInChinese() {
        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.logIn("pension1", "pension1");
            browser.go("/window");
            assertThat(browser.pageText()).contains("无权访问此页面", "用户组").doesNotContain("Whitelabel", "Exception");
        }
    }

    static void type(WebDriver driver, String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    static void tick(WebDriver driver, String material) {
        driver.findElement(By.cssSelector("#material-" + material + " input")).click();
    }

    static String error(WebDriver driver, String field) {
        List<WebElement> errors = driver.findElements(By.cssSelector("[data-field='" + field + "'] .field-error"));
        return errors.isEmpty() || !errors.get(0).isDisplayed() ? "" : errors.get(0).getText();
    }
}
