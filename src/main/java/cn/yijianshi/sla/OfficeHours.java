package cn.yijianshi.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The hall's opening windows on a working day, in wall-clock time, e.g. {@code 09:00-12:00,13:30-17:30}.
 * Windows are in order and do not overlap; windows that touch are allowed. A window cannot run past
 * midnight, as no hall counts time limits overnight.
 */
public record OfficeHours(List<Window> windows) {

    private static final String EXAMPLE = "09:00-12:00,13:30-17:30";

    public OfficeHours {
        windows = List.copyOf(Objects.requireNonNull(windows, "windows"));
        if (windows.isEmpty()) {
            // With no window, adding working hours could never finish.
            throw invalid("至少需要一个时段", "at least one window is needed");
        }
        for (int i = 1; i < windows.size(); i++) {
            Window previous = windows.get(i - 1);
            Window current = windows.get(i);
            if (current.start().isBefore(previous.end())) {
                throw invalid(current + " 与 " + previous + " 重叠或顺序颠倒",
                        current + " overlaps or comes before " + previous);
            }
        }
    }

    /** One opening window, start inclusive, end exclusive. */
    public record Window(LocalTime start, LocalTime end) {

        public Window {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw invalid(start + "-" + end + " 结束时间不晚于开始时间",
                        start + "-" + end + " does not end after it starts");
            }
        }

        public Duration length() {
            return Duration.between(start, end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    /** Reads "HH:mm-HH:mm" windows separated by commas, as in the hall's configuration. */
    public static OfficeHours parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("内容为空", "the text is empty");
        }
        try {
            List<Window> windows = new ArrayList<>();
            // limit -1 keeps a trailing empty part, so "09:00-12:00," is reported instead of silently accepted
            for (String part : text.split(",", -1)) {
                windows.add(parseWindow(part.strip()));
            }
            return new OfficeHours(windows);
        } catch (Invalid e) {
            // the administrator fixing the setting needs to see the text that was read
            throw new IllegalArgumentException(message(e.chinese + "（配置为 “" + text + "”）",
                    e.english + " (configured as '" + text + "')"), e);
        }
    }

    private static Window parseWindow(String part) {
        String[] ends = part.split("-", -1);
        if (ends.length != 2) {
            throw invalid("“" + part + "” 不是 开始-结束 的时段", "'" + part + "' is not start-end");
        }
        try {
            return new Window(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip()));
        } catch (DateTimeParseException e) {
            throw invalid("“" + part + "” 中的时间不是 HH:mm", "'" + part + "' has a time that is not HH:mm");
        }
    }

    /** Opening time on one working day. */
    public Duration perDay() {
        return windows.stream().map(Window::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** The same text {@link #parse} reads, so the value can be logged and configured alike. */
    @Override
    public String toString() {
        return windows.stream().map(Window::toString).collect(Collectors.joining(","));
    }

    private static Invalid invalid(String chinese, String english) {
        return new Invalid(chinese, english);
    }

    private static String message(String chinese, String english) {
        return "办公时间格式错误：" + chinese + "，例：" + EXAMPLE + " / invalid office hours: " + english + ", e.g. " + EXAMPLE;
    }

    /** Keeps the two languages apart so {@link #parse} can add the configured text to each. */
    private static final class Invalid extends IllegalArgumentException {

        private final String chinese;
        private final String english;

        Invalid(String chinese, String english) {
            super(message(chinese, english));
            this.chinese = chinese;
            this.english = english;
        }
    }
}
