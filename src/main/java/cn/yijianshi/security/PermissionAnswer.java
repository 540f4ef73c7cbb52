package cn.yijianshi.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Camunda's answer to a permission check on named resources (a claim's or a completion's "may this user work this
 * task": TASK_WORK or UPDATE on the task, or on its process definition), worked out from the grant rows of those
 * resources, read with one plain statement. Camunda builds a statement of some 150 parameters for such a check anew
 * each time through MyBatis (a third of a case's time in the JVM went there); the rows it reads and the answer are
 * the same: the order below is Camunda 7.24's {@code Authorization.xml} ({@code authCheck}, {@code
 * disjunctiveAtomicChecks}), and {@code PermissionAnswerTest} compares both answers over random grants and revokes.
 * <p>
 * For one atomic check of permission {@code p} on resource {@code r} of a type, the first that holds decides: the
 * user's grant of {@code p} on {@code r} (1), the user's revoke of it on {@code r} (0), the user's grant on
 * {@code *} (1), revoke on {@code *} (0); the same for the user's groups; the same for global authorizations;
 * otherwise the check's "not found" value (none: no answer). Revokes count only when Camunda checks revokes. A
 * disjunctive check takes the first atomic check with an answer, otherwise 0. Checks with a query parameter, nested
 * composite checks and conjunctive checks are left to Camunda.
 */
final class PermissionAnswer {

    private PermissionAnswer() {
    }

    /** One row of ACT_RU_AUTHORIZATION, as far as a check reads it. */
    record Row(int type, String userId, String groupId, int resourceType, String resourceId, Integer perms) {
        boolean on(int type, String id) {
            return resourceType == type && id.equals(resourceId);
        }

        boolean grants(int permission) {
            return perms != null && (perms & permission) == permission;
        }

        boolean revokes(int permission) {
            return perms != null && (perms & permission) != permission;
        }
    }

    /** Whether this check is one of the kinds answered here (named resources, atomic checks, any-of). */
    static boolean answers(CompositePermissionCheck check) {
        List<PermissionCheck> atomic = check.getAtomicChecks();
        if (atomic == null || atomic.isEmpty() || (check.getCompositeChecks() != null && !check.getCompositeChecks().isEmpty())) {
            return false;
        }
        if (atomic.size() > 1 && !check.isDisjunctive()) {
            return false;
        }
        return atomic.stream().allMatch(c -> c.getResourceIdQueryParam() == null && c.getResource() != null);
    }

    /** Camunda's answer: true when the user may. */
    static boolean isAuthorized(CompositePermissionCheck check, String userId, List<String> groupIds, boolean revokes) {
        return isAuthorized(check, userId, groupIds, revokes, rows(check, userId, groupIds));
    }

    /**
     * The same answer from grant rows read already: at least those of the checked resources and * for the user, the
     * groups and everyone (rows of other resources or principals are passed over).
     */
    static boolean isAuthorized(CompositePermissionCheck check, String userId, List<String> groupIds, boolean revokes,
                                List<Row> rows) {
        for (PermissionCheck atomic : check.getAtomicChecks()) {
            Long answer = answer(atomic, userId, groupIds, revokes, rows);
            if (answer != null) {
                return answer == 1L;
            }
        }
        return false;
    }

    static Long answer(PermissionCheck check, String userId, List<String> groupIds, boolean revokes, List<Row> rows) {
        Predicate<Row> user = row -> userId != null && userId.equals(row.userId());
        Long answer = answerFor(check, revokes, rows, byType(Authorization.AUTH_TYPE_GRANT, user),
                byType(Authorization.AUTH_TYPE_REVOKE, user));
        if (answer == null && groupIds != null && !groupIds.isEmpty()) {
            Predicate<Row> group = row -> row.groupId() != null && groupIds.contains(row.groupId());
            answer = answerFor(check, revokes, rows, byType(Authorization.AUTH_TYPE_GRANT, group),
                    byType(Authorization.AUTH_TYPE_REVOKE, group));
        }
        if (answer == null) {
            Predicate<Row> everyone = byType(Authorization.AUTH_TYPE_GLOBAL, row -> Authorization.ANY.equals(row.userId()));
            answer = answerFor(check, revokes, rows, everyone, everyone);
        }
        return answer != null ? answer : check.getAuthorizationNotFoundReturnValue();
    }

    private static Predicate<Row> byType(int type, Predicate<Row> whose) {
        return row -> row.type() == type && whose.test(row);
    }

    /** One principal's steps: its grant on the resource, its revoke on it, its grant on *, its revoke on *. */
    private static Long answerFor(PermissionCheck check, boolean revokes, List<Row> rows, Predicate<Row> grant,
                                  Predicate<Row> revoke) {
        int perms = check.getPerms();
        int type = check.getResourceType();
        String id = check.getResourceId();
        boolean onId = id != null && !Authorization.ANY.equals(id);
        for (String on : onId ? List.of(id, Authorization.ANY) : List.of(Authorization.ANY)) {
            if (rows.stream().anyMatch(row -> grant.test(row) && row.on(type, on) && row.grants(perms))) {
                return 1L;
            }
            if (revokes && rows.stream().anyMatch(row -> revoke.test(row) && row.on(type, on) && row.revokes(perms))) {
                return 0L;
            }
        }
        return null;
    }

    /**
     * The grant rows of the checked resources (and of *) for the user, the groups and everyone, one statement. A row
     * names a user or a group, never both: the principals are one list matched against whichever it names, which
     * can only let in more rows (a group named like the user), and {@link #answer} keeps each principal's own. The
     * same filter as an {@code OR} of a user and a group condition had MariaDB's optimizer weigh the user's and the
     * groups' indexes beside the resource's at every check: 30 µs more a check, 12 checks a case (the range over
     * the resource index is read either way).
     */
    private static List<Row> rows(CompositePermissionCheck check, String userId, List<String> groupIds) {
        Set<Integer> types = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        ids.add(Authorization.ANY);
        for (PermissionCheck atomic : check.getAtomicChecks()) {
            types.add(atomic.getResourceType());
            if (atomic.getResourceId() != null) {
                ids.add(atomic.getResourceId());
            }
        }
        List<String> groups = groupIds == null ? List.of() : groupIds;
        CommandContext command = Context.getCommandContext();
        String prefix = command.getProcessEngineConfiguration().getDatabaseTablePrefix();
        StringBuilder sql = new StringBuilder("SELECT TYPE_, USER_ID_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ FROM ")
                .append(prefix == null ? "" : prefix).append("ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ IN (")
                .append(marks(ids.size())).append(") AND RESOURCE_TYPE_ IN (").append(marks(types.size()))
                .append(") AND COALESCE(USER_ID_, GROUP_ID_) IN (").append(marks(2 + groups.size())).append(')');
        Connection connection = command.getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int i = 1;
            for (String id : ids) {
                statement.setString(i++, id);
            }
            for (Integer type : types) {
                statement.setInt(i++, type);
            }
            statement.setString(i++, userId);
            statement.setString(i++, Authorization.ANY);
            for (String group : groups) {
                statement.setString(i++, group);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    int perms = result.getInt(6);
                    rows.add(new Row(result.getInt(1), result.getString(2), result.getString(3), result.getInt(4),
                            result.getString(5), result.wasNull() ? null : perms));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new ProcessEngineException("could not read the grants for a permission check", e);
        }
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
