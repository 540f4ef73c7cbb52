package cn.yijianshi.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The hall's opening windows within a working day, e.g. "09:00-12:00,13:30-17:30". */
public record OfficeHours(List<Window> windows) {

    public record Window(LocalTime start, LocalTime end) {
        Duration length() {
            return Duration.between(start, end);
        }
    }

    public static OfficeHours parse(String text) {
        List<Window> windows = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw invalid(text);
        }
        for (String part : text.split(",")) {
            String[] ends = part.trim().split("-");
            if (ends.length != 2) {
                throw invalid(text);
            }
            try {
                Window window = new Window(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim()));
                if (!window.end().isAfter(window.start())
                        || (!windows.isEmpty() && window.start().isBefore(windows.get(windows.size() - 1).end()))) {
                    throw invalid(text);
                }
                windows.add(window);
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        return new OfficeHours(List.copyOf(windows));
    }

    public Duration perDay() {
        return windows.stream().map(Window::length).reduce(Duration.ZERO, Duration::plus);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("办公时间格式错误（例：09:00-12:00,13:30-17:30）：" + text
                + " / office hours must look like 09:00-12:00,13:30-17:30, in order and not overlapping: " + text);
    }
}
