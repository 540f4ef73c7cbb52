package cn.yijianshi.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a node whose zone is not the one the database's times were written in. The first node
 * to start on a database records its JVM zone (cluster_setting storage-zone); every later start compares.
 * It runs before the engine is built, so a refused node has written nothing; on MySQL under the
 * {@link StartupLock}, so two first nodes cannot both record. Our migrations run first for the table.
 */
@Component
public class StorageZoneMarker extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(StorageZoneMarker.class);

    private static final String NAME = "storage-zone";

    private final ObjectProvider<FlywayMigrationInitializer> migrations;

    public StorageZoneMarker(ObjectProvider<FlywayMigrationInitializer> migrations) {
        this.migrations = migrations;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Resolving the initializer runs our migrations now, whatever order the beans would have come in.
        migrations.ifAvailable(initializer -> { });
        try (Connection connection = configuration.getDataSource().getConnection()) {
            check(connection, ZoneId.systemDefault());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the storage-zone marker", e);
        }
    }

    /** Records {@code zone} on a database without a marker; throws when the marker names another zone. */
    static void check(Connection connection, ZoneId zone) throws SQLException {
        String recorded = null;
        String recordedBy = null;
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT setting_value, written_by FROM cluster_setting WHERE name = ?")) {
            read.setString(1, NAME);
            try (ResultSet rs = read.executeQuery()) {
                if (rs.next()) {
                    recorded = rs.getString(1);
                    recordedBy = rs.getString(2);
                }
            }
        }
        if (recorded == null) {
            try (PreparedStatement write = connection.prepareStatement(
                    "INSERT INTO cluster_setting (name, setting_value, written_by) VALUES (?, ?, ?)")) {
                write.setString(1, NAME);
                write.setString(2, zone.getId());
                write.setString(3, ThisNode.name());
                write.executeUpdate();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            log.info("storage zone recorded: times in this database are written in {}", zone.getId());
            return;
        }
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        if (!sameClock(recorded, zone)) {
            String message = "本节点的时区是 " + zone.getId() + "，而本数据库中的时间按 " + recorded + " 写入（首个节点 "
                    + recordedBy + " 记录）；各节点须在同一时区运行，请设置 yijianshi.storage-zone=" + recorded
                    + " 后再启动 / this node runs in " + zone.getId() + " but the times in this database were written in "
                    + recorded + " (recorded by the first node, " + recordedBy + "); every node must run in one zone: set "
                    + "yijianshi.storage-zone=" + recorded + " and start again";
            log.error(message);
            throw new IllegalStateException(message);
        }
    }

    /** PRC and Asia/Shanghai write the same wall-clock: what matters is the rules, not the name. */
    private static boolean sameClock(String recorded, ZoneId zone) {
        try {
            return ZoneId.of(recorded).getRules().equals(zone.getRules());
        } catch (java.time.DateTimeException unknown) {
            return recorded.equals(zone.getId());
        }
    }
}
