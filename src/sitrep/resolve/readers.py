"""Readers of resolved events: listings with filters, one event with its reports side by side,
``--why`` explanations and the rows of events.jsonl. Nothing here re-runs extraction."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sitrep import query
from sitrep.resolve.lexicon import slug
from sitrep.store import Store

# sort key -> SQL ORDER BY (a leading "-" is descending)
SORTS = {
    "date": "date IS NULL, date {d}, id",
    "killed": "json_extract(data, '$.killed.best') IS NULL, json_extract(data, '$.killed.best') {d}, id",
    "sources": "json_array_length(data, '$.documents') {d}, id",
    "country": "country {d}, date, id",
}
# Fields of the stored event that are not part of events.jsonl's documented shape but are kept
# (extra fields are allowed by the schema): attribution_grade, disputed, sources, reports.


def _actor_ids(store: Store, actor: str, include_affiliates: bool) -> set[str]:
    """What ``query.actor_ids`` resolves, plus the name's slug: perpetrators the registry does not
    know are filed under their slugged name in ``event_actors``."""
    return query.actor_ids(store, actor, include_affiliates=include_affiliates) | {
        actor,
        slug(actor),
    }


@dataclass(frozen=True, slots=True)
class EventSelection:
    """Which events: the one filter the CLI, the API and the web pages share. ``actor`` is an
    actor id, name or alias (with ``include_affiliates``, its affiliates too: ISKP for Islamic
    State); ``since`` and ``until`` are inclusive ISO dates or date prefixes ("2021-05");
    ``disputed`` keeps only the events whose sources disagree."""

    actor: str | None = None
    include_affiliates: bool = False
    country: str | None = None
    since: str | None = None
    until: str | None = None
    type: str | None = None
    grade: str | None = None
    disputed: bool = False


def event_where(store: Store, sel: EventSelection) -> tuple[str, list[Any]]:
    """The SQL condition (on ``events e``) and its arguments for a selection of events."""
    clauses: list[str] = []
    args: list[Any] = []
    if sel.actor:
        ids = sorted(_actor_ids(store, sel.actor, sel.include_affiliates))
        marks = ",".join("?" * len(ids))
        clauses.append(f"e.id IN (SELECT event_id FROM event_actors WHERE actor_id IN ({marks}))")
        args += ids
    for column, op, value in (
        ("e.country", "=", sel.country and sel.country.upper()),
        ("e.date", ">=", sel.since),
        ("e.date", "<=", sel.until and sel.until + "~"),  # '~' sorts after every digit and '-'
        ("e.type", "=", sel.type),
        ("e.attribution_grade", "=", sel.grade),
    ):
        if value:
            clauses.append(f"{column} {op} ?")
            args.append(value)
    if sel.disputed:
        clauses.append("e.disputed = 1")
    return " AND ".join(clauses) or "1", args


def events(
    store: Store,
    sel: EventSelection = EventSelection(),
    *,
    limit: int | None = None,
    offset: int | None = None,
    sort: str = "-date",
) -> list[dict[str, Any]]:
    """Events (rows of events.jsonl) of the selection ``sel``; ``sort`` is one of date, killed,
    sources, country, optionally with a leading "-" for descending order."""
    where, args = event_where(store, sel)
    key = sort.lstrip("-")
    if key not in SORTS:
        raise ValueError(
            f"unknown sort {sort!r}; use one of {', '.join(SORTS)} (with - for descending)"
        )
    order = SORTS[key].format(d="DESC" if sort.startswith("-") else "ASC")
    sql = f"SELECT data FROM events e WHERE {where} ORDER BY {order}"
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        args += [limit if limit is not None else -1, offset or 0]
    return [json.loads(r[0]) for r in store.conn.execute(sql, args)]


def resolve_event_id(store: Store, ref: str) -> str | None:
    """An event by its id or a unique id prefix."""
    row = store.conn.execute("SELECT id FROM events WHERE id = ?", (ref,)).fetchone()
    if row:
        return row[0]
    rows = store.conn.execute(
        "SELECT id FROM events WHERE id LIKE ? LIMIT 2", (ref + "%",)
    ).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with its reports side by side: per report the document, publisher, published
    date, title, figures with who gave them, perpetrator statements and how it joined."""
    found = resolve_event_id(store, event_id)
    if found is None:
        return None
    row = store.conn.execute("SELECT data FROM events WHERE id = ?", (found,)).fetchone()
    data = json.loads(row[0])
    anchored = {a["report_id"]: a for a in data.get("anchored") or ()}
    data["reports"] = [_side(r, anchored.get(r["id"])) for r in _report_rows(store, found)]
    return data


