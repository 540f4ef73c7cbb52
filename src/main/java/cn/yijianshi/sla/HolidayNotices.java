package cn.yijianshi.sla;

import java.io.IOException;
import java.io.InputStream;
import java.time.Year;
import java.util.List;
import java.util.stream.IntStream;

import cn.yijianshi.system.HallClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads State Council holiday notices into the shared calendar tables: the ones shipped with the
 * project (calendar/holidays-cn/*.json) on start for years not yet loaded, and a new year's notice
 * from an administrator at any time. A year the hall works in without a notice is reported loudly.
 */
@Service
public class HolidayNotices {

    private static final Logger log = LoggerFactory.getLogger(HolidayNotices.class);

    private final CalendarMapper mapper;
    private final HallCalendar calendar;
    private final HallClock clock;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    public HolidayNotices(CalendarMapper mapper, HallCalendar calendar, HallClock clock, TransactionTemplate transaction,
                          ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.calendar = calendar;
        this.clock = clock;
        this.transaction = transaction;
        this.events = events;
    }

    @EventListener
    @Order(0)
    public void loadShippedNotices(ApplicationStartedEvent event) throws IOException {
        List<Integer> loaded = mapper.years();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/holidays-cn/*.json")) {
            try (InputStream in = resource.getInputStream()) {
                HolidayNotice notice = HolidayNotice.parse(in);
                if (!loaded.contains(notice.year())) {
                    store(notice, "shipped: " + String.join(" ", notice.papers()), "system");
                }
            }
        }
        calendar.reload();
        List<Integer> missing = missingYears();
        if (!missing.isEmpty()) {
            log.warn("工作日历缺少 {} 年的国务院放假通知，这些年份暂按法定节假日及补假计算（调休未知）；请管理员通过 POST /api/admin/calendar/notices 导入 / "
                    + "working-day calendar has no holiday notice for {}: statutory holidays only (provisional) until an administrator loads it",
                    missing, missing);
        }
    }

    /** Stores (or replaces) one year's notice and puts it into force on this node at once. */
    public void load(HolidayNotice notice, String source, String loadedBy) {
        WorkingDayCalendar before = calendar.current();
        transaction.executeWithoutResult(status -> store(notice, source, loadedBy));
        calendar.reload();
        events.publishEvent(new CalendarChanged(notice.year(), before, calendar.current(), loadedBy));
        log.info("holiday notice for {} loaded by {} ({} days)", notice.year(), loadedBy, notice.days().size());
    }

    /** Last year, this year and next year: the years the hall's open time limits can reach. */
    public List<Integer> missingYears() {
        int thisYear = Year.from(clock.today()).getValue();
        return IntStream.rangeClosed(thisYear - 1, thisYear + 1).filter(y -> !calendar.current().covers(y)).boxed().toList();
    }

    private void store(HolidayNotice notice, String source, String loadedBy) {
        mapper.deleteDays(notice.year());
        for (HolidayNotice.NoticeDay day : notice.days()) {
            mapper.insertDay(day.date(), notice.year(), day.name(), day.offDay());
        }
        String trimmed = source.length() > 500 ? source.substring(0, 500) : source;
        if (mapper.updateYear(notice.year(), trimmed, clock.now(), loadedBy) == 0) {
            mapper.insertYear(notice.year(), trimmed, clock.now(), loadedBy);
        }
        calendar.changed();
    }
}
