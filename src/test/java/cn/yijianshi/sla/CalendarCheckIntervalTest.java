package cn.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * A node asks whether the shared calendar changed at most once per yijianshi.sla.calendar-check: a notice another
 * node stored counts here from the first computation after the interval, never later.
 */
class CalendarCheckIntervalTest {

    private static final Duration CHECK = Duration.ofSeconds(5);

    private final CalendarMapper days = mock(CalendarMapper.class);
    private final CalendarVersionMapper versions = mock(CalendarVersionMapper.class);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final HallCalendar calendar = new HallCalendar(days, versions, "Asia/Shanghai", "09:00-12:00,13:30-17:30",
            CHECK, nanos::get);

    @Test
    void aNoticeStoredByAnotherNodeCountsHereWithinTheCheckInterval() {
        LocalDate friday = LocalDate.of(2031, 10, 10);
        when(versions.version()).thenReturn(1L);
        when(days.years()).thenReturn(List.of());
        when(days.days()).thenReturn(List.of());
        assertThat(calendar.current().addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2031, 10, 13));

        // Node A stores a notice making Monday 13 October a holiday.
        when(versions.version()).thenReturn(2L);
        when(days.years()).thenReturn(List.of(2031));
        when(days.days()).thenReturn(List.of(new CalendarMapper.DayRow(LocalDate.of(2031, 10, 13), 2031, "测试假日", true)));

        nanos.addAndGet(CHECK.toNanos() - 1);
        assertThat(calendar.current().addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2031, 10, 13));
        nanos.addAndGet(1);
        assertThat(calendar.current().addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2031, 10, 14));
    }

    @Test
    void manyComputationsWithinTheIntervalReadTheNumberOnce() {
        when(versions.version()).thenReturn(7L);
        when(days.years()).thenReturn(List.of());
        when(days.days()).thenReturn(List.of());
        calendar.current();
        verify(versions, times(2)).version(); // the check, and the reload it triggered

        for (int i = 0; i < 15; i++) {
            nanos.addAndGet(CHECK.toNanos() / 20);
            calendar.current();
        }
        verify(versions, times(2)).version();

        nanos.addAndGet(CHECK.toNanos());
        calendar.current();
        verify(versions, times(3)).version();
        verify(days, times(1)).days();
    }
}
