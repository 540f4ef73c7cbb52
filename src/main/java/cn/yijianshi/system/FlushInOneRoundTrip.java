package cn.yijianshi.system;

import java.lang.reflect.Field;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.ibatis.executor.BatchExecutor;
import org.apache.ibatis.executor.BatchExecutorException;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.executor.CachingExecutor;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.cache.CacheKey;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import com.mysql.cj.BindValue;
import com.mysql.cj.NativeSession;
import com.mysql.cj.PreparedQuery;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.ClientPreparedStatement;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.protocol.a.NativeConstants;
import com.mysql.cj.protocol.a.NativePacketPayload;

/**
 * On MySQL and MariaDB, the rows the engine writes at the end of a command (its flush: a completion's task, history,
 * grants, variables, execution) go to the database in one round trip instead of one round trip per statement. The
 * statements are the same, with the same values, in the same order, in the same transaction: each is rendered with
 * its values by Connector/J's own client-side binding (the escaping it uses for every client-side prepared
 * statement), and the flush is sent as one multi-statement text, for which the connection allows several statements
 * only while it is being sent. The database answers each statement's row count, in order, as a JDBC batch does, so
 * Camunda's checks are unchanged: an update or delete that found no row at its revision is a concurrent change
 * ({@code OptimisticLockingException}). The text starts with a savepoint: if a statement fails, the flush goes back
 * to it and is sent again Camunda's way, so Camunda finds the failing statement and answers as it always does (a lock
 * waited for in vain, or a deadlock, is not sent again: the command fails with the database's answer). A flush of
 * fewer than {@value #AT_LEAST} statements, or one that writes bytes or streams (deployments, file variables), goes
 * Camunda's way. The hall's rows written inside the command that wait for its flush ({@link HallWritesInTheFlush}) go
 * at the end of the same text, or one by one after Camunda's statements when the flush goes Camunda's way.
 */
@Component
public class FlushInOneRoundTrip extends AbstractProcessEnginePlugin {

