-- 实时告知: every message to a citizen is stored here first, in the same transaction as the step that
-- caused it, and sent afterwards by the relay; a crash between the two loses nothing.
CREATE TABLE notification_outbox (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id      VARCHAR(32)   NOT NULL,
  kind         VARCHAR(40)   NOT NULL,
  recipient    VARCHAR(20)   NOT NULL,
  message      VARCHAR(2000) NOT NULL,
  status       VARCHAR(10)   NOT NULL,
  attempts     INT           NOT NULL,
  created_at   ${datetime}   NOT NULL,
  sent_at      ${datetime},
  last_error   VARCHAR(500)
) ${tableOptions};

CREATE INDEX ix_outbox_status ON notification_outbox (status, id);
CREATE INDEX ix_outbox_case ON notification_outbox (case_id, id);
