-- A search's best matches are the records whose folded title holds q (0012). A page ranked by relevance reads
-- those apart from the other matches (which all rank alike, and so come newest first from the date index): with a
-- trigram index on the short titles, finding the few titles that hold a name costs a lookup, not a read of the
-- long document of every meeting that mentions it.
CREATE INDEX ix_meeting_search_title ON meeting_search USING gin (title gin_trgm_ops);
CREATE INDEX ix_agreement_search_title ON agreement_search USING gin (title gin_trgm_ops);
