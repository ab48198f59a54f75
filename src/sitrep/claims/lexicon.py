"""Loads the claim and relation lexicons (``data/*.yaml``) once, on first use.

The spaCy pipeline runs without a lemmatizer, so verb lexicons are expanded here into every
inflected form (regular -s/-ed/-ing forms are generated, irregular ones are listed in the data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sitrep.datafiles import read_mapping


def _read(name: str) -> dict[str, Any]:
    return read_mapping("sitrep.claims", name, "claims lexicon")


def inflections(lemma: str) -> set[str]:
    """Regular English verb forms of ``lemma`` (say -> says, sayed, saying; deny -> denies...)."""
    forms = {lemma}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


def phrase_forms(phrase: str) -> set[str]:
    """Inflect the first word of a verb phrase ("team up" -> "teamed up", "teams up"...)."""
    first, _, rest = phrase.partition(" ")
    irregular = _IRREGULAR.get(first, ())
    return {(f + " " + rest).strip() for f in inflections(first) | set(irregular)}


_IRREGULAR: dict[str, tuple[str, ...]] = {
    "fight": ("fought",),
    "join": (),
    "swear": ("swore", "sworn"),
    "lead": ("led",),
    "break": ("broke", "broken"),
    "hold": ("held",),
    "give": ("gave", "given"),
    "win": ("won",),
    "wage": (),
    "take": ("took", "taken"),
    "have": ("has", "had"),
    "stand": ("stood",),
    "cut": ("cut",),
    "sever": (),
}


@dataclass(frozen=True, slots=True)
class SpeechLexicon:
    verb_lemma: dict[str, str]  # inflected form -> lemma
    denial_verbs: frozenset[str]  # lemmas
    complements: dict[str, frozenset[str]]  # lemma -> prepositions heading part of what is said
    weak_verbs: frozenset[str]
    deed_subjects: frozenset[str]  # "the attacks are attributed to X": no speaker
    object_heads: frozenset[str]
    source_nouns: frozenset[str]
    role_nouns: frozenset[str]
    outlets: frozenset[str]  # lower-cased
    outlet_heads: frozenset[str]
    denial: tuple[re.Pattern[str], ...]
    about: tuple[tuple[str, re.Pattern[str]], ...]
    first_person: frozenset[str]
    evaluative: re.Pattern[str]
    opinion_min_sentences: int


@cache
def speech() -> SpeechLexicon:
    data = _read("speech.yaml")
    verb_lemma: dict[str, str] = {}
    denial: set[str] = set()
    complements: dict[str, frozenset[str]] = {}
    for lemma, spec in (data.get("verbs") or {}).items():
        spec = spec or {}
        for form in inflections(lemma) | set(spec.get("forms", ())):
            verb_lemma[form] = lemma
        if spec.get("stance") == "denies":
            denial.add(lemma)
        if spec.get("complement"):
            complements[lemma] = frozenset(spec["complement"])
    about = tuple(
        (kind, re.compile("|".join(f"(?:{p})" for p in pats), re.I))
        for kind, pats in (data.get("about") or {}).items()
    )
    return SpeechLexicon(
        verb_lemma=verb_lemma,
        denial_verbs=frozenset(denial),
        complements=complements,
        weak_verbs=frozenset(data.get("weak_verbs", ())),
        deed_subjects=frozenset(w.lower() for w in data.get("deed_subject_participles", ())),
        object_heads=frozenset(w.lower() for w in data.get("object_heads", ())),
        source_nouns=frozenset(w.lower() for w in data.get("source_nouns", ())),
        role_nouns=frozenset(w.lower() for w in data.get("role_nouns", ())),
        outlets=frozenset(w.lower() for w in data.get("outlets", ())),
        outlet_heads=frozenset(w.lower() for w in data.get("outlet_heads", ())),
        denial=tuple(re.compile(p, re.I) for p in data.get("denial_patterns", ())),
        about=about,
        first_person=frozenset(data.get("first_person", ())),
        evaluative=re.compile(r"\b(?:" + "|".join(data.get("evaluative", ())) + r")\b", re.I),
        opinion_min_sentences=int(data.get("opinion_min_sentences", 3)),
    )


@dataclass(frozen=True, slots=True)
class Cue:
    """One relation cue: its type, how A and B are read, and a forced stance."""

    name: str
    type: str
    args: str  # sym, lr (A before / B after), rl (A after / B before), noun (apposition)
    stance: str | None  # None, or "denied" / "speculated" forced by the cue itself


@dataclass(frozen=True, slots=True)
class RelationLexicon:
    cues: tuple[Cue, ...]
    phrases: dict[str, tuple[str, ...]]  # cue name -> phrase forms (lower-cased)
    speculative: re.Pattern[str]
    negation: re.Pattern[str]
    anaphora: re.Pattern[str]
    force_heads: frozenset[str]
    skip_kinds: frozenset[str]
    country_words: dict[str, str]  # lower-cased country name, demonym or region -> ISO code
    group_heads: frozenset[str]
    person_heads: frozenset[str]
    window: int
    generic_heads: frozenset[str] = frozenset()  # "fighters affiliated with X" = X's fighters
    role_cues: frozenset[str] = frozenset()  # "commander of": a role unless predicated
    state_kinds: frozenset[str] = frozenset()  # "members of the army": a job, not a relation
    opening_hedge: re.Pattern[str] | None = None  # "If true, ...": the whole sentence


def _country_words(regions: dict[str, list[str]]) -> dict[str, str]:
    """Lower-cased country word → ISO code: the shared country names and demonyms ("the US" also
    as "us"), then the relation lexicon's region words."""
    from sitrep.countries import country_aliases, country_words, demonyms

    out: dict[str, str] = {}
    for code in {*country_aliases(), *demonyms()}:
        for word in country_words(code):
            out.setdefault(word.lower(), code)
            if word.lower().startswith("the "):
                out.setdefault(word.lower()[4:], code)
    for code, words in regions.items():
        for word in words:
            out.setdefault(word.lower(), code)
    return out


