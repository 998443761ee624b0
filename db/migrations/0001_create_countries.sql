-- ISO 3166-1 countries: reference data, filled by 0002 and never written by the API.
CREATE TABLE countries (
    code    text PRIMARY KEY,
    alpha2  text NOT NULL,
    name_en text NOT NULL,
    name_ar text NOT NULL,
    CONSTRAINT ck_countries_code CHECK (code ~ '^[A-Z]{3}$'),
    CONSTRAINT ck_countries_alpha2 CHECK (alpha2 ~ '^[A-Z]{2}$'),
    CONSTRAINT uq_countries_alpha2 UNIQUE (alpha2)
);
