package cn.yijianshi.system;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a whole transaction again when it lost a race for a lock ({@link LockConflicts}), at most three
 * times, after a short random pause, so that the clerk at the window never has to. Only for a transaction
 * that starts inside the call and writes nothing outside the database (its rollback undid everything):
 * called inside a transaction that is already running, it runs once, since that transaction is lost
 * anyway. What still fails is answered 503 by {@link ApiProblemResponses}.
 */
@Component
public class LockConflictRetry {

    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(LockConflictRetry.class);

    public <T> T run(String what, Supplier<T> transaction) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !LockConflicts.isLockConflict(e)) {
                    throw e;
                }
                log.warn("{}: lock conflict on attempt {} of {}, running it again: {}", what, attempt, ATTEMPTS, e.toString());
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100) * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
