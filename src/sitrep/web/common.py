"""What pages and the API share: the read-only store per thread and the event filter parameters."""

from __future__ import annotations

import re
import threading
from typing import Literal

from fastapi import HTTPException, Query, Request

from sitrep.store import Store
from sitrep.web.queries import GRADES, EventFacts, EventFilter

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
Sort = Literal["date", "-date", "type", "country", "killed", "-killed"]


class StorePool:
    """One read-only connection per worker thread (sqlite3 connections are cheap to keep and
    costly to open per request: opening reads the migrations folder)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path, readonly=True)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()


def get_store(request: Request) -> Store:
    return request.app.state.stores.get()


def get_facts(request: Request) -> EventFacts:
    return request.app.state.facts


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _date(name: str, value: str | None) -> str | None:
    value = _text(value)
    if value and not _DATE.fullmatch(value):
        raise HTTPException(400, f"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def event_filter(
    actor: str | None = Query(None, description="Actor id, name or alias"),
    affiliates: bool = Query(False, description="Also the actor's affiliates (ISKP under IS)"),
    country: str | None = Query(None, description="ISO 3166-1 alpha-2 code"),
    type: str | None = Query(None, description="Event type (bombing, armed_assault, ...)"),
    since: str | None = Query(None, description="Earliest date, YYYY[-MM[-DD]]"),
    until: str | None = Query(None, description="Latest date, YYYY[-MM[-DD]] (inclusive)"),
    grade: str | None = Query(None, description="Attribution grade: " + ", ".join(GRADES)),
    disputed: bool = Query(False, description="Only events with disputes"),
    sort: Sort = Query("-date", description="Sort key; a leading '-' sorts descending"),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> EventFilter:
    grade = _text(grade)
    if grade and grade not in GRADES:
        raise HTTPException(400, f"grade must be one of {', '.join(GRADES)}")
    return EventFilter(
        actor=_text(actor),
        include_affiliates=affiliates,
        country=_text(country),
        type=_text(type),
        since=_date("since", since),
        until=_date("until", until),
        grade=grade,
        disputed=disputed,
        sort=sort,
        limit=limit,
        offset=offset,
    )


def safe_url(url: str | None) -> str | None:
    """A link target only for http(s) URLs: a stored ``javascript:`` URL stays text."""
    if url and re.match(r"https?://", url.strip(), re.IGNORECASE):
        return url.strip()
    return None
