"""A cue site (the cue, its sentence, the endpoints and claim around it) and the geometry shared by
the pair readers: endpoints left / right of the cue, token distances, coordination ("X and Y")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.claims.lexicon import Cue, RelationLexicon
from sitrep.claims.relations.endpoints import Endpoint
from sitrep.nlp import doc_text
from sitrep.records import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


@dataclass(slots=True)
class Site:
    doc: Doc
    sent: Span
    start: int  # cue token range
    end: int
    cue: Cue
    ends: list[Endpoint]
    claim: Claim | None
    lex: RelationLexicon
    orgs: dict[str, Endpoint]  # person name -> the organisation a membership cue gave them
    claims: Sequence[Claim] = ()

    @property
    def cstart(self) -> int:
        return self.doc[self.start].idx

    @property
    def cend(self) -> int:
        last = self.doc[self.end - 1]
        return last.idx + len(last)


def tok_dist(doc: Doc, a: int, b: int) -> int:
    """Tokens between char offsets a < b."""
    if b <= a:
        return 0
    span = doc.char_span(a, b, alignment_mode="expand")
    return len(span) if span is not None else 99


def left_of(site: Site) -> list[Endpoint]:
    return sorted(
        (
            e
            for e in site.ends
            if site.sent.start_char <= e.start
            and e.end <= site.cstart + 1
            and "\n" not in doc_text(site.doc)[e.end : site.cstart]
            and tok_dist(site.doc, e.end, site.cstart) <= site.lex.window
        ),
        key=lambda e: -e.end,
    )


def right_of(site: Site) -> list[Endpoint]:
    return sorted(
        (
            e
            for e in site.ends
            if e.start >= site.cend - 1
            and e.end <= site.sent.end_char
            and "\n" not in doc_text(site.doc)[site.cend : e.start]
            and tok_dist(site.doc, site.cend, e.start) <= site.lex.window
        ),
        key=lambda e: e.start,
    )


def inside_of(site: Site) -> Endpoint | None:
    for e in site.ends:
        if e.start <= site.cstart and site.cend <= e.end:
            return e
    return None


def root_of(doc: Doc, e: Endpoint) -> Token | None:
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


_MEMBERS_OF = re.compile(
    r"(?:,|and|&|as well as)\s+(?:\w+\s+)?(?:fighters|militants|members|forces|insurgents)\s+"
    r"(?:affiliated with|loyal to|linked to|allied with|aligned with|of)\s+(?:the\s+)?"
)


def are_coordinated(doc: Doc, first: Endpoint, second: Endpoint) -> bool:
    """Two endpoints joined by "and" in one phrase ("the Taliban and Islamic State fighters"),
    not two clauses ("The Taliban were led by X and Daesh was led by Y")."""
    between = re.sub(r"[\[\]()]", " ", doc_text(doc)[first.end : second.start]).strip().lower()
    if _MEMBERS_OF.fullmatch(between):
        return True  # "the Taliban and fighters affiliated with the Islamic State"
    if re.fullmatch(r"(?:,|and|&|as well as|or)?(?:\s*the)?", between) is None:
        return False
    r1, r2 = root_of(doc, first), root_of(doc, second)
    if r1 is None or r2 is None:
        return False
    r1, r2 = _noun_head(r1), _noun_head(r2)  # "United States air power": the power
    return (
        r2.dep_ == "conj"
        or r1.dep_ == "conj"
        or r2.head == r1
        or r1.head == r2
        or (r1.dep_ == r2.dep_ and r1.head == r2.head)
    )


def _clause_subject(doc: Doc, e: Endpoint) -> bool:
    """The endpoint is followed by a finite verb: the subject of a clause of its own."""
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.tag_ in {"VBD", "VBZ", "VBP", "MD"}


def _noun_head(tok: Token) -> Token:
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def chain(doc: Doc, first: Endpoint, rest: list[Endpoint]) -> list[Endpoint]:
    """``first`` and the endpoints coordinated with it ("the Afghan Army and United States")."""
    out = [first]
    for e in rest:
        if _clause_subject(doc, e):
            break  # "led by Mullah Nader and Daesh was led by ...": a new clause
        if e.start > out[-1].start and are_coordinated(doc, out[-1], e):
            out.append(e)
        elif e.start > out[-1].start:
            break
    return out


def governor(tok: Token, steps: int = 4) -> Token | None:
    """The verb or copula that governs the cue (a few steps up the tree)."""
    for _ in range(steps):
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
