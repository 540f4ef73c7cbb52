package cn.yijianshi.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One node of the hall's software as an operator runs it: its own JVM, the production (mysql) profile,
 * a port of its own, the shared database. Started from the test's class path, so the node runs exactly
 * the code under test; {@link #kill()} is kill -9.
 */
final class HallNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final String databaseUrl;
    private final List<String> extraArgs;
    private final Path log;
    private Process process;

    HallNode(String name, int port, String databaseUrl, List<String> extraArgs) throws IOException {
        this.name = name;
        this.port = port;
        this.databaseUrl = databaseUrl;
        this.extraArgs = List.copyOf(extraArgs);
        this.log = Files.createDirectories(Path.of("target", "cluster")).resolve(name + ".log");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    /** Starts the JVM and returns at once; {@link #awaitUp(Duration)} waits for its health check. */
    HallNode start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC",
                "-cp", testClassPath(),
                "cn.yijianshi.YijianshiApplication",
                "--spring.profiles.active=mysql",
                "--server.port=" + port,
                "--yijianshi.demo-users=true",
                "--yijianshi.node-id=" + name));
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("YIJIANSHI_DB_URL", databaseUrl);
        env.put("YIJIANSHI_DB_USER", "root");
        env.put("YIJIANSHI_DB_PASSWORD", "");
        process = builder.start();
        return this;
    }

    /** Waits until /actuator/health answers 200, or fails naming the node and the end of its log. */
    HallNode awaitUp(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " died while starting (exit " + process.exitValue() + "):\n" + tail());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " did not come up within " + timeout + ":\n" + tail());
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** kill -9: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /**
     * The class path the test runs with. Surefire starts tests from a manifest-only jar whose manifest lists
     * the real class path; {@code surefire.test.class.path} names it directly.
     */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        // keep the test classes off the node's path: the node must run only what the hall's jar holds,
        // plus its dependencies (test-scoped ones are harmless but are not needed)
        List<String> entries = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.endsWith("test-classes")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
