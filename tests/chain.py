"""The events chain as the pipeline runs it (actors, then claims, then events) on one small text,
shared by the event test modules."""

from __future__ import annotations

from typing import Any

from sitrep.records import Article, EventReport


def events_of(
    nlp: Any,
    text: str,
    published: str | None = "2021-05-10",
    precision: str | None = "day",
    doc_id: str = "t",
    title: str | None = None,
    genre: str | None = None,
) -> list[EventReport]:
    from sitrep import actors, claims
    from sitrep.events import extract_events

    article = Article(
        document_id=doc_id,
        index=0,
        text=text,
        published=published,
        date_precision=precision if published else None,
        title=title,
        genre=genre,
    )
    doc = nlp(text)
    found = actors.extract(doc, article)
    return extract_events(doc, article, found, claims.extract_claims(doc, article, found))
