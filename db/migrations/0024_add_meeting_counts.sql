-- How many meetings began in each month, by format and status: what the unfiltered stats by month, year, format and
-- status read, instead of counting a million meetings on each request. Kept by every meeting write (create, change,
-- delete) in its transaction, under the change log's lock (writes take it one at a time anyway), so a count row is
-- never a second queue. A row whose count has fallen to 0 stays.
CREATE TABLE meeting_counts (
    month  date   NOT NULL,
    format text   NOT NULL,
    status text   NOT NULL,
    count  bigint NOT NULL,
    CONSTRAINT pk_meeting_counts PRIMARY KEY (month, format, status),
    CONSTRAINT ck_meeting_counts_count CHECK (count >= 0)
);

INSERT INTO meeting_counts (month, format, status, count)
SELECT date_trunc('month', start_date)::date, format, status, count(*)
FROM meetings
GROUP BY 1, 2, 3;

ANALYZE meeting_counts;
