"""Reading A and B around a cue by its ``args`` kind (``data/relations.yaml``): ``sym`` (see
``symmetric``), ``lr`` / ``rl`` (subject and object, reversed for "X, backed by Y"), ``noun`` ("IS-K,
the Islamic State's Afghan affiliate") and hyphen cues ("Islamic State-linked group")."""

from __future__ import annotations

import re

from sitrep.claims.relations.endpoints import NO_SUBJECT, Endpoint, registry_of, registry_parent
from sitrep.claims.relations.site import Site, chain, inside_of, left_of, right_of
from sitrep.claims.relations.subjects import (
    anaphora_list,
    first_plural,
    passive_subject,
    subject_endpoint,
    unnamed_member,
)
from sitrep.claims.relations.symmetric import sym_pairs
from sitrep.nlp import doc_text


def find_pairs(site: Site) -> list[tuple[Endpoint, Endpoint]]:
    left, right = left_of(site), right_of(site)
    inside = inside_of(site)
    left = [e for e in left if e is not inside]
    right = [e for e in right if e is not inside]
    args = site.cue.args
    if site.doc[site.start].text == "-":
        return _hyphen_pairs(site, left)
    if args == "sym":
        return sym_pairs(site, left, right, inside)
    if _describes_generic(site):
        return []  # "fighters affiliated with the Islamic State": its fighters, not a party
    if args == "noun":
        return _noun_pairs(site, left, right)
    if site.cue.stance == "denied" and not right and left:
        namesake = _namesake(site, left[0])
        if namesake is not None:
            return [(left[0], namesake)]
    passive = _passive_support(site)
    if passive is not None:
        return passive
    right = _object_of(site, right)
    pronoun = first_plural(site)
    subject = subject_endpoint(site, left)
    if args == "rl":
        a_side = chain(site.doc, right[0], right[1:]) if right else ([pronoun] if pronoun else [])
        b = inside or passive_subject(site) or (left[0] if left else subject)
        return [(a, b) for a in a_side if b not in (None, NO_SUBJECT) and a.id != b.id]
    a_list = [subject] if subject else anaphora_list(site)
    if not a_list and left and subject is None:
        a_list = [left[0]]
    a_list = [a for a in a_list if a is not NO_SUBJECT]
    b_side = chain(site.doc, right[0], right[1:]) if right else ([pronoun] if pronoun else [])
    out = [(a, b) for a in a_list for b in b_side if a.id != b.id]
    return out


def _passive_support(site: Site) -> list[tuple[Endpoint, Endpoint]] | None:
    """'X have been trained (in ...) by Y': Y supports X, whatever stands between; None when the
    cue is not a passive support verb with an agent."""
    verb = site.doc[site.start]
    if site.cue.type != "supports" or site.cue.args != "lr" or verb.pos_ != "VERB":
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None or not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    b = passive_subject(site)
    lo, hi = agent.idx, agent.right_edge.idx + len(agent.right_edge)
    a = next((e for e in site.ends if lo <= e.start < hi), None)
    if a is None or b in (None, NO_SUBJECT) or a.id == b.id:
        return []
    return [(a, b)]


def _object_of(site: Site, right: list[Endpoint]) -> list[Endpoint]:
    """'members of the army and security forces': B of a cue ending in "of" is inside that
    preposition's object, not an actor named further on in the sentence; so is the agent of
    "led by X" (not "..., and Daesh was led by Y")."""
    last = site.doc[site.end - 1]
    of = last.lower_ == "of" and site.cue.type in {"member_of", "affiliate_of"}
    if not of and not (last.lower_ == "by" and site.cue.args == "rl"):
        return right
    obj = next((c for c in last.children if c.dep_ == "pobj"), None)
    if obj is None:
        return right
    lo, hi = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
    return [e for e in right if lo <= e.start < hi]


_SAME_NAME = re.compile(r"\b(?:same|similar) name\b|\bnamesake\b", re.I)


