"""The data of sitrep.resolve (``data/resolve.yaml``), loaded once and checked on load."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sitrep.datafiles import load_yaml
from sitrep.errors import ConfigError

_KEYS = (
    "type_families",
    "type_priority",
    "official_words",
    "attacker_scopes",
    "self_words",
    "generic_target_words",
)
_WORDS = re.compile(r"[^\W\d_]+")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_PLACE_SUFFIX = re.compile(
    r"\b(province|provincial|district|region|governorate|state|county|city|town|village)\b"
)


# what joins the groups a total names ("soldiers and attackers", "guards, gunmen")
_CONJUNCTS = re.compile(r"\s*(?:,|\band\b|\bas well as\b)\s*")


@dataclass(frozen=True, slots=True)
class Lexicon:
    type_families: tuple[frozenset[str], ...]
    type_priority: tuple[str, ...]
    official_words: frozenset[str]
    attacker_scopes: frozenset[str]
    self_words: frozenset[str]
    generic_target_words: frozenset[str]
    whole_scopes: frozenset[str] = frozenset()  # figure scopes that count every victim
    aggregate: re.Pattern[str] | None = None  # a period total ("in the first six months")
    branch_claimants: frozenset[str] = frozenset()  # parents whose claims are their branches'
    attacker_heads: frozenset[str] = frozenset()  # last words of attackers' scopes
    target_types: frozenset[str] = frozenset()  # event types whose dead are all their toll
    hearsay_words: frozenset[str] = frozenset()  # sources a report passes on ("residents")
    hedge: re.Pattern[str] | None = None  # a count no one stands behind ("believed", "feared")
    action_types: frozenset[str] = frozenset()  # official actions: never one event with an attack
    attack_types: frozenset[str] = frozenset()  # the `attack` type family
    type_refines: tuple[tuple[str, frozenset[str]], ...] = ()  # specific type, general types

    def counts_attackers(self, scope: str | None, event_type: str | None = None) -> bool:
        """A figure of the attackers' dead ("three attackers", "Taliban militants"), unless they
        were the targets of the event (an airstrike's "30 militants"). A total of groups that
        counts them too ("soldiers and attackers", "gunmen and policemen") is not the victims'
        toll either."""
        said = " ".join((scope or "").casefold().split())
        if not said or event_type in self.target_types:
            return False
        if said in self.attacker_scopes:
            return True
        heads = (part.split()[-1] for part in _CONJUNCTS.split(said) if part.strip())
        return any(head in self.attacker_heads for head in heads)

    def is_aggregate(self, sentence: str | None) -> bool:
        return bool(self.aggregate and sentence and self.aggregate.search(sentence))

    def is_hearsay(self, source: str | None, sentence: str | None) -> bool:
        """A figure the report passes on rather than stands behind: credited to residents or
        witnesses, or told as a belief or fear ("residents believed more than 100 died"), unless
        an official source gave it."""
        if self.is_official(source):
            return False
        if set(re.findall(r"[a-z']+", (source or "").casefold())) & self.hearsay_words:
            return True
        return bool(self.hedge and sentence and self.hedge.search(sentence))

    def types_apart(self, a: str, b: str) -> bool:
        """An official action (an arrest, a designation) and an attack: two events, however
        close in place and time -- the arrest follows the attack, it is not another account of it."""
        return (a in self.action_types and b in self.attack_types) or (
            b in self.action_types and a in self.attack_types
        )

    def type_score(self, a: str, b: str) -> float:
        """1 for the same type, 0.6 for types that may describe the same attack, else 0."""
        if a == b:
            return 1.0
        if any(a in fam and b in fam for fam in self.type_families):
            return 0.6
        return 0.0

    def target_words(self, targets: Iterable[str], places: Iterable[str | None]) -> frozenset[str]:
        """The words of target phrases that can tell two attacks apart: no generic words, no
        place names (every Kabul attack is in Kabul), plural "s" dropped."""
        skip = {w for p in places if p for w in _WORDS.findall(p.casefold())}
        out = set()
        for target in targets:
            for w in _WORDS.findall(target.casefold()):
                if len(w) < 3 or w in self.generic_target_words or w in skip:
                    continue
                out.add(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w)
        return frozenset(out)

    def is_official(self, source: str | None) -> bool:
        if not source:
            return False
        return bool(set(re.findall(r"[a-z']+", source.casefold())) & self.official_words)

    def is_self(self, source: str | None) -> bool:
        return (source or "").strip().casefold() in self.self_words


@cache
def load_lexicon() -> Lexicon:
    text = (resources.files("sitrep.resolve") / "data" / "resolve.yaml").read_text(encoding="utf-8")
    raw = load_yaml(text) or {}
    missing = [k for k in _KEYS if k not in raw]
    if missing:
        raise ConfigError(f"sitrep/resolve/data/resolve.yaml: missing keys {missing}")
    return Lexicon(
        type_families=tuple(frozenset(v) for v in raw["type_families"].values()),
        type_priority=tuple(raw["type_priority"]),
        official_words=frozenset(str(w).casefold() for w in raw["official_words"]),
        attacker_scopes=frozenset(str(w).casefold() for w in raw["attacker_scopes"]),
        self_words=frozenset(str(w).casefold() for w in raw["self_words"]),
        generic_target_words=frozenset(str(w).casefold() for w in raw["generic_target_words"]),
        whole_scopes=frozenset(str(w).casefold() for w in raw.get("whole_scopes") or ()),
        aggregate=re.compile("|".join(f"(?:{x})" for x in raw["aggregate_patterns"]), re.I)
        if raw.get("aggregate_patterns")
        else None,
        branch_claimants=frozenset(raw.get("branch_claimants") or ()),
        attacker_heads=frozenset(str(w).casefold() for w in raw.get("attacker_heads") or ()),
        target_types=frozenset(raw.get("target_types") or ()),
        hearsay_words=frozenset(str(w).casefold() for w in raw.get("hearsay_words") or ()),
        action_types=frozenset(raw.get("action_types") or ()),
        type_refines=tuple(
            (str(k), frozenset(v or ())) for k, v in (raw.get("type_refines") or {}).items()
        ),
        attack_types=frozenset(raw["type_families"].get("attack") or ()),
        hedge=re.compile("|".join(f"(?:{x})" for x in raw["hedge_patterns"]), re.I)
        if raw.get("hedge_patterns")
        else None,
    )


def norm_place(name: str | None) -> str | None:
    """A place name as a blocking key: no accents, case, punctuation or "province"/"district"."""
    if not name:
        return None
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = _NON_WORD.sub("", _PLACE_SUFFIX.sub(" ", text))
    return text or None


def slug(name: str) -> str:
    """An id for an actor the registry does not know (``"Fateh Zwak"`` → ``"fateh-zwak"``)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^0-9a-z]+", "-", text).strip("-") or "unknown"


def registry():  # -> sitrep.actors.registry.Registry | None
    """The actor registry, or None while it cannot be loaded (the resolver then compares ids only)."""
    try:
        from sitrep.actors.registry import load_registry

        return load_registry()
    except Exception:  # the registry is another step's; resolving must not depend on it loading
        return None


@cache
def family(actor_id: str) -> frozenset[str]:
    """The actor and its ancestors (ISKP → {ISKP, Islamic State}): names of the same side."""
    reg = registry()
    if reg is None:
        return frozenset({actor_id})
    return frozenset({actor_id, *reg.ancestors(actor_id)})


def actor_key(actor_id: str | None, name: str) -> str:
    """The id an actor is filed under: its registry id, else the registry's match for its name,
    else a slug of the name."""
    if actor_id:
        return actor_id
    reg = registry()
    found = reg.lookup(name) if reg is not None and name else None
    return found.id if found is not None else slug(name)
