package cn.yijianshi.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;

/** The holiday notices the project ships, read from the classpath as the hall reads them. */
public final class ShippedNotices {

    static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");
    static final String HALL_HOURS = "09:00-12:00,13:30-17:30";

    private ShippedNotices() {
    }

    public static HolidayNotice year(int year) {
        String resource = "/calendar/holidays-cn/" + year + ".json";
        try (InputStream json = ShippedNotices.class.getResourceAsStream(resource)) {
            if (json == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return HolidayNotice.parse(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<HolidayNotice> all() {
        return List.of(year(2024), year(2025), year(2026));
    }

    /** The calendar of a hall in Shanghai time, open 09:00-12:00 and 13:30-17:30. */
    public static WorkingDayCalendar hallCalendar() {
        return new WorkingDayCalendar(all(), OfficeHours.parse(HALL_HOURS), HALL_ZONE);
    }

    static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    /** A wall-clock time in the hall, e.g. "2026-02-13T17:00". */
    static Instant hallTime(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(HALL_ZONE).toInstant();
    }
}
