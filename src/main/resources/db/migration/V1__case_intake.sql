-- 一窗受理: the case record. Camunda owns its ACT_* tables; these are ours.
-- ${datetime} and ${tableOptions} are Flyway placeholders set per profile (H2 / MySQL).
CREATE TABLE hall_case (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id             VARCHAR(32)  NOT NULL,
  matter              VARCHAR(32)  NOT NULL,
  status              VARCHAR(32)  NOT NULL,
  applicant_name      VARCHAR(100) NOT NULL,
  applicant_id_number VARCHAR(18)  NOT NULL,
  applicant_gender    VARCHAR(1)   NOT NULL,
  applicant_phone     VARCHAR(20)  NOT NULL,
  channel             VARCHAR(20)  NOT NULL,
  service_point_code  VARCHAR(32)  NOT NULL,
  service_point_name  VARCHAR(100) NOT NULL,
  proxy_name          VARCHAR(100),
  proxy_id_number     VARCHAR(18),
  proxy_relation      VARCHAR(50),
  priority            VARCHAR(10)  NOT NULL,
  process_instance_id VARCHAR(64),
  idempotency_key     VARCHAR(100),
  request_digest      VARCHAR(64),
  accepted_by         VARCHAR(64)  NOT NULL,
  accepted_at         ${datetime}  NOT NULL,
  closed_at           ${datetime},
  outcome_reason      VARCHAR(500),
  rating_score        INT,
  rating_comment      VARCHAR(500),
  rated_at            ${datetime},
  CONSTRAINT uk_hall_case_case_id UNIQUE (case_id),
  CONSTRAINT uk_hall_case_idempotency UNIQUE (idempotency_key)
) ${tableOptions};

CREATE INDEX ix_hall_case_accepted ON hall_case (accepted_at);

-- Materials handed in, at intake or later as 补正.
CREATE TABLE case_material (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id     VARCHAR(32) NOT NULL,
  code        VARCHAR(64) NOT NULL,
  received_at ${datetime} NOT NULL,
  received_by VARCHAR(64) NOT NULL,
  CONSTRAINT uk_case_material UNIQUE (case_id, code)
) ${tableOptions};

-- Who did what, when: the case's timeline, shown to staff and (milestones) to the citizen.
CREATE TABLE case_timeline (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id     VARCHAR(32)  NOT NULL,
  occurred_at ${datetime}  NOT NULL,
  actor       VARCHAR(64)  NOT NULL,
  event       VARCHAR(64)  NOT NULL,
  description VARCHAR(500) NOT NULL
) ${tableOptions};

CREATE INDEX ix_case_timeline_case ON case_timeline (case_id, occurred_at);

-- Daily counters behind readable case ids (TX-20261122-000123).
CREATE TABLE case_number (
  prefix  VARCHAR(16) NOT NULL,
  hall_day VARCHAR(8) NOT NULL,
  last_no INT         NOT NULL,
  PRIMARY KEY (prefix, hall_day)
) ${tableOptions};
