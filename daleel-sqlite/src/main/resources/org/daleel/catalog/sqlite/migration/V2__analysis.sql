-- Daleel catalog, schema version 2: the analysis of each item (places, actors, dates, events).
-- Derived data: it is replaced when an item is re-analysed (a newer gazetteer or thesaurus); the
-- items themselves are never changed. Offsets are UTF-16 char offsets into items.text.

CREATE TABLE item_analysis (
    item_id  TEXT NOT NULL PRIMARY KEY REFERENCES items (id),
    -- the analyzer version that produced it: items of another version can be re-analysed
    version  TEXT NOT NULL,
    language TEXT NOT NULL
) STRICT;

CREATE INDEX item_analysis_version ON item_analysis (version);

CREATE TABLE item_places (
    item_id      TEXT    NOT NULL REFERENCES items (id),
    ordinal      INTEGER NOT NULL,
    geoname_id   INTEGER NOT NULL CHECK (geoname_id > 0),
    name         TEXT    NOT NULL,
    name_ar      TEXT    NOT NULL,
    country_code TEXT    NOT NULL,
    admin1       TEXT    NOT NULL,
    feature_code TEXT    NOT NULL,
    lat          REAL    NOT NULL,
    lon          REAL    NOT NULL,
    -- the areas containing it (0 and '' when none): first-level division, country
    admin1_id    INTEGER NOT NULL,
    admin1_name  TEXT    NOT NULL,
    country_id   INTEGER NOT NULL,
    country_name TEXT    NOT NULL,
    -- 'text': a mention at text_start..text_end; 'exif': a picture's GPS position, reverse-geocoded
    source       TEXT    NOT NULL CHECK (source IN ('text', 'exif')),
    text         TEXT    NOT NULL,
    text_start   INTEGER NOT NULL,
    text_end     INTEGER NOT NULL,
    exif_lat     REAL    NOT NULL,
    exif_lon     REAL    NOT NULL,
    exif_km      REAL    NOT NULL,
    PRIMARY KEY (item_id, ordinal)
) STRICT;

CREATE INDEX item_places_geoname_id ON item_places (geoname_id);

CREATE TABLE item_actors (
    item_id    TEXT    NOT NULL REFERENCES items (id),
    ordinal    INTEGER NOT NULL,
    actor_id   TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    type       TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    text_start INTEGER NOT NULL,
    text_end   INTEGER NOT NULL,
    PRIMARY KEY (item_id, ordinal)
) STRICT;

CREATE INDEX item_actors_actor_id ON item_actors (actor_id);

CREATE TABLE item_dates (
    item_id    TEXT    NOT NULL REFERENCES items (id),
    ordinal    INTEGER NOT NULL,
    value      TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    text_start INTEGER NOT NULL,
    text_end   INTEGER NOT NULL,
    PRIMARY KEY (item_id, ordinal)
) STRICT;

CREATE TABLE item_events (
    item_id    TEXT    NOT NULL REFERENCES items (id),
    ordinal    INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    label      TEXT    NOT NULL,
    event_date TEXT    NOT NULL,
    -- actor ids, one per line; GeoNames ids, comma-separated
    actors     TEXT    NOT NULL,
    places     TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    text_start INTEGER NOT NULL,
    text_end   INTEGER NOT NULL,
    PRIMARY KEY (item_id, ordinal)
) STRICT;

CREATE INDEX item_events_type ON item_events (type);
