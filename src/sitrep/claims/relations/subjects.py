"""Who the first side of a directional cue is: the subject of its verb (named, a pronoun, an unnamed
group for membership cues), "our"/"us"/"we" in a quotation (the speaker's organisation), or "the two
groups" (the last pair of actors named)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.actors.base import ARMED_KINDS
from sitrep.claims.attribution import AUTHOR
from sitrep.claims.relations.endpoints import NO_SUBJECT, Endpoint, registry_of, slug
from sitrep.claims.relations.site import RELATIVE_PRONOUNS, Site, governor, root_of, tok_dist
from sitrep.nlp import doc_text
from sitrep.records import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


FIRST_PLURAL = {"our", "us", "we", "ours"}


_BE = {"is", "are", "was", "were"}


def passive_subject(site: Site) -> Endpoint | None:
    """'Daesh was led by X': the passive subject, when it is named by its head ("Some of those
    joining ISIS-K have been trained by the US": no one named, ``NO_SUBJECT``)."""
    verb = site.doc[site.start]
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if verb.pos_ != "VERB" or subj is None:
        return None
    hi = subj.idx + len(subj)
    text = doc_text(site.doc)
    for e in site.ends:
        if subj.left_edge.idx <= e.start and e.end <= hi and text[e.end : e.end + 1] != "-":
            return e
    return NO_SUBJECT


def speaker_endpoint(site: Site) -> Endpoint | None:
    """The organisation of the claim's speaker (a spokesman's group)."""
    c = site.claim or _sentence_claim(site)
    if c is None or c.speaker == AUTHOR or c.cited_source:
        return None  # an outlet reports, it is not a party
    if not c.speaker_actor_id:
        org = site.orgs.get(c.speaker or "")
        return (
            Endpoint(org.id, org.name, c.evidence.start, c.evidence.start, "speaker")
            if org
            else None
        )
    reg = registry_of(site.doc)
    actor = reg.get(c.speaker_actor_id) if reg is not None else None
    if actor is not None and actor.kind in site.lex.skip_kinds:
        return None
    name = next((e.name for e in site.ends if e.id == c.speaker_actor_id), c.speaker_actor_id)
    return Endpoint(c.speaker_actor_id, name, c.evidence.start, c.evidence.start, "speaker")


def _sentence_claim(site: Site) -> Claim | None:
    """A quotation that no claim covers, in a sentence whose claim comes before it ("X, who
    claims that ..., as “fighters have promised to join us”"): that claim's speaker said it."""
    text = doc_text(site.doc)
    if not re.search(r"[“\"][^”\"]*$", text[site.sent.start_char : site.cstart]):
        return None
    before = [
        c
        for c in site.claims
        if site.sent.start_char <= c.evidence.start and c.evidence.end <= site.cstart
    ]
    return before[-1] if before else None


def first_plural(site: Site) -> Endpoint | None:
    """'our commander', 'allegiance with us' inside a claim: the speaker's organisation."""
    doc = site.doc
    window = doc[max(site.sent.start, site.start - 2) : min(site.sent.end, site.end + 2)]
    if any(t.lower_ in FIRST_PLURAL for t in window):
        return speaker_endpoint(site)
    if site.claim is not None and re.search(r"\btheir own\b", window.text.lower()):
        return speaker_endpoint(site)  # reported speech: "... was one of their own members"
    return None


def subject_endpoint(site: Site, left: list[Endpoint]) -> Endpoint | None:
    """A of a directional cue: the subject of its verb when it has one (an actor, a person a
    pronoun stands for, or, for membership cues, an unnamed group); else the nearest actor before."""
    doc = site.doc
    head = doc[site.start]
    if head.pos_ == "NOUN" and head.lower_ in site.lex.group_heads:
        if head.dep_ == "appos":
            return unnamed_member(site, head)
        if head.dep_ not in {"attr", "acomp"}:  # "former members of X", "a cell of X fighters"
            return unnamed_member(site, head) or unnamed_before(site)
    verb = governor(head)
    subj = None
    if site.cue.type != "member_of" and _possessive_group(
        site
    ):  # "declared the group's allegiance to X": the group named before
        return _last_actor(site)
    if verb is not None and verb.i <= site.start:
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    elif verb is not None and verb.lower_ in _BE and head.dep_ == "prep" and head.head == verb:
        # "At the heart of the Taliban regime is the Haqqani network": the subject comes after
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "attr"}), None)
        span = (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)) if subj else None
        inv = [e for e in site.ends if span and span[0] <= e.start < span[1]]
        return inv[0] if inv else NO_SUBJECT
    if subj is None and verb is not None:
        subj = _controller(site, verb)
    if subj is None:
        missing = _missing_subject(site, verb) if verb is not None else None
        return unnamed_before(site) or missing or (left[0] if left else None)
    if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subj = verb.head
    if site.lex.anaphora.search(doc[subj.left_edge.i : subj.right_edge.i + 1].text):
        return None  # "the two groups have declared allegiance": the pair named before
    lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
    if subj.lower_ in {"he", "she", "him"}:
        return _reporter(site, verb) or _person_before(site, subj.idx) or NO_SUBJECT
    head_end = subj.idx + len(subj)  # "Islamic State fighters": the actor modifying the head
    text = doc_text(doc)
    for e in site.ends:
        if lo <= e.start and e.end <= min(hi, head_end) and e.start <= site.cstart:
            if text[e.end : e.end + 1] != "-":  # not "US-trained soldiers"
                return e
    unnamed = unnamed_member(site, subj)  # "the local commander ostensibly affiliated with IS"
    if unnamed is not None:
        return unnamed
    for e in site.ends:
        if lo <= e.start and e.end <= hi and e.start <= site.cstart:
            return e
    return NO_SUBJECT


