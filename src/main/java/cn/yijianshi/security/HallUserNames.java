package cn.yijianshi.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * A hall user as messages name them: 张伟（pension1）, or the bare id for a user the identity service does not
 * know. Read without the engine's authorization check: whoever may see a task may know who holds it, even if
 * Admin grants no right to read that user.
 */
public final class HallUserNames {

    /** Users read per statement when a list names many. */
    static final int PER_READ = 500;

    private HallUserNames() {
    }

    public static String of(ProcessEngine engine, String userId) {
        if (userId == null) {
            return "";
        }
        User user = executor(engine).execute((CommandContext context) -> context.runWithoutAuthorization(
                () -> context.getReadOnlyIdentityProvider().findUserById(userId)));
        return user == null ? userId : of(user);
    }

    /** The name of a user already read (a group's members, say): no read of its own. */
    public static String of(User user) {
        // The person's name is the first name, as in the reports (王建国（expert1）); the last name holds the role.
        String name = user.getFirstName();
        return name == null || name.isBlank() ? user.getId() : name.trim() + "（" + user.getId() + "）";
    }

    /**
     * The names of the users a list shows, by id, read together (one statement for up to {@value #PER_READ}), not one
     * read per line; an id the identity service does not know names itself, null ids are left out.
     */
    public static Map<String, String> of(ProcessEngine engine, Collection<String> userIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(userIds.stream().filter(Objects::nonNull).toList()));
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        List<User> users = executor(engine).execute((CommandContext context) -> context.runWithoutAuthorization(() -> {
            List<User> found = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += PER_READ) {
                found.addAll(context.getReadOnlyIdentityProvider().createUserQuery(context)
                        .userIdIn(ids.subList(from, Math.min(ids.size(), from + PER_READ)).toArray(String[]::new)).list());
            }
            return found;
        }));
        users.forEach(user -> names.put(user.getId(), of(user)));
        ids.forEach(id -> names.putIfAbsent(id, id));
        return names;
    }

    private static CommandExecutor executor(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }
}
