package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A lock conflict is run again a bounded number of times; one that still reaches the API is a 503 in Chinese and English. */
class LockConflictAnswersTest {

    @RestController
    static class BusyDesk {
        @PostMapping("/api/deadlock")
        void deadlock() {
            throw new DeadlockLoserDataAccessException("Deadlock found when trying to get lock", new SQLException("deadlock", "40001", 1213));
        }

        /** What the engine throws around MariaDB's lock wait timeout. */
        @PostMapping("/api/engine-lock-wait")
        void engineLockWait() {
            throw new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
                    new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205));
        }

        @PostMapping("/api/other")
        void other() {
            throw new DataIntegrityViolationException("a real error");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new BusyDesk())
            .setControllerAdvice(new ApiProblemResponses()).build();

    @Test
    void aDeadlockThatReachesTheApiIsA503InChineseAndEnglishWithRetryAfter() throws Exception {
        for (String path : new String[] {"/api/deadlock", "/api/engine-lock-wait"}) {
            mvc.perform(post(path)).andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("本次提交未保存")))
                    .andExpect(jsonPath("$.messageEn").value(org.hamcrest.Matchers.containsString("nothing was saved")));
        }
    }

    /** The same over the engine's REST APIs, in Camunda's shape: completing a task the engine could not lock. */
    @Test
    void aDeadlockInTheEngineRestApiIsA503InCamundasShapeWithTheChineseBeside() {
        var deadlock = new org.camunda.bpm.engine.rest.exception.RestException(jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("ENGINE-03004", new SQLException("Deadlock found", "40001", 1213)), "Cannot complete task");
        assertThat(new EngineRestProblems.RefusedByRest().isMappable(deadlock)).isTrue();
        var answer = new EngineRestProblems.RefusedByRest().toResponse(deadlock);
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
        @SuppressWarnings("unchecked")
        var body = (java.util.Map<String, Object>) answer.getEntity();
        assertThat(body).containsEntry("type", "RestException")
                .containsKeys("message", "messageZh", "messageEn");
        assertThat(new EngineRestProblems.RefusedByRest().isMappable(new org.camunda.bpm.engine.rest.exception.RestException("other")))
                .isFalse();
    }

    @Test
    void otherDatabaseErrorsAreNotDressedUpAsBusy() {
        assertThatThrownBy(() -> mvc.perform(post("/api/other"))).hasRootCauseInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aTransactionThatLostALockRaceRunsAgainAtMostThreeTimes() {
        AtomicInteger attempts = new AtomicInteger();
        String done = new LockConflictRetry().run("test", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new CannotAcquireLockException("lock wait timeout");
            }
            return "done";
        });
        assertThat(done).isEqualTo("done");
        assertThat(attempts).hasValue(3);

        AtomicInteger always = new AtomicInteger();
        assertThatThrownBy(() -> new LockConflictRetry().run("test", () -> {
            always.incrementAndGet();
            throw new DeadlockLoserDataAccessException("deadlock", null);
        })).isInstanceOf(DeadlockLoserDataAccessException.class);
        assertThat(always).hasValue(LockConflictRetry.ATTEMPTS);

        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> new LockConflictRetry().run("test", () -> {
            once.incrementAndGet();
            throw new DataIntegrityViolationException("not a lock");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(once).hasValue(1);
    }
}
