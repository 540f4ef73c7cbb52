package cn.yijianshi.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** How far the hall's clock is ahead of the server's, stretch by stretch over a report's range. */
class HallTimeShiftTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aServerInUtcIsEightHoursBehindTheHallAllYear() {
        Instant from = Instant.parse("2024-12-31T16:00:00Z");
        Instant to = Instant.parse("2025-12-31T16:00:00Z");
        assertThat(HallTimeShift.over(from, to, SHANGHAI, ZoneId.of("UTC"))).containsExactly(new HallTimeShift(to, 480));
        assertThat(HallTimeShift.over(from, to, SHANGHAI, SHANGHAI)).containsExactly(new HallTimeShift(to, 0));
    }

    @Test
    void aServerThatKeepsSummerTimeGetsOneStretchPerOffset() {
        Instant from = Instant.parse("2025-03-01T16:00:00Z");
        Instant to = Instant.parse("2025-04-30T16:00:00Z");
        Instant summer = Instant.parse("2025-03-30T01:00:00Z");
        assertThat(HallTimeShift.over(from, to, SHANGHAI, ZoneId.of("Europe/Berlin")))
                .containsExactly(new HallTimeShift(summer, 420), new HallTimeShift(to, 360));
    }
}
