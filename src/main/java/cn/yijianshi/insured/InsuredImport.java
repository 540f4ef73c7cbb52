package cn.yijianshi.insured;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.yijianshi.retirement.StatutoryRetirementAge;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import cn.yijianshi.upload.FileKind;
import cn.yijianshi.upload.SheetRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 参保人员名册导入: a sheet of insured persons (.xlsx or UTF-8 CSV, up to millions of rows) read row by row and written
 * in batches of {@value #BATCH} (one upsert statement and one transaction each, {@link RegistryWriter}): a person
 * already in the registry (same ID number) is replaced by the row, the others are added. A bad row is left out and reported by its row number
 * and field; the good rows are imported all the same. A person twice in one sheet: the later row stands.
 *
 * <p>Memory holds a few batches and the first {@value #LISTED_PROBLEMS} problems, never the sheet: a workbook is copied
 * to a temporary file and read with POI's SAX API. The sheet is read and checked on a thread of its own while the
 * caller's thread writes (the two overlap). ID and phone numbers never reach a message or a log line.
 */
@Service
public class InsuredImport {

    private static final Logger log = LoggerFactory.getLogger(InsuredImport.class);

    static final int BATCH = 1000;
    static final int LISTED_PROBLEMS = 1000;

    private final RegistryWriter writer;
    private final TransactionTemplate transaction;
    private final StatutoryRetirementAge statutoryAge;
    private final ContributionStatuses statuses;
    private final HallClock clock;
    private final JdbcTemplate jdbc;

    public InsuredImport(RegistryWriter writer, TransactionTemplate transaction, StatutoryRetirementAge statutoryAge,
                         ContributionStatuses statuses, HallClock clock, JdbcTemplate jdbc) {
        this.writer = writer;
        this.transaction = transaction;
        this.statutoryAge = statutoryAge;
        this.statuses = statuses;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** One bad cell, as the answer lists it. */
    public record RowProblem(int row, String field, String column, String message, String messageEn) {
    }

    /** What was imported; {@code errors} lists the first problems, {@code problemCount} counts them all. */
    public record Imported(long imported, long rejectedRows, long problemCount, List<RowProblem> errors, long millis,
                           long rowsPerSecond) {
    }

    /** A sheet sent to the hall (already accepted by the upload policy as {@code kind}). */
    public Imported importSheet(InputStream content, FileKind kind, String by) throws IOException {
        if (kind == FileKind.ZIP) {
            Path file = Files.createTempFile("insured-", ".xlsx");
            try {
                Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
                return importFile(file, FileKind.ZIP, by);
            } finally {
                Files.deleteIfExists(file);
            }
        }
        return read(handler -> InsuredSheet.SHEET.readCsv(content, handler), by);
    }

    /** A sheet on the server's disk (administrators, for files too large to send). */
    public Imported importFile(Path file, FileKind kind, String by) throws IOException {
        if (kind == FileKind.ZIP) {
            return read(handler -> InsuredSheet.SHEET.readXlsx(file, handler), by);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            return read(handler -> InsuredSheet.SHEET.readCsv(in, handler), by);
        }
    }

    private interface Reading {
        void into(SheetRows.Handler handler) throws IOException;
    }

    private Imported read(Reading reading, String by) {
        long start = System.nanoTime();
        InsuredRows rows = new InsuredRows(statutoryAge, statuses, registeredPoints(), clock.today(), clock.now());
        Batches batches = new Batches(rows);
        // The sheet is read and checked on a thread of its own while this one writes the batches before: reading and
        // writing overlap, and at most four batches are held (one filling, two waiting, one being written).
        Thread reader = new Thread(() -> {
            try {
                reading.into(batches::row);
                batches.handOver();
            } catch (Throwable e) {
                batches.failure = e;
            } finally {
                batches.put(END);
            }
        }, "insured-import-reader");
        reader.setDaemon(true);
        reader.start();
        long imported = 0;
        try {
            while (true) {
                List<InsuredPerson> batch = batches.take();
                if (batch == END) {
                    break;
                }
                transaction.executeWithoutResult(status -> writer.upsert(batch));
                imported += batch.size();
            }
        } catch (RuntimeException writeFailed) {
            batches.aborted = true;
            batches.drain();
            throw writeFailed;
        }
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
        if (batches.failure instanceof SheetRows.UnknownHeader e) {
            throw RefusedRequest.badInput("file", "第1行（表头）有未知的列「" + e.header() + "」，未导入任何人员；可用的列："
                    + String.join("、", InsuredSheet.COLUMNS.values()), "row 1 (the header) has an unknown column \""
                    + e.header() + "\"; nothing was imported; columns: " + String.join(", ", InsuredSheet.COLUMNS.keySet()));
        }
        if (batches.failure instanceof IOException) {
            throw RefusedRequest.badInput("file", "文件无法读取：不是有效的 .xlsx 工作簿或 UTF-8 CSV（已导入此前的" + imported + "行）",
                    "cannot be read: not a valid .xlsx workbook or UTF-8 CSV (" + imported + " rows before were imported)");
        }
        if (batches.failure instanceof RuntimeException e) {
            throw e;
        }
        if (batches.failure instanceof Error e) {
            throw e;
        }
        long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        log.info("imported {} insured persons ({} rows refused, {} problems) in {} ms by {}", imported,
                batches.rejected, batches.problemCount, millis, by);
        if (imported == 0 && batches.rejected == 0) {
            throw RefusedRequest.badInput("file", "表中没有人员（第1行为表头，人员从第2行起）",
                    "the sheet lists no person (row 1 is the header, persons start on row 2)");
        }
        return new Imported(imported, batches.rejected, batches.problemCount, List.copyOf(batches.listed), millis,
                imported * 1000 / millis);
    }

    /** The end of the sheet, as the reader hands it to the writer. */
    private static final List<InsuredPerson> END = java.util.Collections.unmodifiableList(new ArrayList<>());

    /** The rows read so far, handed to the writer a batch at a time; the problems found. */
    private static final class Batches {
        final java.util.concurrent.BlockingQueue<List<InsuredPerson>> ready = new java.util.concurrent.ArrayBlockingQueue<>(2);
        final List<RowProblem> listed = new ArrayList<>();
        final List<InsuredRows.RowProblem> found = new ArrayList<>();
        final InsuredRows rows;
        List<InsuredPerson> batch = new ArrayList<>(BATCH);
        long rejected;
        long problemCount;
        volatile boolean aborted;
        volatile Throwable failure;

        Batches(InsuredRows rows) {
            this.rows = rows;
        }

        void row(int number, java.util.Map<String, String> cells) {
            if (aborted) {
                throw new java.util.concurrent.CancellationException("the writer stopped");
            }
            found.clear();
            InsuredPerson person = rows.read(number, cells, found);
            if (person == null) {
                rejected++;
                problemCount += found.size();
                for (InsuredRows.RowProblem p : found) {
                    if (listed.size() < LISTED_PROBLEMS) {
                        listed.add(new RowProblem(p.row(), p.field(), p.column(), p.message(), p.messageEn()));
                    }
                }
                return;
            }
            batch.add(person);
            if (batch.size() == BATCH) {
                handOver();
            }
        }

        void handOver() {
            if (!batch.isEmpty()) {
                put(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        void put(List<InsuredPerson> list) {
            try {
                ready.put(list);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted");
            }
        }

        List<InsuredPerson> take() {
            try {
                return ready.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while importing", e);
            }
        }

        /** After a failed write: lets the reader run to its end (it stops at its next row). */
        void drain() {
            while (take() != END) {
                // discarded: nothing more is written
            }
        }
    }

    /** Every registered point's code (tens of thousands at most): a row's point is checked against it. */
    private Set<String> registeredPoints() {
        return new HashSet<>(jdbc.queryForList("SELECT code FROM service_point", String.class));
    }
}
