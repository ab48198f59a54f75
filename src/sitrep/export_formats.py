"""Views of the exported data in the formats analysts' tools read.

- :func:`write_csv` — one row per event, GTD/ACLED-like columns (:data:`CSV_COLUMNS`, documented
  in ``docs/resolve.md``), for spreadsheets and R/pandas;
- :func:`write_geojson` — events with coordinates as Point features, flat properties, for QGIS;
- :func:`write_graphml` — the actor relation graph (edges with stance counts), for Gephi.

Rows are those of ``sitrep.resolve.export_events`` (events.jsonl) and of
``sitrep.claims.aggregate_relations`` (relations.jsonl). Files are written to ``PATH.part`` first
and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

CSV_COLUMNS = (
    "event_id",
    "event_date",
    "date_precision",
    "event_type",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "perpetrators",
    "claimed_by",
    "attribution_grade",
    "killed_low",
    "killed_best",
    "killed_high",
    "wounded_low",
    "wounded_best",
    "wounded_high",
    "targets",
    "weapons",
    "disputed",
    "n_sources",
    "sources",
    "notes",
)
_SEP = "; "


def _publishers(row: Mapping[str, Any]) -> list[str]:
    names = [s.get("publisher") or s.get("document_id") for s in row.get("sources") or ()]
    return list(dict.fromkeys(n for n in names if n)) or list(row.get("documents") or ())


def flat(row: Mapping[str, Any]) -> dict[str, Any]:
    """An events.jsonl row as one flat record (the CSV columns; also the GeoJSON properties)."""
    loc = row.get("location") or {}
    killed, wounded = row.get("killed") or {}, row.get("wounded") or {}
    perps = [
        f"{p['name']} ({p['basis']}{', disputed' if p.get('disputed') else ''})"
        for p in row.get("perpetrators") or ()
    ]
    return {
        "event_id": row["id"],
        "event_date": row.get("date"),
        "date_precision": row.get("date_precision"),
        "event_type": row.get("type"),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "location": loc.get("place"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": loc.get("precision"),
        "perpetrators": _SEP.join(perps),
        "claimed_by": _SEP.join(row.get("claimed_by") or ()),
        "attribution_grade": row.get("attribution_grade"),
        "killed_low": killed.get("low"),
        "killed_best": killed.get("best"),
        "killed_high": killed.get("high"),
        "wounded_low": wounded.get("low"),
        "wounded_best": wounded.get("best"),
        "wounded_high": wounded.get("high"),
        "targets": _SEP.join(row.get("targets") or ()),
        "weapons": _SEP.join(row.get("weapons") or ()),
        "disputed": int(bool(row.get("disputed") or row.get("disputes"))),
        "n_sources": len(row.get("documents") or ()),
        "sources": _SEP.join(_publishers(row)),
        "notes": " | ".join(d["note"] for d in row.get("disputes") or ()),
    }


def _tmp(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.with_suffix(path.suffix + ".part")


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text: one starting with = + - @ would run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """An events.jsonl row as one CSV record, every cell safe to open in a spreadsheet."""
    return {k: csv_cell(v) for k, v in flat(row).items()}


def iter_csv(rows: Iterable[Mapping[str, Any]], chunk: int = 65536) -> Iterator[str]:
    """The CSV text of the rows in pieces of about ``chunk`` characters (the web download of a
    selection streams these; same columns as :func:`write_csv`)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(csv_record(row))
        if buf.tell() > chunk:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def write_csv(rows: Iterable[Mapping[str, Any]], path: str | Path) -> int:
    """One row per event with :data:`CSV_COLUMNS` (UTF-8, header row; lists joined by "; ";
    empty cells for unknown values). Returns the number of rows."""
    path = Path(path)
    tmp, count = _tmp(path), 0
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for count, row in enumerate(rows, start=1):  # noqa: B007 - the count is returned
            writer.writerow(csv_record(row))
    tmp.replace(path)
    return count


def write_geojson(rows: Iterable[Mapping[str, Any]], path: str | Path) -> dict[str, int]:
    """A FeatureCollection of events as Points (lon, lat) with the CSV columns as properties.
    Events without coordinates are skipped and counted: ``{"written": n, "skipped": m}``."""
    path = Path(path)
    features, skipped = [], 0
    for row in rows:
        props = flat(row)
        lat, lon = props["latitude"], props["longitude"]
        if lat is None or lon is None:
            skipped += 1
            continue
        features.append(
            {
                "type": "Feature",
                "id": props["event_id"],
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": props,
            }
        )
    tmp = _tmp(path)
    tmp.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
        encoding="utf-8",
    )
    tmp.replace(path)
    return {"written": len(features), "skipped": skipped}


def _kinds() -> dict[str, str]:
    try:
        from sitrep.actors.registry import load_registry

        return {a.id: a.kind for a in load_registry().actors.values()}
    except Exception:  # the graph is still useful without kinds
        return {}


def _names(values: Any) -> list[str]:
    out = []
    for v in values or ():
        out.append(
            v
            if isinstance(v, str)
            else str(v.get("speaker") or v.get("name") or v.get("document_id") or v)
        )
    return out


def write_graphml(
    relations: Iterable[Mapping[str, Any]],
    path: str | Path,
    *,
    kinds: Mapping[str, str] | None = None,
) -> dict[str, int]:
    """The actor relation graph as GraphML: nodes are actors (``label``, ``kind``), one directed
    edge per aggregated relation (``type``, ``asserted``/``denied``/``speculated`` counts,
    ``first_seen``, ``last_seen``, ``asserted_by``/``denied_by`` joined by "; "). ``kinds`` maps
    actor ids to kinds (default: the actor registry). Returns ``{"nodes": n, "edges": m}``."""
    import networkx as nx

    kinds = dict(kinds) if kinds is not None else _kinds()
    graph = nx.MultiDiGraph()
    for rel in relations:
        for node, name in ((rel["a_id"], rel.get("a")), (rel["b_id"], rel.get("b"))):
            if node not in graph:
                graph.add_node(node, label=name or node, kind=kinds.get(node, "unknown"))
        asserted, denied = _names(rel.get("asserted_by")), _names(rel.get("denied_by"))
        speculated = _names(rel.get("speculated_by"))
        # counts of statements when the aggregation gives them, else of distinct speakers
        counts = rel.get("counts") or {}
        attrs = {
            "type": rel.get("type") or "related",
            "asserted": int(counts.get("asserted", len(asserted))),
            "denied": int(counts.get("denied", len(denied))),
            "speculated": int(counts.get("speculated", len(speculated))),
            "speculated_by": _SEP.join(speculated),
            "asserted_by": _SEP.join(asserted),
            "denied_by": _SEP.join(denied),
            "first_seen": rel.get("first_seen") or "",
            "last_seen": rel.get("last_seen") or "",
            "evidence": len(rel.get("evidence") or ()),
        }
        graph.add_edge(
            rel["a_id"], rel["b_id"], key=rel.get("id") or f"{rel['a_id']}-{rel['b_id']}", **attrs
        )
    path = Path(path)
    tmp = _tmp(path)
    nx.write_graphml(graph, tmp)
    tmp.replace(path)
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
