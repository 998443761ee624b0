-- A list from a date (?from=…, alone or with ?host=…) keeps the meetings that end on or after it, in start-date
-- order. Its scan of the (start_date, id) indexes starts as far before `from` as the longest meeting lasts (0011) and
-- fetched every meeting of that stretch from the table only to read its end: at a million meetings, with a meeting
-- of a year in the data, the host + year list read twice the rows it kept (27 ms). With the end as a last key
-- column the index itself says which rows end too early, and only the rows kept are fetched. The order the
-- indexes give is unchanged (id is unique), so sorting by date still reads them as before.
CREATE INDEX ix_meetings_start_date_id_period_end ON meetings (start_date, id, period_end);
DROP INDEX ix_meetings_start_date_id;
CREATE INDEX ix_meetings_host_country_code_start_date_id_period_end ON meetings (host_country_code, start_date, id, period_end);
DROP INDEX ix_meetings_host_country_code_start_date_id;
