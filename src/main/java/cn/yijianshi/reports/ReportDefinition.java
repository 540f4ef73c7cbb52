package cn.yijianshi.reports;

import java.util.List;

/** A report as defined in reports/NAME.json: title, who may download it, summary, chart and detail sheets. */
public record ReportDefinition(String name, String source, String title, List<String> roles, List<String> parameters,
                               Summary summary, List<Sheet> sheets) {

    public record Summary(String query, List<Figure> figures, Chart chart) {
    }

    public record Figure(String key, String label, String format) {
    }

    public record Chart(String title, String query, String category, List<Series> series) {
    }

    public record Series(String key, String label) {
    }

    public record Sheet(String name, String query, List<Column> columns) {
    }

    /** format: text, integer, decimal, percent, date, datetime, days; mask: id, phone, text (numbers inside). */
    public record Column(String key, String header, int width, String format, String mask) {
    }
}
