-- 问题清单 evidence and supervision (issue 20).
-- Attachments (scans of 告知书, photos, PDFs) are kept in the shared database, so every node serves them; at most
-- 10 MB each (upload rule "attachment"). LONGBLOB: MariaDB's BLOB holds only 64 KB; H2 takes the name as a BLOB.
CREATE TABLE issue_attachment (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  issue_id     VARCHAR(32)   NOT NULL,
  file_name    VARCHAR(200)  NOT NULL,
  media_type   VARCHAR(100)  NOT NULL,
  size_bytes   BIGINT        NOT NULL,
  content      LONGBLOB      NOT NULL,
  uploaded_by  VARCHAR(64)   NOT NULL,
  uploaded_at  ${datetime}   NOT NULL
) ${tableOptions};

CREATE INDEX ix_issue_attachment ON issue_attachment (issue_id, id);

-- 回访记录: who called the citizen, when, and what the citizen answered; one row per call-back.
CREATE TABLE issue_callback (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  issue_id     VARCHAR(32)   NOT NULL,
  called_by    VARCHAR(64)   NOT NULL,
  called_at    ${datetime}   NOT NULL,
  answer       VARCHAR(1000) NOT NULL,
  satisfied    BOOLEAN       NOT NULL,
  recorded_by  VARCHAR(64)   NOT NULL,
  recorded_at  ${datetime}   NOT NULL
) ${tableOptions};

CREATE INDEX ix_issue_callback ON issue_callback (issue_id, id);

-- 领导督办 on demand: a coordinator's request (reason, deadline) and the leader's 批示.
CREATE TABLE issue_supervision (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  issue_id       VARCHAR(32)   NOT NULL,
  reason         VARCHAR(1000) NOT NULL,
  deadline       DATE          NOT NULL,
  requested_by   VARCHAR(64)   NOT NULL,
  requested_at   ${datetime}   NOT NULL,
  instructions   VARCHAR(2000),
  instructed_by  VARCHAR(64),
  instructed_at  ${datetime}
) ${tableOptions};

CREATE INDEX ix_issue_supervision ON issue_supervision (issue_id, id);

-- The list sorts and filters by deadline and by the day raised; the weekly analysis counts by the day raised.
CREATE INDEX ix_issue_deadline ON issue (deadline);
CREATE INDEX ix_issue_raised ON issue (raised_at);
