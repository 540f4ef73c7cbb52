package cn.yijianshi.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

/** The MariaDB/MySQL server's own counters ({@code SHOW GLOBAL STATUS}), for tests that count what it was sent. */
final class ServerCounters {

    private ServerCounters() {
    }

    /** One counter's value, -1 if the server has none of that name. */
    static long read(DataSource dataSource, String counter) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("show global status like '" + counter + "'")) {
            return rs.next() ? rs.getLong(2) : -1;
        }
    }

    /** Flushes sent in one round trip: each starts with its savepoint, and nothing else of the hall sets one. */
    static long flushesInOneRoundTrip(DataSource dataSource) throws Exception {
        return read(dataSource, "Com_savepoint");
    }

    /** Flushes that went back to their savepoint and were sent again statement by statement. */
    static long flushesSentAgain(DataSource dataSource) throws Exception {
        return read(dataSource, "Com_rollback_to_savepoint");
    }
}
