package cn.yijianshi.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.closure.IssueCategory;
import cn.yijianshi.closure.IssueChange;
import cn.yijianshi.closure.IssueLedger;
import cn.yijianshi.closure.IssueSource;
import cn.yijianshi.closure.IssueStatus;
import cn.yijianshi.closure.NewIssue;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import cn.yijianshi.intake.CaseRating;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each report generated from data made through the processes in weeks no other test touches (2025-03-03..09;
 * 2025-05-12..25 for the experts; 2025-06-02..03 for the hall's day), read back with POI and checked against
 * the figures the test itself produced.
 */
@HallIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagerReportsTest {

    static final String RANGE = "from=2025-03-03&to=2025-03-09";
    static final String INJECTION = "=HYPERLINK(\"http://evil.example\",\"点我\")";

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRating rating;
    @Autowired
    IssueLedger ledger;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    ObjectMapper json;
    @Autowired
    ReportCatalogue catalogue;

    @BeforeAll
    void aWeekInTheHall() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2025-03-04T10:00").atZone(TestCalendars.HALL).toInstant()));
        try {
            String completed = open("WINDOW", List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES"));
            workToTheEnd(completed);
            rating.rate(completed, 1, INJECTION + " 我的电话13800138000", "window1");

            String withdrawn = open("WINDOW", List.of("ID_CARD"));
            work(withdrawn, "Task_ReviewMaterials", "window1", List.of("window"), Map.of("materialsDecision", "INCOMPLETE",
                    "originalAge", "60", "contributionMonths", 360));
            String process = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(withdrawn).singleResult().getId();
            var timer = managementService.createJobQuery().processInstanceId(process).timers()
                    .activityId("Timer_SupplementDeadline").singleResult();
            managementService.executeJob(timer.getId());

            open("ONLINE", List.of("ID_CARD"));

            ledger.raise(new NewIssue(IssueSource.HOTLINE, IssueCategory.PENSION,
                    INJECTION + " 来电人身份证" + TestCitizens.RETIRING_MAN, null, "experts"), "coord1", false);
            var closed = ledger.raise(new NewIssue(IssueSource.WINDOW, IssueCategory.TRANSFER, "转移未到账", null,
                    "dept-pension"), "window1", false);
            ledger.change(closed.getIssueId(), IssueChange.to(IssueStatus.IN_PROGRESS, "处理"), "pension1");
            ledger.change(closed.getIssueId(), new IssueChange(IssueStatus.RESOLVED, null, "已到账", null, null, null, null), "pension1");
            ledger.change(closed.getIssueId(), new IssueChange(IssueStatus.CLOSED, null, null, null, "满意", null, null), "coord1");
        } finally {
            ClockUtil.reset();
        }
    }

    /** The scores given to cases whose issue expert1 answered in 2025-05-19..25; one more (3) the week before. */
    static final List<Integer> EXPERT_SCORES_IN_RANGE = List.of(5, 4);

    @BeforeAll
    void anExpertsTwoWeeks() {
        answeredAndRated("2025-05-13T10:00", 3);
        for (int score : EXPERT_SCORES_IN_RANGE) {
            answeredAndRated("2025-05-20T10:00", score);
        }
    }

    /** A completed case rated {@code score}, then a hotline question on it that expert1 claims and answers. */
    private void answeredAndRated(String hallTime, int score) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(hallTime).atZone(TestCalendars.HALL).toInstant()));
        try {
            String caseId = open("WINDOW", List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES"));
            workToTheEnd(caseId);
            rating.rate(caseId, score, "评价", "window1");
            ledger.raise(new NewIssue(IssueSource.HOTLINE, IssueCategory.PENSION, "养老金怎么算", caseId, "experts"), "coord1", false);
            work(caseId, "Task_ClaimHardCase", "expert1", List.of("experts"), Map.of());
            work(caseId, "Task_ExpertAssessment", "expert1", List.of("experts"), Map.of("assessment", "ANSWER", "assessmentNote", "研判"));
            work(caseId, "Task_ReplyCitizen", "expert1", List.of("experts"), Map.of("replyText", "按规定计发"));
        } finally {
            ClockUtil.reset();
        }
    }

    /** Accepted at 07:30 in the hall (23:30 UTC the day before) and just after midnight (16:10 UTC the day before). */
    @BeforeAll
    void earlyAndLateCases() {
        for (String hallTime : List.of("2025-06-02T07:30", "2025-06-03T00:10")) {
            ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(hallTime).atZone(TestCalendars.HALL).toInstant()));
            try {
                open("WINDOW", List.of("ID_CARD"));
            } finally {
                ClockUtil.reset();
            }
        }
    }

    @AfterAll
    void realTime() {
        ClockUtil.reset();
    }

    private String open(String channel, List<String> materials) {
        Map<String, Object> body = TestCitizens.retirementIntake("报表测试", TestCitizens.RETIRING_MAN);
        body.put("channel", channel);
        body.put("materials", materials);
        return intake.accept(json.convertValue(body, CaseIntakeRequest.class), null, "window1").caseId();
    }

    private void work(String caseId, String taskKey, String user, List<String> groups, Map<String, Object> vars) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(taskKey).singleResult();
        identityService.setAuthentication(user, groups);
        try {
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), user);
            }
            taskService.complete(task.getId(), vars);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void workToTheEnd(String caseId) {
        work(caseId, "Task_ReviewMaterials", "window1", List.of("window"), Map.of("materialsDecision", "COMPLETE",
                "originalAge", "60", "contributionMonths", 360, "hasFundAccount", true));
        work(caseId, "Task_ArchivesReview", "archives1", List.of("dept-archives"), Map.of("confirmedContributionMonths", 360,
                "averageContributionIndex", 1.0, "personalAccountBalance", 139000, "transitionalPension", 0));
        work(caseId, "Task_AssessPension", "pension1", List.of("dept-pension"), Map.of("approvedMonthlyPension", 3000));
        work(caseId, "Task_MedicalTransfer", "medical1", List.of("dept-medical"), Map.of("departmentResult", "已变更"));
        work(caseId, "Task_FundWithdrawal", "fund1", List.of("dept-fund"), Map.of("departmentResult", "已提取"));
        work(caseId, "Task_ApproveRetirement", "pension2", List.of("dept-pension"), Map.of("approvalDecision", "APPROVE"));
    }

    private XSSFWorkbook download(String user, String report) throws Exception {
        return download(user, report, "");
    }

    private XSSFWorkbook download(String user, String report, String more) throws Exception {
        return download(user, report, "2025-03-03", "2025-03-09", more);
    }

    private XSSFWorkbook download(String user, String report, String from, String to, String more) throws Exception {
        ResponseEntity<byte[]> answer = http.withBasicAuth(user, user).exchange("/api/reports/" + report + ".xlsx?from=" + from
                + "&to=" + to + more, HttpMethod.GET, null, byte[].class);
        assertThat(answer.getStatusCode()).as(report).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentDisposition().getFilename()).endsWith("_" + from + "_" + to + ".xlsx");
        return new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()));
    }

    /** The value next to a label on the 汇总 sheet. */
    private static double figure(XSSFWorkbook wb, String label) {
        for (Row row : wb.getSheet("汇总")) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && label.equals(first.getStringCellValue())) {
                return row.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError("no figure " + label);
    }

    private static String allText(XSSFWorkbook wb) {
        DataFormatter formatter = new DataFormatter();
        StringBuilder text = new StringBuilder();
        wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> text.append(formatter.formatCellValue(cell)).append('\n'))));
        return text.toString();
    }

    /** The categories the 汇总 chart plots, as Excel reads them from the chart. */
    private static List<String> chartCategories(XSSFWorkbook wb) {
        var chart = ((XSSFSheet) wb.getSheet("汇总")).getDrawingPatriarch().getCharts().get(0);
        var categories = chart.getChartSeries().get(0).getSeries(0).getCategoryData();
        return java.util.stream.IntStream.range(0, categories.getPointCount())
                .mapToObj(i -> String.valueOf(categories.getPointAt(i))).toList();
    }

    /** The text of one column of a detail sheet, header left out. */
    private static List<String> column(XSSFWorkbook wb, String sheet, int c) {
        Sheet rows = wb.getSheet(sheet);
        List<String> values = new java.util.ArrayList<>();
        for (int r = 1; r <= rows.getLastRowNum(); r++) {
            values.add(rows.getRow(r).getCell(c).getStringCellValue());
        }
        return values;
    }

    private static void hasChartAndFrozenHeaders(XSSFWorkbook wb) {
        assertThat(((XSSFSheet) wb.getSheet("汇总")).getDrawingPatriarch().getCharts()).hasSize(1);
        for (int i = 1; i < wb.getNumberOfSheets(); i++) {
            Sheet sheet = wb.getSheetAt(i);
            assertThat(sheet.getPaneInformation()).as(sheet.getSheetName()).isNotNull();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(((XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter()).isTrue();
        }
    }

    @Test
    void caseVolumeCountsTheWeeksCasesByOutcomeAndChannel() throws Exception {
        try (XSSFWorkbook wb = download("manager1", "case-volume")) {
            assertThat(figure(wb, "受理件数")).isEqualTo(3);
            assertThat(figure(wb, "办结件数")).isEqualTo(1);
            assertThat(figure(wb, "撤回件数")).isEqualTo(1);
            assertThat(figure(wb, "不予受理件数")).isEqualTo(0);
            assertThat(figure(wb, "加急（绿色通道）件数")).isEqualTo(0);
            hasChartAndFrozenHeaders(wb);
            Sheet daily = wb.getSheet("按日明细");
            assertThat(daily.getRow(0).getCell(0).getStringCellValue()).isEqualTo("日期");
            double accepted = 0;
            for (int r = 1; r <= daily.getLastRowNum(); r++) {
                accepted += daily.getRow(r).getCell(4).getNumericCellValue();
            }
            assertThat(accepted).isEqualTo(3);
        }
    }

    @Test
    void caseVolumeCountsTheUrgentCases() throws Exception {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2025-07-08T10:00").atZone(TestCalendars.HALL).toInstant()));
        try {
            Map<String, Object> body = TestCitizens.retirementIntake("绿色通道", TestCitizens.RETIRING_MAN);
            body.put("priority", "URGENT");
            body.put("priorityReason", "申请人病重");
            intake.accept(json.convertValue(body, CaseIntakeRequest.class), null, "window1");
            open("WINDOW", List.of("ID_CARD"));
        } finally {
            ClockUtil.reset();
        }
        try (XSSFWorkbook wb = download("manager1", "case-volume", "2025-07-07", "2025-07-13", "")) {
            assertThat(figure(wb, "受理件数")).isEqualTo(2);
            assertThat(figure(wb, "加急（绿色通道）件数")).isEqualTo(1);
        }
    }

    @Test
    void caseVolumeForADepartmentCountsTheCasesItHadATaskIn() throws Exception {
        // only the completed case reached 公积金 (提取公积金); all three were reviewed at the window
        try (XSSFWorkbook wb = download("manager1", "case-volume", "&dept=dept-fund")) {
            assertThat(figure(wb, "受理件数")).isEqualTo(1);
            assertThat(figure(wb, "办结件数")).isEqualTo(1);
            assertThat(figure(wb, "撤回件数")).isEqualTo(0);
            assertThat(chartCategories(wb)).containsExactly("窗口");
            assertThat(column(wb, "按部门", 0)).containsExactly("公积金");
            assertThat(wb.getSheet("汇总").getRow(1).getCell(0).getStringCellValue()).endsWith("部门：公积金");
        }
        try (XSSFWorkbook wb = download("manager1", "case-volume", "&dept=window")) {
            assertThat(figure(wb, "受理件数")).isEqualTo(3);
        }
    }

    @Test
    void aCaseAcceptedBeforeEightInTheMorningCountsOnTheHallsDayNotTheServersDay() throws Exception {
        try (XSSFWorkbook wb = download("manager1", "case-volume", "2025-06-02", "2025-06-03", "")) {
            Sheet daily = wb.getSheet("按日明细");
            assertThat(daily.getLastRowNum()).isEqualTo(2);
            assertThat(daily.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse("2025-06-02"));
            assertThat(daily.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(1);
            assertThat(daily.getRow(2).getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse("2025-06-03"));
            assertThat(daily.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(1);
        }
    }

    @Test
    void anExpertsRatingCountsOnlyTheCasesAnsweredInTheRange() throws Exception {
        double expected = EXPERT_SCORES_IN_RANGE.stream().mapToInt(Integer::intValue).average().orElseThrow();
        try (XSSFWorkbook wb = download("manager1", "expert-workload", "2025-05-19", "2025-05-25", "")) {
            assertThat(figure(wb, "认领疑难件")).isEqualTo(EXPERT_SCORES_IN_RANGE.size());
            assertThat(figure(wb, "已答复")).isEqualTo(EXPERT_SCORES_IN_RANGE.size());
            Row expert1 = wb.getSheet("专家").getRow(1);
            assertThat(expert1.getCell(0).getStringCellValue()).as("by name, as the managers know the expert").isEqualTo("王建国（expert1）");
            assertThat(expert1.getCell(1).getNumericCellValue()).isEqualTo(EXPERT_SCORES_IN_RANGE.size());
            assertThat(expert1.getCell(2).getNumericCellValue()).isEqualTo(EXPERT_SCORES_IN_RANGE.size());
            assertThat(expert1.getCell(6).getNumericCellValue()).isEqualTo(expected);
            assertThat(wb.getSheet("专家").getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void caseVolumeNamesMattersChannelsAndDepartmentsInChinese() throws Exception {
        try (XSSFWorkbook wb = download("manager1", "case-volume")) {
            assertThat(column(wb, "按日明细", 1)).containsOnly("退休一件事");
            assertThat(column(wb, "按日明细", 2)).containsOnly("窗口", "码上办").contains("窗口", "码上办");
            assertThat(chartCategories(wb)).containsExactlyInAnyOrder("窗口", "码上办");
            assertThat(allText(wb)).doesNotContain("WINDOW", "ONLINE", "RETIREMENT", "dept-pension");
            assertThat(column(wb, "按部门", 0)).contains("综合窗口", "社保经办", "档案", "医保", "公积金")
                    .doesNotContain("window", "dept-pension");
        }
    }

    @Test
    void slaComplianceCountsTheTasksHandledOnTime() throws Exception {
        try (XSSFWorkbook wb = download("coord1", "sla-compliance")) {
            // six tasks of the completed case and the review of the withdrawn one, all done at once
            assertThat(figure(wb, "已办任务")).isEqualTo(7);
            assertThat(figure(wb, "按时完成")).isEqualTo(7);
            assertThat(figure(wb, "超时")).isEqualTo(0);
            assertThat(figure(wb, "按时率")).isEqualTo(1.0);
            hasChartAndFrozenHeaders(wb);
            assertThat(chartCategories(wb)).containsExactlyInAnyOrder("综合窗口", "档案", "社保经办", "医保", "公积金");
            assertThat(column(wb, "部门与环节", 0)).contains("综合窗口", "社保经办").doesNotContain("window", "dept-pension");
        }
    }

    @Test
    void theIssueLedgerCountsClosuresAndNeverLetsAFormulaOrANumberOut() throws Exception {
        try (XSSFWorkbook wb = download("coord1", "issue-ledger")) {
            assertThat(figure(wb, "问题总数")).isEqualTo(3);   // hotline, window, and the bad rating
            assertThat(figure(wb, "已销号")).isEqualTo(1);
            assertThat(figure(wb, "销号率")).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(0.0001));
            hasChartAndFrozenHeaders(wb);
            Sheet rows = wb.getSheet("问题清单");
            boolean sawInjection = false;
            for (int r = 1; r <= rows.getLastRowNum(); r++) {
                Cell description = rows.getRow(r).getCell(4);
                assertThat(description.getCellType()).isEqualTo(CellType.STRING);
                if (description.getStringCellValue().startsWith("=")) {
                    sawInjection = true;
                    assertThat(description.getCellStyle().getQuotePrefixed()).as("written as text, never a formula").isTrue();
                }
            }
            assertThat(sawInjection).isTrue();
            String text = allText(wb);
            assertThat(text).doesNotContain(TestCitizens.RETIRING_MAN, "13800138000").contains("110101********");
        }
    }

    @Test
    void theIssueLedgerNamesSourcesCategoriesDepartmentsAndStatesInChinese() throws Exception {
        try (XSSFWorkbook wb = download("coord1", "issue-ledger")) {
            assertThat(column(wb, "问题清单", 1)).containsExactlyInAnyOrder("12333热线", "窗口", "差评");
            assertThat(column(wb, "问题清单", 2)).containsExactlyInAnyOrder("养老待遇", "社保关系转移", "其他");
            assertThat(column(wb, "问题清单", 5)).containsExactlyInAnyOrder("帮办专家", "社保经办", "综合窗口");
            assertThat(column(wb, "问题清单", 8)).containsExactlyInAnyOrder("待处理", "待处理", "已销号");
            assertThat(column(wb, "部门销号率", 0)).containsExactlyInAnyOrder("帮办专家", "社保经办", "综合窗口");
            assertThat(chartCategories(wb)).containsExactlyInAnyOrder("帮办专家", "社保经办", "综合窗口");
        }
    }

    @Test
    void satisfactionShowsTheBadRatingAndWhatBecameOfIt() throws Exception {
        try (XSSFWorkbook wb = download("manager1", "satisfaction")) {
            assertThat(figure(wb, "评价件数")).isEqualTo(1);
            assertThat(figure(wb, "差评件数")).isEqualTo(1);
            assertThat(figure(wb, "差评占比")).isEqualTo(1.0);
            Row bad = wb.getSheet("差评去向").getRow(1);
            assertThat(bad.getCell(2).getStringCellValue()).isEqualTo("110101********" + TestCitizens.RETIRING_MAN.substring(14));
            assertThat(bad.getCell(3).getStringCellValue()).isEqualTo("138****8000");
            assertThat(bad.getCell(5).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(bad.getCell(7).getStringCellValue()).isEqualTo("待处理");
            assertThat(allText(wb)).doesNotContain("13800138000");
        }
    }

    @Test
    void expertAndArbitrationReportsOpenEvenForAQuietWeek() throws Exception {
        try (XSSFWorkbook experts = download("manager1", "expert-workload"); XSSFWorkbook referrals = download("manager1", "arbitration")) {
            assertThat(figure(experts, "认领疑难件")).isEqualTo(0);
            assertThat(figure(referrals, "转介件数")).isEqualTo(0);
            hasChartAndFrozenHeaders(referrals);
        }
    }

    @Test
    void whoMayDownloadWhat() {
        var coordinator = http.withBasicAuth("coord1", "coord1").exchange("/api/reports", HttpMethod.GET, null,
                new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(coordinator).extracting(r -> r.get("name")).containsExactlyInAnyOrder("sla-compliance", "issue-ledger", "issue-weekly");
        assertThat(status("coord1", "case-volume", RANGE)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("window1", "issue-ledger", RANGE)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("manager1", "no-such-report", RANGE)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("manager1", "case-volume", "from=2025-03-09&to=2025-03-03")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("manager1", "case-volume", "from=2025-13-01&to=2025-03-03")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("manager1", "case-volume", "to=2025-03-03")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("manager1", "case-volume", RANGE + "&dept=nowhere")).isEqualTo(HttpStatus.BAD_REQUEST);
        var notByDepartment = http.withBasicAuth("manager1", "manager1").exchange("/api/reports/satisfaction.xlsx?" + RANGE
                + "&dept=dept-pension", HttpMethod.GET, null, new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(notByDepartment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notByDepartment.getBody()).containsEntry("field", "dept");
        assertThat((String) notByDepartment.getBody().get("message")).contains("不按部门筛选");
        var manager = http.withBasicAuth("manager1", "manager1").exchange("/api/reports", HttpMethod.GET, null,
                new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(manager).filteredOn(r -> ((List<?>) r.get("parameters")).contains("dept")).extracting(r -> r.get("name"))
                .containsExactlyInAnyOrder("case-volume", "sla-compliance", "issue-ledger", "issue-weekly");
        var departments = http.withBasicAuth("manager1", "manager1").exchange("/api/reports/departments", HttpMethod.GET, null,
                new org.springframework.core.ParameterizedTypeReference<List<Map<String, String>>>() { }).getBody();
        assertThat(departments).contains(Map.of("id", "dept-pension", "name", "社保经办"), Map.of("id", "experts", "name", "帮办专家"));
    }

    private HttpStatus status(String user, String report, String query) {
        return HttpStatus.valueOf(http.withBasicAuth(user, user).exchange("/api/reports/" + report + ".xlsx?" + query,
                HttpMethod.GET, null, String.class).getStatusCode().value());
    }

    @Test
    void everyWorkbookOpensInLibreOffice() throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/libreoffice")) || Files.isExecutable(Path.of("/usr/bin/soffice"));
        if (!installed) {
            System.out.println("[reports] SKIPPED LibreOffice check: install Debian's libreoffice-calc-nogui to run it");
        }
        Assumptions.assumeTrue(installed, "LibreOffice not installed");
        Path dir = Files.createTempDirectory("report");
        List<String> names = catalogue.all().stream().map(ReportDefinition::name).toList();
        assertThat(names).as("the reports in reports/").hasSize(9);
        List<Path> workbooks = new java.util.ArrayList<>();
        for (String name : names) {
            ResponseEntity<byte[]> answer = http.withBasicAuth("manager1", "manager1").exchange(
                    "/api/reports/" + name + ".xlsx?" + RANGE, HttpMethod.GET, null, byte[].class);
            assertThat(answer.getStatusCode().value()).as(name).isEqualTo(200);
            workbooks.add(Files.write(dir.resolve(name + ".xlsx"), answer.getBody()));
        }
        List<String> command = new java.util.ArrayList<>(List.of("libreoffice", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--headless", "--convert-to", "pdf", "--outdir", dir.toString()));
        workbooks.forEach(workbook -> command.add(workbook.toString()));
        Process convert = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(convert.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(convert.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(convert.exitValue()).as(output).isZero();
        for (String name : names) {
            assertThat(dir.resolve(name + ".pdf")).as(name + " as PDF; LibreOffice said: " + output).exists();
            assertThat(Files.size(dir.resolve(name + ".pdf"))).as(name).isGreaterThan(1000);
        }
    }
}
