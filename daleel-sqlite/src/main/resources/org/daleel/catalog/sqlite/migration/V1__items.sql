-- Daleel catalog, schema version 1: items and the embedded resources captured with them.
-- Items are evidence: they are never updated or deleted by the catalog, only added.
-- STRICT tables (SQLite 3.37+) reject values of the wrong type instead of converting them.

CREATE TABLE items (
    -- catalog sequence: assigned inside the one write transaction, so commit order is seq order
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL CHECK (kind IN ('CAPTURE', 'FILE', 'WARC_RECORD')),
    url             TEXT    NOT NULL,
    requested_url   TEXT    NOT NULL,
    file_name       TEXT    NOT NULL,
    sha256          TEXT    NOT NULL CHECK (length(sha256) = 64),
    size            INTEGER NOT NULL CHECK (size >= 0),
    media_type      TEXT    NOT NULL,
    -- ISO-8601 UTC with a fixed 9-digit fraction (2016-12-13T09:15:30.123000000Z): text order is time order
    captured_at     TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    language        TEXT    NOT NULL,
    published       TEXT    NOT NULL,
    extraction_note TEXT    NOT NULL,
    warc_file_name  TEXT    NOT NULL,
    warc_sha256     TEXT    NOT NULL,
    warc_size       INTEGER NOT NULL,
    warc_offset     INTEGER NOT NULL,
    operator        TEXT    NOT NULL,
    note            TEXT    NOT NULL,
    claimed_place   TEXT    NOT NULL,
    claimed_date    TEXT    NOT NULL
) STRICT;

CREATE INDEX items_sha256 ON items (sha256);
-- findFileBySha256 / addIfAbsent; the implicit rowid (seq) at the end of the index gives "oldest first"
CREATE INDEX items_kind_sha256 ON items (kind, sha256);
CREATE INDEX items_captured_at ON items (captured_at);

CREATE TABLE resources (
    item_id     TEXT    NOT NULL REFERENCES items (id),
    ordinal     INTEGER NOT NULL,
    url         TEXT    NOT NULL,
    status      INTEGER NOT NULL,
    media_type  TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    size        INTEGER NOT NULL,
    warc_offset INTEGER NOT NULL,
    PRIMARY KEY (item_id, ordinal)
) STRICT;

CREATE INDEX resources_sha256 ON resources (sha256);
