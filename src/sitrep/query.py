"""Every reader (CLI, export, web API) asks here; nothing here re-runs extraction."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from sitrep.store import Store


def status(store: Store) -> dict[str, Any]:
    c = store.conn
    one = lambda sql, *a: c.execute(sql, a).fetchone()[0]  # noqa: E731
    return {
        "documents": one("SELECT count(*) FROM documents WHERE status = 'ok'"),
        "rejected": one("SELECT count(*) FROM documents WHERE status = 'rejected'"),
        "articles": one("SELECT count(*) FROM articles"),
        "event_reports": one("SELECT count(*) FROM event_reports"),
        "events": one("SELECT count(*) FROM events"),
        "actors_mentioned": one("SELECT count(DISTINCT actor_id) FROM mentions"),
        "mentions": one("SELECT count(*) FROM mentions"),
        "claims": one("SELECT count(*) FROM claims"),
        "relation_reports": one("SELECT count(*) FROM relation_reports"),
        "schema_version": store.version,
    }


def rejected(store: Store) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT id, origin, source_id, error FROM documents WHERE status = 'rejected' ORDER BY origin"
    )
    return [dict(r) for r in rows]


def _fts_query(text: str) -> str:
    """User text as an FTS5 query: words are ANDed, quoted phrases kept, operators not required."""
    phrases = re.findall(r'"([^"]+)"', text)
    rest = re.sub(r'"[^"]+"', " ", text)
    terms = [f'"{p}"' for p in phrases] + [f'"{w}"' for w in re.findall(r"[\w'’-]+", rest)]
    return " ".join(terms)


def search(store: Store, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """Articles matching ``text`` (all words), best first, with a snippet whose hits are «marked»."""
    query = _fts_query(text)
    if not query:
        return []
    rows = store.conn.execute(
        """SELECT f.document_id, f.idx, a.title, a.published, a.publisher,
                  snippet(articles_fts, 1, '«', '»', ' … ', 16) AS snippet
           FROM articles_fts f JOIN articles a ON a.document_id = f.document_id AND a.idx = f.idx
           WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?""",
        (query, limit),
    )
    return [
        {"document_id": r["document_id"], "article_index": r["idx"], "title": r["title"],
         "published": r["published"], "publisher": r["publisher"], "snippet": r["snippet"]}
        for r in rows
    ]


def articles(store: Store, document_id: str) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT * FROM articles WHERE document_id = ? ORDER BY idx", (document_id,)
    )
    return [
        {"index": r["idx"], "title": r["title"], "author": r["author"], "published": r["published"],
         "date_precision": r["date_precision"], "date_source": r["date_source"],
         "publisher": r["publisher"], "text": r["text"]}
        for r in rows
    ]


def removed(store: Store, document_id: str) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT start, end, kind, text FROM removed WHERE document_id = ? ORDER BY start", (document_id,)
    )
    return [dict(r) for r in rows]


def resolve_document_id(store: Store, ref: str) -> str | None:
    """A document by its id, an id prefix, its source id or its origin path."""
    c = store.conn
    for sql in (
        "SELECT id FROM documents WHERE id = ?",
        "SELECT id FROM documents WHERE source_id = ? ORDER BY status = 'ok' DESC",
        "SELECT id FROM documents WHERE origin = ?",
    ):
        row = c.execute(sql, (ref,)).fetchone()
        if row:
            return row[0]
    rows = c.execute("SELECT id FROM documents WHERE id LIKE ? LIMIT 2", (ref + "%",)).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def documents(store: Store) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        """SELECT d.id, d.source_id, d.publisher, d.status, d.error, count(a.idx) AS articles,
                  min(a.title) AS title, min(a.published) AS published
           FROM documents d LEFT JOIN articles a ON a.document_id = d.id
           GROUP BY d.id ORDER BY d.source_id"""
    )
    return [dict(r) for r in rows]


def export_documents(store: Store) -> Iterator[dict[str, Any]]:
    """Rows of documents.jsonl (../shared/schema/README.md)."""
    for d in store.conn.execute("SELECT * FROM documents ORDER BY source_id, id"):
        arts = store.conn.execute(
            "SELECT idx, title, author, published, text FROM articles WHERE document_id = ? ORDER BY idx",
            (d["id"],),
        )
        publisher = d["publisher"]
        art_list = []
        for a in arts:
            art_list.append({"index": a["idx"], "title": a["title"], "author": a["author"],
                             "published": a["published"], "text": a["text"]})
        if publisher is None:
            row = store.conn.execute(
                "SELECT publisher FROM articles WHERE document_id = ? AND publisher IS NOT NULL LIMIT 1",
                (d["id"],),
            ).fetchone()
            publisher = row[0] if row else None
        yield {"id": d["id"], "source_id": d["source_id"], "url": d["url"], "publisher": publisher,
               "status": d["status"], "error": d["error"], "articles": art_list}


def loads(value: str | None) -> Any:
    return json.loads(value) if value else None
