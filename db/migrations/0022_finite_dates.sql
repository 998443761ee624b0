-- No infinite date is stored. Npgsql writes DateOnly's first and last day (0001-01-01, 9999-12-31) as -infinity and
-- infinity, and before the API held stored dates to the years 1000-2999 such a date could come in: an agreement or a
-- source dated so was kept as -infinity or infinity (a meeting was not: its period arithmetic failed, and the write
-- with it). Those dates are repaired as unknown (NULL, with the precision), without an entry in the change log: no
-- client could have read them as dates.
UPDATE agreements SET date = NULL, date_precision = NULL WHERE NOT isfinite(date);
UPDATE sources SET published_on = NULL WHERE NOT isfinite(published_on);

ALTER TABLE agreements ADD CONSTRAINT ck_agreements_date_finite CHECK (isfinite(date));
ALTER TABLE sources ADD CONSTRAINT ck_sources_published_on_finite CHECK (isfinite(published_on));
ALTER TABLE meetings ADD CONSTRAINT ck_meetings_start_date_finite CHECK (isfinite(start_date));
ALTER TABLE meetings ADD CONSTRAINT ck_meetings_end_date_finite CHECK (isfinite(end_date));
