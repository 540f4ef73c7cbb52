package cn.yijianshi.points;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.yijianshi.upload.FileKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 网点导入: a whole registry sheet (.xlsx or UTF-8 CSV) checked row by row, then written in one transaction, or
 * refused with every bad row (its row number and field) and nothing written. A point already registered is
 * replaced by its row (and is no longer to be checked); points not in the sheet stay as they are. A parent may
 * be in the sheet (anywhere in it) or already registered.
 *
 * <p>The workbook is copied from the request to a temporary file and read from there by POI's SAX API, so memory
 * holds the checked rows (a few hundred bytes each), never the workbook.
 */
@Service
public class ServicePointImport {

    private static final Logger log = LoggerFactory.getLogger(ServicePointImport.class);

    /** The most problems an answer lists; the count says how many there were. */
    static final int LISTED_PROBLEMS = 1000;

    private final ServicePointRegistry registry;
    private final TransactionTemplate transaction;

    public ServicePointImport(ServicePointRegistry registry, TransactionTemplate transaction) {
        this.registry = registry;
        this.transaction = transaction;
    }

    /** One bad cell: the row as Excel numbers it, the field (API name) and the column's Chinese header. */
    public record RowProblem(int row, String field, String column, String message, String messageEn) {
    }

    /** The answer to a refused import: nothing was written. */
    public record Refusal(int status, String error, String field, String message, String messageEn, int imported,
                          int problemCount, List<RowProblem> errors) {
    }

    public record Imported(int imported, int created, int replaced, long millis) {
    }

    private record Row(int number, PointDraft draft) {
    }

