"""Resolve event reports into events across documents (incremental, explainable).

Public API:

- ``resolve(store, *, threshold=THRESHOLD) -> ResolveReport`` — assign unresolved reports, rebuild
  the touched events, one transaction.
- ``events(store, EventSelection(actor=None, include_affiliates=False, country=None, since=None,
  until=None, type=None, grade=None, disputed=False), *, limit=None, offset=None, sort="-date")
  -> list[dict]``
- ``event(store, event_id) -> dict | None`` — with ``reports`` side by side.
- ``explain(store, event_id) -> list[dict]`` — why each report joined (``sitrep event ID --why``).
- ``export_events(store) -> Iterator[dict]`` — rows of events.jsonl.
- ``build_event(event_id, members) -> dict`` — the reconciliation alone (pure).

The rules (blocking, scoring, low/best/high, disputes, grades) are in ``docs/resolve.md``.
"""

from sitrep.resolve.merge import THRESHOLD, ResolveReport, resolve
from sitrep.resolve.readers import (
    EventSelection,
    event,
    events,
    explain,
    export_events,
    resolve_event_id,
)
from sitrep.resolve.reconcile import Member, build_event

__all__ = [
    "THRESHOLD",
    "EventSelection",
    "Member",
    "ResolveReport",
    "build_event",
    "event",
    "events",
    "explain",
    "export_events",
    "resolve",
    "resolve_event_id",
]
