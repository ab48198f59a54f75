"""Targets ("Shiite mosque", "girls' school", "Russian embassy") and weapons/means (suicide vest,
car bomb, explosives, gunmen) of an event, from ``data/means.yaml``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from sitrep.events.lexicon import _read, phrase_regex
from sitrep.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "case"})
_DROP = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "our"})


@dataclass(frozen=True)
class _Means:
    targets: re.Pattern[str]
    weapons: tuple[tuple[str, re.Pattern[str]], ...]


@cache
def _means() -> _Means:
    data = _read("means.yaml")
    return _Means(
        targets=phrase_regex(data["targets"]),
        weapons=tuple((name, phrase_regex(p)) for name, p in data["weapons"].items()),
    )


def find_means(
    doc: Doc, spans: Sequence[tuple[int, int]]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(targets, weapons) named in the sentences ``spans`` of ``doc``, first mention first."""
    lex = _means()
    targets: list[str] = []
    weapons: list[str] = []
    for s, e in spans:
        sentence = doc_text(doc)[s:e]
        for m in lex.targets.finditer(sentence):
            phrase = _with_modifiers(doc, s + m.start(), s + m.end())
            if phrase.lower() not in {t.lower() for t in targets}:
                targets.append(phrase)
        for name, pattern in lex.weapons:
            if name not in weapons and pattern.search(sentence):
                weapons.append(name)
    # "explosives" says nothing more once a specific explosive means is known
    if "explosives" in weapons and {"suicide vest", "car bomb", "VBIED", "IED"} & set(weapons):
        weapons.remove("explosives")
    return tuple(targets), tuple(weapons)


def _with_modifiers(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return doc_text(doc)[start:end]
    first = span.start
    root = span.root
    for tok in reversed(list(root.lefts)):
        if tok.i != first - 1 and not (tok.i == first - 2 and doc[first - 1].dep_ == "case"):
            break
        if tok.dep_ not in _MODIFIER_DEPS or tok.lower_ in _DROP or tok.like_num:
            break
        if span.start - tok.i > 3:
            break
        first = tok.i
    return doc[first : span.end].text
