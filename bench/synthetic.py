"""Event reports built by hand from the dev corpus gold, as an extractor might produce them.

Used by ``bench/merge.py`` and the tests to measure merging and reconciliation without depending
on extraction: per gold document one main report (the gold date with a little noise, country,
admin1 and place with spelling variants, the gold type or a compatible one, the perpetrators some
documents name, and exactly the figures the gold lists for that document, with their evidence
offsets found in the text), plus one background report per other event it mentions.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sitrep.records import (
    Article,
    Document,
    EventReport,
    Evidence,
    Extraction,
    Figure,
    Location,
    Perpetrator,
    stable_id,
)

_COMPATIBLE = {
    "armed_assault": "suicide_bombing",
    "suicide_bombing": "bombing",
    "bombing": "suicide_bombing",
    "assassination": "suicide_bombing",
}
_CLAIM_WORDS = re.compile(r"islamic state|isis|daesh|amaq|claim|taliban|group", re.I)


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _evidence(doc_id: str, text: str, snippet: str | None) -> Evidence:
    start = text.find(snippet) if snippet else -1
    if start < 0:  # a sentence near the start of the story
        start, snippet = 0, text[:160]
    return Evidence(doc_id, 0, start, start + len(snippet), snippet)  # type: ignore[arg-type]


def _actor_id(name: str) -> str | None:
    from sitrep.resolve.lexicon import registry

    reg = registry()
    found = reg.lookup(name) if reg is not None else None
    return found.id if found else None


def _figures(event: dict[str, Any], doc_id: str, text: str) -> tuple[Figure, ...]:
    out = []
    for kind in ("killed", "wounded"):
        for f in event[kind]["figures"]:
            if doc_id not in f["doc_ids"]:
                continue
            who = f["according_to"]
            is_claim = (
                bool(_CLAIM_WORDS.search(who))
                and any(g.split()[0].lower() in who.lower() for g in event["claimed_by"])
                if event["claimed_by"]
                else False
            )
            out.append(
                Figure(
                    kind=kind,
                    value=f["value"],
                    qualifier=f["qualifier"],
                    value_high=f.get("value_high"),
                    according_to=None if who == "not attributed in the text" else who,
                    is_claim=is_claim,
                    evidence=_evidence(doc_id, text, f["evidence"][doc_id]),
                )
            )
    return tuple(out)


def _location(event: dict[str, Any], rng: random.Random) -> Location:
    admin1 = event["admin1"]
    if rng.random() < 0.3:
        admin1 = admin1.replace("-", " ") if rng.random() < 0.5 else f"{admin1} province"
    place = re.split(r"[,(]", event["place"])[0].strip()
    place = (
        place.split()[-1] if rng.random() < 0.3 else place
    )  # "Shah Cheragh shrine" / "shrine"...
    return Location(
        country=event["country"],
        admin1=admin1 if rng.random() < 0.85 else None,
        place=place if rng.random() < 0.6 else None,
        precision="place",
    )


def _perpetrators(
    event: dict[str, Any], first: bool, rng: random.Random, ev: Evidence
) -> tuple[Perpetrator, ...]:
    out: list[Perpetrator] = []
    for name in event["claimed_by"]:
        if rng.random() < 0.7:
            out.append(
                Perpetrator(_actor_id(name), name, "claimed", "a statement on Amaq", evidence=ev)
            )
    for name in event["perpetrators"]:
        if name not in event["claimed_by"] and rng.random() < 0.6:
            out.append(Perpetrator(_actor_id(name), name, "attributed", "officials", evidence=ev))
    if event["attribution_disputed"] and first:  # one outlet reports a denial
        name = event["perpetrators"][-1]
        out.append(
            Perpetrator(_actor_id(name), name, "accused", "a spokesman", denied=True, evidence=ev)
        )
    return tuple(out)


def _report(
    event: dict[str, Any],
    doc_id: str,
    text: str,
    rng: random.Random,
    *,
    first: bool,
    background: bool,
) -> EventReport:
    figures = _figures(event, doc_id, text)
    ev = figures[0].evidence if figures else _evidence(doc_id, text, None)
    assert ev is not None
    if background:
        day = event["date"] if rng.random() < 0.5 else None
    else:
        noise = rng.choices([0, 1, -1, 2, None], weights=[60, 15, 10, 5, 10])[0]
        day = _shift(event["date"], noise) if noise is not None else None
    kind = event["event_type"]
    if not background and rng.random() < 0.25:
        kind = _COMPATIBLE.get(kind, kind)
    return EventReport(
        id=stable_id("er", doc_id, event["event_id"], background),
        document_id=doc_id,
        article_index=0,
        type=kind,
        date=day,
        date_precision="day" if day else None,
        location=_location(event, rng),
        perpetrators=() if background else _perpetrators(event, first, rng, ev),
        figures=figures,
        background=background,
        evidence=(ev,),
        targets=(re.split(r"[,(]", event["place"])[0].strip(),) if rng.random() < 0.5 else (),
    )


def gold_extractions(
    gold_events: Sequence[dict[str, Any]],
    gold_docs: Sequence[dict[str, Any]],
    records: Sequence[dict[str, Any]],
    *,
    seed: int = 0,
) -> list[Extraction]:
    """One Extraction per gold document with a main event (document, article, reports)."""
    rng = random.Random(seed)
    texts = {r["doc_id"]: r for r in records}
    events = {e["event_id"]: e for e in gold_events}
    out = []
    for g in gold_docs:
        main = g.get("main_event_id")
        if not main or g["doc_id"] not in texts:
            continue
        rec, event = texts[g["doc_id"]], events[main]
        doc_id, text = g["doc_id"], rec["text"]
        published = _shift(event["date"], rng.choice([0, 0, 1, 1, 2]))
        document = Document(
            id=doc_id,
            source_id=doc_id,
            origin=f"gold:{doc_id}",
            raw=text,
            url=rec.get("url"),
            publisher=rec.get("domain"),
            published=published,
        )
        article = Article(
            document_id=doc_id,
            index=0,
            text=text,
            published=published,
            date_precision="day",
            publisher=rec.get("domain"),
        )
        first = doc_id == event["doc_ids"][0]
        reports = [_report(event, doc_id, text, rng, first=first, background=False)]
        for other in g.get("mentioned_event_ids") or ():
            if other != main:
                reports.append(
                    _report(events[other], doc_id, text, rng, first=False, background=True)
                )
        out.append(Extraction(document=document, articles=(article,), events=tuple(reports)))
    return out
