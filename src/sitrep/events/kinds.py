"""What kind of event a group of event sentences reports: the trigger record, and the type
decision (``event_type``) from the triggers' kinds and strengths, with the one rule that reads
the text: the killing of a named office-holder or leader is an assassination."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from sitrep.events.dates import COUNT
from sitrep.events.figures import parse_number
from sitrep.events.lexicon import NamedEvent, norm_phrase, phrase_alternation, triggers


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger phrase of ``data/triggers.yaml`` found in the text (``sentence`` is its index)."""

    start: int
    end: int
    text: str
    type: str
    strength: str
    sentence: int
    named: NamedEvent | None = None  # an attack known by its name ("9/11"): its date and place


PLURAL = "plural"  # Trigger.strength of a plural that only types an event
SERIES = "series"  # a plural told as one bounded campaign ("a wave of attacks"); weak when dated
_KILLED = r"kills?|killed|killing|assassinated|dead|died|death of"
KILL = re.compile(rf"\b(?:{_KILLED}|shot)\b", re.IGNORECASE)
# deaths told in an event's sentences; "shot and wounded" is no death
_DEATHS = re.compile(
    # (not a threat: "threaten to kill pupils")
    rf"(?<!\bto\s)\b(?:{_KILLED}|murdered|slaughtered|massacred|beheaded|bodies)\b"
    r"|\bshot\b(?!\s+and\s+(?:wounded|injured)|\s+in\s+the\s+(?:leg|arm|hand))",
    re.IGNORECASE,
)
# captives found dead later ("snatched at gunpoint on Friday were found dead on Monday"): deaths
# of the kidnapping, not of an attack it was part of
_FOUND_DEAD = re.compile(
    r"\bfound\s+dead\b|\bbodies\s+(?:[\w'’-]+\s+){0,4}?(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:found|discovered|recovered)\b"
    # a captive's later fate: "seized twenty people, one of whom was later beheaded"
    r"|\b(?:was|were)\s+(?:later|subsequently|eventually)\s+(?:beheaded|killed|executed|murdered)\b",
    re.I,
)
_SAYING = re.compile(
    r"\b(?:said|says|told|according|quoted|quoting|citing|statement|spokesman|spokesperson)\b", re.I
)


def event_type(
    text: str, ts: list[Trigger], spans: list[tuple[int, int]], doers: Sequence[Trigger] = ()
) -> str:
    """The type of the event told by ``spans`` (offsets into ``text``) from its triggers ``ts``:
    the head sentence's official action (designation, foiled plot, arrest) unless it also tells
    an attack; an assassination when an office-holder was the one killed; a kidnapping when
    gunmen killed nobody and took people (``doers`` are the triggers of sentences that only name
    the doer: "his group was behind the abduction"); an execution when the head sentence tells
    of one and no attack; otherwise the first strong type in
    ``type_order``, then the weak ones. A kind of act the schema has no type for is reported as
    its ``reported_as`` type (sabotage as "other")."""
    kind = _kind_of(text, ts, spans, doers)
    return triggers().reported_as.get(kind, kind)


