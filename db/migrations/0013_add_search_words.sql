-- Searches that nothing matches as written look for similar words, not similar documents: every distinct word
-- (folded, 3 to 60 letters or digits) of the search documents is kept here, small enough to compare each word of q
-- with by trigram similarity; the documents holding the similar words are then found exactly, through their own
-- trigram index. (Comparing q with every document that shares a trigram with it took over 30 s at 1M meetings.)
-- The writes that refresh a document add its new words; words are never removed: one that no document holds any
-- more finds nothing.
CREATE FUNCTION document_words(document text) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT DISTINCT w FROM regexp_split_to_table(document, '[^[:alnum:]]+') w WHERE length(w) BETWEEN 3 AND 60 $$;

CREATE TABLE search_words (
    word text NOT NULL,
    CONSTRAINT pk_search_words PRIMARY KEY (word)
);
CREATE INDEX ix_search_words_word ON search_words USING gin (word gin_trgm_ops);

INSERT INTO search_words (word)
SELECT w FROM meeting_search, document_words(document) w
UNION
SELECT w FROM agreement_search, document_words(document) w;
