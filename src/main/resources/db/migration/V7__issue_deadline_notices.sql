-- When the responsible department was reminded on an issue's last day (整改时限) and when the
-- coordinators were told it was overdue: each once, whichever node gets there first.
ALTER TABLE issue ADD deadline_warned_at ${datetime};
ALTER TABLE issue ADD deadline_escalated_at ${datetime};
