"""Readers the workbench needs that ``sitrep.query`` lacks (candidates to move there).

Events are read from the ``events`` table written by ``sitrep.resolve``: the filter columns
(type, date, country, attribution_grade, disputed, ``event_actors``) select and sort, and the JSON
payload (one row of ``events.jsonl``) is parsed only for the rows of the page shown.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep import query
from sitrep.resolve.readers import EventSelection, event_where, report_date
from sitrep.store import Store

# Orders over plain columns only: sorting 10,000 rows must not drag their JSON payloads along.
SORTS = {
    "date": "e.date IS NULL, e.date, e.id",
    "-date": "e.date IS NULL, e.date DESC, e.id",
    "type": "e.type, e.date DESC, e.id",
    "country": "e.country IS NULL, e.country, e.date DESC, e.id",
    "killed": "coalesce(json_extract(e.data, '$.killed.best'), -1), e.date DESC, e.id",
    "-killed": "coalesce(json_extract(e.data, '$.killed.best'), -1) DESC, e.date DESC, e.id",
}
GRADES = ("claimed", "attributed", "contested", "unknown")


@dataclass(frozen=True, slots=True)
class EventFilter(EventSelection):
    """A selection of events with its order and page, as the events page and ``/api/events``
    take it."""

    sort: str = "-date"
    limit: int = 50
    offset: int = 0


def count_events(store: Store, f: EventFilter) -> int:
    where, args = event_where(store, f)
    return int(
        store.conn.execute(f"SELECT count(*) FROM events e WHERE {where}", args).fetchone()[0]
    )


class EventFacts:
    """Numbers that live inside the events' JSON payloads (killed, coordinates) and the charts,
    read once and kept until the store changes (``PRAGMA data_version`` on a connection of its
    own tells when another connection has committed). One per application; thread-safe."""

    def __init__(self, path: str) -> None:
        uri = f"file:{Path(path).resolve()}?mode=ro"
        self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._version: int | None = None
        self._memo: dict[Any, Any] = {}

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        with self._lock:
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._version:
                self._version, self._memo = version, {}
            if key not in self._memo:
                self._memo[key] = compute()
            return self._memo[key]

    def facts(self, store: Store) -> dict[str, tuple]:
        """event id -> (killed best, lat, lon, place label)."""

        def load() -> dict[str, tuple]:
            rows = store.conn.execute(
                """SELECT id, json_extract(data, '$.killed.best'),
                          json_extract(data, '$.location.lat'), json_extract(data, '$.location.lon'),
                          coalesce(json_extract(data, '$.location.place'),
                                   json_extract(data, '$.location.admin1'), country)
                   FROM events"""
            )
            return {r[0]: tuple(r[1:]) for r in rows}

        return self.memo("facts", load)

    def close(self) -> None:
        self._conn.close()


def _page_ids(store: Store, f: EventFilter, cache: EventFacts | None) -> list[str]:
    where, args = event_where(store, f)
    if f.sort in ("killed", "-killed") and cache is not None:
        facts = cache.facts(store)
        rows = store.conn.execute(f"SELECT e.id, e.date FROM events e WHERE {where}", args)
        # stable sorts: id, then date descending, then killed (ascending or descending)
        ordered = sorted(rows, key=lambda r: r[0])
        ordered.sort(key=lambda r: r[1] or "", reverse=True)
        killed = lambda r: facts.get(r[0], (None,))[0]  # noqa: E731
        ordered.sort(
            key=lambda r: -1 if killed(r) is None else killed(r), reverse=f.sort == "-killed"
        )
        return [r[0] for r in ordered[f.offset : f.offset + f.limit]]
    order = SORTS.get(f.sort, SORTS["-date"])
    sql = f"SELECT e.id FROM events e WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
    return [r[0] for r in store.conn.execute(sql, [*args, f.limit, f.offset])]


def _payloads(store: Store, ids: list[str]) -> Iterator[dict[str, Any]]:
    found = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(
            f"SELECT id, data, disputed, attribution_grade FROM events WHERE id IN ({marks})", chunk
        ):
            found[row["id"]] = row
    for event_id in ids:
        yield _payload(found[event_id])


def _payload(row: sqlite3.Row) -> dict[str, Any]:
    data = json.loads(row["data"])
    data.setdefault("attribution_grade", row["attribution_grade"])
    data["disputed"] = bool(row["disputed"])
    return data


def summary(e: dict[str, Any]) -> dict[str, Any]:
    """The short form of an event that listings show."""
    loc = e.get("location") or {}
    return {
        "id": e["id"],
        "type": e.get("type"),
        "date": e.get("date"),
        "date_precision": e.get("date_precision"),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "place": loc.get("place"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "perpetrators": [
            {"actor_id": p.get("actor_id"), "name": p.get("name"), "basis": p.get("basis")}
            for p in e.get("perpetrators") or []
        ],
        "killed": (e.get("killed") or {}).get("best"),
        "wounded": (e.get("wounded") or {}).get("best"),
        "attribution_grade": e.get("attribution_grade"),
        "disputed": bool(e.get("disputed")),
        "documents": len(e.get("documents") or []),
    }


def list_events(
    store: Store, f: EventFilter, cache: EventFacts | None = None
) -> list[dict[str, Any]]:
    """One page of the selection, in the short form of :func:`summary`."""
    return [summary(e) for e in _payloads(store, _page_ids(store, f, cache))]


def export_events(store: Store, f: EventFilter) -> Iterator[dict[str, Any]]:
    """Every selected event as a row of ``events.jsonl`` (no paging)."""
    where, args = event_where(store, f)
    order = SORTS.get(f.sort, SORTS["-date"])
    sql = f"SELECT e.data, e.disputed, e.attribution_grade FROM events e WHERE {where} ORDER BY {order}"
    for row in store.conn.execute(sql, args):
        yield _payload(row)


def filter_options(store: Store) -> dict[str, list[str]]:
    c = store.conn
    return {
        "types": [r[0] for r in c.execute("SELECT DISTINCT type FROM events ORDER BY type")],
        "countries": [
            r[0]
            for r in c.execute(
                "SELECT DISTINCT country FROM events WHERE country IS NOT NULL ORDER BY country"
            )
        ],
        "grades": list(GRADES),
    }


# -- one event -------------------------------------------------------------------------------------
def _article(store: Store, document_id: str, index: int) -> dict[str, Any] | None:
    row = store.conn.execute(
        """SELECT a.title, a.published, a.publisher, a.text, d.url, d.source_id
           FROM articles a JOIN documents d ON d.id = a.document_id
           WHERE a.document_id = ? AND a.idx = ?""",
        (document_id, index),
    ).fetchone()
    return dict(row) if row else None


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """An event (a row of ``events.jsonl``) with each source's report and its article."""
    row = store.conn.execute(
        "SELECT data, disputed, attribution_grade FROM events WHERE id = ?", (event_id,)
    ).fetchone()
    if row is None:
        return None
    event = _payload(row)
    reports = []
    anchored = {a["report_id"]: a for a in event.get("anchored") or ()}
    for (data,) in store.conn.execute(
        "SELECT data FROM event_reports WHERE event_id = ? ORDER BY document_id, article_index, id",
        (event_id,),
    ):
        report = json.loads(data)
        # an undated page's "on Sunday" shown with the day of its event
        report.update(report_date(report, anchored.get(report["id"])))
        report["article"] = _article(store, report["document_id"], report["article_index"])
        reports.append(report)
    event["reports"] = reports
    event["claims"] = query.claims(store, about=event_id)
    return event


