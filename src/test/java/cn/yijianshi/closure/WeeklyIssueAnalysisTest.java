package cn.yijianshi.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 每周问题分析 with known counts: issues raised, closed, overdue and reopened in the week of 2033-06-06 and the week
 * before, with the hall's clock set (a year no other test uses, so the shared database holds only these).
 */
@HallIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeeklyIssueAnalysisTest {

    @Autowired
    IssueLedger ledger;
    @Autowired
    WeeklyIssueAnalysis analysis;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TestRestTemplate http;

    private static void at(String hallTime) {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall(hallTime)));
    }

    /** Raised as the ledger does, without a process (these are moved by hand); the deadline set so overdue is known. */
    private String raise(String when, IssueSource source, IssueCategory category, String dept, String description, String deadline) {
        at(when);
        String issueId = ledger.raise(new NewIssue(source, category, description, null, dept), "coord1", true).getIssueId();
        transactions.executeWithoutResult(s -> jdbc.update("UPDATE issue SET deadline = ? WHERE issue_id = ?",
                java.sql.Date.valueOf(deadline), issueId));
        return issueId;
    }

    private void move(String when, String issueId, IssueChange change) {
        at(when);
        ledger.change(issueId, change, "coord1");
    }

    @BeforeAll
    void theFiveWeeks() {
        try {
            // the three weeks before last: 养老待遇 each week, one of them overdue last week (A)
            raise("2033-05-16T10:00", IssueSource.HOTLINE, IssueCategory.PENSION, "experts", "A 养老金核定", "2033-05-30");
            raise("2033-05-23T10:00", IssueSource.HOTLINE, IssueCategory.PENSION, "experts", "B 养老金补发", "2033-06-06");
            // last week: C, answered and reopened this week
            String c = raise("2033-05-31T10:00", IssueSource.WINDOW, IssueCategory.PENSION, "dept-pension", "C 待遇调整", "2033-06-14");
            move("2033-06-01T10:00", c, IssueChange.to(IssueStatus.IN_PROGRESS, "受理"));
            move("2033-06-02T10:00", c, new IssueChange(IssueStatus.RESOLVED, null, "已答复", null, null, null, null));
            // this week: D, E (closed this week), F (a bad rating)
            raise("2033-06-06T09:00", IssueSource.HOTLINE, IssueCategory.PENSION, "experts", "D 养老金", "2033-06-20");
            String e = raise("2033-06-06T09:30", IssueSource.WINDOW, IssueCategory.TRANSFER, "dept-pension", "E 转移接续", "2033-06-20");
            move("2033-06-07T10:00", e, IssueChange.to(IssueStatus.IN_PROGRESS, "受理"));
            move("2033-06-07T11:00", e, new IssueChange(IssueStatus.RESOLVED, null, "已到账", null, null, null, null));
            move("2033-06-08T10:00", e, new IssueChange(IssueStatus.CLOSED, null, null, null, "满意", null, null));
            raise("2033-06-07T10:00", IssueSource.BAD_RATING, IssueCategory.OTHER, "experts",
                    "窗口服务差评（1 星）：等了两个小时，电话13800138000", "2033-06-21");
            move("2033-06-08T15:00", c, new IssueChange(IssueStatus.REOPENED, "回访不满意", null, null, "仍未调整", null, null));
        } finally {
            ClockUtil.reset();
        }
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void theWeekIsCountedByCategoryDepartmentAndSourceAgainstTheWeekBefore() {
        at("2033-06-10T16:00");
        WeeklyIssueAnalysis.Week week = analysis.of(LocalDate.of(2033, 6, 8));

        assertThat(week.weekStart()).isEqualTo("2033-06-06");
        assertThat(week.weekEnd()).isEqualTo("2033-06-12");
        assertThat(week.thisWeek()).isEqualTo(new WeeklyIssueAnalysis.Figures(3, 1, 1, 1));
        assertThat(week.lastWeek()).isEqualTo(new WeeklyIssueAnalysis.Figures(1, 0, 1, 0));

        assertThat(week.byCategory()).extracting(WeeklyIssueAnalysis.Line::code).containsExactly("PENSION", "TRANSFER", "OTHER");
        assertThat(week.byCategory().get(0)).isEqualTo(new WeeklyIssueAnalysis.Line("PENSION", "养老待遇",
                new WeeklyIssueAnalysis.Figures(1, 0, 1, 1), new WeeklyIssueAnalysis.Figures(1, 0, 1, 0)));
        assertThat(week.byCategory().get(1).thisWeek()).isEqualTo(new WeeklyIssueAnalysis.Figures(1, 1, 0, 0));
        assertThat(week.byDepartment()).extracting(WeeklyIssueAnalysis.Line::name, l -> l.thisWeek())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("帮办专家", new WeeklyIssueAnalysis.Figures(2, 0, 1, 0)),
                        org.assertj.core.groups.Tuple.tuple("社保经办", new WeeklyIssueAnalysis.Figures(1, 1, 0, 1)));
        assertThat(week.bySource()).extracting(WeeklyIssueAnalysis.Line::name)
                .containsExactly("窗口", "12333热线", "差评");
        assertThat(week.bySource().get(1).thisWeek()).as("12333热线").isEqualTo(new WeeklyIssueAnalysis.Figures(1, 0, 1, 0));

        assertThat(week.recurring()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("养老待遇");
            assertThat(r.raisedByWeek()).containsExactly(1L, 1L, 1L, 1L);
            assertThat(r.weeksRaised()).isEqualTo(4);
            assertThat(r.reopened()).isEqualTo(1);
        });
        assertThat(week.badRatings()).singleElement().satisfies(b -> {
            assertThat(b.reason()).contains("等了两个小时", "138****8000").doesNotContain("13800138000");
            assertThat(b.statusName()).isEqualTo("待处理");
        });
    }

    @Test
    void beforeItsLastDayHasPassedAnIssueIsNotYetCountedOverdue() {
        at("2033-06-06T16:00");
        assertThat(analysis.of(LocalDate.of(2033, 6, 6)).thisWeek().overdue()).as("B is overdue from Tuesday").isZero();
    }

    @Test
    void theWeeklyReportHasTheSameCountsAndTheLedgerReportTakesTheListsFilters() throws Exception {
        at("2033-06-10T16:00");
        var answer = http.withBasicAuth("manager1", "manager1").exchange("/api/reports/issue-weekly.xlsx?from=2033-06-06&to=2033-06-12",
                HttpMethod.GET, null, byte[].class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()))) {
            DataFormatter text = new DataFormatter();
            XSSFSheet categories = book.getSheet("按类别");
            assertThat(text.formatCellValue(categories.getRow(0).getCell(1))).isEqualTo("本周新增");
            Map<String, List<String>> rows = new java.util.HashMap<>();
            for (int r = 1; r <= categories.getLastRowNum(); r++) {
                var row = categories.getRow(r);
                List<String> cells = new java.util.ArrayList<>();
                for (int c = 1; c <= 8; c++) {
                    cells.add(text.formatCellValue(row.getCell(c)));
                }
                rows.put(text.formatCellValue(row.getCell(0)), cells);
            }
            // raised, before, closed, before, overdue, before, reopened, before
            assertThat(rows.get("养老待遇")).containsExactly("1", "1", "0", "0", "1", "1", "1", "0");
            assertThat(rows.get("社保关系转移")).containsExactly("1", "0", "1", "0", "0", "0", "0", "0");
            XSSFSheet recurring = book.getSheet("反复出现的类别");
            assertThat(text.formatCellValue(recurring.getRow(1).getCell(0))).isEqualTo("养老待遇");
            assertThat(text.formatCellValue(recurring.getRow(1).getCell(1))).isEqualTo("4");
            XSSFSheet bad = book.getSheet("差评原因");
            assertThat(text.formatCellValue(bad.getRow(1).getCell(3))).contains("等了两个小时", "138****8000");
        }

        var ledgerReport = http.withBasicAuth("coord1", "coord1").exchange(
                "/api/reports/issue-ledger.xlsx?from=2033-05-16&to=2033-06-12&category=PENSION&source=HOTLINE",
                HttpMethod.GET, null, byte[].class);
        assertThat(ledgerReport.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ledgerReport.getBody()))) {
            XSSFSheet list = book.getSheet("问题清单");
            DataFormatter text = new DataFormatter();
            List<String> descriptions = new java.util.ArrayList<>();
            for (int r = 1; r <= list.getLastRowNum(); r++) {
                descriptions.add(text.formatCellValue(list.getRow(r).getCell(4)));
            }
            assertThat(descriptions).containsExactly("A 养老金核定", "B 养老金补发", "D 养老金");
        }
        assertThat(http.withBasicAuth("coord1", "coord1").getForEntity(
                "/api/reports/sla-compliance.xlsx?from=2033-06-06&to=2033-06-12&category=PENSION", String.class).getStatusCode())
                .as("a report that takes no issue filter").isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
