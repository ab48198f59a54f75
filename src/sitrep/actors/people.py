"""People named in an article, with their role and organisation, merged across mentions.

Roles come from titles before the name ("Taliban spokesman Zabihullah Mujahid", "Sayad's district
governor Sharif Aminyar", "Gen. John W. Nicholson", "the group's leader, Abu Bakr al-Baghdadi") and
from appositions after it ("Sharif Aminyar, the district governor of Sayad", "Zabihullah Mujahid, a
spokesman for the Taliban"). The organisation is an actor id when the words name a registry actor
(or a reference already resolved to one, such as "the group's"), else the place or body as written.
Mentions are merged by name: "Mr. Aminyar" and "Aminyar" join "Sharif Aminyar". The word lists are
in ``data/roles.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from sitrep.actors.base import _data_yaml, name_run_left
from sitrep.nlp import doc_text
from sitrep.records import Evidence, Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from sitrep.actors.registry import Registry
    from sitrep.records import Article

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_ORG_LABELS = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})


@cache
def _roles() -> dict[str, frozenset[str]]:
    return {k: frozenset(str(w).lower() for w in v) for k, v in _data_yaml("roles.yaml").items()}


@dataclass(slots=True)
class _Mention:
    name: str
    start: int  # token offsets of the name
    end: int
    role: str | None = None
    org_id: str | None = None
    org: str | None = None


@dataclass(slots=True)
class _Group:
    name: str
    mentions: list[_Mention] = field(default_factory=list)


def extract_people(
    doc: Doc, article: Article, actor_spans: list[Span], registry: Registry
) -> tuple[Person, ...]:
    taken = {k for s in actor_spans if s.label_ for k in range(s.start, s.end)}
    by_end = {s.end: s for s in actor_spans}
    by_start = {s.start: s for s in actor_spans}
    places = {e.text for e in doc.ents if e.label_ in {"GPE", "LOC", "FAC"}}
    mentions = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.text in places or _before_place_word(doc, ent.end):
            continue
        mention = _name(doc, ent.start, ent.end, taken)
        if mention is None:
            continue
        _role_before(doc, mention, by_end, registry)
        _role_after(doc, mention, by_start, registry)
        mentions.append(mention)
    groups = [g for g in _merge(mentions) if _credible(doc, g)]
    _add_surname_mentions(doc, groups, taken)
    return tuple(_person(doc, article, g) for g in groups)


def _add_surname_mentions(doc: Doc, groups: list[_Group], taken: set[int]) -> None:
    """Later mentions by surname alone that the model did not tag ("Nicholson had called")."""
    used = {k for g in groups for m in g.mentions for k in range(m.start, m.end)}
    surnames: dict[str, list[_Group]] = {}
    for group in groups:
        words = group.name.split()
        if len(words) > 1 and len(words[-1]) >= 4 and words[-1][:1].isupper():
            surnames.setdefault(words[-1], []).append(group)
    honorifics = _roles()["honorifics"]
    for surname, owners in surnames.items():
        if len(owners) > 1:
            continue  # two people share it: a bare surname is ambiguous
        for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", doc_text(doc)):
            span = doc.char_span(match.start(), match.end())
            if span is None or len(span) != 1 or span.start in used | taken:
                continue
            prev = doc[span.start - 1] if span.start else None
            if prev is not None and prev.text[:1].isupper() and prev.lower_ not in honorifics:
                continue  # part of another name
            owners[0].mentions.append(_Mention(surname, span.start, span.end))


def _before_place_word(doc: Doc, end: int) -> bool:
    """ "Gore district", "Palma town": a place the model took for a person."""
    return end < len(doc) and doc[end].lower_ in _roles()["place_words"]


def _credible(doc: Doc, group: _Group) -> bool:
    """A one-word name is kept only with a role, an honorific ("Mr. Qadir") or a fuller name:
    alone, the model's PERSON is as often a place or a group."""
    if len(group.name.split()) > 1 or any(m.role for m in group.mentions):
        return True
    honorifics = _roles()["honorifics"]
    return any(m.start > 0 and doc[m.start - 1].lower_ in honorifics for m in group.mentions)


