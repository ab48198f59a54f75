"""Typed records that flow one way through the pipeline.

ingest → ``Document`` → clean → ``Article`` (+ ``Removed``) → extract → ``Mention``, ``Person``,
``EventReport`` (with ``Figure`` and ``Perpetrator``), ``Claim``, ``RelationReport`` → resolve →
``Event``. Records are frozen; they become rows only at the storage boundary (``sitrep.store``).

Every fact keeps an ``Evidence``: character offsets into one article's clean text plus the text
itself, so that ``article.text[start:end] == evidence.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

DocStatus = Literal["ok", "rejected"]
Precision = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class Document:
    """One input record as ingested: the raw content and what the caller told us about it."""

    id: str
    source_id: str
    origin: str  # file path, with ":line" for JSONL records and "#n" for WARC records
    raw: str
    content_type: Literal["text", "html"] = "text"
    url: str | None = None
    title: str | None = None
    published: str | None = None  # as given by the caller (ISO date or free text)
    publisher: str | None = None
    status: DocStatus = "ok"
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of clean text and where it came from in the raw document text."""

    clean_start: int
    raw_start: int
    length: int


@dataclass(frozen=True, slots=True)
class Article:
    """One article of a document, as cleaned. Every later offset points into ``text``."""

    document_id: str
    index: int
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD (first day of the period when not precise)
    date_precision: Precision | None = None
    date_source: str | None = None  # byline, metadata, record, dateline, url, updated, embedded,
    # or a month/year source narrowed to a day by embedded furniture ("url+embedded")
    publisher: str | None = None
    offsets: tuple[Span, ...] = ()
    # None for a news report; "opinion" or "analysis" (sitrep.clean.genre): an opinion piece
    # tells all its events in passing
    genre: str | None = None

    def raw_offset(self, clean_offset: int) -> int | None:
        """Map an offset in ``text`` back to the document's raw text (None for inserted text)."""
        for span in self.offsets:
            if span.clean_start <= clean_offset < span.clean_start + span.length:
                return span.raw_start + clean_offset - span.clean_start
        return None


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the raw document the cleaner dropped, and why."""

    document_id: str
    start: int  # offsets into Document.raw
    end: int
    kind: str  # ad, share_prompt, navigation, comment_thread, byline, ...
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    document_id: str
    article_index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article resolved to an actor."""

    evidence: Evidence
    actor_id: str
    name: str
    method: str = "alias"  # alias, branch, ner, apposition, coreference, discovered


@dataclass(frozen=True, slots=True)
class Person:
    document_id: str
    article_index: int
    name: str
    role: str | None = None
    organisation_id: str | None = None
    organisation: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    """One casualty figure as one source gave it."""

    kind: Literal["killed", "wounded"]
    value: int
    qualifier: str = ""  # "", at least, about, more than, up to, between, nearly
    value_high: int | None = None
    scope: str | None = None  # civilians, police, attackers, ...
    according_to: str | None = None
    superseded: bool = False
    is_claim: bool = False  # the perpetrator's own figure
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Perpetrator:
    actor_id: str | None
    name: str
    basis: Literal["claimed", "attributed", "accused", "suspected"]
    according_to: str | None = None
    denied: bool = False
    evidence: Evidence | None = None
    denial: Evidence | None = None  # the sentence of the group's denial, when ``denied``


@dataclass(frozen=True, slots=True)
class Location:
    country: str | None = None
    admin1: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: Literal["place", "admin1", "country"] | None = None


@dataclass(frozen=True, slots=True)
class DateClue:
    """The day an undated report names without a year or a day to count from: "on Sunday"
    (weekday 6), "on August 5" (month 8, day 5), "Monday, 2 November" (all three), "in October"
    (month 10 alone); only the words, for a day counted from the report's own ("was killed
    today"), which any day fits; or, for a report dated coarser than a day ("in October 2022"),
    the words of its date. Resolve dates the report by the reports it joins when their day fits the
    clue (or lies in the report's own period)."""

    evidence: Evidence
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # Monday = 0


@dataclass(frozen=True, slots=True)
class EventReport:
    """One event as one article reports it."""

    id: str
    document_id: str
    article_index: int
    type: str
    date: str | None = None
    date_precision: Precision | None = None
    location: Location = field(default_factory=Location)
    perpetrators: tuple[Perpetrator, ...] = ()
    claimed_by: tuple[str, ...] = ()
    claim_channel: str | None = None
    figures: tuple[Figure, ...] = ()
    targets: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    background: bool = False  # mentioned in passing, not the article's main event
    evidence: tuple[Evidence, ...] = ()
    date_clue: DateClue | None = None  # when ``date`` is None or coarser than a day


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    document_id: str
    article_index: int
    speaker: str | None
    verb: str
    stance: Literal["asserts", "denies"]
    evidence: Evidence
    speaker_role: str | None = None
    speaker_actor_id: str | None = None
    cited_source: str | None = None
    about: str | None = None  # event report / relation report id
    about_kind: str | None = None  # figure, perpetrator, claim_of_responsibility, relation
    is_opinion: bool = False


@dataclass(frozen=True, slots=True)
class RelationReport:
    id: str
    document_id: str
    article_index: int
    a_id: str
    a: str
    b_id: str
    b: str
    type: str
    stance: Literal["asserted", "denied", "speculated"]
    evidence: Evidence
    speaker: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    country: str | None = None
    source: Literal["registry", "discovered", "user"] = "registry"
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the pipeline made of one document: what the store writes in one transaction."""

    document: Document
    articles: tuple[Article, ...] = ()
    removed: tuple[Removed, ...] = ()
    mentions: tuple[Mention, ...] = ()
    people: tuple[Person, ...] = ()
    discovered: tuple[tuple[Actor, Evidence], ...] = ()
    events: tuple[EventReport, ...] = ()
    claims: tuple[Claim, ...] = ()
    relations: tuple[RelationReport, ...] = ()


def to_dict(record: Any) -> Any:
    """A record as plain JSON-able data (tuples become lists). Same result as
    ``dataclasses.asdict`` for these frozen records, without its deep copies (3-4x faster, and
    the store converts every record once)."""
    fields_ = getattr(type(record), "__dataclass_fields__", None)
    if fields_ is not None:
        return {name: to_dict(getattr(record, name)) for name in fields_}
    if isinstance(record, (list, tuple)):
        return [to_dict(v) for v in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that is the same for the same inputs on any machine (e.g. ``ev_3f2a...``)."""
    import hashlib

    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"
