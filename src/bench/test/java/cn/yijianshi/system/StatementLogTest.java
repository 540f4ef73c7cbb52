package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import org.junit.jupiter.api.Test;

/** The bench counts what the database runs: each statement of a flush sent in one round trip, the text one trip. */
class StatementLogTest {

    @Test
    void aFlushSentInOneRoundTripCountsEachOfItsStatements() {
        StatementLog log = new StatementLog();
        StatementLog.begin();
        log.beforeQuery(new ExecutionInfo(), List.of());
        // a value's newline is sent escaped (backslash, n): it does not end a statement
        log.afterQuery(new ExecutionInfo(), List.of(new QueryInfo("SAVEPOINT yjs_flush;\n"
                + "insert into ACT_HI_OP_LOG (ID_, NOTE_) values ('a', '第一行;\\n第二行');\n"
                + "update ACT_RU_TASK SET REV_ = 2 where ID_ = 'x' and REV_ = 1")));
        log.beforeQuery(new ExecutionInfo(), List.of());
        log.afterQuery(new ExecutionInfo(), List.of(new QueryInfo("select * from ACT_RU_TASK where ID_ = ?")));
        StatementLog.Counts counts = StatementLog.end();

        assertThat(counts.statements()).isEqualTo(4);
        assertThat(counts.roundTrips()).isEqualTo(2);
        assertThat(counts.byStatement()).containsEntry("INSERT ACT_HI_OP_LOG", 1).containsEntry("UPDATE ACT_RU_TASK", 1)
                .containsEntry("SELECT ACT_RU_TASK", 1).containsKey("SAVEPOINT yjs_flush");
    }

    @Test
    void statementsOfOneKindWithDifferentValuesAreRememberedOnce() {
        assertThat(StatementLog.beforeValues("update ACT_RU_TASK SET REV_ = 2, NAME_ = 'a' where ID_ = 'x'"))
                .isEqualTo(StatementLog.beforeValues("update ACT_RU_TASK SET REV_ = 3, NAME_ = 'b' where ID_ = 'y'"))
                .isEqualTo("update ACT_RU_TASK SET REV_ ");
        assertThat(StatementLog.beforeValues("insert into ACT_HI_DETAIL (ID_) values ('1')")).isEqualTo("insert into ACT_HI_DETAIL ");
    }
}
