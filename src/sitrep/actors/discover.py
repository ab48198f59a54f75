"""Groups missing from the registry, discovered from how the text introduces them.

Strong patterns (the wording says it is a group, so any capitalised name that is not a place or a
date is kept, and it wins over a known name it holds: "Saraya Ansar al-Sunna" is not the "Ansar
al-Sunna" of the registry):
- "a group / faction / splinter ... called|named|known as|calling itself X"
- "X, a (new) (Taliban) (militant) group|faction|splinter group"
- "a (little-known) (extremist) group, X," (the name set off by commas or a bracket)
- "the X brigade|front|militia|..." (a head noun of ``armed_heads``)
Weak patterns (the name must also look like an organisation: an ORG entity of the model, or a word
such as Front, Jaish, Lashkar, Ansar, Brigade; and not a person):
- "claimed by X", "the X group", "X militants|fighters|insurgents", "the X Y Front" (a name
  ending in a word of ``armed_heads``)

A discovered group gets the stable id ``stable_id("discovered", normalised name)``; every later
occurrence of its name in the article becomes a mention (method "discovered").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.actors.base import (
    QUOTES,
    Hit,
    country_word_table,
    name_run_left,
    name_run_right,
    words,
)
from sitrep.actors.registry import normalize
from sitrep.nlp import doc_text
from sitrep.records import stable_id

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc

    from sitrep.actors.registry import Registry

_INTRO = ("called", "named", "dubbed")
DISCOVERED = "discovered"  # the prefix of a discovered group's id


def is_discovered(actor_id: str) -> bool:
    """The id is that of a group discovered in a text (an armed group the registry lacks)."""
    return actor_id.startswith(DISCOVERED + "_")


_NOT_GROUP = frozenset(
    {
        "GPE",
        "LOC",
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "NORP",
        "LANGUAGE",
        "EVENT",
        "LAW",
    }
)


@dataclass(slots=True)
class Discovered:
    names: dict[str, str] = field(default_factory=dict)  # id -> name as first written
    evidence: list[tuple[str, int, int]] = field(default_factory=list)  # id, start_char, end_char
    hits: list[Hit] = field(default_factory=list)
    short: dict[str, str] = field(default_factory=dict)  # id -> the acronym set after the name


def discover(doc: Doc, hits: list[Hit], registry: Registry) -> Discovered:
    found = Discovered()
    inner: list[Hit] = []  # known names inside a longer name the text introduces as a group
    for (start, end), (ev_start, ev_end), strong in _candidates(doc):
        overlapping = [h for h in hits if h.overlaps(start, end)]
        # "a little-known group, Saraya Ansar al-Sunna, claimed ...": the group introduced is
        # the longer name, not the known "Ansar al-Sunna" inside it
        within = strong and all(
            start <= h.start and h.end <= end and (h.start, h.end) != (start, end)
            for h in overlapping
        )
        if (overlapping and not within) or not _acceptable(doc, start, end, strong):
            continue
        name = doc[start:end].text
        if registry.candidates(name):
            continue
        actor_id = stable_id(DISCOVERED, normalize(name))
        if actor_id in found.names:
            continue  # (found by two patterns: "The X Brigade has owned responsibility")
        found.names[actor_id] = name
        if short := _acronym_after(doc, end, name):
            found.short[actor_id] = short
        inner.extend(overlapping)
        span = doc[min(start, ev_start) : max(end, ev_end)]
        found.evidence.append((actor_id, span.start_char, span.end_char))
    if found.names:
        found.hits = _occurrences(
            doc, [h for h in hits if h not in inner], found.names, found.short
        )
    return found


def _acronym_after(doc: Doc, end: int, name: str) -> str | None:
    """ "Barisan Revolusi Nasional (BRN)": the short form set in brackets after the name, made of
    its words' initials."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    short = doc[end + 1].text
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’]*", name) if w[0].isupper())
    if not (2 <= len(short) <= 8 and short.isupper() and short.isalpha()):
        return None
    return short if initials.startswith(short) or short.startswith(initials) else None


Candidate = tuple[tuple[int, int], tuple[int, int], bool]  # name, evidence span, strong pattern


