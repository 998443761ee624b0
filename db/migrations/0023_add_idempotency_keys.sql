-- The answers of POSTs sent with an Idempotency-Key, kept so that a retry with the same key gets the same answer
-- instead of writing again. A key is scoped to the caller (the API key's name), the method and the path; the row is
-- written in the transaction of the write it answers, so it exists exactly when that write committed. Rows older
-- than the retention (Api:IdempotencyKeyHours, 24 by default) are ignored and deleted in the background.
CREATE TABLE idempotency_keys (
    caller       text        NOT NULL,
    method       text        NOT NULL,
    path         text        NOT NULL,
    key          text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    fingerprint  bytea       NOT NULL,
    status       smallint    NOT NULL CHECK (status BETWEEN 200 AND 499),
    content_type text,
    location     text,
    etag         text,
    body         bytea,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, method, path, key)
);

CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at);
