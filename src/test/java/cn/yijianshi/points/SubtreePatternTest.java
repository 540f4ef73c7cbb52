package cn.yijianshi.points;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Codes typed before the registry may hold LIKE's own characters: a subtree never takes in a stranger's points. */
class SubtreePatternTest {

    @Test
    void underscoresAndPercentSignsInAPathAreTakenLiterally() {
        assertThat(ServicePointRegistry.subtree("/OLD_7/")).isEqualTo("/OLD\\_7/%");
        assertThat(ServicePointRegistry.subtree("/A%B/C\\D/")).isEqualTo("/A\\%B/C\\\\D/%");
        assertThat(ServicePointRegistry.subtree("/CQ/CQ-BN/")).isEqualTo("/CQ/CQ-BN/%");
    }
}
