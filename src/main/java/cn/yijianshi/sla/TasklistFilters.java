package cn.yijianshi.sla;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import cn.yijianshi.security.HallGroup;
import cn.yijianshi.security.IdentityStartup;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist filters for each group, created at start: 待办, 即将超时 (past the follow-up date), 已超时 (past
 * the due date), all sorted by due date then priority; and 我的待办 for everyone. Each group sees its own.
 */
@Component
@Order(4)
public class TasklistFilters implements IdentityStartup {

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final cn.yijianshi.catalog.Departments departments;

    public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
                           cn.yijianshi.catalog.Departments departments) {
        this.departments = departments;
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    public void run() {
        Filter mine = ensure("我的待办", -10, "分配给我的任务，按到期日排序",
                sorted(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
        for (HallGroup role : HallGroup.values()) {
            if (role != HallGroup.ADMIN) {
                grantRead(mine, role.id());
            }
        }
        for (String group : departments.workingGroups()) {
            grantRead(mine, group);
        }
        int order = 0;
        for (String group : departments.workingGroups()) {
            String name = departments.groupName(group);
            grantRead(ensure(name + "·待办", order++, name + "组待认领和办理中的任务",
                    sorted(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks())), group);
            grantRead(ensure(name + "·即将超时", order++, "已过提醒点、尚未到期",
                    sorted(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
                            .followUpBeforeExpression("${now()}").dueAfterExpression("${now()}"))), group);
            grantRead(ensure(name + "·已超时", order++, "已超过承诺时限",
                    sorted(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
                            .dueBeforeExpression("${now()}"))), group);
        }
    }

    private static TaskQuery sorted(TaskQuery query) {
        return query.orderByDueDate().asc().orderByTaskPriority().desc();
    }

    /** What Tasklist shows on each task card besides its name: the case, its matter and the applicant. */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", "caseId", "label", "办件编号"),
            Map.of("name", "matterName", "label", "事项"),
            Map.of("name", "applicantName", "label", "申请人"));

    private Filter ensure(String name, int priority, String description, TaskQuery query) {
        Map<String, Object> properties = Map.of("priority", priority, "description", description, "refresh", true,
                "variables", CARD_VARIABLES);
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            if (!CARD_VARIABLES.equals(existing.getProperties().get("variables"))) {
                // Filters made before the catalog show no matter on their cards: add it, keep the rest.
                Map<String, Object> updated = new java.util.HashMap<>(existing.getProperties());
                updated.put("variables", CARD_VARIABLES);
                existing.setProperties(updated);
                return filters.saveFilter(existing);
            }
            return existing;
        }
        Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
        return filters.saveFilter(filter);
    }

    private void grantRead(Filter filter, String group) {
        if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER)
                .resourceId(filter.getId()).count() > 0) {
            return;
        }
        Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }
}
