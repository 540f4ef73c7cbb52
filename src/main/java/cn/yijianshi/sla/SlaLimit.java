package cn.yijianshi.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A time limit as the policy file writes it: "10 working days" or "4 working hours". */
public record SlaLimit(int amount, boolean days) {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d+)\\s+working\\s+(day|days|hour|hours)\\s*");

    public static SlaLimit parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("时限写法应为“N working days”或“N working hours”：" + text
                    + " / a limit reads 'N working days' or 'N working hours': " + text);
        }
        return new SlaLimit(Integer.parseInt(m.group(1)), m.group(2).startsWith("day"));
    }

    /** When a step started at {@code start} is due. */
    public Instant dueFrom(Instant start, WorkingDayCalendar calendar) {
        return days ? calendar.addWorkingDays(start, amount) : calendar.addWorkingHours(start, Duration.ofHours(amount));
    }

    /** 中文, as users read it: 10个工作日, 4个工作小时. */
    public String chinese() {
        return amount + (days ? "个工作日" : "个工作小时");
    }

    @Override
    public String toString() {
        return amount + (days ? " working days" : " working hours");
    }
}
