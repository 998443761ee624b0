-- A search led by relevance ranks the records whose folded title holds q by how alike title and q are (trigram
-- similarity). When q is in tens of thousands of titles ("border security" in 97,000 of a million meetings) every
-- one was ranked to find a page (1.1 s). Trigram distance is one minus that similarity, and a GiST index reads the
-- titles nearest first: a page is the nearest titles that hold q, and whatever ties with the last of them. The GIN
-- indexes of 0019 stay: they find the titles that hold one of a misspelt word's similar words.
CREATE INDEX ix_meeting_search_title_distance ON meeting_search USING gist (title gist_trgm_ops);
CREATE INDEX ix_agreement_search_title_distance ON agreement_search USING gist (title gist_trgm_ops);
