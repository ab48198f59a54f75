"""One RelationReport per relation statement in an article: cue matching, the per-cue loop, and the
statement rules (roles and jobs are no relations, a headline restated by the body is one statement,
two stances in one sentence are two statements)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from sitrep.claims.attribution import AUTHOR, ActorsLike, covering_claim
from sitrep.claims.lexicon import relations
from sitrep.claims.relations.endpoints import Endpoint, find_endpoints, registry_of
from sitrep.claims.relations.pairs import find_pairs
from sitrep.claims.relations.site import Site
from sitrep.claims.relations.stance import stance_of
from sitrep.nlp import doc_text
from sitrep.records import Article, Claim, Evidence, RelationReport, stable_id

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab


_ADJ_CUES = {"joint", "rival", "allied", "affiliated", "linked"}  # adjectival cues that count


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


def _adjectival(tok: Token) -> bool:
    if tok.lower_ in _ADJ_CUES:
        return False
    return tok.dep_ == "amod" or (tok.dep_ == "conj" and tok.head.dep_ == "amod")


def extract_relations(
    doc: Doc, article: Article, actors: ActorsLike | None, claims: Sequence[Claim] = ()
) -> list[RelationReport]:
    """Every relation statement in one article (see the package docstring for the rules)."""
    ends = find_endpoints(doc, actors, relations())
    found = _Statements(doc)
    orgs: dict[str, Endpoint] = {}  # person name -> the organisation a membership cue gave them
    hedged: dict[tuple[int, str], tuple[str, int]] = {}  # a hedged cue that found no pair
    for site in _sites(doc, ends, claims, orgs):
        pairs = find_pairs(site)
        stance = stance_of(site)
        key = (site.sent.start, site.cue.type)
        if not pairs and stance != "asserted":
            hedged[key] = (stance, site.end)
        prior = hedged.get(key)
        if pairs and stance == "asserted" and prior and site.start - prior[1] <= 12:
            stance = prior[0]  # "a supposedly joint attack ... by X alongside Y": one statement
        role = _role_only(site)
        for a, b in pairs:
            if site.cue.type == "member_of" and a.kind == "person" and b.kind == "actor":
                orgs.setdefault(a.name, b)  # "X, Commander of US Central Command": X speaks for it
            if (a.kind == "person" and b.kind == "person") or role or _job(site, a, b):
                continue
            report = _relation(
                article, doc, site.sent, site.cue.type, stance, a, b, site.claim, site.cstart
            )
            found.add(report, site.start)
    for report in _copula_relations(doc, article, ends, claims):
        found.add_once(report)
    return sorted(
        _headline_repeats(article, found.reports()), key=lambda r: (r.evidence.start, r.type)
    )


def _sites(
    doc: Doc, ends: list[Endpoint], claims: Sequence[Claim], orgs: dict[str, Endpoint]
) -> Iterator[Site]:
    """Each cue match that can state a relation, longest first at each position."""
    lex = relations()
    cues = {c.name: c for c in lex.cues}
    covered_to = -1
    for match_id, start, end in sorted(_matcher(doc.vocab)(doc), key=lambda m: (m[1], -m[2])):
        if start < covered_to:
            continue  # a longer cue already matched here ("joined forces" over "joined")
        sent = doc[start].sent
        if end - start == 1 and _adjectival(doc[start]):
            continue  # adjectival use: "coordinated attacks", "cooperative and coordinated attacks"
        if sent.text.rstrip().endswith("?"):
            continue  # a question asserts nothing
        covered_to = end
        if any(
            e.start <= doc[start].idx and doc[end - 1].idx < e.end and not e.branch for e in ends
        ):
            continue  # the cue word is part of a name ("Khorasan Province")
        claim = covering_claim(claims, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        cue = cues[doc.vocab.strings[match_id]]
        yield Site(doc, sent, start, end, cue, ends, claim, lex, orgs, claims)


_Key = tuple[str, str, str, int, str]


class _Statements:
    """The kept reports, one per type, pair and sentence; a second statement of the pair in the
    same sentence with another stance, far from the first cue, is kept apart (``_split``)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.found: dict[_Key, RelationReport] = {}
        self.where: dict[_Key, int] = {}  # cue token of each kept report

    @staticmethod
    def key(report: RelationReport) -> _Key:
        return (report.type, *sorted((report.a_id, report.b_id)), report.evidence.start, "")

    def add(self, report: RelationReport, at: int) -> None:
        found, where = self.found, self.where
        key = self.key(report)
        if key in found and found[key].stance != report.stance and at - where[key] > 10:
            first = key
            key = (*key[:4], report.stance)  # a second, distant statement in one sentence
            if key not in found:
                found[first], report = _split(self.doc, found[first], report, where[first], at)
        if key not in found:
            found[key], where[key] = report, at

    def add_once(self, report: RelationReport) -> None:
        self.found.setdefault(self.key(report), report)

    def reports(self) -> list[RelationReport]:
        return list(self.found.values())


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
        return " ".join(text.split())

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


def _role_only(site: Site) -> bool:
    """'General X, Commander of US Central Command', 'a senior commander of the group': a role
    (recorded with the people), a relation only when predicated ("he is a commander of X")."""
    if site.cue.type != "member_of":
        return False
    text = site.doc[site.start : site.end].text.lower()
    if text not in site.lex.role_cues:
        return False
    noun = next((t for t in site.doc[site.start : site.end] if t.pos_ == "NOUN"), None)
    return noun is None or noun.dep_ != "attr"


def _job(site: Site, a: Endpoint, b: Endpoint) -> bool:
    """Unnamed members of a state body ("former members of the Afghan government", "members of
    a JSOC task force"): a job description, not an affiliation claim."""
    if site.cue.type != "member_of" or a.kind != "np":
        return False
    if b.kind == "force":
        return True
    reg = registry_of(site.doc)
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
