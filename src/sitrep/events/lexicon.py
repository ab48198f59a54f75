"""Loads the event lexicons (``data/triggers.yaml``, ``data/figures.yaml``) once, on first use,
and compiles them into regexes. Nothing is read at import time."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from sitrep.countries import demonyms
from sitrep.datafiles import read_mapping


def _read(name: str) -> dict[str, Any]:
    return read_mapping("sitrep.events", name, "events lexicon")


def _plural_demonyms() -> frozenset[str]:
    return frozenset(
        w.lower()
        for forms in demonyms().values()
        for w in forms
        if w.endswith("s") and " " not in w
    )


def phrase_regex(
    phrases: Iterable[str], brackets: bool = False, joined: str = "-"
) -> re.Pattern[str]:
    """One case-insensitive alternation of ``phrases`` on word boundaries, longest first; spaces
    in a phrase match any run of whitespace. ``brackets``: editorial brackets may stand around
    any word ("the [September 11] attacks"). ``joined``: characters that, next to a match, make it
    part of a longer word ("-": "suicide-bombing" is no "bombing"; "/-": "9/11/2023" is no
    "9/11")."""
    alts = phrase_alternation(phrases, brackets)
    if not alts:
        return re.compile(r"(?!x)x")
    edge = re.escape(joined)
    return re.compile(rf"(?<![\w{edge}])(?:" + alts + rf")(?![\w{edge}])", re.I)


def phrase_alternation(phrases: Iterable[str], brackets: bool = False) -> str:
    """``phrases`` as the body of one regex alternation, lowercased, longest first, any run of
    whitespace between their words, no edges: for patterns that build on it (match it with
    re.I). ``brackets`` as in :func:`phrase_regex`; empty for no phrases."""
    items = sorted({p.strip().lower() for p in phrases if p and p.strip()}, key=len, reverse=True)
    word = (r"\[?{}\]?" if brackets else "{}").format
    return "|".join(r"\s+".join(word(re.escape(w)) for w in p.split()) for p in items)


def _state_strike(makers: list[str], verbs: list[str]) -> re.Pattern[str]:
    adjectives = {a for forms in demonyms().values() for a in forms if not a.endswith("s")}
    who = "|".join(re.escape(w) for w in sorted({*makers, *adjectives}, key=len, reverse=True))
    did = phrase_alternation(verbs)
    noun = r"strikes?(?![\w-])"
    return re.compile(
        rf"(?<![\w.-])(?-i:{who})\s+(?:[\w-]+\s+){{0,2}}?{noun}"
        rf"|\b(?P<did>{did})\s+(?:an?\s+|the\s+|its\s+|two\s+|several\s+)?(?:[\w-]+\s+){{0,3}}?"
        rf"{noun}",
        re.I,
    )


@dataclass(frozen=True)
class Triggers:
    regex: re.Pattern[str]  # every trigger phrase; the match's lowercased text keys `kinds`
    kinds: dict[str, tuple[str, str]]  # phrase -> (type, strength)
    plural: frozenset[str]
    type_order: tuple[str, ...]
    reported_as: dict[str, str]  # a kind of act the schema has no type for -> its schema type
    hypothetical: re.Pattern[str]  # matches at the END of the text before a trigger
    claim: re.Pattern[str]
    channels: tuple[tuple[str, re.Pattern[str]], ...]
    outlets: str  # alternation of a group's own outlets ("Telegram channel", "news agency")
    own_deed: str  # alternation of what a group says its men did ("set off", "carried (it) out")
    own_men: str  # alternation of what a group calls its men ("soldiers", "members")
    deny: re.Pattern[str]
    joint: re.Pattern[str]  # a partnership ("jointly with X"): what a denial of it denies
    # ... its words that stand right before the partner ("together with", "jointly with")
    joint_with: str
    accuse: re.Pattern[str]
    suspect: re.Pattern[str]  # suspicion cues, hedges among them
    hedge: re.Pattern[str]  # hedges: "probably", "may have", "could be"
    blame_verbs: dict[str, str]  # verb form -> "accused" | "suspected" | "attributed"
    yielded: re.Pattern[str]  # a side giving up ground ("abandoned", "withdrew", "pulled out")
    retracted: re.Pattern[str]  # a claim taken back ("retracted its claim")
    ascribe: re.Pattern[str]  # the "attributed" ones: "attributed the attack to X"
    parent_gloss: re.Pattern[str]  # matches at the END of the text before the glossed parent
    split_gloss: re.Pattern[str]  # ... before the group the doer broke away from
    naming_verbs: frozenset[str]
    suspect_nouns: frozenset[str]
    link_words: frozenset[str]
    belief_verbs: frozenset[str]
    past: re.Pattern[str]
    event_nouns: str  # alternation of the nouns naming an attack by its place ("attacks")
    named_event: re.Pattern[str]  # "The Paris attacks ..." opening a sentence; group "name"
    separate: re.Pattern[str]
    separate_nouns: re.Pattern[str]  # matches at the start of the text after a separate marker
    delivery: frozenset[str]
    hijacked_vehicles: re.Pattern[str]
    speech_verbs: frozenset[str]
    reaction_verbs: frozenset[str]  # "to condemn the bombing": no deed of the event
    fresh: re.Pattern[str]
    motive: re.Pattern[str]  # opens a motive clause after a deed (see triggers.yaml)
    telling_by: re.Pattern[str]  # "announced by ", "given by the ": ends the text before a teller
    # after a deed verb: its object is an official act ("launched an investigation")
    official_act: str
    attribution: re.Pattern[str]  # "behind", "carried out": the group before it did the deed
    ended: re.Pattern[str]  # "ended the siege ... " ending the text before a day: its end
    ended_ongoing: re.Pattern[str]  # "had ended the siege": an ongoing attack's end told
    strike_nouns: frozenset[str]
    state_strike: re.Pattern[str]  # "a U.S. strike", "conducted a self-defense strike"
    patterns: tuple[tuple[str, str, re.Pattern[str]], ...]  # (type, strength, regex with group t)
    state_raid_words: frozenset[str]
    # "explosives and suicide vests had been seized": devices named as seized, no attack
    seized_devices: frozenset[str]
    seized_device: re.Pattern[str]  # the devices and the verb of seizing them
    state_raid_agent: re.Pattern[str]  # matches at the END of the text before a raid word
    state_raid_subject: re.Pattern[str]  # the whole text of the sentence before a raid word
    state_forces: re.Pattern[str]
    captive_doers: frozenset[str]
    armed_men: frozenset[str]  # an armed group's men: captors, or the doers named again
    arrest_before: re.Pattern[str]  # matches at the END of the text before a captive doer
    arrest_after: re.Pattern[str]  # matches right after a captive doer: "... were caught"
    period_total: re.Pattern[str]  # a period counted ("in the first nine months of 2023")
    irregular_past: frozenset[str]  # "shot", "struck": past forms not ending in -ed
    # a role, a name and its killing: a targeted killing ("lawyer X was shot dead")
    role_named_killed: re.Pattern[str]
    # a designating verb and the proper names it lists, in group "names" (see _NAME)
    designating: re.Pattern[str]
    offices: tuple[str, ...]  # office-holders whose killing is an assassination, named or not
    killed_titles: re.Pattern[str]  # a title after a killing word: "..., including the governor"


# A proper name: capitalised words, with the particles and connectors names carry ("Hizb
# ut-Tahrir", "Jamaat Nusrat al-Islam wal-Muslimin", "Sons of Liberty Front", "Barrio 18")
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|(?:al|ul|ut|el|ad|wal|e)-[A-Z][\w'’-]*)"
_NAME = (
    rf"(?-i:{_NAME_WORD}(?:\s+(?:(?:of|the|de|del|la|al|wal|ut|ul)\s+)*(?:{_NAME_WORD}|\d+\b))*)"
)
_KILLED_PERSON = r"(?:killed|assassinated|shot\s+dead|gunned\s+down|murdered|stabbed\s+to\s+death)"
_PERSON = r"(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})"


def _role_named_killed(roles: str) -> re.Pattern[str]:
    """A role and a person's name, then the killing ("Barrister X, principal of a law college,
    was shot dead"), or the killing, then the role and the name ("gunmen shot dead journalist
    X")."""
    return re.compile(
        rf"\b(?:{roles})\s+{_PERSON}\s*(?:,[^,;.]{{1,80}},\s*)?(?:was|has\s+been|had\s+been)\s+"
        rf"(?:\w+\s+)?{_KILLED_PERSON}\b"
        rf"|\b{_KILLED_PERSON}\s+(?:the\s+)?(?:[\w-]+\s+)?(?:{roles})\s+{_PERSON}",
        re.I,
    )


