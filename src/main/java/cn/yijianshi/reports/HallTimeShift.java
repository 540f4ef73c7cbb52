package cn.yijianshi.reports;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

/**
 * How many minutes the hall's clock runs ahead of the clock our DATETIME columns were written in, up to
 * {@code until}. JDBC writes an instant into a column without zone as the JVM's wall-clock (H2 always,
 * Connector/J unless connectionTimeZone is set), so {@code CAST(accepted_at AS DATE)} gives the server's
 * day: a case accepted at 07:30 in Shanghai lands on the day before on a server running in UTC. A query
 * shifts the stored time by these minutes first, and takes the date of the hall's wall-clock.
 */
public record HallTimeShift(Instant until, int minutes) {

    /**
     * The shifts over [from, to): one stretch per change of either zone's offset (none in Asia/Shanghai since
     * 1991, so normally one), the last ending at {@code to}.
     */
    static List<HallTimeShift> over(Instant from, Instant to, ZoneId hall, ZoneId stored) {
        List<HallTimeShift> shifts = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(to)) {
            Instant end = earliest(to, next(hall, start), next(stored, start));
            int minutes = (hall.getRules().getOffset(start).getTotalSeconds()
                    - stored.getRules().getOffset(start).getTotalSeconds()) / 60;
            if (!shifts.isEmpty() && shifts.get(shifts.size() - 1).minutes() == minutes) {
                shifts.set(shifts.size() - 1, new HallTimeShift(end, minutes));
            } else {
                shifts.add(new HallTimeShift(end, minutes));
            }
            start = end;
        }
        return shifts;
    }

    private static Instant next(ZoneId zone, Instant after) {
        ZoneOffsetTransition transition = zone.getRules().nextTransition(after);
        return transition == null ? null : transition.getInstant();
    }

    private static Instant earliest(Instant to, Instant a, Instant b) {
        Instant earliest = to;
        if (a != null && a.isBefore(earliest)) {
            earliest = a;
        }
        if (b != null && b.isBefore(earliest)) {
            earliest = b;
        }
        return earliest;
    }
}