    public Imported importSheet(InputStream content, FileKind kind, String by) throws IOException {
        long start = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        try {
            if (kind == FileKind.ZIP) {
                Path file = Files.createTempFile("service-points-", ".xlsx");
                try {
                    Files.copy(content, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    PointSheet.SHEET.readXlsx(file, (number, cells) -> rows.add(row(number, cells, problems)));
                } finally {
                    Files.deleteIfExists(file);
                }
            } else {
                PointSheet.SHEET.readCsv(content, (number, cells) -> rows.add(row(number, cells, problems)));
            }
        } catch (cn.yijianshi.upload.SheetRows.UnknownHeader e) {
            throw refusal(List.of(new RowProblem(1, "file", e.header(), "第1行（表头）有未知的列「" + e.header() + "」；可用的列："
                    + String.join("、", PointSheet.COLUMNS.values()), "row 1 (the header) has an unknown column \"" + e.header()
                    + "\"; columns: " + String.join(", ", PointSheet.COLUMNS.keySet()))));
        } catch (IOException e) {
            throw refusal(List.of(new RowProblem(0, "file", null, "文件无法读取：不是有效的 .xlsx 工作簿",
                    "cannot be read: not a valid .xlsx workbook")));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            throw refusal(List.of(new RowProblem(2, "file", null, "表中没有网点（第1行为表头，网点从第2行起）",
                    "the sheet lists no point (row 1 is the header, points start on row 2)")));
        }
        long read = System.nanoTime();
        check(rows, problems);
        log.debug("read {} rows in {} ms, checked in {} ms", rows.size(), (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
        int[] counts = transaction.execute(status -> write(rows));
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("imported {} service points ({} new, {} replaced) in {} ms by {}", rows.size(), counts[0], counts[1], millis, by);
        return new Imported(rows.size(), counts[0], counts[1], millis);
    }

    private static Row row(int number, Map<String, String> cells, List<RowProblem> problems) {
        Double lat = number(number, cells, "lat", problems);
        Double lng = number(number, cells, "lng", problems);
        Boolean active = null;
        String status = cells.get("active");
        if (status != null) {
            active = switch (status.trim().toUpperCase()) {
                case "启用", "正常", "ACTIVE", "TRUE", "是" -> true;
                case "关闭", "停用", "CLOSED", "FALSE", "否" -> false;
                default -> {
                    problems.add(problem(number, "active", "状态须为「启用」或「关闭」", "must be ACTIVE or CLOSED"));
                    yield null;
                }
            };
        }
        return new Row(number, new PointDraft(cells.get("code"), cells.get("name"), cells.get("level"), cells.get("parentCode"),
                cells.get("partnerKind"), PointSheet.list(cells.get("matters")), cells.get("address"), lat, lng,
                cells.get("officeHours"), cells.get("phone"), active));
    }

    private static Double number(int row, Map<String, String> cells, String field, List<RowProblem> problems) {
        String text = cells.get(field);
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            problems.add(problem(row, field, "须为数字（度，GCJ-02），如 29.5372", "must be a number of degrees (GCJ-02), e.g. 29.5372"));
            return null;
        }
    }

    private static RowProblem problem(int row, String field, String zh, String en) {
        String column = PointSheet.COLUMNS.get(field.replaceAll("\\[.*", ""));
        return new RowProblem(row, field, column, "第" + row + "行「" + column + "」：" + zh, "row " + row + ", " + field + ": " + en);
    }

    /** Every row's problems; parents are looked up in the sheet first, then in the registry. */
    private void check(List<Row> rows, List<RowProblem> problems) {
        Map<String, PointLevel> inSheet = new HashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        Set<String> parents = new HashSet<>();
        for (Row row : rows) {
            String code = row.draft().code();
            if (code == null) {
                continue;
            }
            Integer earlier = firstRow.putIfAbsent(code.trim(), row.number());
            if (earlier != null) {
                problems.add(problem(row.number(), "code", "网点代码与第" + earlier + "行重复", "the same code as row " + earlier));
            }
            PointLevel.read(row.draft().level()).ifPresent(l -> inSheet.putIfAbsent(code.trim(), l));
            if (row.draft().parentCode() != null) {
                parents.add(row.draft().parentCode().trim());
            }
        }
        parents.removeAll(inSheet.keySet());
        Map<String, ServicePoint> registered = parents.isEmpty() ? Map.of() : registry.existing(parents);
        for (Row row : rows) {
            List<PointDraft.Problem> found = row.draft().problems(code -> Optional.ofNullable(inSheet.get(code))
                    .or(() -> Optional.ofNullable(registered.get(code)).map(ServicePoint::getPointLevel)));
            found.forEach(p -> problems.add(problem(row.number(), p.field(), p.message(), p.messageEn())));
        }
        Set<String> seen = new HashSet<>();
        problems.removeIf(p -> !seen.add(p.row() + ":" + p.field()));
        problems.sort(Comparator.comparingInt(RowProblem::row));
    }

    private int[] write(List<Row> rows) {
        ServicePointMapper mapper = registry.mapper();
        List<ServicePoint> points = new ArrayList<>(rows.stream().map(r -> r.draft().toPoint()).toList());
        points.sort(Comparator.comparingInt(p -> p.getPointLevel().ordinal()));
        Map<String, ServicePoint> byCode = new LinkedHashMap<>();
        points.forEach(p -> byCode.put(p.getCode(), p));
        Set<String> lookUp = new HashSet<>(byCode.keySet());
        points.stream().map(ServicePoint::getParentCode).filter(java.util.Objects::nonNull).forEach(lookUp::add);
        Map<String, ServicePoint> before = registry.existing(lookUp);
        for (ServicePoint p : points) {
            String parent = p.getParentCode();
            String parentPath = parent == null ? "/"
                    : byCode.containsKey(parent) ? byCode.get(parent).getPath() : before.get(parent).getPath();
            p.setPath(parentPath + p.getCode() + "/");
        }
        List<String> replaced = byCode.keySet().stream().filter(before::containsKey).toList();
        for (int i = 0; i < replaced.size(); i += ServicePointRegistry.CHUNK) {
            List<String> chunk = replaced.subList(i, Math.min(replaced.size(), i + ServicePointRegistry.CHUNK));
            mapper.deleteMatters(chunk);
            mapper.deleteAll(chunk);
        }
        long t = System.nanoTime();
        registry.write(points);
        log.debug("wrote {} points in {} ms", points.size(), (System.nanoTime() - t) / 1_000_000);
        for (String code : replaced) {
            String oldPath = before.get(code).getPath();
            if (!oldPath.equals(byCode.get(code).getPath())) {
                registry.move(oldPath, byCode.get(code).getPath());
            }
        }
        return new int[] {points.size() - replaced.size(), replaced.size()};
    }

    private static PointRefused refusal(List<RowProblem> problems) {
        RowProblem first = problems.get(0);
        String rowsZh = problems.stream().map(RowProblem::row).distinct().count() + "行";
        return new PointRefused(new Refusal(400, "BAD_REQUEST", "file",
                "file：表中有" + problems.size() + "处错误（涉及" + rowsZh + "），未导入任何网点；" + first.message(),
                "file: " + problems.size() + " problems; nothing was imported; " + first.messageEn(), 0, problems.size(),
                List.copyOf(problems.subList(0, Math.min(LISTED_PROBLEMS, problems.size())))));
    }
}
