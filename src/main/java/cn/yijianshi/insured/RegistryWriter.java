package cn.yijianshi.insured;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

import org.apache.ibatis.session.SqlSessionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one batch of the registry import: one multi-row upsert by ID number ({@code INSERT … ON DUPLICATE KEY UPDATE}
 * on MySQL/MariaDB, {@code MERGE … KEY} on H2). Plain JDBC on purpose: the statement for a full batch is built once
 * (about 27 KB of SQL, so Connector/J's statement cache keeps it prepared), and its 12,000 parameters are set straight
 * from the records; MyBatis's {@code foreach} evaluated each of them by reflection and cost about a third of the import.
 *
 * <p>A row identical to the one stored is left as it is (MySQL skips an update that changes nothing, so such a row
 * costs a key lookup, not a write): {@code imported_at} is when the row last changed, not when it was last seen.
 */
@Component
class RegistryWriter {

    private static final String COLUMNS = "id_number, name, gender, original_age, contribution_months, "
            + "contribution_status, phone, service_point_code, birth_date, statutory_month, min_contribution_months, imported_at";
    private static final int PARAMETERS = 12;
    /** The columns compared to tell a changed row; {@code imported_at} follows them only when one differs. */
    private static final List<String> CONTENT = List.of("name", "gender", "original_age", "contribution_months",
            "contribution_status", "phone", "service_point_code", "birth_date", "statutory_month", "min_contribution_months");

    private final JdbcTemplate jdbc;
    private final boolean mysql;
    private String fullBatch;

    RegistryWriter(JdbcTemplate jdbc, SqlSessionFactory sessions) {
        this.jdbc = jdbc;
        this.mysql = "mysql".equals(sessions.getConfiguration().getDatabaseId());
    }

    void upsert(List<InsuredPerson> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(sql(rows.size()), (PreparedStatement statement) -> bind(statement, rows));
    }

    private String sql(int rows) {
        if (rows == InsuredImport.BATCH) {
            if (fullBatch == null) {
                fullBatch = build(rows);
            }
            return fullBatch;
        }
        return build(rows);
    }

    private String build(int rows) {
        StringBuilder sql = new StringBuilder(rows * 26 + 1024);
        sql.append(mysql ? "INSERT INTO insured_person (" : "MERGE INTO insured_person (").append(COLUMNS).append(')');
        if (!mysql) {
            sql.append(" KEY (id_number)");
        }
        sql.append(" VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(?" : ",(?").append(",?".repeat(PARAMETERS - 1)).append(')');
        }
        if (mysql) {
            // imported_at first: it compares the stored values before the other assignments replace them.
            sql.append(" ON DUPLICATE KEY UPDATE imported_at = IF(");
            for (int i = 0; i < CONTENT.size(); i++) {
                String column = CONTENT.get(i);
                sql.append(i == 0 ? "" : " AND ").append(column).append(" <=> VALUES(").append(column).append(')');
            }
            sql.append(", imported_at, VALUES(imported_at))");
            for (String column : CONTENT) {
                sql.append(", ").append(column).append(" = VALUES(").append(column).append(')');
            }
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement statement, List<InsuredPerson> rows) throws SQLException {
        int p = 1;
        for (InsuredPerson r : rows) {
            statement.setString(p++, r.idNumber());
            statement.setString(p++, r.name());
            statement.setString(p++, r.gender());
            statement.setString(p++, r.originalAge());
            statement.setInt(p++, r.contributionMonths());
            statement.setString(p++, r.contributionStatus());
            setNullable(statement, p++, r.phone());
            setNullable(statement, p++, r.servicePointCode());
            statement.setObject(p++, r.birthDate());
            statement.setObject(p++, r.statutoryMonth());
            statement.setInt(p++, r.minContributionMonths());
            statement.setTimestamp(p++, Timestamp.from(r.importedAt()));
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
