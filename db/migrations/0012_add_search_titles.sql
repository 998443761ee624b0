-- The folded titles of each meeting and agreement beside its search document: a search ranks a record whose
-- title holds q above one that only mentions it (a delegation member, a summary), without reading the long
-- documents of every match to rank them.
CREATE FUNCTION meeting_title(meeting uuid) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (SELECT fold(concat_ws(' ', m.title_en, m.title_ar)) FROM meetings m WHERE m.id = meeting);

CREATE FUNCTION agreement_title(agreement uuid) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (SELECT fold(concat_ws(' ', a.title_en, a.title_ar)) FROM agreements a WHERE a.id = agreement);

ALTER TABLE meeting_search ADD COLUMN title text NOT NULL DEFAULT '';
ALTER TABLE agreement_search ADD COLUMN title text NOT NULL DEFAULT '';
UPDATE meeting_search SET title = coalesce(meeting_title(meeting_id), '');
UPDATE agreement_search SET title = coalesce(agreement_title(agreement_id), '');
