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
        {
            "document_id": r["document_id"],
            "article_index": r["idx"],
            "title": r["title"],
            "published": r["published"],
            "publisher": r["publisher"],
            "snippet": r["snippet"],
        }
        for r in rows
    ]


def articles(store: Store, document_id: str) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT * FROM articles WHERE document_id = ? ORDER BY idx", (document_id,)
    )
    return [
        {
            "index": r["idx"],
            "title": r["title"],
            "author": r["author"],
            "published": r["published"],
            "date_precision": r["date_precision"],
            "date_source": r["date_source"],
            "publisher": r["publisher"],
            "genre": r["genre"],
            "text": r["text"],
        }
        for r in rows
    ]


def removed(store: Store, document_id: str) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT start, end, kind, text FROM removed WHERE document_id = ? ORDER BY start",
        (document_id,),
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
            art_list.append(
                {
                    "index": a["idx"],
                    "title": a["title"],
                    "author": a["author"],
                    "published": a["published"],
                    "text": a["text"],
                }
            )
        if publisher is None:
            row = store.conn.execute(
                "SELECT publisher FROM articles WHERE document_id = ? AND publisher IS NOT NULL LIMIT 1",
                (d["id"],),
            ).fetchone()
            publisher = row[0] if row else None
        yield {
            "id": d["id"],
            "source_id": d["source_id"],
            "url": d["url"],
            "publisher": publisher,
            "status": d["status"],
            "error": d["error"],
            "articles": art_list,
        }


def loads(value: str | None) -> Any:
    return json.loads(value) if value else None


# -- actors ---------------------------------------------------------------------------------------
def actor_ids(store: Store, ref: str, *, include_affiliates: bool = False) -> set[str]:
    """Actor ids a user reference names: an id, a canonical name or any alias (registry lookup),
    plus, with ``include_affiliates``, every affiliate below it (ISKP under Islamic State)."""
    from sitrep.actors.registry import load_registry

    registry = load_registry()
    ids: set[str] = set()
    row = store.conn.execute(
        "SELECT id FROM actors WHERE id = ? OR lower(name) = lower(?)", (ref, ref)
    ).fetchone()
    if row:
        ids.add(row[0])
    else:
        actor = registry.lookup(ref)
        if actor is not None:
            ids.add(actor.id)
    if include_affiliates:
        for actor_id in list(ids):
            ids |= set(registry.descendants(actor_id))
    return ids


def actors(
    store: Store, *, kind: str | None = None, mentioned_only: bool = True
) -> list[dict[str, Any]]:
    sql = """SELECT a.id, a.name, a.kind, a.parent, a.country, a.source, a.data,
                    count(m.actor_id) AS mentions, count(DISTINCT m.document_id) AS documents
             FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id
             WHERE (? IS NULL OR a.kind = ?)
             GROUP BY a.id"""
    rows = []
    for r in store.conn.execute(sql, (kind, kind)):
        if mentioned_only and r["mentions"] == 0 and r["source"] != "discovered":
            continue
        data = json.loads(r["data"])
        rows.append(
            {
                "id": r["id"],
                "name": r["name"],
                "kind": r["kind"],
                "aliases": data.get("aliases", []),
                "parent": r["parent"],
                "country": r["country"],
                "source": r["source"],
                "mentions": r["mentions"],
                "documents": r["documents"],
            }
        )
    rows.sort(key=lambda r: (-r["mentions"], r["name"]))
    return rows


