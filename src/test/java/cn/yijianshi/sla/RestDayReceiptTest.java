package cn.yijianshi.sla;

import static cn.yijianshi.TestCalendars.hall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import cn.yijianshi.TestCalendars;
import cn.yijianshi.intake.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hall's own promises count what arrives on a rest day or outside office hours as received at the next
 * opening, so N working days hold N full office days (office hours 09:00-12:00, 13:30-17:30).
 */
class RestDayReceiptTest {

    private final WorkingDayCalendar calendar = ShippedNotices.hallCalendar();
    private final SlaClock sla = TestCalendars.slaClock();

    @ParameterizedTest(name = "{2}")
    @CsvSource({
            "2026-11-21T08:00, 2026-11-23T09:00, Saturday morning: Monday's opening",
            "2026-11-22T23:59, 2026-11-23T09:00, Sunday night: Monday's opening",
            "2026-11-23T08:15, 2026-11-23T09:00, a working day before opening: that day's opening",
            "2026-11-23T10:20, 2026-11-23T10:20, during office hours: at once",
            "2026-11-23T12:30, 2026-11-23T12:30, over lunch: the same day, which still has its afternoon",
            "2026-11-23T17:30, 2026-11-24T09:00, at closing: the next day's opening",
            "2026-11-20T21:00, 2026-11-23T09:00, Friday evening: Monday's opening",
            "2026-02-13T18:00, 2026-02-14T09:00, Friday before 春节: the make-up Saturday's opening",
            "2026-02-15T10:00, 2026-02-24T09:00, during 春节: the first working day after it",
            "2026-12-31T18:00, 2027-01-04T09:00, New Year's Eve evening: 元旦 by the law, then the weekend"})
    void arrivalOutsideOfficeHoursIsReceivedAtTheNextOpening(String arrival, String received, String story) {
        assertThat(calendar.receivedAt(hall(arrival))).isEqualTo(hall(received));
    }

    @Test
    void aTaskCreatedOnSaturdayWithOneWorkingDayIsDueOnTuesdaysOpening() {
        // 专家研判: 1 working day. Saturday 08:00 counts as Monday 09:00; a full Monday is the day it has
        Deadline deadline = sla.forTask("hard-case-escalation", "Task_ExpertAssessment", Priority.NORMAL, hall("2026-11-21T08:00"));
        assertThat(deadline.start()).as("the record keeps the real start").isEqualTo(hall("2026-11-21T08:00"));
        assertThat(deadline.dueAt()).isEqualTo(hall("2026-11-24T09:00"));
        assertThat(calendar.workingTimeBetween(deadline.start(), deadline.dueAt())).isEqualTo(Duration.ofHours(7));
        // warning at 75 % of the office time, inside Monday
        assertThat(deadline.warnAt()).isEqualTo(hall("2026-11-23T15:45"));
    }

    @Test
    void everyLimitOfNWorkingDaysHoldsNFullOfficeDaysWheneverItArrives() {
        Duration officeDay = calendar.officeHours().perDay();
        for (String arrival : new String[] {"2026-11-21T08:00", "2026-11-20T17:45", "2026-11-23T07:00", "2026-11-23T09:00",
                "2026-11-23T15:00", "2026-11-23T19:00", "2026-02-13T20:00"}) {
            Deadline deadline = sla.forTask("retirement-one-stop", "Task_ArchivesReview", Priority.NORMAL, hall(arrival));
            assertThat(calendar.workingTimeBetween(deadline.start(), deadline.dueAt())).as(arrival)
                    .isEqualTo(officeDay.multipliedBy(3));
        }
    }

    @Test
    void workingHourLimitsAlreadyStartedAtTheOpening() {
        Deadline claim = sla.forTask("hard-case-escalation", "Task_ClaimHardCase", Priority.NORMAL, hall("2026-11-21T08:00"));
        assertThat(claim.dueAt()).isEqualTo(hall("2026-11-23T14:30"));
    }

    @Test
    void anIssueRaisedOnARestDayCountsFromTheNextWorkingDay() {
        // the issue deadline is a date: the day of receipt is not counted
        assertThat(calendar.receivedOn(hall("2026-11-21T08:00"))).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(calendar.addWorkingDays(calendar.receivedOn(hall("2026-11-21T08:00")), 1))
                .isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(calendar.addWorkingDays(calendar.receivedOn(hall("2026-11-23T10:00")), 1))
                .isEqualTo(LocalDate.parse("2026-11-24"));
    }

    @Test
    void theCalendarLookUpStillCountsFromTheDateItself() {
        // add-working-days: from not counted, whatever the day; the arbitration clock likewise
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-11-21"), 1)).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(calendar.addWorkingDays(hall("2026-11-21T08:00"), 1)).isEqualTo(hall("2026-11-23T08:00"));
    }
}
