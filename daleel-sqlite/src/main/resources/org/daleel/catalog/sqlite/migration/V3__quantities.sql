-- Daleel catalog, schema version 3: the quantities of each item's analysis (12 killed, 87% of a
-- province, 48 hours), with the event, places, actors and date they are tied to. Derived data like
-- the other analysis tables of V2: replaced with them when an item is re-analysed. Analyses stored
-- before V3 have no quantities; `daleel reanalyze --all` adds them (the analyzer version changed).

CREATE TABLE item_quantities (
    item_id     TEXT    NOT NULL REFERENCES items (id),
    ordinal     INTEGER NOT NULL,
    value       REAL    NOT NULL,
    -- 1 when the text gives no exact figure ("dozens", "about 300"): value is its lower bound
    approximate INTEGER NOT NULL CHECK (approximate IN (0, 1)),
    unit        TEXT    NOT NULL,
    what        TEXT    NOT NULL,
    -- ordinal of the item_events row whose sentence reports it, -1 when none
    event       INTEGER NOT NULL CHECK (event >= -1),
    -- GeoNames ids, comma-separated; actor ids, one per line; ISO 8601 date or ''
    places      TEXT    NOT NULL,
    actors      TEXT    NOT NULL,
    event_date  TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    text_start  INTEGER NOT NULL,
    text_end    INTEGER NOT NULL,
    PRIMARY KEY (item_id, ordinal)
) STRICT;

CREATE INDEX item_quantities_what ON item_quantities (what);
