package cn.yijianshi.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An administrator imports a registry sheet on /service-points in real Chromium: a bad row is shown, then the good sheet. */
@HallIntegrationTest
class ServicePointsPageTest {

    @LocalServerPort
    int port;

    @Test
    void anAdministratorSeesTheBadRowThenImportsTheSheet() throws Exception {
        Path dir = Files.createTempDirectory("registry");
        String header = "网点代码,网点名称,层级,上级网点代码,合作类型,可办事项,地址,纬度,经度,办公时间,联系电话,状态\n";
        Path bad = Files.writeString(dir.resolve("bad.csv"), header
                + "PG-D1,页面区人社局,区县,,,,重庆市页面区,29.56,106.55,周一至周五,023-1,启用\n"
                + "PG-P1,页面区社银合作点,合作点,PG-D1,社银,,重庆市页面区某银行,29.57,106.56,周一至周五,023-2,启用\n",
                StandardCharsets.UTF_8);
        Path good = Files.writeString(dir.resolve("good.csv"), header
                + "PG-D1,页面区人社局,区县,,,,重庆市页面区,29.56,106.55,周一至周五,023-1,启用\n"
                + "PG-P1,页面区社银合作点,合作点,PG-D1,社银,SOCIAL_SECURITY_CARD、RETIREMENT,重庆市页面区某银行,29.57,106.56,周一至周五,023-2,启用\n",
                StandardCharsets.UTF_8);
        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.logIn("demo", "demo");
            browser.go("/service-points");
            browser.waitForText(By.id("points"), "丰台区人社服务大厅", Duration.ofSeconds(20));

            browser.driver().findElement(By.id("file")).sendKeys(bad.toString());
            browser.driver().findElement(By.id("import")).click();
            browser.waitForText(By.id("import-errors"), "可办理的事项", Duration.ofSeconds(20));
            assertThat(browser.driver().findElement(By.id("import-result")).getText()).contains("未导入任何网点");
            assertThat(browser.driver().findElement(By.cssSelector("#import-errors tbody td")).getText()).isEqualTo("3");

            browser.driver().findElement(By.id("file")).clear();
            browser.driver().findElement(By.id("file")).sendKeys(good.toString());
            browser.driver().findElement(By.id("import")).click();
            browser.waitForText(By.id("import-result"), "已导入 2 个网点", Duration.ofSeconds(20));
            browser.driver().findElement(By.id("under")).sendKeys("PG-D1");
            browser.driver().findElement(By.id("search")).click();
            browser.waitForText(By.id("points"), "页面区社银合作点", Duration.ofSeconds(20));
            assertThat(browser.driver().findElement(By.id("points")).getText()).contains("社银", "退休一件事");
            browser.screenshot("service-points-page");
        }
    }
}
