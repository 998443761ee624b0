-- Search that works in Arabic and English. fold() is what both sides of a comparison go through: Arabic
-- diacritics (harakat U+064B–U+0652, superscript alef U+0670) and tatweel (U+0640) removed; أ إ آ ٱ → ا;
-- ى → ي; ة → ه; ؤ → و; ئ → ي; Latin accents removed (unaccent) and case folded. pg_trgm then matches
-- what is left, tolerating small spelling differences, through GIN indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could change); naming the dictionary makes the result fixed,
-- which indexes need.
CREATE FUNCTION fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(unaccent('unaccent'::regdictionary,
        translate(regexp_replace(value, '[\u064B-\u0652\u0670\u0640]', '', 'g'), 'أإآٱىةؤئ', 'اااايهوي')));

-- Everything a meeting is known by: titles, summaries, places, countries, topics, the people in its
-- delegations under every alias, and the organisations they represent; folded.
CREATE FUNCTION meeting_document(meeting uuid) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (
        SELECT fold(concat_ws(' ',
            m.title_en, m.title_ar, m.summary_en, m.summary_ar, m.city_en, m.city_ar,
            (SELECT string_agg(concat_ws(' ', c.name_en, c.name_ar), ' ')
             FROM countries c WHERE c.code IN (m.country_code, m.host_country_code)),
            (SELECT string_agg(concat_ws(' ', t.code, t.label_en, t.label_ar), ' ')
             FROM meeting_topics mt JOIN topics t ON t.id = mt.topic_id WHERE mt.meeting_id = m.id),
            (SELECT string_agg(concat_ws(' ', c.name_en, c.name_ar, o.name_en, o.name_ar, o.abbreviation), ' ')
             FROM delegations d
             LEFT JOIN countries c ON c.code = d.country_code
             LEFT JOIN organizations o ON o.id = d.organization_id
             WHERE d.meeting_id = m.id),
            (SELECT string_agg(concat_ws(' ', p.name_en, p.name_ar, dm.title_en, dm.title_ar, o.name_en, o.name_ar,
                        (SELECT string_agg(a.alias, ' ') FROM person_aliases a WHERE a.person_id = p.id)), ' ')
             FROM delegations d
             JOIN delegation_members dm ON dm.delegation_id = d.id
             JOIN persons p ON p.id = dm.person_id
             LEFT JOIN organizations o ON o.id = dm.organization_id
             WHERE d.meeting_id = m.id)))
        FROM meetings m
        WHERE m.id = meeting);

-- Everything an agreement is known by: titles, summaries, and its parties' countries, organisations and people.
CREATE FUNCTION agreement_document(agreement uuid) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (
        SELECT fold(concat_ws(' ',
            a.title_en, a.title_ar, a.summary_en, a.summary_ar,
            (SELECT string_agg(concat_ws(' ', c.name_en, c.name_ar, o.name_en, o.name_ar, o.abbreviation, p.name_en, p.name_ar,
                        (SELECT string_agg(pa.alias, ' ') FROM person_aliases pa WHERE pa.person_id = p.id)), ' ')
             FROM agreement_parties ap
             LEFT JOIN countries c ON c.code = ap.country_code
             LEFT JOIN organizations o ON o.id = ap.organization_id
             LEFT JOIN persons p ON p.id = ap.person_id
             WHERE ap.agreement_id = a.id)))
        FROM agreements a
        WHERE a.id = agreement);

-- One folded document per record, rewritten by every write that changes what it is made of.
CREATE TABLE meeting_search (
    meeting_id uuid NOT NULL,
    document   text NOT NULL,
    CONSTRAINT pk_meeting_search PRIMARY KEY (meeting_id),
    CONSTRAINT fk_meeting_search_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);
CREATE INDEX ix_meeting_search_document ON meeting_search USING gin (document gin_trgm_ops);

CREATE TABLE agreement_search (
    agreement_id uuid NOT NULL,
    document     text NOT NULL,
    CONSTRAINT pk_agreement_search PRIMARY KEY (agreement_id),
    CONSTRAINT fk_agreement_search_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE CASCADE
);
CREATE INDEX ix_agreement_search_document ON agreement_search USING gin (document gin_trgm_ops);

INSERT INTO meeting_search (meeting_id, document) SELECT id, meeting_document(id) FROM meetings;
INSERT INTO agreement_search (agreement_id, document) SELECT id, agreement_document(id) FROM agreements;

-- Persons and organisations are searched by name (and persons by alias) directly.
CREATE INDEX ix_persons_names ON persons USING gin (fold(coalesce(name_en, '') || ' ' || coalesce(name_ar, '')) gin_trgm_ops);
CREATE INDEX ix_person_aliases_alias ON person_aliases USING gin (fold(alias) gin_trgm_ops);
CREATE INDEX ix_organizations_names ON organizations USING gin (
    fold(coalesce(name_en, '') || ' ' || coalesce(name_ar, '') || ' ' || coalesce(abbreviation, '')) gin_trgm_ops);

-- Filters that issue 4 adds: format, city, and the person, organisation and topic a meeting involves.
CREATE INDEX ix_meetings_format_start_date_id ON meetings (format, start_date, id);
CREATE INDEX ix_meetings_city_en ON meetings (fold(city_en));
CREATE INDEX ix_meetings_city_ar ON meetings (fold(city_ar));
-- Sorting by title (English, else Arabic) pages through this index.
CREATE INDEX ix_meetings_title_id ON meetings ((coalesce(title_en, title_ar)), id);
CREATE INDEX ix_meetings_period_end_id ON meetings (period_end, id);
CREATE INDEX ix_delegation_members_person_id_delegation_id ON delegation_members (person_id, delegation_id);
CREATE INDEX ix_agreement_parties_country_code_agreement_id ON agreement_parties (country_code, agreement_id);
