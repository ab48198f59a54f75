"""Relations between actors, one RelationReport per statement, and their aggregation.

A relation is read from a cue phrase (``data/relations.yaml``: "joint operation", "clashed with",
"declared allegiance to", "backed by" ...) and the actors around it in the same sentence:

- endpoints are actor mentions (registry ids; not outlets or platforms: ``skip_kinds``), people
  (``person:<slug>``), state forces and agencies (the registry's when it knows "<country> <head>",
  each side of "Iraqi and Turkish intelligence"; else ``force:<slug>``), a country coordinated with
  an actor ("the Afghan Army and United States air power" -> ``state:<slug>``) and, for membership
  cues only,
  unnamed groups or people ("a cell of Islamic State fighters" -> ``np:<slug>``). A person is an
  endpoint only when the affiliation itself is stated ("X, a commander claiming allegiance to IS");
- "our"/"us"/"we" inside a quotation is the speaker's organisation; "the two groups" is the last
  pair of actors mentioned;
- stance: ``denied`` when the cue is negated ("no connections to", "is not Daesh") or is inside a
  claim made with a denial verb ("denied any cooperation with"); ``speculated`` with hedges near
  the cue ("may have", "supposedly", "ostensibly", "possibly", "whether", "will join");
  "reportedly" / "allegedly" keep ``asserted``: they name where the statement comes from, not
  doubt about it;
- speaker: the innermost claim covering the cue (``covering_claim``), else "the author".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from sitrep.actors.base import ARMED_KINDS
from sitrep.claims.attribution import AUTHOR, ActorsLike, covering_claim
from sitrep.claims.lexicon import Cue, RelationLexicon, relations, speech
from sitrep.nlp import doc_text
from sitrep.records import Article, Claim, Evidence, RelationReport, stable_id

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

SYMMETRIC = frozenset({"cooperates_with", "rival_of", "fights"})
_FIRST_PLURAL = {"our", "us", "we", "ours"}
_BE = {"is", "are", "was", "were"}
_ADJ_CUES = {"joint", "rival", "allied", "affiliated", "linked"}  # adjectival cues that count


@dataclass(frozen=True, slots=True)
class Endpoint:
    id: str
    name: str
    start: int  # char offsets
    end: int
    kind: str  # actor, person, force, np, speaker


_NO_SUBJECT = Endpoint("", "", 0, 0, "none")  # a subject that names no actor: no fallback


def slug(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    norm = re.sub(r"^(?:the|a|an)\s+", "", norm)
    return re.sub(r"[^a-z0-9]+", "-", norm).strip("-")


# ---------------------------------------------------------------- matcher


@cache
def _blank_tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


_MATCHERS: dict[int, tuple[Vocab, PhraseMatcher]] = {}


def _words(tok: Any, form: str) -> list[str]:
    """Token texts of a cue as they appear in running text: "-linked" stands after a name
    ("Islamic State-linked"), where the tokenizer splits off the hyphen."""
    if form.startswith("-"):
        return ["-", *(t.text for t in tok(form[1:]))]
    return [t.text for t in tok(form)]


def _matcher(vocab: Vocab) -> PhraseMatcher:
    """One PhraseMatcher per vocab (one pipeline), built on first use."""
    cached = _MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    lex = relations()
    tok = _blank_tokenizer()
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for name, forms in lex.phrases.items():
        matcher.add(name, [Doc(vocab, words=_words(tok, f)) for f in forms])
    _MATCHERS[id(vocab)] = (vocab, matcher)
    return matcher


# ---------------------------------------------------------------- endpoints


def _endpoints(doc: Doc, actors: ActorsLike | None, lex: RelationLexicon) -> list[Endpoint]:
    reg = _registry(doc)
    out: list[Endpoint] = []
    for m in actors.mentions if actors is not None else ():
        actor = reg.get(m.actor_id) if reg is not None else None
        if actor is not None and actor.kind in lex.skip_kinds:
            continue  # outlets and platforms are sources, not parties ("according to CNN")
        out.append(Endpoint(m.actor_id, m.name, m.evidence.start, m.evidence.end, "actor"))
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
    code = lex.demonyms.get(words[0]) if kind else None
    if actor is None and code and reg is not None:
        same = [a for a in reg.actors.values() if a.kind == kind and a.country == code]
        actor = same[0] if len(same) == 1 else None
    if actor is None and reg is not None and words[-1] in _ARMY_HEADS:
        code = lex.demonyms.get(" ".join(words[:-1])) or lex.demonyms.get(words[0])
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
    for word in (w for w, c in lex.demonyms.items() if c == code):
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


def _registry(doc: Doc) -> Any | None:
    """The actor registry that annotated ``doc`` (None when the actors step is absent)."""
    try:
        from sitrep.actors import SPAN_KEY, load_registry
    except ImportError:
        return None
    try:
        group = doc.spans[SPAN_KEY] if SPAN_KEY in doc.spans else None
        extra = group.attrs.get("actors_file", "") if group is not None else ""
        return load_registry(extra or None)
    except Exception:
        return None


def _registry_parent(doc: Doc, actor_id: str) -> tuple[str, str] | None:
    """The registry parent of an actor, from the registry that annotated ``doc``."""
    reg = _registry(doc)
    actor = reg.get(actor_id) if reg is not None else None
    parent = reg.get(actor.parent) if reg is not None and actor and actor.parent else None
    return (parent.id, parent.name) if parent else None


# ---------------------------------------------------------------- pair selection


@dataclass(slots=True)
class _Site:
    doc: Doc
    sent: Span
    start: int  # cue token range
    end: int
    cue: Cue
    ends: list[Endpoint]
    claim: Claim | None
    lex: RelationLexicon
    history: list[Endpoint]
    orgs: dict[str, Endpoint]  # person name -> the organisation a membership cue gave them
    claims: Sequence[Claim] = ()

    @property
    def cstart(self) -> int:
        return self.doc[self.start].idx

    @property
    def cend(self) -> int:
        last = self.doc[self.end - 1]
        return last.idx + len(last)


def _tok_dist(doc: Doc, a: int, b: int) -> int:
    """Tokens between char offsets a < b."""
    if b <= a:
        return 0
    span = doc.char_span(a, b, alignment_mode="expand")
    return len(span) if span is not None else 99


def _left(site: _Site) -> list[Endpoint]:
    return sorted(
        (
            e
            for e in site.ends
            if site.sent.start_char <= e.start
            and e.end <= site.cstart + 1
            and "\n" not in doc_text(site.doc)[e.end : site.cstart]
            and _tok_dist(site.doc, e.end, site.cstart) <= site.lex.window
        ),
        key=lambda e: -e.end,
    )


def _right(site: _Site) -> list[Endpoint]:
    return sorted(
        (
            e
            for e in site.ends
            if e.start >= site.cend - 1
            and e.end <= site.sent.end_char
            and "\n" not in doc_text(site.doc)[site.cend : e.start]
            and _tok_dist(site.doc, site.cend, e.start) <= site.lex.window
        ),
        key=lambda e: e.start,
    )


def _inside(site: _Site) -> Endpoint | None:
    for e in site.ends:
        if e.start <= site.cstart and site.cend <= e.end:
            return e
    return None


def _root(doc: Doc, e: Endpoint) -> Token | None:
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


_MEMBERS_OF = re.compile(
    r"(?:,|and|&|as well as)\s+(?:\w+\s+)?(?:fighters|militants|members|forces|insurgents)\s+"
    r"(?:affiliated with|loyal to|linked to|allied with|aligned with|of)\s+(?:the\s+)?"
)


def _coordinated(doc: Doc, first: Endpoint, second: Endpoint) -> bool:
    """Two endpoints joined by "and" in one phrase ("the Taliban and Islamic State fighters"),
    not two clauses ("The Taliban were led by X and Daesh was led by Y")."""
    between = re.sub(r"[\[\]()]", " ", doc_text(doc)[first.end : second.start]).strip().lower()
    if _MEMBERS_OF.fullmatch(between):
        return True  # "the Taliban and fighters affiliated with the Islamic State"
    if re.fullmatch(r"(?:,|and|&|as well as|or)?(?:\s*the)?", between) is None:
        return False
    r1, r2 = _root(doc, first), _root(doc, second)
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


def _chain(doc: Doc, first: Endpoint, rest: list[Endpoint]) -> list[Endpoint]:
    """``first`` and the endpoints coordinated with it ("the Afghan Army and United States")."""
    out = [first]
    for e in rest:
        if _clause_subject(doc, e):
            break  # "led by Mullah Nader and Daesh was led by ...": a new clause
        if e.start > out[-1].start and _coordinated(doc, out[-1], e):
            out.append(e)
        elif e.start > out[-1].start:
            break
    return out


def _pairs(site: _Site) -> list[tuple[Endpoint, Endpoint]]:
    left, right = _left(site), _right(site)
    inside = _inside(site)
    left = [e for e in left if e is not inside]
    right = [e for e in right if e is not inside]
    args = site.cue.args
    if site.doc[site.start].text == "-":
        return _hyphen_pairs(site, left)
    if args == "sym":
        return _sym_pairs(site, left, right, inside)
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
    pronoun = _first_plural(site)
    subject = _subject_endpoint(site, left)
    if args == "rl":
        a_side = _chain(site.doc, right[0], right[1:]) if right else ([pronoun] if pronoun else [])
        b = inside or _passive_subject(site) or (left[0] if left else subject)
        return [(a, b) for a in a_side if b not in (None, _NO_SUBJECT) and a.id != b.id]
    a_list = [subject] if subject else _anaphora_list(site)
    if not a_list and left and subject is None:
        a_list = [left[0]]
    a_list = [a for a in a_list if a is not _NO_SUBJECT]
    b_side = _chain(site.doc, right[0], right[1:]) if right else ([pronoun] if pronoun else [])
    out = [(a, b) for a in a_list for b in b_side if a.id != b.id]
    return out


def _passive_support(site: _Site) -> list[tuple[Endpoint, Endpoint]] | None:
    """'X have been trained (in ...) by Y': Y supports X, whatever stands between; None when the
    cue is not a passive support verb with an agent."""
    verb = site.doc[site.start]
    if site.cue.type != "supports" or site.cue.args != "lr" or verb.pos_ != "VERB":
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None or not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    b = _passive_subject(site)
    lo, hi = agent.idx, agent.right_edge.idx + len(agent.right_edge)
    a = next((e for e in site.ends if lo <= e.start < hi), None)
    if a is None or b in (None, _NO_SUBJECT) or a.id == b.id:
        return []
    return [(a, b)]


def _passive_subject(site: _Site) -> Endpoint | None:
    """'Daesh was led by X': the passive subject, when it is named by its head ("Some of those
    joining ISIS-K have been trained by the US": no one named, ``_NO_SUBJECT``)."""
    verb = site.doc[site.start]
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if verb.pos_ != "VERB" or subj is None:
        return None
    hi = subj.idx + len(subj)
    text = doc_text(site.doc)
    for e in site.ends:
        if subj.left_edge.idx <= e.start and e.end <= hi and text[e.end : e.end + 1] != "-":
            return e
    return _NO_SUBJECT


def _object_of(site: _Site, right: list[Endpoint]) -> list[Endpoint]:
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


def _namesake(site: _Site, named: Endpoint) -> Endpoint | None:
    """'known locally as Al-Shabab (no relation to the Somali group by the same name)': the other
    registry actor that shares the name just used, in the country the phrase names if any."""
    doc, text = site.doc, doc_text(site.doc)
    rest = text[site.cend : site.sent.end_char]
    if named.kind != "actor" or not _SAME_NAME.search(rest[:80]):
        return None
    reg = _registry(doc)
    if reg is None:
        return None
    ids = [i for i in reg.candidates(text[named.start : named.end]) if i != named.id]
    codes = {site.lex.demonyms.get(w.lower()) for w in re.findall(r"[\w-]+", rest[:80])}
    local = [i for i in ids if reg.get(i) is not None and reg.get(i).country in codes]
    cands = local or ids
    if len(cands) != 1:
        return None
    actor = reg.get(cands[0])
    return Endpoint(actor.id, actor.name, site.cstart, site.cend, "actor") if actor else None


def _hyphen_pairs(site: _Site, left: list[Endpoint]) -> list[tuple[Endpoint, Endpoint]]:
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
        described = _unnamed(site, noun)
    if described is None or described.id == named.id:
        return []
    return [(named, described)] if site.cue.args == "rl" else [(described, named)]


def _describes_generic(site: _Site) -> bool:
    """A membership cue modifying a plural generic noun: 'fighters affiliated with X'."""
    if site.cue.type not in {"affiliate_of", "pledged_allegiance_to"}:
        return False
    tok = site.doc[site.start]
    if tok.dep_ in {"acl", "amod"} and tok.head.lower_ in site.lex.generic_heads:
        return True
    prev = site.doc[site.start - 1] if site.start > site.sent.start else None
    return prev is not None and prev.lower_ in site.lex.generic_heads and tok.tag_ in {"VBN", "VBG"}


def _subject_pair(site: _Site) -> tuple[Endpoint, Endpoint] | None:
    """'the Taliban and fighters affiliated with the Islamic State have fought': the parties are
    the conjuncts of the cue verb's subject, each the actor it names or describes."""
    verb = _governor(site.doc[site.start], steps=6)
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


def _named_in(site: _Site, tok: Token, skip: Token | None = None) -> Endpoint | None:
    """The endpoint a noun phrase names: the one covering its head, else the first in its
    subtree (outside the ``skip`` conjunct)."""
    for e in site.ends:
        if e.start <= tok.idx < e.end:
            return e
    lo = tok.left_edge.idx
    hi = skip.left_edge.idx if skip is not None else tok.right_edge.idx + len(tok.right_edge)
    return next((e for e in site.ends if lo <= e.start and e.end <= hi), None)


def _sym_pairs(
    site: _Site, left: list[Endpoint], right: list[Endpoint], inside: Endpoint | None
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
    return [(a, e) for e in _chain(site.doc, b, right[right.index(b) + 1 :]) if e.id != a.id]


def _prep_cue(site: _Site) -> bool:
    """A fighting cue ending in a preposition that takes one side ("clashed with", "targeted
    by"): actors coordinated after it are on the same side, not a pair ("between" is a pair)."""
    last = site.doc[site.end - 1]
    return (
        site.cue.type in {"fights", "rival_of"}
        and last.pos_ == "ADP"
        and last.lower_ not in {"between", "among", "amongst"}
    )


def _sym_pair(
    site: _Site, left: list[Endpoint], right: list[Endpoint], inside: Endpoint | None
) -> tuple[Endpoint, Endpoint] | None:
    doc = site.doc
    owner = _possessor(site)
    if owner is not None:
        return _owned_pair(site, owner, right)
    if _demonstrative(site):  # "This partnership is intended as ...": refers back, unresolved
        near = [e for e in right if _tok_dist(doc, site.cend, e.start) < 3]
        return (near[0], near[1]) if len(near) > 1 else None
    if _anaphor_cue(site):  # "the two partners": the pair named before, never the nearest actors
        if len(left) > 1:
            return (left[1], left[0]) if _coordinated(doc, left[1], left[0]) else None
        pair = _anaphora_list(site)
        return (pair[0], pair[1]) if len(pair) == 2 and not left else None
    l1 = inside or (left[0] if left else None)
    r1 = right[0] if right else None
    cands: list[tuple[Endpoint | None, Endpoint | None]] = []
    if (
        len(right) > 1
        and not _prep_cue(site)
        and _coordinated(doc, right[0], right[1])
        and (l1 is None or _tok_dist(doc, site.cend, right[0].start) < 3)
    ):
        cands.append((right[0], right[1]))
    if (
        len(left) > 1
        and _coordinated(doc, left[1], left[0])
        and (r1 is None or _tok_dist(doc, left[0].end, site.cstart) < 4)
    ):
        cands.append((left[1], left[0]))
    cands.append((l1, r1))
    anaphora = _anaphora_list(site, near=l1 is not None or r1 is not None)
    if len(anaphora) == 2:
        cands.append((anaphora[0], anaphora[1]))
    speaker = _speaker_endpoint(site)
    cands += [(speaker, r1), (speaker, l1)]
    if len(right) > 1 and _subject_noun(site):  # "resistance to X comes from Y"
        cands.append((right[0], right[1]))
    if len(left) > 1:
        cands.append((left[1], left[0]))
    for a, b in cands:
        if a is not None and b is not None and a.id != b.id:
            return a, b
    return None


def _subject_noun(site: _Site) -> bool:
    """The cue is a noun phrase that is the subject of its clause (both parties follow it)."""
    head = site.doc[site.end - 1]
    while head.dep_ in {"prep", "pobj"} and head.head.i < head.i:
        head = head.head  # "resistance to": the noun before the preposition
    return head.pos_ == "NOUN" and head.dep_ in {"nsubj", "nsubjpass"}


def _possessor(site: _Site) -> Token | None:
    """The noun possessor of a noun cue ("the group's defeat", "IS's war on X"); pronoun
    possessors ("their fight against") are left to the other rules."""
    head = site.doc[site.end - 1] if site.doc[site.end - 1].pos_ == "NOUN" else None
    if head is None:
        return None
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    return poss if poss is not None and poss.pos_ in {"NOUN", "PROPN"} else None


def _owned_pair(
    site: _Site, owner: Token, right: list[Endpoint]
) -> tuple[Endpoint, Endpoint] | None:
    """A possessed cue's first party is its possessor; none when the possessor names no actor."""
    a = next((e for e in site.ends if e.start <= owner.idx < e.end), None)
    b = next((e for e in right if a is not None and e.id != a.id), None)
    return (a, b) if a is not None and b is not None else None


def _demonstrative(site: _Site) -> bool:
    head = site.doc[site.end - 1]
    return head.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in {"this", "that", "these", "those"} for c in head.children
    )


def _anaphor_cue(site: _Site) -> bool:
    """The cue is the head of a pair anaphor ("the two partners", "both allies")."""
    sent_text = site.sent.text
    offset = site.sent.start_char
    return any(
        m.start() + offset <= site.cstart < m.end() + offset
        for m in site.lex.anaphora.finditer(sent_text)
    )


def _foreign_subject(site: _Site) -> bool:
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
    if subj is None or subj.lower_ in {"who", "which", "that"}:
        return False
    if subj.lower_ in {"they", "it"}:  # an anaphor: fine when the cue has its own object actor
        lo, hi = cue.idx, cue.right_edge.idx + len(cue.right_edge)
        return not any(lo < e.start < hi for e in site.ends)
    lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
    if any(lo <= e.start < hi for e in site.ends):
        return False
    text = site.doc[subj.left_edge.i : subj.right_edge.i + 1].text
    return not site.lex.anaphora.search(text) and subj.lower_ not in _FIRST_PLURAL


def _noun_pairs(
    site: _Site, left: list[Endpoint], right: list[Endpoint]
) -> list[tuple[Endpoint, Endpoint]]:
    """'X, the Islamic State's Afghan affiliate' / 'X (IS-K), its Afghan affiliate': A is the actor
    the noun phrase describes (in apposition), B the possessor or modifier inside it, else A's
    registry parent."""
    doc = site.doc
    np_start = doc[site.start].left_edge.idx
    inner = [e for e in left if e.start >= np_start]
    outer = [e for e in left if e.end <= np_start]
    described = _inside(site)
    if described is None and outer:
        between = doc_text(doc)[outer[0].end : np_start]
        if "," in between or "(" in between or "—" in between:
            described = outer[0]
    if described is None:
        child = _country_affiliate(site, inner)
        return [(child, inner[0])] if child is not None else []
    if inner and inner[0].id != described.id:
        return [(described, inner[0])]
    if described.kind == "actor":
        parent = _registry_parent(doc, described.id)
        if parent:
            return [
                (described, Endpoint(parent[0], parent[1], described.start, described.end, "actor"))
            ]
    return []


def _country_affiliate(site: _Site, inner: list[Endpoint]) -> Endpoint | None:
    """'the Islamic State's Afghanistan affiliate': the registry affiliate of the possessor in
    that country (only when the registry has exactly one)."""
    doc = site.doc
    if not inner or inner[0].kind != "actor":
        return None
    words = doc[doc[site.start].left_edge.i : site.start]
    codes = {site.lex.demonyms.get(t.lower_) for t in words} - {None}
    reg = _registry(doc)
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


def _speaker_endpoint(site: _Site) -> Endpoint | None:
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
    reg = _registry(site.doc)
    actor = reg.get(c.speaker_actor_id) if reg is not None else None
    if actor is not None and actor.kind in site.lex.skip_kinds:
        return None
    name = next((e.name for e in site.ends if e.id == c.speaker_actor_id), c.speaker_actor_id)
    return Endpoint(c.speaker_actor_id, name, c.evidence.start, c.evidence.start, "speaker")


def _sentence_claim(site: _Site) -> Claim | None:
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


def _first_plural(site: _Site) -> Endpoint | None:
    """'our commander', 'allegiance with us' inside a claim: the speaker's organisation."""
    doc = site.doc
    window = doc[max(site.sent.start, site.start - 2) : min(site.sent.end, site.end + 2)]
    if any(t.lower_ in _FIRST_PLURAL for t in window):
        return _speaker_endpoint(site)
    if site.claim is not None and re.search(r"\btheir own\b", window.text.lower()):
        return _speaker_endpoint(site)  # reported speech: "... was one of their own members"
    return None


def _governor(tok: Token, steps: int = 4) -> Token | None:
    """The verb or copula that governs the cue (a few steps up the tree)."""
    for _ in range(steps):
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _adjectival(tok: Token) -> bool:
    if tok.lower_ in _ADJ_CUES:
        return False
    return tok.dep_ == "amod" or (tok.dep_ == "conj" and tok.head.dep_ == "amod")


def _subject_endpoint(site: _Site, left: list[Endpoint]) -> Endpoint | None:
    """A of a directional cue: the subject of its verb when it has one (an actor, a person a
    pronoun stands for, or, for membership cues, an unnamed group); else the nearest actor before."""
    doc = site.doc
    head = doc[site.start]
    if head.pos_ == "NOUN" and head.lower_ in site.lex.group_heads:
        if head.dep_ == "appos":
            return _unnamed(site, head)
        if head.dep_ not in {"attr", "acomp"}:  # "former members of X", "a cell of X fighters"
            return _unnamed(site, head) or _unnamed_before(site)
    verb = _governor(head)
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
        return inv[0] if inv else _NO_SUBJECT
    if subj is None and verb is not None:
        subj = _controller(site, verb)
    if subj is None:
        missing = _missing_subject(site, verb) if verb is not None else None
        return _unnamed_before(site) or missing or (left[0] if left else None)
    if subj.lower_ in {"who", "which", "that"} and verb.dep_ == "relcl":
        subj = verb.head
    if site.lex.anaphora.search(doc[subj.left_edge.i : subj.right_edge.i + 1].text):
        return None  # "the two groups have declared allegiance": the pair named before
    lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
    if subj.lower_ in {"he", "she", "him"}:
        return _reporter(site, verb) or _person_before(site, subj.idx) or _NO_SUBJECT
    head_end = subj.idx + len(subj)  # "Islamic State fighters": the actor modifying the head
    text = doc_text(doc)
    for e in site.ends:
        if lo <= e.start and e.end <= min(hi, head_end) and e.start <= site.cstart:
            if text[e.end : e.end + 1] != "-":  # not "US-trained soldiers"
                return e
    unnamed = _unnamed(site, subj)  # "the local commander ostensibly affiliated with IS"
    if unnamed is not None:
        return unnamed
    for e in site.ends:
        if lo <= e.start and e.end <= hi and e.start <= site.cstart:
            return e
    return _NO_SUBJECT


def _controller(site: _Site, verb: Token) -> Token | None:
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


def _missing_subject(site: _Site, verb: Token) -> Endpoint | None:
    """A verb the parser left without a subject: the nearest subject noun before it ("claimed
    that the local commander ostensibly affiliated with IS was one of their own members"), else
    the group noun of the phrase right before it ("numbers of former members of X, are now
    joining"). Membership cues only (``_unnamed``)."""
    doc = site.doc
    lo = max(site.sent.start, verb.i - 14)
    for tok in reversed(doc[lo : verb.i]):
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ == "NOUN":
            return _unnamed(site, tok)
    tok = next((t for t in reversed(doc[lo : verb.i]) if t.pos_ == "NOUN"), None)
    while tok is not None:
        if tok.lower_ in site.lex.group_heads:
            return _unnamed(site, tok)
        tok = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None
    return None


def _reporter(site: _Site, verb: Token) -> Endpoint | None:
    """'a motorist who rammed police said he had pledged allegiance': "he" in a reported clause
    is the unnamed subject of the reporting verb."""
    if verb.dep_ != "ccomp":
        return None
    subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.lower_ not in site.lex.person_heads:
        return None
    if any(e.start <= subj.idx < e.end for e in site.ends):
        return None
    return _unnamed(site, subj)


def _possessive_group(site: _Site) -> bool:
    cue = site.doc[site.start : site.end].text.lower().replace("’", "'")
    return any(w in cue.split() for w in ("group's", "its", "their"))


def _last_actor(site: _Site) -> Endpoint | None:
    before = [e for e in site.ends if e.kind == "actor" and e.end <= site.cstart]
    return before[-1] if before else None


def _person_before(site: _Site, char: int) -> Endpoint | None:
    """The person 'he' stands for: the last person named before it who is not the speaker."""
    speaker = site.claim.speaker if site.claim else None
    for e in reversed(site.ends):
        if e.kind == "person" and e.end <= char and e.name != speaker:
            return e
    return None


def _unnamed(site: _Site, head: Token) -> Endpoint | None:
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


def _unnamed_before(site: _Site) -> Endpoint | None:
    doc = site.doc
    for tok in reversed(doc[max(site.sent.start, site.start - 2) : site.start]):
        if tok.pos_ == "NOUN":
            if any(e.start <= tok.idx < e.end for e in site.ends):
                return None
            return _unnamed(site, tok)
    return None


def _anaphora_list(site: _Site, near: bool = False) -> list[Endpoint]:
    """'the two groups' / 'both groups' before the cue (or just after it: "cooperation between
    the militant groups"): the last two actors named before the anaphor; armed groups only for
    "groups" ("the State Department said that the two groups ..."). ``near``: the cue has an actor of
    its own, so the anaphor must be its argument (a few tokens before it), not a far clause."""
    off = site.sent.start_char
    at = [
        (m.start() + off, m.group().lower())
        for m in site.lex.anaphora.finditer(site.sent.text)
        if m.start() + off <= site.cend + 25
        and (not near or _tok_dist(site.doc, m.end() + off, site.cstart) <= 8)
    ]
    if not at:
        return []
    groups = re.search(r"group|organi[sz]ation|militant", at[-1][1]) is not None
    reg = _registry(site.doc) if groups else None
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
    tok = _root(doc, e)
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


# ---------------------------------------------------------------- stance


def _stance(site: _Site) -> str:
    if site.cue.stance:
        return site.cue.stance
    doc, lex = site.doc, site.lex
    before = doc[max(site.sent.start, site.start - 4) : site.start].text
    if lex.negation.search(before) or any(c.dep_ == "neg" for c in doc[site.start].head.children):
        return "denied"
    claim = site.claim
    if claim is not None and claim.stance == "denies" and claim.verb in speech().denial_verbs:
        return "denied"
    lo = max(site.sent.start, site.start - 6)
    for i in range(site.start - 1, lo - 1, -1):  # the hedge must be in the cue's own clause
        if doc[i].text in {",", ";", "—", "(", ")"}:
            lo = i + 1
            break
    context = doc[lo : min(site.sent.end, site.end + 2)].text
    if lex.speculative.search(context):
        return "speculated"
    if lex.opening_hedge is not None and lex.opening_hedge.search(site.sent.text):
        cue = doc[site.start]  # a relative clause states background fact, outside the hedge
        if all(t.dep_ != "relcl" for t in (cue, *cue.ancestors)):
            return "speculated"
    return "asserted"


# ---------------------------------------------------------------- public


def extract_relations(
    doc: Doc, article: Article, actors: ActorsLike | None, claims: Sequence[Claim] = ()
) -> list[RelationReport]:
    """Every relation statement in one article (see the module docstring for the rules)."""
    lex = relations()
    cues = {c.name: c for c in lex.cues}
    ends = _endpoints(doc, actors, lex)
    vocab = doc.vocab
    found: dict[tuple[str, str, str, int, str], RelationReport] = {}
    where: dict[tuple[str, str, str, int, str], int] = {}  # cue token of each kept report
    matches = sorted(_matcher(vocab)(doc), key=lambda m: (m[1], -m[2]))
    covered_to = -1
    orgs: dict[str, Endpoint] = {}
    hedged: dict[tuple[int, str], tuple[str, int]] = {}  # a hedged cue that found no pair
    for match_id, start, end in matches:
        if start < covered_to:
            continue  # a longer cue already matched here ("joined forces" over "joined")
        cue = cues[vocab.strings[match_id]]
        sent = doc[start].sent
        if end - start == 1 and _adjectival(doc[start]):
            continue  # adjectival use: "coordinated attacks", "cooperative and coordinated attacks"
        if sent.text.rstrip().endswith("?"):
            continue  # a question asserts nothing
        covered_to = end
        if any(e.start <= doc[start].idx and doc[end - 1].idx < e.end for e in ends):
            continue  # the cue word is part of a name ("Khorasan Province")
        cstart = doc[start].idx
        claim = covering_claim(claims, cstart, doc[end - 1].idx + len(doc[end - 1]))
        history = [e for e in ends if e.end <= sent.start_char]
        site = _Site(doc, sent, start, end, cue, ends, claim, lex, history, orgs, claims)
        pairs = _pairs(site)
        stance = _stance(site)
        if not pairs and stance != "asserted":
            hedged[(sent.start, cue.type)] = (stance, end)
        prior = hedged.get((sent.start, cue.type))
        if pairs and stance == "asserted" and prior and start - prior[1] <= 12:
            stance = prior[0]  # "a supposedly joint attack ... by X alongside Y": one statement
        role = _role_only(site)
        for a, b in pairs:
            if cue.type == "member_of" and a.kind == "person" and b.kind == "actor":
                orgs.setdefault(a.name, b)  # "X, Commander of US Central Command": X speaks for it
            if (a.kind == "person" and b.kind == "person") or role or _job(site, a, b):
                continue
            report = _relation(article, doc, sent, cue.type, stance, a, b, claim, site.cstart)
            key = (cue.type, *sorted((a.id, b.id)), report.evidence.start, "")
            if key in found and found[key].stance != report.stance and start - where[key] > 10:
                first = key
                key = (*key[:4], report.stance)  # a second, distant statement in one sentence
                if key not in found:
                    found[first], report = _split(doc, found[first], report, where[first], start)
            if key not in found:
                found[key], where[key] = report, start
    for report in _copula_relations(doc, article, ends, claims):
        found.setdefault(
            (report.type, *sorted((report.a_id, report.b_id)), report.evidence.start, ""), report
        )
    return sorted(
        _headline_repeats(article, found.values()), key=lambda r: (r.evidence.start, r.type)
    )


_FAMILY = {
    "rival_of": "fights",
    "pledged_allegiance_to": "affiliate_of",
    "member_of": "affiliate_of",
}


def _headline_repeats(article: Article, reports: Iterable[RelationReport]) -> list[RelationReport]:
    """A headline that restates a relation its body states is one statement, not two: the
    headline's report is dropped (the body's keeps the evidence in context)."""
    reports = list(reports)
    first = article.text.split("\n", 1)[0]

    def flat(text: str) -> str:
        return " ".join(text.replace("\u00a0", " ").split())

    if not article.title or flat(first) != flat(article.title):
        return reports
    head = [r for r in reports if r.evidence.end <= len(first)]
    body = [r for r in reports if r.evidence.start > len(first)]

    def same(x: str, y: str) -> bool:  # unnamed members and units are one side
        return x == y or (x.startswith(("np:", "force:")) and y.startswith(("np:", "force:")))

    def restated(r: RelationReport) -> bool:
        fam = _FAMILY.get(r.type, r.type)
        return any(
            _FAMILY.get(o.type, o.type) == fam
            and (
                (same(r.a_id, o.a_id) and same(r.b_id, o.b_id))
                or (same(r.a_id, o.b_id) and same(r.b_id, o.a_id))
            )
            for o in body
        )

    return [r for r in reports if r not in head or not restated(r)]


def _role_only(site: _Site) -> bool:
    """'General X, Commander of US Central Command', 'a senior commander of the group': a role
    (recorded with the people), a relation only when predicated ("he is a commander of X")."""
    if site.cue.type != "member_of":
        return False
    text = site.doc[site.start : site.end].text.lower()
    if text not in site.lex.role_cues:
        return False
    noun = next((t for t in site.doc[site.start : site.end] if t.pos_ == "NOUN"), None)
    return noun is None or noun.dep_ != "attr"


def _job(site: _Site, a: Endpoint, b: Endpoint) -> bool:
    """Unnamed members of a state body ("former members of the Afghan government", "members of
    a JSOC task force"): a job description, not an affiliation claim."""
    if site.cue.type != "member_of" or a.kind != "np":
        return False
    if b.kind == "force":
        return True
    reg = _registry(site.doc)
    actor = reg.get(b.id) if reg is not None else None
    return actor is not None and actor.kind in site.lex.state_kinds


def _split(
    doc: Doc, first: RelationReport, second: RelationReport, i: int, j: int
) -> tuple[RelationReport, RelationReport]:
    """Two statements with different stances in one sentence ("X remains embedded with Y,
    despite assurances that the two groups are parting ways"): each keeps its own clause."""
    cut = next((t.idx for t in reversed(doc[i + 1 : j]) if t.text in {",", ";", "—"}), None)
    ev = first.evidence
    if cut is None or not ev.start < cut < ev.end:
        return first, second
    text = doc_text(doc)
    head = Evidence(ev.document_id, ev.article_index, ev.start, cut, text[ev.start : cut])
    tail_start = cut + 1 + len(text[cut + 1 : ev.end]) - len(text[cut + 1 : ev.end].lstrip())
    tail = Evidence(ev.document_id, ev.article_index, tail_start, ev.end, text[tail_start : ev.end])
    return replace(first, evidence=head), replace(second, evidence=tail)


def _copula_relations(
    doc: Doc, article: Article, ends: list[Endpoint], claims: Sequence[Claim]
) -> list[RelationReport]:
    """'Ghazanfar is not Daesh': a person said to be (or not to be) a group is a member of it."""
    out: list[RelationReport] = []
    people = [e for e in ends if e.kind == "person"]
    groups = [e for e in ends if e.kind == "actor"]
    for tok in doc:
        if tok.lower_ not in {"is", "was", "are", "were"} or tok.pos_ != "AUX":
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        attr = next((c for c in tok.children if c.dep_ in {"attr", "acomp"}), None)
        if subj is None or attr is None:
            continue
        a = next((e for e in people if e.start <= subj.idx < e.end), None)
        b = next((e for e in groups if e.start <= attr.idx < e.end), None)
        if a is None or b is None:
            continue
        negated = any(c.dep_ == "neg" for c in tok.children)
        claim = covering_claim(claims, tok.idx, attr.idx + len(attr))
        stance = "denied" if negated else "asserted"
        out.append(_relation(article, doc, tok.sent, "member_of", stance, a, b, claim, tok.idx))
    return out


def _relation(
    article: Article,
    doc: Doc,
    sent: Span,
    type_: str,
    stance: str,
    a: Endpoint,
    b: Endpoint,
    claim: Claim | None,
    at: int,
) -> RelationReport:
    """A relation stated in ``sent``; its evidence is the sentence (within the line of the cue at
    ``at``: a headline the parser glued to the first sentence stays out), its speaker the
    claim's."""
    text = doc_text(doc)
    start, end = sent.start_char, sent.end_char
    start = max(start, text.rfind("\n", start, at) + 1)
    cut = text.find("\n", at, end)
    end = cut if cut >= 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return RelationReport(
        id=stable_id("rel", article.document_id, article.index, start, type_, a.id, b.id),
        document_id=article.document_id,
        article_index=article.index,
        a_id=a.id,
        a=a.name,
        b_id=b.id,
        b=b.name,
        type=type_,
        stance=stance,  # type: ignore[arg-type]
        evidence=Evidence(article.document_id, article.index, start, end, text[start:end]),
        speaker=claim.speaker if claim is not None and claim.speaker else AUTHOR,
        date=article.published,
    )


def aggregate_relations(reports: Iterable[RelationReport]) -> list[dict[str, Any]]:
    """One row per actor pair and type (unordered for symmetric types), as in ``relations.jsonl``:
    who asserted (or speculated) and who denied it, first/last seen dates, every evidence, counts."""
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in reports:
        a_id, a, b_id, b = r.a_id, r.a, r.b_id, r.b
        if r.type in SYMMETRIC and b_id < a_id:
            a_id, a, b_id, b = b_id, b, a_id, a
        key = (r.type, a_id, b_id)
        row = rows.setdefault(
            key,
            {
                "id": stable_id("relagg", r.type, a_id, b_id),
                "a_id": a_id,
                "a": a,
                "b_id": b_id,
                "b": b,
                "type": r.type,
                "asserted_by": [],
                "denied_by": [],
                "speculated_by": [],
                "first_seen": None,
                "last_seen": None,
                "evidence": [],
                "reports": [],
                "counts": {"asserted": 0, "denied": 0, "speculated": 0},
            },
        )
        who = r.speaker or AUTHOR
        bucket = {"asserted": "asserted_by", "denied": "denied_by"}.get(r.stance, "speculated_by")
        if who not in row[bucket]:
            row[bucket].append(who)
        row["counts"][r.stance] += 1
        row["reports"].append(r.id)
        row["evidence"].append(
            {
                "document_id": r.evidence.document_id,
                "article_index": r.evidence.article_index,
                "start": r.evidence.start,
                "end": r.evidence.end,
                "text": r.evidence.text,
            }
        )
        if r.date:
            row["first_seen"] = min(filter(None, [row["first_seen"], r.date]))
            row["last_seen"] = max(filter(None, [row["last_seen"], r.date]))
    return sorted(rows.values(), key=lambda row: (row["type"], row["a_id"], row["b_id"]))
