"""Who gives a fact: the speaker of the claim whose span covers it, else the source named in its
sentence ("according to X", "X said", "X put the death toll at 15"), else None (the caller falls
back to the outlet or "the author")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sitrep.claims import covering_claim
from sitrep.claims.lexicon import speech
from sitrep.events.dates import WEEKDAYS
from sitrep.events.lexicon import figure_lexicon
from sitrep.nlp import doc_text
from sitrep.records import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_ACCORDING = re.compile(
    r"\baccording\s+to\s+((?:(?!said\b|says\b)[\w.'’\-]+\s*){1,9}?)(?=,|\.|;|\)|$|\s+(?:who|which|"
    r"that|in|on|at|as|was|were|is|are|had|have|has|after|while|said|says)\b)",
    re.IGNORECASE,
)
_CITING = re.compile(
    r"\bciting\s+((?:[\w.'’\-]+\s*){1,6}?)(?=,|\.|;|$|\s+(?:as|who|that)\b)", re.IGNORECASE
)
# the participles that name who gave a figure: "the figure given by police", "compiled by"
_GIVEN = (
    r"(?:given|quoted|cited|reported|provided|released|announced|published|compiled|issued)\s+by"
)
# (with no comma too: "the earlier figure of 45 given by the health department had counted ...")
_BESIDE = re.compile(
    r"\s*,?\s*(?:(?:(?:the|a)\s+(?:figure|number|toll|count|estimate)\s+)?"
    rf"{_GIVEN}|according\s+to)\s+"
    # (the teller ends where its day begins: "announced by police spokesman X on Wednesday")
    r"((?:[\w.'’\-]+\s*){1,6}?)(?=,|\.|;|\)|$|\s+(?:had|has|have|was|were|is|are|who|which|"
    r"that|said|says|on|late|earlier|last|this|yesterday)\b)",
    re.IGNORECASE,
)
# the figure's own clause, then "according to X": "in which 30 soldiers were killed, according
# to the defence ministry" (X gives it, whoever claimed the attack the sentence tells)
_CLAUSE_THEN_ACCORDING = r"[^,.;:()\d]{0,40},\s*according\s+to\b"
_CLAUSE_ACCORDING = re.compile(
    _CLAUSE_THEN_ACCORDING + r"\s+(?:an?\s+)?((?:[\w.'’\-]+\s*){1,6}?)(?=,|\.|;|\)|$)",
    re.IGNORECASE,
)
_ACCORDING_FOLLOWS = re.compile(_CLAUSE_THEN_ACCORDING, re.IGNORECASE)


def according_follows(text: str, end: int) -> bool:
    """The clause of the fact ending at ``end`` closes with "according to ..." (whoever that is:
    ``SourceFinder`` names them)."""
    return _ACCORDING_FOLLOWS.match(text, end) is not None


# the speakers closing a sentence after a comma: "..., police and the militants said."
_TRAILING_SAID = re.compile(
    r",\s*((?:[\w.'’\-]+\s+){0,5}?[\w.'’\-]+)\s+(?:said|say|says|told\s+\w+)\s*[.\"”]*\s*$",
    re.IGNORECASE,
)
_PRONOUNS = frozenset("he she it they we i you this that who which one him her them us me".split())


class SourceFinder:
    """Finds the source of spans of one doc; sentence lookups are done once."""

    def __init__(self, doc: Doc, sentences: Sequence[tuple[int, int]], claims: Sequence[Claim]):
        self.doc = doc
        self.sentences = list(sentences)
        self.starts = [s for s, _ in self.sentences]
        self.claims = list(claims)
        self.facts = [c for c in self.claims if not c.is_opinion and c.stance == "asserts"]

    def __call__(self, start: int, end: int) -> str | None:
        """Who gives the fact at ``start:end``; never a phrase that contains the fact itself (a
        headline "Over 20 dead as gunmen storm prison" has no speaker)."""
        text = doc_text(self.doc)
        fact = text[start:end]
        # a source set beside the number is its own ("between 189, the figure given by police,
        # and 218, quoted by lawmakers"): nearer than the sentence's speaker
        beside = _BESIDE.match(text, end) or _CLAUSE_ACCORDING.match(text, end)
        if beside and _plausible(beside.group(1), fact):
            return _tidy(beside.group(1))
        i = bisect.bisect_right(self.starts, start) - 1
        claim = self._claim(start, end)
        if claim is not None:
            speaker = claim.speaker or claim.cited_source
            if speaker and speaker.casefold() in _PRONOUNS and i >= 0:
                # "According to him, no life was lost": the speaker named just before
                speaker = self._named_before(i)
            if speaker and i >= 0 and self._in_other_clause(speaker, i, end):
                speaker = None  # "a priest said 31 died, while X, citing Y, put it at 43"
            if speaker and _plausible(speaker, fact):
                return speaker
        if i < 0:
            return None
        s_start, s_end = self.sentences[i]
        found = self._in_sentence(s_start, s_end, start)
        if found is not None and found.casefold() in _PRONOUNS:
            found = self._named_before(i)
        return found if found and _plausible(found, fact) else None

    def _in_other_clause(self, speaker: str, i: int, end: int) -> bool:
        """The speaker is named only after the fact ending at ``end``, in another clause of
        sentence ``i``."""
        text = doc_text(self.doc)
        s_start, s_end = self.sentences[i]
        at = text.find(speaker, s_start, s_end)
        return (
            at >= end
            and text.find(speaker, s_start, end) < 0
            and _OTHER_CLAUSE_BETWEEN.search(text, end, at) is not None
        )

    def _named_before(self, i: int) -> str | None:
        """Whom a pronoun source stands for: the source the two sentences before sentence ``i``
        name, else the last person they name ("Police spokesman Mohammed Shehu confirmed the
        attack. According to him, ...")."""
        for j in (i - 1, i - 2):
            if j < 0:
                break
            found = self._in_sentence(*self.sentences[j])
            if found is not None and found.casefold() not in _PRONOUNS:
                return found
            span = self.doc.char_span(*self.sentences[j], alignment_mode="expand")
            people = [e for e in span.ents if e.label_ == "PERSON"] if span is not None else []
            if people:
                return people[-1].text
        return None

    def actor(self, start: int, end: int) -> str | None:
        """The actor id of the speaker whose claim covers the span ("it said" resolved to the
        group), if the claims step knew it; None when a source set beside the fact gives it."""
        text = doc_text(self.doc)
        if _BESIDE.match(text, end) or _CLAUSE_ACCORDING.match(text, end):
            return None
        claim = self._claim(start, end)
        return claim.speaker_actor_id if claim is not None else None

    def _claim(self, start: int, end: int) -> Claim | None:
        """The smallest non-opinion claim covering the span (``sitrep.claims.covering_claim``)."""
        return covering_claim(self.facts, start, end)

    def _in_sentence(self, s_start: int, s_end: int, at: int | None = None) -> str | None:
        if at is not None:
            # a semicolon ends the fact's clause: a source named after it gives another fact
            # ("A has spoken of 40 dead; B puts the toll at 90")
            cut = doc_text(self.doc).find(";", at, s_end)
            s_end = cut if cut > 0 else s_end
        text = doc_text(self.doc)[s_start:s_end]
        m = _ACCORDING.search(text) or _CITING.search(text)
        if m and at is not None and _OTHER_CLAUSE_BETWEEN.search(text, at - s_start, m.start()):
            # "a priest said at least 31 died, while Radio Okapi, citing security sources, put
            # the toll at 43": the source of the other clause's figure
            m = None
        if m:
            return _tidy(m.group(1))
        span = self.doc.char_span(s_start, s_end, alignment_mode="expand")
        found = _speech_subject(span, at) if span is not None else None
        tail = _TRAILING_SAID.search(text) if found is None else None
        if tail is not None and tail.group(1).lower() not in _PRONOUNS:
            # "..., police and the militants said.": the parse hung the speakers on a noun
            return _tidy(tail.group(1))
        return found


# what opens another clause between a fact and a source named after it
_OTHER_CLAUSE_BETWEEN = re.compile(r",\s*(?:while|whereas|but)\b|;", re.I)


def _speech_subject(span: Span, at: int | None = None) -> str | None:
    """The subject of the speech verb that governs the fact at char offset ``at`` (else of the
    first speech verb): "Officials said that at least 21 died in an attack the group claimed"
    is the officials' figure."""
    verbs = figure_lexicon().source_verbs
    fact = None
    if at is not None:
        fact = next((t for t in span if t.idx <= at < t.idx + len(t.text) + 1), None)
    found: list[tuple[float, str]] = []  # (rank, subject): governs the fact, precedes it, other
    for tok in span:
        if tok.lower_ not in verbs or (fact is not None and _conjoined(tok, fact)):
            continue
        for child in tok.children:
            if child.dep_ == "nsubjpass" and tok.lower_ in speech().deed_subjects:
                continue  # "The attacks are attributed to X": the deed, no speaker
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in _PRONOUNS:
                sub = child.doc[child.left_edge.i : _undated_end(child)]
                if child.i < span.start <= tok.i:
                    # a headline parsed into the sentence: the words before the verb in ours
                    sub = child.doc[span.start : tok.i]
                    if not sub or any(t.is_punct or t.pos_ == "VERB" for t in sub):
                        continue
                if len(sub) <= 12:
                    hops = _hops(fact, tok) if fact is not None else None
                    if hops is None and fact is not None and tok.is_ancestor(fact):
                        continue  # over the fact only through a clause of another subject
                    if hops is not None:
                        # the nearest governing verb: "X claims the bombings as Iran revises
                        # the toll to 84" is Iran's 84
                        rank = hops / 1_000
                    elif fact is not None and tok.i < fact.i:
                        rank = 1 - tok.i / 10_000  # the nearest before the fact
                    else:
                        rank = 2
                    found.append((rank, sub.text))
    if not found:
        return None
    return _tidy(min(found, key=lambda f: f[0])[1])


def _hops(tok: Token, ancestor: Token) -> int | None:
    """How many heads up from ``tok`` its ``ancestor`` is; None when it is none, or only through
    an adverbial clause with a subject of its own: "IS-K claims the bombing as toll rises to 54"
    does not report the 54."""
    n = 0
    while tok.i != ancestor.i:
        if tok.head.i == tok.i:
            return None
        if tok.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return None
        tok, n = tok.head, n + 1
    return n


def _undated_end(head: Token) -> int:
    """Where the subject headed by ``head`` ends, before a day the parser hung on it ("Police
    on Saturday revised the toll": the police)."""
    end = head.right_edge.i + 1
    for child in reversed(list(head.rights)):
        if child.dep_ != "prep" or not any(t.ent_type_ == "DATE" for t in child.subtree):
            break
        end = child.left_edge.i
    return end


def _conjoined(verb: Token, fact: Token) -> bool:
    """The fact stands in a clause conjoined to the speech verb's, not in what it reports: "the
    group claimed the bombing, and in June its gunmen killed nine" is no claim of the nine."""
    tok = fact
    while tok.head.i != tok.i:
        if tok.head.i == verb.i:
            return tok.dep_ == "conj"
        tok = tok.head
    return False


_NUMBERISH = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|"
    r"hundreds?|thousands?|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b",
    re.IGNORECASE,
)
_NOT_SOURCES = re.compile(
    r"\b(?:dead|killed|wounded|injured|died|deaths?|people|victims|civilians|tolls?|figures?|"
    r"counts?|tally|estimates?)\b",  # "the earlier figure of 45 given by ..." is no who
    re.IGNORECASE,
)

