package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The server's CPU between two samples: each thread's growth, a thread connected meanwhile whole, unknown as unknown. */
class DatabaseServerCpuTest {

    @Test
    void addsEachThreadsGrowthAndANewThreadWhole() {
        Map<Long, Long> before = Map.of(11L, 5_000_000L, 12L, 1_000_000L);
        Map<Long, Long> after = Map.of(11L, 7_500_000L, 12L, 1_000_000L, 13L, 500_000L);

        assertThat(DatabaseServerCpu.millisBetween(before, after)).isEqualTo(3.0);
    }

    @Test
    void anUnknownSampleGivesNoFigure() {
        assertThat(DatabaseServerCpu.millisBetween(Map.of(), Map.of(11L, 1L))).isNull();
        assertThat(DatabaseServerCpu.millisBetween(Map.of(11L, 1L), Map.of())).isNull();
    }
}
