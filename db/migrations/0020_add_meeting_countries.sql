-- The countries a meeting concerns, once each: where it was held and every country that took part (meeting_parties:
-- a delegation or the host). What `?country=` keeps. As an OR of the meeting's own country and meeting_parties,
-- that filter could only be read by building a hash of every meeting of the country first (Niger: 222,000 at a
-- million meetings, 110 ms for any page) or by walking the list order until a rare country's meetings turned up
-- (Iceland: 0.9 s). As one table, a semi-join: the planner walks the list order for a common country and probes
-- the key, or starts from the country's meetings for a rare one (2-8 ms either way). Rewritten by every write of a
-- meeting, beside meeting_parties.
CREATE TABLE meeting_countries (
    meeting_id   uuid NOT NULL,
    country_code text NOT NULL,
    CONSTRAINT pk_meeting_countries PRIMARY KEY (meeting_id, country_code),
    CONSTRAINT fk_meeting_countries_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT fk_meeting_countries_country_code FOREIGN KEY (country_code) REFERENCES countries (code)
);

INSERT INTO meeting_countries (meeting_id, country_code)
SELECT meeting_id, country_code FROM meeting_parties
UNION
SELECT id, country_code FROM meetings WHERE country_code IS NOT NULL;

CREATE INDEX ix_meeting_countries_country_code_meeting_id ON meeting_countries (country_code, meeting_id);

-- Statistics now, not at autovacuum's next round: until then the planner guesses how many meetings a country
-- has, and walked a year of the list for Niger (276 ms instead of 10).
ANALYZE meeting_countries;
