package cn.yijianshi.oversight;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;

/**
 * Runs an engine command in the name of the hall user who acted, so Camunda's user operation log (Tasklist's
 * history tab, Cockpit) names her. Camunda's authorization check is off for the command: our own rules (who may
 * chase, reassign within the candidate group, copy) have decided already, and a coordinator holds no TASK_ASSIGN
 * grant that would let her reassign outside the group in Tasklist. Inside the caller's transaction.
 */
@Component
public class EngineAsUser {

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl engine;

    public EngineAsUser(IdentityService identityService, ProcessEngineConfigurationImpl engine) {
        this.identityService = identityService;
        this.engine = engine;
    }

    public <T> T run(String user, List<String> groups, Command<T> command) {
        Authentication before = identityService.getCurrentAuthentication();
        identityService.setAuthentication(user, groups);
        try {
            return engine.getCommandExecutorTxRequired().execute(context -> {
                context.disableAuthorizationCheck();
                try {
                    return command.execute(context);
                } finally {
                    context.enableAuthorizationCheck();
                }
            });
        } finally {
            if (before == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(before);
            }
        }
    }
}
