-- Anything agreed, signed, promised, offered or planned, its parties, and the meetings it touches.
CREATE TABLE agreements (
    id             uuid PRIMARY KEY,
    title_en       text,
    title_ar       text,
    summary_en     text,
    summary_ar     text,
    kind           text NOT NULL,
    status         text NOT NULL,
    date           date,
    date_precision text,
    CONSTRAINT ck_agreements_title CHECK (title_en IS NOT NULL OR title_ar IS NOT NULL),
    CONSTRAINT ck_agreements_title_en CHECK (length(title_en) BETWEEN 1 AND 300),
    CONSTRAINT ck_agreements_title_ar CHECK (length(title_ar) BETWEEN 1 AND 300),
    CONSTRAINT ck_agreements_summary_en CHECK (length(summary_en) <= 4000),
    CONSTRAINT ck_agreements_summary_ar CHECK (length(summary_ar) <= 4000),
    CONSTRAINT ck_agreements_kind CHECK (kind IN ('treaty', 'protocol', 'mou', 'joint_statement',
        'bilateral_arrangement', 'multilateral_arrangement', 'invitation', 'commitment')),
    CONSTRAINT ck_agreements_status CHECK (status IN ('proposed', 'agreed', 'signed', 'in_force', 'accepted',
        'fulfilled', 'lapsed', 'unknown')),
    CONSTRAINT ck_agreements_date_precision CHECK (date_precision IN ('day', 'month', 'year')),
    CONSTRAINT ck_agreements_date_has_precision CHECK ((date IS NULL) = (date_precision IS NULL)),
    CONSTRAINT ck_agreements_date_matches_precision CHECK (
        date_precision IS NULL OR date_precision = 'day'
        OR (date_precision = 'month' AND extract(day FROM date) = 1)
        OR (date_precision = 'year' AND extract(day FROM date) = 1 AND extract(month FROM date) = 1))
);
CREATE INDEX ix_agreements_date ON agreements (date);
CREATE INDEX ix_agreements_kind ON agreements (kind);
CREATE INDEX ix_agreements_status ON agreements (status);

-- A party is a country, an organisation or a person, or several of these (a minister of a country).
CREATE TABLE agreement_parties (
    agreement_id    uuid NOT NULL,
    position        integer NOT NULL,
    role            text NOT NULL,
    country_code    text,
    organization_id uuid,
    person_id       uuid,
    CONSTRAINT pk_agreement_parties PRIMARY KEY (agreement_id, position),
    CONSTRAINT ck_agreement_parties_position CHECK (position >= 0),
    CONSTRAINT ck_agreement_parties_role CHECK (role IN ('party', 'signatory', 'inviter', 'invitee',
        'guarantor', 'witness')),
    CONSTRAINT ck_agreement_parties_party CHECK (country_code IS NOT NULL OR organization_id IS NOT NULL OR person_id IS NOT NULL),
    CONSTRAINT fk_agreement_parties_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE CASCADE,
    CONSTRAINT fk_agreement_parties_country_code FOREIGN KEY (country_code) REFERENCES countries (code),
    CONSTRAINT fk_agreement_parties_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT fk_agreement_parties_person_id FOREIGN KEY (person_id) REFERENCES persons (id)
);
CREATE INDEX ix_agreement_parties_country_code ON agreement_parties (country_code);
CREATE INDEX ix_agreement_parties_organization_id ON agreement_parties (organization_id);
CREATE INDEX ix_agreement_parties_person_id ON agreement_parties (person_id);

-- concluded_at: made at that meeting; referenced_at: mentioned there; planned_for: to be acted on at
-- that (usually planned) meeting; fulfilled_by: carried out by that meeting (an invitation honoured).
CREATE TABLE agreement_meetings (
    agreement_id uuid NOT NULL,
    meeting_id   uuid NOT NULL,
    link_kind    text NOT NULL,
    CONSTRAINT pk_agreement_meetings PRIMARY KEY (agreement_id, meeting_id, link_kind),
    CONSTRAINT ck_agreement_meetings_link_kind CHECK (link_kind IN ('concluded_at', 'referenced_at',
        'planned_for', 'fulfilled_by')),
    CONSTRAINT fk_agreement_meetings_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE CASCADE,
    CONSTRAINT fk_agreement_meetings_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);
CREATE INDEX ix_agreement_meetings_meeting_id ON agreement_meetings (meeting_id);

CREATE TABLE agreement_sources (
    agreement_id uuid NOT NULL,
    source_id    uuid NOT NULL,
    CONSTRAINT pk_agreement_sources PRIMARY KEY (agreement_id, source_id),
    CONSTRAINT fk_agreement_sources_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE CASCADE,
    CONSTRAINT fk_agreement_sources_source_id FOREIGN KEY (source_id) REFERENCES sources (id)
);
CREATE INDEX ix_agreement_sources_source_id ON agreement_sources (source_id);
