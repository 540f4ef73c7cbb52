package cn.yijianshi.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database server's own CPU time for one schema's connections, when the server is MariaDB on the bench's
 * machine: MariaDB runs each connection on a thread of its own (its default thread handling) and names that thread's
 * id in {@code information_schema.PROCESSLIST.TID}; Linux keeps each thread's time on a CPU in nanoseconds
 * ({@code /proc/<tid>/schedstat}, first field). Read before and after the timed cases and never inside
 * them, so it costs the cases nothing; the server's own background threads (purge, log writer) are not counted.
 * Anything else (H2, MySQL, a server on another machine, a thread pool) answers "unknown" and the bench says so.
 */
final class DatabaseServerCpu {

    private final JdbcTemplate jdbc;
    private final String schema;

    private DatabaseServerCpu(JdbcTemplate jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /** The connections to {@code schema} on the server {@code jdbc} reaches. */
    static DatabaseServerCpu of(JdbcTemplate jdbc, String schema) {
        return new DatabaseServerCpu(jdbc, schema);
    }

    /** Nanoseconds on a CPU so far of each server thread serving the schema, by thread id; empty when unknown. */
    Map<Long, Long> sample() {
        List<Long> threads;
        try {
            threads = jdbc.queryForList("SELECT TID FROM information_schema.PROCESSLIST WHERE DB = ?", Long.class, schema);
        } catch (RuntimeException noSuchColumn) {
            return Map.of();
        }
        Map<Long, Long> nanos = new HashMap<>();
        for (Long tid : threads) {
            if (tid == null) {
                continue;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + tid + "/schedstat")).trim();
                nanos.put(tid, Long.parseLong(stat.substring(0, stat.indexOf(' '))));
            } catch (IOException | RuntimeException notHere) {
                return Map.of(); // another machine's server, or no /proc
            }
        }
        return nanos;
    }

    /**
     * Milliseconds of server CPU between two samples (a thread first seen in the second counts whole: it was
     * connected during the cases); null when either sample is unknown.
     */
    static Double millisBetween(Map<Long, Long> before, Map<Long, Long> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return null;
        }
        long nanos = 0;
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            nanos += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return nanos / 1e6;
    }
}