_CLAUSE_WORDS = r"(?:after|following|when|as|since|before|while|who|that|which|because|and|but)"


_CAUGHT = r"(?P<t>caught)\b(?!\s+(?:{not_arrested})\b)"


def _caught(not_arrested: list[str]) -> dict[str, str]:
    """The trigger pattern of "was/were/had been caught" (an arrest), as a ``patterns`` entry."""
    return {
        "type": "arrest_or_capture",
        "strength": "strong",
        "regex": r"\b(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?"
        + _CAUGHT.format(not_arrested=phrase_alternation(not_arrested)),
    }


def _gloss(nouns: list[str], joint: str) -> re.Pattern[str]:
    """The text before a group named in a gloss of another ("X, a shadow group of [Y]", "X, which
    is a remnant of [Y]"): a comma or "which is", up to three words, one of ``nouns``, then
    ``joint`` (the preposition, with what may stand before it); matched at the end of the text."""
    return re.compile(
        r"(?:,|\bwhich\s+(?:is|was))\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){0,3}?"
        rf"(?:{phrase_alternation(nouns)}){joint}\s+"
        # (and the short form after the name: "of Jaish-e-Mohammad (JeM)")
        r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:[\w'’-]+(?:\s+[\w'’-]+){0,3}\s*\(\s*)?$",
        re.IGNORECASE,
    )


