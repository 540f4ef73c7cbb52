package cn.yijianshi.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks tests that need the real MySQL/MariaDB at 127.0.0.1:3306 (database yijianshi_test, or the one
 * named by -Dyijianshi.mysql-db, so that two checkouts on one machine do not share a database).
 * They run with -Dyijianshi.mysql-tests=true (as .ci/run does) and then fail loudly without a database;
 * otherwise they are skipped and say so on the console. They run in Maven's second test execution, in a JVM of
 * their own, selected by their tag.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MysqlTests.Switch.class)
@Tag(MysqlTests.TAG)
public @interface MysqlTests {

    /** The tag Maven's two test executions select by (the MySQL one runs only these, the H2 one never), even with -Dtest. */
    String TAG = "mysql";

    String URL = "jdbc:mysql://127.0.0.1:3306/${yijianshi.mysql-db:yijianshi_test}?characterEncoding=UTF-8&useUnicode=true"
            + "&sendFractionalSeconds=false&nullCatalogMeansCurrent=true&connectionCollation=utf8mb4_unicode_ci&useCursorFetch=true";

    class Switch implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Boolean.getBoolean("yijianshi.mysql-tests")) {
                return ConditionEvaluationResult.enabled("MySQL tests switched on");
            }
            if (context.getTestMethod().isEmpty()) {
                System.out.println("[MySQL] SKIPPED " + context.getDisplayName()
                        + ": MySQL-profile tests are off; run `mvn -B verify -Dyijianshi.mysql-tests=true` "
                        + "with MariaDB/MySQL at 127.0.0.1:3306 (as .ci/run does)");
            }
            return ConditionEvaluationResult.disabled("MySQL-profile tests skipped (-Dyijianshi.mysql-tests=true to run)");
        }
    }
}
