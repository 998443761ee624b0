-- A search led by relevance ranks the records whose folded title holds q by how alike title and q are (trigram
-- similarity). When q is in tens of thousands of titles ("border security" in 97,000 of a million meetings) every
-- one was ranked to find a page (1.1 s). Trigram distance is one minus that similarity, and a GiST index reads the
-- titles nearest first: a page is the nearest titles that hold q, and whatever ties with the last of them. The GIN
-- indexes of 0019 stay: they find the titles that hold one of a misspelt word's similar words. Signatures of 128
-- bytes rather than the default 12: a bilingual title holds over a hundred trigrams, which saturate a short
-- signature, so that the index could rule out little (at a million meetings the first page took 330 ms to read
-- against 170 ms; 512 bytes gave no more).
CREATE INDEX ix_meeting_search_title_distance ON meeting_search USING gist (title gist_trgm_ops (siglen = 128));
CREATE INDEX ix_agreement_search_title_distance ON agreement_search USING gist (title gist_trgm_ops (siglen = 128));
