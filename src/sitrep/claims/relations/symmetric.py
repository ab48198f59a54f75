"""The pair of a symmetric cue (cooperates_with, fights, rival_of): the conjuncts of its subject, a
coordinated pair beside it, the actors either side, a pair anaphor, or the speaker's organisation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.claims.relations.endpoints import Endpoint
from sitrep.claims.relations.site import (
    RELATIVE_PRONOUNS,
    Site,
    are_coordinated,
    chain,
    governor,
    tok_dist,
)
from sitrep.claims.relations.subjects import FIRST_PLURAL, anaphora_list, speaker_endpoint

if TYPE_CHECKING:
    from spacy.tokens import Token


def _subject_pair(site: Site) -> tuple[Endpoint, Endpoint] | None:
    """'the Taliban and fighters affiliated with the Islamic State have fought': the parties are
    the conjuncts of the cue verb's subject, each the actor it names or describes."""
    verb = governor(site.doc[site.start], steps=6)
    if verb is None or verb.i > site.start:
        return None
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and verb.dep_ == "conj":  # "X and Y have fought ..., but have reached a truce"
        subj = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return None
    for tok in subj.subtree:  # "the Taliban and Islamic State group affiliates": a nested pair
        conj = next((c for c in tok.children if c.dep_ == "conj"), None)
        if conj is None:
            continue
        one, two = _named_in(site, tok, skip=conj), _named_in(site, conj)
        if one is not None and two is not None and one.id != two.id:
            return one, two
    return None


def _named_in(site: Site, tok: Token, skip: Token | None = None) -> Endpoint | None:
    """The endpoint a noun phrase names: the one covering its head, else the first in its
    subtree (outside the ``skip`` conjunct)."""
    for e in site.ends:
        if e.start <= tok.idx < e.end:
            return e
    lo = tok.left_edge.idx
    hi = skip.left_edge.idx if skip is not None else tok.right_edge.idx + len(tok.right_edge)
    return next((e for e in site.ends if lo <= e.start and e.end <= hi), None)


def sym_pairs(
    site: Site, left: list[Endpoint], right: list[Endpoint], inside: Endpoint | None
) -> list[tuple[Endpoint, Endpoint]]:
    """The pair of a symmetric cue, and the same first party with each actor coordinated with
    the second ("targeted by the Afghan Army and United States air power")."""
    if _foreign_subject(site):
        return []
    pair = _subject_pair(site) or _sym_pair(site, left, right, inside)
    if pair is None:
        return []
    a, b = pair
    if b not in right or not _prep_cue(site):
        return [pair]
    return [(a, e) for e in chain(site.doc, b, right[right.index(b) + 1 :]) if e.id != a.id]


def _prep_cue(site: Site) -> bool:
    """A fighting cue ending in a preposition that takes one side ("clashed with", "targeted
    by"): actors coordinated after it are on the same side, not a pair ("between" is a pair)."""
    last = site.doc[site.end - 1]
    return (
        site.cue.type in {"fights", "rival_of"}
        and last.pos_ == "ADP"
        and last.lower_ not in {"between", "among", "amongst"}
    )


def _sym_pair(
    site: Site, left: list[Endpoint], right: list[Endpoint], inside: Endpoint | None
) -> tuple[Endpoint, Endpoint] | None:
    doc = site.doc
    owner = _possessor(site)
    if owner is not None:
        return _owned_pair(site, owner, right)
    if _demonstrative(site):  # "This partnership is intended as ...": refers back, unresolved
        near = [e for e in right if tok_dist(doc, site.cend, e.start) < 3]
        return (near[0], near[1]) if len(near) > 1 else None
    if _anaphor_cue(site):  # "the two partners": the pair named before, never the nearest actors
        if len(left) > 1:
            return (left[1], left[0]) if are_coordinated(doc, left[1], left[0]) else None
        pair = anaphora_list(site)
        return (pair[0], pair[1]) if len(pair) == 2 and not left else None
    l1 = inside or (left[0] if left else None)
    r1 = right[0] if right else None
    cands: list[tuple[Endpoint | None, Endpoint | None]] = []
    if (
        len(right) > 1
        and not _prep_cue(site)
        and are_coordinated(doc, right[0], right[1])
        and (l1 is None or tok_dist(doc, site.cend, right[0].start) < 3)
    ):
        cands.append((right[0], right[1]))
    if (
        len(left) > 1
        and are_coordinated(doc, left[1], left[0])
        and (r1 is None or tok_dist(doc, left[0].end, site.cstart) < 4)
    ):
        cands.append((left[1], left[0]))
    cands.append((l1, r1))
    anaphora = anaphora_list(site, near=l1 is not None or r1 is not None)
    if len(anaphora) == 2:
        cands.append((anaphora[0], anaphora[1]))
    speaker = speaker_endpoint(site)
    cands += [(speaker, r1), (speaker, l1)]
    if len(right) > 1 and _subject_noun(site):  # "resistance to X comes from Y"
        cands.append((right[0], right[1]))
    if len(left) > 1:
        cands.append((left[1], left[0]))
    for a, b in cands:
        if a is not None and b is not None and a.id != b.id:
            return a, b
    return None


