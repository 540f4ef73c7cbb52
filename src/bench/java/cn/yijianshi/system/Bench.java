package cn.yijianshi.system;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The bench entry point: {@code java -jar target/yijianshi.jar --bench.cases=N}. Runs with the
 * {@code bench} profile (in-memory H2 unless the mysql profile is active) and exits when done.
 */
public final class Bench {

    private Bench() {
    }

    public static boolean isRequested(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith("--bench."));
    }

    /**
     * The bench creates the demo users (known passwords) and a million ledger rows, so on MySQL it
     * only runs against a scratch database named as such; returns why not, or null when it may run.
     */
    public static String scratchDatabaseProblem(String[] args, java.util.Map<String, String> env) {
        String profiles = argument(args, "--spring.profiles.active=", env.getOrDefault("SPRING_PROFILES_ACTIVE", ""));
        if (!Arrays.asList(profiles.split(",")).contains("mysql")) {
            return null; // in-memory H2, gone when the bench exits
        }
        String url = argument(args, "--spring.datasource.url=", env.get("YIJIANSHI_DB_URL"));
        String database = url == null ? "" : url.replaceFirst("^jdbc:[a-z]+://[^/]*/?", "").replaceFirst("[?;].*$", "");
        if (database.toLowerCase(java.util.Locale.ROOT).matches(".*(bench|scratch|test).*")) {
            return null;
        }
        return "压测会创建演示用户（已知密码）并写入百万行数据，只能在临时库上运行：请用 YIJIANSHI_DB_URL 指向名称含 bench、scratch 或 test 的数据库"
                + (database.isEmpty() ? "" : "（当前：" + database + "）") + "。\n"
                + "The bench creates the demo users (known passwords) and a million rows, so it only runs on a scratch "
                + "database: point YIJIANSHI_DB_URL at a database whose name contains bench, scratch or test"
                + (database.isEmpty() ? "" : " (now: " + database + ")") + ".";
    }

    private static String argument(String[] args, String prefix, String fallback) {
        return Arrays.stream(args).filter(arg -> arg.startsWith(prefix)).map(arg -> arg.substring(prefix.length()))
                .reduce((first, last) -> last).orElse(fallback);
    }

    /** Runs {@code count} iterations and returns each one's latency in nanoseconds plus the total. */
    public static Timing time(int count, IntConsumer iteration) {
        long[] nanos = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            iteration.accept(i);
            nanos[i] = System.nanoTime() - t0;
        }
        return new Timing(nanos, System.nanoTime() - start);
    }

    /**
     * Runs {@code count} iterations of each, taking turns (one of the first, one of the second, ...), so a
     * busy spell of the machine weighs on both alike; each timing's total is the sum of its own iterations.
     */
    public static Timing[] timeInTurns(int count, IntConsumer first, IntConsumer second) {
        long[][] nanos = {new long[count], new long[count]};
        IntConsumer[] iterations = {first, second};
        for (int i = 0; i < count; i++) {
            for (int which = 0; which < 2; which++) {
                long t0 = System.nanoTime();
                iterations[which].accept(i);
                nanos[which][i] = System.nanoTime() - t0;
            }
        }
        return new Timing[] {new Timing(nanos[0], Arrays.stream(nanos[0]).sum()), new Timing(nanos[1], Arrays.stream(nanos[1]).sum())};
    }

    public record Timing(long[] nanos, long totalNanos) {

        public double perSecond() {
            return nanos.length / (totalNanos / 1e9);
        }

        public double percentileMillis(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
        }

        public String summary(String what) {
            return String.format("%s: n=%d, %.1f/s, p50=%.2f ms, p95=%.2f ms, p99=%.2f ms", what, nanos.length,
                    perSecond(), percentileMillis(50), percentileMillis(95), percentileMillis(99));
        }
    }
}