def _controller(site: Site, verb: Token) -> Token | None:
    """The named subject of the clause a subjectless purpose verb depends on ("TROOPS ARE
    re-purposing weapons ... in order to help the Taliban")."""
    tok = verb
    for _ in range(3):
        if tok.dep_ in {"xcomp", "advcl"}:
            tok = tok.head
        elif tok.dep_ == "acl" and tok.head.lower_ == "order" and tok.head.head.lower_ == "in":
            tok = tok.head.head.head
        else:
            return None
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            named = any(e.start <= subj.idx < e.end for e in site.ends)
            return subj if named else None
    return None


def _missing_subject(site: Site, verb: Token) -> Endpoint | None:
    """A verb the parser left without a subject: the nearest subject noun before it ("claimed
    that the local commander ostensibly affiliated with IS was one of their own members"), else
    the group noun of the phrase right before it ("numbers of former members of X, are now
    joining"). Membership cues only (``unnamed_member``)."""
    doc = site.doc
    lo = max(site.sent.start, verb.i - 14)
    for tok in reversed(doc[lo : verb.i]):
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ == "NOUN":
            return unnamed_member(site, tok)
    tok = next((t for t in reversed(doc[lo : verb.i]) if t.pos_ == "NOUN"), None)
    while tok is not None:
        if tok.lower_ in site.lex.group_heads:
            return unnamed_member(site, tok)
        tok = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None
    return None


def _reporter(site: Site, verb: Token) -> Endpoint | None:
    """'a motorist who rammed police said he had pledged allegiance': "he" in a reported clause
    is the unnamed subject of the reporting verb."""
    if verb.dep_ != "ccomp":
        return None
    subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.lower_ not in site.lex.person_heads:
        return None
    if any(e.start <= subj.idx < e.end for e in site.ends):
        return None
    return unnamed_member(site, subj)


def _possessive_group(site: Site) -> bool:
    cue = site.doc[site.start : site.end].text.lower().replace("’", "'")
    return any(w in cue.split() for w in ("group's", "its", "their"))


def _last_actor(site: Site) -> Endpoint | None:
    before = [e for e in site.ends if e.kind == "actor" and e.end <= site.cstart]
    return before[-1] if before else None


