-- Two lists a whole export of meetings sends with each one, kept on the meeting's own row: the countries of its
-- delegations (distinct, in code order) and its topics (their ids, in id order; the export sends their codes, read
-- once per export). Read per row with a subquery each, they were 14 of the 17 seconds PostgreSQL took to send the CSV
-- of a million meetings (bench/README "Exports"). The API's meeting writes set them in the statement that writes the
-- row (delegations and topics are written only with their meeting); no document, list or filter reads them.
ALTER TABLE meetings
    ADD COLUMN delegation_countries text[] NOT NULL DEFAULT '{}',
    ADD COLUMN topic_ids uuid[] NOT NULL DEFAULT '{}';

-- The documents kept (0025) do not show these lists: filling them changes no document, so the trigger that drops a
-- changed meeting's kept documents stays out of it. The table is locked until this migration commits, so no other
-- write can slip through while it is off.
ALTER TABLE meetings DISABLE TRIGGER tr_meetings_kept_update;
UPDATE meetings m
SET delegation_countries = ARRAY(SELECT DISTINCT d.country_code FROM delegations d
                                 WHERE d.meeting_id = m.id AND d.country_code IS NOT NULL ORDER BY 1),
    topic_ids = ARRAY(SELECT mt.topic_id FROM meeting_topics mt WHERE mt.meeting_id = m.id ORDER BY 1);
ALTER TABLE meetings ENABLE TRIGGER tr_meetings_kept_update;
