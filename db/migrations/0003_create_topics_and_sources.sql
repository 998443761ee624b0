-- Topics: a small controlled vocabulary. Sources: what every record rests on.
CREATE TABLE topics (
    id       uuid PRIMARY KEY,
    code     text NOT NULL,
    label_en text NOT NULL,
    label_ar text NOT NULL,
    CONSTRAINT uq_topics_code UNIQUE (code),
    CONSTRAINT ck_topics_code CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(code) <= 64),
    CONSTRAINT ck_topics_label_en CHECK (length(label_en) BETWEEN 1 AND 200),
    CONSTRAINT ck_topics_label_ar CHECK (length(label_ar) BETWEEN 1 AND 200)
);

CREATE TABLE sources (
    id           uuid PRIMARY KEY,
    title        text,
    publisher    text,
    url          text,
    language     text,
    published_on date,
    reference    text,
    notes        text,
    CONSTRAINT ck_sources_title CHECK (length(title) <= 500),
    CONSTRAINT ck_sources_publisher CHECK (length(publisher) <= 200),
    CONSTRAINT ck_sources_url CHECK (length(url) <= 2000 AND url ~ '^https?://'),
    CONSTRAINT ck_sources_language CHECK (language ~ '^[a-z]{2}$'),
    CONSTRAINT ck_sources_reference CHECK (length(reference) <= 500),
    CONSTRAINT ck_sources_notes CHECK (length(notes) <= 4000),
    CONSTRAINT ck_sources_identified CHECK (title IS NOT NULL OR url IS NOT NULL OR reference IS NOT NULL)
);
