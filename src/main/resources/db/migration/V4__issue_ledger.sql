-- 问题清单: every problem raised, tracked until formally closed (一对一销号), with its full history.
CREATE TABLE issue (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  issue_id            VARCHAR(32)   NOT NULL,
  source              VARCHAR(20)   NOT NULL,
  case_id             VARCHAR(32),
  category            VARCHAR(20)   NOT NULL,
  description         VARCHAR(2000) NOT NULL,
  raised_by           VARCHAR(64)   NOT NULL,
  raised_at           ${datetime}   NOT NULL,
  responsible_dept    VARCHAR(64)   NOT NULL,
  responsible_person  VARCHAR(64),
  deadline            DATE          NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  resolution          VARCHAR(2000),
  evidence            VARCHAR(1000),
  callback_result     VARCHAR(1000),
  referred_to         VARCHAR(200),
  closed_by           VARCHAR(64),
  closed_at           ${datetime},
  reopen_count        INT           NOT NULL,
  process_instance_id VARCHAR(64),
  CONSTRAINT uk_issue_issue_id UNIQUE (issue_id)
) ${tableOptions};

CREATE INDEX ix_issue_status ON issue (status, responsible_dept);
CREATE INDEX ix_issue_case ON issue (case_id);

CREATE TABLE issue_history (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  issue_id    VARCHAR(32)   NOT NULL,
  occurred_at ${datetime}   NOT NULL,
  actor       VARCHAR(64)   NOT NULL,
  action      VARCHAR(40)   NOT NULL,
  from_status VARCHAR(20),
  to_status   VARCHAR(20),
  note        VARCHAR(2000)
) ${tableOptions};

CREATE INDEX ix_issue_history ON issue_history (issue_id, id);