@cache
def relations() -> RelationLexicon:
    data = _read("relations.yaml")
    cues: list[Cue] = []
    phrases: dict[str, tuple[str, ...]] = {}
    for i, spec in enumerate(data.get("cues") or ()):
        name = f"{spec['type']}#{i}"
        forms: set[str] = set()
        for p in spec.get("phrases", ()):
            forms.add(p.lower())
        for p in spec.get("verbs", ()):
            forms |= phrase_forms(p.lower())
        cues.append(
            Cue(
                name=name,
                type=spec["type"],
                args=spec.get("args", "sym"),
                stance=spec.get("stance"),
            )
        )
        phrases[name] = tuple(sorted(forms))

    def rx(key: str) -> re.Pattern[str]:
        alts = sorted(data.get(key, ()), key=len, reverse=True)  # longest first: "the two partners"
        return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.I)

    return RelationLexicon(
        cues=tuple(cues),
        phrases=phrases,
        speculative=rx("speculative"),
        negation=rx("negation"),
        anaphora=rx("pair_anaphora"),
        force_heads=frozenset(data.get("force_heads", ())),
        skip_kinds=frozenset(data.get("skip_kinds", ())),
        country_words=_country_words(data.get("regions") or {}),
        group_heads=frozenset(data.get("group_heads", ())),
        person_heads=frozenset(data.get("person_heads", ())),
        window=int(data.get("window", 12)),
        generic_heads=frozenset(data.get("generic_heads", ())),
        role_cues=frozenset(p.lower() for p in data.get("role_cues", ())),
        state_kinds=frozenset(data.get("state_kinds", ())),
        opening_hedge=re.compile(
            r"^\W*(?:" + "|".join(data.get("opening_hedges") or ["(?!)"]) + r")\b", re.I
        ),
    )