def _namesake(site: Site, named: Endpoint) -> Endpoint | None:
    """'known locally as Al-Shabab (no relation to the Somali group by the same name)': the other
    registry actor that shares the name just used, in the country the phrase names if any."""
    doc, text = site.doc, doc_text(site.doc)
    rest = text[site.cend : site.sent.end_char]
    if named.kind != "actor" or not _SAME_NAME.search(rest[:80]):
        return None
    reg = registry_of(doc)
    if reg is None:
        return None
    ids = [i for i in reg.candidates(text[named.start : named.end]) if i != named.id]
    codes = {site.lex.country_words.get(w.lower()) for w in re.findall(r"[\w-]+", rest[:80])}
    local = [i for i in ids if reg.get(i) is not None and reg.get(i).country in codes]
    cands = local or ids
    if len(cands) != 1:
        return None
    actor = reg.get(cands[0])
    return Endpoint(actor.id, actor.name, site.cstart, site.cend, "actor") if actor else None


def _hyphen_pairs(site: Site, left: list[Endpoint]) -> list[tuple[Endpoint, Endpoint]]:
    """'an Islamic State-linked group', 'Turkish-backed militias': the name glued before the
    hyphen and the noun the compound modifies (an unnamed group only for membership cues)."""
    doc = site.doc
    named = left[0] if left and left[0].end == site.cstart else None
    stop = min(site.sent.end, site.end + 3)
    noun = next((t for t in doc[site.end : stop] if t.pos_ in {"NOUN", "PROPN"}), None)
    if named is None or noun is None:
        return []
    described = next((e for e in site.ends if e.start <= noun.idx < e.end), None)
    if described is None and noun.lower_ not in site.lex.generic_heads:
        described = unnamed_member(site, noun)
    if described is None or described.id == named.id:
        return []
    return [(named, described)] if site.cue.args == "rl" else [(described, named)]


def _describes_generic(site: Site) -> bool:
    """A membership cue modifying a plural generic noun: 'fighters affiliated with X'."""
    if site.cue.type not in {"affiliate_of", "pledged_allegiance_to"}:
        return False
    tok = site.doc[site.start]
    if tok.dep_ in {"acl", "amod"} and tok.head.lower_ in site.lex.generic_heads:
        return True
    prev = site.doc[site.start - 1] if site.start > site.sent.start else None
    return prev is not None and prev.lower_ in site.lex.generic_heads and tok.tag_ in {"VBN", "VBG"}


def _noun_pairs(
    site: Site, left: list[Endpoint], right: list[Endpoint]
) -> list[tuple[Endpoint, Endpoint]]:
    """'X, the Islamic State's Afghan affiliate' / 'X (IS-K), its Afghan affiliate': A is the actor
    the noun phrase describes (in apposition), B the possessor or modifier inside it, else A's
    registry parent. A branch the actors step resolved from its description ("the Islamic State's
    Afghan affiliate" is IS-K) states its own tie to its parent."""
    doc = site.doc
    np_start = doc[site.start].left_edge.idx
    inner = [e for e in left if e.start >= np_start]
    outer = [e for e in left if e.end <= np_start]
    described = inside_of(site)
    branch = described if described is not None and described.branch else None
    if branch is not None:
        parent = registry_parent(doc, branch.id)
        if parent is None:
            return []
        inner = [Endpoint(parent[0], parent[1], branch.start, branch.end, "actor")]
        np_start, described = branch.start, branch
    if outer and (described is None or branch is not None):
        between = doc_text(doc)[outer[0].end : np_start]
        if "," in between or "(" in between or "—" in between:
            described = outer[0]
    if described is None:
        child = _country_affiliate(site, inner)
        return [(child, inner[0])] if child is not None else []
    if inner and inner[0].id != described.id:
        return [(described, inner[0])]
    if described.kind == "actor":
        parent = registry_parent(doc, described.id)
        if parent:
            return [
                (described, Endpoint(parent[0], parent[1], described.start, described.end, "actor"))
            ]
    return []


def _country_affiliate(site: Site, inner: list[Endpoint]) -> Endpoint | None:
    """'the Islamic State's Afghanistan affiliate': the registry affiliate of the possessor in
    that country (only when the registry has exactly one)."""
    doc = site.doc
    if not inner or inner[0].kind != "actor":
        return None
    words = doc[doc[site.start].left_edge.i : site.start]
    codes = {site.lex.country_words.get(t.lower_) for t in words} - {None}
    reg = registry_of(doc)
    if len(codes) != 1 or reg is None:
        return None
    code = codes.pop()
    kids = [
        a
        for a in reg.actors.values()
        if a.parent == inner[0].id and a.country == code and a.kind not in site.lex.skip_kinds
    ]
    if len(kids) != 1:
        return None
    return Endpoint(kids[0].id, kids[0].name, inner[0].start, site.cend, "actor")
