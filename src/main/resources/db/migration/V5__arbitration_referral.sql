-- 仲裁转介: labour disputes the hall prepares and hands to the arbitration commission, followed to the award.
CREATE TABLE arbitration_referral (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  referral_id          VARCHAR(32)   NOT NULL,
  applicant_name       VARCHAR(100),
  applicant_id_number  VARCHAR(18),
  applicant_phone      VARCHAR(20),
  employer_name        VARCHAR(200),
  employer_credit_code VARCHAR(18),
  claims               VARCHAR(2000),
  dispute_date         DATE,
  mediation            BOOLEAN       NOT NULL,
  status               VARCHAR(20)   NOT NULL,
  limitation_warning   VARCHAR(500),
  issue_id             VARCHAR(32),
  case_id              VARCHAR(32),
  process_instance_id  VARCHAR(64),
  created_by           VARCHAR(64)   NOT NULL,
  created_at           ${datetime}   NOT NULL,
  mediation_deadline   DATE,
  submitted_date       DATE,
  acceptance_deadline  DATE,
  accepted_date        DATE,
  award_deadline       DATE,
  extended             BOOLEAN       NOT NULL,
  outcome              VARCHAR(40),
  CONSTRAINT uk_arbitration_referral UNIQUE (referral_id)
) ${tableOptions};

CREATE TABLE arbitration_event (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  referral_id VARCHAR(32)   NOT NULL,
  event_type  VARCHAR(20)   NOT NULL,
  event_date  DATE          NOT NULL,
  note        VARCHAR(1000),
  recorded_by VARCHAR(64)   NOT NULL,
  recorded_at ${datetime}   NOT NULL
) ${tableOptions};

CREATE INDEX ix_arbitration_event ON arbitration_event (referral_id, id);
