package cn.yijianshi.system;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * A variable set again to the value it had when this command read it: a form submits every field it shows, so each
 * completion in Tasklist sets again what the person left as it was. Camunda then reads the variable's history row
 * (ACT_HI_VARINST, one round trip each) to update it, and finds nothing to write: its type, value and place are the
 * same. The hall's history level asks this first and produces no update for such a variable, so nothing is read;
 * the history row is the same as it would have been.
 * <p>
 * The same value again means: the variable was read from the database in this command (not created in it), its
 * history row has not been read in it (an earlier write of this command changed the value, and may be undone by
 * this one), it holds no byte array (an object or file whose bytes change keeps its byte array's id), and everything
 * Camunda writes of it, but the count of its writes, is as it was read (serializer, texts, number values, execution,
 * task and scope).
 */
final class SameValueAgain {

    /** Camunda keeps what it read of a row ({@code copy}, its persistent state then) but offers no getter for it. */
    private static final VarHandle READ_STATE;
    /** The one part of a variable's persistent state that every write changes. */
    private static final String WRITES_COUNTED = "sequenceCounter";
    private static final String BYTE_ARRAY = "byteArrayValueId";

    static {
        try {
            READ_STATE = MethodHandles.privateLookupIn(CachedDbEntity.class, MethodHandles.lookup())
                    .findVarHandle(CachedDbEntity.class, "copy", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SameValueAgain() {
    }

    static boolean isSameValueAgain(VariableInstanceEntity variable) {
        CommandContext command = Context.getCommandContext();
        if (command == null || variable.getId() == null || variable.getByteArrayValueId() != null) {
            return false;
        }
        var entities = command.getDbEntityManager();
        if (entities.getCachedEntity(HistoricVariableInstanceEntity.class, variable.getId()) != null) {
            return false;
        }
        CachedDbEntity cached = entities.getDbEntityCache().getCachedEntity(variable);
        if (cached == null || cached.getEntityState() != DbEntityState.PERSISTENT
                || !(READ_STATE.get(cached) instanceof Map<?, ?> asRead) || asRead.get(BYTE_ARRAY) != null
                || !(variable.getPersistentState() instanceof Map<?, ?> now)) {
            return false;
        }
        return withoutWritesCounted(asRead).equals(withoutWritesCounted(now));
    }

    private static Map<?, ?> withoutWritesCounted(Map<?, ?> state) {
        Map<Object, Object> rest = new HashMap<>(state);
        rest.remove(WRITES_COUNTED);
        return rest;
    }
}
