package cn.yijianshi.intake;

import java.time.Instant;

/** One line of a case's timeline: who did what, when. */
public record TimelineEntry(Instant occurredAt, String actor, String event, String description) {
}
