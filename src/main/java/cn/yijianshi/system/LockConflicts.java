package cn.yijianshi.system;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Tells a transaction that lost a race for a lock from a real error: a deadlock, a lock wait that timed
 * out, or the engine's optimistic locking noticing a concurrent change. Such a transaction was rolled back
 * whole and may simply be run again; whatever the wrapping (Spring's translation of our own SQL, the
 * engine's own exception around its SQL).
 */
public final class LockConflicts {

    /** MySQL/MariaDB: 1213 deadlock, 1205 lock wait timeout. H2: 40001 deadlock, 50200 lock timeout. */
    private static final java.util.Set<Integer> VENDOR_CODES = java.util.Set.of(1213, 1205, 40001, 50200);

    private LockConflicts() {
    }

    public static boolean isLockConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockingFailureException || t instanceof SQLTransactionRollbackException
                    || t instanceof OptimisticLockingException) {
                return true;
            }
            if (t instanceof ProcessEngineException engine
                    && (engine.getCode() == BuiltinExceptionCode.DEADLOCK.getCode()
                        || engine.getCode() == BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode())) {
                return true;
            }
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || VENDOR_CODES.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }
}
