-- The working time a whole case waited for the citizen (一次性告知 until the supplement): it does not
-- count against the promise, so the time used excludes it.
ALTER TABLE sla_record ADD paused_minutes BIGINT DEFAULT 0 NOT NULL;
