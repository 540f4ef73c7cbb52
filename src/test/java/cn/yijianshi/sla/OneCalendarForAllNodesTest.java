package cn.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import cn.yijianshi.HallIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A notice stored by another node (written here straight into the shared tables, as that node's
 * HolidayNotices does, version number included) counts on this node at its first computation after its next
 * check of the version number: with yijianshi.sla.calendar-check PT0S, as the integration tests run, its very next
 * one (CalendarCheckIntervalTest: within the interval).
 */
@HallIntegrationTest
class OneCalendarForAllNodesTest {

    /** A year no shipped notice and no other test touches. */
    private static final int YEAR = 2031;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    HallCalendar calendar;
    @Autowired
    HolidayNotices notices;

    @AfterEach
    void forgetTheYear() {
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM calendar_day WHERE cal_year = ?", YEAR);
            jdbc.update("DELETE FROM calendar_year WHERE cal_year = ?", YEAR);
            jdbc.update("UPDATE calendar_version SET version = version + 1 WHERE id = 1");
        });
    }

    @Test
    void aNoticeStoredByAnotherNodeMovesTheNextDueDateHereAtOnce() {
        LocalDate friday = LocalDate.of(YEAR, 10, 10);
        assertThat(calendar.current().addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(YEAR, 10, 13));

        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO calendar_year (cal_year, source, loaded_at, loaded_by) VALUES (?, 'node A', CURRENT_TIMESTAMP, 'demo')", YEAR);
            jdbc.update("INSERT INTO calendar_day (cal_date, cal_year, name, off_day) VALUES (?, ?, '测试假日', TRUE)",
                    LocalDate.of(YEAR, 10, 13), YEAR);
            jdbc.update("UPDATE calendar_version SET version = version + 1 WHERE id = 1");
        });

        assertThat(calendar.current().addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(YEAR, 10, 14));
        assertThat(calendar.current().covers(YEAR)).isTrue();
    }

    @Test
    void storingANoticeRaisesTheVersionInItsOwnTransaction() {
        long before = jdbc.queryForObject("SELECT version FROM calendar_version WHERE id = 1", Long.class);
        notices.load(new HolidayNotice(YEAR, java.util.List.of(),
                java.util.List.of(new HolidayNotice.NoticeDay("测试假日", LocalDate.of(YEAR, 10, 13), true))), "test", "demo");
        assertThat(jdbc.queryForObject("SELECT version FROM calendar_version WHERE id = 1", Long.class)).isGreaterThan(before);
    }
}
