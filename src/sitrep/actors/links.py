"""Mentions that do not spell an alias: appositions and descriptive references.

- Apposition: "the IS regional affiliate — known as the Islamic State in Khorasan Province" (the
  description names the actor after the trigger), "Wilayat Sinai, also known as ISIS-Sinai" (an
  unknown name is an alias of the known one), "ISKP, also known as Wilayat Khurasan".
- Coreference: "the group", "the militant group", "the militants" name the armed group mentioned
  just before, when exactly one armed group was named earlier in the same sentence or in the
  previous one.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from sitrep.actors.base import (
    ARMED_KINDS,
    QUOTES,
    Hit,
    Sentences,
    lexicon,
    name_run_left,
    name_run_right,
    words,
)
from sitrep.nlp import np_top

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from sitrep.actors.registry import Registry

_GAP = frozenset(
    {
        ",",
        "—",
        "–",
        "-",
        "(",
        ":",
        "also",
        "locally",
        "formerly",
        "better",
        "widely",
        "commonly",
        "sometimes",
        "now",
        "officially",
    }
)
_STRONG = ("known", "aka", "a.k.a.", "also", "referred", "calling")


def trigger_phrases() -> list[str]:
    """The apposition triggers of the lexicon, for the component's PhraseMatcher."""
    return [str(p) for p in lexicon()["apposition_triggers"]]


def appositions(doc: Doc, hits: list[Hit], triggers: list[tuple[int, int]]) -> list[Hit]:
    """``triggers``: token spans of the trigger phrases (longest kept where they overlap)."""
    starts = {h.start: h for h in hits}
    ends = {h.end: h for h in hits}
    out: list[Hit] = []
    last_end = -1
    for ts, te in sorted(triggers, key=lambda t: (t[0], -t[1])):
        if ts < last_end:
            continue
        last_end = te
        new = _link(doc, ts, te, starts, ends, hits)
        if new is not None:
            out.append(new)
    return out


def apposed_actor(
    doc: Doc, hit: Hit, hits: list[Hit], triggers: list[tuple[int, int]]
) -> str | None:
    """For an alias shared by several actors: the one a known name before "known (locally) as"
    gives it ("Ahlu Sunnah Wa-Jama, known locally as Al-Shabab")."""
    for ts, te in triggers:
        right = te
        while right < len(doc) and (doc[right].text in QUOTES or doc[right].lower_ == "the"):
            right += 1
        if right != hit.start:
            continue
        left_end = ts
        while left_end > 0 and doc[left_end - 1].lower_ in _GAP | QUOTES:
            left_end -= 1
        for other in hits:
            if other.end == left_end and len(other.ids) == 1 and other.ids[0] in hit.ids:
                return other.ids[0]
    return None


def _link(doc: Doc, ts: int, te: int, starts: dict, ends: dict, hits: list[Hit]) -> Hit | None:
    right_i = te
    while right_i < len(doc) and (doc[right_i].text in QUOTES or doc[right_i].lower_ == "the"):
        right_i += 1
    left_end = ts
    gap = False
    while left_end > 0 and doc[left_end - 1].lower_ in _GAP | QUOTES:
        gap = gap or doc[left_end - 1].text in {",", "—", "–", "(", "-"}
        left_end -= 1
    strong = gap or any(doc[k].lower_.startswith(_STRONG) for k in range(ts, te))
    right, left = starts.get(right_i), ends.get(left_end)
    if right is not None and left is None:
        chunk = _descriptive_chunk(doc, left_end)
        if chunk and not _crosses(hits, *chunk):  # "the IS regional affiliate" swallows its "IS"
            return Hit(chunk[0], chunk[1], right.ids, "apposition")
        name = name_run_left(doc, left_end) if strong else None
        if name and not _taken(hits, *name) and not _is_person(doc, *name):
            return Hit(name[0], name[1], right.ids, "apposition")
    if left is not None and right is None and strong:
        name = name_run_right(doc, right_i)
        if name and not _taken(hits, *name) and not _is_person(doc, *name):
            return Hit(name[0], name[1], left.ids, "apposition")
    return None


def _taken(hits: list[Hit], start: int, end: int) -> bool:
    return any(h.overlaps(start, end) for h in hits)


def _crosses(hits: list[Hit], start: int, end: int) -> bool:
    """A hit overlaps [start, end) without lying inside it."""
    return any(h.overlaps(start, end) and not (start <= h.start and h.end <= end) for h in hits)


