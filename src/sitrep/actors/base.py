"""Pieces shared by the actor recognition steps: the lexicon, the ``Hit`` record and token helpers."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from sitrep.actors.registry import normalize
from sitrep.countries import country_words
from sitrep.datafiles import load_yaml

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SPAN_KEY = "sitrep_actors"
QUOTES = frozenset({"'", '"', "‘", "’", "“", "”", "«", "»", "`"})
ARMED_KINDS = frozenset({"armed_group", "militia"})


@cache
def lexicon() -> dict[str, Any]:
    """``data/lexicon.yaml`` (word lists of the recognition rules), read once."""
    return _data_yaml("lexicon.yaml")


def _data_yaml(name: str) -> dict[str, Any]:

    text = resources.files("sitrep.actors").joinpath("data", name).read_text(encoding="utf-8")
    return load_yaml(text)


@cache
def words(section: str) -> frozenset[str]:
    """One lexicon section as a set of lowercase words."""
    return frozenset(str(w).lower() for w in lexicon()[section])


@cache
def country_word_table() -> dict[str, frozenset[str]]:
    """One-word country names and demonyms, normalised → the countries they name (read by the
    recognizer, to tell "Nigerian" from "Nigerien", and by discovery, to refuse a name that
    opens on a nationality)."""
    import pycountry

    table: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for word in country_words(country.alpha_2):
            if " " not in word.strip():
                table.setdefault(normalize(word), set()).add(country.alpha_2)
    return {w: frozenset(codes) for w, codes in table.items()}


@dataclass(slots=True)
class Hit:
    """A token span [start, end) resolved to an actor (or, before resolution, to candidates)."""

    start: int
    end: int
    ids: tuple[str, ...]
    method: str = "alias"

    @property
    def actor_id(self) -> str:
        return self.ids[0]

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


class Sentences:
    """Sentence index of every token, computed once per doc (``token.sent`` rescans each time)."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [s.start for s in doc.sents] if len(doc) else [0]

    def index(self, token_i: int) -> int:
        return bisect.bisect_right(self.starts, token_i) - 1

    def start_of(self, sent_index: int) -> int:
        return self.starts[max(sent_index, 0)]


def is_namey(token: Token) -> bool:
    """A capitalised word that may be part of a name ("Fateh", "Jamma’ah", "ISIS")."""
    text = token.text
    return len(text) > 1 and text[0].isupper() and any(c.isalpha() for c in text)


def name_run_right(doc: Doc, i: int, limit: int = 8) -> tuple[int, int] | None:
    """The capitalised name starting at token ``i`` (quotes skipped), as [start, end)."""
    while i < len(doc) and doc[i].text in QUOTES:
        i += 1
    particles = words("name_particles")
    end = i
    while end < len(doc) and end - i < limit:
        tok = doc[end]
        if is_namey(tok) or _peoples(doc, end):
            end += 1
        elif (
            tok.lower_ in particles
            and end + 1 < len(doc)
            and end > i
            and not tok.whitespace_ == "\n"
        ):
            nxt = doc[end + 1]
            if is_namey(nxt) or (
                nxt.lower_ in particles and end + 2 < len(doc) and is_namey(doc[end + 2])
            ):
                end += 1
            else:
                break
        else:
            break
    return (i, end) if end > i and _plausible(doc, i, end) else None


def _peoples(doc: Doc, k: int) -> bool:
    """Token ``k`` is the "'s" of "People's" inside a name ("Tigray People's Liberation Front",
    "New People's Army"): a capitalised word follows it."""
    return (
        doc[k].lower_ in ("'s", "’s")
        and k > 0
        and doc[k - 1].lower_ == "people"
        and k + 1 < len(doc)
        and is_namey(doc[k + 1])
    )


def name_run_left(doc: Doc, end: int, limit: int = 8) -> tuple[int, int] | None:
    """The capitalised name ending right before token ``end`` (quotes skipped), as [start, end)."""
    while end > 0 and doc[end - 1].text in QUOTES:
        end -= 1
    particles = words("name_particles")
    start = end
    while start > 0 and end - start < limit:
        tok = doc[start - 1]
        if is_namey(tok) or (start < end and _peoples(doc, start - 1)):
            start -= 1
            continue
        # up to two particles between capitalised words ("Hizb ut-Tahrir": "ut", "-")
        k = start - 1
        while k >= 0 and start - k <= 2 and doc[k].lower_ in particles:
            k -= 1
        if start < end and k >= 0 and k < start - 1 and is_namey(doc[k]):
            start = k + 1  # the particles; the capitalised word is taken next round
        else:
            break
    # "The Kashmir Tigers, a shadow group of ...": a sentence's capitalised article is no part,
    # nor is the word opening it ("But the X, a separatist group, ...")
    openers = words("sentence_openers")
    while start < end and (
        not is_namey(doc[start])
        or doc[start].lower_ in _ARTICLES
        or (doc[start].is_sent_start and doc[start].lower_ in openers)
    ):
        start += 1
    return (start, end) if end > start and _plausible(doc, start, end) else None


_ARTICLES = frozenset({"the", "a", "an"})


def _plausible(doc: Doc, start: int, end: int) -> bool:
    """Names start with a capitalised word of 2+ letters that is not a function word."""
    first = doc[start]
    if first.lower_ in words("not_names"):
        return False
    return sum(c.isalpha() for c in doc[start:end].text) >= 3
