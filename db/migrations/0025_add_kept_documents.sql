-- Meeting documents kept as they were sent: GET /meetings/{id} and GET /meetings/{id}/delegations read one row here
-- instead of building the document from a dozen tables at each request. A read that finds no document builds it and
-- keeps it; a write drops the documents of every meeting whose document it changes, in its own transaction, through
-- the triggers below: whatever made the write (the API, the seed import, a migration), so no write path can forget.
--
-- Why a read never keeps a document older than the data: a write that changes a meeting's document adds 1 to its
-- row's generation (making the row, at generation 1, if there is none). A read takes the generation in the same
-- snapshot as the document it builds (no row: 0) and keeps the document only where the generation is still that one
-- (INSERT … ON CONFLICT … WHERE generation = the one read: the condition is checked against the newest row, after
-- waiting for a write that holds it). A write that committed after the read's snapshot has moved the generation on, so
-- the stale document is not kept; one that commits later drops it.
CREATE TABLE kept_documents (
    meeting_id  uuid   NOT NULL,
    generation  bigint NOT NULL DEFAULT 1,
    -- The meeting's version and its whole document (GET /meetings/{id}), as sent: compact UTF-8 JSON.
    version     bigint,
    document    bytea,
    -- Its delegations (GET /meetings/{id}/delegations), as sent.
    delegations bytea,
    CONSTRAINT pk_kept_documents PRIMARY KEY (meeting_id),
    CONSTRAINT fk_kept_documents_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT ck_kept_documents_version CHECK ((document IS NULL) = (version IS NULL))
);

