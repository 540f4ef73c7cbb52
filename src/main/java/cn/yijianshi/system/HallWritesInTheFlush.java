package cn.yijianshi.system;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.keygen.NoKeyGenerator;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.mysql.cj.jdbc.JdbcConnection;

/**
 * On MySQL and MariaDB, a row of the hall's that a step writes inside an engine command (its timeline entry, its SLA
 * record opened or finished, a message put in the outbox: the mapper methods marked {@link WrittenWithTheCommand})
 * goes to the database with the command's own rows, in the one round trip of its flush ({@link FlushInOneRoundTrip}),
 * instead of a round trip of its own at once. Same statement, same values (rendered as the flush renders Camunda's),
 * same transaction: the row is there when the command's transaction commits, or gone with it.
 * <p>
 * Until then the hall reads what it wrote: a statement of the hall's on a table with rows waiting (a read, or a write
 * not marked) first sends them, in order. Rows still waiting when the transaction commits (a command whose flush had
 * nothing of its own to send) are sent just before the commit. Outside a command, outside a transaction, on H2, or
 * with a value that is not plain (bytes, a stream), the statement runs at once as before.
 */
@Component
@Intercepts({
        @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}),
        @Signature(type = Executor.class, method = "query",
                args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
        @Signature(type = Executor.class, method = "query",
                args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class, BoundSql.class}),
        @Signature(type = Executor.class, method = "queryCursor", args = {MappedStatement.class, Object.class, RowBounds.class})})
public class HallWritesInTheFlush implements Interceptor {

    /** Off only in tests that compare with the rows written at once. */
    static volatile boolean enabled = true;

    /** The rows waiting, per connection of this thread's transactions. */
    private static final ThreadLocal<Map<JdbcConnection, Waiting>> WAITING = ThreadLocal.withInitial(IdentityHashMap::new);
    private static final Pattern WRITTEN_TABLE = Pattern.compile(
            "^\\s*(?:INSERT\\s+INTO|UPDATE)\\s+`?([A-Za-z0-9_]+)`?\\s", Pattern.CASE_INSENSITIVE);

