-- A real SMS gateway and more than one node (issue 15).
-- Chinese SMS gateways send pre-registered, signed templates: each message keeps its template code and
-- the parameters (JSON) beside the rendered text. message_uuid is the message's own id, sent as the
-- gateway's Idempotency-Key on every try, so a repeat after a crash can be dropped by the gateway.
-- claimed_by / lease_until: the relay node holding the message while it delivers it; a claim whose
-- lease has run out (the node died) is taken over by another node. next_attempt_at: exponential back-off
-- after a gateway or network failure. failed_at: when the message was given up (refused by the gateway,
-- or out of tries); coordinators see those on /sla.
ALTER TABLE notification_outbox ADD message_uuid CHAR(36);
ALTER TABLE notification_outbox ADD template_code VARCHAR(60);
ALTER TABLE notification_outbox ADD template_params VARCHAR(2000);
ALTER TABLE notification_outbox ADD claimed_by VARCHAR(100);
ALTER TABLE notification_outbox ADD lease_until ${datetime};
ALTER TABLE notification_outbox ADD next_attempt_at ${datetime};
ALTER TABLE notification_outbox ADD failed_at ${datetime};

-- Messages written before: their kind is their template, their case or referral number their parameter.
UPDATE notification_outbox SET message_uuid = UUID(), template_code = CONCAT('SMS_', kind),
    template_params = CONCAT('{"caseId":"', case_id, '"}'), next_attempt_at = created_at;

UPDATE notification_outbox SET failed_at = created_at WHERE status = 'FAILED';

-- The column stays nullable (H2 and MySQL share no syntax to tighten it afterwards); every insert sets it.
CREATE UNIQUE INDEX ux_outbox_message_uuid ON notification_outbox (message_uuid);
CREATE INDEX ix_outbox_failed ON notification_outbox (status, failed_at);