def _subject_noun(site: Site) -> bool:
    """The cue is a noun phrase that is the subject of its clause (both parties follow it)."""
    head = site.doc[site.end - 1]
    while head.dep_ in {"prep", "pobj"} and head.head.i < head.i:
        head = head.head  # "resistance to": the noun before the preposition
    return head.pos_ == "NOUN" and head.dep_ in {"nsubj", "nsubjpass"}


def _possessor(site: Site) -> Token | None:
    """The noun possessor of a noun cue ("the group's defeat", "IS's war on X"); pronoun
    possessors ("their fight against") are left to the other rules."""
    head = site.doc[site.end - 1] if site.doc[site.end - 1].pos_ == "NOUN" else None
    if head is None:
        return None
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    return poss if poss is not None and poss.pos_ in {"NOUN", "PROPN"} else None


def _owned_pair(
    site: Site, owner: Token, right: list[Endpoint]
) -> tuple[Endpoint, Endpoint] | None:
    """A possessed cue's first party is its possessor; none when the possessor names no actor."""
    a = next((e for e in site.ends if e.start <= owner.idx < e.end), None)
    b = next((e for e in right if a is not None and e.id != a.id), None)
    return (a, b) if a is not None and b is not None else None


def _demonstrative(site: Site) -> bool:
    head = site.doc[site.end - 1]
    return head.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in {"this", "that", "these", "those"} for c in head.children
    )


def _anaphor_cue(site: Site) -> bool:
    """The cue is the head of a pair anaphor ("the two partners", "both allies")."""
    sent_text = site.sent.text
    offset = site.sent.start_char
    return any(
        m.start() + offset <= site.cstart < m.end() + offset
        for m in site.lex.anaphora.finditer(sent_text)
    )


def _foreign_subject(site: Site) -> bool:
    """A verb cue whose subject names no endpoint ("They since seem to have been defeated", "the
    weapons were deployed against the Taliban"): the actors around it are not its parties."""
    cue = site.doc[site.start]
    if cue.pos_ != "VERB" or site.end - site.start > 1:
        return False
    subj = next((c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and cue.dep_ == "xcomp":
        subj = next((c for c in cue.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and cue.dep_ == "acl" and cue.head.lower_ == "order":
        # "members ... are joining IS in order to fight the Taliban": the members fight
        main = cue.head.head.head
        subj = next((c for c in main.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return subj is not None and not any(e.start <= subj.idx < e.end for e in site.ends)
    if subj is None:
        return False
    if subj.lower_ in RELATIVE_PRONOUNS:
        return _instrument(site, subj)
    if subj.lower_ in {"they", "it"}:  # an anaphor: fine when the cue has its own object actor
        lo, hi = cue.idx, cue.right_edge.idx + len(cue.right_edge)
        return not any(lo < e.start < hi for e in site.ends)
    lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
    if any(lo <= e.start < hi for e in site.ends):
        return False
    text = site.doc[subj.left_edge.i : subj.right_edge.i + 1].text
    return not site.lex.anaphora.search(text) and subj.lower_ not in FIRST_PLURAL


def _instrument(site: Site, pron: Token) -> bool:
    """'weapons that were used to fight the Taliban': a passive relative clause about a thing that
    names no endpoint (not a group or person noun); whoever used it is not named, so the actors
    around the cue are not its parties."""
    verb = pron.head
    if pron.dep_ != "nsubjpass" or verb.dep_ != "relcl" or verb.head.pos_ != "NOUN":
        return False
    thing, lex = verb.head, site.lex
    if thing.lower_ in lex.group_heads | lex.person_heads | lex.generic_heads:
        return False
    lo, hi = thing.left_edge.idx, thing.idx + len(thing)
    return not any(lo <= e.start < hi for e in site.ends)
