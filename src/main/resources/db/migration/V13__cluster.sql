-- Several nodes on one database (issue 15).

-- ShedLock's lock rows: periodic work (deadline watches, SLA gauges, expired sessions) runs on one node
-- at a time. Layout as ShedLock's JdbcTemplateLockProvider expects it; times are the database's own (UTC).
CREATE TABLE shedlock (
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  lock_until ${datetime}  NOT NULL,
  locked_at  ${datetime}  NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
) ${tableOptions};

-- The working calendar's version: raised in the same transaction as a holiday notice is stored, read by
-- every node before it computes a due date, so a notice loaded on one node counts on all at once.
CREATE TABLE calendar_version (
  id      INT    NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL
) ${tableOptions};
INSERT INTO calendar_version (id, version) VALUES (1, 0);

-- Facts every node must agree on, written by the first node that starts (the zone times are stored in).
CREATE TABLE cluster_setting (
  name          VARCHAR(64)  NOT NULL PRIMARY KEY,
  setting_value VARCHAR(200) NOT NULL,
  written_by    VARCHAR(200) NOT NULL
) ${tableOptions};

-- yijianshi_sla_open_tasks as last counted by one node, the counter: it keeps counting while it is alive
-- (counted_at, its own clock in epoch milliseconds, renewed every refresh), another node takes over when
-- it has not counted for a while. Only the counter exposes the gauge, so Prometheus never adds two nodes'
-- counts of the same tasks.
CREATE TABLE sla_gauge_counter (
  id         INT          NOT NULL PRIMARY KEY,
  node       VARCHAR(200) NOT NULL,
  counted_at BIGINT       NOT NULL
) ${tableOptions};
INSERT INTO sla_gauge_counter (id, node, counted_at) VALUES (1, '-', 0);

CREATE TABLE sla_gauge_count (
  group_id   VARCHAR(64) NOT NULL,
  sla_state  VARCHAR(20) NOT NULL,
  open_tasks INT         NOT NULL,
  PRIMARY KEY (group_id, sla_state)
) ${tableOptions};