def _name(doc: Doc, start: int, end: int, taken: set[int]) -> _Mention | None:
    """The person's name inside a PERSON entity: without honorifics, ranks, possessive 's, and
    cut before any actor alias ("Osama Bin Laden’s Al Qaeda")."""
    roles = _roles()
    for k in range(start, end):
        if k in taken:
            end = k
            break
    while start < end and doc[start].lower_ in roles["honorifics"] | roles["ranks"]:
        start += 1
    while end > start and (
        doc[end - 1].lower_ in _POSSESSIVE or not doc[end - 1].text[:1].isalnum()
    ):
        end -= 1
    if end <= start or not any(doc[k].text[:1].isupper() for k in range(start, end)):
        return None
    if any(c.isdigit() for c in doc[start:end].text):
        return None
    return _Mention(doc[start:end].text, start, end)


def _role_before(doc: Doc, m: _Mention, by_end: dict[int, Span], registry: Registry) -> None:
    """ "Taliban spokesman Zabihullah Mujahid", "UPDF spokesperson Brig. Gen. Felix Kulayigye",
    "Sayad's district governor, Sharif Aminyar"."""
    roles = _roles()
    i = m.start
    while i > 0 and doc[i - 1].lower_ in roles["honorifics"]:
        i -= 1
    if i > 1 and doc[i - 1].text == ",":
        i -= 1
    start, end = _role_words_left(doc, i)
    if start == end:
        return
    m.role = doc[start:end].text
    _organisation_before(doc, start, m, by_end, registry)


def _role_words_left(doc: Doc, end: int) -> tuple[int, int]:
    """The role ending at token ``end`` (empty when its words hold no role head or rank)."""
    roles = _roles()
    vocabulary = roles["role_heads"] | roles["role_words"] | roles["ranks"]
    i = end
    while i > 0 and end - i < 6:
        low = doc[i - 1].lower_
        dotted = low == "." and i > 1 and doc[i - 2].lower_ + "." in roles["ranks"]  # "Brig ."
        if low not in vocabulary and not dotted:
            break
        i -= 1
    heads = roles["role_heads"] | roles["ranks"]
    return (i, end) if any(t.lower_ in heads for t in doc[i:end]) else (end, end)


def _organisation_before(
    doc: Doc, i: int, m: _Mention, by_end: dict[int, Span], registry: Registry
) -> None:
    """The actor, place or body right before a role ("Taliban", "Sayad's", "Afghan")."""
    j = i - 1 if i > 0 and doc[i - 1].lower_ in _POSSESSIVE else i
    span = by_end.get(j)
    if span is not None and not _negated(doc, span.start):
        m.org_id, m.org = span.label_, _actor_name(span, registry)
    elif span is None and j > 0 and doc[j - 1].ent_type_ in _ORG_LABELS:
        ent = next((e for e in doc.ents if e.start <= j - 1 < e.end), None)
        if ent is not None and not _negated(doc, ent.start):
            _set_org(m, doc[ent.start : j].text, registry)
    elif span is None and j < i:  # "Sayad's district governor", whatever the model tagged
        name = name_run_left(doc, j)
        if name is not None and name[1] == j:
            _set_org(m, doc[name[0] : j].text, registry)


def _negated(doc: Doc, start: int) -> bool:
    """ "anti-Taliban commander": the organisation is the opposite one."""
    return (
        start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in {"anti", "non", "ex"}
    )


def _set_org(m: _Mention, text: str, registry: Registry) -> None:
    actor = registry.lookup(text)
    m.org, m.org_id = (actor.name, actor.id) if actor else (text, None)


