package cn.yijianshi.reports;

import java.util.List;

/** A report as defined in reports/NAME.json: title, who may download it, summary, chart and detail sheets. */
public record ReportDefinition(String name, String source, String title, List<String> roles, List<String> parameters,
                               Summary summary, List<Sheet> sheets) {

    public record Summary(String query, List<Figure> figures, Chart chart) {
    }

    public record Figure(String key, String label, String format) {
    }

    /** categoryLabels: the code table (see {@link CodeLabels}) that names the categories, if they are codes. */
    public record Chart(String title, String query, String category, String categoryLabels, List<Series> series) {
    }

    public record Series(String key, String label) {
    }

    public record Sheet(String name, String query, List<Column> columns) {
    }

    /**
     * format: text, integer, decimal, percent, date, datetime, days; mask: id, phone, text (numbers inside);
     * labels: the code table (see {@link CodeLabels}) that turns a stored code into its Chinese name.
     */
    public record Column(String key, String header, int width, String format, String mask, String labels) {
    }
}