# -- documents -------------------------------------------------------------------------------------
def document_detail(store: Store, document_id: str) -> dict[str, Any] | None:
    """A document with its clean articles and every span the store points into them."""
    doc = store.document(document_id)
    if doc is None:
        return None
    c = store.conn
    spans: dict[int, list[dict[str, Any]]] = {}

    def add(index: int, start: int, end: int, kind: str, label: str, ref: str | None) -> None:
        spans.setdefault(index, []).append(
            {"start": start, "end": end, "kind": kind, "label": label, "ref": ref}
        )

    for m in c.execute(
        "SELECT article_index, start, end, actor_id, name FROM mentions WHERE document_id = ?",
        (document_id,),
    ):
        add(m["article_index"], m["start"], m["end"], "actor", m["name"], m["actor_id"])
    for (data,) in c.execute("SELECT data FROM claims WHERE document_id = ?", (document_id,)):
        cl = json.loads(data)
        ev = cl["evidence"]
        label = f"{cl.get('speaker') or 'unnamed source'} {cl['verb']} ({cl['stance']})"
        add(ev["article_index"], ev["start"], ev["end"], "claim", label, None)
    for r in c.execute(
        "SELECT data, event_id FROM event_reports WHERE document_id = ?", (document_id,)
    ):
        rep = json.loads(r["data"])
        for ev in rep.get("evidence") or []:
            add(ev["article_index"], ev["start"], ev["end"], "event", rep["type"], r["event_id"])
        for fig in rep.get("figures") or []:
            ev = fig.get("evidence")
            if ev:
                label = f"{fig['kind']}: {fig.get('qualifier') or ''} {fig['value']}".strip()
                add(ev["article_index"], ev["start"], ev["end"], "figure", label, r["event_id"])
    articles = query.articles(store, document_id)
    for a in articles:
        a["spans"] = spans.get(a["index"], [])
    return {
        "id": doc.id,
        "source_id": doc.source_id,
        "origin": doc.origin,
        "url": doc.url,
        "title": doc.title,
        "published": doc.published,
        "publisher": doc.publisher,
        "content_type": doc.content_type,
        "status": doc.status,
        "error": doc.error,
        "articles": articles,
        "removed": query.removed(store, document_id),
        "raw": doc.raw,
    }