-- Drops the kept documents of the meetings given (those that still exist), moving their generation on; rows are
-- taken in id order (the triggers sort them), so that two statements dropping overlapping sets wait for each other
-- rather than deadlock (two writes of several statements each still can: the API tries such a write again). Once a transaction has moved a row on, it holds the row until it ends, so no read can keep a
-- document over it meanwhile: its later statements leave the row as it is (in a subtransaction the row is the
-- subtransaction's, and is moved on again: a little more work, as safe).
CREATE FUNCTION drop_kept_documents(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    -- This transaction's id as xmin shows it (32 bits).
    mine xid := (pg_current_xact_id()::text::bigint % 4294967296)::text::xid;
    one uuid;
BEGIN
    -- A write's statements most often change one meeting's document, or a few: one statement each, whose plan is
    -- kept, costs a third of one over the array (planned afresh at each call); a rename shown in many meetings takes
    -- them in one. The ids come sorted.
    IF cardinality(ids) <= 16 THEN
        FOREACH one IN ARRAY ids LOOP
            INSERT INTO kept_documents AS k (meeting_id)
            SELECT m.id FROM meetings m
            WHERE m.id = one
            ON CONFLICT (meeting_id) DO UPDATE SET generation = k.generation + 1, version = NULL, document = NULL, delegations = NULL
            WHERE k.xmin <> mine;
        END LOOP;
    ELSE
        INSERT INTO kept_documents AS k (meeting_id)
        SELECT m.id FROM meetings m
        WHERE m.id = ANY(ids)
        ORDER BY m.id
        ON CONFLICT (meeting_id) DO UPDATE SET generation = k.generation + 1, version = NULL, document = NULL, delegations = NULL
        WHERE k.xmin <> mine;
    END IF;
END
$$;

-- Gives a table its triggers: for each event by which its rows can change documents, a statement trigger (a
-- transition table serves one event only; an update needs its old rows too: a delegation moved to another meeting
-- changes both). query selects the meetings whose documents show the rows changed, with %1$s where the rows go; it
-- is written into the trigger's function as static SQL, so that each session plans it once. A statement that changed
-- no row (a write's statements often do) returns at once. The queries name what src/Api builds documents from
-- (MeetingRepository's Json and the fragments it uses).
CREATE PROCEDURE add_kept_document_triggers(tab text, events text[], query text) LANGUAGE plpgsql AS $$
DECLARE
    event text;
BEGIN
    EXECUTE format($f$
        CREATE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                IF EXISTS (SELECT FROM new_rows) THEN PERFORM drop_kept_documents(ARRAY(SELECT DISTINCT id FROM (%s) q(id) ORDER BY 1)); END IF;
            ELSIF TG_OP = 'DELETE' THEN
                IF EXISTS (SELECT FROM old_rows) THEN PERFORM drop_kept_documents(ARRAY(SELECT DISTINCT id FROM (%s) q(id) ORDER BY 1)); END IF;
            ELSIF EXISTS (SELECT FROM new_rows) THEN
                PERFORM drop_kept_documents(ARRAY(SELECT DISTINCT id FROM (%s UNION %s) q(id) ORDER BY 1));
            END IF;
            RETURN NULL;
        END
        $body$ $f$, 'drop_kept_documents_of_' || tab,
        format(query, 'new_rows'), format(query, 'old_rows'), format(query, 'new_rows'), format(query, 'old_rows'));
    FOREACH event IN ARRAY events LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION %I()',
            'tr_' || tab || '_kept_' || lower(event), event, tab,
            CASE event WHEN 'INSERT' THEN 'NEW TABLE AS new_rows' WHEN 'DELETE' THEN 'OLD TABLE AS old_rows'
                       ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END,
            'drop_kept_documents_of_' || tab);
    END LOOP;
END
$$;

-- A meeting shows itself, its parent (as a summary), its side meetings (summaries) and, in each agreement linked to it,
-- the other meetings the agreement is linked to (titles, dates, status). Changing a meeting changes its own document,
-- its parent's (side meetings), its side meetings' (parent) and those of the meetings its agreements link it to.
CALL add_kept_document_triggers('meetings', ARRAY['INSERT', 'UPDATE', 'DELETE'], $q$
    SELECT r.id FROM %1$s r
    UNION SELECT r.parent_meeting_id FROM %1$s r WHERE r.parent_meeting_id IS NOT NULL
    UNION SELECT c.id FROM meetings c JOIN %1$s r ON c.parent_meeting_id = r.id
    UNION SELECT o.meeting_id FROM agreement_meetings a JOIN agreement_meetings o ON o.agreement_id = a.agreement_id
              JOIN %1$s r ON a.meeting_id = r.id
$q$);
CALL add_kept_document_triggers('meeting_topics', ARRAY['INSERT', 'UPDATE', 'DELETE'], 'SELECT r.meeting_id FROM %1$s r');
CALL add_kept_document_triggers('topics', ARRAY['UPDATE'],
    'SELECT mt.meeting_id FROM meeting_topics mt JOIN %1$s r ON mt.topic_id = r.id');
CALL add_kept_document_triggers('meeting_sources', ARRAY['INSERT', 'UPDATE', 'DELETE'], 'SELECT r.meeting_id FROM %1$s r');
CALL add_kept_document_triggers('sources', ARRAY['UPDATE'], $q$
    SELECT ms.meeting_id FROM meeting_sources ms JOIN %1$s r ON ms.source_id = r.id
    UNION SELECT am.meeting_id FROM agreement_sources s JOIN agreement_meetings am ON am.agreement_id = s.agreement_id
              JOIN %1$s r ON s.source_id = r.id
$q$);
CALL add_kept_document_triggers('delegations', ARRAY['INSERT', 'UPDATE', 'DELETE'], 'SELECT r.meeting_id FROM %1$s r');
CALL add_kept_document_triggers('delegation_members', ARRAY['INSERT', 'UPDATE', 'DELETE'],
    'SELECT d.meeting_id FROM delegations d JOIN %1$s r ON d.id = r.delegation_id');
CALL add_kept_document_triggers('persons', ARRAY['UPDATE'], $q$
    SELECT d.meeting_id FROM delegation_members dm JOIN delegations d ON d.id = dm.delegation_id JOIN %1$s r ON dm.person_id = r.id
    UNION SELECT am.meeting_id FROM agreement_parties ap JOIN agreement_meetings am ON am.agreement_id = ap.agreement_id
              JOIN %1$s r ON ap.person_id = r.id
$q$);
CALL add_kept_document_triggers('organizations', ARRAY['UPDATE'], $q$
    SELECT d.meeting_id FROM delegations d JOIN %1$s r ON d.organization_id = r.id
    UNION SELECT d.meeting_id FROM delegation_members dm JOIN delegations d ON d.id = dm.delegation_id
              JOIN %1$s r ON dm.organization_id = r.id
    UNION SELECT am.meeting_id FROM agreement_parties ap JOIN agreement_meetings am ON am.agreement_id = ap.agreement_id
              JOIN %1$s r ON ap.organization_id = r.id
$q$);
CALL add_kept_document_triggers('agreements', ARRAY['UPDATE', 'DELETE'],
    'SELECT am.meeting_id FROM agreement_meetings am JOIN %1$s r ON am.agreement_id = r.id');
CALL add_kept_document_triggers('agreement_parties', ARRAY['INSERT', 'UPDATE', 'DELETE'],
    'SELECT am.meeting_id FROM agreement_meetings am JOIN %1$s r ON am.agreement_id = r.agreement_id');
CALL add_kept_document_triggers('agreement_sources', ARRAY['INSERT', 'UPDATE', 'DELETE'],
    'SELECT am.meeting_id FROM agreement_meetings am JOIN %1$s r ON am.agreement_id = r.agreement_id');
-- A link shows in the document of the meeting linked and, in the agreement's list of meetings, in every other
-- meeting's the agreement is linked to.
CALL add_kept_document_triggers('agreement_meetings', ARRAY['INSERT', 'UPDATE', 'DELETE'], $q$
    SELECT r.meeting_id FROM %1$s r
    UNION SELECT am.meeting_id FROM agreement_meetings am JOIN %1$s r ON am.agreement_id = r.agreement_id
$q$);

DROP PROCEDURE add_kept_document_triggers(text, text[], text);
