package cn.yijianshi.notify;

import java.time.Instant;

/** A message to a citizen waiting in, or sent from, the outbox. */
public record OutboxMessage(Long id, String caseId, String kind, String recipient, String message, String status,
                            int attempts, Instant createdAt, Instant sentAt) {
}
