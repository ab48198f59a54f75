-- sitrep store, version 1. Records are kept as JSON payloads (the typed records of sitrep.records,
-- converted once at this boundary) beside the columns that queries filter and join on.

CREATE TABLE documents (
    id           TEXT PRIMARY KEY,
    source_id    TEXT NOT NULL,
    origin       TEXT NOT NULL,
    url          TEXT,
    title        TEXT,
    published    TEXT,
    publisher    TEXT,
    content_type TEXT NOT NULL,
    raw          TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('ok', 'rejected')),
    error        TEXT,
    ingested_at  TEXT NOT NULL
);
CREATE INDEX documents_status ON documents(status);

CREATE TABLE articles (
    document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    title          TEXT,
    author         TEXT,
    published      TEXT,
    date_precision TEXT,
    date_source    TEXT,
    publisher      TEXT,
    text           TEXT NOT NULL,
    offsets        TEXT NOT NULL,  -- JSON [[clean_start, raw_start, length], ...]
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE removed (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX removed_doc ON removed(document_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, document_id UNINDEXED, idx UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE actors (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    parent   TEXT,
    country  TEXT,
    source   TEXT NOT NULL,
    data     TEXT NOT NULL
);

CREATE TABLE mentions (
    document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    article_index INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    actor_id      TEXT NOT NULL,
    name          TEXT NOT NULL,
    method        TEXT NOT NULL
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_doc ON mentions(document_id);

CREATE TABLE people (
    document_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    article_index   INTEGER NOT NULL,
    name            TEXT NOT NULL,
    role            TEXT,
    organisation_id TEXT,
    data            TEXT NOT NULL
);
CREATE INDEX people_org ON people(organisation_id);

CREATE TABLE event_reports (
    id            TEXT PRIMARY KEY,
    document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    article_index INTEGER NOT NULL,
    type          TEXT NOT NULL,
    date          TEXT,
    country       TEXT,
    background    INTEGER NOT NULL,
    event_id      TEXT,
    data          TEXT NOT NULL
);
CREATE INDEX event_reports_block ON event_reports(country, date);
CREATE INDEX event_reports_event ON event_reports(event_id);
CREATE INDEX event_reports_doc ON event_reports(document_id);

CREATE TABLE events (
    id                TEXT PRIMARY KEY,
    type              TEXT NOT NULL,
    date              TEXT,
    country           TEXT,
    attribution_grade TEXT,
    disputed          INTEGER NOT NULL DEFAULT 0,
    data              TEXT NOT NULL
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_country ON events(country);

CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    role     TEXT NOT NULL
);
CREATE INDEX event_actors_actor ON event_actors(actor_id);

CREATE TABLE claims (
    id               TEXT PRIMARY KEY,
    document_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    article_index    INTEGER NOT NULL,
    speaker          TEXT,
    speaker_actor_id TEXT,
    about            TEXT,
    data             TEXT NOT NULL
);
CREATE INDEX claims_doc ON claims(document_id);
CREATE INDEX claims_speaker ON claims(speaker);

CREATE TABLE relation_reports (
    id            TEXT PRIMARY KEY,
    document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    article_index INTEGER NOT NULL,
    a_id          TEXT NOT NULL,
    b_id          TEXT NOT NULL,
    type          TEXT NOT NULL,
    stance        TEXT NOT NULL,
    data          TEXT NOT NULL
);
CREATE INDEX relation_reports_a ON relation_reports(a_id);
CREATE INDEX relation_reports_b ON relation_reports(b_id);