    /** The databases this was tested on. */
    private static final Set<String> TESTED_ON = Set.of("mysql", "mariadb");
    /** Fewer statements than this go Camunda's way: switching multi-statements on and off costs two round trips. */
    static final int AT_LEAST = 4;
    /** Characters per multi-statement text, well below MariaDB's and MySQL's smallest default packet (16 MB). */
    static final int AT_MOST_CHARS = 1 << 20;
    private static final String SAVEPOINT_NAME = "yjs_flush";
    private static final String SAVEPOINT = "SAVEPOINT " + SAVEPOINT_NAME;
    /** Off only in tests that compare the rows with Camunda's own statements'. */
    static volatile boolean enabled = true;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getDatabaseType() == null || !TESTED_ON.contains(configuration.getDatabaseType())
                || !configuration.isJdbcBatchProcessing()) {
            return;
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (mybatis.getInterceptors().stream().noneMatch(Trips.class::isInstance)) {
            mybatis.addInterceptor(new Trips());
        }
    }

    /**
     * A statement's text with its values in it: the text Connector/J sends for it as a client-side prepared statement
     * on {@code connection} (its {@code COM_QUERY} packet), each value quoted and escaped by the driver for the
     * connection's character set and mode. Null if a value is not plain (bytes, a stream) or the text cannot be made.
     * (Not {@code PreparedQuery.asSql()}: that is the driver's text for logs, and quotes strings without escaping them.)
     */
    static String withValues(MappedStatement statement, Object parameter, BoundSql bound, Connection connection) {
        try {
            JdbcConnection mysql = connection.unwrap(JdbcConnection.class);
            try (PreparedStatement prepared = mysql.clientPrepareStatement(bound.getSql())) {
                statement.getConfiguration().newParameterHandler(statement, parameter, bound).setParameters(prepared);
                ClientPreparedStatement rendered = prepared.unwrap(ClientPreparedStatement.class);
                if (!onlyPlainValues(rendered)) {
                    return null;
                }
                PreparedQuery query = (PreparedQuery) rendered.getQuery();
                NativePacketPayload packet = query.fillSendPacket(query.getQueryBindings());
                byte[] bytes = packet.getByteBuffer();
                if (packet.getPosition() < 1 || bytes[0] != NativeConstants.COM_QUERY) {
                    return null;
                }
                String encoding = mysql.getPropertySet().getStringProperty(PropertyKey.characterEncoding).getValue();
                return new String(bytes, 1, packet.getPosition() - 1,
                        java.nio.charset.Charset.forName(encoding == null ? "UTF-8" : encoding));
            }
        } catch (SQLException | RuntimeException notRendered) {
            return null;
        }
    }

    /** Whether every value bound is text, a number, a truth value, a time or null: no bytes, no stream. */
    private static boolean onlyPlainValues(ClientPreparedStatement rendered) {
        for (BindValue value : rendered.getQueryBindings().getBindValues()) {
            if (value.isStream() || value.getValue() instanceof byte[] || value.getValue() instanceof java.io.InputStream
                    || value.getValue() instanceof java.io.Reader) {
                return false;
            }
        }
        return true;
    }

    /** Puts a {@link Trip} on each batch executor MyBatis makes for the engine. */
    static final class Trips implements Interceptor {
        private static final Field DELEGATE;

        static {
            try {
                DELEGATE = CachingExecutor.class.getDeclaredField("delegate");
                DELEGATE.setAccessible(true);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("MyBatis' CachingExecutor has no delegate", e);
            }
        }

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            return invocation.proceed();
        }

        @Override
        public Object plugin(Object target) {
            return target instanceof Executor executor && isBatch(executor) ? Plugin.wrap(target, new Trip(executor)) : target;
        }

        private static boolean isBatch(Executor executor) {
            try {
                return executor instanceof BatchExecutor
                        || executor instanceof CachingExecutor && DELEGATE.get(executor) instanceof BatchExecutor;
            } catch (IllegalAccessException e) {
                return false;
            }
        }
    }

    /** One statement of the flush: what MyBatis would run, and its text with the values in it (null if not). */
    private record Pending(MappedStatement statement, Object parameter, String sql, String withValues) {
    }

    /** The flush of one batch executor (one engine command's session), sent in one round trip. */
    @Intercepts({
            @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}),
            @Signature(type = Executor.class, method = "flushStatements", args = {}),
            @Signature(type = Executor.class, method = "query",
                    args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
            @Signature(type = Executor.class, method = "query",
                    args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class, BoundSql.class}),
            @Signature(type = Executor.class, method = "queryCursor", args = {MappedStatement.class, Object.class, RowBounds.class}),
            @Signature(type = Executor.class, method = "commit", args = {boolean.class}),
            @Signature(type = Executor.class, method = "rollback", args = {boolean.class}),
            @Signature(type = Executor.class, method = "close", args = {boolean.class})})
    static final class Trip implements Interceptor {
        private final Executor executor;
        private final List<Pending> pending = new ArrayList<>();

        Trip(Executor executor) {
            this.executor = executor;
        }

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            switch (invocation.getMethod().getName()) {
                case "update" -> {
                    if (!enabled) {
                        return invocation.proceed();
                    }
                    MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
                    Object parameter = invocation.getArgs()[1];
                    executor.clearLocalCache(); // as MyBatis' own update does
                    pending.add(pending(statement, parameter));
                    return BatchExecutor.BATCH_UPDATE_RETURN_VALUE;
                }
                case "flushStatements" -> {
                    return flush();
                }
                case "query", "queryCursor", "commit" -> {
                    // MyBatis' batch executor sends what it holds before it reads or commits
                    if (!pending.isEmpty()) {
                        flush();
                    }
                    return invocation.proceed();
                }
                default -> { // rollback, close
                    pending.clear();
                    return invocation.proceed();
                }
            }
        }

        @Override
        public Object plugin(Object target) {
            return target;
        }

        /** The statement with its values in its text; without (sent Camunda's way) if a value is not plain. */
        private Pending pending(MappedStatement statement, Object parameter) throws SQLException {
            BoundSql bound = statement.getBoundSql(parameter);
            return new Pending(statement, parameter, bound.getSql(),
                    withValues(statement, parameter, bound, executor.getTransaction().getConnection()));
        }

        private List<BatchResult> flush() throws SQLException {
            Connection connection = executor.getTransaction().getConnection();
            // the hall's rows written meanwhile in this transaction go with the engine's (HallWritesInTheFlush)
            List<String> hall = HallWritesInTheFlush.take(connection);
            List<Pending> flush = List.copyOf(pending);
            pending.clear();
            if (flush.isEmpty() || flush.size() + hall.size() < AT_LEAST
                    || flush.stream().anyMatch(p -> p.withValues() == null)
                    || connection.getAutoCommit()) { // autocommit: no transaction to go back in if a statement fails
                return camundasWay(connection, flush, hall);
            }
            return inOneRoundTrip(connection, flush, hall);
        }

        private List<BatchResult> inOneRoundTrip(Connection connection, List<Pending> flush, List<String> hall)
                throws SQLException {
            List<String> texts = new ArrayList<>(flush.size() + hall.size());
            flush.forEach(p -> texts.add(p.withValues()));
            texts.addAll(hall);
            JdbcConnection mysql = connection.unwrap(JdbcConnection.class);
            boolean allowed = mysql.getPropertySet().getBooleanProperty(PropertyKey.allowMultiQueries).getValue();
            int[] counts = new int[texts.size()];
            if (!allowed) {
                ((NativeSession) mysql.getSession()).enableMultiQueries();
            }
            try (Statement statement = connection.createStatement()) {
                statement.setEscapeProcessing(false); // the texts are final: no JDBC escapes ({fn ...}) to rewrite
                Integer timeout = timeout(flush);
                if (timeout != null) {
                    statement.setQueryTimeout(timeout);
                }
                int done = 0;
                boolean firstText = true;
                while (done < texts.size()) {
                    // the first text starts with the savepoint to go back to if a statement fails
                    StringBuilder text = new StringBuilder(firstText ? SAVEPOINT + ";\n" : "");
                    int end = done;
                    while (end < texts.size() && (end == done || text.length() + texts.get(end).length() < AT_MOST_CHARS)) {
                        text.append(end == done ? "" : ";\n").append(texts.get(end));
                        end++;
                    }
                    statement.execute(text.toString());
                    if (firstText) {
                        statement.getMoreResults(); // past the savepoint's answer
                        firstText = false;
                    }
                    for (; done < end; done++) {
                        counts[done] = statement.getUpdateCount();
                        statement.getMoreResults();
                    }
                }
            } catch (SQLException failure) {
                if (waitedForALock(failure)) {
                    // sent again it would wait as long again (a lock wait timeout), or the transaction is gone (a
                    // deadlock): the command fails with the database's answer, as Camunda's own statement would
                    throw failed(flush, failure);
                }
                // Connector/J reads all the answers at once and reports only the failure: which statement failed, and
                // what the ones before it changed, is learnt by going back to before the flush and sending it again
                // Camunda's way, statement by statement
                try (Statement back = connection.createStatement()) {
                    back.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT_NAME);
                } catch (SQLException gone) {
                    failure.addSuppressed(gone); // the transaction itself was rolled back: report the failure
                    throw failed(flush, failure);
                }
                counts = null; // sent again below, once multi-statements are off
            } finally {
                if (!allowed) {
                    ((NativeSession) mysql.getSession()).disableMultiQueries();
                }
            }
            return counts != null ? results(flush, counts) : camundasWay(connection, flush, hall);
        }

        /** A lock wait timeout (1205), a deadlock (1213) or the statement's own time limit. */
        private static boolean waitedForALock(SQLException failure) {
            return failure.getErrorCode() == 1205 || failure.getErrorCode() == 1213
                    || failure instanceof java.sql.SQLTimeoutException;
        }

        /** The flush sent Camunda's way, then the hall's rows that waited for it, one by one, in their order. */
        private List<BatchResult> camundasWay(Connection connection, List<Pending> flush, List<String> hall)
                throws SQLException {
            List<BatchResult> results = flush.isEmpty() ? executor.flushStatements() : camundasWay(flush);
            HallWritesInTheFlush.sendOneByOne(connection, hall);
            return results;
        }

        /** The flush sent Camunda's way: each statement by MyBatis' batch executor. */
        private List<BatchResult> camundasWay(List<Pending> flush) throws SQLException {
            for (Pending p : flush) {
                executor.update(p.statement(), p.parameter());
            }
            return executor.flushStatements();
        }

        /** The longest time any of the statements may take, as MyBatis would give each (none unless configured). */
        private static Integer timeout(List<Pending> flush) {
            Integer longest = null;
            for (Pending p : flush) {
                Integer own = p.statement().getTimeout() != null ? p.statement().getTimeout()
                        : p.statement().getConfiguration().getDefaultStatementTimeout();
                if (own != null && (longest == null || own > longest)) {
                    longest = own;
                }
            }
            return longest;
        }

        /**
         * As MyBatis' batch executor reports a failed batch, when the flush is not sent again (a lock waited for, the
         * transaction gone): the database's answer, given as the flush's first statement's.
         */
        private static BatchExecutorException failed(List<Pending> flush, SQLException failure) {
            Pending first = flush.get(0);
            BatchUpdateException cause = new BatchUpdateException(failure.getMessage(), failure.getSQLState(),
                    failure.getErrorCode(), new int[0], failure);
            cause.setNextException(failure);
            BatchResult batch = new BatchResult(first.statement(), first.sql());
            batch.addParameterObject(first.parameter());
            return new BatchExecutorException(first.statement().getId() + " failed. " + failure.getMessage()
                    + "\nCause: " + cause, cause, List.of(), batch);
        }

        /** The statements' row counts as MyBatis' batch executor groups them: a run of the same statement, one batch. */
        private static List<BatchResult> results(List<Pending> flush, int[] counts) {
            List<BatchResult> results = new ArrayList<>();
            int start = 0;
            while (start < flush.size()) {
                int end = start + 1;
                while (end < flush.size() && sameBatch(flush.get(end - 1), flush.get(end))) {
                    end++;
                }
                BatchResult batch = new BatchResult(flush.get(start).statement(), flush.get(start).sql());
                for (int i = start; i < end; i++) {
                    batch.addParameterObject(flush.get(i).parameter());
                }
                batch.setUpdateCounts(java.util.Arrays.copyOfRange(counts, start, end));
                results.add(batch);
                start = end;
            }
            return results;
        }

        private static boolean sameBatch(Pending a, Pending b) {
            return a.statement() == b.statement() && a.sql().equals(b.sql());
        }
    }
}
