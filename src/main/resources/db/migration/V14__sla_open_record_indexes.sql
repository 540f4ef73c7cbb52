-- The SLA monitor counts every open record in SQL (SlaMapper.openCounts): the open rows by kind and group,
-- with every column the state as of now is computed from, so the count reads this index alone, however
-- many finished records the table holds.
CREATE INDEX ix_sla_open_counts ON sla_record (completed_at, kind, candidate_group, state, due_at, warn_at,
  breached_at, warned_at, assignee);

-- The earliest-due open steps (the monitor's list, /api/sla/tasks): read in due order, no sort.
CREATE INDEX ix_sla_open_due ON sla_record (completed_at, kind, due_at, id);