def _shared_words(regex: str, shared: dict[str, str]) -> str:
    """A pattern's regex with each ``<<name>>`` of triggers.yaml ``pattern_words`` spelled out."""
    return re.sub(r"<<(\w+)>>", lambda m: shared[m.group(1)], regex)


# the prepositions a joint phrase may end on before the partner ("together with", "with help
# from", "with the support of", "aided by")
_PARTNER_PREPS = (" with", " from", " of", " by")


@cache
def triggers() -> Triggers:
    data = _read("triggers.yaml")
    shared = {k: "(?:" + "|".join(v) + ")" for k, v in (data.get("pattern_words") or {}).items()}
    kinds: dict[str, tuple[str, str]] = {}
    for etype, groups in data["types"].items():
        for strength, phrases in groups.items():
            for phrase in phrases:
                kinds.setdefault(norm_phrase(phrase), (etype, strength))
    hyp = sorted({norm_phrase(p) for p in data["hypothetical_before"]}, key=len, reverse=True)
    hyp_alts = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in hyp)
    plot_alts = "|".join(re.escape(norm_phrase(p)) for p in data["plot_before"])
    gap_alts = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in hyp if p != "to")
    forces = phrase_regex(data["state_forces"])
    arrests = [p for ps in data["types"]["arrest_or_capture"].values() for p in ps]
    event_nouns = phrase_alternation(data["named_event_nouns"])
    # after a deed verb: no official act as its object ("launched an investigation")
    official_act = (
        r"(?!\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:"
        + phrase_alternation(data["official_acts"])
        + r")\b)"
    )
    return Triggers(
        regex=phrase_regex(kinds),
        kinds=kinds,
        plural=frozenset(norm_phrase(p) for p in data["plural"]),
        type_order=tuple(data["type_order"]),
        reported_as=dict(data.get("reported_as") or {}),
        # one lowercase word may stand between ("could easily attack"), not a name ("linked to
        # ISIS killed"); "to" must be right before ("vowed to attack", not "linked to the attack")
        # a plot may name its attack at some length ("plotting an ISIS-inspired Election Day
        # attack"): up to four words of one noun phrase between
        hypothetical=re.compile(
            r"(?<![\w-])(?:(?:" + gap_alts + r")\s+(?-i:[a-z][\w']*)\s+|(?:" + hyp_alts + r")\s+"
            r"|(?:" + plot_alts + r")\s+(?:(?!" + _CLAUSE_WORDS + r")[\w'’-]+\s+){1,4})$",
            re.IGNORECASE,
        ),
        claim=phrase_regex(data["claim_patterns"]),
        channels=tuple((name, phrase_regex(words)) for name, words in data["channels"].items()),
        outlets=phrase_alternation(data["outlets"]),
        # "carried it out": an object pronoun inside a two-word verb
        own_deed=phrase_alternation(data["own_deed_verbs"]).replace(
            r"\s+", r"\s+(?:(?:it|them)\s+)?"
        ),
        own_men=phrase_alternation(data["own_men_nouns"]),
        deny=phrase_regex([*data["deny_patterns"], *data["retraction_patterns"]]),
        retracted=phrase_regex(data["retraction_patterns"]),
        joint=phrase_regex(data["joint_patterns"]),
        # (its phrases ending in "with" or another preposition, its one-word adverbs with "with",
        # its prepositions)
        joint_with=phrase_alternation(
            [
                p if p.endswith(_PARTNER_PREPS) or not p.endswith("ly") else f"{p} with"
                for p in data["joint_patterns"]
                if p.endswith(_PARTNER_PREPS) or " " not in p
            ]
        ),
        accuse=phrase_regex(data["accuse_patterns"]),
        suspect=phrase_regex([*data["suspect_patterns"], *data["hedge_patterns"]]),
        hedge=phrase_regex(data["hedge_patterns"]),
        blame_verbs={w: basis for basis, ws in data["blame_verbs"].items() for w in ws},
        yielded=phrase_regex(data["yield_verbs"]),
        ascribe=phrase_regex(data["blame_verbs"]["attributed"]),
        parent_gloss=_gloss(data["parent_gloss_nouns"], r"\s+(?:of|for)"),
        # ("a splinter group of", "a breakaway faction from")
        split_gloss=_gloss(data["split_gloss_nouns"], r"(?:\s+[\w'’-]+)?\s+(?:of|from)"),
        naming_verbs=frozenset(data["naming_verbs"]),
        suspect_nouns=frozenset(data["suspect_nouns"]),
        link_words=frozenset(data["link_words"]),
        belief_verbs=frozenset(data["belief_verbs"]),
        past=phrase_regex(data["past_markers"]),
        event_nouns=event_nouns,
        named_event=re.compile(
            # (the name capitalised, the noun in any case)
            rf"\W*[Tt]he\s+(?P<name>(?:[A-Z][\w'’.-]*\s+){{1,3}}?)(?i:{event_nouns})\b"
        ),
        separate=phrase_regex(data["separate_markers"]),
        separate_nouns=re.compile(
            r"\s+(?:[\w-]+\s+)?" + phrase_regex(data["separate_nouns"]).pattern, re.I
        ),
        delivery=frozenset(norm_phrase(p) for p in data["delivery"]),
        hijacked_vehicles=re.compile(data["hijacked_vehicles"], re.I),
        speech_verbs=frozenset(norm_phrase(w) for w in data["speech_verbs"]),
        reaction_verbs=frozenset(norm_phrase(w) for w in data["reaction_verbs"]),
        fresh=phrase_regex(data["fresh_markers"]),
        motive=phrase_regex(data["motive_markers"]),
        official_act=official_act,
        attribution=re.compile(
            phrase_regex(data["attribution_words"]).pattern + official_act, re.I
        ),
        telling_by=re.compile(
            phrase_regex(data["telling_by"]).pattern + r"\s+by\s+(?:the\s+)?$", re.I
        ),
        ended=re.compile(phrase_regex(data["end_words"]).pattern + r"[^,;:.]{0,80}$", re.I),
        ended_ongoing=re.compile(
            phrase_regex(data["end_words"]).pattern
            + r"\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,2}?(?:"
            + phrase_alternation(data["ongoing_nouns"])
            + r")\b",
            re.I,
        ),
        strike_nouns=frozenset(norm_phrase(w) for w in data["strike_nouns"]),
        state_strike=_state_strike(data["strike_makers"], data["strike_verbs"]),
        patterns=tuple(
            (p["type"], p["strength"], re.compile(_shared_words(p["regex"], shared), re.I))
            for p in [*data["patterns"], _caught(data["caught_not_arrested"])]
        ),
        state_raid_words=frozenset(norm_phrase(w) for w in data["state_raid_words"]),
        seized_devices=frozenset(norm_phrase(w) for w in data["seized_devices"]),
        seized_device=_seized_device(data["seized_devices"], data["seizure_verbs"]),
        state_raid_agent=re.compile(forces.pattern + r"\s+(?:[\w-]+\s+)?$", re.I),
        # "Police seized weapons ... in a raid": the forces open the sentence (after a time and
        # up to two capitalised words: "On Sunday, Philippine police") and the raid is "in/during
        # a raid" (not "Gunmen attacked police in a raid": the forces are no subject there)
        state_raid_subject=re.compile(
            r"^\W*(?:(?:On|Late|Early|Last)\s+[A-Z][\w-]*(?:\s+[a-z]+)?,?\s+)?(?:The\s+)?"
            r"(?:[A-Z][\w-]*\s+){0,2}(?i:" + forces.pattern + r")"
            # (not "Police said gunmen ...", "the police station", "police were ambushed")
            r"(?!\s+(?:said|says|say|told|station|post|checkpoint|headquarters)\b)"
            r"(?![^;:]*\b(?:were|was)\s+(?:\w+\s+)?(?:attacked|killed|ambushed|targeted|"
            r"wounded|injured|shot)\b)"
            r"[^;:]*\b(?:in|during)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}$",
        ),
        state_forces=forces,
        captive_doers=frozenset(norm_phrase(w) for w in data["captive_doers"]),
        armed_men=frozenset(norm_phrase(w) for w in data["armed_men"]),
        # words of a noun phrase, not a clause ("arrested two men after gunmen stormed ...")
        arrest_before=re.compile(
            phrase_regex(arrests).pattern + rf"(?:\s+(?!{_CLAUSE_WORDS}\b)[\w'’-]+){{0,3}}\s+$",
            re.I,
        ),
        # the people a passive arrest verb takes, told before it: "the four gunmen were caught on
        # Saturday", "the gunman, who had fled, was later arrested in Vic"; "caught" as
        # triggers.yaml's arrest pattern reads it (not "caught in the crossfire")
        arrest_after=re.compile(
            r"(?:,[^,.;]{0,60},)?\s+(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?"
            rf"(?:(?:{phrase_alternation(data['types']['arrest_or_capture']['strong'])})\b"
            rf"|{_CAUGHT.format(not_arrested=phrase_alternation(data['caught_not_arrested']))})",
            re.I,
        ),
        irregular_past=frozenset(w.lower() for w in data["irregular_past"]),
        period_total=re.compile("|".join(f"(?:{p})" for p in data["period_totals"]), re.I),
        role_named_killed=_role_named_killed(phrase_alternation(data["targeted_roles"])),
        offices=tuple(data["offices"]),
        killed_titles=phrase_regex(data["killed_titles"]),
        designating=re.compile(
            # (lowercase: "Specially Designated Global Terrorists" is a title, not a verb)
            rf"\b(?-i:{phrase_alternation(data['designating_verbs'])})\s+"
            # "designating three organizations as FTOs: X, Y and Z"
            r"(?:(?:[\w-]+\s+){0,3}?(?:groups?|organi[sz]ations?|entities|movements?)\s+as\s+"
            r"[^.:;\n]{1,80}:\s*)?(?:the\s+)?"
            rf"(?P<names>{_NAME}(?:(?:\s*,\s*|\s+and\s+)(?:the\s+)?{_NAME})*)",
            re.I,
        ),
    )


