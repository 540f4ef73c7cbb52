package cn.yijianshi.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx running the README's load-balancer config (src/deploy/nginx/yijianshi.conf) in front of
 * two nodes, on ports of this test's choosing, in a prefix directory under target/.
 */
final class NginxBalancer implements AutoCloseable {

    private final int port;
    private final Process process;
    private final Path prefix;

    NginxBalancer(int nodeA, int nodeB) throws IOException, InterruptedException {
        this.port = freePort();
        this.prefix = Files.createDirectories(Path.of("target", "cluster", "nginx").toAbsolutePath());
        String config = Files.readString(Path.of("src", "deploy", "nginx", "yijianshi.conf"))
                .replace("NODE_A", "127.0.0.1:" + nodeA)
                .replace("NODE_B", "127.0.0.1:" + nodeB)
                .replace("LISTEN", "127.0.0.1:" + port);
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, config);
        process = new ProcessBuilder("nginx", "-p", prefix.toString(), "-c", file.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.out").toFile()).start();
        for (int i = 0; i < 50 && process.isAlive(); i++) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not start: " + Files.readString(prefix.resolve("nginx.out")));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
