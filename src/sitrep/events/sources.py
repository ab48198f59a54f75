"""Who gives a fact: the speaker of the claim whose span covers it, else the source named in its
sentence ("according to X", "X said", "X put the death toll at 15"), else None (the caller falls
back to the outlet or "the author")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sitrep.events.lexicon import figure_lexicon
from sitrep.nlp import doc_text
from sitrep.records import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_ACCORDING = re.compile(
    r"\baccording\s+to\s+((?:(?!said\b|says\b)[\w.'’\-]+\s*){1,9}?)(?=,|\.|;|\)|$|\s+(?:who|which|"
    r"that|in|on|at|as|was|were|is|are|had|have|has|after|while|said|says)\b)",
    re.IGNORECASE,
)
_CITING = re.compile(
    r"\bciting\s+((?:[\w.'’\-]+\s*){1,6}?)(?=,|\.|;|$|\s+(?:as|who|that)\b)", re.IGNORECASE
)
_PRONOUNS = frozenset("he she it they we i you this that who which one".split())


class SourceFinder:
    """Finds the source of spans of one doc; sentence lookups are done once."""

    def __init__(self, doc: Doc, sentences: Sequence[tuple[int, int]], claims: Sequence[Claim]):
        self.doc = doc
        self.sentences = list(sentences)
        self.starts = [s for s, _ in self.sentences]
        self.claims = list(claims)

    def __call__(self, start: int, end: int) -> str | None:
        claim = self._claim(start, end)
        if claim is not None:
            speaker = claim.speaker or claim.cited_source
            if speaker:
                return speaker
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0:
            return None
        s_start, s_end = self.sentences[i]
        return self._in_sentence(s_start, s_end)

    def _claim(self, start: int, end: int) -> Claim | None:
        best = None
        for c in self.claims:
            if c.evidence.start <= start and end <= c.evidence.end and c.stance == "asserts":
                span = c.evidence.end - c.evidence.start
                if best is None or span < best.evidence.end - best.evidence.start:
                    best = c
        return best

    def _in_sentence(self, s_start: int, s_end: int) -> str | None:
        text = doc_text(self.doc)[s_start:s_end]
        m = _ACCORDING.search(text) or _CITING.search(text)
        if m:
            return _tidy(m.group(1))
        span = self.doc.char_span(s_start, s_end, alignment_mode="expand")
        if span is None:
            return None
        return _speech_subject(span)


def _speech_subject(span: Span) -> str | None:
    verbs = figure_lexicon().source_verbs
    for tok in span:
        if tok.lower_ not in verbs:
            continue
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in _PRONOUNS:
                sub = child.doc[child.left_edge.i : child.right_edge.i + 1]
                if len(sub) <= 12:
                    return _tidy(sub.text)
    return None


def _tidy(text: str) -> str | None:
    text = " ".join(text.strip(" ,.;:\"'“”‘’").split())
    return text or None
