package cn.yijianshi.system;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Periodic work marked {@code @SchedulerLock} runs on one node of the cluster at a time: ShedLock keeps one
 * row per task in the shared {@code shedlock} table, with the database's clock deciding when a lock runs
 * out (so the nodes' clocks need not agree). A node that dies while holding a lock holds it at most
 * {@code lockAtMostFor}; the others carry on after that.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "${yijianshi.cluster.lock-at-most-for:PT10M}")
public class ClusterLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource, PlatformTransactionManager transactions) {
        // The pool's connections come with autocommit off: the lock rows are written in transactions of their own.
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTransactionManager(transactions)
                .withLockedByValue(ThisNode.name())
                .usingDbTime()
                .build());
    }
}
