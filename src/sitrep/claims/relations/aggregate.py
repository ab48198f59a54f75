"""Relation statements aggregated per actor pair and type (rows of ``relations.jsonl``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sitrep.claims.attribution import AUTHOR
from sitrep.records import RelationReport, stable_id

SYMMETRIC = frozenset({"cooperates_with", "rival_of", "fights"})


def aggregate_relations(reports: Iterable[RelationReport]) -> list[dict[str, Any]]:
    """One row per actor pair and type (unordered for symmetric types), as in ``relations.jsonl``:
    who asserted (or speculated) and who denied it, first/last seen dates, every evidence, counts."""
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in reports:
        a_id, a, b_id, b = r.a_id, r.a, r.b_id, r.b
        if r.type in SYMMETRIC and b_id < a_id:
            a_id, a, b_id, b = b_id, b, a_id, a
        key = (r.type, a_id, b_id)
        row = rows.setdefault(
            key,
            {
                "id": stable_id("relagg", r.type, a_id, b_id),
                "a_id": a_id,
                "a": a,
                "b_id": b_id,
                "b": b,
                "type": r.type,
                "asserted_by": [],
                "denied_by": [],
                "speculated_by": [],
                "first_seen": None,
                "last_seen": None,
                "evidence": [],
                "reports": [],
                "counts": {"asserted": 0, "denied": 0, "speculated": 0},
            },
        )
        who = r.speaker or AUTHOR
        bucket = {"asserted": "asserted_by", "denied": "denied_by"}.get(r.stance, "speculated_by")
        if who not in row[bucket]:
            row[bucket].append(who)
        row["counts"][r.stance] += 1
        row["reports"].append(r.id)
        row["evidence"].append(
            {
                "document_id": r.evidence.document_id,
                "article_index": r.evidence.article_index,
                "start": r.evidence.start,
                "end": r.evidence.end,
                "text": r.evidence.text,
            }
        )
        if r.date:
            row["first_seen"] = min(filter(None, [row["first_seen"], r.date]))
            row["last_seen"] = max(filter(None, [row["last_seen"], r.date]))
    return sorted(rows.values(), key=lambda row: (row["type"], row["a_id"], row["b_id"]))
