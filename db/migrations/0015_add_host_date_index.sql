-- Meetings hosted by a country over a span of dates (?host=NER&from=…&to=…), in list order, from one range of one
-- index instead of a BitmapAnd of the host index and the date index and a sort (bench/compare.sh: the filtered list).
-- It serves `host` alone too, so the host index it starts with goes.
CREATE INDEX ix_meetings_host_country_code_start_date_id ON meetings (host_country_code, start_date, id);
DROP INDEX ix_meetings_host_country_code;
