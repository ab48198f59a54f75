"""Exports: the JSON Lines files of ../shared/schema/README.md (other formats are views of them)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sitrep import query
from sitrep.store import Store

JSONL_FILES: dict[str, Callable[[Store], Iterable[dict[str, Any]]]] = {
    "documents.jsonl": query.export_documents,
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
