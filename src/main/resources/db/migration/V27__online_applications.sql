-- Issue 21: 码上办, the citizen applies online.

-- 实名认证, demo provider only (phone + SMS one-time code). Only a salted SHA-256 of each code is kept; a code lives
-- 5 minutes and allows 5 wrong tries, then it is locked. The rows also count the codes asked for per phone and per
-- client address (rate limits), on every node alike.
CREATE TABLE online_code (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  phone           VARCHAR(20)  NOT NULL,
  client_address  VARCHAR(64)  NOT NULL,
  code_salt       VARCHAR(32)  NOT NULL,
  code_hash       VARCHAR(64)  NOT NULL,
  created_at      ${datetime}  NOT NULL,
  expires_at      ${datetime}  NOT NULL,
  wrong_tries     INT          NOT NULL DEFAULT 0,
  locked_at       ${datetime},
  used_at         ${datetime}
) ${tableOptions};

CREATE INDEX ix_online_code_phone ON online_code (phone, created_at);
CREATE INDEX ix_online_code_address ON online_code (client_address, created_at);

-- The demo provider binds a verified phone to the resident ID and name the citizen typed (marked DEMO: nobody checked
-- them against 公安 or the 社保卡 register). A production provider (电子社保卡, face verification) writes its own kind.
CREATE TABLE online_identity (
  phone        VARCHAR(20)  NOT NULL PRIMARY KEY,
  id_number    VARCHAR(18)  NOT NULL,
  name         VARCHAR(100) NOT NULL,
  verified_by  VARCHAR(16)  NOT NULL,
  verified_at  ${datetime}  NOT NULL
) ${tableOptions};

-- An application made online: stored (with its facts and files) before the citizen is told it was received, then
-- pre-reviewed in the back office (网上申请预审): accepted it becomes a case (case_id), returned it says what is wrong.
CREATE TABLE online_application (
  application_id        VARCHAR(32)  NOT NULL PRIMARY KEY,
  matter                VARCHAR(32)  NOT NULL,
  status                VARCHAR(16)  NOT NULL,
  applicant_id_number   VARCHAR(18)  NOT NULL,
  applicant_name        VARCHAR(100) NOT NULL,
  applicant_phone       VARCHAR(20)  NOT NULL,
  submitted_by_id_number VARCHAR(18) NOT NULL,
  submitted_by_name     VARCHAR(100) NOT NULL,
  relation              VARCHAR(50),
  facts                 MEDIUMTEXT   NOT NULL,
  created_at            ${datetime}  NOT NULL,
  submitted_at          ${datetime},
  decided_at            ${datetime},
  decided_by            VARCHAR(64),
  return_reason         VARCHAR(500),
  case_id               VARCHAR(32),
  process_instance_id   VARCHAR(64)
) ${tableOptions};

CREATE INDEX ix_online_application_applicant ON online_application (applicant_id_number, created_at);
CREATE INDEX ix_online_application_submitter ON online_application (submitted_by_id_number, created_at);
CREATE INDEX ix_online_application_case ON online_application (case_id);

-- The files an online applicant uploaded (images, PDF: the upload policy's attachment rule), with the kind told by
-- their content. Kept in the shared database so that every node serves them.
CREATE TABLE online_material (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id  VARCHAR(32)  NOT NULL,
  material_code   VARCHAR(64)  NOT NULL,
  file_name       VARCHAR(200) NOT NULL,
  media_type      VARCHAR(64)  NOT NULL,
  size_bytes      BIGINT       NOT NULL,
  content         LONGBLOB     NOT NULL,
  uploaded_at     ${datetime}  NOT NULL
) ${tableOptions};

CREATE INDEX ix_online_material_application ON online_material (application_id);
