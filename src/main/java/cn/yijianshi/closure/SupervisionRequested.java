package cn.yijianshi.closure;

import java.time.LocalDate;

/** Published inside the transaction in which a coordinator asked the leaders to supervise an issue (领导督办). */
public record SupervisionRequested(Issue issue, String reason, LocalDate deadline) {
}
