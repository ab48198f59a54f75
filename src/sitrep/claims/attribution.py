"""Claims: who said what, with which verb and stance, and the text they are credited with.

Three kinds of attribution are read from one spaCy parse (no lemmatizer: verb forms come from
``data/speech.yaml``):

- a speech verb with a subject: "X said (that) ...", "“...,” said X", "X denied ...", "“...,” X told
  Reuters"; the content is the verb's clausal complement, its object, or the adjacent quotation;
- a source frame: "according to X, ...", "..., citing X" — the object is the speaker;
- quotations: a statement in quotation marks is credited to the speech verb next to it; a quotation
  with no verb that directly follows another quoted statement continues that speaker's statement.

Chains: when a speech verb has its own speaker and also "according to O" / "citing S", the claim keeps
the innermost speaker (the person or body who said it) and the outlet as ``cited_source``; when the
speaker itself is a news outlet, the outlet is also the ``cited_source``.

Opinion: an article is an opinion piece when at least ``opinion_min_sentences`` sentences outside
quotations carry a first-person word or an evaluative marker (``speech.yaml``). In an opinion piece, a
sentence with an evaluative marker or a first-person word that names an actor and has no other speaker
becomes a Claim by "the author" with ``is_opinion=True``. Outside opinion pieces, a sentence is an
author opinion only when it has both a first-person word and an evaluative marker.

Evidence of a claim = from the speaker (or the frame) to the end of the reported content, widened to
cover a quotation; several claims may cover the same text (a chain) — ``covering_claim`` picks the
innermost one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from sitrep.claims.lexicon import SpeechLexicon, speech
from sitrep.nlp import doc_text, np_top
from sitrep.records import Article, Claim, Evidence, Mention, Person, stable_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

AUTHOR = "the author"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "who", "which", "that", "this"}
_RELATIVES = frozenset({"who", "which", "that"})
_DETS = {"a", "an", "the", "this", "that", "these", "those"}
_OPEN = "“«‘"
_CLOSE = "”»’"
_WORD = re.compile(r"\w+")
_BELIEF = {"certain", "sure", "convinced", "confident", "adamant"}
_HONORIFIC = {"mr", "mrs", "ms", "dr", "sir", "mr.", "mrs.", "ms.", "dr."}


def _role(text: str | None) -> str | None:
    """A role worth keeping: not a bare honorific or an age ("Mr.", "25")."""
    if not text:
        return None
    words = [w for w in _WORD.findall(text) if w.lower().strip(".") not in _HONORIFIC]
    return text if any(len(w) >= 3 and w.isalpha() for w in words) else None


class ActorsLike(Protocol):
    """What claims need from ``sitrep.actors.ActorResult``."""

    mentions: Sequence[Mention]
    people: Sequence[Person]


@dataclass(slots=True)
class Draft:
    """A claim while it is being built; ``content`` is the reported content in char offsets."""

    anchor: int  # char offset of the speech verb / frame / quote
    verb: str
    speaker: str | None
    start: int
    end: int
    content: tuple[int, int]
    stance: str = "asserts"
    role: str | None = None
    actor_id: str | None = None
    cited_source: str | None = None
    is_opinion: bool = False
    speaker_span: tuple[int, int] | None = None  # char span of the speaker phrase
    person: bool = False  # the speaker is a named person (pronoun "he"/"she" can refer to it)
    quotes: list[tuple[int, int]] = field(default_factory=list)


# ---------------------------------------------------------------- quotation marks


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Char spans (marks included) of quotations: curly pairs, and straight quotes paired in order
    within a paragraph; a closing quote with no opener starts at its paragraph."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in re.split(r"(\n\s*\n|\n)", text):
        if para.strip():
            spans.extend((pos + a, pos + b) for a, b in _para_quotes(para))
        pos += len(para)
    return spans


def _para_quotes(para: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start: int | None = None
    for i, ch in enumerate(para):
        if ch == '"':
            opening = start is None and _opens(para, i)
            if start is None and not opening:
                start = _orphan_start(para, i)
                if start is not None:
                    out.append((start, i + 1))
                start = None
            elif start is None:
                start = i
            else:
                out.append((start, i + 1))
                start = None
        elif ch in "“«":
            start = i
        elif ch in "”»" and start is not None:
            out.append((start, i + 1))
            start = None
    return out


def _opens(para: str, i: int) -> bool:
    before = para[i - 1] if i else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _orphan_start(para: str, i: int) -> int | None:
    """A closing straight quote after punctuation with no opener: the quote began the paragraph."""
    if i and para[i - 1] in ".,!?" and i > 20:
        return len(para) - len(para.lstrip())
    return None


def is_statement(text: str) -> bool:
    """A quotation that reports speech, not a scare-quoted term ("caliphate", “local forces”)."""
    inner = text.strip(" \"“”«»‘’'")
    return len(_WORD.findall(inner)) >= 5 or (
        len(_WORD.findall(inner)) >= 3 and inner[-1:] in ".,!?"
    )


# ---------------------------------------------------------------- helpers over the parse


def _np_span(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok``, without appositions, relative clauses
    and trailing punctuation; prepositions are kept for common-noun heads ("spokesman for X")."""
    keep = {"compound", "det", "amod", "poss", "nmod", "nummod", "case", "quantmod", "advmod"}
    if tok.pos_ != "PROPN":
        keep |= {"prep", "pobj"}
    lo = hi = tok.i
    for child in tok.children:
        if child.dep_ in keep or (child.dep_ == "punct" and child.text in "-–"):
            lo = min(lo, child.left_edge.i)
            hi = max(hi, child.right_edge.i)
    doc = tok.doc
    for i in range(tok.i - 1, lo - 1, -1):  # a line break is a hard boundary (page furniture)
        if "\n" in doc[i].text_with_ws:
            lo = i + 1
            break
    for i in range(tok.i, hi):
        if "\n" in doc[i].text_with_ws:
            hi = i
            break
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return lo, hi + 1


