-- One party's team at a meeting, and who sat in it with the title they held there.
CREATE TABLE delegations (
    id              uuid PRIMARY KEY,
    meeting_id      uuid NOT NULL,
    role            text NOT NULL,
    country_code    text,
    organization_id uuid,
    CONSTRAINT ck_delegations_role CHECK (role IN ('host', 'guest', 'organiser', 'participant', 'mediator')),
    CONSTRAINT ck_delegations_party CHECK (country_code IS NOT NULL OR organization_id IS NOT NULL),
    CONSTRAINT fk_delegations_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT fk_delegations_country_code FOREIGN KEY (country_code) REFERENCES countries (code),
    CONSTRAINT fk_delegations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id)
);
CREATE INDEX ix_delegations_meeting_id ON delegations (meeting_id);
CREATE INDEX ix_delegations_country_code_meeting_id ON delegations (country_code, meeting_id);
CREATE INDEX ix_delegations_organization_id ON delegations (organization_id);

CREATE TABLE delegation_members (
    delegation_id   uuid NOT NULL,
    person_id       uuid NOT NULL,
    position        integer NOT NULL,
    is_head         boolean NOT NULL DEFAULT false,
    title_en        text,
    title_ar        text,
    rank_en         text,
    rank_ar         text,
    organization_id uuid,
    CONSTRAINT pk_delegation_members PRIMARY KEY (delegation_id, person_id),
    CONSTRAINT fk_delegation_members_delegation_id FOREIGN KEY (delegation_id) REFERENCES delegations (id) ON DELETE CASCADE,
    CONSTRAINT fk_delegation_members_person_id FOREIGN KEY (person_id) REFERENCES persons (id),
    CONSTRAINT fk_delegation_members_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT ck_delegation_members_position CHECK (position >= 0),
    CONSTRAINT ck_delegation_members_title_en CHECK (length(title_en) BETWEEN 1 AND 300),
    CONSTRAINT ck_delegation_members_title_ar CHECK (length(title_ar) BETWEEN 1 AND 300),
    CONSTRAINT ck_delegation_members_rank_en CHECK (length(rank_en) BETWEEN 1 AND 100),
    CONSTRAINT ck_delegation_members_rank_ar CHECK (length(rank_ar) BETWEEN 1 AND 100)
);
CREATE INDEX ix_delegation_members_person_id ON delegation_members (person_id);
CREATE INDEX ix_delegation_members_organization_id ON delegation_members (organization_id);
-- A delegation has at most one head.
CREATE UNIQUE INDEX ux_delegation_members_head ON delegation_members (delegation_id) WHERE is_head;
