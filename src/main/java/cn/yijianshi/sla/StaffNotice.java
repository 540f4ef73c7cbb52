package cn.yijianshi.sla;

import java.time.Instant;

/** One row of staff_notice: what the SLA clock told a group (a reminder at the warning point, an escalation at the breach). */
public record StaffNotice(long id, String groupId, String kind, String caseId, String taskId, String message, Instant createdAt) {
}
