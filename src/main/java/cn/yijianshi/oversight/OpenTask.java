package cn.yijianshi.oversight;

import java.util.List;

/**
 * An open task as the hall's actions on it see it: its case, name, candidate groups (the first is the department
 * that answers for it), candidate users and assignee.
 */
public record OpenTask(String taskId, String processInstanceId, String caseId, String name, List<String> groups,
                       List<String> candidateUsers, String assignee) {

    /** The department (candidate group) the task belongs to, for notices, reports and the timeline. */
    public String group() {
        return groups.isEmpty() ? null : groups.get(0);
    }

    /** Who works on it: its assignee, or anyone of its candidates. */
    public boolean performedBy(String user, List<String> userGroups) {
        return user.equals(assignee) || candidateUsers.contains(user) || groups.stream().anyMatch(userGroups::contains);
    }
}
