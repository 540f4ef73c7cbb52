package cn.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.closure.IssueCategory;
import cn.yijianshi.closure.IssueLedger;
import cn.yijianshi.closure.IssueSource;
import cn.yijianshi.closure.NewIssue;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loading a year's notice moves what is open from its recorded start: a task's due and follow-up dates and
 * its SLA record's instants (an update of the row, which the SLA sweep then honours), the whole-case promise and an issue's deadline, each noted in the case timeline or the issue
 * history. The 2027 notice here is made up: 元旦 2027-01-01 to 01-05 off, Saturday 2027-01-09 a make-up day.
 */
@HallIntegrationTest
class NoticeRecomputeTest {

    @Autowired
    CaseIntake intake;
    @Autowired
    IssueLedger ledger;
    @Autowired
    HolidayNotices notices;
    @Autowired
    cn.yijianshi.intake.CaseLookup cases;
    @Autowired
    HallCalendar calendar;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ObjectMapper json;
    @Autowired
    SlaSweep sweep;

    static final HolidayNotice MADE_UP_2027 = new HolidayNotice(2027, List.of("test"), List.of(
            new HolidayNotice.NoticeDay("元旦", LocalDate.parse("2027-01-01"), true),
            new HolidayNotice.NoticeDay("元旦", LocalDate.parse("2027-01-02"), true),
            new HolidayNotice.NoticeDay("元旦", LocalDate.parse("2027-01-03"), true),
            new HolidayNotice.NoticeDay("元旦", LocalDate.parse("2027-01-04"), true),
            new HolidayNotice.NoticeDay("元旦", LocalDate.parse("2027-01-05"), true),
            new HolidayNotice.NoticeDay("元旦", LocalDate.parse("2027-01-09"), false)));

    @AfterEach
    void leave2027Unloaded() {
        // the test database is shared by every test class: leave 2027 without a notice, as we found it
        cn.yijianshi.TestCalendars.forgetNotice(jdbc, transactions, calendar, 2027);
        ClockUtil.reset();
    }

