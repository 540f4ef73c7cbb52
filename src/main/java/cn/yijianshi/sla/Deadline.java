package cn.yijianshi.sla;

import java.time.Instant;
import java.util.List;

/** When a step started, when its warning comes, when it is due, and who hears about it. */
public record Deadline(Instant start, Instant warnAt, Instant dueAt, SlaLimit limit, List<String> warnTo,
                       List<String> escalateTo) {
}
