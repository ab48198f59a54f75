"""Who did it, on what basis: claimed (the group's own claim), attributed (officials or the report
say so), accused (a party blames), suspected; and whether the group denied it.

Works on the actor mentions inside an event's sentences with word windows around them:

- claimed: the sentence carries a claim of responsibility and the group is its subject ("IS
  claimed responsibility", "was claimed by the Islamic State group"), or the group's own media
  (an actor whose registry parent is the group, e.g. Amaq) reports the attack;
- accused: the group follows a blame verb ("blamed the Taliban", "accused the Haqqani network");
- suspected: a hedge stands right before the group ("suspected ISIS-K militants", "thought to be
  linked to ISIS");
- attributed: the group is the agent of an attack word ("IS fighters attacked", "carried out by
  X", "X was behind") and none of the above applies;
- denied: the group is the subject of a denial ("the Taliban denied involvement").

Groups named as victims ("fight against the Islamic State", "the highest-ranking Taliban figure to
be killed") are not perpetrators. When both a group and its parent are named, the more specific
one is kept (ISKP over Islamic State), with the stronger basis.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sitrep.events.lexicon import phrase_regex, triggers
from sitrep.records import Claim, Evidence, Mention, Perpetrator

ARMED_KINDS = frozenset({"armed_group", "militia"})
STATE_KINDS = frozenset({"state_force", "government", "intelligence_agency", "igo"})
# Event types whose perpetrator is the state acting on a group.
STATE_TYPES = frozenset({"arrest_or_capture", "thwarted_plot", "designation", "airstrike"})
BASIS_RANK = {"claimed": 4, "attributed": 3, "accused": 2, "suspected": 1}
CHANNEL_ORDER = ("Amaq", "Telegram", "video", "audio", "statement")

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_BLOCK_BEFORE = frozenset(
    "against on targeting targeted target since after with from versus vs rival rivals "
    "fight fighting fought enemy enemies toward towards under".split()
)
_AGENT_NOUNS = frozenset(
    "fighters militants gunmen attackers insurgents bombers militant fighter gunman attacker "
    "bomber jihadists operatives members cell commander commanders".split()
)
_BE = frozenset("was were be been being is are".split())


@dataclass(frozen=True, slots=True)
class PerpetratorResult:
    perpetrators: tuple[Perpetrator, ...] = ()
    claimed_by: tuple[str, ...] = ()
    claim_channel: str | None = None


def _attribution_re() -> re.Pattern[str]:
    return phrase_regex(
        [
            "behind",
            "responsible for",
            "carried out",
            "conducted",
            "perpetrated",
            "staged",
            "launched",
            "orchestrated",
            "masterminded",
            "the work of",
            "led by",
            "led the",
            "mounted",
            "executed",
            "committed",
        ]
    )


def find_perpetrators(
    text: str,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[Mention],
    claims: Sequence[Claim] = (),
    event_type: str = "other",
    registry: Any | None = None,
    source_of: Any | None = None,
    doc: Any | None = None,
) -> PerpetratorResult:
    """The perpetrators named in an event's ``sentences`` (offsets into ``text``).

    ``registry`` (optional) gives actor kinds and parents; without it every mention counts as an
    armed group. ``source_of(start, end)`` (optional) names who said the sentence at that span.
    """
    trig = triggers()
    attribution = _attribution_re()
    found: dict[str, Perpetrator] = {}
    channels: set[str] = set()
    denials: set[str] = set()
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        inside = [m for m in mentions if s_start <= m.evidence.start < s_end]
        if not inside:
            continue
        claim_hit = trig.claim.search(sentence)
        for name, pattern in trig.channels:
            if claim_hit and pattern.search(sentence):
                channels.add(name)
        for m in inside:
            actor_id, name, via_media = _resolve(m, registry, event_type)
            if actor_id is None:
                continue
            if via_media:
                channels.add("Amaq" if "amaq" in m.evidence.text.lower() else "statement")
            left = sentence[: m.evidence.start - s_start]
            right = sentence[m.evidence.end - s_start :]
            basis, denied = _basis(left, right, claim_hit, via_media, trig, attribution)
            if basis is None and doc is not None and _parse_agent(doc, m, trig, attribution):
                basis = "attributed"
            if basis is None:
                continue
            said = source_of(m.evidence.start, m.evidence.end) if source_of else None
            perp = Perpetrator(
                actor_id=actor_id,
                name=name,
                basis=basis,  # type: ignore[arg-type]
                according_to=name if basis == "claimed" else said,
                denied=denied,
                evidence=Evidence(
                    m.evidence.document_id, m.evidence.article_index, s_start, s_end, sentence
                ),
            )
            if basis == "denied":
                denials.add(actor_id)
                continue
            found[actor_id] = _merge(found.get(actor_id), perp)
    # A denial marks a group someone else named; alone it does not make a perpetrator.
    for actor_id in denials & set(found):
        found[actor_id] = replace(found[actor_id], denied=True)
    perps = _most_specific(list(found.values()), registry)
    claimed = tuple(p.name for p in perps if p.basis == "claimed" and not p.denied)
    channel = next((c for c in CHANNEL_ORDER if c in channels), None) if claimed else None
    return PerpetratorResult(tuple(perps), claimed, channel)


def _resolve(m: Mention, registry: Any | None, event_type: str) -> tuple[str | None, str, bool]:
    """(actor id, name, reported through the group's media) or (None, ...) to ignore."""
    if registry is None:
        return m.actor_id, m.name, False
    actor = registry.get(m.actor_id)
    if actor is None:
        return m.actor_id, m.name, False
    wanted = STATE_KINDS if event_type in STATE_TYPES else ARMED_KINDS
    if actor.kind == "media" and actor.parent and event_type not in STATE_TYPES:
        parent = registry.get(actor.parent)
        if parent is not None and parent.kind in ARMED_KINDS:
            return parent.id, parent.name, True
    if actor.kind in wanted or (
        actor.kind not in ARMED_KINDS | STATE_KINDS | {"media"} and event_type == "other"
    ):
        return actor.id, actor.name, False
    return None, m.name, False


def _basis(
    left: str,
    right: str,
    claim_hit: re.Match[str] | None,
    via_media: bool,
    trig: Any,
    attribution: re.Pattern[str],
) -> tuple[str | None, bool]:
    lwords = _words(left)
    rwords = _words(right)
    near_left = " ".join(lwords[-4:])
    near_right = " ".join(rwords[:10])
    denied = bool(trig.deny.search(" ".join(rwords[:8])))
    if lwords and lwords[-1] in _BLOCK_BEFORE:
        return None, False
    if denied:
        return "denied", True
    if via_media:
        return "claimed", denied
    if claim_hit is not None:
        if re.search(
            r"\b(?:claimed|claim(?:ed)?\s+of\s+responsibility)\s+(?:\w+\s+){0,4}?by\s+"
            r"(?:\w+\s+){0,3}$",
            " ".join(lwords[-10:]) + " ",
        ) or trig.claim.search(near_right):
            negated = re.search(r"\b(?:not|no|never|yet to)\b", near_right.split("claim")[0])
            if not trig.deny.search(" ".join(rwords[:4])) and not negated:
                return "claimed", denied
    if (
        claim_hit is not None
        and re.search(r"\bclaim(?:ed|s)?\b", " ".join(lwords[-4:]))
        and "responsibility" in lwords[:-4]
        and not trig.claim.search(near_right)
    ):
        return "claimed", denied  # "Responsibility for the attack claimed the branch IS"
    if trig.accuse.search(" ".join(lwords[-5:])) and not re.search(
        r"\b(?:was|were|is|are)\s+(?:\w+\s+)?$", " ".join(lwords[-3:]) + " "
    ):
        return "accused", denied
    if trig.suspect.search(near_left):
        return "suspected", denied
    if re.match(
        r"^(?:was|were|is|are|has been|have been)\s+(?:\w+\s+)?(?:blamed|accused)",
        " ".join(rwords[:4]),
    ):
        return "accused", denied
    if _agent(lwords, rwords, attribution, trig):
        return "attributed", denied
    return None, False


def _agent(lwords: list[str], rwords: list[str], attribution: re.Pattern[str], trig: Any) -> bool:
    """The mention is the doer of an attack word in its sentence."""
    if lwords[-3:] and "by" in lwords[-3:]:
        before_by = " ".join(lwords[: len(lwords) - 3 + lwords[-3:].index("by")])
        if trig.regex.search(before_by) or attribution.search(before_by):
            return True
    window = rwords[:14]
    text = " ".join(window)
    if attribution.search(" ".join(window[:8])):
        return True
    for m in trig.regex.finditer(text):
        before = text[: m.start()].split()
        if before and before[-1] in _BE:
            return False  # "X prisoners who had been killed": X is the victim
        if any(w in {".", ";"} for w in before):
            return False
        return True
    rest = " ".join(rwords)
    return (
        bool(window[:1])
        and window[0] in _AGENT_NOUNS
        and bool(trig.regex.search(rest) or attribution.search(rest))
    )


_HOPS = frozenset({"compound", "pobj", "prep", "appos", "amod", "nmod", "poss", "npadvmod"})
_AGENT_PREPS = frozenset({"of", "from", "with", "to"})  # "rebels of/from X", "linked to X"


def _parse_agent(doc: Any, m: Mention, trig: Any, attribution: re.Pattern[str]) -> bool:
    """The dependency parse makes the group the doer: the subject of an attack word or the agent
    of a passive one, directly or as the head of its noun phrase ("rebels of the Allied
    Democratic Forces attacked", "an Islamic State-linked group ambushed", "was launched by a
    small band of rebels from the ADF")."""
    span = doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(6):
        if tok.dep_ == "prep" and tok.lower_ not in _AGENT_PREPS:
            return False  # "against X", "on X": the target
        if tok.dep_ in ("nsubj", "agent") or (tok.dep_ == "pobj" and tok.head.lower_ == "by"):
            verb = tok.head if tok.dep_ == "nsubj" else tok.head.head
            return _is_attack_word(verb, trig, attribution)
        if tok.dep_ not in _HOPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _is_attack_word(tok: Any, trig: Any, attribution: re.Pattern[str]) -> bool:
    phrase = " ".join(t.lower_ for t in tok.doc[tok.i : tok.i + 3])
    return bool(
        trig.regex.match(tok.lower_)
        or trig.regex.match(phrase)
        or attribution.match(phrase)
        or attribution.match(tok.lower_)
    )


def _merge(old: Perpetrator | None, new: Perpetrator) -> Perpetrator:
    if old is None:
        return new
    best = new if BASIS_RANK[new.basis] > BASIS_RANK[old.basis] else old
    return replace(best, denied=old.denied or new.denied)


def _most_specific(perps: list[Perpetrator], registry: Any | None) -> list[Perpetrator]:
    """Drop a group when a descendant of it is also named; the descendant keeps the stronger
    basis and the denial."""
    if registry is None or len(perps) < 2:
        return perps
    # An ancestor's own claim stays (IS claiming for a local affiliate named on another basis).
    out = [
        p
        for p in perps
        if not any(
            _is_ancestor(registry, p, q) and BASIS_RANK[q.basis] >= BASIS_RANK[p.basis]
            for q in perps
        )
    ]
    for p in perps:
        if p in out:
            continue
        for i, q in enumerate(out):
            if _is_ancestor(registry, p, q):
                out[i] = replace(q, denied=q.denied or p.denied)
    return out


def _is_ancestor(registry: Any, p: Perpetrator, q: Perpetrator) -> bool:
    return q.actor_id != p.actor_id and p.actor_id in _ancestors(registry, q.actor_id)


def _ancestors(registry: Any, actor_id: str | None) -> set[str]:
    if actor_id is None:
        return set()
    try:
        return set(registry.ancestors(actor_id))
    except (AttributeError, KeyError):
        return set()


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]
