package cn.yijianshi.system;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements one thread sends between {@link #begin()} and {@link #end()}, by verb and table
 * ("INSERT ACT_HI_DETAIL"), through a datasource-proxy around a pool. Only the timed thread is counted: the job
 * executor, the relays and the other engine's work on other threads are not. A JDBC batch of N rows counts N
 * statements (the server runs each), and is also counted once as a round trip.
 */
public final class StatementLog implements QueryExecutionListener, MethodExecutionListener {

    private static final Pattern CHANGE = Pattern.compile(
            "^\\s*(insert\\s+into|update|delete\\s+from|delete|replace\\s+into)\\s+`?([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SELECT = Pattern.compile(
            "^\\s*(select)\\b.*?\\bfrom\\s+`?([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final ThreadLocal<Counts> CURRENT = new ThreadLocal<>();
    /** Each statement's kind, worked out once per SQL text (the regular expressions cost the timed case otherwise). */
    private static final Map<String, String> KINDS = new java.util.concurrent.ConcurrentHashMap<>();
    /** The timed thread's CPU time (the JVM's work, the driver's included, while it sent and read). */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final ThreadLocal<long[]> STARTED = ThreadLocal.withInitial(() -> new long[1]);

    /** What one thread sent while it was counted: statements by verb and table, and round trips. */
    public static final class Counts {
        private final Map<String, Integer> byStatement = new HashMap<>();
        private final Map<String, Long> nanosByStatement = new HashMap<>();
        /** Per phase of a case (intake, claim, complete, task query): {time, of it waiting for the database, thread CPU}. */
        private final Map<String, long[]> phases = new java.util.LinkedHashMap<>();
        private int statements;
        private int roundTrips;
        private int commits;
        private long databaseNanos;
        /** The statements and commits in the order sent, when the bench was asked to trace ({@code -Dbench.trace=true}). */
        private final List<String> trace = Boolean.getBoolean("bench.trace") ? new java.util.ArrayList<>() : null;

        public List<String> trace() {
            return trace == null ? List.of() : trace;
        }

        public int statements() {
            return statements;
        }

        public int roundTrips() {
            return roundTrips;
        }

        /** Transactions committed (each one a log flush on InnoDB's default settings). */
        public int commits() {
            return commits;
        }

        /** Time this thread waited for the database: statements and commits, from send to answer. */
        public long databaseNanos() {
            return databaseNanos;
        }

        public Map<String, Integer> byStatement() {
            return byStatement;
        }

        /** Time waited for each kind of statement ("COMMIT" for commits), a round trip's time to its first kind. */
        public Map<String, Long> nanosByStatement() {
            return nanosByStatement;
        }

        public Map<String, long[]> phases() {
            return phases;
        }

        /** Adds another count into this one (for totals over many cases). */
        public void add(Counts other) {
            statements += other.statements;
            roundTrips += other.roundTrips;
            commits += other.commits;
            databaseNanos += other.databaseNanos;
            other.byStatement.forEach((k, v) -> byStatement.merge(k, v, Integer::sum));
            other.nanosByStatement.forEach((k, v) -> nanosByStatement.merge(k, v, Long::sum));
            other.phases.forEach((k, v) -> phases.merge(k, v.clone(), (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}));
        }
    }

    /** The pool, with each statement counted for the thread that sends it while that thread counts. */
    public static DataSource around(String name, DataSource pool) {
        StatementLog log = new StatementLog();
        return ProxyDataSourceBuilder.create(pool).name(name).listener(log).methodListener(log).build();
    }

    public static void begin() {
        CURRENT.set(new Counts());
    }

    /** Runs one phase of the counted case ({@code name}: intake, claim ...), adding its time and database wait to it. */
    public static void phase(String name, Runnable work) {
        phase(name, () -> {
            work.run();
            return null;
        });
    }

    /** As {@link #phase(String, Runnable)}, answering what the phase answers. */
    public static <T> T phase(String name, java.util.function.Supplier<T> work) {
        Counts counts = CURRENT.get();
        if (counts == null) {
            return work.get();
        }
        if (counts.trace != null) {
            counts.trace.add("-- " + name);
        }
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long waited = counts.databaseNanos;
        try {
            return work.get();
        } finally {
            long[] phase = counts.phases.computeIfAbsent(name, n -> new long[3]);
            phase[0] += System.nanoTime() - start;
            phase[1] += counts.databaseNanos - waited;
            phase[2] += THREADS.getCurrentThreadCpuTime() - cpu;
        }
    }

    public static Counts end() {
        Counts counts = CURRENT.get();
        CURRENT.remove();
        return counts == null ? new Counts() : counts;
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        STARTED.get()[0] = System.nanoTime();
    }

    @Override
    public void beforeMethod(MethodExecutionContext execution) {
        if (isCommit(execution)) {
            STARTED.get()[0] = System.nanoTime();
        }
    }

    @Override
    public void afterMethod(MethodExecutionContext execution) {
        Counts counts = CURRENT.get();
        if (counts != null && isCommit(execution)) {
            counts.commits++;
            if (counts.trace != null) {
                counts.trace.add("COMMIT");
            }
            long waited = System.nanoTime() - STARTED.get()[0];
            counts.databaseNanos += waited;
            counts.nanosByStatement.merge("COMMIT", waited, Long::sum);
        }
    }

    private static boolean isCommit(MethodExecutionContext execution) {
        return execution.getTarget() instanceof java.sql.Connection && "commit".equals(execution.getMethod().getName());
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        Counts counts = CURRENT.get();
        if (counts == null) {
            return;
        }
        counts.roundTrips++;
        long waited = System.nanoTime() - STARTED.get()[0];
        counts.databaseNanos += waited;
        boolean first = true;
        for (QueryInfo query : queries) {
            int times = Math.max(1, query.getParametersList().size());
            // a flush sent in one round trip (FlushInOneRoundTrip): its statements, one per line-ending semicolon
            String sqlText = query.getQuery();
            boolean several = sqlText.contains(";\n");
            int from = 0;
            do {
                int end = several ? sqlText.indexOf(";\n", from) : -1;
                end = end < 0 ? sqlText.length() : end;
                String one = sqlText.substring(from, end);
                from = end + 2;
                counts.statements += times;
                // a statement with its values in it is new each time: its kind remembered by its words before the
                // first value (so the bench's own counting costs the timed case next to nothing)
                String kind = KINDS.computeIfAbsent(several ? beforeValues(one) : one, StatementLog::kind);
                counts.byStatement.merge(kind, times, Integer::sum);
                if (first) {
                    counts.nanosByStatement.merge(kind, waited, Long::sum);
                    first = false;
                }
                if (counts.trace != null) {
                    String sql = one.strip().replaceAll("\\s+", " ");
                    counts.trace.add(times + " " + kind + "  | " + sql.substring(0, Math.min(160, sql.length())));
                }
            } while (from < sqlText.length());
        }
    }

    /**
     * A statement's words up to its first value or column list ("update ACT_RU_TASK SET REV_ ", "insert into
     * ACT_HI_DETAIL "): the same for every statement of one kind, whatever its values.
     */
    static String beforeValues(String sql) {
        int i = 0;
        while (i < sql.length() && i < 96) {
            char c = sql.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '`' || Character.isWhitespace(c))) {
                break;
            }
            i++;
        }
        return sql.substring(0, i);
    }

    /** "INSERT ACT_HI_DETAIL", "SELECT ACT_RU_TASK", or the statement's first words when no table is found. */
    static String kind(String sql) {
        for (Pattern pattern : new Pattern[] {CHANGE, SELECT}) {
            Matcher m = pattern.matcher(sql);
            if (m.find()) {
                return m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s.*", "") + " " + m.group(2).toUpperCase(Locale.ROOT);
            }
        }
        String words = sql.strip().replaceAll("\\s+", " ");
        return words.substring(0, Math.min(40, words.length()));
    }
}
