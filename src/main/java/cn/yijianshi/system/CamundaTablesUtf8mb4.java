package cn.yijianshi.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Camunda creates its MySQL tables as utf8 (3 bytes), which cannot hold rare characters in citizens'
 * names (生僻字 such as 𠮷, CJK Extension B and beyond). Right after the engine has created its schema,
 * tables not yet in utf8mb4 are converted once; utf8mb4_bin keeps Camunda's case-sensitive comparisons.
 * MariaDB refuses to change a column's charset under a foreign key even with the checks off, so the
 * foreign keys among those tables are dropped for the conversion and recreated as they were.
 */
@Component
@Profile("mysql")
public class CamundaTablesUtf8mb4 extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CamundaTablesUtf8mb4.class);

    private record ForeignKey(String table, String name, List<String> columns, String referencedTable,
                              List<String> referencedColumns, String onDelete, String onUpdate) {

        String addSql() {
            return "ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(name) + " FOREIGN KEY (" + list(columns)
                    + ") REFERENCES " + quote(referencedTable) + " (" + list(referencedColumns) + ") ON DELETE "
                    + onDelete + " ON UPDATE " + onUpdate;
        }
    }

    private DataSource dataSource;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.dataSource = configuration.getDataSource();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE() AND UPPER(table_name) LIKE 'ACT\\_%' "
                    + "AND table_collation NOT LIKE 'utf8mb4%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (tables.isEmpty()) {
                return;
            }
            List<ForeignKey> foreignKeys = camundaForeignKeys(sql);
            for (ForeignKey fk : foreignKeys) {
                sql.execute("ALTER TABLE " + quote(fk.table()) + " DROP FOREIGN KEY " + quote(fk.name()));
            }
            for (String table : tables) {
                sql.execute("ALTER TABLE " + quote(table) + " CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
            for (ForeignKey fk : foreignKeys) {
                sql.execute(fk.addSql());
            }
            log.info("converted {} Camunda tables to utf8mb4 ({} foreign keys recreated)", tables.size(), foreignKeys.size());
        } catch (SQLException e) {
            throw new IllegalStateException("could not convert Camunda's tables to utf8mb4", e);
        }
    }

    private static List<ForeignKey> camundaForeignKeys(Statement sql) throws SQLException {
        Map<String, ForeignKey> keys = new LinkedHashMap<>();
        try (ResultSet rs = sql.executeQuery("SELECT k.table_name, k.constraint_name, k.column_name, "
                + "k.referenced_table_name, k.referenced_column_name, r.delete_rule, r.update_rule "
                + "FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints r "
                + "ON r.constraint_schema = k.table_schema AND r.constraint_name = k.constraint_name AND r.table_name = k.table_name "
                + "WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL "
                + "AND UPPER(k.table_name) LIKE 'ACT\\_%' ORDER BY k.table_name, k.constraint_name, k.ordinal_position")) {
            while (rs.next()) {
                String id = rs.getString(1) + "." + rs.getString(2);
                ForeignKey key = keys.computeIfAbsent(id, k -> {
                    try {
                        return new ForeignKey(rs.getString(1), rs.getString(2), new ArrayList<>(), rs.getString(4),
                                new ArrayList<>(), rs.getString(6), rs.getString(7));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                key.columns().add(rs.getString(3));
                key.referencedColumns().add(rs.getString(5));
            }
        }
        return new ArrayList<>(keys.values());
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "") + "`";
    }

    private static String list(List<String> columns) {
        return String.join(", ", columns.stream().map(CamundaTablesUtf8mb4::quote).toList());
    }
}