def _kind_of(
    text: str, ts: list[Trigger], spans: list[tuple[int, int]], doers: Sequence[Trigger]
) -> str:
    order = triggers().type_order
    deny = triggers().deny
    # an act someone denies ("denied committing atrocities such as the beheading of civilians")
    # does not say what kind of event it was
    kept = [
        t
        for t in ts
        if not deny.search(re.split(r"[.;\n]", text[max(0, t.start - 80) : t.start])[-1])
    ]
    ts = kept or ts
    bombs = {t.sentence for t in ts if t.type in ("bombing", "suicide_bombing")}
    # "a suicide bomber rammed an explosives-laden vehicle into a convoy": how the bomb came
    ts = [t for t in ts if not (t.sentence in bombs and t.text.lower() in triggers().delivery)]
    # "The hijacked lorry ploughed down the street": the vehicle taken is the weapon
    rams = {
        t.sentence
        for t in ts
        if t.type == "armed_assault" and norm_phrase(t.text) in triggers().delivery
    }
    ts = [
        t
        for t in ts
        if not (
            t.sentence in rams
            and t.type == "kidnapping"
            and triggers().hijacked_vehicles.match(text, t.start)
        )
    ] or ts
    if any(t.type == "arrest_or_capture" for t in ts):
        # "was detained on Sunday, when another suspect was shot dead while resisting arrest":
        # suspects killed in an arrest are part of it, not an attack
        ts = [t for t in ts if not _kills_suspects(text, t)] or ts
    head = [t for t in ts if t.sentence == ts[0].sentence] if ts else []
    head_types = {t.type for t in head}
    head_strong = {t.type for t in head if t.strength == "strong"}
    # a plural types the event only when its word names a modality ("car bombs"), not when it
    # is the generic "attacks" of "suicide attacks killed more than 200" read as two words
    strong = {
        t.type
        for t in ts
        if t.strength == "strong" or (t.strength == PLURAL and _named_modality(t))
    }
    weak = {t.type for t in ts}
    attack = {"armed_assault", "suicide_bombing", "bombing", "airstrike", "assassination"}
    for official in ("designation", "thwarted_plot"):
        if official in head_strong and not (head_strong & attack):
            return official
    if "arrest_or_capture" in head_types and not (head_strong & attack):
        return "arrest_or_capture"
    if targets_person(text, spans) or "assassination" in head_strong:
        return "assassination"
    if "assassination" in strong and not (head_strong & attack):
        # "a bomb attack ... killed at least 40" stays a bombing when a later sentence speaks
        # of "an assassination campaign"
        return "assassination"
    taken_at = min(
        (t.start for t in head if t.type == "kidnapping" and t.strength == "strong"), default=0
    )
    if "kidnapping" in head_strong and not _DEATHS.search(_FOUND_DEAD.sub(" ", text[:taken_at])):
        # "Gunmen stormed a school and abducted 287 pupils": taking people is what the attack
        # was for. A report that tells of deaths first tells of an attack with abductions as
        # part of it ("stormed the school, killed 45 students and abducted 30 more"; "dozens
        # dead ... villagers had been taken hostage too"); a death told after the taking is
        # the kidnapping's ("were kidnapped ..., and one of the officers escorting them was
        # shot dead")
        return "kidnapping"
    # "Abu Sayyaf gunmen beheaded a hostage": the men who did it, named right before the
    # execution word, tell who did it, not another kind of act
    executioners = {
        t.start
        for t in head
        if norm_phrase(t.text) in triggers().armed_men
        and any(
            x.type == "execution" and re.fullmatch(r"\s+(?:\w+\s+){0,2}", text[t.end : x.start])
            for x in head
        )
    }
    head_acts = {t.type for t in head if t.start not in executioners}
    if (
        "execution" in head_strong
        and not (head_acts & attack)
        and not (strong & attack - {"armed_assault"})
    ):
        # "Abu Sayyaf militants beheaded the German sailor": a captive killed, though later
        # sentences tell of the gunmen who took him; not the beheadings of an attack ("the
        # terrorists who attacked Palma ... beheaded them") nor what an airstrike avenged
        return "execution"
    # deaths told before people were taken, or with it: an attack that also took hostages; a
    # death told only afterwards ("A vigilante who went after the kidnappers was killed") is
    # of the kidnapping, as GTD ranks hostage taking above armed assault
    took = min(
        (t.start for t in ts if t.type == "kidnapping" and t.strength == "strong"), default=None
    )
    deaths = any(
        _DEATHS.search(_FOUND_DEAD.sub(" ", text[s:e]))
        for s, e in spans
        if took is None or s <= took
    )
    taking = "kidnapping" in strong | {t.type for t in doers if t.strength == "strong"}
    if taking and not deaths and not (head_strong - {"armed_assault", "kidnapping"}):
        # "More than 300 students were missing after gunmen attacked their school ... the
        # abduction": gunmen who killed nobody and took people came to take them
        return "kidnapping"
    for etype in order:
        if etype == "kidnapping" and deaths and "armed_assault" in weak:
            continue  # hostages taken in an attack that killed: the attack (see above)
        if etype == "execution" and head_types & attack:
            continue  # "the terrorists who attacked Palma ... beheaded them": the attack
        if etype in strong and etype not in {
            "designation",
            "thwarted_plot",
            "arrest_or_capture",
            "assassination",  # decided above
        }:
            return etype
    # "three bombers struck a crowd ..., killing 30": a killing word is no modality; the
    # bombers say how they killed
    bare_killing = all(KILL.fullmatch(t.text.lower()) for t in ts if t.type == "armed_assault")
    if bare_killing and weak & {"bombing", "suicide_bombing"}:
        weak = weak - {"armed_assault"}
    if "armed_assault" in weak:
        return "armed_assault"
    for etype in order:
        if etype in weak:
            return etype
    return "other"


