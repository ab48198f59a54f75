"""Quotations and the day they were spoken.

A relative date inside a quotation counts from the day the words were said, not from the day the
article appeared: in a 2022 article, 'Saleh said last year ..., “The Taliban is behind today’s
bombing”' tells of a bombing in 2021. The speech date is a date hanging off the speech verb that
introduces or closes the quotation ("said last year", "told reporters on Monday"); "X also said" /
"X added" carries on the last dated speech of the same speaker. Quotations without a dated speech
verb keep the article's date, the usual case (most quotes are from the days before publication).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from sitrep.events.dates import DateMention
from sitrep.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# an opening mark, then the shortest run up to its closing mark (straight quotes pair in order)
_QUOTE = re.compile(r"“[^“”]*”|\"[^\"]*\"")


@dataclass(frozen=True, slots=True)
class Quotation:
    start: int  # offsets of the quoted words, marks included
    end: int
    date: str  # the day (or period) the words were spoken
    precision: str


class _Speech(NamedTuple):
    start: int  # offset of the date hanging off the speech verb
    speaker: str | None
    date: str
    precision: str


def spoken_quotations(
    doc: Doc, mentions: Sequence[DateMention], speech_verbs: frozenset[str]
) -> list[Quotation]:
    """Quotations whose speech has its own date, with that date."""
    text = doc_text(doc)
    spans = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    # dated speeches in text order, quoted or not
    speeches = [
        _Speech(d.start, _speaker(verb), d.date, d.precision)
        for d in mentions
        if d.date and d.precision and not any(s <= d.start < e for s, e in spans)
        for verb in [_verb_of(doc, d, speech_verbs)]
        if verb is not None
    ]
    out: list[Quotation] = []
    for start, end in spans:
        first = doc.char_span(start, start + 1, alignment_mode="expand")
        close = doc.char_span(end - 1, end, alignment_mode="expand")
        if first is None or close is None:
            continue
        # the words around the quotation: its sentence before the opening mark, after the close
        lo, hi = first.sent.start_char, close.sent.end_char
        own = [sp for sp in speeches if lo <= sp.start < hi]
        if own:
            out.append(Quotation(start, end, own[0].date, own[0].precision))
            continue
        verb = _speech_verb(doc, lo, start, end, hi, speech_verbs)
        if verb is None and not text[lo:start].strip() and first.sent.start > 0:
            # a quotation opening its sentence, after 'Saleh also said that ... .'
            lo = doc[first.sent.start - 1].sent.start_char
            verb = _speech_verb(doc, lo, start, end, hi, speech_verbs)
        if verb is None or not _continues(verb):
            continue
        speaker = _speaker(verb)  # None for "he": whoever spoke last
        prior = [sp for sp in speeches if sp.start < lo and speaker in (None, sp.speaker)]
        if prior:
            out.append(Quotation(start, end, prior[-1].date, prior[-1].precision))
    return out


def _verb_of(doc: Doc, d: DateMention, speech_verbs: frozenset[str]) -> Token | None:
    """The speech verb a date hangs off ("said last year"); None when another verb governs it
    first ("attacked on Monday, officials said")."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    tok = span.root if span is not None else None
    for _ in range(8):
        if tok is None or tok.lower_ in speech_verbs:
            return tok
        if tok.pos_ == "VERB" or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _speech_verb(
    doc: Doc, lo: int, start: int, end: int, hi: int, speech_verbs: frozenset[str]
) -> Token | None:
    """The speech verb introducing the quotation (or, failing that, the one closing it)."""
    for a, b in ((lo, start), (end, hi)):
        span = doc.char_span(a, b, alignment_mode="contract") if b > a else None
        if span is None:
            continue
        verbs = [t for t in span if t.lower_ in speech_verbs and t.pos_ in ("VERB", "AUX")]
        if verbs:
            return verbs[-1] if a == lo else verbs[0]
    return None


def _speaker(verb: Token) -> str | None:
    """The speaker's surname ("saleh"), None for a pronoun ("he also said": the last speaker).
    The nearest person named before the verb, as parses of 'One of the former Vice Presidents,
    Amrullah Saleh said' make "One" the subject."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.pos_ == "PRON":
        return None
    people = [e for e in verb.sent.ents if e.label_ == "PERSON" and e.end <= verb.i]
    if people:
        return people[-1][-1].lower_
    return subj.lower_ if subj is not None else None


def _continues(verb: Token) -> bool:
    """'X also said', 'X added': the same occasion as X's last dated speech."""
    return verb.lower_ == "added" or any(c.lower_ in ("also", "further") for c in verb.children)