# a phrase headed by a count noun names a figure, never who gave it
_TOLL_HEADED = re.compile(r"\b(?:tolls?|figures?|counts?|tally|estimates?)$")


def _plausible(source: str, fact: str) -> bool:
    """A source is a who: not the figure's own phrase, not a count ("At least 50 civilians",
    "More than a dozen"), not a casualty phrase ("Over 20 dead"), not nobody ("no group")."""
    low = source.lower()
    if fact.strip() and fact.strip().lower() in low:
        return False
    if re.match(r"(?:no|none|nobody|no\s+one|neither)\b", low):
        return False  # "an attack that no group claimed": nobody spoke
    if _TOLL_HEADED.search(low):
        return False  # "Country X toll revised to 132": the toll itself, not who gave it
    return not (_NUMBERISH.search(source) and _NOT_SOURCES.search(source)) and not re.match(
        r"(?:at least|more than|over|nearly|about|up to|some|around)\b", low
    )


def _tidy(text: str) -> str | None:
    text = " ".join(text.strip(" ,.;:\"'“”‘’").split())
    # "according to a provisional toll given by the mayor": the mayor (not when he gave it)
    given = _GIVEN_BY.sub("", text)
    if given != text:
        text = _DAY_TAIL.sub("", given)
    return text or None


_DAY_TAIL = re.compile(rf"\s+(?:on|late|early|last|this)\s+(?:{'|'.join(WEEKDAYS)})\b.*$", re.I)
_GIVEN_BY = re.compile(
    r"^(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:toll|figure|count|tally|estimate|report|statement)\s+"
    rf"{_GIVEN}\s+",
    re.I,
)
