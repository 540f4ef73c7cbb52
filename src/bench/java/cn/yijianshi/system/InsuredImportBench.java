package cn.yijianshi.system;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import cn.yijianshi.insured.InsuredImport;
import cn.yijianshi.upload.FileKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code --bench.insured-import=1000000} (alone): writes a registry CSV of that many made-up insured persons (valid ID
 * numbers, born 1960-1995, all three retirement-age categories) to a temporary file, imports it as an administrator's
 * server-side file would be, and prints rows/s and the JVM's peak heap. Run it on the mysql profile with -Xmx256m:
 * the goal is a million rows in under two minutes. {@code --bench.insured-import-months-later=1} writes the same people
 * a month on (every paying person's contribution one month more, so most rows change), as the next month's sheet would.
 */
final class InsuredImportBench {

    private static final LocalDate FIRST_BIRTH = LocalDate.of(1960, 1, 1);
    private static final int BIRTH_DAYS = 13_000;

    private final InsuredImport importer;
    private final JdbcTemplate jdbc;

    InsuredImportBench(InsuredImport importer, JdbcTemplate jdbc) {
        this.importer = importer;
        this.jdbc = jdbc;
    }

    void run(int rows, int monthsLater) throws IOException {
        System.out.println("== yijianshi bench: insured registry import, " + rows + " rows ==");
        List<String> point = jdbc.queryForList("SELECT code FROM service_point WHERE code = 'BENCH-01'", String.class);
        Path file = Files.createTempFile("insured-bench-", ".csv");
        try {
            long written = System.nanoTime();
            write(file, rows, point.isEmpty() ? "" : point.get(0), monthsLater);
            System.out.printf("sheet: %d rows, %.1f MB, written in %.1f s%n", rows, Files.size(file) / 1e6,
                    (System.nanoTime() - written) / 1e9);
            Long before = jdbc.queryForObject("SELECT COUNT(*) FROM insured_person", Long.class);
            System.gc();
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            InsuredImport.Imported imported = importer.importFile(file, FileKind.TEXT, "bench");
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long max = Runtime.getRuntime().maxMemory();
            System.out.printf("insured import: %d rows (%d refused) in %.1f s = %.0f rows/s; registry %d -> %d; "
                            + "heap peak %.0f MB of %.0f MB max%n", imported.imported(), imported.rejectedRows(), seconds,
                    imported.imported() / seconds, before, jdbc.queryForObject("SELECT COUNT(*) FROM insured_person", Long.class),
                    peak / 1e6, max / 1e6);
            System.out.printf("BENCH {\"insured_import_rows\": %d, \"seconds\": %.1f, \"rows_per_second\": %.0f, "
                    + "\"heap_peak_mb\": %.0f, \"heap_max_mb\": %.0f}%n", imported.imported(), seconds,
                    imported.imported() / seconds, peak / 1e6, max / 1e6);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Row i: born on day i mod 13,000 from 1960, a sequence number for the rest; men and women in turn. */
    private static void write(Path file, int rows, String point, int monthsLater) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("身份证号码,姓名,性别,原退休年龄类别,累计缴费月数,缴费状态,联系电话,服务网点代码\n");
            for (int i = 0; i < rows; i++) {
                LocalDate born = FIRST_BIRTH.plusDays(i % BIRTH_DAYS);
                boolean man = i % 2 == 0;
                int sequence = ((i / BIRTH_DAYS) * 2 + (man ? 1 : 0)) % 1000;
                String id = cn.yijianshi.intake.ResidentIdNumber.withCheckCharacter(String.format("110101%04d%02d%02d%03d",
                        born.getYear(), born.getMonthValue(), born.getDayOfMonth(), sequence));
                String category = man ? "M60" : (i % 3 == 0 ? "F55" : "F50");
                out.write(id);
                out.write(",压测");
                out.write(Integer.toString(i));
                out.write(man ? ",男," : ",女,");
                out.write(category);
                out.write(',');
                boolean paying = i % 10 != 0;
                out.write(Integer.toString(i % 480 + (paying ? monthsLater : 0)));
                out.write(paying ? ",正常缴费," : ",暂停缴费,");
                out.write(String.format("139%08d", i));
                out.write(',');
                out.write(point);
                out.write('\n');
            }
        }
    }
}