    @Test
    void loadingThe2027NoticeMovesTheOpenTaskItsSlaRecordThePromiseAndTheIssue() {
        clockAt("2026-12-31T16:00");   // Thursday; 2027 has no notice yet: 元旦 by the law, then the weekend
        Map<String, Object> body = TestCitizens.retirementIntake("通知重算", TestCitizens.RETIRING_MAN);
        body.put("materials", List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES"));
        String caseId = intake.accept(json.convertValue(body, CaseIntakeRequest.class), null, "window1").caseId();
        String issueId = ledger.raise(new NewIssue(IssueSource.HOTLINE, IssueCategory.LABOUR, "欠薪投诉", null, "experts"),
                "window1", false).getIssueId();

        Task review = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
        // 审核材料, 4 working hours: 16:00-17:30, then 2027-01-04 09:00-11:30; warning after 3 hours at 10:30
        assertThat(review.getDueDate().toInstant()).isEqualTo(hall("2027-01-04T11:30"));
        assertThat(slaRecord(review)).containsExactly(hall("2027-01-04T10:30"), hall("2027-01-04T11:30"));
        assertThat(timersOf(review)).as("no timer job: the limit is the record's").isZero();
        // 10 working days: 01-04..01-08, 01-11..01-15
        assertThat(caseDue(caseId)).isEqualTo(hall("2027-01-15T16:00"));
        // 劳动关系, 5 working days from 12-31 (not counted): 01-04..01-08
        assertThat(issueDeadline(issueId)).isEqualTo(LocalDate.parse("2027-01-08"));
        // both rest on 2027, which has no notice yet: the case view and the ledger say so
        assertThat(cases.view(caseId).openSteps()).singleElement().satisfies(step -> assertThat(step.provisional()).isTrue());
        assertThat(ledger.view(issueId).deadlineProvisional()).isTrue();

        clockAt("2026-12-31T17:10");   // the notice comes later the same day; recomputing must not restart from now
        notices.load(MADE_UP_2027, "test", "admin");

        review = taskService.createTaskQuery().taskId(review.getId()).singleResult();
        assertThat(review.getDueDate().toInstant()).isEqualTo(hall("2027-01-06T11:30"));
        assertThat(review.getFollowUpDate().toInstant()).isEqualTo(hall("2027-01-06T10:30"));
        assertThat(slaRecord(review)).as("the row updated").containsExactly(hall("2027-01-06T10:30"), hall("2027-01-06T11:30"));
        assertThat(timersOf(review)).as("no job rescheduled: none exists").isZero();
        // 10 working days: 01-06..01-08, 01-09 (make-up), 01-11..01-15, 01-18
        assertThat(caseDue(caseId)).isEqualTo(hall("2027-01-18T16:00"));
        assertThat(jdbc.queryForList("SELECT description FROM case_timeline WHERE case_id = ? AND event = 'DEADLINE_MOVED' ORDER BY id",
                String.class, caseId)).containsExactlyInAnyOrder(
                "审核材料：到期日因2027年放假通知由 2027-01-04 调整为 2027-01-06",
                "办件总时限：到期日因2027年放假通知由 2027-01-15 调整为 2027-01-18");
        // 01-06, 01-07, 01-08, 01-09 (make-up), 01-11
        assertThat(issueDeadline(issueId)).isEqualTo(LocalDate.parse("2027-01-11"));
        assertThat(cases.view(caseId).openSteps()).singleElement().satisfies(step -> assertThat(step.provisional()).isFalse());
        assertThat(ledger.view(issueId).deadlineProvisional()).isFalse();
        assertThat(jdbc.queryForList("SELECT note FROM issue_history WHERE issue_id = ? AND action = 'DEADLINE_MOVED'",
                String.class, issueId)).containsExactly("到期日因2027年放假通知由 2027-01-08 调整为 2027-01-11");

        // the sweep reminds at the new warning point, not at the old one (nor breaches at the old due date)
        clockAt("2027-01-04T11:31");
        sweep.sweep();
        assertThat(jdbc.queryForList("SELECT kind FROM staff_notice WHERE task_id = ?", String.class, review.getId())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT state FROM sla_record WHERE task_id = ?", String.class, review.getId()))
                .isEqualTo("ON_TRACK");
        clockAt("2027-01-06T10:31");
        sweep.sweep();
        assertThat(jdbc.queryForList("SELECT kind FROM staff_notice WHERE task_id = ?", String.class, review.getId()))
                .containsExactly("SLA_WARNING");
        clockAt("2027-01-06T11:31");
        sweep.sweep();
        assertThat(jdbc.queryForList("SELECT kind FROM staff_notice WHERE task_id = ?", String.class, review.getId()))
                .containsExactly("SLA_WARNING", "SLA_BREACH");
    }

    @Test
    void aSecondLoadOfTheSameNoticeMovesNothing() {
        clockAt("2026-12-31T16:00");
        Map<String, Object> body = TestCitizens.retirementIntake("通知重算", TestCitizens.RETIRING_MAN);
        body.put("materials", List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES"));
        String caseId = intake.accept(json.convertValue(body, CaseIntakeRequest.class), null, "window1").caseId();
        notices.load(MADE_UP_2027, "test", "admin");
        notices.load(MADE_UP_2027, "test", "admin");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_timeline WHERE case_id = ? AND event = 'DEADLINE_MOVED'",
                Integer.class, caseId)).isEqualTo(2);
    }

    private long timersOf(Task task) {
        return managementService.createJobQuery().timers().processInstanceId(task.getProcessInstanceId())
                .activityId(task.getTaskDefinitionKey()).count();
    }

    private List<Instant> slaRecord(Task task) {
        return jdbc.queryForObject("SELECT warn_at, due_at FROM sla_record WHERE task_id = ?",
                (rs, i) -> List.of(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()), task.getId());
    }

    private Instant caseDue(String caseId) {
        return jdbc.queryForObject("SELECT due_at FROM sla_record WHERE kind = 'CASE' AND case_id = ?",
                (rs, i) -> rs.getTimestamp(1).toInstant(), caseId);
    }

    private LocalDate issueDeadline(String issueId) {
        return jdbc.queryForObject("SELECT deadline FROM issue WHERE issue_id = ?", LocalDate.class, issueId);
    }

    private static Instant hall(String localDateTime) {
        return TestCalendars.hall(localDateTime);
    }

    private static void clockAt(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall(localDateTime)));
    }
}
