"""Relation endpoints: what in a document can be one side of a relation.

Actor mentions (registry ids; not outlets or platforms: ``skip_kinds``), people (``person:<slug>``),
state forces and agencies (the registry's when it knows "<country> <head>", each side of "Iraqi and
Turkish intelligence"; else ``force:<slug>``) and a country coordinated with an actor ("the Afghan
Army and United States air power" -> ``state:<slug>``). Unnamed groups and people (``np:<slug>``)
are made per cue, for membership cues only (``subjects.unnamed_member``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sitrep.claims.attribution import ActorsLike
from sitrep.claims.lexicon import RelationLexicon
from sitrep.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True, slots=True)
class Endpoint:
    id: str
    name: str
    start: int  # char offsets
    end: int
    kind: str  # actor, person, force, np, speaker
    branch: bool = False  # a branch described by its parent ("Islamic State's Afghan affiliate")


NO_SUBJECT = Endpoint("", "", 0, 0, "none")  # a subject that names no actor: no fallback


def slug(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    norm = re.sub(r"^(?:the|a|an)\s+", "", norm)
    return re.sub(r"[^a-z0-9]+", "-", norm).strip("-")


def find_endpoints(doc: Doc, actors: ActorsLike | None, lex: RelationLexicon) -> list[Endpoint]:
    reg = registry_of(doc)
    out: list[Endpoint] = []
    for m in actors.mentions if actors is not None else ():
        actor = reg.get(m.actor_id) if reg is not None else None
        if actor is not None and actor.kind in lex.skip_kinds:
            continue  # outlets and platforms are sources, not parties ("according to CNN")
        ev = m.evidence
        out.append(Endpoint(m.actor_id, m.name, ev.start, ev.end, "actor", m.method == "branch"))
    taken = [(e.start, e.end) for e in out]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(e: Endpoint) -> None:
        out.append(e)
        taken.append((e.start, e.end))

    # people: the ones the actors step found (all PERSON entities when it did not run)
    people = {p.name.split()[-1]: p.name for p in (actors.people if actors else ())}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or not free(ent.start_char, ent.end_char):
            continue
        words = ent.text.split()
        name = ent.text if actors is None or len(words) > 1 else people.get(words[-1])
        if name:
            add(Endpoint(f"person:{slug(name)}", name, ent.start_char, ent.end_char, "person"))
    for p in actors.people if actors is not None else ():  # names the NER missed
        for form in {p.name, p.name.split()[-1]}:
            for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", doc_text(doc)):
                if free(m.start(), m.end()):
                    add(Endpoint(f"person:{slug(p.name)}", p.name, m.start(), m.end(), "person"))
    for e in _forces(doc, lex, reg):
        inner = [x for x in out if e.start <= x.start and x.end <= e.end and x.kind == "actor"]
        if inner and e.kind == "actor" and all(_is_country(reg, x.id) for x in inner):
            # "UNITED STATES TROOPS": the force, not the country name inside it
            out[:] = [x for x in out if x not in inner]
            taken[:] = [(x.start, x.end) for x in out]
        if free(e.start, e.end):
            add(e)
    for e in _states(doc, out):
        if free(e.start, e.end):
            add(e)
    return sorted(out, key=lambda e: e.start)


def _is_country(reg: Any, actor_id: str) -> bool:
    actor = reg.get(actor_id) if reg is not None else None
    return actor is not None and actor.kind == "government"


_HEAD_KIND = {"intelligence": "intelligence_agency"}  # "Iraqi intelligence": that state's agency


def _force(reg: Any, name: str, start: int, end: int, lex: RelationLexicon) -> Endpoint:
    """A state force or agency: the registry's when it knows the name, or when the name is
    '<country> intelligence' and the registry has exactly one such agency of that country."""
    actor = reg.lookup(name) if reg is not None else None
    words = name.lower().split()
    kind = _HEAD_KIND.get(words[-1]) if len(words) == 2 else None
    code = lex.country_words.get(words[0]) if kind else None
    if actor is None and code and reg is not None:
        same = [a for a in reg.actors.values() if a.kind == kind and a.country == code]
        actor = same[0] if len(same) == 1 else None
    if actor is None and reg is not None and words[-1] in _ARMY_HEADS:
        code = lex.country_words.get(" ".join(words[:-1])) or lex.country_words.get(words[0])
        actor = _national_army(reg, lex, code, words[-1])
    if actor is not None:
        return Endpoint(actor.id, actor.name, start, end, "actor")
    return Endpoint(f"force:{slug(name)}", name, start, end, "force")


_ARMY_HEADS = {"forces", "military", "army", "troops", "soldiers", "commandos"}


def _national_army(reg: Any, lex: RelationLexicon, code: str | None, head: str) -> Any | None:
    """'the French special operations forces', 'UNITED STATES TROOPS': the force the registry
    knows as "<country word> <head>" (or forces / military), else the country's one top-level
    state force (under its government)."""
    if code is None:
        return None
    for word in (w for w, c in lex.country_words.items() if c == code):
        for noun in (head, "forces", "military"):
            actor = reg.lookup(f"{word} {noun}")
            if actor is not None and actor.kind == "state_force":
                return actor
    top = [
        a
        for a in reg.actors.values()
        if a.kind == "state_force"
        and a.country == code
        and (a.parent is None or getattr(reg.get(a.parent), "kind", None) == "government")
    ]
    return top[0] if len(top) == 1 else None


def _forces(doc: Doc, lex: RelationLexicon, reg: Any) -> list[Endpoint]:
    """'Turkish intelligence', 'a Russian military intelligence unit', and each side of
    'Iraqi and Turkish intelligence' / 'between Turkish and Iraqi intelligence'."""
    out: list[Endpoint] = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.lower_ not in lex.force_heads:
            continue
        first = root.i  # the modifier run right before the head, not across "and" or a line break
        while (
            first > chunk.start
            and doc[first - 1].dep_ in {"amod", "compound", "nmod", "poss", "conj", "cc"}
            and ("\n" not in doc[first - 1].text_with_ws)
        ):
            first -= 1
        while first < root.i and doc[first].dep_ == "cc":
            first += 1
        national = [t for t in doc[first : root.i] if t.ent_type_ in {"NORP", "GPE"}]
        if not national and not any(t.pos_ == "PROPN" for t in doc[first : root.i]):
            continue
        coordinated = [
            t for t in national if t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children)
        ]
        if len(coordinated) < 2:
            name = doc[first : root.i + 1].text
            out.append(_force(reg, name, doc[first].idx, chunk.end_char, lex))
            continue
        last = coordinated[-1]
        tail = doc[last.i + 1 : root.i + 1].text
        for t in coordinated[:-1]:
            out.append(_force(reg, f"{t.text} {tail}", t.idx, t.idx + len(t), lex))
        out.append(_force(reg, doc[last.i : root.i + 1].text, last.idx, chunk.end_char, lex))
    return out


def _states(doc: Doc, ends: list[Endpoint]) -> list[Endpoint]:
    """A country named beside an actor as a party: 'the Afghan Army and United States air power',
    'backed by the Afghan air force and the United States'."""
    out: list[Endpoint] = []
    spans = [(e.start, e.end) for e in ends]

    def is_party(tok: Token) -> bool:
        return any(s <= tok.idx < e for s, e in spans)

    for ent in doc.ents:
        if ent.label_ != "GPE":
            continue
        root = ent.root
        head = root.head if root.dep_ == "compound" else root
        linked = (head.dep_ == "conj" and is_party(head.head)) or any(
            c.dep_ == "conj" and is_party(c) for c in head.children
        )
        if not linked:
            continue
        name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        out.append(Endpoint(f"state:{slug(name)}", name, ent.start_char, ent.end_char, "force"))
    return out


def registry_of(doc: Doc) -> Any | None:
    """The actor registry that annotated ``doc`` (None when it cannot be read)."""
    from sitrep.actors import registry_of as annotated_by

    try:
        return annotated_by(doc)
    except Exception:
        return None


def registry_parent(doc: Doc, actor_id: str) -> tuple[str, str] | None:
    """The registry parent of an actor, from the registry that annotated ``doc``."""
    reg = registry_of(doc)
    actor = reg.get(actor_id) if reg is not None else None
    parent = reg.get(actor.parent) if reg is not None and actor and actor.parent else None
    return (parent.id, parent.name) if parent else None
