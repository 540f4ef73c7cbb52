package cn.yijianshi.sla;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One year's State Council holiday notice, in the holiday-cn JSON format: {@code {year, papers[],
 * days:[{name, date, isOffDay}]}}. isOffDay true: a holiday; false: a weekend day made a working day (调休).
 */
public record HolidayNotice(int year, List<String> papers, List<NoticeDay> days) {

    public record NoticeDay(String name, LocalDate date, boolean offDay) {
    }

    public static HolidayNotice parse(InputStream json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw invalid("不是有效的 JSON", "not valid JSON");
        }
        if (root == null || !root.path("year").canConvertToInt()) {
            throw invalid("缺少年份 year", "year is missing");
        }
        int year = root.get("year").asInt();
        List<String> papers = new ArrayList<>();
        root.path("papers").forEach(p -> papers.add(p.asText()));
        if (!root.path("days").isArray()) {
            throw invalid("缺少 days 列表", "days is missing");
        }
        List<NoticeDay> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (JsonNode day : root.get("days")) {
            String name = day.path("name").asText("").trim();
            String text = day.path("date").asText("");
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw invalid(text + " 不是有效日期", text + " is not a valid date");
            }
            if (date.getYear() != year) {
                throw invalid(text + " 不在 " + year + " 年内", text + " is outside " + year);
            }
            if (name.isEmpty()) {
                throw invalid(text + " 缺少名称", text + " has no name");
            }
            if (!day.path("isOffDay").isBoolean()) {
                throw invalid(text + " 缺少 isOffDay", text + " has no isOffDay");
            }
            if (!seen.add(date)) {
                throw invalid(text + " 重复", text + " is listed twice");
            }
            days.add(new NoticeDay(name, date, day.get("isOffDay").asBoolean()));
        }
        return new HolidayNotice(year, List.copyOf(papers), List.copyOf(days));
    }

    private static IllegalArgumentException invalid(String zh, String en) {
        return new IllegalArgumentException("节假日通知格式错误：" + zh + " / invalid holiday notice: " + en);
    }
}
