package cn.yijianshi.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * A hall user as messages name them: 张伟（pension1）, or the bare id for a user the identity service does not
 * know. Read without the engine's authorization check: whoever may see a task may know who holds it, even if
 * Admin grants no right to read that user.
 */
public final class HallUserNames {

    private HallUserNames() {
    }

    public static String of(ProcessEngine engine, String userId) {
        if (userId == null) {
            return "";
        }
        var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        User user = executor.execute((CommandContext context) -> context.runWithoutAuthorization(
                () -> context.getReadOnlyIdentityProvider().findUserById(userId)));
        if (user == null) {
            return userId;
        }
        // The person's name is the first name, as in the reports (王建国（expert1）); the last name holds the role.
        String name = user.getFirstName();
        return name == null || name.isBlank() ? userId : name.trim() + "（" + userId + "）";
    }
}