    private final Map<String, Boolean> marked = new ConcurrentHashMap<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Executor executor = (Executor) invocation.getTarget();
        Object[] args = invocation.getArgs();
        MappedStatement statement = (MappedStatement) args[0];
        Connection connection = executor.getTransaction().getConnection();
        JdbcConnection mysql = mysql(connection);
        if (mysql == null) {
            return invocation.proceed();
        }
        Waiting waiting = WAITING.get().get(mysql);
        boolean mayWait = "update".equals(invocation.getMethod().getName()) && mayWait(statement, connection);
        if (waiting == null && !mayWait) {
            return invocation.proceed();
        }
        BoundSql bound = args.length == 6 ? (BoundSql) args[5] : statement.getBoundSql(args[1]);
        if (mayWait) {
            Matcher table = WRITTEN_TABLE.matcher(bound.getSql());
            String text = table.find() ? FlushInOneRoundTrip.withValues(statement, args[1], bound, connection) : null;
            if (text != null) {
                if (waiting == null) {
                    waiting = new Waiting();
                    WAITING.get().put(mysql, waiting);
                    TransactionSynchronizationManager.registerSynchronization(new SentByTheCommit(connection, mysql));
                }
                waiting.add(table.group(1), text);
                executor.clearLocalCache(); // as MyBatis' own update does
                return 1; // the caller of a marked statement takes nothing back
            }
        }
        if (waiting != null && waiting.isReadOrWrittenBy(bound.getSql())) {
            sendOneByOne(connection, waiting.take());
        }
        return invocation.proceed();
    }

    /** A marked statement that generates no key, inside an engine command and a transaction. */
    private boolean mayWait(MappedStatement statement, Connection connection) throws SQLException {
        return enabled && isMarked(statement) && statement.getKeyGenerator() instanceof NoKeyGenerator
                && Context.getCommandContext() != null
                && TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive() && !connection.getAutoCommit();
    }

    private boolean isMarked(MappedStatement statement) {
        return marked.computeIfAbsent(statement.getId(), HallWritesInTheFlush::markedMethod);
    }

    private static boolean markedMethod(String statementId) {
        int dot = statementId.lastIndexOf('.');
        Class<?> mapper;
        try {
            mapper = Class.forName(statementId.substring(0, dot));
        } catch (ClassNotFoundException | RuntimeException notAMapper) {
            return false;
        }
        String name = statementId.substring(dot + 1);
        List<Method> methods = Arrays.stream(mapper.getMethods())
                .filter(m -> m.getName().equals(name) && m.isAnnotationPresent(WrittenWithTheCommand.class)).toList();
        for (Method method : methods) {
            if (method.getReturnType() != void.class) {
                throw new IllegalStateException(statementId + " is marked @WrittenWithTheCommand but returns "
                        + method.getReturnType().getSimpleName() + ": its row count is known only at the command's flush");
            }
        }
        return !methods.isEmpty();
    }

    @Override
    public Object plugin(Object target) {
        return target instanceof Executor ? org.apache.ibatis.plugin.Plugin.wrap(target, this) : target;
    }

    private static JdbcConnection mysql(Connection connection) throws SQLException {
        return connection.isWrapperFor(JdbcConnection.class) ? connection.unwrap(JdbcConnection.class) : null;
    }

    /** The rows waiting on {@code connection}, in the order written; none wait any more. */
    static List<String> take(Connection connection) throws SQLException {
        JdbcConnection mysql = mysql(connection);
        return mysql == null ? List.of() : take(mysql);
    }

    private static List<String> take(JdbcConnection mysql) {
        Waiting waiting = WAITING.get().get(mysql);
        return waiting == null ? List.of() : waiting.take();
    }

    /** Rows sent in their order, a statement and a round trip each, as they would have been at once. */
    static void sendOneByOne(Connection connection, List<String> texts) throws SQLException {
        if (texts.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false); // the texts are final: no JDBC escapes ({fn ...}) to rewrite
            for (String text : texts) {
                statement.executeUpdate(text);
            }
        }
    }

    /** How many rows wait on this thread's connections (tests). */
    static int waiting() {
        return WAITING.get().values().stream().mapToInt(w -> w.texts.size()).sum();
    }

    /** The rows waiting on one connection, and the tables they write (each as a word a statement names). */
    private static final class Waiting {
        /** A table's name as a word in any statement, made once per table. */
        private static final Map<String, Pattern> NAMED = new ConcurrentHashMap<>();

        private final List<String> texts = new ArrayList<>();
        private final Set<Pattern> tables = new LinkedHashSet<>();

        void add(String table, String text) {
            texts.add(text);
            tables.add(NAMED.computeIfAbsent(table.toLowerCase(),
                    name -> Pattern.compile("\\b" + Pattern.quote(name) + "\\b", Pattern.CASE_INSENSITIVE)));
        }

        boolean isReadOrWrittenBy(String sql) {
            return !texts.isEmpty() && tables.stream().anyMatch(p -> p.matcher(sql).find());
        }

        List<String> take() {
            List<String> taken = List.copyOf(texts);
            texts.clear();
            tables.clear();
            return taken;
        }
    }

    /** Sends what still waits just before the transaction commits; forgets the connection when it ends. */
    private record SentByTheCommit(Connection connection, JdbcConnection mysql) implements TransactionSynchronization {
        @Override
        public void beforeCommit(boolean readOnly) {
            try {
                sendOneByOne(connection, take(mysql));
            } catch (SQLException e) {
                throw new org.springframework.jdbc.support.SQLStateSQLExceptionTranslator()
                        .translate("the hall's rows written with an engine command", null, e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            WAITING.get().remove(mysql);
        }
    }
}
