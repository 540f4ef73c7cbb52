package cn.yijianshi.sla;

import java.io.ByteArrayInputStream;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import cn.yijianshi.system.RefusedRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 工作日历: look-ups for the window and the departments, and loading a new year's notice (admins). */
@RestController
public class CalendarController {

    private final HallCalendar calendar;
    private final HolidayNotices notices;

    public CalendarController(HallCalendar calendar, HolidayNotices notices) {
        this.calendar = calendar;
        this.notices = notices;
    }

    @GetMapping("/api/calendar/add-working-days")
    public Map<String, Object> addWorkingDays(@RequestParam String from, @RequestParam String days) {
        LocalDate start = date("from", from);
        int count;
        try {
            count = Integer.parseInt(days);
        } catch (NumberFormatException e) {
            throw RefusedRequest.badInput("days", "须为整数", "must be a whole number");
        }
        if (count < 0 || count > 1000) {
            throw RefusedRequest.badInput("days", "须在 0 到 1000 之间", "must be between 0 and 1000");
        }
        WorkingDayCalendar current = calendar.current();
        LocalDate end = current.addWorkingDays(start, count);
        return Map.of("date", end.toString(), "provisional", current.provisionalBetween(start, end));
    }

    @GetMapping("/api/calendar/day")
    public Map<String, Object> day(@RequestParam String date) {
        LocalDate day = date("date", date);
        java.util.HashMap<String, Object> answer = new java.util.HashMap<>();
        WorkingDayCalendar days = calendar.current();
        answer.put("workingDay", days.isWorkingDay(day));
        answer.put("name", days.dayName(day).orElse(null));
        answer.put("provisional", days.provisional(day));
        return answer;
    }

    @GetMapping("/api/calendar/years")
    public Map<String, List<Integer>> years() {
        return Map.of("coveredYears", calendar.current().coveredYears().stream().sorted().toList(),
                "missingYears", notices.missingYears());
    }

    /** Loads (or replaces) one year's State Council notice, in the holiday-cn JSON format. Admins only. */
    @PostMapping(path = "/api/admin/calendar/notices", consumes = "application/json")
    public ResponseEntity<Map<String, Object>> loadNotice(@RequestBody byte[] body, Principal admin) {
        HolidayNotice notice;
        try {
            notice = HolidayNotice.parse(new ByteArrayInputStream(body));
        } catch (IllegalArgumentException e) {
            String[] parts = e.getMessage().split(" / ", 2);
            throw RefusedRequest.badInput("body", parts[0], parts.length > 1 ? parts[1] : parts[0]);
        }
        notices.load(notice, "admin upload: " + String.join(" ", notice.papers()), admin.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("year", notice.year(), "days", notice.days().size(),
                "coveredYears", calendar.current().coveredYears().stream().sorted().toList()));
    }

    /**
     * A date YYYY-MM-DD in years 1900-2200: the calendar answers for the hall's working life, and
     * ISO's extended years (+999999999-12-31) would only overflow the arithmetic.
     */
    private static LocalDate date(String field, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw RefusedRequest.badInput(field, "日期格式应为 YYYY-MM-DD", "must be a date YYYY-MM-DD");
        }
        if (date.getYear() < 1900 || date.getYear() > 2200) {
            throw RefusedRequest.badInput(field, "日期须在1900年至2200年之间", "must be a date in the years 1900 to 2200");
        }
        return date;
    }
}
