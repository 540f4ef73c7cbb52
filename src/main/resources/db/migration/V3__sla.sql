-- 工作日历: public holidays (off) and 调休 make-up days (on), one row per listed day, from the State
-- Council notices. Shared by every node; an administrator loads a new year without a restart.
CREATE TABLE calendar_year (
  cal_year  INT          NOT NULL PRIMARY KEY,
  source    VARCHAR(500) NOT NULL,
  loaded_at ${datetime}  NOT NULL,
  loaded_by VARCHAR(64)  NOT NULL
) ${tableOptions};

CREATE TABLE calendar_day (
  cal_date  DATE        NOT NULL PRIMARY KEY,
  cal_year  INT         NOT NULL,
  name      VARCHAR(50) NOT NULL,
  off_day   BOOLEAN     NOT NULL
) ${tableOptions};

-- 承诺时限: one row per task (kind TASK) and per case (kind CASE). The monitor and the reports read this,
-- not Camunda's history.
CREATE TABLE sla_record (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind                VARCHAR(10)  NOT NULL,
  case_id             VARCHAR(32),
  process_instance_id VARCHAR(64),
  process_key         VARCHAR(100),
  task_id             VARCHAR(64),
  task_key            VARCHAR(100),
  task_name           VARCHAR(200),
  candidate_group     VARCHAR(64),
  assignee            VARCHAR(64),
  priority            VARCHAR(10)  NOT NULL,
  limit_text          VARCHAR(40)  NOT NULL,
  started_at          ${datetime}  NOT NULL,
  warn_at             ${datetime}  NOT NULL,
  due_at              ${datetime}  NOT NULL,
  warned_at           ${datetime},
  breached_at         ${datetime},
  paused_at           ${datetime},
  completed_at        ${datetime},
  working_minutes     BIGINT,
  state               VARCHAR(12)  NOT NULL
) ${tableOptions};

CREATE UNIQUE INDEX ux_sla_task ON sla_record (task_id);
CREATE INDEX ix_sla_state ON sla_record (state, candidate_group);
CREATE INDEX ix_sla_case ON sla_record (case_id, kind);

-- What staff were told by the SLA clock: reminders at the warning point, escalations at the breach.
CREATE TABLE staff_notice (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  group_id    VARCHAR(64)   NOT NULL,
  kind        VARCHAR(20)   NOT NULL,
  case_id     VARCHAR(32),
  task_id     VARCHAR(64),
  message     VARCHAR(1000) NOT NULL,
  created_at  ${datetime}   NOT NULL
) ${tableOptions};

CREATE INDEX ix_staff_notice_group ON staff_notice (group_id, created_at);
