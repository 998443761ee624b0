-- Every API process keeps a cache of the responses it built (src/Api/Caching) and must drop it whenever the
-- records change, wherever the change was made: by another API process, the seed import or the migration job.
-- Each statement that adds to the change log (or empties it, as a test reset does) notifies the channel
-- record_changes when its transaction commits, and not at all if it rolls back. The payload is empty, so a
-- transaction that logs a thousand changes sends one notification; the listener reads max(seq) itself.
CREATE FUNCTION notify_record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('record_changes', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER tr_changes_notify AFTER INSERT OR DELETE OR TRUNCATE ON changes
    FOR EACH STATEMENT EXECUTE FUNCTION notify_record_changes();

-- A migration applied while the API runs may change what responses show without logging a change.
CREATE TRIGGER tr_schema_migrations_notify AFTER INSERT ON schema_migrations
    FOR EACH STATEMENT EXECUTE FUNCTION notify_record_changes();
