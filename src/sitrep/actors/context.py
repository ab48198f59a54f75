"""Country context for aliases shared by several actors ("al-Shabab": Somalia or Mozambique).

The countries an article talks about are found with a PhraseMatcher over the names of the
countries that some registry entry lists in ``context_countries``, their ISO 3166-2 subdivisions
(pycountry) and the demonyms and places of ``lexicon.yaml`` (``country_terms``). It is built on the
first ambiguous alias, so articles without one pay nothing.

A shared alias named in an apposition takes the actor of the name it explains ("Ahlu Sunnah
Wa-Jama, known locally as Al-Shabab"). Otherwise it takes the actor of the nearest country mention within a few tokens in its sentence
("Al-Shabaab, the al-Qaeda affiliate based in Somalia"), else of the country the whole article
mentions most, else the actor without context countries, else the first of them in registry file order (the
registry orders shared aliases so that this default is the most common reading).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from sitrep.actors.base import Hit, Sentences, lexicon

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    from sitrep.actors.registry import Registry

WINDOW = 12  # tokens: a country this close to the alias, in its sentence, decides


class CountryContext:
    def __init__(self, nlp: Language, registry: Registry) -> None:
        self.nlp = nlp
        self.registry = registry
        self.codes = sorted({c for e in registry.entries.values() for c in e.context_countries})
        self.order = {actor_id: n for n, actor_id in enumerate(registry.entries)}
        self._matcher: PhraseMatcher | None = None

    def _build(self) -> PhraseMatcher:
        import pycountry
        from spacy.matcher import PhraseMatcher

        matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        terms: dict[str, list[str]] = lexicon().get("country_terms", {}) or {}
        for code in self.codes:
            names: set[str] = set(terms.get(code, []))
            country = pycountry.countries.get(alpha_2=code)
            if country is not None:
                for attr in ("name", "common_name", "official_name"):
                    value = getattr(country, attr, None)
                    if value and "," not in value:
                        names.add(value)
            for sub in pycountry.subdivisions.get(country_code=code) or []:
                if len(sub.name) >= 6:  # short names ("Bay", "Gaza") are ambiguous
                    names.add(sub.name)
            matcher.add(code, list(self.nlp.tokenizer.pipe(sorted(names))))
        return matcher

    def resolve(
        self, doc: Doc, hits: list[Hit], sents: Sentences, triggers: list[tuple[int, int]]
    ) -> None:
        """Reduce every hit with several candidate actors to one, in place: an apposition first
        ("Ahlu Sunnah Wa-Jama, known locally as Al-Shabab"), then country context."""
        from sitrep.actors.links import apposed_actor

        ambiguous = []
        for hit in hits:
            if len(hit.ids) > 1:
                named = apposed_actor(doc, hit, hits, triggers)
                if named:
                    hit.ids = (named,)
                else:
                    ambiguous.append(hit)
        if not ambiguous:
            return
        if self._matcher is None:
            self._matcher = self._build()
        strings = self.nlp.vocab.strings
        places = [(start, strings[key]) for key, start, _ in self._matcher(doc)]
        overall = Counter(code for _, code in places)
        for hit in ambiguous:
            hit.ids = (self._choose(hit, places, overall, sents),)

    def _choose(
        self, hit: Hit, places: list[tuple[int, str]], overall: Counter[str], sents: Sentences
    ) -> str:
        ids = sorted(hit.ids, key=self.order.__getitem__)  # file order: the default comes first
        contexts = {i: set(self.registry.entries[i].context_countries) for i in ids}
        sent = sents.index(hit.start)
        near = sorted(
            (abs(start - hit.start), code)
            for start, code in places
            if abs(start - hit.start) <= WINDOW and sents.index(start) == sent
        )
        for _, code in near:
            chosen = [i for i in ids if code in contexts[i]]
            if len(chosen) == 1:
                return chosen[0]
        scores = {i: sum(overall[c] for c in contexts[i]) for i in ids}
        best = max(scores.values())
        leaders = [i for i in ids if scores[i] == best]
        if best > 0 and len(leaders) == 1:
            return leaders[0]
        plain = [i for i in ids if not contexts[i]]
        return (plain or ids)[0]