@dataclass(frozen=True, slots=True)
class NamedEvent:
    """An attack known by a name (``data/named_events.yaml``): the name is its date and place."""

    name: str
    type: str
    date: str
    country: str
    place: str | None = None
    admin1: str | None = None  # for a town the gazetteer lacks


@dataclass(frozen=True)
class NamedEvents:
    regex: re.Pattern[str]  # every phrase; ``key`` of the match's text looks up ``by_phrase``
    by_phrase: dict[str, NamedEvent]

    @staticmethod
    def key(text: str) -> str:
        return norm_phrase(re.sub(r"[\[\]]", "", text))


@cache
def named_events() -> NamedEvents:
    by_phrase: dict[str, NamedEvent] = {}
    for item in _read("named_events.yaml")["events"]:
        event = NamedEvent(
            item["name"],
            item["type"],
            str(item["date"]),
            item["country"],
            item.get("place"),
            item.get("admin1"),
        )
        for phrase in item["phrases"]:
            by_phrase[NamedEvents.key(str(phrase))] = event
    return NamedEvents(phrase_regex(by_phrase, brackets=True, joined="/-"), by_phrase)


@dataclass(frozen=True)
class FigureLexicon:
    qualifiers: dict[str, str]
    numbers: dict[str, int]  # units and tens
    scales: dict[str, int]
    killed_words: frozenset[str]
    wounded_words: frozenset[str]
    killed_verbs: frozenset[str]
    wounded_verbs: frozenset[str]
    killed_tolls: re.Pattern[str]
    wounded_tolls: re.Pattern[str]
    revision_words: frozenset[str]
    tally_since: tuple[str, ...]
    tally_in: tuple[str, ...]
    linkers: frozenset[str]
    manner_words: frozenset[str]
    generic_nouns: frozenset[str]
    person_nouns: frozenset[str]
    attacker_nouns: frozenset[str]
    breakdown_after: tuple[str, ...]
    breakdown_before: tuple[str, ...]
    not_counts: frozenset[str]
    singular_victims: frozenset[str]
    source_verbs: frozenset[str]
    remains_nouns: frozenset[str] = frozenset()
    toll_followers: frozenset[str] = frozenset()
    wounded_phrases: tuple[tuple[str, ...], ...] = ()  # word sequences, longest first
    facility_nouns: frozenset[str] = frozenset()
    facility_staff: frozenset[str] = frozenset()
    intake_words: frozenset[str] = frozenset()
    unidentified_words: frozenset[str] = frozenset()
    identified_words: frozenset[str] = frozenset()
    companion_determiners: frozenset[str] = frozenset()
    companions: frozenset[str] = frozenset()
    count_phrases: dict[str, int] = field(default_factory=dict)  # "a dozen": 12
    killed_verb_phrases: frozenset[str] = frozenset()  # "shot dead", "stabbed to death"
    wounded_verb_phrases: frozenset[str] = frozenset()
    single_killed_verbs: frozenset[str] = frozenset()  # before one victim: "killed a policeman"
    single_wounded_verbs: frozenset[str] = frozenset()
    not_toll_before: frozenset[str] = frozenset()  # "attempted" murder of 68: no toll
    context_tolls: re.Pattern[str] = re.compile("(?!)")  # "a provisional count of 38"
    unrealised_before: frozenset[str] = frozenset()  # "tried to kill 68": no deaths
    # "may have been killed": a modal of the perfect estimates a toll, it does not withhold it
    estimate_modals: frozenset[str] = frozenset()
    # "had not exceeded 80": a negated lower bound is an upper one
    negators: frozenset[str] = frozenset()
    negation_skip: frozenset[str] = frozenset()
    negated_qualifiers: dict[str, str] = field(default_factory=dict)
    removal_verbs: frozenset[str] = frozenset()  # "pulled 23 passengers off buses and shot them"
    removal_particles: frozenset[str] = frozenset()
    then_adverbs: frozenset[str] = frozenset()
    # "in retaliation for an offensive that killed 11": the count is the answered deed's
    motive_phrases: re.Pattern[str] = re.compile("(?!)")
    # "blew himself up, killing only himself": the doer is the only dead
    only_self: frozenset[str] = frozenset()
    # "No one was killed", "no casualties were reported": figures of 0 (figures.yaml
    # no_casualties)
    no_casualties: re.Pattern[str] = re.compile("(?!)")
    no_casualty_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    no_casualty_killed: re.Pattern[str] = re.compile("(?!)")  # the `killed` words of it
    no_casualty_hedges: re.Pattern[str] = re.compile("(?!)")

    def nobody_suffered(self, match: re.Match[str]) -> tuple[str, ...]:
        """What a :attr:`no_casualties` match says nobody suffered: "killed", "wounded" or
        both (its group ``noun`` or ``subject``, else ``what``)."""
        noun = match.group("noun") or match.group("subject")
        if noun is not None:
            return self.no_casualty_nouns[norm_phrase(noun)]
        what = norm_phrase(match.group("what"))
        killed = self.no_casualty_killed.search(what)
        wounded = killed is None or re.search(r"\b(?:or|and|nor)\b", what) is not None
        return ("killed",) * (killed is not None) + ("wounded",) * wounded

    @cached_property
    def killings_done(self) -> frozenset[str]:
        """The past forms of the killing verbs ("killed", "executed", "slew"); not "claimed",
        "martyred"."""
        done = {w for w in self.killed_verbs | self.single_killed_verbs if w.endswith("ed")}
        return frozenset((done - {"claimed", "martyred"}) | {"slew"})

    @cached_property
    def killings_told(self) -> frozenset[str]:
        """The words that speak of people killed ("killed", "dead"); not a claim ("claimed") nor
        words of other deaths ("lives", "die")."""
        words = self.killed_words | self.killed_verbs | self.single_killed_verbs
        return words - {"claimed", "claiming", "lives", "life", "die", "dies"}

    @cached_property
    def woundings_told(self) -> frozenset[str]:
        return self.wounded_words | self.wounded_verbs

    @cached_property
    def one_person(self) -> frozenset[str]:
        """The nouns of one person named without a number: a victim, a companion or an attacker
        ("a policeman", "his driver", "a gunman")."""
        return self.singular_victims | self.companions | self.attacker_nouns