# a killing whose victims are suspects: "killed two suspects", "another suspect was shot dead"
_SUSPECTS_AFTER = re.compile(
    rf"\s+(?:(?:the|other|more|another|{COUNT})\s+){{0,2}}suspects?\b",
    re.I,
)
_SUSPECTS_BEFORE = re.compile(
    r"\bsuspects?\s+(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?$", re.I
)


def _kills_suspects(text: str, t: Trigger) -> bool:
    return t.type != "arrest_or_capture" and bool(
        _SUSPECTS_AFTER.match(text, t.end)
        or _SUSPECTS_BEFORE.search(text, max(0, t.start - 40), t.start)
    )


def _named_modality(t: Trigger) -> bool:
    # a plural found by a rule of its own ("Israeli strikes") names its kind
    return triggers().kinds.get(norm_phrase(t.text), ("", "strong"))[1] == "strong"


@cache
def _office_killings() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The killing of an office-holder told either way round (triggers.yaml ``offices``): "Blast
    kills Taliban governor of Balkh", "the killing of the provincial governor"; "the Taliban's
    governor of Balkh province ... was killed on Thursday"."""
    office = rf"(?:{phrase_alternation(triggers().offices)})"
    kills = re.compile(
        r"\b(?:kills|killed|killing of|assassinated|assassination of)\s+(?:the\s+)?"
        rf"(?:[\w'’-]+\s+){{0,3}}?{office}\b(?!['’]s|\s+(?:spokes|office|compound|residence))",
        re.IGNORECASE,
    )
    killed = re.compile(
        rf"\b{office}\b(?!['’]s)(?:(?!\b(?:said|says|told)\b)[^.;:\"“”])"
        r"{0,80}?\b(?:was|has been|had been)\s+(?:\w+\s+)?(?:killed|assassinated|shot dead|gunned down)",
        re.IGNORECASE,
    )
    return kills, killed


def _many(words: str) -> bool:
    """Ten dead or more before "including the cleric": a mass-casualty attack that killed an
    office-holder among others, not one aimed at him."""
    return bool(re.search(r"\b(?:dozens|scores|hundreds)\b", words, re.I)) or any(
        (parse_number(w) or 0) >= 10 for w in re.findall(r"\d[\d,]*\d|\d|[a-z-]+", words, re.I)
    )


def targets_person(text: str, spans: list[tuple[int, int]]) -> bool:
    """A named office-holder was the one killed ("killed the governor", "the governor was
    killed", "among them the provincial governor")."""
    for s, e in spans:
        sentence = _before_motive(text[s:e])
        kills, killed = _office_killings()
        if kills.search(sentence) or killed.search(sentence):
            return True
        named = triggers().role_named_killed.search(sentence)
        if named and not _many(sentence[: named.start()]):
            return True  # "Barrister X, principal of a law college, was shot dead"
        for m in KILL.finditer(sentence):
            window = sentence[m.end() : m.end() + 90]
            t = triggers().killed_titles.search(window)
            # what follows the title, read past the window's end ("..., the interior minister
            # said" with "said" beyond it)
            after = sentence[m.end() + t.end() : m.end() + t.end() + 40] if t else ""
            if (
                t
                and re.match(r"[^.;]*$", window[: t.start()])
                # "50 people have been killed,” said X, the district governor": the speaker
                and not _SAYING.search(window[: t.start()])
                and not _SAYING.search(after.split(",")[0])
                and not re.search(r"\b(?:said|says|told)\b", after[:30])
                and re.search(r"\b(?:among them|including|the)\b", window[: t.start()] + " ")
                and not _many(window[: t.start()])
            ):
                return True
    return False


def _before_motive(sentence: str) -> str:
    """The sentence up to a motive clause after a deed ("claimed the bombing, saying it avenged
    the killing of its founder"): the motive's victim is not the event's."""
    trig = triggers()
    for m in trig.motive.finditer(sentence):
        if trig.regex.search(sentence, 0, m.start()):
            return sentence[: m.start()]
    return sentence
