"""Helpers for the claims/relations tests: actor mentions built from a small alias table, so these
tests do not depend on the state of the actor registry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.records import Article, Evidence, Mention, Person

ALIASES = {
    "taliban": ("Taliban", ["Taliban", "Taleban", "Islamic Emirate"]),
    "islamic-state": (
        "Islamic State",
        ["Islamic State group", "Islamic State", "ISIS", "ISIL", "Daesh", "IS"],
    ),
    "islamic-state-khorasan-province": (
        "Islamic State Khorasan Province",
        ["Islamic State Khorasan Province", "ISIS-K", "IS-K", "ISKP", "ISIL-K"],
    ),
    "haqqani-network": ("Haqqani Network", ["Haqqani Network", "Haqqani network", "Haqqanis"]),
    "al-qaeda": ("al-Qaeda", ["al-Qaeda", "Al Qaeda", "Al-Qaeda"]),
    "allied-democratic-forces": ("Allied Democratic Forces", ["Allied Democratic Forces", "ADF"]),
}


@dataclass(frozen=True)
class FakeActors:
    mentions: tuple[Mention, ...]
    people: tuple[Person, ...] = field(default=())


def article(
    text: str, doc_id: str = "t1", published: str | None = None, title: str | None = None
) -> Article:
    return Article(document_id=doc_id, index=0, text=text, published=published, title=title)


def mentions(text: str, doc_id: str = "t1") -> tuple[Mention, ...]:
    """Longest-first, non-overlapping alias matches on word boundaries."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    table = sorted(
        ((alias, aid, name) for aid, (name, aliases) in ALIASES.items() for alias in aliases),
        key=lambda x: -len(x[0]),
    )
    for alias, aid, name in table:
        for m in re.finditer(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            ev = Evidence(doc_id, 0, m.start(), m.end(), m.group())
            found.append(Mention(evidence=ev, actor_id=aid, name=name))
    return tuple(sorted(found, key=lambda m: m.evidence.start))


def actors_for(text: str, people: tuple[str, ...] = (), doc_id: str = "t1") -> FakeActors:
    return FakeActors(mentions(text, doc_id), tuple(Person(doc_id, 0, name) for name in people))
