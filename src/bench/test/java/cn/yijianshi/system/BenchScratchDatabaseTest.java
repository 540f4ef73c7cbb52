package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The bench never runs against a production MySQL database: it would leave demo users with known passwords. */
class BenchScratchDatabaseTest {

    @Test
    void inMemoryH2IsAlwaysAllowed() {
        assertThat(Bench.scratchDatabaseProblem(new String[] {"--bench.cases=10"}, Map.of())).isNull();
    }

    @Test
    void theProductionDefaultDatabaseIsRefused() {
        String problem = Bench.scratchDatabaseProblem(new String[] {"--bench.cases=10", "--spring.profiles.active=mysql"}, Map.of());
        assertThat(problem).contains("临时库", "scratch database", "YIJIANSHI_DB_URL");
        assertThat(Bench.scratchDatabaseProblem(new String[] {"--bench.cases=10"}, Map.of("SPRING_PROFILES_ACTIVE", "mysql",
                "YIJIANSHI_DB_URL", "jdbc:mysql://db:3306/yijianshi?sendFractionalSeconds=false"))).contains("yijianshi");
    }

    @Test
    void aScratchDatabaseNamedAsSuchIsAllowed() {
        assertThat(Bench.scratchDatabaseProblem(new String[] {"--spring.profiles.active=mysql"},
                Map.of("YIJIANSHI_DB_URL", "jdbc:mysql://127.0.0.1:3306/yjs_bench?useCursorFetch=true"))).isNull();
        assertThat(Bench.scratchDatabaseProblem(new String[] {"--spring.profiles.active=mysql",
                "--spring.datasource.url=jdbc:mysql://127.0.0.1/hall_scratch"}, Map.of())).isNull();
    }
}