def _appos(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "appos":
            return child
    return None


def _clean_np(span: Span) -> str:
    words = [t.text_with_ws for t in span]
    while words and words[0].strip().lower() in _DETS:
        words.pop(0)
    return "".join(words).strip(" ,")


def _content_range(verb: Token, preps: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Token range of what the verb reports: its clausal complement or its object, with the
    phrases of ``preps`` ("attributed the attack to X")."""
    best: tuple[int, int] | None = None
    doc = verb.doc
    for child in verb.children:
        if child.i < verb.i and any(t.text == ";" for t in doc[child.right_edge.i + 1 : verb.i]):
            # "A has spoken of 40 dead; B said ...": a clause a semicolon ends is not what the
            # speaker after it reports, however the parser hangs it on the verb
            continue
        if child.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            # "X claims the bombings as Iran revises the toll to 84": a clause with a subject of
            # its own tells what another said or did, not what the speaker reports
            continue
        if child.dep_ in {"ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "advcl"} or (
            child.dep_ in {"prep", "dative"} and child.lower_ in preps
        ):
            lo, hi = child.left_edge.i, child.right_edge.i + 1
            best = (min(lo, best[0]), max(hi, best[1])) if best else (lo, hi)
    return best


def _partitive(tok: Token) -> bool:
    """The phrase headed by ``tok`` counts a share of people told before ("four of them
    gunmen", "two of whom")."""
    return any(
        c.like_num
        and any(
            g.lower_ == "of"
            and any(o.lower_ in {"them", "whom", "those", "these"} for o in g.children)
            for g in c.children
        )
        for c in [tok, *tok.children]
    )


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if (
        verb.dep_ == "pcomp"
        and verb.head.lower_ == "on"
        and any(c.lower_ in speech().outlet_heads for c in subjects)
    ):
        # "the minister was on television accusing X": the parser makes "television" the one
        # accusing; the subject of "was" is
        outer = verb.head.head
        return next((c for c in outer.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if len(subjects) > 1:
        # "Nine people died, four of them gunmen, a police spokesman said": a share of the dead
        # the parser hung on the verb is no speaker
        subjects = [c for c in subjects if not _partitive(c)] or subjects
    if (
        subjects
        and all(c.dep_ == "nsubjpass" for c in subjects)
        and verb.lower_ in speech().deed_subjects
    ):
        # "The attacks are attributed to X", "the bombing was blamed on Y": the deed is no
        # speaker; whoever is named by "by" is
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
    if len(subjects) > 1 and subjects[0].lower_ in _RELATIVES:
        # "a hotel in Kismayo, which it said killed 30": the parser hangs both on "said"; "it"
        # speaks, "which" is what it spoke of
        return subjects[1]
    if subjects:
        return subjects[0]
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        # "“..., we do not know,” he said, and added that ...": the reporting verb's subject,
        # not the quoted clause's
        said = [c for c in verb.head.children if c.dep_ == "parataxis" and c.i < verb.i]
        subj = _subject(said[-1]) if said else None
        return subj if subj is not None else _subject(verb.head)
    if verb.dep_ == "relcl":
        return verb.head
    if (
        verb.dep_ in ("advcl", "pcomp")
        and verb.tag_ == "VBG"
        and verb.head.lemma_ in ("be", "appear")
    ):
        # "the minister was on television accusing X", "he appeared on radio, blaming Y": the
        # participle's doer is the subject of the verb it hangs on (not of a speech verb:
        # "said ..., adding that" has its own reading)
        return _subject(verb.head)
    return None


# ---------------------------------------------------------------- extraction


class _Context:
    """Per-article lookups: actor mentions by char offset, people by surname, quote spans."""

    def __init__(self, doc: Doc, actors: ActorsLike | None, lex: SpeechLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.mentions = sorted((actors.mentions if actors else ()), key=lambda m: m.evidence.start)
        self.people = list(actors.people) if actors else []
        self.quotes = [
            q for q in find_quotes(doc_text(doc)) if is_statement(doc_text(doc)[q[0] : q[1]])
        ]
        self.persons = [e for e in doc.ents if e.label_ == "PERSON"]

    def in_quote(self, char: int) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[0] <= char < q[1]:
                return q
        return None

    def actor_at(self, char: int) -> Mention | None:
        for m in self.mentions:
            if m.evidence.start <= char < m.evidence.end:
                return m
        return None

    def actor_in(self, start: int, end: int) -> Mention | None:
        for m in self.mentions:
            if m.evidence.start >= start and m.evidence.end <= end:
                return m
        return None

    def full_name(self, name: str, before: int) -> str:
        """'Mr. Aminyar' -> 'Sharif Aminyar' from the people found or an earlier PERSON entity."""
        last = name.split()[-1].strip(".,") if name.split() else name
        for p in self.people:
            if p.name.split()[-1:] == [last] and len(p.name) >= len(name):
                return p.name
        for e in self.persons:
            if e.start_char < before and e.text.split()[-1:] == [last] and len(e.text) > len(name):
                return e.text
        return re.sub(r"^(?:Mr|Mrs|Ms|Dr)\.?\s+", "", name)

    def person(self, name: str) -> Person | None:
        for p in self.people:
            if p.name == name:
                return p
        return None

    def is_outlet(self, text: str) -> bool:
        low = text.lower().strip()
        if low in self.lex.outlets or re.sub(r"^the ", "", low) in self.lex.outlets:
            return True
        words = low.split()
        return bool(words) and words[-1] in self.lex.outlet_heads and len(words) > 1


def _speaker(ctx: _Context, head: Token, drafts: list[Draft]) -> dict[str, object] | None:
    """Speaker text, role, actor id and char span for the subject/object token ``head``."""
    doc = ctx.doc
    low = head.lower_
    if low in _PRONOUNS:
        return _resolve_pronoun(ctx, head, drafts)
    lo, hi = _np_span(head)
    span = doc[lo:hi]
    role: str | None = None
    # (not a name in a prepositional phrase of the head: "the mayor's office in Goma", "a
    # spokesman for Imran Khan" speak, not Goma or Khan)
    person = next((e for e in ctx.persons if lo <= e.start < hi and e.root.dep_ != "pobj"), None)
    appos = _appos(head)
    if person is not None:
        while len(person) > 1 and person[0].lower_ in ctx.lex.role_nouns:
            person = person[1:]  # "Spokesperson Fred Enanga" -> role + name
        name = ctx.full_name(person.text, person.start_char)
        rest = [t for t in span if t.i < person.start or t.i >= person.end]
        role = _clean_np(doc[rest[0].i : rest[-1].i + 1]) if rest else None
        if appos is not None:
            role = _clean_np(doc[appos.left_edge.i : appos.right_edge.i + 1])
        text = name
    else:
        text = _clean_np(span)
        if not text:
            return None
        if head.lower_ in ctx.lex.role_nouns:
            role = text
        if appos is not None and appos.ent_type_ == "PERSON":
            ap_lo, ap_hi = _np_span(appos)
            role, text = text, ctx.full_name(doc[ap_lo:ap_hi].text, appos.idx)
        elif head.lower_ in {"spokesman", "spokesperson", "spokeswoman"} or head.text[:1].islower():
            prev = _same_role(ctx, drafts, head.lower_) if span[0].lower_ == "the" else None
            if prev is not None:
                return prev
    end = appos.right_edge.i + 1 if appos is not None else hi
    sp = (doc[lo].idx, doc[end - 1].idx + len(doc[end - 1]))
    mention = ctx.actor_in(*sp) or ctx.actor_at(head.idx)
    actor_id = mention.actor_id if mention else None
    its = next(
        (c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None
    )
    if mention is None and person is None and its is not None:
        # "Its spokesman said": the spokesman of the organisation "it" stands for
        owner = _it_speaker(ctx, its, drafts)
        if owner is not None and owner["actor_id"]:
            actor_id = owner["actor_id"]
            role = role or text
            text = f"{owner['speaker']} {text.split(maxsplit=1)[-1]}"
    if (
        mention is not None
        and person is None
        and mention.evidence.start <= head.idx < mention.evidence.end
    ):
        text = mention.evidence.text  # the organisation speaks: "IS-K (Daesh) had said"
    p = ctx.person(text)
    if p is not None:
        role = role or p.role
        actor_id = actor_id or p.organisation_id
    return {
        "speaker": text,
        "role": role,
        "actor_id": actor_id,
        "span": sp,
        "person": person is not None,
    }


def _as_speaker(d: Draft) -> dict[str, object]:
    """An earlier claim's speaker, reused for a later mention of the same speaker."""
    return {
        "speaker": d.speaker,
        "role": d.role,
        "actor_id": d.actor_id,
        "span": None,
        "person": d.person,
    }


def _same_role(ctx: _Context, drafts: list[Draft], head: str) -> dict[str, object] | None:
    """'the spokesman' after 'a Taliban spokesperson': the same speaker as before; 'the
    statement' after 'X said in a statement': X (not a speaker whose name holds "state", the
    Islamic State)."""
    if head in ("statement", "statements"):
        text = doc_text(ctx.doc)
        for d in reversed(drafts):
            if re.search(r"\bstatements?\b", text[d.start : d.end]):
                return _as_speaker(d)  # the last speaker told speaking in a statement
    stem = head[:5]
    for d in reversed(drafts):
        if (d.role and stem in d.role.lower()) or (d.speaker and stem in d.speaker.lower()):
            return _as_speaker(d)
    return None


def _resolve_pronoun(ctx: _Context, tok: Token, drafts: list[Draft]) -> dict[str, object] | None:
    low = tok.lower_
    if low in _RELATIVES and tok.head.dep_ == "relcl":
        return _speaker(ctx, tok.head.head, drafts)
    if low == "it":
        return _it_speaker(ctx, tok, drafts)
    if low in {"this", "i", "we"}:
        return None
    ent = next((e for e in reversed(ctx.persons) if e.end_char <= tok.idx), None)
    for d in reversed(drafts):
        if d.anchor < tok.idx and d.speaker and d.speaker != AUTHOR and not d.is_opinion:
            if (low in {"he", "she"}) != d.person:
                continue
            if ent is not None and low in {"he", "she"} and ent.start_char > d.anchor:
                break  # a person named after that speaker is the nearer antecedent
            return _as_speaker(d)
    if ent is not None and low in {"he", "she"}:
        name = ctx.full_name(ent.text, ent.start_char)
        p = ctx.person(name)
        return {
            "speaker": name,
            "role": p.role if p else None,
            "actor_id": p.organisation_id if p else None,
            "span": None,
            "person": True,
        }
    return None


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_IN_NP = frozenset({"compound", "amod", "nmod", "poss", "det"})


def _it_speaker(ctx: _Context, tok: Token, drafts: list[Draft]) -> dict[str, object] | None:
    """ "The group stormed a base. Its fighters killed 30 soldiers, it said": "it" is the
    organisation last told of as a subject, or the last one that spoke, in its sentence or the
    two before; a person never is."""
    first = tok.sent
    for _ in range(2):
        if first.start == 0:
            break
        first = tok.doc[first.start - 1].sent
    lo = first.start_char
    best: tuple[int, dict[str, object]] | None = None
    for d in drafts:
        if lo <= d.anchor < tok.idx and d.speaker not in (None, AUTHOR) and not d.person:
            if not d.is_opinion and (best is None or d.anchor > best[0]):
                best = (d.anchor, _as_speaker(d))
    for m in ctx.mentions:
        start = m.evidence.start
        if not lo <= start < tok.idx or (best is not None and start <= best[0]):
            continue
        span = ctx.doc.char_span(start, m.evidence.end, alignment_mode="expand")
        if span is None:
            continue
        # "Al-Shabaab fighters stormed": the group's men are its subject
        if np_top(span.root, _IN_NP).dep_ in _SUBJECTS:
            # the name as written, or the actor's own for a description ("the group")
            words = m.evidence.text.lower().split()
            name = m.name if words[:1] and words[0] in _DETS | {"its", "their"} else m.evidence.text
            found = {"speaker": name, "role": None, "actor_id": m.actor_id}
            best = (start, {**found, "span": None, "person": False})
    return best[1] if best else None


def _verb_claims(ctx: _Context, drafts: list[Draft]) -> None:
    doc, lex = ctx.doc, ctx.lex
    for tok in doc:
        lemma = lex.verb_lemma.get(tok.lower_)
        if tok.lower_ in _BELIEF and tok.dep_ == "acomp":
            lemma = tok.lower_  # "the governor was certain that ..."
        elif lemma is None or not tok.tag_.startswith("VB"):
            continue
        if ctx.in_quote(tok.idx):
            continue
        if tok.dep_ in {"amod", "acl"} and tok.tag_ == "VBN":
            continue  # "the reported atrocities", "officials briefed on"
        subj = _subject(tok.head if lemma in _BELIEF else tok)
        if subj is not None and subj.i < tok.i and "\n" in doc_text(doc)[subj.idx : tok.idx]:
            subj = _line_subject(tok)  # a headline glued to the first sentence by the parser
        subj = _trailing_speaker(tok) or subj
        if subj is None or (ctx.in_quote(subj.idx) and subj.lower_ not in _PRONOUNS):
            continue
        if _nobody(subj) or any(c.dep_ == "neg" for c in tok.children):
            continue  # "No group has claimed responsibility", "X had not claimed it": no one spoke
        if _borrowed(tok, subj, lex) and not _is_source(ctx, subj):
            continue  # "the missiles killed two children, ... and told Iran's envoy not to return"
        content = _content_range(tok, lex.complements.get(lemma, frozenset()))
        quote = _adjacent_quote(ctx, tok)
        if lemma in lex.weak_verbs and quote is None and not _strong_object(tok, lex):
            continue
        if content is None and quote is None:
            continue
        who = _speaker(ctx, subj, drafts)
        if who is None:
            continue
        _add(ctx, drafts, tok, lemma, who, content, quote)


def _nobody(subj: Token) -> bool:
    """ "No group", "nobody", "no one", "none of them": a subject that says no one did."""
    return (
        subj.lower_ in {"nobody", "none", "no-one"}
        or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)
        or (subj.lower_ == "one" and subj.i > 0 and subj.doc[subj.i - 1].lower_ == "no")
    )


def _borrowed(verb: Token, subj: Token, lex: SpeechLexicon) -> bool:
    """The verb has ``subj`` only as the conjunct of a verb that is not one of speech: the
    parser may chain a government's acts onto what the weapons did before them."""
    head = subj.head
    return head.i != verb.i and verb.dep_ == "conj" and lex.verb_lemma.get(head.lower_) is None


def _trailing_speaker(verb: Token) -> Token | None:
    """The speaker of a headline that ends "..., Africa Command says": the name between the last
    comma and the verb (the parser may make it a conjunct of the clause's last noun)."""
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is not None and not (nxt.is_space or (nxt.is_punct and nxt.text != ",")):
        return None
    for i in range(verb.i - 1, max(verb.i - 7, -1), -1):
        t = doc[i]
        if t.text == ",":
            head = doc[verb.i - 1]
            return head if i < verb.i - 1 and head.pos_ in {"NOUN", "PROPN"} else None
        if t.pos_ not in {"PROPN", "NOUN", "DET", "ADJ", "PUNCT"} or "\n" in t.text_with_ws:
            return None
    return None


def _line_subject(verb: Token) -> Token | None:
    """The noun right before the verb on the verb's own line ("...Jalalabad\n\nOfficials said")."""
    for i in range(verb.i - 1, max(verb.i - 6, -1), -1):
        t = verb.doc[i]
        if "\n" in t.text_with_ws or t.is_space:
            return None
        if t.pos_ in {"NOUN", "PROPN"}:
            return t
        if t.pos_ not in {"AUX", "ADV", "PART"}:
            return None
    return None


def _strong_object(verb: Token, lex: SpeechLexicon) -> bool:
    for child in verb.children:
        if child.dep_ == "ccomp":
            return True
        if child.dep_ in {"dobj", "oprd", "attr"} and child.lower_ in lex.object_heads:
            return True
    return False


def _adjacent_quote(ctx: _Context, verb: Token) -> tuple[int, int] | None:
    """The statement quotation right before ("“...,” said X") or after ("X said: “...”") the verb,
    in the verb's sentence."""
    sent = verb.sent
    best: tuple[int, int] | None = None
    text = doc_text(ctx.doc)
    for q in ctx.quotes:
        if q[1] <= verb.idx and q[1] >= sent.start_char - 1 and verb.idx - q[1] < 80:
            # "“...,” said X": the quote ends with a comma/?/! (not a full stop) before the verb
            if text[q[1] - 2 : q[1] - 1] in ",?!—-" or text[q[1] : q[1] + 1] == ",":
                best = q
        elif q[0] > verb.idx and q[0] < sent.end_char and q[0] - verb.idx < 40:
            return q
    if best is not None:
        return best
    # a quote that begins the sentence and runs over several sentences before the verb
    for q in ctx.quotes:
        if q[0] < sent.start_char < q[1] <= verb.idx:
            return q
    return None


def _add(
    ctx: _Context,
    drafts: list[Draft],
    tok: Token,
    lemma: str,
    who: dict[str, object],
    content: tuple[int, int] | None,
    quote: tuple[int, int] | None,
) -> None:
    doc, lex = ctx.doc, ctx.lex
    c_lo, c_hi = (
        (doc[content[0]].idx, doc[content[1] - 1].idx + len(doc[content[1] - 1]))
        if content
        else (tok.idx, tok.idx + len(tok))
    )
    if quote is not None:
        c_lo, c_hi = (min(c_lo, quote[0]), max(c_hi, quote[1])) if content else quote
    sp = who.get("span") or (tok.idx, tok.idx + len(tok))
    start = min(sp[0], tok.idx, c_lo)  # type: ignore[index]
    end = max(sp[1], tok.idx + len(tok), c_hi)  # type: ignore[index]
    text = doc_text(doc)[c_lo:c_hi]
    stance = "denies" if lemma in lex.denial_verbs or _negated_content(text, lex) else "asserts"
    speaker = str(who["speaker"])
    drafts.append(
        Draft(
            anchor=tok.idx,
            verb=lemma,
            speaker=speaker,
            start=start,
            end=end,
            content=(c_lo, c_hi),
            stance=stance,
            role=who.get("role"),  # type: ignore[arg-type]
            actor_id=who.get("actor_id"),  # type: ignore[arg-type]
            cited_source=speaker if ctx.is_outlet(speaker) else None,
            speaker_span=who.get("span"),  # type: ignore[arg-type]
            person=bool(who.get("person")),
            quotes=[quote] if quote else [],
        )
    )


def _negated_content(text: str, lex: SpeechLexicon) -> bool:
    return any(p.search(text) for p in lex.denial)


def _frame_claims(ctx: _Context, drafts: list[Draft]) -> None:
    """'according to X' and 'citing X': X is the source of the sentence (or of the attached
    speech verb, as a chain)."""
    doc, lex = ctx.doc, ctx.lex
    by_anchor = {d.anchor: d for d in drafts}
    for tok in doc:
        low = tok.lower_
        if ctx.in_quote(tok.idx):
            continue
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            obj = obj if obj is not None else _unparsed_source(doc, tok.i + 2)
            kind = "according"
        elif low in {"citing", "quoting"}:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            kind = "citing"
        else:
            continue
        if obj is None or not _is_source(ctx, obj):
            continue
        who = _speaker(ctx, obj, drafts)
        if who is None:
            continue
        host = _host_claim(tok, by_anchor)
        source = str(who["speaker"])
        if host is not None and kind == "according" and ctx.is_outlet(source):
            host.cited_source = source  # "..., said X, according to CNN"
            continue
        if host is not None and kind == "citing":
            # "Reuters said, citing two Iraqi security sources, ...": the sources speak, the
            # outlet is cited
            host.cited_source = host.cited_source or (
                host.speaker if ctx.is_outlet(host.speaker or "") else None
            )
            host.speaker, host.role, host.actor_id = source, who.get("role"), who.get("actor_id")  # type: ignore[assignment]
            continue
        sent = tok.sent
        drafts.append(
            Draft(
                anchor=tok.idx,
                verb="according to" if kind == "according" else "cite",
                speaker=source,
                start=sent.start_char,
                end=sent.end_char,
                content=(sent.start_char, sent.end_char),
                stance="denies" if _negated_content(sent.text, lex) else "asserts",
                role=who.get("role"),  # type: ignore[arg-type]
                actor_id=who.get("actor_id"),  # type: ignore[arg-type]
                cited_source=source if ctx.is_outlet(source) else None,
                speaker_span=who.get("span"),  # type: ignore[arg-type]
            )
        )


def _unparsed_source(doc: Doc, i: int) -> Token | None:
    """'According to local police spokesman Mohammad Asif Waziri, the attack ...' parsed with
    the name as the main subject: the head of the noun run between "to" and the comma."""
    head = None
    for tok in doc[i : min(len(doc), i + 10)]:
        if tok.text == ",":
            return head
        if tok.pos_ not in {"NOUN", "PROPN", "ADJ", "DET", "PART"}:
            return None
        head = tok if tok.pos_ in {"NOUN", "PROPN"} else head
    return None


def _is_source(ctx: _Context, obj: Token) -> bool:
    lo, hi = _np_span(obj)
    span = ctx.doc[lo:hi]
    if any(t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} for t in span):
        return True
    if ctx.actor_in(span.start_char, span.end_char) or ctx.is_outlet(span.text):
        return True
    return obj.lower_ in ctx.lex.source_nouns or obj.lower_ in {"he", "she", "they", "him", "them"}


def _host_claim(tok: Token, by_anchor: dict[int, Draft]) -> Draft | None:
    head = tok.head
    for _ in range(3):
        if head.idx in by_anchor and head.i != tok.i:
            return by_anchor[head.idx]
        if head.head.i == head.i:
            break
        head = head.head
    # "“...,” warned X in April, according to The Times": the frame trails a claim's evidence
    sent = tok.sent
    for d in by_anchor.values():
        if sent.start_char <= d.anchor < tok.idx and tok.idx - d.end < 25:
            return d
    return None


def _continued_quotes(ctx: _Context, drafts: list[Draft]) -> None:
    """A quotation with no speech verb that directly follows another claim's quotation continues
    that speaker's statement ("“...,” he said. “He has allegiance with us.”")."""
    text = doc_text(ctx.doc)
    for q in ctx.quotes:
        if any(q in d.quotes or (d.start <= q[0] and q[1] <= d.end) for d in drafts):
            continue
        prev = max(
            (d for d in drafts if d.end <= q[0] and d.quotes), key=lambda d: d.end, default=None
        )
        if prev is None or text[prev.end : q[0]].strip(" \n\t.,;:") != "":
            continue
        drafts.append(
            Draft(
                anchor=q[0],
                verb=prev.verb,
                speaker=prev.speaker,
                start=q[0],
                end=q[1],
                content=q,
                stance="denies" if _negated_content(text[q[0] : q[1]], ctx.lex) else "asserts",
                role=prev.role,
                actor_id=prev.actor_id,
                cited_source=prev.cited_source,
                person=prev.person,
                quotes=[q],
            )
        )


def _outside_quotes(ctx: _Context, sent: Span) -> str:
    text = sent.text
    for q in ctx.quotes:
        if q[1] > sent.start_char and q[0] < sent.end_char:
            a, b = (
                max(q[0], sent.start_char) - sent.start_char,
                min(q[1], sent.end_char) - sent.start_char,
            )
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def _opinion_claims(ctx: _Context, drafts: list[Draft]) -> None:
    lex = ctx.lex
    marked: list[tuple[Span, bool, bool]] = []
    for sent in ctx.doc.sents:
        bare = _outside_quotes(ctx, sent)
        first = any(w.lower() in lex.first_person for w in _WORD.findall(bare))
        evaluative = bool(lex.evaluative.search(bare))
        if first or evaluative:
            marked.append((sent, first, evaluative))
    opinion_piece = len(marked) >= lex.opinion_min_sentences
    for sent, first, evaluative in marked:
        if any(sent.start_char <= d.anchor < sent.end_char for d in drafts):
            continue
        names_actor = ctx.actor_in(sent.start_char, sent.end_char) is not None
        if (opinion_piece and (evaluative or (first and names_actor))) or (first and evaluative):
            drafts.append(
                Draft(
                    anchor=sent.start_char,
                    verb="assert",
                    speaker=AUTHOR,
                    start=sent.start_char,
                    end=sent.end_char,
                    content=(sent.start_char, sent.end_char),
                    stance="denies" if _negated_content(sent.text, lex) else "asserts",
                    is_opinion=True,
                )
            )


def about_kind(text: str, lex: SpeechLexicon | None = None) -> str | None:
    """What reported content is about, from ``speech.yaml`` cues (None when not obvious)."""
    lex = lex or speech()
    for kind, pattern in lex.about:
        if pattern.search(text):
            return kind
    return None


def extract_claims(doc: Doc, article: Article, actors: ActorsLike | None = None) -> list[Claim]:
    """Every attributed statement of one article (see the module docstring for the rules)."""
    lex = speech()
    ctx = _Context(doc, actors, lex)
    drafts: list[Draft] = []
    _verb_claims(ctx, drafts)
    _frame_claims(ctx, drafts)
    _continued_quotes(ctx, drafts)
    _opinion_claims(ctx, drafts)
    roles: dict[str, str] = {}
    for d in drafts:  # "Mr. Aminyar said" keeps the role given at first mention
        d.role = _role(d.role)
        if d.speaker and d.role:
            roles.setdefault(d.speaker, d.role)
    for d in drafts:
        if d.speaker and not d.role:
            d.role = roles.get(d.speaker)
    return [_to_claim(ctx, d, article) for d in _dedupe(drafts)]


def _dedupe(drafts: Iterable[Draft]) -> list[Draft]:
    seen: dict[int, Draft] = {}
    for d in drafts:
        seen.setdefault(d.anchor, d)
    return sorted(seen.values(), key=lambda d: (d.start, d.anchor))


def _to_claim(ctx: _Context, d: Draft, article: Article) -> Claim:
    text = doc_text(ctx.doc)
    return Claim(
        id=stable_id("cl", article.document_id, article.index, d.anchor),
        document_id=article.document_id,
        article_index=article.index,
        speaker=d.speaker,
        verb=d.verb,
        stance="denies" if d.stance == "denies" else "asserts",
        evidence=Evidence(
            article.document_id, article.index, d.start, d.end, text[d.start : d.end]
        ),
        speaker_role=d.role,
        speaker_actor_id=d.actor_id,
        cited_source=d.cited_source,
        # the verb belongs to what the claim is about: "IS claimed the attack", "denied any role"
        about_kind=about_kind(
            text[min(d.anchor, d.content[0]) : max(d.content[1], d.anchor)], ctx.lex
        ),
        is_opinion=d.is_opinion,
    )


def covering_claim(claims: Iterable[Claim], start: int, end: int) -> Claim | None:
    """The innermost claim whose evidence covers ``[start, end)`` (what a figure's ``according_to``
    and a relation's speaker come from); None when no claim covers it."""
    covering = [c for c in claims if c.evidence.start <= start and end <= c.evidence.end]
    if not covering:
        return None
    return min(
        covering,
        key=lambda c: (
            c.is_opinion,
            c.evidence.end - c.evidence.start,
            c.speaker == c.cited_source,
        ),
    )
