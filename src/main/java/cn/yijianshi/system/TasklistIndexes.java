package cn.yijianshi.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The indexes a hall's open tasks need on Camunda's tables at city scale (Camunda ships none for them): for
 * Tasklist's group lists, a group's candidate links ({@code taskCandidateGroup}), the order our filters sort in (due
 * date, then priority), and the grants as the per-task authorization subqueries of
 * {@code authorization-check-revokes: always} read them (by resource, then type, grant or revoke, group and
 * permissions: the group's grant on a task is found in the index alone, without reading the row; the list and the
 * count ask this once for each of the group's open tasks); and for every completion, the look-up of the task's
 * subtasks ({@code PARENT_TASK_ID_}: Camunda deletes a task's subtasks with it and, without this index, reads every
 * open task of the hall to find none; camunda/camunda#36824).
 * They are created right after the engine has created or updated its schema, on every start, only when
 * missing, so Camunda's own scripts stay as shipped. Not a Flyway migration: in this application Flyway and
 * the engine's schema update start in no fixed order, and these tables may not exist yet when Flyway runs.
 * On two nodes starting together, the second's CREATE may fail because the first made the index: it logs
 * and goes on.
 */
@Component
public class TasklistIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TasklistIndexes.class);

    record Index(String name, String table, String columns) {
    }

    static final List<Index> INDEXES = List.of(
            new Index("YJS_IDX_IDENT_LNK_GROUP_TASK", "ACT_RU_IDENTITYLINK", "GROUP_ID_, TYPE_, TASK_ID_"),
            new Index("YJS_IDX_TASK_DUE_PRIORITY", "ACT_RU_TASK", "DUE_DATE_, PRIORITY_ DESC"),
            new Index("YJS_IDX_AUTH_RESOURCE_GRANT", "ACT_RU_AUTHORIZATION", "RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, GROUP_ID_, PERMS_"),
            new Index("YJS_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_"));

    private final boolean enabled;
    private DataSource dataSource;

    public TasklistIndexes(@Value("${yijianshi.tasklist.indexes:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.dataSource = configuration.getDataSource();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (!enabled) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (Index index : INDEXES) {
                if (exists(connection.getMetaData(), connection.getCatalog(), index)) {
                    continue;
                }
                try (Statement sql = connection.createStatement()) {
                    sql.execute("CREATE INDEX " + index.name() + " ON " + index.table() + " (" + index.columns() + ")");
                    if (!connection.getAutoCommit()) {
                        connection.commit();
                    }
                    log.info("created index {} on {} ({})", index.name(), index.table(), index.columns());
                } catch (SQLException e) {
                    log.warn("could not create index {} on {}: {}", index.name(), index.table(), e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check Tasklist's indexes", e);
        }
    }

    private static boolean exists(DatabaseMetaData meta, String catalog, Index index) throws SQLException {
        for (String table : List.of(index.table(), index.table().toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getIndexInfo(catalog, null, table, false, true)) {
                while (rs.next()) {
                    if (index.name().equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
