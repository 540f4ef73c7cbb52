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
