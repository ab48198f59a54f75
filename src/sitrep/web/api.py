"""The JSON API under ``/api/``: the same readers the pages use, as data."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query

from sitrep import query
from sitrep.store import Store
from sitrep.web import queries
from sitrep.web.common import event_filter, get_facts, get_store
from sitrep.web.queries import EventFacts, EventFilter

router = APIRouter(prefix="/api", tags=["api"])


def _found(value: Any, what: str) -> Any:
    if value is None:
        raise HTTPException(404, f"no {what}")
    return value


@router.get("/status", summary="Counts of what the store holds")
def status(store: Store = Depends(get_store)) -> dict[str, Any]:
    return query.status(store)


@router.get("/events", summary="Events (merged across sources), filtered, sorted and paged")
def events(
    f: EventFilter = Depends(event_filter),
    store: Store = Depends(get_store),
    cache: EventFacts = Depends(get_facts),
) -> dict[str, Any]:
    return {
        "total": queries.count_events(store, f),
        "limit": f.limit,
        "offset": f.offset,
        "events": queries.list_events(store, f, cache),
    }


@router.get("/events/{event_id}", summary="One event with every source's report")
def event(event_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    detail = _found(queries.event_detail(store, event_id), f"event {event_id}")
    for report in detail["reports"]:
        if report.get("article"):
            report["article"].pop("text", None)  # the document route serves texts
    return detail


@router.get("/actors", summary="Actors seen in the store, most mentioned first")
def actors(
    kind: str | None = Query(None, description="Actor kind (armed_group, state_force, ...)"),
    store: Store = Depends(get_store),
) -> list[dict[str, Any]]:
    return query.actors(store, kind=kind)


@router.get("/actors/{ref}", summary="One actor: aliases seen, parent, affiliates, people, events")
def actor(ref: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    profile = _found(query.actor_profile(store, ref), f"actor {ref}")
    profile["events"] = queries.actor_events(store, profile["id"], limit=100)
    return profile


@router.get("/documents", summary="Every document (with rejected ones and why)")
def documents(store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    return query.documents(store)


@router.get("/documents/{ref}", summary="One document: clean articles, highlighted spans, removed")
def document(
    ref: str,
    raw: bool = Query(False, description="Include the raw text as ingested"),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    doc_id = _found(query.resolve_document_id(store, ref), f"document {ref}")
    detail = _found(queries.document_detail(store, doc_id), f"document {ref}")
    if not raw:
        detail.pop("raw")
    return detail


@router.get("/claims", summary="Claims: who said what, with stance and evidence")
def claims(
    about: str | None = Query(None, description="An event id or event report id"),
    speaker: str | None = Query(None, description="Part of the speaker's name"),
    document_id: str | None = Query(None),
    store: Store = Depends(get_store),
) -> list[dict[str, Any]]:
    return query.claims(store, about=about, speaker=speaker, document_id=document_id)


@router.get("/relations", summary="Relations between actors with who asserted or denied them")
def relations(
    actor: str | None = Query(None, description="Actor id, name or alias"),
    affiliates: bool = Query(False),
    store: Store = Depends(get_store),
) -> list[dict[str, Any]]:
    return query.relations(store, actor, include_affiliates=affiliates)


@router.get("/search", summary="Full-text search over articles (all words), with snippets")
def search(
    q: str = Query(..., min_length=1, description="Words; quote phrases"),
    limit: int = Query(20, ge=1, le=200),
    store: Store = Depends(get_store),
) -> list[dict[str, Any]]:
    return query.search(store, q, limit=limit)
