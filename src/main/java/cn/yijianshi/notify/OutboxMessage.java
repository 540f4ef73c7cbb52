package cn.yijianshi.notify;

import java.time.Instant;

/**
 * A message to a citizen waiting in, or sent from, the outbox.
 *
 * @param uuid           the message's own id: the gateway's Idempotency-Key on every try
 * @param templateCode   the gateway's pre-registered template, e.g. {@code SMS_ARBITRATION_SUBMITTED}
 * @param templateParams the template's parameters as a JSON object, e.g. {@code {"caseId":"...","name":"..."}}
 * @param message        the rendered text, as the citizen reads it
 */
public record OutboxMessage(Long id, String uuid, String caseId, String kind, String recipient, String message,
                            String templateCode, String templateParams, String status, int attempts,
                            Instant createdAt, Instant sentAt, Instant failedAt, String lastError) {
}