def _candidates(doc: Doc) -> Iterator[Candidate]:
    heads, members = words("discovery_heads"), words("discovery_members")
    armed = words("armed_heads")
    lowers = [t.lower_ for t in doc]
    cues = heads | members | {"known", "calling", ",", "claimed", "owned", "the", *_INTRO}
    n = len(lowers)
    for i in (k for k, low in enumerate(lowers) if low in cues):
        low, after = lowers[i], lowers[i + 1] if i + 1 < n else ""
        intro = (
            2
            if (low, after) in (("known", "as"), ("calling", "itself"), ("calling", "themselves"))
            else (1 if low in _INTRO else 0)
        )
        if intro and i > 0 and lowers[i - 1] in heads:
            name = name_run_right(doc, _skip_the(doc, i + intro))
            if name:
                yield name, (_phrase_start(doc, i - 1), name[1]), True
        elif low == "," and (after in {"a", "an"} or after == "which"):
            # "X, a shadow group of Y", "X, which is a shadow outfit of Y"
            k = i + 2
            if after == "which":
                k = i + 2 if lowers[i + 2 : i + 3] in (["is"], ["was"]) else n
                k += 1 if lowers[k + 1 : k + 2] in (["a"], ["an"]) else 0
                k += 1
            head = _head_after(doc, k, heads) if k < n else None
            name = name_run_left(doc, i) if head else None
            if name and head:
                yield name, (name[0], head + 1), True
        elif (
            low == ","
            and i > 0
            and lowers[i - 1] in heads
            and doc[i + 1 : i + 2].text[:1].isupper()
        ):
            # "a little-known Sunni extremist group, Saraya Ansar al-Sunna, claimed": the name set
            # off after the head noun (a second comma or a bracket closes it)
            name = name_run_right(doc, i + 1)
            if name and name[0] == i + 1 and name[1] < n and lowers[name[1]] in {",", "("}:
                yield name, (_phrase_start(doc, i - 1), name[1]), True
        elif low == "claimed" and after == "by":
            name = name_run_right(doc, _skip_the(doc, i + 2))
            if name:
                yield name, (i, name[1]), False
        elif low in {"claimed", "owned"} and "responsibility" in lowers[i + 1 : i + 3]:
            # "The Kashmir Tigers claimed responsibility", "X has owned the responsibility"
            end = i - 1 if i > 0 and lowers[i - 1] in {"has", "have", "had"} else i
            name = name_run_left(doc, end)
            if name and name[1] == end:
                yield name, (name[0], i + 2), False
        elif low == "the" and i + 2 < n and doc[i + 1].text[:1].isupper():
            name = name_run_right(doc, i + 1)
            if name and name[0] == i + 1 and name[1] < n and lowers[name[1]] in heads:
                # "the Saif al-Tawhid brigade": a head that says armed group vouches for it
                yield name, (i, name[1] + 1), lowers[name[1]] in armed
            elif (
                name
                and name[0] == i + 1
                and name[1] - name[0] >= 2
                and (name[1] >= n or lowers[name[1]] not in heads)
                and (lowers[name[1] - 1] in armed or _of_place(doc, *name, armed) < name[1])
            ):
                # "the Red Path Revolutionary Front, a remnant of ...", "the Militarized
                # Communist Party of Peru": a name ending in one (and the country it is of)
                yield name, (i, name[1]), False
        elif (
            low == "the"
            and i + 3 < n
            and doc[i + 1].text.isdigit()
            and doc[i + 2].text[:1].isupper()
        ):
            # "the 400 Mawozo gang": a name may open with a number, before a head noun only
            name = name_run_right(doc, i + 2)
            if name and name[0] == i + 2 and name[1] < n and lowers[name[1]] in heads:
                yield (i + 1, name[1]), (i, name[1] + 1), True
        elif (
            low == "the"
            and i + 2 < n
            and re.fullmatch(r"\d+(?:st|nd|rd|th)", lowers[i + 1])
            and doc[i + 2].text[:1].isupper()
            and lowers[i + 2] in armed
        ):
            # "the 33rd Front", "the 10th Front": a numbered unit of a guerrilla (FARC's fronts)
            yield (i + 1, i + 3), (i, i + 3), True
        elif low in members and i > 0 and doc[i - 1].text[:1].isupper():
            name = name_run_left(doc, i)
            if name and name[1] == i:
                yield name, (name[0], i + 1), False
        if low in members and lowers[i + 1 : i + 2] == ["of"]:
            # "fighters of the Barisan Revolusi Nasional (BRN)"
            name = name_run_right(doc, _skip_the(doc, i + 2))
            if name and name[0] == _skip_the(doc, i + 2):
                yield name, (i, name[1]), False