def _descriptive_chunk(doc: Doc, end: int) -> tuple[int, int] | None:
    """A noun phrase ending at token ``end`` whose head is a group word ("the IS regional
    affiliate"), from its determiner on."""
    if end == 0 or doc[end - 1].lower_ not in words("group_heads"):
        return None
    start = end - 1
    while start > 0 and end - start < 7:
        prev = doc[start - 1]
        if prev.pos_ in {"VERB", "AUX", "PUNCT", "ADP", "PRON", "CCONJ", "SCONJ"}:
            break
        start -= 1
        if prev.pos_ == "DET":
            break
    return (start, end) if doc[start].pos_ == "DET" else None


def _is_person(doc: Doc, start: int, end: int) -> bool:
    return any(doc[k].ent_type_ in {"PERSON", "GPE", "LOC", "DATE"} for k in range(start, end))


@cache
def _reference_words() -> tuple[frozenset[str], frozenset[str]]:
    return words("reference_heads"), words("reference_modifiers")


def coreferences(
    doc: Doc, hits: list[Hit], registry: Registry, sents: Sentences, discovered: set[str]
) -> list[Hit]:
    heads, modifiers = _reference_words()
    groups = sorted(
        (
            h
            for h in hits
            if h.method != "coreference" and _is_armed(h.actor_id, registry, discovered)
        ),
        key=lambda h: h.start,
    )
    out: list[Hit] = []
    lowers = [t.lower_ for t in doc]
    for i in (k for k, low in enumerate(lowers) if low == "the"):
        if i + 1 >= len(lowers) or lowers[i + 1] not in heads | modifiers:
            continue
        j = i + 1
        while j < len(doc) and doc[j].lower_ in modifiers and j - i < 4:
            j += 1
        if j >= len(doc) or doc[j].lower_ not in heads or any(h.overlaps(i, j + 1) for h in hits):
            continue
        if j + 1 < len(doc) and (
            doc[j + 1].lower_ in {"of", "called", "named", "known"} or doc[j + 1].pos_ == "PROPN"
        ):
            continue
        actor = _antecedent(doc, groups, i, j, sents)
        if actor:
            out.append(Hit(i, j + 1, (actor,), "coreference"))
    return out


def _is_armed(actor_id: str, registry: Registry, discovered: set[str]) -> bool:
    actor = registry.get(actor_id)
    return actor_id in discovered or (actor is not None and actor.kind in ARMED_KINDS)


def _antecedent(doc: Doc, groups: list[Hit], start: int, head: int, sents: Sentences) -> str | None:
    """The one armed group named before the reference in its sentence or the previous one; none
    when another group is named later in the same sentence ("..., the jihadist group said an IS
    fighter ...") or when the group governs the reference's own clause ("The Taliban have been
    cracking down on the radical militia": the militia is someone else)."""
    sent = sents.index(start)
    window_start = sents.start_of(sent - 1) if sent > 0 else 0
    before = [h for h in groups if window_start <= h.start and h.end <= start]
    if _is_subject(doc[head]):
        # "... the attack targeted both Shiites and the Taliban. The group claimed that 300
        # were killed": a group named as what was acted on is not the one that then speaks
        before = [h for h in before if not _acted_on(doc, h)]
    ids = {h.actor_id for h in before}
    if len(ids) > 1 and start == sents.start_of(sent) and sent > 0:
        # "While the Taliban ..., the Islamic State threat has remained contained. The group
        # has been targeted ...": a sentence-initial reference takes the previous main subject
        ids = {h.actor_id for h in before if h.start < start and _main_subject(doc, h)}
    if len(ids) != 1:
        return None
    actor = ids.pop()
    later = {h.actor_id for h in groups if h.start > head and sents.index(h.start) == sent}
    if later - {actor}:
        return None
    clause = _clause_verb(doc[head])
    same_clause = [h for h in before if sents.index(h.start) == sent]
    if clause is not None and any(_clause_verb(doc[h.end - 1]) == clause for h in same_clause):
        return None
    return actor


_NP_LINKS = frozenset({"compound", "appos", "amod", "conj", "poss"})


def _is_subject(token: Token) -> bool:
    return token.dep_ in {"nsubj", "nsubjpass"}


def _acted_on(doc: Doc, hit: Hit) -> bool:
    """The parse makes the group (its noun phrase) the object of a verb or of "against": what
    was done to, not who did or said."""
    tok = np_top(doc[hit.end - 1], _NP_LINKS, limit=6)
    return tok.dep_ in {"dobj", "obj", "dative"} or (
        tok.dep_ == "pobj" and tok.head.lower_ in {"against", "on", "at"}
    )


def _main_subject(doc: Doc, hit: Hit) -> bool:
    """The hit is (inside) the subject of its sentence's main verb."""
    tok = doc[hit.end - 1]
    root = tok.sent.root
    while tok.i != root.i:
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            return tok.head.i == root.i
        tok = tok.head
    return False


def _clause_verb(token: Token) -> int | None:
    """Index of the verb whose clause holds ``token``."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor.i
    return None
