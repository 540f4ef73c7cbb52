package cn.yijianshi.sla;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One year's State Council holiday notice (国务院办公厅关于部分节假日安排的通知), in the holiday-cn JSON
 * format {@code {year, papers[], days:[{name, date, isOffDay}]}}. A listed day with {@code offDay} is a holiday;
 * one without is a weekend day turned into a working day (调休补班). Days not listed follow the weekly rule.
 *
 * <p>The checks sit in the constructor, so a notice entered by an administrator is held to the same rules
 * as one read from a file.
 */
public record HolidayNotice(int year, List<String> papers, List<NoticeDay> days) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public HolidayNotice {
        papers = List.copyOf(papers == null ? List.of() : papers);
        days = List.copyOf(Objects.requireNonNull(days, "days"));
        Set<LocalDate> seen = new HashSet<>();
        for (NoticeDay day : days) {
            if (day.date().getYear() != year) {
                throw invalid(day.date() + " 不在 " + year + " 年内", day.date() + " is outside the year " + year);
            }
            if (!seen.add(day.date())) {
                throw invalid(day.date() + " 重复出现", day.date() + " is listed twice");
            }
        }
    }

    /** A listed date: {@code offDay} true for a holiday, false for a make-up working day. */
    public record NoticeDay(String name, LocalDate date, boolean offDay) {

        public NoticeDay {
            Objects.requireNonNull(date, "date");
            if (name == null || name.isBlank()) {
                throw invalid(date + " 缺少节日名称", date + " has no name");
            }
            name = name.strip();
        }
    }

    /** Reads a notice; unknown fields such as {@code $schema} and {@code $id} are ignored. */
    public static HolidayNotice parse(InputStream json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(message("不是有效的 JSON", "not valid JSON"), e);
        }
        if (root == null || !root.isObject()) {
            throw invalid("内容不是 JSON 对象", "the content is not a JSON object");
        }
        JsonNode year = root.path("year");
        if (!year.isIntegralNumber() || !year.canConvertToInt()) {
            throw invalid("缺少年份 year", "year is missing or not a whole number");
        }
        List<String> papers = new ArrayList<>();
        root.path("papers").forEach(paper -> papers.add(paper.asText()));
        JsonNode days = root.path("days");
        if (!days.isArray()) {
            throw invalid("缺少 days 列表", "the days list is missing");
        }
        List<NoticeDay> parsed = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            parsed.add(parseDay(days.get(i), i + 1));
        }
        return new HolidayNotice(year.intValue(), papers, parsed);
    }

    private static NoticeDay parseDay(JsonNode day, int position) {
        JsonNode date = day.path("date");
        if (!date.isTextual()) {
            throw invalid("第 " + position + " 项缺少日期 date", "day #" + position + " has no date");
        }
        LocalDate parsedDate;
        try {
            parsedDate = LocalDate.parse(date.textValue());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(message(date.textValue() + " 不是有效日期（应为 yyyy-MM-dd）",
                    date.textValue() + " is not a valid yyyy-MM-dd date"), e);
        }
        JsonNode offDay = day.path("isOffDay");
        if (!offDay.isBoolean()) {
            throw invalid(parsedDate + " 缺少 isOffDay（true 放假，false 补班）",
                    parsedDate + " has no boolean isOffDay");
        }
        return new NoticeDay(day.path("name").asText(""), parsedDate, offDay.booleanValue());
    }

    private static IllegalArgumentException invalid(String chinese, String english) {
        return new IllegalArgumentException(message(chinese, english));
    }

    private static String message(String chinese, String english) {
        return "节假日通知格式错误：" + chinese + " / invalid holiday notice: " + english;
    }
}
