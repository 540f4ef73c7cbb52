-- The citizen's own pages. Failed progress checks (wrong case id or ID digits) by client address, so a guesser is
-- slowed down on every node alike (> 5 a minute from one address: 429); rows older than a day are deleted as new
-- ones come.
CREATE TABLE progress_attempt (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  client_address VARCHAR(64) NOT NULL,
  case_id        VARCHAR(32),
  attempted_at   ${datetime} NOT NULL
) ${tableOptions};

CREATE INDEX ix_progress_attempt_address ON progress_attempt (client_address, attempted_at);

-- 好差评 by the person served: one-time links (/rate/{token}) sent with the 办结 notice. Only the token's SHA-256 is
-- kept, so the table alone does not let anyone rate.
CREATE TABLE rating_link (
  token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
  case_id     VARCHAR(32) NOT NULL,
  created_at  ${datetime} NOT NULL,
  expires_at  ${datetime} NOT NULL,
  used_at     ${datetime}
) ${tableOptions};

CREATE INDEX ix_rating_link_case ON rating_link (case_id);

-- After 10 failed progress checks on one case in a day, its progress needs a one-time code sent to the phone on file
-- (so a stranger guessing digits cannot lock the citizen out, nor read on). Only the code's SHA-256 is kept.
CREATE TABLE progress_code (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id     VARCHAR(32) NOT NULL,
  code_hash   VARCHAR(64) NOT NULL,
  created_at  ${datetime} NOT NULL,
  expires_at  ${datetime} NOT NULL,
  used_at     ${datetime}
) ${tableOptions};

CREATE INDEX ix_progress_code_case ON progress_code (case_id, created_at);
CREATE INDEX ix_progress_attempt_case ON progress_attempt (case_id, attempted_at);

-- 好差评 at the window: the clerk asks, the 评价器 facing the citizen (paired with the clerk's station: logged in as
-- the clerk) shows the case, the citizen taps 1-5. One rating of the window's service per request; the 办结 link
-- rates the whole case apart from it.
CREATE TABLE window_rating (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id       VARCHAR(32)  NOT NULL,
  clerk         VARCHAR(64)  NOT NULL,
  requested_at  ${datetime}  NOT NULL,
  score         INT,
  rating_comment VARCHAR(500),
  rated_at      ${datetime}
) ${tableOptions};

CREATE INDEX ix_window_rating_clerk ON window_rating (clerk, requested_at);
