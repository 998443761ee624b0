-- Every writable record carries a version, raised by each change to it (a meeting's also by changes to its
-- delegations); single-record GETs derive their ETag from it, and PUT, PATCH and DELETE check If-Match against it.
ALTER TABLE topics ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE sources ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE organizations ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE persons ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE meetings ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE delegations ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE agreements ADD COLUMN version bigint NOT NULL DEFAULT 1;

-- A source's URL names it: the same article is recorded once and referred to by every record it supports.
CREATE UNIQUE INDEX ux_sources_url ON sources (url);

-- Every create, update and delete, written in the transaction that made it, with the record before and
-- after (as the request body that would recreate it). Writers take a transaction-scoped advisory lock
-- just before inserting here, so seq order is commit order and a feed read "after seq N" never misses a
-- change that commits later with a smaller number. A deleted (retired) record's row is gone; its history
-- stays here, and its last 'deleted' change is what keeps the seed import from bringing it back.
CREATE TABLE changes (
    seq        bigint GENERATED ALWAYS AS IDENTITY,
    resource   text NOT NULL,
    record_id  uuid NOT NULL,
    kind       text NOT NULL,
    version    bigint NOT NULL,
    actor      text NOT NULL,
    changed_at timestamptz NOT NULL,
    before     jsonb,
    after      jsonb,
    CONSTRAINT pk_changes PRIMARY KEY (seq),
    CONSTRAINT ck_changes_resource CHECK (resource IN ('meetings', 'agreements', 'persons', 'organizations', 'sources', 'topics')),
    CONSTRAINT ck_changes_kind CHECK (kind IN ('created', 'updated', 'deleted')),
    CONSTRAINT ck_changes_actor CHECK (length(actor) BETWEEN 1 AND 100),
    CONSTRAINT ck_changes_before CHECK ((before IS NULL) = (kind = 'created')),
    CONSTRAINT ck_changes_after CHECK ((after IS NULL) = (kind = 'deleted'))
);
CREATE INDEX ix_changes_resource_record_id ON changes (resource, record_id, seq);