def actor_profile(store: Store, ref: str) -> dict[str, Any] | None:
    ids = actor_ids(store, ref)
    if not ids:
        return None
    actor_id = sorted(ids)[0]
    row = store.conn.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if row is None:
        return None
    data = json.loads(row["data"])
    c = store.conn
    seen = c.execute(
        "SELECT text, count(*) AS n FROM mentions WHERE actor_id = ? GROUP BY text ORDER BY n DESC",
        (actor_id,),
    ).fetchall()
    affiliates = c.execute(
        "SELECT id, name FROM actors WHERE parent = ? ORDER BY name", (actor_id,)
    ).fetchall()
    parent = (
        c.execute("SELECT id, name FROM actors WHERE id = ?", (row["parent"],)).fetchone()
        if row["parent"]
        else None
    )
    people = c.execute(
        "SELECT name, role, count(*) AS n FROM people WHERE organisation_id = ? GROUP BY name, role ORDER BY n DESC",
        (actor_id,),
    ).fetchall()
    docs = c.execute(
        """SELECT m.document_id, d.source_id, count(*) AS n FROM mentions m JOIN documents d ON d.id = m.document_id
           WHERE m.actor_id = ? GROUP BY m.document_id ORDER BY n DESC""",
        (actor_id,),
    ).fetchall()
    return {
        "id": actor_id,
        "name": row["name"],
        "kind": row["kind"],
        "country": row["country"],
        "source": row["source"],
        "note": data.get("note"),
        "registry_aliases": data.get("aliases", []),
        "aliases_seen": [{"text": r["text"], "count": r["n"]} for r in seen],
        "parent": dict(parent) if parent else None,
        "affiliates": [dict(r) for r in affiliates],
        "people": [dict(r) for r in people],
        "documents": [
            {"id": r["document_id"], "source_id": r["source_id"], "mentions": r["n"]} for r in docs
        ],
        "evidence": data.get("evidence", []),
    }


def export_actors(store: Store) -> Iterator[dict[str, Any]]:
    for r in actors(store, mentioned_only=False):
        yield {
            k: r[k]
            for k in ("id", "name", "kind", "aliases", "parent", "country", "source", "mentions")
        }


def export_mentions(store: Store) -> Iterator[dict[str, Any]]:
    for r in store.conn.execute(
        "SELECT document_id, article_index, start, end, text, actor_id, name FROM mentions "
        "ORDER BY document_id, article_index, start"
    ):
        yield dict(r)


# -- claims and relations ---------------------------------------------------------------------------
def claims(
    store: Store,
    *,
    about: str | None = None,
    speaker: str | None = None,
    document_id: str | None = None,
) -> list[dict[str, Any]]:
    sql = "SELECT data FROM claims WHERE 1=1"
    args: list[Any] = []
    if about:
        # an event id selects the claims about any of its reports
        sql += " AND (about = ? OR about IN (SELECT id FROM event_reports WHERE event_id = ?))"
        args += [about, about]
    if speaker:
        sql += " AND speaker LIKE ?"
        args.append(f"%{speaker}%")
    if document_id:
        sql += " AND document_id = ?"
        args.append(document_id)
    out = []
    for (data,) in store.conn.execute(sql + " ORDER BY document_id, article_index", args):
        c = json.loads(data)
        out.append(
            {
                "id": c["id"],
                "document_id": c["document_id"],
                "speaker": c["speaker"],
                "speaker_role": c.get("speaker_role"),
                "speaker_actor_id": c.get("speaker_actor_id"),
                "verb": c["verb"],
                "stance": c["stance"],
                "about": c.get("about"),
                "about_kind": c.get("about_kind"),
                "cited_source": c.get("cited_source"),
                "is_opinion": c.get("is_opinion", False),
                "evidence": c["evidence"],
                "text": c["evidence"]["text"],
            }
        )
    return out


def export_claims(store: Store) -> Iterator[dict[str, Any]]:
    for c in claims(store):
        c = dict(c)
        c.pop("text")
        yield c


def relation_reports(store: Store, actor_ids_: set[str] | None = None) -> list[Any]:
    from sitrep.records import Evidence, RelationReport

    sql, args = "SELECT data FROM relation_reports", []
    if actor_ids_:
        marks = ",".join("?" * len(actor_ids_))
        sql += f" WHERE a_id IN ({marks}) OR b_id IN ({marks})"
        args = [*actor_ids_, *actor_ids_]
    out = []
    for (data,) in store.conn.execute(sql + " ORDER BY id", args):
        d = json.loads(data)
        d["evidence"] = Evidence(**d["evidence"])
        out.append(RelationReport(**d))
    return out


def relations(
    store: Store, actor: str | None = None, *, include_affiliates: bool = False
) -> list[dict[str, Any]]:
    from sitrep.claims import aggregate_relations

    ids = actor_ids(store, actor, include_affiliates=include_affiliates) if actor else None
    if actor and not ids:
        return []
    return aggregate_relations(relation_reports(store, ids))


def export_relations(store: Store) -> Iterator[dict[str, Any]]:
    yield from relations(store)
