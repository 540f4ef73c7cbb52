package cn.yijianshi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One login for everything: our pages and Camunda's web apps share it, both ways, in real Chromium. */
@HallIntegrationTest
class OneLoginTest {

    @LocalServerPort
    int port;

    @Test
    void loggedInOnOurPageTheCoordinatorIsInTasklistWithoutAnotherLogin() {
        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.logIn("coord1", "coord1");
            browser.go("/camunda/app/tasklist/");
            // Tasklist's first load in a test JVM compiles its whole Angular app: on a loaded CI machine that took over
            // 30 s twice. Wait for whichever comes, the task list or a login form, then say which it was.
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(90));
            try {
                wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks]")),
                        ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[name=signinForm]"))));
            } catch (TimeoutException e) {
                browser.screenshot("one-login-tasklist-timeout");
                throw new AssertionError("Tasklist showed neither its list nor its login: " + browser.whereItStands(), e);
            }
            assertThat(browser.driver().findElements(By.cssSelector("form[name=signinForm]"))).as("no second login").isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("[cam-tasks]"))).as("the task list").isNotEmpty();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li.account"), "值班主任"));
        }
    }

    @Test
    void loggedInOnTasklistTheCoordinatorOpensTheMonitorAndLoggingOutThereLogsOutEverywhere() {
        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.logInToTasklist("coord1", "coord1");
            browser.go("/sla");
            browser.waitForText(By.tagName("h2"), "各部门任务", Duration.ofSeconds(20));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/sla");
            browser.waitForText(By.id("as-of"), "更新于", Duration.ofSeconds(20));

            browser.go("/camunda/app/tasklist/");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account > a.dropdown-toggle"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout > a"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));

            browser.go("/sla");
            wait.until(ExpectedConditions.urlContains("/login.html"));
        }
    }
}
