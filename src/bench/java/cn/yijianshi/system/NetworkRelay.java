package cn.yijianshi.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database as the hall's nodes meet it in production: on another machine, each round trip crossing a network.
 * {@code --bench.network-delay-us=N} puts this relay between the bench (ours and bare alike) and the database: it
 * holds every packet N µs before passing it on, each way. On one machine a round trip costs 30-40 µs and the
 * statements' own work decides the speed; across a network it is the round trips. The bench prints what a round trip
 * costs directly and through the relay before it starts.
 */
final class NetworkRelay {

    private static final Pattern HOST_PORT = Pattern.compile("^(jdbc:(?:mysql|mariadb)://)([^/:?]+)(?::(\\d+))?(/.*)$");

    private NetworkRelay() {
    }

    /** The arguments with the database URL pointed at a relay with the asked delay; as given when none is asked. */
    static String[] around(String[] args) {
        long delayMicros = 0;
        for (String arg : args) {
            if (arg.startsWith("--bench.network-delay-us=")) {
                delayMicros = Long.parseLong(arg.substring(arg.indexOf('=') + 1));
            }
        }
        if (delayMicros <= 0) {
            return args;
        }
        String url = System.getenv("YIJIANSHI_DB_URL");
        Matcher m = url == null ? null : HOST_PORT.matcher(url);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("--bench.network-delay-us needs YIJIANSHI_DB_URL with a MySQL/MariaDB host");
        }
        String host = m.group(2);
        int port = m.group(3) == null ? 3306 : Integer.parseInt(m.group(3));
        int relayPort = start(host, port, delayMicros * 1000);
        String relayed = m.group(1) + "127.0.0.1:" + relayPort + m.group(4);
        printRoundTrips(url, relayed, delayMicros);
        String[] more = java.util.Arrays.copyOf(args, args.length + 1);
        more[args.length] = "--spring.datasource.url=" + relayed;
        return more;
    }

    private static int start(String host, int port, long delayNanos) {
        try {
            ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (true) {
                    try {
                        Socket client = server.accept();
                        Socket database = new Socket(host, port);
                        client.setTcpNoDelay(true);
                        database.setTcpNoDelay(true);
                        pump(client, database, delayNanos);
                        pump(database, client, delayNanos);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "network-relay");
            acceptor.setDaemon(true);
            acceptor.start();
            return server.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the bench's network relay", e);
        }
    }

    private static void pump(Socket from, Socket to, long delayNanos) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    LockSupport.parkNanos(delayNanos);
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close the other
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }, "network-relay-pump");
        pump.setDaemon(true);
        pump.start();
    }

    /** What one round trip (SELECT 1) costs, straight to the database and through the relay. */
    private static void printRoundTrips(String direct, String relayed, long delayMicros) {
        String user = System.getenv().getOrDefault("YIJIANSHI_DB_USER", "root");
        String password = System.getenv().getOrDefault("YIJIANSHI_DB_PASSWORD", "");
        System.out.printf("Network relay: %d µs each way; a round trip (SELECT 1) %.0f µs straight to the database, %.0f µs "
                + "through the relay%n", delayMicros, roundTripMicros(direct, user, password), roundTripMicros(relayed, user, password));
    }

    private static double roundTripMicros(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            int rounds = 2000;
            long started = 0;
            for (int i = -2000; i < rounds; i++) {
                if (i == 0) {
                    started = System.nanoTime();
                }
                try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                    rs.next();
                }
            }
            return (System.nanoTime() - started) / 1e3 / rounds;
        } catch (SQLException e) {
            throw new IllegalStateException("could not measure a round trip to " + url, e);
        }
    }
}