def _seized_device(devices: list[str], verbs: list[str]) -> re.Pattern[str]:
    """Devices in a clause with a verb of seizing them: "seized two suicide vests", "explosives
    and suicide vests had been seized" (the devices are those within the match)."""
    device, seize = phrase_alternation(devices), phrase_alternation(verbs)
    return re.compile(
        rf"\b(?:{seize})\s+(?:[^\s.;:!?()]+\s+){{0,6}}?(?:{device})\b"
        rf"|\b(?:{device})\s+(?:[^\s.;:!?()]+\s+){{0,6}}?(?:was|were|had\s+been|"
        rf"have\s+been|has\s+been|been)\s+(?:\w+ly\s+)?(?:{seize})\b",
        re.I,
    )


def _tolls(phrases: list[str], casualty: str) -> re.Pattern[str]:
    """The toll phrases, and "the number of <one or two words> <casualty>" ("put the number of
    villagers killed by ... at 85")."""
    number_of = rf"\bnumber\s+of\s+(?:[a-z-]+\s+){{1,2}}?(?:{casualty})\b"
    return re.compile(rf"{phrase_regex(phrases).pattern}|{number_of}", re.I)


@cache
def figure_lexicon() -> FigureLexicon:
    data = _read("figures.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(norm_phrase(w) for w in data[key])

    return FigureLexicon(
        qualifiers={norm_phrase(k): v for k, v in data["qualifiers"].items()},
        numbers={**data["units"], **data["tens"]},
        scales=dict(data["scales"]),
        killed_words=words("killed_words"),
        wounded_words=words("wounded_words"),
        killed_verbs=words("killed_verbs"),
        wounded_verbs=words("wounded_verbs"),
        killed_tolls=_tolls(data["killed_tolls"], "killed|dead|slain"),
        wounded_tolls=_tolls(data["wounded_tolls"], "wounded|injured"),
        revision_words=words("revision_words"),
        tally_since=tuple(data["tally_since"]),
        tally_in=tuple(data["tally_in"]),
        linkers=words("linkers"),
        manner_words=words("manner_words"),
        generic_nouns=words("generic_nouns"),
        # with the plural nationality words ("two Russians and 10 Afghans died")
        person_nouns=words("person_nouns") | _plural_demonyms(),
        attacker_nouns=words("attacker_nouns"),
        breakdown_after=tuple(norm_phrase(w) for w in data["breakdown_after"]),
        breakdown_before=tuple(norm_phrase(w) for w in data["breakdown_before"]),
        not_counts=words("not_counts"),
        singular_victims=words("singular_victims"),
        source_verbs=words("source_verbs"),
        remains_nouns=words("remains_nouns"),
        toll_followers=words("toll_followers"),
        wounded_phrases=tuple(
            sorted({tuple(w.split()) for w in words("wounded_phrases")}, key=len, reverse=True)
        ),
        facility_nouns=words("facility_nouns"),
        facility_staff=words("facility_staff"),
        intake_words=words("intake_words"),
        unidentified_words=words("unidentified_words"),
        identified_words=words("identified_words"),
        companion_determiners=words("companion_determiners"),
        companions=words("companions"),
        count_phrases={norm_phrase(k): int(v) for k, v in data["count_phrases"].items()},
        killed_verb_phrases=words("killed_verb_phrases"),
        wounded_verb_phrases=words("wounded_verb_phrases"),
        single_killed_verbs=words("single_killed_verbs"),
        single_wounded_verbs=words("single_wounded_verbs"),
        not_toll_before=words("not_toll_before"),
        context_tolls=re.compile(
            rf"(?<![\w-])(?:{phrase_alternation(data['context_tolls'])})s?\s+(?:of|at|as|to)(?![\w-])",
            re.I,
        ),
        unrealised_before=words("unrealised_before"),
        estimate_modals=words("estimate_modals"),
        negators=words("negators"),
        negation_skip=words("negation_skip"),
        negated_qualifiers=dict(data["negated_qualifiers"]),
        removal_verbs=words("removal_verbs"),
        removal_particles=words("removal_particles"),
        then_adverbs=words("then_adverbs"),
        motive_phrases=phrase_regex(data["motive_phrases"]),
        only_self=frozenset(norm_phrase(p) for p in data["only_self"]),
        no_casualties=_no_casualties(data["no_casualties"]),
        no_casualty_nouns={
            norm_phrase(k): tuple(v) for k, v in data["no_casualties"]["nouns"].items()
        },
        no_casualty_killed=phrase_regex(data["no_casualties"]["killed"]),
        no_casualty_hedges=phrase_regex(data["no_casualties"]["hedges"]),
    )


def _no_casualties(data: dict[str, Any]) -> re.Pattern[str]:
    """The pattern of figures.yaml ``no_casualties``; its group ``what``, ``noun`` or
    ``subject`` holds the words that say what nobody suffered (see
    :meth:`FigureLexicon.nobody_suffered`)."""
    alt = phrase_alternation
    suffered = rf"(?:{alt(data['killed'])}|{alt(data['wounded'])})"
    nouns = alt(list(data["nouns"]))
    be = r"(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|got)\s+)?(?:reported\s+)?"
    reported = (
        r"\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:immediately\s+)?"
        rf"(?:{alt(data['told'])})\b"
    )
    return re.compile(
        # "No one was killed or injured", "nobody died"
        rf"\b(?:{alt(data['subjects'])})\s+{be}"
        rf"(?P<what>{suffered}(?:\s+(?:or|and|nor)\s+{suffered})?)\b"
        rf"(?!\s*,?\s+(?:{alt(data['exceptions'])})\b)"
        # "there were no casualties", "without causing any injuries", "caused no deaths"
        rf"|(?:\bthere\s+(?:were|was|have\s+been|had\s+been)\s+no\s+|\bwithout\s+"
        rf"(?:causing\s+)?(?:any\s+)?|\b(?:caused|causing|with)\s+no\s+)(?P<noun>{nouns})\b"
        # "No casualties were reported", "no life was lost"
        rf"|\bno\s+(?P<subject>{nouns}){reported}",
        re.I,
    )


def norm_phrase(phrase: str) -> str:
    """A phrase as the lexicons key it: lowercase, straight apostrophes, single spaces."""
    return " ".join(str(phrase).lower().replace("’", "'").split())
