package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.intake.TimelineEntry;
import cn.yijianshi.intake.TimelineMapper;
import org.apache.ibatis.session.SqlSessionFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link HallWritesInTheFlush} on H2: nothing waits (the engine's flush is Camunda's own there), and the statements
 * marked to wait on MySQL are ones whose callers take nothing back.
 */
@HallIntegrationTest
class HallWritesInTheFlushTest {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TimelineMapper timeline;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SqlSessionFactory hallSessions;

    @Test
    void onH2AStepsRowIsWrittenAtOnceInsideACommand() {
        String caseId = "HW-H2-" + System.nanoTime() % 1_000_000;
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    timeline.insert(caseId, new TimelineEntry(Instant.parse("2026-03-02T01:30:00Z"), "window1", "登记", "窗口受理"));
                    assertThat(HallWritesInTheFlush.waiting()).isZero();
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_timeline WHERE case_id = ?", Long.class, caseId))
                            .isEqualTo(1);
                    return null;
                });
    }

    @Test
    void everyStatementMarkedToWaitReturnsNothing() {
        List<Method> marked = hallSessions.getConfiguration().getMapperRegistry().getMappers().stream()
                .flatMap(mapper -> Arrays.stream(mapper.getMethods()))
                .filter(m -> m.isAnnotationPresent(WrittenWithTheCommand.class)).toList();
        assertThat(marked).extracting(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName())
                .contains("TimelineMapper.insert", "SlaMapper.insert", "SlaMapper.finishTask", "OutboxMapper.insert");
        assertThat(marked).allSatisfy(m -> assertThat(m.getReturnType()).as("%s", m).isEqualTo(void.class));
    }
}
