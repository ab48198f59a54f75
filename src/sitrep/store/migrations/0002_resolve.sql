-- sitrep store, version 2: how each event report was resolved into an event (sitrep.resolve).
-- One row per resolved report: its blocking keys (so later reports find it by index, never by
-- comparing all pairs) and why it joined its event (the score and its parts, for `event ID --why`).

CREATE TABLE resolve_links (
    report_id    TEXT PRIMARY KEY REFERENCES event_reports(id) ON DELETE CASCADE,
    event_id     TEXT NOT NULL,
    document_id  TEXT NOT NULL,
    country      TEXT,
    admin1       TEXT,          -- normalised (casefolded, no punctuation) for blocking
    place        TEXT,          -- normalised
    date_lo      INTEGER,       -- proleptic ordinal of the earliest day the report allows
    date_hi      INTEGER,       -- ... and of the latest
    date_exact   INTEGER NOT NULL, -- 1: the report's own date; 0: publication-week stand-in or none
    background   INTEGER NOT NULL,
    method       TEXT NOT NULL, -- new, joined, background, same_document
    score        REAL,
    matched      TEXT,          -- the report it matched best
    parts        TEXT NOT NULL, -- JSON {feature: score}
    candidates   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX resolve_links_block ON resolve_links(country, date_lo);
CREATE INDEX resolve_links_place ON resolve_links(country, place);
CREATE INDEX resolve_links_admin1 ON resolve_links(country, admin1);
CREATE INDEX resolve_links_event ON resolve_links(event_id);
CREATE INDEX resolve_links_doc ON resolve_links(document_id);
