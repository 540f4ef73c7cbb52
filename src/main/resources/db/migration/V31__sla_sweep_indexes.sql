-- The SLA sweep (sla/SlaSweep) finds the open steps whose warning point or due date has come and that were not
-- yet told, in instant order: one range read each, however many open and finished records the table holds.
CREATE INDEX ix_sla_sweep_warn ON sla_record (completed_at, kind, warned_at, warn_at);
CREATE INDEX ix_sla_sweep_due ON sla_record (completed_at, kind, breached_at, due_at);