def _report_rows(store: Store, event_id: str) -> list[Any]:
    return store.conn.execute(
        """SELECT r.id, r.data, a.published, a.publisher, a.title, d.url, d.source_id,
                  l.method, l.score, l.matched, l.parts, l.candidates
           FROM resolve_links l JOIN event_reports r ON r.id = l.report_id
           LEFT JOIN articles a ON a.document_id = r.document_id AND a.idx = r.article_index
           LEFT JOIN documents d ON d.id = r.document_id
           WHERE l.event_id = ? ORDER BY a.published IS NULL, a.published, r.document_id, r.id""",
        (event_id,),
    ).fetchall()


def _text(ev: dict[str, Any] | None) -> str | None:
    return ev.get("text") if ev else None


def report_date(report: dict[str, Any], anchored: dict[str, Any] | None) -> dict[str, Any]:
    """A stored report's ``date``, ``date_precision`` and ``date_clue``: its own date, else the
    event's day when the event anchored it (``anchored``: its entry in the event's ``anchored``),
    with the words that named that day ("on Sunday", "in October 2022") as ``date_clue``."""
    if not anchored:
        return {
            "date": report.get("date"),
            "date_precision": report.get("date_precision"),
            "date_clue": None,
        }
    return {
        "date": anchored["date"],
        "date_precision": anchored["date_precision"],
        "date_clue": anchored["evidence"]["text"],
    }


def _side(r: Any, anchored: dict[str, Any] | None = None) -> dict[str, Any]:
    """One report as ``sitrep event`` shows it (see :func:`report_date` for ``anchored``)."""
    rep = json.loads(r["data"])
    return {
        "report_id": r["id"],
        "document_id": rep["document_id"],
        "article_index": rep["article_index"],
        "source_id": r["source_id"],
        "url": r["url"],
        "publisher": r["publisher"],
        "published": r["published"],
        "title": r["title"],
        "background": rep.get("background", False),
        "type": rep["type"],
        **report_date(rep, anchored),
        "location": rep.get("location"),
        "figures": [
            {
                "kind": f["kind"],
                "value": f["value"],
                "value_high": f.get("value_high"),
                "qualifier": f.get("qualifier") or "",
                "according_to": f.get("according_to"),
                "superseded": f.get("superseded", False),
                "is_claim": f.get("is_claim", False),
                "text": _text(f.get("evidence")),
            }
            for f in rep.get("figures") or ()
        ],
        "perpetrators": [
            {
                "name": p["name"],
                "actor_id": p.get("actor_id"),
                "basis": p["basis"],
                "according_to": p.get("according_to"),
                "denied": p.get("denied", False),
                "text": _text(p.get("evidence")),
            }
            for p in rep.get("perpetrators") or ()
        ],
        "claimed_by": rep.get("claimed_by") or [],
        "claim_channel": rep.get("claim_channel"),
        "joined": r["method"],
        "score": r["score"],
    }


def explain(store: Store, event_id: str) -> list[dict[str, Any]]:
    """Why each report is part of the event: how it joined (new / joined / background), its score,
    the parts of the score and the report it matched best, in the order they were resolved."""
    found = resolve_event_id(store, event_id)
    if found is None:
        return []
    out = []
    for r in _report_rows(store, found):
        rep = json.loads(r["data"])
        out.append(
            {
                "report_id": r["id"],
                "document_id": rep["document_id"],
                "publisher": r["publisher"],
                "published": r["published"],
                "background": rep.get("background", False),
                "method": r["method"],
                "score": r["score"],
                "matched": r["matched"],
                "parts": json.loads(r["parts"]),
                "candidate_events": r["candidates"],
                "date": rep.get("date"),
                "place": (rep.get("location") or {}).get("place"),
                "admin1": (rep.get("location") or {}).get("admin1"),
                "type": rep["type"],
            }
        )
    return out


EXPORT_DROP = ("reports", "anchored")  # report ids are internal to the store


def export_events(store: Store) -> Iterator[dict[str, Any]]:
    """Rows of events.jsonl (../shared/schema/events.schema.json), by date then id."""
    for (data,) in store.conn.execute("SELECT data FROM events ORDER BY date IS NULL, date, id"):
        row = json.loads(data)
        for key in EXPORT_DROP:
            row.pop(key, None)
        yield row
