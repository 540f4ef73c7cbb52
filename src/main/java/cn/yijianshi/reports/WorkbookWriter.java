package cn.yijianshi.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import cn.yijianshi.system.PersonalData;
import org.apache.ibatis.cursor.Cursor;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.mybatis.spring.SqlSessionTemplate;

/**
 * Streams one report to an .xlsx: a 汇总 sheet of headline figures with a native bar chart, then the detail
 * sheets, their rows read through a MyBatis cursor into a bounded SXSSF window. Styles are made once per
 * workbook. ID and phone numbers are masked everywhere, also inside free text; text that a spreadsheet
 * could take for a formula is written as quoted text.
 */
public class WorkbookWriter {

    static final int ROW_WINDOW = 200;
    private static final String NAMESPACE = "cn.yijianshi.reports.ReportQueries.";

    /** Per workbook: each user's name is looked up once. */
    private final Map<String, String> userNames = new java.util.HashMap<>();

    private final SqlSessionTemplate sql;
    private final ZoneId zone;
    private final LocalDate today;

    public WorkbookWriter(SqlSessionTemplate sql, ZoneId zone, LocalDate today) {
        this.sql = sql;
        this.zone = zone;
        this.today = today;
    }

    /** The styles of one workbook, created once. */
    private record Styles(CellStyle header, CellStyle text, CellStyle quoted, CellStyle integer, CellStyle decimal,
                          CellStyle percent, CellStyle date, CellStyle datetime, CellStyle title) {

        static Styles of(SXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            CellStyle title = wb.createCellStyle();
            title.setFont(big);
            CellStyle text = wb.createCellStyle();
            CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            var format = wb.createDataFormat();
            CellStyle integer = wb.createCellStyle();
            integer.setDataFormat(format.getFormat("#,##0"));
            CellStyle decimal = wb.createCellStyle();
            decimal.setDataFormat(format.getFormat("#,##0.00"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(format.getFormat("0.0%"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));
            CellStyle datetime = wb.createCellStyle();
            datetime.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm"));
            return new Styles(header, text, quoted, integer, decimal, percent, date, datetime, title);
        }
    }

    public void write(ReportDefinition report, ReportParameters parameters, OutputStream out) throws IOException {
        Map<String, Object> params = parameters.forQueries(zone, ZoneId.systemDefault(), today);
        SXSSFWorkbook wb = new FastCompressingWorkbook(ROW_WINDOW);
        try {
            Styles styles = Styles.of(wb);
            summary(wb, styles, report, parameters, params);
            for (ReportDefinition.Sheet sheet : report.sheets()) {
                detail(wb, styles, sheet, params);
            }
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private void summary(SXSSFWorkbook wb, Styles styles, ReportDefinition report, ReportParameters parameters,
                         Map<String, Object> params) {
        SXSSFSheet sheet = wb.createSheet("汇总");
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 16 * 256);
        sheet.setColumnWidth(2, 16 * 256);
        sheet.setColumnWidth(3, 16 * 256);
        int r = 0;
        text(sheet.createRow(r++).createCell(0), report.title(), styles.title, styles);
        text(sheet.createRow(r++).createCell(0), "统计区间：" + parameters.from() + " 至 " + parameters.to()
                + (parameters.dept() == null ? "" : "　部门：" + CodeLabels.label("dept", parameters.dept()))
                + (parameters.matter() == null ? "" : "　事项：" + CodeLabels.label("matter", parameters.matter()))
                + (parameters.point() == null ? "" : "　网点：" + parameters.pointName() + "（" + parameters.point() + "，含下级）"),
                styles.text, styles);
        r++;
        Map<String, Object> figures = sql.selectOne(NAMESPACE + report.summary().query(), params);
        for (ReportDefinition.Figure figure : report.summary().figures()) {
            Row row = sheet.createRow(r++);
            text(row.createCell(0), figure.label(), styles.header, styles);
            value(row.createCell(1), column(figures, figure.key()), figure.format(), styles, null);
        }
        ReportDefinition.Chart chart = report.summary().chart();
        if (chart == null) {
            return;
        }
        r++;
        int tableTop = r;
        Row head = sheet.createRow(r++);
        text(head.createCell(0), chart.title(), styles.header, styles);
        for (int s = 0; s < chart.series().size(); s++) {
            text(head.createCell(s + 1), chart.series().get(s).label(), styles.header, styles);
        }
        List<Map<String, Object>> rows = sql.selectList(NAMESPACE + chart.query(), params);
        String[] categories = new String[Math.max(1, rows.size())];
        Double[][] values = new Double[chart.series().size()][Math.max(1, rows.size())];
        if (rows.isEmpty()) {
            categories[0] = "（无数据）";
            for (Double[] series : values) {
                series[0] = 0.0;
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Row line = sheet.createRow(r++);
            categories[i] = category(column(row, chart.category()), chart.categoryLabels());
            text(line.createCell(0), categories[i], styles.text, styles);
            for (int s = 0; s < chart.series().size(); s++) {
                Object v = column(row, chart.series().get(s).key());
                values[s][i] = v == null ? 0.0 : ((Number) v).doubleValue();
                value(line.createCell(s + 1), v, "decimal", styles, null);
            }
        }
        int first = tableTop + 1;
        int last = first + categories.length - 1;
        // Charts live on the underlying XSSF sheet; the streamed rows above are small and already written.
        XSSFDrawing drawing = wb.getXSSFWorkbook().getSheet("汇总").createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 5, 2, 14, 22);
        XSSFChart xchart = drawing.createChart(anchor);
        xchart.setTitleText(chart.title());
        xchart.setTitleOverlay(false);
        XDDFChartLegend legend = xchart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = xchart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = xchart.createValueAxis(AxisPosition.LEFT);
        XDDFBarChartData data = (XDDFBarChartData) xchart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.COL);
        var categorySource = XDDFDataSourcesFactory.fromArray(categories,
                new CellRangeAddress(first, last, 0, 0).formatAsString("汇总", true), 0);
        for (int s = 0; s < chart.series().size(); s++) {
            var series = data.addSeries(categorySource, XDDFDataSourcesFactory.fromArray(values[s],
                    new CellRangeAddress(first, last, s + 1, s + 1).formatAsString("汇总", true), s + 1));
            series.setTitle(chart.series().get(s).label(), null);
        }
        xchart.plot(data);
    }

    private void detail(SXSSFWorkbook wb, Styles styles, ReportDefinition.Sheet definition, Map<String, Object> params)
            throws IOException {
        SXSSFSheet sheet = wb.createSheet(definition.name());
        List<ReportDefinition.Column> columns = definition.columns();
        Row head = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            sheet.setColumnWidth(c, columns.get(c).width() * 256);
            text(head.createCell(c), columns.get(c).header(), styles.header, styles);
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        try (Cursor<Map<String, Object>> rows = sql.selectCursor(NAMESPACE + definition.query(), params)) {
            for (Map<String, Object> row : rows) {
                Row line = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    ReportDefinition.Column column = columns.get(c);
                    Object value = column(row, column.key());
                    if (value != null) { // an empty cell is left out of the sheet, as Excel itself does
                        value(line.createCell(c), labelled(value, column.labels()), column.format(), styles, column.mask(), row);
                    }
                }
            }
        }
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
    }

    /** A stored code as its Chinese name when the definition names its code table. */
    private Object labelled(Object value, String table) {
        if (value == null || table == null) {
            return value;
        }
        return CodeLabels.USER.equals(table) ? userNames.computeIfAbsent(value.toString(), this::userName)
                : CodeLabels.label(table, value.toString());
    }

    /** A hall user by name as Camunda's identity knows it, with the login id: 王建国（expert1）; the id alone if no name. */
    private String userName(String userId) {
        String name = sql.selectOne(NAMESPACE + "userName", userId);
        return name == null || name.isBlank() ? userId : name + "（" + userId + "）";
    }

    private String category(Object value, String table) {
        return value == null ? "（未填）" : labelled(value, table).toString();
    }

    private void value(Cell cell, Object value, String format, Styles styles, String mask) {
        value(cell, value, format, styles, mask, Map.of());
    }

    private void value(Cell cell, Object value, String format, Styles styles, String mask, Map<String, Object> row) {
        if (value == null) {
            cell.setBlank();
            return;
        }
        switch (format == null ? "text" : format) {
            case "integer" -> number(cell, value, styles.integer);
            case "decimal" -> number(cell, value, styles.decimal);
            case "percent" -> number(cell, value, styles.percent);
            case "date" -> {
                cell.setCellValue(localDate(value));
                cell.setCellStyle(styles.date);
            }
            case "datetime" -> {
                cell.setCellValue(LocalDateTime.ofInstant(instant(value), zone));
                cell.setCellStyle(styles.datetime);
            }
            case "days" -> {
                Object end = column(row, "closed_at");
                LocalDate until = end == null ? today : LocalDate.ofInstant(instant(end), zone);
                cell.setCellValue(ChronoUnit.DAYS.between(LocalDate.ofInstant(instant(value), zone), until));
                cell.setCellStyle(styles.integer);
            }
            default -> text(cell, masked(String.valueOf(value), mask), styles.text, styles);
        }
    }

    private static String masked(String text, String mask) {
        if ("id".equals(mask)) {
            return PersonalData.maskIdNumber(text);
        }
        if ("phone".equals(mask)) {
            return PersonalData.maskPhone(text);
        }
        return PersonalData.maskInText(text);
    }

    /** Text a spreadsheet could read as a formula (=, +, -, @, tab, CR) is kept as quoted text. */
    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    private static void text(Cell cell, String text, CellStyle style, Styles styles) {
        cell.setCellValue(text);
        cell.setCellStyle(looksLikeFormula(text) ? styles.quoted : style);
    }

    private static void number(Cell cell, Object value, CellStyle style) {
        cell.setCellValue(value instanceof Number n ? n.doubleValue() : new BigDecimal(value.toString()).doubleValue());
        cell.setCellStyle(style);
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof LocalDateTime l) {
            return l.atZone(ZoneId.systemDefault()).toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalArgumentException("not a point in time: " + value.getClass());
    }

    /**
     * SXSSF keeps the rows that left the window in temporary files: compressed, as a million-row sheet
     * would otherwise take most of a gigabyte of disk, but at gzip's fastest level, since the default
     * level cost half the export's time.
     */
    private static final class FastCompressingWorkbook extends SXSSFWorkbook {

        FastCompressingWorkbook(int rowWindow) {
            super(rowWindow);
        }

        /** The .xlsx itself at deflate's fastest level too: a somewhat larger file, written in far less time. */
        @Override
        protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            var zip = super.createArchiveOutputStream(out);
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            return zip;
        }

        @Override
        protected org.apache.poi.xssf.streaming.SheetDataWriter createSheetDataWriter() throws IOException {
            return new org.apache.poi.xssf.streaming.GZIPSheetDataWriter(_sharedStringSource) {
                @Override
                protected OutputStream decorateOutputStream(java.io.FileOutputStream file) throws IOException {
                    return new java.util.zip.GZIPOutputStream(file, 64 * 1024) {
                        {
                            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                        }
                    };
                }
            };
        }
    }

    /**
     * A row's column by its lower-case name, as MySQL labels it, or in upper case, as H2 does; without
     * copying a million rows into case-insensitive maps. No row (an empty result) has no values.
     */
    private static Object column(Map<String, Object> row, String key) {
        if (row == null) {
            return null;
        }
        Object value = row.get(key);
        return value != null ? value : row.get(key.toUpperCase(java.util.Locale.ROOT));
    }
}
