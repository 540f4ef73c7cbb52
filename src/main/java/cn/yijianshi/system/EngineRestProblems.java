package cn.yijianshi.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.yijianshi.security.HallUserNames;
import cn.yijianshi.security.NotTheAssignee;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * What the engine's REST APIs (/engine-rest, and /camunda/api/engine behind Tasklist and Cockpit) answer when a
 * task is held by someone else or the database was busy. They keep Camunda's error shape {@code {type, message,
 * code}}, which Tasklist and Cockpit read, and add {@code messageZh} and {@code messageEn}; {@code message}
 * carries both, Chinese first, since it is what Tasklist shows the hall's people.
 *
 * <ul>
 *   <li>claiming a task another user holds: 409, naming the holder (Camunda: 500 TaskAlreadyClaimedException);</li>
 *   <li>completing a task another user holds ({@link NotTheAssignee}): 403, naming the assignee;</li>
 *   <li>a value a form step refuses ({@link RefusedFormValue}): 400 naming the field;</li>
 *   <li>a deadlock or lock wait ({@link LockConflicts}): 503 with Retry-After; nothing was saved.</li>
 * </ul>
 * Every other error goes to Camunda's own handlers unchanged: the mappers for Camunda's broad types
 * ({@link ProcessEngineException}, {@link RestException}, which wraps what a completion throws) take only these
 * cases ({@link ExtendedExceptionMapper#isMappable}) and are ranked before Camunda's ({@link Priority}).
 */
public final class EngineRestProblems {

    /** The mappers, for {@link EngineRestConfig} and {@link WebappEngineApi}. */
    public static final Set<Class<?>> MAPPERS = Set.of(ClaimedByAnother.class, RefusedByEngine.class, RefusedByRest.class);

    private EngineRestProblems() {
    }

    @Priority(Priorities.USER - 1000)
    public static class ClaimedByAnother implements ExceptionMapper<TaskAlreadyClaimedException> {
        @Override
        public Response toResponse(TaskAlreadyClaimedException e) {
            String holder = HallUserNames.of(EngineUtil.lookupProcessEngine(null), e.getTaskAssignee());
            return problem(Response.Status.CONFLICT, e,
                    "任务已由" + holder + "认领，不能再认领；请联系办理人，或请值班主任转办",
                    "Task " + e.getTaskId() + " is already claimed by " + holder
                            + "; ask the assignee, or a coordinator to reassign it");
        }
    }

    @Priority(Priorities.USER - 1000)
    public static class RefusedByEngine implements ExtendedExceptionMapper<ProcessEngineException> {
        @Override
        public boolean isMappable(ProcessEngineException e) {
            return ours(e);
        }

        @Override
        public Response toResponse(ProcessEngineException e) {
            return respond(e);
        }
    }

    @Priority(Priorities.USER - 1000)
    public static class RefusedByRest implements ExtendedExceptionMapper<RestException> {
        @Override
        public boolean isMappable(RestException e) {
            return ours(e);
        }

        @Override
        public Response toResponse(RestException e) {
            return respond(e);
        }
    }

    static boolean ours(Throwable e) {
        return notTheAssignee(e) != null || cause(e, RefusedFormValue.class) != null || LockConflicts.isLockConflict(e);
    }

    static Response respond(Throwable e) {
        NotTheAssignee refused = notTheAssignee(e);
        if (refused != null) {
            return problem(Response.Status.FORBIDDEN, refused, refused.messageZh(), refused.getMessage());
        }
        RefusedFormValue value = cause(e, RefusedFormValue.class);
        if (value != null) {
            Response bad = problem(Response.Status.BAD_REQUEST, value, value.messageZh(), value.messageEn());
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) bad.getEntity();
            body.put("field", value.field());
            return bad;
        }
        Response busy = problem(Response.Status.SERVICE_UNAVAILABLE, e,
                "系统繁忙（多人同时办理，数据库锁冲突），本次操作未保存，请稍后重试",
                "busy (lock conflict with concurrent requests): nothing was saved, please try again");
        return Response.fromResponse(busy).header("Retry-After", "1").build();
    }

    private static NotTheAssignee notTheAssignee(Throwable e) {
        return cause(e, NotTheAssignee.class);
    }

    /** The first exception of that type in the chain of causes: the engine wraps what a step throws. */
    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Response problem(Response.Status status, Throwable e, String zh, String en) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", e.getClass().getSimpleName());
        body.put("message", zh + " / " + en);
        body.put("messageZh", zh);
        body.put("messageEn", en);
        body.put("code", e instanceof ProcessEngineException engine ? engine.getCode() : null);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
