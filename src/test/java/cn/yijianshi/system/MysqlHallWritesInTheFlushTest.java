package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import cn.yijianshi.intake.TimelineEntry;
import cn.yijianshi.intake.TimelineMapper;
import cn.yijianshi.sla.SlaMapper;
import cn.yijianshi.sla.SlaState;
import org.assertj.core.util.Throwables;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On MariaDB, the hall's rows a step writes inside an engine command go with the command's own rows in its flush
 * ({@link HallWritesInTheFlush}): not sent at once, sent in the flush's one round trip, read back by the hall when it
 * asks, refused by the database as they would have been at once (the command fails, nothing of it stays), and
 * written at once outside a command.
 */
@MysqlHallTest
class MysqlHallWritesInTheFlushTest {

    private static final Instant AT = Instant.parse("2026-03-02T01:30:00Z");

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TimelineMapper timeline;
    @Autowired
    SlaMapper sla;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    private final String caseId = "HW-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void nothingLeftWaiting() {
        assertThat(HallWritesInTheFlush.waiting()).as("rows left waiting on this thread").isZero();
        inTransaction(() -> jdbc.update("DELETE FROM ACT_GE_PROPERTY WHERE NAME_ LIKE ?", caseId + "%"));
    }

    @Test
    void aStepsRowsWaitForTheCommandsFlushAndGoInItsOneRoundTrip() throws Exception {
        inTransaction(() -> jdbc.update("INSERT INTO sla_record (kind, case_id, task_id, task_name, priority, limit_text, "
                + "started_at, warn_at, due_at, state) VALUES ('TASK', ?, ?, '审核', 'NORMAL', '1个工作日', ?, ?, ?, 'ON_TRACK')",
                caseId, caseId + "-task", java.sql.Timestamp.from(AT), java.sql.Timestamp.from(AT.plusSeconds(3600)),
                java.sql.Timestamp.from(AT.plusSeconds(7200))));
        long flushes = flushesInOneRoundTrip();
        long wentBack = ServerCounters.flushesSentAgain(dataSource);

        run(context -> {
            timeline.insert(caseId, entry("登记", "窗口受理"));
            sla.finishTask(caseId + "-task", SlaState.DONE, AT.plusSeconds(60), 1, "window1");
            timeline.insert(caseId, entry("审核", "O'Brien 说：\"可以\"; -- 不是注释\n'); drop table case_timeline; --"));
            assertThat(HallWritesInTheFlush.waiting()).as("rows waiting for the flush").isEqualTo(3);
            assertThat(timelineRows(caseId)).as("not sent yet, even on the command's own connection").isZero();
            context.getDbEntityManager().insert(new PropertyEntity(caseId + ".a", "1"));
            context.getDbEntityManager().insert(new PropertyEntity(caseId + ".b", "2"));
            return null;
        });

        assertThat(flushesInOneRoundTrip() - flushes).as("the engine's rows and the hall's in one round trip").isEqualTo(1);
        assertThat(ServerCounters.flushesSentAgain(dataSource)).as("not sent again statement by statement").isEqualTo(wentBack);
        assertThat(jdbc.queryForList("SELECT description FROM case_timeline WHERE case_id = ? ORDER BY id", String.class, caseId))
                .containsExactly("窗口受理", "O'Brien 说：\"可以\"; -- 不是注释\n'); drop table case_timeline; --");
        assertThat(jdbc.queryForMap("SELECT state, working_minutes, assignee FROM sla_record WHERE task_id = ?", caseId + "-task"))
                .containsEntry("state", "DONE").containsEntry("working_minutes", 1L).containsEntry("assignee", "window1");
        assertThat(propertiesNamed(caseId)).isEqualTo(2);
    }

    @Test
    void aValueWrittenToEndTheStatementAndStartAnotherIsKeptAsText() {
        String injected = caseId + "-X";
        String sly = "x'); INSERT INTO case_timeline (case_id, occurred_at, actor, event, description) VALUES ('" + injected
                + "', NOW(), 'a', 'b', 'c'); -- \\' \\\\'";
        for (int engineRows : List.of(4, 0)) { // in the flush's round trip; and before the commit, on its own
            run(context -> {
                timeline.insert(caseId, entry("登记", sly));
                for (int i = 0; i < engineRows; i++) {
                    context.getDbEntityManager().insert(new PropertyEntity(caseId + "." + engineRows + "." + i, "1"));
                }
                return null;
            });
        }
        assertThat(jdbc.queryForList("SELECT description FROM case_timeline WHERE case_id = ?", String.class, caseId))
                .containsExactly(sly, sly);
        assertThat(timelineRows(injected)).isZero();
    }

    @Test
    void theHallReadsWhatItWroteBeforeTheFlush() {
        run(context -> {
            timeline.insert(caseId, entry("登记", "窗口受理"));
            assertThat(timeline.forCase(caseId)).extracting(TimelineEntry::description).containsExactly("窗口受理");
            assertThat(HallWritesInTheFlush.waiting()).as("sent before the read").isZero();
            return null;
        });
        assertThat(timeline.forCase(caseId)).hasSize(1);
    }

    @Test
    void rowsOfACommandWithNothingOfItsOwnToWriteAreWrittenBeforeItCommits() {
        run(context -> {
            timeline.insert(caseId, entry("登记", "窗口受理"));
            return null;
        });
        assertThat(timeline.forCase(caseId)).hasSize(1);
    }

    @Test
    void aRowTheDatabaseRefusesFailsTheCommandAndNothingOfItStays() {
        for (int engineRows : List.of(1, 4)) { // Camunda's way, and in one round trip
            String prefix = caseId + "-" + engineRows;
            assertThatThrownBy(() -> run(context -> {
                for (int i = 0; i < engineRows; i++) {
                    context.getDbEntityManager().insert(new PropertyEntity(prefix + "." + i, "1"));
                }
                timeline.insert(prefix, entry("登记", "窗口受理"));
                timeline.insert(prefix, new TimelineEntry(AT, null, "审核", "no actor"));
                return null;
            })).satisfies(e -> assertThat(Throwables.getRootCause(e)).hasMessageContaining("actor"));
            assertThat(timelineRows(prefix)).isZero();
            assertThat(propertiesNamed(prefix)).isZero();
        }
    }

    @Test
    void aCommandThatFailsLeavesNothingWaitingAndNothingWritten() {
        assertThatThrownBy(() -> run(context -> {
            timeline.insert(caseId, entry("登记", "窗口受理"));
            throw new IllegalStateException("the step failed");
        })).hasMessage("the step failed");
        assertThat(timeline.forCase(caseId)).isEmpty();
    }

    @Test
    void outsideACommandTheRowIsWrittenAtOnce() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            timeline.insert(caseId, entry("登记", "窗口受理"));
            assertThat(HallWritesInTheFlush.waiting()).isZero();
            assertThat(timelineRows(caseId)).isEqualTo(1);
        });
    }

    /** The pool's connections come with autocommit off: a bare JdbcTemplate write needs a transaction. */
    private void inTransaction(Runnable write) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> write.run());
    }

    private void run(Command<Void> command) {
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(command);
    }

    /** The case's timeline rows, as this thread's transaction (if any) sees them. */
    private long timelineRows(String caseId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_timeline WHERE case_id = ?", Long.class, caseId);
    }

    /** The engine properties whose names start with {@code prefix}. */
    private long propertiesNamed(String prefix) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_GE_PROPERTY WHERE NAME_ LIKE ?", Long.class, prefix + "%");
    }

    private static TimelineEntry entry(String event, String description) {
        return new TimelineEntry(AT, "window1", event, description);
    }

    private long flushesInOneRoundTrip() throws Exception {
        return ServerCounters.flushesInOneRoundTrip(dataSource);
    }
}
