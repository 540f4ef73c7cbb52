package cn.yijianshi.sla;

import java.time.Instant;

/**
 * One row of staff_notice: what the SLA clock told a group (a reminder at the warning point, an escalation at the
 * breach), or what a coordinator's 催办 told the group or, for a claimed task, its assignee ({@code userId}).
 */
public record StaffNotice(long id, String groupId, String userId, String kind, String caseId, String taskId, String message, Instant createdAt) {
}
