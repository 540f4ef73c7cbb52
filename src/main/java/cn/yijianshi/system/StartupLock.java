package cn.yijianshi.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time start on a shared MySQL/MariaDB database. The lock is taken as soon as the
 * data source exists, so before Flyway migrates, before Camunda creates or checks its tables (and
 * {@link CamundaTablesUtf8mb4} converts them) and before our own check-then-create steps (groups and
 * grants, Tasklist filters, the shipped calendar years, the storage-zone marker) run; it is released
 * once they are done, before any runner (the bench) starts, or when start-up fails. Nodes booting
 * together on an empty database thus come up one after the other, the later ones finding everything
 * made. The lock is MySQL's {@code GET_LOCK}, held by one connection of the pool and named after the
 * database, so checkouts sharing a database server do not wait for each other; it dies with the
 * connection if the node dies. On H2 (one node) there is nothing to do.
 */
@Component
public class StartupLock implements BeanPostProcessor, PriorityOrdered, ApplicationRunner,
        ApplicationListener<ApplicationFailedEvent>, DisposableBean, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private static final String LOCK_NAME = "LEFT(CONCAT('yijianshi-startup:', DATABASE()), 64)";

    private Duration timeout = Duration.ofMinutes(10);
    private Connection holder;

    /** A post-processor made before autowiring is in place: it is told the environment, not given it. */
    @Override
    public void setEnvironment(Environment environment) {
        this.timeout = environment.getProperty("yijianshi.startup.lock-timeout", Duration.class, timeout);
    }

    @Override
    public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && holder == null) {
            acquire(dataSource);
        }
        return bean;
    }

    private void acquire(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (!product.contains("mysql") && !product.contains("mariadb")) {
                connection.close();
                return;
            }
            long started = System.nanoTime();
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(" + LOCK_NAME + ", ?)")) {
                lock.setLong(1, Math.max(1, timeout.toSeconds()));
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != 1) {
                        throw new IllegalStateException("另一节点启动已超过 " + timeout.toSeconds()
                                + " 秒仍未完成，本节点放弃启动（yijianshi.startup.lock-timeout）/ another node has been starting "
                                + "on this database for longer than " + timeout + "; giving up (yijianshi.startup.lock-timeout)");
                    }
                }
            }
            holder = connection;
            log.info("start-up lock taken after {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("could not take the start-up lock on the database", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Registered among the first post-processors (so no data source slips past), and the first runner. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Runs before every other runner: the start-up steps (ApplicationStartedEvent listeners) are done. */
    @Override
    public void run(ApplicationArguments args) {
        release();
    }

    @Override
    public void onApplicationEvent(ApplicationFailedEvent event) {
        release();
    }

    @Override
    public void destroy() {
        release();
    }

    /** Whether this node holds the lock now (for tests and the log). */
    public synchronized boolean held() {
        return holder != null;
    }

    synchronized void release() {
        if (holder == null) {
            return;
        }
        try {
            if (holder.isClosed()) {
                // the pool was shut down first (a failed start): the lock went with the connection
                holder = null;
                return;
            }
        } catch (SQLException e) {
            holder = null;
            return;
        }
        try (PreparedStatement unlock = holder.prepareStatement("SELECT RELEASE_LOCK(" + LOCK_NAME + ")")) {
            unlock.executeQuery().close();
            log.info("start-up lock released");
        } catch (SQLException e) {
            log.warn("could not release the start-up lock; closing its physical connection releases it", e);
            try {
                holder.unwrap(Connection.class).close();
            } catch (SQLException ignored) {
                // the pool drops a closed connection
            }
        } finally {
            closeQuietly(holder);
            holder = null;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the lock goes with the connection
        }
    }
}