# -- overview and actor charts -----------------------------------------------------------------------
def weekly_by_actor(store: Store, *, top: int = 5, weeks: int = 26) -> dict[str, Any]:
    """Events per week (Monday) for the ``top`` perpetrators, over the last ``weeks`` weeks of data."""
    c = store.conn
    last = c.execute("SELECT max(date) FROM events").fetchone()[0]
    if not last:
        return {"weeks": [], "series": []}
    start = c.execute("SELECT date(?, '-' || ? || ' days')", (last[:10], weeks * 7)).fetchone()[0]
    actors = c.execute(
        """SELECT ea.actor_id, coalesce(a.name, ea.actor_id) AS name, count(DISTINCT e.id) AS n
           FROM event_actors ea JOIN events e ON e.id = ea.event_id
           LEFT JOIN actors a ON a.id = ea.actor_id
           WHERE e.date >= ? AND ea.role != 'denied'
           GROUP BY ea.actor_id ORDER BY n DESC, ea.actor_id LIMIT ?""",
        (start, top),
    ).fetchall()
    ids = [r["actor_id"] for r in actors]
    counts: dict[tuple[str, str], int] = {}
    if ids:
        marks = ",".join("?" * len(ids))
        for r in c.execute(
            f"""SELECT ea.actor_id, date(e.date, 'weekday 1', '-7 days') AS week,
                       count(DISTINCT e.id) AS n
                FROM event_actors ea JOIN events e ON e.id = ea.event_id
                WHERE e.date >= ? AND ea.role != 'denied' AND ea.actor_id IN ({marks})
                GROUP BY ea.actor_id, week""",
            (start, *ids),
        ):
            counts[(r["actor_id"], r["week"])] = r["n"]
    first_week = c.execute("SELECT date(?, 'weekday 1', '-7 days')", (start,)).fetchone()[0]
    week_list = [
        r[0]
        for r in c.execute(
            """WITH RECURSIVE w(d) AS (SELECT ? UNION ALL SELECT date(d, '+7 days') FROM w
                                       WHERE d < date(?, 'weekday 1', '-7 days'))
               SELECT d FROM w""",
            (first_week, last[:10]),
        )
    ]
    series = [
        {
            "actor_id": r["actor_id"],
            "name": r["name"],
            "total": r["n"],
            "counts": [counts.get((r["actor_id"], w), 0) for w in week_list],
        }
        for r in actors
    ]
    return {"weeks": week_list, "series": series}


def map_points(
    store: Store,
    f: EventFilter | None = None,
    *,
    grid: float = 0.5,
    cache: EventFacts | None = None,
) -> list[dict]:
    """Geocoded events binned on a ``grid``-degree grid: ``{lat, lon, n, label}`` per cell."""
    where, args = event_where(store, f) if f else ("1", [])
    if cache is None:
        rows = store.conn.execute(
            f"""SELECT json_extract(e.data, '$.location.lat'), json_extract(e.data, '$.location.lon'),
                       coalesce(json_extract(e.data, '$.location.place'),
                                json_extract(e.data, '$.location.admin1'), e.country)
                FROM events e WHERE {where}""",
            args,
        )
        points = [tuple(r) for r in rows]
    else:
        facts = cache.facts(store)
        ids = store.conn.execute(f"SELECT e.id FROM events e WHERE {where}", args)
        points = [facts[r[0]][1:] for r in ids if r[0] in facts]
    cells: dict[tuple[float, float], dict[str, Any]] = {}
    for lat, lon, label in points:
        if lat is None or lon is None:
            continue
        key = (round(lat / grid) * grid, round(lon / grid) * grid)
        cell = cells.setdefault(key, {"lat": key[0], "lon": key[1], "n": 0, "label": label})
        cell["n"] += 1
    return sorted(cells.values(), key=lambda c: -c["n"])


def actor_events(store: Store, actor_id: str, *, limit: int = 200) -> list[dict[str, Any]]:
    return list_events(store, EventFilter(actor=actor_id, sort="-date", limit=limit))


def monthly_counts(store: Store, actor_id: str) -> list[tuple[str, int]]:
    rows = store.conn.execute(
        """SELECT substr(e.date, 1, 7) AS month, count(DISTINCT e.id) AS n
           FROM event_actors ea JOIN events e ON e.id = ea.event_id
           WHERE ea.actor_id = ? AND ea.role != 'denied' AND e.date IS NOT NULL
           GROUP BY month ORDER BY month""",
        (actor_id,),
    )
    return [(r["month"], r["n"]) for r in rows]
