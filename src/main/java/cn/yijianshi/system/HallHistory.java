package cn.yijianshi.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers the hall's history level ({@link HallHistoryLevel}, {@code camunda.bpm.history-level: hall}) and moves
 * a database that ran with FULL onto it, once, before the engine checks its level: Camunda refuses to start on a
 * database whose recorded level differs ("historyLevel mismatch"). Only FULL is moved (the hall's level is FULL
 * less what nobody reads); any other recorded level still stops the start, as Camunda would. Not a Flyway
 * migration: Flyway and the engine start in no fixed order here (see {@link TasklistIndexes}). On two nodes the
 * update is one statement that only changes a row still saying FULL, so the second node finds it done; but a node
 * still running the old configuration (FULL) would be refused at its next start and writes FULL history until
 * then: this upgrade needs a full stop of every node, not a rolling restart.
 * <p>
 * History is kept a definition's time to live after the case ended, the cleanup working that out from each case's
 * end time (Camunda's end-time-based cleanup), with no removal time written into the history tables at a case's end.
 */
@Component
public class HallHistory extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(HallHistory.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new HallHistoryLevel());
        configuration.setCustomHistoryLevels(levels);
        // Kept for a definition's time to live after the case ENDED, as before, but worked out by the cleanup when it
        // runs (end time + time to live) instead of written into every history table when each case ends: Camunda's
        // default ("end" removal time) costs a case one UPDATE per history table at its end (16 statements).
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_NONE);
        configuration.setHistoryCleanupStrategy(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_END_TIME_BASED);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getHistoryLevel() != null && configuration.getHistoryLevel().getId() == HallHistoryLevel.ID) {
            upgradeFromFull(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
        }
    }

    /**
     * ACT_GE_PROPERTY's historyLevel from FULL (3) to the hall's level; nothing on a new database (the engine
     * records the hall's level when it creates its tables) or one already moved. Returns whether it moved it.
     */
    static boolean upgradeFromFull(DataSource dataSource, String tablePrefix) {
        String table = (tablePrefix == null ? "" : tablePrefix) + "ACT_GE_PROPERTY";
        try (Connection connection = dataSource.getConnection()) {
            if (!hasTable(connection, table)) {
                return false;
            }
            int moved;
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                    + " SET VALUE_ = ? WHERE NAME_ = 'historyLevel' AND VALUE_ = ?")) {
                update.setString(1, String.valueOf(HallHistoryLevel.ID));
                update.setString(2, String.valueOf(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
                moved = update.executeUpdate();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            if (moved > 0) {
                log.warn("历史级别已由 full 改为 hall（一次性升级，需全部节点停机后启动）/ history level moved from full to hall "
                        + "(one-off upgrade: every node must have been stopped)");
            }
            return moved > 0;
        } catch (SQLException e) {
            throw new ProcessEngineException("could not move the history level from full to hall", e);
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        var meta = connection.getMetaData();
        for (String name : new String[] {table, table.toLowerCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(connection.getCatalog(), null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
