-- 催办 / 转办 / 抄送 on open tasks: one row per action, for the once-an-hour rule, the case timeline's
-- source of truth and the chase counts in 时限达标. Camunda's user operation log has its own entries.
CREATE TABLE task_action (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  task_id         VARCHAR(64)   NOT NULL,
  case_id         VARCHAR(32),
  task_name       VARCHAR(200),
  candidate_group VARCHAR(64),
  action          VARCHAR(16)   NOT NULL,
  actor           VARCHAR(64)   NOT NULL,
  target          VARCHAR(64),
  message         VARCHAR(1000),
  acted_at        ${datetime}   NOT NULL
) ${tableOptions};

CREATE INDEX ix_task_action_task ON task_action (task_id, action, acted_at);
CREATE INDEX ix_task_action_report ON task_action (action, acted_at, candidate_group);

-- 抄送: who was copied on which task. Kept here, never as a Camunda identity link (that would grant
-- TASK_WORK: a copied colleague could claim and complete the task).
CREATE TABLE task_copy (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  task_id     VARCHAR(64)  NOT NULL,
  case_id     VARCHAR(32),
  task_name   VARCHAR(200),
  user_id     VARCHAR(64)  NOT NULL,
  copied_by   VARCHAR(64)  NOT NULL,
  copied_at   ${datetime}  NOT NULL
) ${tableOptions};

CREATE UNIQUE INDEX ux_task_copy ON task_copy (task_id, user_id);
CREATE INDEX ix_task_copy_user ON task_copy (user_id, copied_at);

-- A staff notice addressed to one person (a chase of a claimed task) rather than to the whole group.
ALTER TABLE staff_notice ADD user_id VARCHAR(64);
