package cn.yijianshi.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A manager picks a report and a range on /reports in real Chromium; the workbook arrives and opens. */
@HallIntegrationTest
class ReportsPageTest {

    @LocalServerPort
    int port;

    @Test
    void aManagerDownloadsTheIssueLedgerWithItsChineseName() throws Exception {
        Path downloads = Files.createTempDirectory("downloads");
        try (HallBrowser browser = HallBrowser.open(port, downloads)) {
            browser.logIn("manager1", "manager1");
            browser.go("/reports");
            browser.waitForText(By.id("report"), "问题销号台账", Duration.ofSeconds(20));
            new Select(browser.driver().findElement(By.id("report"))).selectByVisibleText("满意度");
            assertThat(browser.driver().findElement(By.id("dept")).isEnabled()).as("满意度 is not filtered by department").isFalse();
            new Select(browser.driver().findElement(By.id("report"))).selectByVisibleText("问题销号台账");
            assertThat(browser.driver().findElement(By.id("dept")).isEnabled()).isTrue();
            browser.waitForText(By.id("dept"), "社保经办", Duration.ofSeconds(10));
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('from').value='2025-01-01'; document.getElementById('to').value='2026-12-31';");
            browser.screenshot("reports-page");
            browser.driver().findElement(By.id("download")).click();

            Path file = downloaded(downloads);
            assertThat(file.getFileName().toString()).startsWith("问题销号台账_2025-01-01_2026-12-31");
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
                assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("汇总");
                assertThat(wb.getSheet("问题清单")).isNotNull();
            }
        }
    }

    @Test
    void aManagerDownloadsTheServicePointReportForADistrictAndItsPointsBelow() throws Exception {
        Path downloads = Files.createTempDirectory("downloads");
        try (HallBrowser browser = HallBrowser.open(port, downloads)) {
            browser.logIn("manager1", "manager1");
            browser.go("/reports");
            browser.waitForText(By.id("report"), "服务网点办件统计", Duration.ofSeconds(20));
            var driver = browser.driver();
            new Select(driver.findElement(By.id("report"))).selectByVisibleText("办件量统计");
            assertThat(driver.findElement(By.id("dept")).isEnabled()).isTrue();
            assertThat(driver.findElement(By.id("matter")).isEnabled()).isTrue();
            assertThat(driver.findElement(By.id("point")).isEnabled()).as("办件量统计 is not filtered by point").isFalse();
            new Select(driver.findElement(By.id("report"))).selectByVisibleText("服务网点办件统计");
            assertThat(driver.findElement(By.id("dept")).isEnabled()).isFalse();
            assertThat(driver.findElement(By.id("point")).isEnabled()).isTrue();
            browser.waitForText(By.id("matter"), "社保卡补换", Duration.ofSeconds(10));
            driver.findElement(By.id("point")).sendKeys("BN-01");
            ((JavascriptExecutor) driver).executeScript(
                    "document.getElementById('from').value='2025-01-01'; document.getElementById('to').value='2026-12-31';");
            driver.findElement(By.id("download")).click();

            Path file = downloaded(downloads);
            assertThat(file.getFileName().toString()).startsWith("服务网点办件统计_2025-01-01_2026-12-31");
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
                StringBuilder cells = new StringBuilder();
                wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> cells.append(cell).append('|'))));
                assertThat(cells.toString()).as("a district and the points below it").contains("巴南区人力社保局")
                        .doesNotContain("丰台区人社服务大厅");
            }
        }
    }

    /** The workbook the browser saved into {@code downloads}, waiting up to 20 s for it. */
    private static Path downloaded(Path downloads) throws Exception {
        Path file = null;
        for (int i = 0; i < 100 && file == null; i++) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(f -> f.toString().endsWith(".xlsx")).toList();
                file = done.isEmpty() ? null : done.get(0);
            }
            if (file == null) {
                Thread.sleep(200);
            }
        }
        assertThat(file).as("the download arrived").isNotNull();
        return file;
    }
}
