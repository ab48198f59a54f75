"""Exports: the JSON Lines files of ../shared/schema/README.md (other formats are views of them)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sitrep import query
from sitrep.resolve import export_events
from sitrep.store import Store

JSONL_FILES: dict[str, Callable[[Store], Iterable[dict[str, Any]]]] = {
    "documents.jsonl": query.export_documents,
    "events.jsonl": export_events,
    "actors.jsonl": query.export_actors,
    "mentions.jsonl": query.export_mentions,
    "claims.jsonl": query.export_claims,
    "relations.jsonl": query.export_relations,
}


def write_jsonl(rows: Iterable[dict[str, Any]], path: Path) -> int:
    count = 0
    tmp = path.with_suffix(path.suffix + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    tmp.replace(path)  # readers never see a half-written file
    return count


def export_jsonl(store: Store, out_dir: Path) -> dict[str, int]:
    out_dir.mkdir(parents=True, exist_ok=True)
    return {name: write_jsonl(rows(store), out_dir / name) for name, rows in JSONL_FILES.items()}


def export_view(store: Store, fmt: str, out_dir: Path) -> dict[str, int]:
    """The other formats, views of the same data: csv (one row per event), geojson (events as
    points, for QGIS), graphml (the actor relation graph, for Gephi)."""
    from sitrep import export_formats

    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        return {
            "events.csv": export_formats.write_csv(export_events(store), out_dir / "events.csv")
        }
    if fmt == "geojson":
        result = export_formats.write_geojson(export_events(store), out_dir / "events.geojson")
        return {"events.geojson": result["written"], "skipped (no coordinates)": result["skipped"]}
    if fmt == "graphml":
        result = export_formats.write_graphml(query.relations(store), out_dir / "relations.graphml")
        return {
            "relations.graphml nodes": result["nodes"],
            "relations.graphml edges": result["edges"],
        }
    raise ValueError(f"unknown export format {fmt!r}; choose one of: jsonl, csv, geojson, graphml")
