-- The longest a meeting lasts (period_end - start_date), read from this index in an instant, bounds a
-- date filter's scan of (start_date, id) from below: a meeting ending on or after `from` cannot start
-- earlier than `from` minus that span. Without it a date range walks every meeting since the first one.
CREATE INDEX ix_meetings_span ON meetings ((period_end - start_date));