def _of_place(doc: Doc, start: int, end: int, armed: frozenset[str]) -> int:
    """Where "of <place>" after a head of ``armed`` starts in the name ``doc[start:end]``
    ("Communist Party of Peru": the "of"), or the name's end: the place there names the group's
    land."""
    for k in range(start + 1, end - 1):
        if doc[k].lower_ == "of" and doc[k - 1].lower_ in armed and end - k <= 3:
            return k
    return end


def _skip_the(doc: Doc, i: int) -> int:
    while i < len(doc) and (doc[i].text in QUOTES or doc[i].lower_ == "the"):
        i += 1
    return i


def _phrase_start(doc: Doc, head: int) -> int:
    """Back from a head noun to its determiner ("a Taliban breakaway faction")."""
    k = head
    while k > 0 and head - k < 5 and doc[k - 1].pos_ in {"ADJ", "NOUN", "PROPN", "DET"}:
        k -= 1
        if doc[k].pos_ == "DET":
            break
    return k


def _head_after(doc: Doc, i: int, heads: frozenset[str]) -> int | None:
    """The group head noun within a few modifier words ("a new Taliban splinter group")."""
    for k in range(i, min(i + 5, len(doc))):
        if doc[k].lower_ in heads:
            following = doc[k + 1] if k + 1 < len(doc) else None
            if following is not None and following.lower_ in heads:
                continue  # "splinter group": the head is the last one
            return k
        if doc[k].pos_ not in {"ADJ", "NOUN", "PROPN", "ADV"} and doc[k].text not in QUOTES:
            return None
    return None


def _acceptable(doc: Doc, start: int, end: int, strong: bool) -> bool:
    # (a number opening the name is no CARDINAL of the text: "the 400 Mawozo gang")
    cut = _of_place(doc, start, end, words("armed_heads"))
    labels = {
        doc[k].ent_type_
        for k in range(start, cut)
        if not re.fullmatch(r"\d+(?:st|nd|rd|th)?", doc[k].lower_)  # ("the 33rd Front")
    } - {""}
    if labels & _NOT_GROUP:
        return False
    if _national(doc, start, cut):
        return False  # "the Bolivian Army", "the Nigerian Army": a state's force
    if strong:
        return True
    if "PERSON" in labels and doc[end - 1].lower_ not in words("armed_heads"):
        # (the small model calls "the Tigray People's Liberation Front" a person; no person's
        # name ends in "Front" or "Army")
        return False
    orgish = "ORG" in labels or any(
        doc[k].lower_ in words("org_keywords") for k in range(start, end)
    )
    return orgish


def _national(doc: Doc, start: int, end: int) -> bool:
    """A name opening on a nationality or a country the model did not tag ("Bolivian Army",
    "Peruvian Army", "Afghan National Army"): a demonym listed, or a word that is a one-word
    country's name with an ending ("Bolivia"+"n", "Peru"+"vian") or its start ("Afghan")."""
    word = normalize(doc[start].text)
    known = country_word_table()
    if word in known:
        return True
    return len(word) >= 4 and any(
        (len(word) >= 5 and c.startswith(word))
        or any(
            word.startswith(stem) and word[len(stem) :] in _DEMONYM_ENDINGS for stem in (c, c[:-1])
        )
        for c in known
        if len(c) >= 4
    )


_DEMONYM_ENDINGS = frozenset({"", "n", "an", "ian", "vian", "ese", "i", "ish"})


def _occurrences(
    doc: Doc, hits: list[Hit], names: dict[str, str], short: dict[str, str] | None = None
) -> list[Hit]:
    out: list[Hit] = []
    forms = [*names.items(), *(short or {}).items()]
    for actor_id, name in forms:
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc_text(doc)):
            span = doc.char_span(match.start(), match.end())
            if span is None or any(h.overlaps(span.start, span.end) for h in [*hits, *out]):
                continue
            out.append(Hit(span.start, span.end, (actor_id,), "discovered"))
    return out
