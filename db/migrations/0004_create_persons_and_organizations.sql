-- People keep one row for life; the titles they hold live on delegation_members.
CREATE TABLE persons (
    id      uuid PRIMARY KEY,
    name_en text,
    name_ar text,
    notes   text,
    CONSTRAINT ck_persons_name CHECK (name_en IS NOT NULL OR name_ar IS NOT NULL),
    CONSTRAINT ck_persons_name_en CHECK (length(name_en) BETWEEN 1 AND 200),
    CONSTRAINT ck_persons_name_ar CHECK (length(name_ar) BETWEEN 1 AND 200),
    CONSTRAINT ck_persons_notes CHECK (length(notes) <= 4000)
);

-- Other spellings and transliterations under which the press names a person.
CREATE TABLE person_aliases (
    person_id uuid NOT NULL,
    alias     text NOT NULL,
    language  text NOT NULL,
    CONSTRAINT pk_person_aliases PRIMARY KEY (person_id, alias),
    CONSTRAINT fk_person_aliases_person_id FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE CASCADE,
    CONSTRAINT ck_person_aliases_alias CHECK (length(alias) BETWEEN 1 AND 200),
    CONSTRAINT ck_person_aliases_language CHECK (language ~ '^[a-z]{2}$')
);

CREATE TABLE organizations (
    id           uuid PRIMARY KEY,
    name_en      text,
    name_ar      text,
    abbreviation text,
    kind         text NOT NULL,
    country_code text,
    parent_id    uuid,
    CONSTRAINT ck_organizations_name CHECK (name_en IS NOT NULL OR name_ar IS NOT NULL),
    CONSTRAINT ck_organizations_name_en CHECK (length(name_en) BETWEEN 1 AND 300),
    CONSTRAINT ck_organizations_name_ar CHECK (length(name_ar) BETWEEN 1 AND 300),
    CONSTRAINT ck_organizations_abbreviation CHECK (length(abbreviation) BETWEEN 1 AND 20),
    CONSTRAINT ck_organizations_kind CHECK (kind IN ('government', 'ministry', 'department', 'embassy',
        'armed_forces', 'team', 'intergovernmental', 'nongovernmental', 'other')),
    CONSTRAINT ck_organizations_parent CHECK (parent_id <> id),
    CONSTRAINT fk_organizations_country_code FOREIGN KEY (country_code) REFERENCES countries (code),
    CONSTRAINT fk_organizations_parent_id FOREIGN KEY (parent_id) REFERENCES organizations (id)
);
CREATE INDEX ix_organizations_country_code ON organizations (country_code);
CREATE INDEX ix_organizations_parent_id ON organizations (parent_id);