def _person_before(site: Site, char: int) -> Endpoint | None:
    """The person 'he' stands for: the last person named before it who is not the speaker."""
    speaker = site.claim.speaker if site.claim else None
    for e in reversed(site.ends):
        if e.kind == "person" and e.end <= char and e.name != speaker:
            return e
    return None


def unnamed_member(site: Site, head: Token) -> Endpoint | None:
    """An unnamed group or person as the member side ("a cell", "three alleged members")."""
    if site.cue.type not in {"member_of", "affiliate_of", "pledged_allegiance_to"}:
        return None
    if head.lower_ not in site.lex.group_heads:  # "numbers of former members": the members
        of = next((c for c in head.children if c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        head = obj if obj is not None else head
    if head.lower_ not in site.lex.group_heads or head.pos_ != "NOUN":
        return None
    doc = site.doc
    lo = head.left_edge.i
    # "Sher Mohammed Ghazanfar, a local commander claiming ...": the named one it describes
    if head.dep_ == "appos":
        named = next((e for e in site.ends if e.start <= head.head.idx < e.end), None)
        if named is not None:
            return named
    at = doc[lo].idx
    text = doc_text(doc)
    named = next(
        (e for e in site.ends if 0 < at - e.end <= 3 and text[e.end : at].strip() == ","), None
    )
    if named is not None and named.kind in {"person", "actor"}:
        return named
    text = doc[lo : head.i + 1].text
    return Endpoint(f"np:{slug(text)}", text, doc[lo].idx, head.idx + len(head), "np")


def unnamed_before(site: Site) -> Endpoint | None:
    doc = site.doc
    for tok in reversed(doc[max(site.sent.start, site.start - 2) : site.start]):
        if tok.pos_ == "NOUN":
            if any(e.start <= tok.idx < e.end for e in site.ends):
                return None
            return unnamed_member(site, tok)
    return None


def anaphora_list(site: Site, near: bool = False) -> list[Endpoint]:
    """'the two groups' / 'both groups' before the cue (or just after it: "cooperation between
    the militant groups"): the last two actors named before the anaphor; armed groups only for
    "groups" ("the State Department said that the two groups ..."). ``near``: the cue has an actor of
    its own, so the anaphor must be its argument (a few tokens before it), not a far clause."""
    off = site.sent.start_char
    at = [
        (m.start() + off, m.group().lower())
        for m in site.lex.anaphora.finditer(site.sent.text)
        if m.start() + off <= site.cend + 25
        and (not near or tok_dist(site.doc, m.end() + off, site.cstart) <= 8)
    ]
    if not at:
        return []
    groups = re.search(r"group|organi[sz]ation|militant", at[-1][1]) is not None
    reg = registry_of(site.doc) if groups else None
    seen: list[Endpoint] = []
    for e in reversed([e for e in site.ends if e.end <= at[-1][0]]):
        actor = reg.get(e.id) if reg is not None else None
        if actor is not None and actor.kind not in ARMED_KINDS:
            continue  # "the two groups": armed groups, not the officials or states around them
        if _says(site.doc, e, at[-1][0]):
            continue  # "ISIS declared that the two groups ...": the speaker is not one of them
        if e.kind == "actor" and all(e.id != s.id for s in seen):
            seen.append(e)
        if len(seen) == 2:
            return [seen[1], seen[0]]
    return []


def _says(doc: Doc, e: Endpoint, char: int) -> bool:
    """The endpoint is (in) the subject of a verb whose clause holds offset ``char``."""
    tok = root_of(doc, e)
    for _ in range(3):
        if tok is None or tok.dep_ in {"nsubj", "nsubjpass"}:
            break
        tok = tok.head if tok.dep_ in {"compound", "poss", "amod", "nmod"} else None
    if tok is None or tok.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = tok.head
    lo, hi = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
    s_lo, s_hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    return lo <= char < hi and not s_lo <= char < s_hi
