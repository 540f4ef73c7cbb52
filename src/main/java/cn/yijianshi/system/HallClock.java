package cn.yijianshi.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hall's time: "now" follows the engine clock (so tests that move Camunda's clock move ours too),
 * and every date a user sees is in the hall's zone, whatever the server's own zone is.
 */
@Component
public class HallClock {

    private final ZoneId zone;

    public HallClock(@Value("${yijianshi.zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    public OffsetDateTime inHallZone(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    /** The hall's wall-clock time as notices write it: 2026-11-23 15:30. */
    public String wallClock(Instant instant) {
        return inHallZone(instant).toLocalDateTime().toString().replace('T', ' ');
    }

    public OffsetDateTime inHallZone(Date date) {
        return date == null ? null : inHallZone(date.toInstant());
    }
}
