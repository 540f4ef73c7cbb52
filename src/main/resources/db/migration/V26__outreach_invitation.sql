-- Issue 21: 政策找人. One invitation (邀约) per person and statutory month: the unique key is what makes a second
-- scan (or a second node) invite nobody twice. It keeps what the citizen was told (the month, the minimum
-- contribution and whether it is reached, the materials needed) and, once confirmed, the case it started.
CREATE TABLE outreach_invitation (
  id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
  invitation_id           VARCHAR(32)  NOT NULL,
  id_number               VARCHAR(18)  NOT NULL,
  name                    VARCHAR(100) NOT NULL,
  phone                   VARCHAR(20),
  service_point_code      VARCHAR(32),
  statutory_month         DATE         NOT NULL,
  min_contribution_months INT          NOT NULL,
  contribution_months     INT          NOT NULL,
  reaches_minimum         BOOLEAN      NOT NULL,
  months_lacking          INT          NOT NULL,
  materials               VARCHAR(500) NOT NULL,
  status                  VARCHAR(16)  NOT NULL,
  invited_at              ${datetime}  NOT NULL,
  expires_on              DATE         NOT NULL,
  call_process_id         VARCHAR(64),
  call_outcome            VARCHAR(16),
  confirmed_at            ${datetime},
  confirmed_by            VARCHAR(64),
  confirmed_channel       VARCHAR(20),
  case_id                 VARCHAR(32),
  CONSTRAINT uk_invitation_id UNIQUE (invitation_id),
  CONSTRAINT uk_invitation_person_month UNIQUE (id_number, statutory_month)
) ${tableOptions};

CREATE INDEX ix_invitation_point ON outreach_invitation (service_point_code, status, statutory_month);
CREATE INDEX ix_invitation_invited ON outreach_invitation (invited_at);

-- "No open case": the scan asks for a person's retirement cases by ID number.
CREATE INDEX ix_hall_case_applicant ON hall_case (applicant_id_number);