def _role_after(doc: Doc, m: _Mention, by_start: dict[int, Span], registry: Registry) -> None:
    """ "Sharif Aminyar, the district governor of Sayad," / "Sharif Aminyar, Sayad's district
    governor," / "Zabihullah Mujahid, a spokesman for the Taliban"."""
    if m.role is not None or m.end >= len(doc) - 1 or doc[m.end].text != ",":
        return
    i = m.end + 1
    if doc[i].lower_ in {"the", "a", "an"}:
        i += 1
    org_span, org_text = by_start.get(i), None
    if org_span is not None:  # "Zabihullah Mujahid, Taliban spokesman"
        i = org_span.end
    elif doc[i].ent_type_ in _ORG_LABELS and doc[i].ent_iob_ == "B":
        ent = next((e for e in doc.ents if e.start == i), None)
        if ent is not None:
            org_text, i = ent.text, ent.end
    if i < len(doc) and doc[i].lower_ in _POSSESSIVE:
        i += 1
    start, end = _role_words_right(doc, i)
    if start == end:
        return
    m.role = doc[start:end].text
    if org_span is not None:
        m.org_id, m.org = org_span.label_, _actor_name(org_span, registry)
    elif org_text:
        _set_org(m, org_text, registry)
    else:
        _organisation_after(doc, end, m, by_start, registry)


def _role_words_right(doc: Doc, start: int) -> tuple[int, int]:
    roles = _roles()
    vocabulary = roles["role_heads"] | roles["role_words"] | roles["ranks"]
    i = start
    while i < len(doc) and doc[i].lower_ in vocabulary and i - start < 5:
        i += 1
    return (start, i) if any(t.lower_ in roles["role_heads"] for t in doc[start:i]) else (i, i)


def _organisation_after(
    doc: Doc, i: int, m: _Mention, by_start: dict[int, Span], registry: Registry
) -> None:
    """ "... of Sayad", "... for the Taliban", "... for the local police department"."""
    if i >= len(doc) or doc[i].lower_ not in _roles()["links"]:
        return
    j = i + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    span = by_start.get(j) or by_start.get(j - 1)
    if span is not None:
        m.org_id, m.org = span.label_, _actor_name(span, registry)
        return
    k = j
    while k < len(doc) and k - j < 5 and doc[k].pos_ in {"ADJ", "NOUN", "PROPN"}:
        k += 1
    if k > j:
        _set_org(m, doc[j:k].text, registry)


def _actor_name(span: Span, registry: Registry) -> str:
    actor = registry.get(span.label_)
    return actor.name if actor else span.text


def _merge(mentions: list[_Mention]) -> list[_Group]:
    """One group per person: a shorter name joins the most recent longer name it ends with
    ("Aminyar" → "Sharif Aminyar"); "John W. Nicholson" and "John Nicholson" are one person."""
    groups: list[_Group] = []
    for m in sorted(mentions, key=lambda x: -len(x.name.split())):
        target = _find_group(groups, m)
        if target is None:
            groups.append(_Group(m.name, [m]))
        else:
            target.mentions.append(m)
    return sorted(groups, key=lambda g: min(x.start for x in g.mentions))


def _key(name: str) -> list[str]:
    return [w.lower().strip(".") for w in name.replace("’", "'").split() if len(w.strip(".")) > 1]


def _find_group(groups: list[_Group], m: _Mention) -> _Group | None:
    words = _key(m.name)
    if not words:
        return None
    matches = []
    for group in groups:
        full = _key(group.name)
        if full == words or (len(words) < len(full) and full[-len(words) :] == words):
            matches.append(group)
        elif len(words) >= 2 and words[0] == full[0] and words[-1] == full[-1]:
            matches.append(group)
    if len(matches) <= 1:
        return matches[0] if matches else None
    before = [g for g in matches if min(x.start for x in g.mentions) < m.start]
    return max(before, key=lambda g: min(x.start for x in g.mentions)) if before else matches[0]


def _person(doc: Doc, article: Article, group: _Group) -> Person:
    ordered = sorted(group.mentions, key=lambda x: x.start)
    role = next((x.role for x in ordered if x.role), None)
    with_org = next((x for x in ordered if x.org or x.org_id), None)
    evidence = tuple(
        Evidence(article.document_id, article.index, span.start_char, span.end_char, span.text)
        for span in (doc[x.start : x.end] for x in ordered)
    )
    return Person(
        document_id=article.document_id,
        article_index=article.index,
        name=group.name,
        role=role,
        organisation_id=with_org.org_id if with_org else None,
        organisation=with_org.org if with_org else None,
        evidence=evidence,
    )
