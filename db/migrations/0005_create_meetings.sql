-- A meeting's dates carry a precision: 'month' means only the month is known and the date is its
-- first day; 'year' means only the year is known and the date is 1 January.
CREATE TABLE meetings (
    id                   uuid PRIMARY KEY,
    title_en             text,
    title_ar             text,
    summary_en           text,
    summary_ar           text,
    start_date           date NOT NULL,
    start_date_precision text NOT NULL,
    end_date             date,
    end_date_precision   text,
    status               text NOT NULL,
    format               text NOT NULL,
    city_en              text,
    city_ar              text,
    country_code         text,
    latitude             double precision,
    longitude            double precision,
    host_country_code    text,
    parent_meeting_id    uuid,
    -- The last day the meeting can have run to, given its precision: what date filters compare with.
    period_end date GENERATED ALWAYS AS (
        CASE coalesce(end_date_precision, start_date_precision)
            WHEN 'day' THEN coalesce(end_date, start_date)
            WHEN 'month' THEN (coalesce(end_date, start_date) + interval '1 month' - interval '1 day')::date
            ELSE (coalesce(end_date, start_date) + interval '1 year' - interval '1 day')::date
        END) STORED,
    CONSTRAINT ck_meetings_title CHECK (title_en IS NOT NULL OR title_ar IS NOT NULL),
    CONSTRAINT ck_meetings_title_en CHECK (length(title_en) BETWEEN 1 AND 300),
    CONSTRAINT ck_meetings_title_ar CHECK (length(title_ar) BETWEEN 1 AND 300),
    CONSTRAINT ck_meetings_summary_en CHECK (length(summary_en) <= 4000),
    CONSTRAINT ck_meetings_summary_ar CHECK (length(summary_ar) <= 4000),
    CONSTRAINT ck_meetings_start_date_precision CHECK (start_date_precision IN ('day', 'month', 'year')),
    CONSTRAINT ck_meetings_end_date_precision CHECK (end_date_precision IN ('day', 'month', 'year')),
    CONSTRAINT ck_meetings_end_date_has_precision CHECK ((end_date IS NULL) = (end_date_precision IS NULL)),
    CONSTRAINT ck_meetings_start_date_matches_precision CHECK (
        start_date_precision = 'day'
        OR (start_date_precision = 'month' AND extract(day FROM start_date) = 1)
        OR (start_date_precision = 'year' AND extract(day FROM start_date) = 1 AND extract(month FROM start_date) = 1)),
    CONSTRAINT ck_meetings_end_date_matches_precision CHECK (
        end_date_precision IS NULL OR end_date_precision = 'day'
        OR (end_date_precision = 'month' AND extract(day FROM end_date) = 1)
        OR (end_date_precision = 'year' AND extract(day FROM end_date) = 1 AND extract(month FROM end_date) = 1)),
    CONSTRAINT ck_meetings_date_order CHECK (end_date IS NULL OR end_date >= start_date),
    CONSTRAINT ck_meetings_status CHECK (status IN ('planned', 'held', 'cancelled', 'unknown')),
    CONSTRAINT ck_meetings_format CHECK (format IN ('bilateral', 'multilateral', 'roundtable', 'summit',
        'visit', 'call', 'conference', 'other')),
    CONSTRAINT ck_meetings_city_en CHECK (length(city_en) BETWEEN 1 AND 200),
    CONSTRAINT ck_meetings_city_ar CHECK (length(city_ar) BETWEEN 1 AND 200),
    CONSTRAINT ck_meetings_latitude CHECK (latitude BETWEEN -90 AND 90),
    CONSTRAINT ck_meetings_longitude CHECK (longitude BETWEEN -180 AND 180),
    CONSTRAINT ck_meetings_coordinates CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CONSTRAINT ck_meetings_parent CHECK (parent_meeting_id <> id),
    CONSTRAINT fk_meetings_country_code FOREIGN KEY (country_code) REFERENCES countries (code),
    CONSTRAINT fk_meetings_host_country_code FOREIGN KEY (host_country_code) REFERENCES countries (code),
    CONSTRAINT fk_meetings_parent_meeting_id FOREIGN KEY (parent_meeting_id) REFERENCES meetings (id)
);
-- Lists are ordered by (start_date, id); date filters compare start_date and period_end.
CREATE INDEX ix_meetings_start_date_id ON meetings (start_date, id);
CREATE INDEX ix_meetings_period_end ON meetings (period_end);
CREATE INDEX ix_meetings_status_start_date_id ON meetings (status, start_date, id);
CREATE INDEX ix_meetings_country_code ON meetings (country_code);
CREATE INDEX ix_meetings_host_country_code ON meetings (host_country_code);
CREATE INDEX ix_meetings_parent_meeting_id ON meetings (parent_meeting_id);

CREATE TABLE meeting_topics (
    meeting_id uuid NOT NULL,
    topic_id   uuid NOT NULL,
    CONSTRAINT pk_meeting_topics PRIMARY KEY (meeting_id, topic_id),
    CONSTRAINT fk_meeting_topics_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT fk_meeting_topics_topic_id FOREIGN KEY (topic_id) REFERENCES topics (id)
);
CREATE INDEX ix_meeting_topics_topic_id ON meeting_topics (topic_id);

CREATE TABLE meeting_sources (
    meeting_id uuid NOT NULL,
    source_id  uuid NOT NULL,
    CONSTRAINT pk_meeting_sources PRIMARY KEY (meeting_id, source_id),
    CONSTRAINT fk_meeting_sources_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT fk_meeting_sources_source_id FOREIGN KEY (source_id) REFERENCES sources (id)
);
CREATE INDEX ix_meeting_sources_source_id ON meeting_sources (source_id);
