package cn.yijianshi.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The points typed on stored cases before the registry (V16): registered, one per code, to be checked by an
 * administrator, so that intake at them keeps working.
 */
class ServicePointsMigrationTest {

    @Test
    void pointsTypedOnStoredCasesAreRegisteredForReview() {
        SingleConnectionDataSource db = new SingleConnectionDataSource("jdbc:h2:mem:points-migration;DB_CLOSE_DELAY=-1", "sa", "", true);
        try {
            flyway(db, "15").migrate();
            JdbcTemplate jdbc = new JdbcTemplate(db);
            typedCase(jdbc, "TX-20250301-000001", "SP-001", "丰台区人社服务大厅");
            typedCase(jdbc, "TX-20250301-000002", "SP-001", "丰台区人社服务大厅");
            typedCase(jdbc, "TX-20250302-000001", "OLD-7", "老城区第七窗口");

            flyway(db, null).migrate();

            List<Map<String, Object>> points = jdbc.queryForList(
                    "SELECT code, name, point_level, path, matters_listed, active, needs_review FROM service_point ORDER BY code");
            assertThat(points).hasSize(2);
            assertThat(points.get(0)).containsEntry("CODE", "OLD-7").containsEntry("NAME", "老城区第七窗口")
                    .containsEntry("POINT_LEVEL", "DISTRICT").containsEntry("PATH", "/OLD-7/")
                    .containsEntry("MATTERS_LISTED", false).containsEntry("ACTIVE", true).containsEntry("NEEDS_REVIEW", true);
            assertThat(points.get(1)).containsEntry("CODE", "SP-001").containsEntry("NEEDS_REVIEW", true);
        } finally {
            new JdbcTemplate(db).execute("DROP ALL OBJECTS");
            db.destroy();
        }
    }

    private static Flyway flyway(SingleConnectionDataSource db, String target) {
        var config = Flyway.configure().dataSource(db).locations("classpath:db/migration").table("yjs_flyway_history")
                .placeholders(Map.of("datetime", "TIMESTAMP(3)", "tableOptions", "", "modifyColumn", "ALTER COLUMN"));
        return (target == null ? config : config.target(target)).load();
    }

    private static void typedCase(JdbcTemplate jdbc, String caseId, String pointCode, String pointName) {
        jdbc.update("INSERT INTO hall_case (case_id, matter, status, applicant_name, applicant_id_number, applicant_gender,"
                + " applicant_phone, channel, service_point_code, service_point_name, priority, accepted_by, accepted_at)"
                + " VALUES (?, 'RETIREMENT', 'ACCEPTED', '张三', '11010119600307123X', 'M', '13800138000', 'WINDOW', ?, ?,"
                + " 'NORMAL', 'window1', CURRENT_TIMESTAMP)", caseId, pointCode, pointName);
    }
}
