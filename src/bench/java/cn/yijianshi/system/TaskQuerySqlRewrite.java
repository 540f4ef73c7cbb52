package cn.yijianshi.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * A measurement, never part of the product: {@code --bench.open-tasks-sql=...} rewrites the engine's own task list
 * and task count SQL on their way to the database, so the bench can say how fast Tasklist would be if Camunda sent
 * other SQL. Installed only by the bench ({@link BenchRunner}), on the engine's MyBatis configuration; the jar's
 * normal start never adds it. The bench switches it on and off between calls ({@link #active}) so the engine's SQL
 * and the rewritten SQL are timed in turns, under the same load.
 * <ul>
 * <li>{@code no-distinct}: {@code select distinct} becomes {@code select} and {@code count(distinct RES.ID_)}
 * becomes {@code count(*)}, and the connection gets MariaDB's {@code optimizer_join_limit_pref_ratio=1} (a small
 * LIMIT may then drive the join from the ORDER BY index). Same rows only while a query names one candidate group and
 * a task has at most one candidate link to that group, as in this application's data.</li>
 * <li>{@code exists-auth}: the nested per-task {@code CASE} of {@code authorization-check-revokes: always} becomes
 * one {@code EXISTS} over the grants of the user, the user's groups and everyone, on the task, on its process
 * definition ({@code READ_TASK}) or on all (the shape of Operaton's pull request 3152 for task queries). Grants
 * only: the same answers as long as no revoke exists, which is this application's case.</li>
 * </ul>
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
public class TaskQuerySqlRewrite implements Interceptor {

    private static final Set<String> STATEMENTS = Set.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");
    private static final Pattern AUTH_CASE = Pattern.compile("AND\\s*\\(\\s*CASE\\s+WHEN\\s+RES\\.CASE_EXECUTION_ID_ is not null"
            + ".*?END\\s*\\)\\s*=\\s*1", Pattern.DOTALL);

    private final boolean noDistinct;
    private final boolean existsAuth;
    private final IdentityService identityService;
    private volatile boolean active;

    TaskQuerySqlRewrite(String modes, IdentityService identityService) {
        List<String> list = List.of(modes.split(","));
        if (!Set.of("no-distinct", "exists-auth").containsAll(list)) {
            throw new IllegalArgumentException("bench.open-tasks-sql: no-distinct, exists-auth or both, not " + modes);
        }
        this.noDistinct = list.contains("no-distinct");
        this.existsAuth = list.contains("exists-auth");
        this.identityService = identityService;
    }

    /** Whether the next task queries are rewritten. */
    void active(boolean active) {
        this.active = active;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        if (!active) {
            return invocation.proceed();
        }
        MetaObject handler = SystemMetaObject.forObject(invocation.getTarget());
        while (handler.hasGetter("h")) { // other plugins' proxies
            handler = SystemMetaObject.forObject(handler.getValue("h.target"));
        }
        MappedStatement statement = (MappedStatement) handler.getValue("delegate.mappedStatement");
        String id = statement.getId().substring(statement.getId().lastIndexOf('.') + 1);
        if (!STATEMENTS.contains(id)) {
            return invocation.proceed();
        }
        BoundSql bound = (BoundSql) handler.getValue("delegate.boundSql");
        String sql = bound.getSql();
        if (existsAuth) {
            sql = existsAuth(sql, bound.getParameterMappings());
        }
        if (noDistinct) {
            sql = sql.replaceFirst("(?i)select\\s+distinct", "select")
                    .replaceFirst("(?i)count\\(\\s*distinct\\s+RES\\.ID_\\s*\\)", "count(*)");
            try (Statement set = ((Connection) invocation.getArgs()[0]).createStatement()) {
                set.execute("SET SESSION optimizer_join_limit_pref_ratio = 1");
            } catch (SQLException e) {
                // not MariaDB 10.11.10 or later: the rewrite alone is measured
            }
        }
        SystemMetaObject.forObject(bound).setValue("sql", sql);
        return invocation.proceed();
    }

    private String existsAuth(String sql, List<ParameterMapping> mappings) {
        Matcher matcher = AUTH_CASE.matcher(sql);
        if (!matcher.find()) {
            return sql;
        }
        int before = count(sql.substring(0, matcher.start()));
        int inside = count(matcher.group());
        mappings.subList(before, before + inside).clear();
        Authentication who = identityService.getCurrentAuthentication();
        String groups = who.getGroupIds() == null || who.getGroupIds().isEmpty() ? "NULL"
                : who.getGroupIds().stream().map(TaskQuerySqlRewrite::literal).collect(Collectors.joining(", "));
        String grantee = "A.TYPE_ < 2 AND (A.USER_ID_ IN (" + literal(who.getUserId()) + ", '*') OR A.GROUP_ID_ IN (" + groups + "))";
        String exists = "AND (RES.CASE_EXECUTION_ID_ IS NOT NULL"
                + " OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE " + grantee
                + " AND A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2 AND A.RESOURCE_ID_ = RES.ID_)"
                + " OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE " + grantee
                + " AND A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64 AND A.RESOURCE_ID_ = D.KEY_)"
                + " OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE " + grantee
                + " AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2) OR (A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64))"
                + " AND A.RESOURCE_ID_ = '*'))";
        return sql.substring(0, matcher.start()) + exists + sql.substring(matcher.end());
    }

    private static int count(String sql) {
        return (int) sql.chars().filter(c -> c == '?').count();
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
