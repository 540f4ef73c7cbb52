package cn.yijianshi.upload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The rows of an imported sheet, one at a time: the first sheet of an .xlsx read with POI's SAX (event) API, cell by
 * cell as the XML streams past, never the workbook as a whole in memory; or a UTF-8 CSV. The first row names the
 * columns (in Chinese or as the API's field names, from {@code columns}); each later row is handed on as field → text
 * with its row number as Excel shows it (the header is row 1). Empty rows are skipped. Used by the service-point
 * registry (网点导入) and the insured registry (参保人员名册导入).
 *
 * <p>An .xlsx keeps its texts in a shared-strings table that POI's reader holds in memory: a workbook written with
 * inline strings (as SXSSF writes them) or a CSV costs only the row at hand.
 */
public final class SheetRows {

    /** One row: its number as Excel shows it and its non-blank cells, field → trimmed text. */
    @FunctionalInterface
    public interface Handler {
        void row(int number, Map<String, String> cells);
    }

    /** A header no column is known by. */
    public static final class UnknownHeader extends RuntimeException {
        private final String header;

        UnknownHeader(String header) {
            super(header);
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    private final Map<String, String> columns;

    /** {@code columns}: the API field name → its Chinese header, in the sheet's usual order. */
    public SheetRows(Map<String, String> columns) {
        this.columns = columns;
    }

    public Map<String, String> columns() {
        return columns;
    }

    public String fieldOf(String header) {
        String h = header.trim();
        for (Map.Entry<String, String> c : columns.entrySet()) {
            if (c.getKey().equalsIgnoreCase(h) || c.getValue().equals(h)) {
                return c.getKey();
            }
        }
        throw new UnknownHeader(h);
    }

    /** Reads the first sheet of the workbook at {@code file}. */
    public void readXlsx(Path file, Handler rows) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new Rows(rows), new DataFormatter(java.util.Locale.ROOT), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException | org.xml.sax.SAXException
                 | javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException("not a readable .xlsx workbook: " + e.getMessage(), e);
        }
    }

    /** Cells to rows: column letters by the header row's texts. */
    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Handler rows;
        private final Map<Integer, String> fieldByColumn = new HashMap<>();
        private Map<String, String> current;
        private boolean header = true;

        Rows(Handler rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            current = new HashMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (header) {
                header = false;
                return;
            }
            if (!current.isEmpty()) {
                rows.row(rowNum + 1, current);
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = column(reference);
            if (header) {
                if (formattedValue != null && !formattedValue.isBlank()) {
                    fieldByColumn.put(column, fieldOf(formattedValue));
                }
                return;
            }
            String field = fieldByColumn.get(column);
            if (field != null && formattedValue != null && !formattedValue.isBlank()) {
                current.put(field, formattedValue.trim());
            }
        }
    }

    /** "AB12" → 27: the letters of a cell reference as a column index. */
    static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (reference.charAt(i) - 'A' + 1);
        }
        return column - 1;
    }

    /** Reads a UTF-8 CSV (RFC 4180 quoting, a byte-order mark allowed). */
    public void readCsv(InputStream in, Handler rows) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        List<String> fields = null;
        int line = 0;
        List<String> record;
        while ((record = csvRecord(reader)) != null) {
            line++;
            if (fields == null) {
                fields = record.stream().map(this::fieldOf).toList();
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < record.size() && i < fields.size(); i++) {
                if (!record.get(i).isBlank()) {
                    row.put(fields.get(i), record.get(i).trim());
                }
            }
            if (!row.isEmpty()) {
                rows.row(line, row);
            }
        }
    }

    private static List<String> csvRecord(Reader in) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) != -1) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    if (in.read() == '"') {
                        field.append('"');
                    } else {
                        in.reset();
                        quoted = false;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
