"""SQLite store.

Writes go through :meth:`Store.write`, one transaction per batch of documents, so an interrupted
ingest (Ctrl-C, kill -9) leaves either all of a document's records or none; running the same
ingest again skips the documents already stored and completes the rest.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.errors import StoreError
from sitrep.records import Actor, Document, Evidence, Extraction, to_dict


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("sitrep.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_ACTOR_SQL = "INSERT OR REPLACE INTO actors VALUES (?,?,?,?,?,?,?)"


def _actor_row(a: Actor, evidence: list[dict[str, Any]]) -> tuple[Any, ...]:
    data = dumps({**to_dict(a), "evidence": evidence})
    return (a.id, a.name, a.kind, a.parent, a.country, a.source, data)


class Store:
    """A sitrep knowledge base in one SQLite file (``":memory:"`` for tests)."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(
                        f"database {self.path} does not exist; create it with: sitrep ingest PATH"
                    )
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
            elif self.version < len(_migrations()):
                raise StoreError(
                    f"database {self.path} needs migrating; run any write command (e.g. sitrep status) on it"
                )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc

    # -- schema ---------------------------------------------------------------------------------
    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.version
        for number, sql in _migrations():
            if number <= current:
                continue
            # executescript commits first; the migration and its version bump are one transaction.
            self.conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes ---------------------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT id FROM documents WHERE id IN ({marks})", chunk)
            found.update(r[0] for r in rows)
        return found

    def write(self, extractions: Sequence[Extraction]) -> None:
        """Store documents with everything extracted from them, atomically."""
        try:
            with self.conn:
                for ex in extractions:
                    self._write_one(ex)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc

    def _write_one(self, ex: Extraction) -> None:
        d = ex.document
        now = datetime.now(UTC).isoformat(timespec="seconds")
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                d.id,
                d.source_id,
                d.origin,
                d.url,
                d.title,
                d.published,
                d.publisher,
                d.content_type,
                d.raw,
                d.status,
                d.error,
                now,
            ),
        )
        if cur.rowcount == 0:  # already stored (a duplicate within one batch)
            return
        for a in ex.articles:
            self.conn.execute(
                "INSERT INTO articles (document_id, idx, title, author, published, date_precision,"
                " date_source, publisher, text, offsets, genre) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    a.document_id,
                    a.index,
                    a.title,
                    a.author,
                    a.published,
                    a.date_precision,
                    a.date_source,
                    a.publisher,
                    a.text,
                    dumps([[s.clean_start, s.raw_start, s.length] for s in a.offsets]),
                    a.genre,
                ),
            )
            self.conn.execute(
                "INSERT INTO articles_fts(title, text, document_id, idx) VALUES (?,?,?,?)",
                (a.title or "", a.text, a.document_id, a.index),
            )
        self.conn.executemany(
            "INSERT INTO removed VALUES (?,?,?,?,?)",
            [(r.document_id, r.start, r.end, r.kind, r.text) for r in ex.removed],
        )
        self.conn.executemany(
            "INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    m.evidence.document_id,
                    m.evidence.article_index,
                    m.evidence.start,
                    m.evidence.end,
                    m.evidence.text,
                    m.actor_id,
                    m.name,
                    m.method,
                )
                for m in ex.mentions
            ],
        )
        self.conn.executemany(
            "INSERT INTO people VALUES (?,?,?,?,?,?)",
            [
                (
                    p.document_id,
                    p.article_index,
                    p.name,
                    p.role,
                    p.organisation_id,
                    dumps(to_dict(p)),
                )
                for p in ex.people
            ],
        )
        for actor, evidence in ex.discovered:
            self.add_discovered(actor, evidence)
        self.conn.executemany(
            "INSERT OR REPLACE INTO event_reports VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    e.id,
                    e.document_id,
                    e.article_index,
                    e.type,
                    e.date,
                    e.location.country,
                    int(e.background),
                    None,
                    dumps(to_dict(e)),
                )
                for e in ex.events
            ],
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?)",
            [
                (
                    c.id,
                    c.document_id,
                    c.article_index,
                    c.speaker,
                    c.speaker_actor_id,
                    c.about,
                    dumps(to_dict(c)),
                )
                for c in ex.claims
            ],
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO relation_reports VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    r.id,
                    r.document_id,
                    r.article_index,
                    r.a_id,
                    r.b_id,
                    r.type,
                    r.stance,
                    dumps(to_dict(r)),
                )
                for r in ex.relations
            ],
        )

    def add_discovered(self, actor: Actor, evidence: Evidence) -> None:
        """A discovered actor; each sighting's evidence is added to those already stored."""
        row = self.conn.execute("SELECT data FROM actors WHERE id = ?", (actor.id,)).fetchone()
        seen = json.loads(row[0]).get("evidence", []) if row is not None else []
        self.conn.execute(_ACTOR_SQL, _actor_row(actor, [*seen, to_dict(evidence)]))

    def sync_registry(self, actors: Iterable[Actor]) -> None:
        """The registry's actors (bundled and user file), so the store answers without it."""
        with self.conn:
            self.conn.executemany(_ACTOR_SQL, [_actor_row(a, []) for a in actors])

    # -- reads used by several readers ----------------------------------------------------------
    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        return Document(
            id=row["id"],
            source_id=row["source_id"],
            origin=row["origin"],
            raw=row["raw"],
            content_type=row["content_type"],
            url=row["url"],
            title=row["title"],
            published=row["published"],
            publisher=row["publisher"],
            status=row["status"],
            error=row["error"],
        )
