"""Actors: the registry of armed groups, forces, agencies and outlets; their mentions; people.

    nlp = sitrep.nlp.load_model()
    sitrep.actors.add_to_pipeline(nlp, actors_file="")     # adds the "sitrep_actors" component
    doc = nlp(article.text)
    result = sitrep.actors.extract(doc, article)          # ActorResult(mentions, people, discovered)

``load_registry(extra)`` gives the registry (bundled ``data/registry.yaml`` + a user file) with alias
lookup and the affiliate hierarchy (``descendants`` for ``--include-affiliates``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.actors.base import SPAN_KEY
from sitrep.actors.registry import Registry, load_registry, normalize
from sitrep.nlp import doc_text
from sitrep.records import Actor, Evidence, Mention, Person

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from sitrep.records import Article

__all__ = [
    "SPAN_KEY",
    "ActorResult",
    "Registry",
    "add_to_pipeline",
    "extract",
    "load_registry",
    "normalize",
    "registry_of",
]


@dataclass(frozen=True, slots=True)
class ActorResult:
    mentions: tuple[Mention, ...] = ()
    people: tuple[Person, ...] = ()
    discovered: tuple[tuple[Actor, Evidence], ...] = ()


def add_to_pipeline(nlp: Language, actors_file: str = "") -> Language:
    """Add the ``sitrep_actors`` component after the model's "ner" (it reads the entities)."""
    from sitrep.actors import recognize  # noqa: F401  (registers the factory)

    if "sitrep_actors" not in nlp.pipe_names:
        where = {"after": "ner"} if "ner" in nlp.pipe_names else {"last": True}
        nlp.add_pipe("sitrep_actors", config={"actors_file": str(actors_file or "")}, **where)
    return nlp


def registry_of(doc: Doc) -> Registry:
    """The registry the component that annotated ``doc`` used (the bundled one otherwise)."""
    group = doc.spans[SPAN_KEY] if SPAN_KEY in doc.spans else None
    actors_file = group.attrs.get("actors_file", "") if group is not None else ""
    return load_registry(actors_file or None)


def extract(doc: Doc, article: Article) -> ActorResult:
    """The article's actor mentions, people and discovered groups, with evidence offsets into
    ``article.text`` (which is ``doc_text(doc)``)."""
    from sitrep.actors.people import extract_people

    if SPAN_KEY not in doc.spans:
        raise ValueError(
            "the doc has no actor spans: add the component with sitrep.actors.add_to_pipeline(nlp)"
        )
    group = doc.spans[SPAN_KEY]
    registry = registry_of(doc)
    methods: dict[str, str] = group.attrs.get("methods", {})
    names: dict[str, str] = group.attrs.get("discovered", {})

    def evidence(start: int, end: int) -> Evidence:
        return Evidence(article.document_id, article.index, start, end, doc_text(doc)[start:end])

    mentions = []
    for span in group:
        actor = registry.get(span.label_)
        end = span.end_char
        if len(span[-1]) == 2 and span[-1].text[1] == "." and len(span) > 1:
            end -= 1  # "ISIS-K." at the end of a sentence: the dot is not part of the name
        mentions.append(
            Mention(
                evidence=evidence(span.start_char, end),
                actor_id=span.label_,
                name=actor.name if actor else names.get(span.label_, span.text),
                method=methods.get(f"{span.start_char}:{span.end_char}", "alias"),
            )
        )
    discovered = tuple(
        (_discovered_actor(actor_id, names[actor_id]), evidence(start, end))
        for actor_id, start, end in group.attrs.get("discovery", [])
    )
    people = extract_people(doc, article, list(group), registry)
    return ActorResult(tuple(mentions), people, discovered)


def _discovered_actor(actor_id: str, name: str) -> Actor:
    return Actor(id=actor_id, name=name, kind="armed_group", aliases=(name,), source="discovered")
