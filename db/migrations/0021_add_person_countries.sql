-- The countries whose delegations each person sat in, once each: what `persons?country=` keeps. Read through the
-- delegations, the filter walked persons by name checking each one's memberships (about 120 a person at a million
-- meetings: 0.43 s for a page of Niger's). Recomputed for the persons of a meeting's delegations (before and after)
-- by every write and delete of the meeting, under the change log's lock.
CREATE TABLE person_countries (
    person_id    uuid NOT NULL,
    country_code text NOT NULL,
    CONSTRAINT pk_person_countries PRIMARY KEY (person_id, country_code),
    CONSTRAINT fk_person_countries_person_id FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE CASCADE,
    CONSTRAINT fk_person_countries_country_code FOREIGN KEY (country_code) REFERENCES countries (code)
);

INSERT INTO person_countries (person_id, country_code)
SELECT DISTINCT dm.person_id, d.country_code
FROM delegation_members dm JOIN delegations d ON d.id = dm.delegation_id
WHERE d.country_code IS NOT NULL;

CREATE INDEX ix_person_countries_country_code_person_id ON person_countries (country_code, person_id);
ANALYZE person_countries;
