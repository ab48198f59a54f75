"""Who did it, on what basis: claimed (the group's own claim), attributed (officials or the report
say so), accused (a party blames), suspected; and whether the group denied it.

Works on the actor mentions inside an event's sentences with word windows around them:

- claimed: the sentence carries a claim of responsibility and the group is its subject ("IS
  claimed responsibility", "was claimed by the Islamic State group"), or the group's own media
  (an actor whose registry parent is the group, e.g. Amaq) reports the attack;
- accused: the group follows a blame verb ("blamed the Taliban", "accused the Haqqani network"),
  or the parse makes it the object of one ("blamed India's spy agency for the attack"; a state
  agency blamed so is kept even for an attack); not when the blame is for another deed ("accused
  the Taliban of violating their pledge"); a government or spy agency a source names as an
  attack's doer ("said it had been carried out by agents of the Zionist regime"), also by its
  country's name ("said India and Afghanistan bore responsibility", :func:`state_mentions`);
- suspected: a hedge stands right before the group ("suspected ISIS-K militants", "thought to be
  linked to ISIS"), the group "is suspected", a source suspects or names it ("the United States
  suspected a local branch of Islamic State", "had pointed to AQIM", "named members of the Abu
  Sayyaf group as the main suspects"), or its deed is under a belief verb ("police believe the
  attack was carried out by X");
- attributed: the group is the agent of an attack word ("IS fighters attacked", "carried out by
  X", "X was behind"), or a source ascribes the deed to it ("attributed the attack to X"), and
  none of the above applies;
- denied: the group is the subject of a denial ("the Taliban denied involvement").

Groups named as victims ("fight against the Islamic State", "the highest-ranking Taliban figure to
be killed", "attacked the SDF") or as the keepers of the target ("a prison which is under the
control of the SDF", "an SDF-held prison") are not perpetrators. When both a group and its parent
are named, the more specific one is kept (ISKP over Islamic State), with the stronger basis.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, NamedTuple

from sitrep.actors.base import words
from sitrep.actors.discover import is_discovered
from sitrep.countries import demonyms
from sitrep.events.lexicon import triggers
from sitrep.events.places import country_code, load_gazetteer
from sitrep.records import Claim, Evidence, Mention, Perpetrator

ARMED_KINDS = frozenset({"armed_group", "militia"})
STATE_KINDS = frozenset({"state_force", "government", "intelligence_agency", "igo"})
# Event types whose perpetrator is the state acting on a group.
STATE_TYPES = frozenset({"arrest_or_capture", "thwarted_plot", "designation", "airstrike"})
# Event types a state or an armed group may carry out (an offensive, the killing of a leader):
# a state actor is kept only as the plain agent and only when no armed group is named.
MIXED_TYPES = frozenset({"other", "assassination"})
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
# Nouns that name the doers of the attack itself ("members of the Taliban" do not)
_DOERS = frozenset("attackers attacker gunmen gunman assailants assailant bombers bomber".split())
# Who asked for or backed the act, named before it: not its doer.
# ("with support from clan militias, African Union troops and U.S. air strikes": any of a list)
_PARTNER_BEFORE = re.compile(
    r"\b(?:(?:at|on)\s+the\s+(?:request|behest|invitation)|on\s+behalf|in\s+support|"
    r"in\s+(?:coordination|cooperation|partnership|concert)\s+with|with\s+(?:the\s+)?(?:support|"
    r"help|backing|assistance)\s+(?:of|from)|(?:backed|supported|assisted|aided)\s+by|alongside)"
    r"\s+(?:of\s+)?(?:[^.;:()]{0,80}?(?:,|\band)\s+)?(?:the\s+)?$",
    re.I,
)
# Words that open another clause, whose doer is someone else.
_CLAUSE_BREAK = frozenset(
    "after before when while whereas although though because since until unless if".split()
)
_BE = frozenset("was were be been being is are".split())
# A group's office-holders are named as victims ("Taliban governor killed"), not as doers.
_OFFICE_NOUNS = frozenset(
    "governor governors official officials minister ministers government spokesman spokesperson "
    "mayor envoy delegation delegates diplomats negotiators police judge leader leaders founder "
    "emir chief".split()
)
# Besides claim phrases, what marks a sentence as the group's own word on an attack.
_CUE = re.compile(
    r"\b(?:statement|communiqu[eé]|amaq|telegram|acknowledged|admitted|confirmed)\b", re.I
)
# "never formally claimed", "has not claimed responsibility", "did not claim".
_NEGATED_CLAIM = re.compile(
    r"^(?:\w+\s+){0,2}?(?:never|not|yet\s+to|did\s+not|didn't|has\s+not|hasn't|have\s+not|"
    r"haven't|had\s+not|hadn't)\s+(?:\w+\s+){0,2}?(?:claim|claimed|claims|taken|took|accepted|"
    r"admitted)\b"
)
# "claimed that they have no connections", "claim they were not involved": a denial.
_CLAIM_THAT_NOT = re.compile(
    r"^(?:\w+\s+){0,2}?claim(?:s|ed|ing)?\s+(?:that\s+)?(?:\w+\s+){0,3}?"
    r"(?:not|no|never|nothing|n't)\b"
)
# Anaphors for a group named before: "the president blamed the group".
_ANAPHOR = re.compile(
    r"\bthe\s+(?:(?:militant|insurgent|extremist|jihadist|terrorist|armed|rebel|islamist)\s+)?"
    r"(?:group|organi[sz]ation|militants|insurgents|jihadists|rebels|militia|movement)\b",
    re.I,
)
# "In September 2013, its fighters besieged the Westgate mall": the men of the group named just
# before ("its", "the group's"); not "its men", which as often are an army's
_ITS_MEN = re.compile(
    r"\b(?:its|the\s+group['’]s)\s+(?:own\s+)?(?:fighters|militants|gunmen|jihadists|operatives|"
    r"members|commandos|suicide\s+bombers|bombers)\b",
    re.I,
)
# "the al-Qaeda-linked group", "the IS-affiliated militants": a definite description of a group
# by its ally, which stands for the group named before (an indefinite "an Islamic State-linked
# group ambushed ..." names no other group and is left to the ally's mention)
# the words that tie a group to its ally ("al-Qaeda-linked"), and the adjectives that may follow
_ALLY_TIE = r"(?:linked|affiliated|aligned|allied|backed|inspired)\s+"
_GROUP_ADJECTIVE = (
    r"(?:(?:militant|insurgent|extremist|jihadist|terrorist|armed|rebel|islamist)\s+)?"
)
_LINKED_NP = re.compile(
    rf"\bthe\s+(?:[\w'’]+[\s-]+){{1,4}}?{_ALLY_TIE}{_GROUP_ADJECTIVE}"
    r"(?:group|organi[sz]ation|militants|insurgents|jihadists|rebels|militia|movement|fighters)\b",
    re.I,
)
# A pronoun opening a clause (or following a time phrase opening the sentence) as the subject of
# the group's word: "In a statement, it confirmed that it had taken the village", "they admitted
# ...", "It did claim the assault", "In August it claimed ...". Only such pronouns are resolved (to
# the actor named just before, see :func:`_antecedent`), so that "it" never stands for a place or
# an attack.
_PRONOUN_SPEAKER = re.compile(
    r"(?:^|^(?:in|on|last|earlier|later)\s+(?:\w+\s+){0,2}?\w+,?\s+|[,;:]\s*|\band\s+|\bbut\s+)"
    r"\b(it|they)\s+(?:(?:also|later|then|has|have|had|did|does|do)\s+){0,2}"
    r"(?:confirmed|acknowledged|admitted|said|says|stated|announced|claimed|claim)\b",
    re.I,
)
# A group's spokesman who says only the enemy's men died owns the attack ("denied civilian
# casualties, and said only militiamen had been killed"; "only 28 local militia were killed").
_ONLY_KILLED = re.compile(
    r"\bonly\s+(?:[\w-]+\s+){0,4}?(?:had\s+been|have\s+been|has\s+been|were|was)\s+"
    r"(?:killed|slain|targeted)\b",
    re.I,
)
_ADMISSION = re.compile(
    r"\b(?:acknowledged|acknowledges|admitted|admits)\s+(?:that\s+)?(?:the\s+)?$"
)
_DID = re.compile(
    r"^(?:had|has|have)\s+(?:\w+\s+)?(?:carried\s+out|conducted|launched|staged|attacked|"
    r"targeted|stormed|killed|bombed|seized|captured|taken|executed|mounted)\b"
)
ANAPHOR = "anaphor"  # Mention.method of the mentions made by :func:`anaphors`
DESCRIPTION = "description"  # ... and of a splinter named by its description
LINKED = "linked"  # ... and of "the al-Qaeda-linked group" standing for the group named before
OWN_MEN = "own_men"  # ... and of "its fighters", the men of the group named just before
PRONOUN = "pronoun"  # ... and of "they" doing the deed, the group the sentence before was about
OUTLET = "outlet"  # ... and of "its Telegram channel", the outlet of the group named just before
STATE = "state"  # ... and of a government named by its country, its seat or "Indian intelligence"
_SPEECH = frozenset(
    "said says say stated states announced announces confirmed confirms acknowledged "
    "acknowledges admitted admits claimed claims declared declares".split()
)
# Verbs of reporting only: a group right before one speaks of the attack word after it ("IS says
# spokesman killed"); unlike _SPEECH, not "announced" ("Iraq announced Jasim's capture": its own)
_REPORTING = frozenset("says said say tells told".split())


# a negation or denial before the group's word of its men's deed ("said it was not involved",
# "denied its fighters had attacked"): no admission
_NEGATED = re.compile(r"\b(?:not|no|never|n't|denied|denies|deny)\b")


# The group speaking of its own men as the doers: "its fighters had carried out", "it was
# behind", "soldiers of the caliphate launched"; its leader speaking: "his group was behind"; its
# men named after the deed or the doer ("the bomber was one of its soldiers", "the attack was
# carried out by its members"). The verbs and nouns are triggers.yaml's own_deed_verbs and
# own_men_nouns.
@cache
def _self_doer() -> re.Pattern[str]:
    trig = triggers()
    return re.compile(
        r"\b(?:it|they|we|its\s+\w+|their\s+\w+|our\s+\w+|the\s+group|soldiers\s+of\s+the\s+"
        r"caliphate|his\s+(?:group|fighters|men|militants|movement|followers)|"
        r"mujahide?en|mujahidin)\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+|is\s+|are\s+)?"
        rf"(?:\w+\s+)?(?:{trig.own_deed})\b{trig.official_act}"
        rf"|\b(?P<named>{'|'.join(sorted(map(re.escape, trig.armed_men), key=len, reverse=True))}|"
        r"attack|bombing|blast|assault)\s+(?:was|were)\s+(?:one\s+of\s+|among\s+|"
        rf"(?:{trig.own_deed})\s+by\s+)?(?:its|our)\s+(?:own\s+)?(?:{trig.own_men})\b",
        re.I,
    )


def claim_cue(sentence: str) -> bool:
    """The sentence may carry a group's claim: a claim phrase or the group's channel or word
    ("said in a statement", "Amaq", "acknowledged that"), or its word making its men the doers
    ("IS said the bomber was one of its soldiers")."""
    return bool(
        triggers().claim.search(sentence)
        or _CUE.search(sentence)
        or any(_owns(sentence[hit.start() :]) for hit in _SPEECH_WORD.finditer(sentence))
    )


@dataclass(frozen=True, slots=True)
class PerpetratorResult:
    perpetrators: tuple[Perpetrator, ...] = ()
    claimed_by: tuple[str, ...] = ()
    claim_channel: str | None = None


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

    ``mentions`` are the article's, with its descriptions resolved (:func:`with_anaphors`).
    ``registry`` (optional) gives actor kinds and parents; without it every mention counts as an
    armed group. ``source_of(start, end)`` (optional) names who said the sentence at that span.
    """
    trig = triggers()
    attribution = trig.attribution
    found: dict[str, Perpetrator] = {}
    channels: set[str] = set()
    denials: dict[str, Evidence | None] = {}  # a denying group -> its denial's sentence
    named_suspects: set[str] = set()  # suspected by a source's own word, not by a hedge
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        inside = [m for m in mentions if s_start <= m.evidence.start < s_end]
        if not inside:
            continue
        claim_hit = trig.claim.search(sentence)
        # (not the channel of a claim taken back: "retracted its claim, saying ...")
        retracted = trig.retracted.search(sentence)
        told = sentence[: retracted.start()] if retracted else sentence
        for name, pattern in trig.channels:
            if claim_hit and pattern.search(told):
                channels.add(name)
        for m in inside:
            # the mention's tokens, for the readings that need the parse
            span = _span_of(doc, m) if doc is not None else None
            blamed = _blamed(span, trig, attribution) if span is not None else None
            # a government or spy agency in an attack's sentences is read for blame only
            blame_only = m.method == STATE or (
                blamed is None
                and event_type not in STATE_TYPES | MIXED_TYPES
                and registry is not None
                and _kind(registry, m.actor_id) in _BLAMED_STATE
            )
            actor_id, name, via_media = _resolve(
                m, registry, event_type, blamed is not None or blame_only
            )
            if actor_id is None:
                continue
            if via_media:
                channels.add("Amaq" if "amaq" in m.evidence.text.lower() else "statement")
            left = sentence[: m.evidence.start - s_start]
            right = sentence[m.evidence.end - s_start :]
            if _keeper(left, right, trig, sentence):
                continue  # "a prison which is under the control of the SDF"
            if _LISTED_BY.search(left):
                continue  # "the PKK, designated a terrorist group by Turkey, the United States"
            basis, denied = _basis(left, right, claim_hit, via_media, trig, attribution)
            if basis == "claimed" and trig.retracted.search(right):
                denied = True  # "TRF claimed the attack ... but withdrew the claim days later"
            if (
                basis in (None, "attributed")
                and m.evidence.text.lower().split()[0] in ("its", "their")
                and (said := _SAID_RIGHT_BEFORE.search(left)) is not None
                and _owns(left[said.start() :] + m.evidence.text + right)
            ):
                # "The Somali group had said its fighters carried out the raid": the speaker's
                # own men, by the speaker's word (the pronoun stands for the group speaking)
                basis = "claimed"
            if basis == "claimed" and _claimer_between(m, inside, sentence, s_start, trig):
                # "Police blame ADF cell as Islamic State claims Kampala blasts": the claim
                # after the name is the other group's, named nearer to it
                basis = None
            if (
                claim_hit is not None
                and (m.method == OUTLET or _outlets().after_name.match(right))
                and _claim_follows(right, trig)
            ):
                # "a statement posted on JNIM's Telegram channel claimed responsibility"
                basis, denied = "claimed", False
            if basis == "none":
                continue  # "never claimed": no basis from this mention
            if trig.split_gloss.search(left):
                continue  # "blamed the Red Path Front, a remnant of the Shining Path"
            if (
                (tie := _TIED.match(right))
                and tie.group(1).lower() in trig.link_words
                and _glossing(m, inside, left)
            ):
                # "the X brigade, an al Qaeda-linked group, was behind": what the group named is
                # tied to (alone, "an Islamic State-linked group ambushed" names the nearest)
                continue
            if basis == "claimed" and trig.parent_gloss.search(left):
                # "The Kashmir Tigers, a shadow group of JeM, claimed": JeM is the outlet's gloss
                basis = "attributed"
            if basis != "claimed" and (
                (span is not None and _self_claim(span))
                or (basis != "denied" and _says_own_deed(right))
            ):
                # the group's own word makes its men the doers (read on the words too, where
                # the parse misses the speaker); a denial of parts ("but denied reports of
                # civilian casualties") does not undo that, but its own denial before does. A
                # state announcing its arrest or its designation does its office: the act is
                # its, not a claim
                basis, denied = _own_word(registry, actor_id, event_type), False
            if basis is None and span is not None and _parse_agent(span, trig, attribution):
                basis = "attributed"
            if basis == "attributed" and span is not None and _attacked(span, trig, attribution):
                basis = None  # "IS fighters attacked the SDF in Hasakah, killing seven"
            if blamed == _NOT_THE_ATTACK and basis == "accused":
                basis = None  # "accused the Taliban of violating their pledge"
            elif blamed in ("accused", "suspected") and basis in (None, "attributed"):
                basis = blamed  # the parse outweighs a doer read off the words after it
                if blamed == "suspected":
                    named_suspects.add(actor_id)
            elif blamed == "attributed" and basis is None:
                basis = blamed  # "the governor attributed the attack to X"
            if basis == "attributed" and (
                _hedged(left, right)
                or _done_before(right)
                or (span is not None and _believed(span, trig))
            ):
                # "had, in all likelihood, been carried out by X"; "X has attacked the area
                # before": the report points at the group without saying it did this
                basis = "suspected"
                if claim_hit is None and _hedged(left, right) and source_of is not None:
                    if source_of(m.evidence.start, m.evidence.end):
                        # "Officials said the attack could be retaliation by X": a source's
                        # guess of its own, apart from any claim, stays beside a claim
                        named_suspects.add(actor_id)
            if (
                m.method == ANAPHOR
                and basis not in ("claimed", "accused", "denied")
                and not (
                    basis == "attributed"
                    and span is not None
                    and _parse_agent(span, trig, attribution)
                    and not _ambiguous(m, mentions, registry)
                )
            ):
                # "the group" is resolved by proximity: only its plainest roles, and its deed
                # by the parse when no other group is named before it ("a gunman from the group
                # killed"; not "the insurgents said they were not behind the bombing")
                continue
            if (
                blame_only
                and basis == "attributed"
                and _named_doer(left, right, attribution)
                and source_of is not None
                and source_of(m.evidence.start, m.evidence.end)
            ):
                # "the minister said it had been carried out by agents of the Zionist regime": a
                # government or spy agency said by someone to have bombed is accused of it
                basis = "accused"
            if blame_only and basis not in ("accused", "suspected", "denied"):
                continue  # a state is a doer of an attack only where blamed or clearing itself
            if m.method == ANAPHOR and basis == "denied" and _ambiguous(m, mentions, registry):
                continue  # "The insurgents ... reject any role" after three groups: which one?
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
                denials.setdefault(actor_id, perp.evidence)
                continue
            if basis == "claimed" and claim_hit is None:
                # "X said in a statement on Telegram that its fighters had carried out the
                # attack": a claim in the group's own word, through the channel it names
                channels.update(name for name, pattern in trig.channels if pattern.search(sentence))
            found[actor_id] = _merge(found.get(actor_id), perp)
    for perp in _admissions(text, sentences, claims, registry):
        found[perp.actor_id or perp.name] = _merge(found.get(perp.actor_id or perp.name), perp)
    # A denial marks a group someone else named; alone it does not make a perpetrator.
    for actor_id in denials.keys() & set(found):
        found[actor_id] = replace(found[actor_id], denied=True, denial=denials[actor_id])
    perps = _most_specific(_state_agents(list(found.values()), event_type, registry), registry)
    if event_type == "designation" and registry is not None:
        # a designation is made by a government or an international body; the armed group it
        # names (registered, or discovered: no kind) is its object ("a draft order to proscribe
        # Hizb ut-Tahrir"), never its doer
        perps = [p for p in perps if _kind(registry, p.actor_id) not in {*ARMED_KINDS, None}]
    claimers = {p.actor_id for p in perps if p.basis == "claimed"}
    if claimers:
        # a group's own claim outweighs a hedged guess at another doer ("operations that had, in
        # all likelihood, been carried out by the Haqqani Network" beside an ISIS-K claim); a
        # suspect within the claiming group stays (IS claimed, the army suspects its local ally),
        # and so does one a source names ("the military named X as the main suspects")
        perps = [
            p
            for p in perps
            if p.basis != "suspected"
            or claimers & _ancestors(registry, p.actor_id)
            or p.actor_id in named_suspects
        ]
    claimed = tuple(p.name for p in perps if p.basis == "claimed")
    channel = next((c for c in CHANNEL_ORDER if c in channels), None) if claimed else None
    return PerpetratorResult(tuple(perps), claimed, channel)


# Unnamed state agents: "police in the German city of Frankfurt arrested", "security forces
# launched operations". With the event's country they name that country's force ("German police").
_GENERIC_AGENTS = {
    "police": ("police", "national police"),
    "policemen": ("police",),
    "security forces": ("security forces", "forces", "military"),
    "forces": ("forces", "security forces", "military"),
    "troops": ("troops", "forces", "military"),
    "soldiers": ("troops", "forces", "military"),
    "army": ("army", "military"),
    "military": ("military", "army"),
    "intelligence": ("intelligence",),
    "commandos": ("commandos", "special forces"),
    "government": ("government",),
    "authorities": ("government",),
}


def generic_state_agent(
    doc: Any,
    sentences: Sequence[tuple[int, int]],
    country: str | None,
    registry: Any,
    countries: Sequence[tuple[int, int, str]] = (),
    event_type: str = "other",
) -> Perpetrator | None:
    """The country's force when an unnamed one ("police", "security forces", "troops") is the
    subject of the event's trigger word and no named actor stands for it; the government of a
    country named as the doer ("the assassination of Soleimani by the US"). ``countries`` are
    the (start, end, code) of the country names in the text.

    A state that says it did the act itself ("Pakistan said it had carried out military
    strikes", "the army said its jets struck") claims the strike: that reading wins over a doer
    read off another sentence; of an arrest it is the state's act (:func:`_own_word`). A country
    named for a strike is its armed forces."""
    if doc is None or registry is None:
        return None
    trig = triggers()
    attribution = trig.attribution
    state_nouns = ("armed forces", "military") if event_type == "airstrike" else ()
    first: Perpetrator | None = None
    for s_start, s_end in sentences:
        span = doc.char_span(s_start, s_end, alignment_mode="expand")
        if span is None:
            continue
        ev = Evidence("", 0, s_start, s_end, doc.text[s_start:s_end])
        striker = _national_strike(span, registry)
        if striker is not None and first is None:
            first = Perpetrator(striker.id, striker.name, "attributed", evidence=ev)
        for tok in span:
            named = next((cc for a, b, cc in countries if a <= tok.idx < b), None)
            noun = "government" if named else _generic_noun(tok)
            if noun is None:
                continue
            own = _self_claim(doc[tok.i : tok.i + 1])
            if not own and (first is not None or not _doer_token(tok, trig, attribution)):
                continue
            if any(
                c.dep_ in ("amod", "compound", "poss", "nmod") and c.lower_ in _non_state()
                for c in tok.children
            ):
                continue  # "rebel authorities", "the group's police": not the state's
            if not named:
                qualified = [
                    c
                    for c in tok.children
                    if c.dep_ in ("amod", "compound", "poss") and (c.ent_type_ or c.pos_ == "PROPN")
                ]
                # "Iranian authorities", "Afghan forces": that country's, wherever they act
                named = country_code(qualified[0].text) if len(qualified) == 1 else None
                if (tok.ent_type_ or qualified) and not named:
                    # a named force, or someone else's ("the Taliban's forces"); but
                    # "counter-terrorism police", "special forces" are the country's own
                    continue
            first_nouns = state_nouns if noun == "government" else ()
            nouns = tuple(dict.fromkeys((*first_nouns, *_GENERIC_AGENTS[noun], "government")))
            actor = _country_force(registry, demonyms().get(named or country or "", ()), nouns)
            if actor is None:
                continue
            basis = _own_word(registry, actor.id, event_type) if own else "attributed"
            found = Perpetrator(actor.id, actor.name, basis, evidence=ev)
            if basis == "claimed":
                return replace(found, according_to=actor.name)
            first = first or found
    return first


@cache
def _non_state() -> frozenset[str]:
    return words("non_state_qualifiers")


def _own_word(registry: Any, actor_id: str | None, event_type: str) -> str:
    """The basis of an act its doer tells of itself: a claim, but for a state's arrest,
    designation or foiled plot, which is its office ("police said they arrested")."""
    if event_type != "airstrike" and event_type in STATE_TYPES:
        if registry is None or _kind(registry, actor_id) in STATE_KINDS:
            return "attributed"
    return "claimed"


def _national_strike(span: Any, registry: Any) -> Any:
    """The armed forces of the country whose adjective or name qualifies a strike ("Pakistani
    airstrikes", "a US drone strike", "Egyptian warplanes"), if the registry has them."""
    nouns = triggers().strike_nouns
    for tok in span:
        if tok.lower_ not in nouns:
            continue
        for child in tok.children:
            cc = country_code(child.text) if child.dep_ in ("amod", "compound") else None
            if cc is not None and _PARTNER_BEFORE.search(span.doc.text, span.start_char, child.idx):
                continue  # "an offensive ... with support from AU troops and US air strikes"
            if cc is not None:
                adjectives = demonyms().get(cc, ())
                actor = _country_force(registry, adjectives, ("armed forces", "military"))
                if actor is not None:
                    return actor
    return None


def _doer_token(tok: Any, trig: Any, attribution: re.Pattern[str]) -> bool:
    """The token is the subject of an attack word or the agent ("by X") of one."""
    if tok.dep_ == "nsubj":
        return _is_attack_word(tok.head, trig, attribution)
    if tok.dep_ == "pobj" and tok.head.lower_ == "by":
        return _is_attack_word(tok.head.head, trig, attribution)
    return False


def _generic_noun(tok: Any) -> str | None:
    if tok.lower_ == "forces" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "security":
        return "security forces"
    return tok.lower_ if tok.lower_ in _GENERIC_AGENTS and tok.pos_ in ("NOUN", "PROPN") else None


def _country_force(registry: Any, adjectives: Sequence[str], nouns: Sequence[str]) -> Any:
    for noun in nouns:
        for adjective in adjectives:
            actor = registry.lookup(f"{adjective} {noun}")
            if actor is not None and actor.kind in STATE_KINDS:
                return actor
    return None


# the kinds of state actor that do not openly bomb or storm: named as doers by someone, accused
_BLAMED_STATE = frozenset({"government", "intelligence_agency"})
# "agents of Indian intelligence", "the Afghan government": a demonym and the state's arm it names
_STATE_NOUN = re.compile(
    r"\s+(" + "|".join(k for k in _GENERIC_AGENTS if " " not in k) + r")\b", re.I
)
# ... after other demonyms sharing the noun: "accused Indian and Afghan intelligence agencies"
_LISTED_STATE_NOUN = re.compile(
    r"(?:(?:\s*,\s*|\s+(?:and|or)\s+)(?-i:[A-Z])[\w'-]+){1,3}" + _STATE_NOUN.pattern, re.I
)


def state_mentions(
    text: str,
    sentences: Sequence[tuple[int, int]],
    places: Sequence[Any],
    mentions: Sequence[Mention],
    registry: Any,
    where: tuple[str, int],
    doc: Any | None = None,
) -> list[Mention]:
    """Governments named by their country ("said India and Afghanistan bore responsibility"),
    their seat speaking ("New Delhi rejected the accusation") or a demonym and a state noun
    ("agents of Indian intelligence") where their sentence blames, suspects or clears them;
    ``places`` are the text's place mentions, ``where`` the (document id, article index)."""
    if registry is None:
        return []
    trig = triggers()
    capitals = {cc: city.name for cc, city in load_gazetteer().capitals.items()}
    taken = [(m.evidence.start, m.evidence.end) for m in mentions]
    out: list[Mention] = []
    for p in places:
        a, b, nouns = p.start, p.end, ("government",)
        if p.role == "demonym":
            noun = _STATE_NOUN.match(text, b)
            found = noun or _LISTED_STATE_NOUN.match(text, b)
            if found is None:
                continue
            nouns = (*_GENERIC_AGENTS[found.group(1).lower()], "government")
            if noun is not None:  # (a demonym of a list stays alone: the next is its own mention)
                b = noun.end()
        elif p.role == "speaker":
            if p.precision != "country" and p.place != capitals.get(p.country):
                continue  # a seat of government speaking, not any town
        elif (
            p.role not in ("body", "accused")  # ("accused India of": no scene, but blamed)
            or p.precision != "country"
            or _where_it_is(doc, a)
        ):
            continue
        k = _sentence_of(sentences, a)
        if k < 0 or any(s < b and a < e for s, e in taken):
            continue
        actor = _country_force(registry, demonyms().get(p.country, ()), nouns)
        if actor is None:
            continue
        s, e = sentences[k]
        left, right = text[s:a], text[b:e]
        basis, _ = _basis(left, right, None, False, trig, trig.attribution)
        if basis in ("accused", "suspected", "denied") or (
            basis == "attributed" and _named_doer(left, right, trig.attribution)
        ):
            ev = Evidence(where[0], where[1], a, b, text[a:b])
            out.append(Mention(ev, actor.id, actor.name, STATE))
    return out


def _named_doer(left: str, right: str, attribution: re.Pattern[str]) -> bool:
    """The state is named as the doer by an attribution word within a few words after it ("India
    and Afghanistan bore responsibility", "is involved in the attack") or before "by" just before
    it ("carried out by agents of X"); the looser doer readings (an attack word somewhere after
    it) do not blame a state."""
    lwords = _words(left)
    tail = lwords[-4:]  # "by agents of the X"
    if "by" in tail:
        k = len(lwords) - len(tail) + tail.index("by")
        return bool(attribution.search(" ".join(lwords[max(0, k - 3) : k])))
    return bool(attribution.search(" ".join(_words(right)[:6])))


def _where_it_is(doc: Any | None, start: int) -> bool:
    """The country named at ``start`` is where something is ("near Oicha, Congo", "in Iraq"),
    by the parse: an apposition, or the object of a preposition other than "by"."""
    if doc is None:
        return False
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = _np_top(span[0])
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("appos", "npadvmod") or (tok.dep_ == "pobj" and tok.head.lower_ != "by")


def _state_agents(perps: list[Perpetrator], event_type: str, registry: Any) -> list[Perpetrator]:
    """In a mixed-type event, state actors stay only as plain agents ("the Congolese military,
    which launched a major offensive"; "the assassination of Soleimani by the US") and only when
    no armed group is among the perpetrators."""
    if event_type not in MIXED_TYPES or registry is None:
        return perps
    state = [p for p in perps if _kind(registry, p.actor_id) in STATE_KINDS]
    if not state:
        return perps
    armed = [p for p in perps if p not in state]
    if armed:
        return armed
    return [p for p in state if p.basis == "attributed"]


def _kind(registry: Any, actor_id: str | None) -> str | None:
    actor = registry.get(actor_id) if actor_id else None
    return actor.kind if actor is not None else None


def _admissions(
    text: str, sentences: Sequence[tuple[int, int]], claims: Sequence[Claim], registry: Any
) -> list[Perpetrator]:
    """Claims by an armed group's own speaker (the claims step names the speaker's actor) that
    own the attack: "said only militiamen had been killed", "said its fighters attacked"."""
    out: list[Perpetrator] = []
    for c in claims:
        if c.stance != "asserts" or not c.speaker_actor_id:
            continue
        span = next(((s, e) for s, e in sentences if s <= c.evidence.start < e), None)
        if span is None:
            continue
        actor = registry.get(c.speaker_actor_id) if registry is not None else None
        if registry is not None and (actor is None or actor.kind not in ARMED_KINDS):
            continue
        # the speaker's own clause: "IS says spokesman killed; US says it targeted him"
        words = c.evidence.text
        own = [part for part in _CLAUSE_END.split(words) if c.speaker and c.speaker in part]
        if not _admits(own[0] if own else words):
            continue
        name = actor.name if actor is not None else (c.speaker or c.speaker_actor_id)
        s, e = span
        ev = Evidence(c.evidence.document_id, c.evidence.article_index, s, e, text[s:e])
        out.append(Perpetrator(c.speaker_actor_id, name, "claimed", name, evidence=ev))
    return out


def _admits(words: str) -> bool:
    if _ONLY_KILLED.search(words):
        return True
    hit = _self_doer().search(words)
    if hit is None or hit.group().lower().startswith(("they", "their")):
        return False  # "they killed civilians": the speaker may mean the other side
    return not _NEGATED.search(words[: hit.end()])


def _resolve(
    m: Mention, registry: Any | None, event_type: str, blamed: bool = False
) -> tuple[str | None, str, bool]:
    """(actor id, name, reported through the group's media) or (None, ...) to ignore. A state
    actor a source blames for an attack stays ("blamed India's spy agency for the attack")."""
    if registry is None:
        return m.actor_id, m.name, False
    actor = registry.get(m.actor_id)
    if actor is None:
        return m.actor_id, m.name, False
    wanted = STATE_KINDS if event_type in STATE_TYPES else ARMED_KINDS
    if event_type in MIXED_TYPES:
        wanted = ARMED_KINDS | STATE_KINDS
    if actor.kind == "media" and actor.parent and event_type not in STATE_TYPES:
        parent = registry.get(actor.parent)
        if parent is not None and parent.kind in ARMED_KINDS:
            return parent.id, parent.name, True
    if blamed and event_type not in STATE_TYPES and actor.kind in STATE_KINDS:
        wanted = wanted | STATE_KINDS
    if actor.kind in wanted or (
        actor.kind not in ARMED_KINDS | STATE_KINDS | {"media"} and event_type == "other"
    ):
        return actor.id, actor.name, False
    return None, m.name, False


# what a denial denies when it is others' part in the deed, not the group's own
_OTHERS_PART = re.compile(
    r"\s*(?:that\s+)?(?:any|all|the)?\s*(?:other\b|(?:\w+\s+){0,2}?(?:participation|"
    r"involvement|role|presence)\s+(?:of|by)\s+(?!its\b|their\b|it\b|them\b))",
    re.I,
)


# a speech verb right before a group's possessive pronoun: "had said its fighters", "said that
# their men"
_SAID_RIGHT_BEFORE = re.compile(
    r"\b(?:said|says|claimed|claims|stated|announced|insisted|boasted)\s+(?:that\s+)?$", re.I
)


# "Suspicion fell on X (and on Y)": the group a suspicion or the blame settles on (matched at the
# end of the text before the group's name)
_FELL_ON = re.compile(
    r"\b(suspicions?|blame)\s+(?:\w+\s+)?(?:fell|falls|fallen|fall|rests|rested|lies|lay)\s+"
    r"(?:squarely\s+|immediately\s+|quickly\s+)?(?:on|upon)\s+"
    r"(?:[^.;:]{1,80}?\s+(?:and|or)\s+(?:(?:on|upon)\s+)?)?$",
    re.I,
)
_OTHER_CLAUSE = re.compile(r"[;:]|\b(?:but|while|whereas)\b", re.I)
# "claimed by the Group for the Support of Islam and Muslims (": the abbreviation that follows
# a claimant's full name is that claimant
_CLAIMED_BY_NAME = re.compile(r"\bclaimed\s+by\s+[^.;,()]{1,80}\(\s*$", re.I)


class _Outlets(NamedTuple):
    after_name: re.Pattern[str]  # what follows a group's name: "'s Telegram channel"
    its: re.Pattern[str]  # "(one of) its channels", standing for the group named before


@cache
def _outlets() -> _Outlets:
    """A group's own outlets (triggers.yaml ``outlets``) named after it or by "its"."""
    outlet = rf"(?:official\s+|own\s+)?(?:[\w-]+\s+){{0,2}}?(?:{triggers().outlets})\b"
    return _Outlets(
        re.compile(rf"['’]s?\s+{outlet}", re.I),
        re.compile(rf"\b(?:one\s+of\s+)?its\s+{outlet}", re.I),
    )


def _claim_follows(right: str, trig: Any) -> bool:
    """A claim phrase follows in the clause, with no negation or denial before it ("... had
    claimed responsibility", not "... has not claimed" or "... denied that it claimed")."""
    hit = trig.claim.search(right)
    if hit is None:
        return False
    lead = right[: hit.start()]
    return not (
        re.search(r"\b(?:not|no|never|yet\s+to|n't)\b", lead, re.I)
        or trig.deny.search(lead)
        or set(_words(lead.lower())) & _CLAUSE_BREAK
        or re.search(r"[;.]", lead)
    )


def _claimer_between(
    m: Mention, inside: Sequence[Mention], sentence: str, s_start: int, trig: Any
) -> bool:
    """Another group is named between ``m`` and the first claim after it, as the claim's
    subject ("ADF cell as Islamic State claims"), not in a description ("X, an IS affiliate,
    claimed")."""
    hit = trig.claim.search(sentence, m.evidence.end - s_start)
    if hit is None:
        return False
    end = s_start + hit.start()
    return any(
        o.actor_id != m.actor_id
        and m.evidence.end <= o.evidence.start < end
        # (not a description, "X, an IS affiliate, claimed", nor a joint claim, "X and Y claim")
        and not re.search(
            r"[,(]|^\s*(?:and|&)\s", sentence[m.evidence.end - s_start : o.evidence.start - s_start]
        )
        and re.fullmatch(r"\s*(?:\w+\s+)?", sentence[o.evidence.end - s_start : hit.start()])
        for o in inside
    )


def _basis(
    left: str,
    right: str,
    claim_hit: re.Match[str] | None,
    via_media: bool,
    trig: Any,
    attribution: re.Pattern[str],
) -> tuple[str | None, bool]:
    aside = _ASIDE.match(right)
    if aside and not trig.claim.search(aside.group("aside")):
        # "The Al-Mourabitoun group, led at the time by Mokhtar Belmokhtar, later claimed": the
        # group's description set off by commas stands between it and its claim (only a claim:
        # "al-Shabab, which is allied with al-Qaida, often carries out attacks" stays unread)
        rest = right[aside.end() :]
        rest_words = " ".join(_words(_OTHER_CLAUSE.split(rest, maxsplit=1)[0])[:10])
        if (
            trig.claim.search(rest_words)
            or trig.deny.search(" ".join(rest_words.split()[:8]))
            # "the Saif brigade, a group hiding in the mountains, was behind the attack"
            or _BEHIND.match(rest)
        ):
            # ... or its denial ("The BLA, which has carried out most attacks in the province,
            # distanced itself from the bombing": what the aside says it did is no doer's read)
            right = aside.group("head") + rest
    lwords = _words(left)
    rwords = _words(right)
    near_left = " ".join(lwords[-4:])
    near_right = " ".join(rwords[:10])
    # a denial in the clause after the name, not in the next one ("IS claims blast; BIFF denies")
    own_clause = _words(_OTHER_CLAUSE.split(right, maxsplit=1)[0])
    denial = trig.deny.search(" ".join(own_clause[:8]))
    # (not "dismissed assertions that the attack was carried out jointly with X": a denial of
    # the partnership only)
    denied_words = " ".join(own_clause)[denial.end() :][:160] if denial is not None else ""
    denied = (
        denial is not None
        and not trig.joint.search(denied_words)
        # (nor of others' part: "denied that any other group took part", "denied all
        # participation of the jihadists")
        and not _OTHERS_PART.match(denied_words)
    ) or _says_denial(right)
    if (fell := _FELL_ON.search(left[-160:])) is not None:
        # "Suspicion fell on Boko Haram and on ISWAP", "blame fell on the ADF"
        return ("suspected" if fell.group(1).lower().startswith("suspicion") else "accused"), denied
    if blamed := _BLAMED_IN_RELATIVE.match(right):
        # "dissolved the Koglweogo militia, which officials accused of killing 40 villagers":
        # whatever the main clause does to the group, the relative clause blames it
        verb = blamed.group("v").lower()
        return ("suspected" if verb.startswith("suspect") else "accused"), denied
    joint = _joint_before().search(left, max(0, len(left) - 80))
    if joint and not trig.deny.search(" ".join(lwords[-25:])):
        # "claimed responsibility, saying it was carried out jointly with Lashkar-e-Islam": the
        # partner named beside the doer, by the claimant's word (not "dismissed assertions that
        # the attack was carried out jointly with X"); "AQIM claimed the attack together with
        # al-Mourabitoun": a claim the two made
        claimed = _CLAIMED_THEN.search(left, 0, joint.start())
        return ("claimed" if claimed else "attributed"), denied
    if lwords and lwords[-1] in _BLOCK_BEFORE:
        return None, False
    if _PARTNER_BEFORE.search(left):
        return None, False  # "at the request of the Federal Government of Somalia, AFRICOM ..."
    if set(rwords[:3]) & _SPLINTER_WORDS:
        # "a Taliban splinter group": another group, named after this one (the parse, which may
        # make "Taliban" what "points to" blames, must not overrule it either)
        return "none", False
    if rwords[:1] == ["responsible"] and set(lwords[-2:]) & {"held", "holds", "holding", "hold"}:
        return "accused", False  # "has held a Taliban splinter group responsible for"
    if _RESPONSIBLE.match(right):
        return (
            "attributed",
            False,
        )  # "that 'Fateh Zwak', the Taliban's new splinter, was responsible"
    if _NEGATED_CLAIM.search(" ".join(rwords[:8])):
        return "none", False
    if _CLAIM_THAT_NOT.match(" ".join(rwords[:10])):
        return "denied", True
    if _ADMISSION.search(" ".join(lwords[-4:]) + " ") and _DID.match(" ".join(rwords[:4])):
        return "claimed", False  # "the spokesman acknowledged that the Taliban had attacked"
    if denied:
        return "denied", True
    if rwords in (["claims"], ["claimed"]):
        return "claimed", False  # a headline "..., Islamic State claims"
    if via_media and not _MARTYRED.search(right):
        return "claimed", denied
    if claim_hit is not None:
        by = (
            re.search(
                r"\b(?:claimed|claim(?:ed)?\s+of\s+responsibility)\s+(?:\w+\s+){0,4}?by\s+"
                r"(?:[\w-]+\s+){0,3}$",  # "claimed by the al-Qaeda-linked ..."
                " ".join(lwords[-10:]) + " ",
            )
            or _CLAIMED_BY_NAME.search(left)
        )
        if by or trig.claim.search(near_right):
            # what stands between the name and a claim after it ("X ... claimed"); none when
            # the claim came before ("claimed by X, began ... when gunmen stormed")
            lead = "" if by else near_right.split("claim")[0]
            negated = re.search(r"\b(?:not|no|never|yet to)\b", lead)
            other = set(lead.split()) & _CLAUSE_BREAK  # "Taliban deniability whereas IS ... claim"
            if not trig.deny.search(" ".join(rwords[:4])) and not negated and not other:
                return "claimed", denied
    if (
        claim_hit is not None
        and re.search(r"\bclaim(?:ed|s)?\b", " ".join(lwords[-4:]))
        and "responsibility" in lwords[:-4]
        and not trig.claim.search(near_right)
    ):
        return "claimed", denied  # "Responsibility for the attack claimed the branch IS"
    accusing = list(trig.accuse.finditer(" ".join(lwords[-5:])))
    if (
        accusing
        and not re.search(r"\b(?:was|were|is|are)\s+(?:\w+\s+)?$", " ".join(lwords[-3:]) + " ")
        # "X, which officials accused of links to al-Qaeda": what X is tied to is not accused
        and not set(" ".join(lwords[-5:])[accusing[-1].end() :].split()) & trig.link_words
    ):
        return "accused", denied
    if (
        trig.suspect.search(near_left)
        or _SUSPECTED_AFTER.match(right)
        or _belief_that().search(left[-80:])
    ):
        return "suspected", denied
    # "The ADF, which has pledged allegiance to Islamic State, was also blamed for ..."
    main = _words(_RELATIVE_AFTER.sub(" ", right, count=1))
    if re.match(
        r"^(?:was|were|is|are|has been|have been)\s+(?:\w+\s+)?(?:blamed|accused)",
        " ".join(main[:4]),
    ):
        return "accused", denied
    if _HANDED_TO.search(left[-60:]):
        # "a local gang that later handed her over to Ansarul Islam": the group that came to
        # hold the captives, suspected as the report's suspicion is
        return ("suspected" if trig.suspect.search(left) else "attributed"), denied
    if _agent(lwords, rwords, attribution, trig):
        return "attributed", denied
    return None, False


# captives passed on to a group: "handed her over to", "sold the hostages to" (matched on the
# text before the group's name)
_HANDED_TO = re.compile(
    r"\b(?:handed|handing|sold|selling|passed|passing|transferred|delivered)\s+"
    r"(?:(?:him|her|them|the\s+\w+|some\s+of\s+them)\s+)?(?:over\s+|on\s+)?to\s+(?:the\s+)?$",
    re.I,
)


# A group named in what describes the target keeps it, whoever attacked: "the prison, which is
# under the control of the SDF", "a checkpoint manned by the Taliban", "a prison that the SDF
# runs", "attacked an SDF-held prison" (not "fighters under the command of X", who are its men).
_KEEPER_BEFORE = re.compile(
    r"\b(?:under\s+(?:the\s+)?(?:\w+\s+)?control\s+of|(?:controlled|run|guarded|manned|"
    r"administered|occupied|ruled|protected|defended|secured)\s+by)\s+(?:the\s+)?$",
    re.I,
)
# ... or holds it ("a town held by the Taliban", "in the hands of"); but a hostage "held by JNIM"
# is in the hands of its kidnappers
_HOLDER_BEFORE = re.compile(
    r"\b(?:held\s+by|in\s+(?:the\s+)?(?:hands|custody)\s+of)\s+(?:the\s+)?$", re.I
)
_CAPTIVITY = re.compile(
    r"\b(?:kidnap\w*|abduct\w*|hostages?|captives?|captors?|captivity|ransom)\b", re.I
)
_KEEPER_RELATIVE = re.compile(r"\b(?:which|that|where)\s+(?:the\s+)?$", re.I)
_KEEPER_VERB = re.compile(
    r"^\W*(?:forces\s+|fighters\s+|militants\s+)?(?:controls?|controlled|holds?|held|runs?|"
    r"ran|guards?|guarded|mans|manned|administers|administered|occupies|occupied)\b",
    re.I,
)
_KEEPER_HYPHEN = re.compile(
    r"^\s*[-‐‑–]\s*(?:controlled|held|run|guarded|manned|administered|occupied|ruled)\b", re.I
)


def _keeper(left: str, right: str, trig: Any, sentence: str) -> bool:
    """The group is named as the keeper of the attack's target (see :data:`_KEEPER_BEFORE`): after
    "under the control of", "run by" ..., or "held by" unless the sentence tells of captives; as
    the subject of "which ... controls"; or in "an SDF-held prison" after the attack word (before
    it, "IS-held areas" may be whence the attackers came)."""
    clause = " ".join(_words(left)[-8:]) + " "
    if _KEEPER_BEFORE.search(clause):
        return True
    if _HOLDER_BEFORE.search(clause) and not _CAPTIVITY.search(sentence):
        return True
    if _KEEPER_RELATIVE.search(clause) and _KEEPER_VERB.match(right):
        return True
    return bool(
        _KEEPER_HYPHEN.match(right) and trig.regex.search(left) and not _CAPTIVITY.search(sentence)
    )


# What may stand between a group's name and its verb: the rest of a parenthesis, its abbreviation
# ("Islamic State in the Greater Sahara (ISGS)"), and an aside between commas (", which is active
# in the area,")
_ABBREVIATION = r"\s*\)?\s*(?:\([^()]{1,20}\)\s*)?"
_ASIDE = r",[^,.;]{0,120},"
# "The ADF, which has pledged allegiance to Islamic State, was also blamed for ..."
_RELATIVE_AFTER = re.compile(rf"^{_ABBREVIATION}(?=,\s*(?:which|who)\b){_ASIDE}")
# "X, which officials accused of killing ...", "X, whom police suspect of carrying out the
# attack", "X, which has been blamed for the bombing": the relative clause blames the group for a
# deed (not "which accused the army of killing": then the group blames; nor "accused of links")
_BLAMED_IN_RELATIVE = re.compile(
    rf"^{_ABBREVIATION},\s*(?:which|who|whom|that)\s+(?:[\w'’-]+\s+){{1,4}}?"
    r"(?P<v>accused|accuses|accuse|blamed|blames|blame|suspected|suspects|suspect)\s+"
    r"(?:of|for)\s+(?:[\w'’-]+\s+){0,3}?(?:kill|attack|massacr|bomb|abduct|kidnap|murder|"
    r"slaughter|carry|carried|carrying|raid|ambush|shoot|blast|stag|perpetrat|the\s+(?:attack|"
    r"bombing|massacre|killing|raid|ambush|abduction|kidnapping))",
    re.I,
)
# its news agency telling of its own man's death ("Amaq said Adnani was martyred") claims nothing
_MARTYRED = re.compile(r"\b(?:was|were|been|is|are)\s+(?:\w+\s+)?[\"“‘']?martyred\b", re.I)
# "the Islamic State group, which has attacked mosques before, is suspected", "the local Abu
# Sayyaf group is the main suspect"
_SUSPECTED_AFTER = re.compile(
    rf"{_ABBREVIATION}(?:group|militants|fighters)?\s*(?:{_ASIDE}\s*)?(?:is|was|are|were)\s+"
    r"(?:(?:\w+\s+)?suspected\b(?!\s+of\s+being\s+(?:a\s+)?(?:target|victim))"
    r"|(?:the\s+|a\s+)?(?:main|prime|chief|principal|key|leading|top|likely|likeliest)\s+"
    r"suspects?\b)",
    re.I,
)


# the group named in what a source suspects or believes: "Police suspect that fighters of the
# ELN had planted the mine" (triggers.yaml belief_verbs, then "that" and a few words)
@cache
def _belief_that() -> re.Pattern[str]:
    verbs = "|".join(sorted(triggers().belief_verbs, key=len, reverse=True))
    return re.compile(rf"\b(?:{verbs})\s+that\s+(?:[\w'’-]+\s+){{0,4}}$", re.I)


# a clause ends at a semicolon or a line break: "IS says spokesman killed; US says it targeted him"
_CLAUSE_END = re.compile(r"[;\n]")
# a claim right before a partner: "AQIM claimed the attack together with al-Mourabitoun"
_CLAIMED_THEN = re.compile(r"\bclaim\w*\s+(?:[\w'’-]+\s+){0,4}$", re.I)


# the partner of a deed named right before the group: "carried out jointly with", "together
# with" (triggers.yaml joint_patterns)
@cache
def _joint_before() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:{triggers().joint_with})\s+(?:the\s+)?(?:banned\s+|outlawed\s+)?$", re.I
    )


# a description after a group's name, set off by commas: ", led at the time by X,", ", a
# Sahel branch of al-Qaeda,", ", which split from AQIM in 2013,"
_ASIDE = re.compile(
    r"(?P<head>\s*(?:[\w-]+)?),\s*(?P<aside>(?:led|founded|headed|commanded|run|created|"
    r"formed|based|set\s+up|backed|funded|linked|allied|affiliated|loyal|a|an|the|which|who|whose|"
    r"also|once|now|then|long)\b[^,;:.()]{0,120}),\s*",
    re.I,
)
# who lists or labels a group ("designated a terrorist group by Turkey, the United States and
# the European Union", "banned by the government"): no doer of the event told
_LISTED_BY = re.compile(
    r"\b(?:designated|listed|proscribed|banned|outlawed|blacklisted|labell?ed|branded|considered|"
    r"regarded)\b[^.;:()]{0,80}?\bby\s+(?:the\s+)?(?:[\w.'’-]+(?:\s+[\w.'’-]+){0,3}?,?\s+"
    r"(?:and\s+)?(?:the\s+)?){0,4}$",
    re.I,
)


def _hedged(left: str, right: str) -> bool:
    """A hedge in the mention's own clause: in the words before it back to the clause's start
    (at most 12), or among the four after it ("X probably carried out")."""
    clause = re.split(r"[.;:!?\u201c\u201d\"]|\b(?:but|while|whereas|and)\b", left)[-1]
    before = " ".join(_words(clause)[-12:])
    hedge = triggers().hedge
    return bool(hedge.search(before) or hedge.search(" ".join(_words(right)[:4])))


# The deed told is the group's earlier ones: "has attacked the neighborhood before", "has often
# targeted", "has carried out similar attacks" (not "attacked the camp before dawn").
_BEFORE = re.compile(
    r"\b(?:before|previously|in\s+the\s+past)\s*(?:[.,;:!?]|$)|"
    r"\b(?:has|have|had)\s+(?:repeatedly|previously|often|frequently|regularly)\b|"
    r"\b(?:similar|such|previous|past|earlier)\s+(?:attacks|bombings|assaults|killings)\b|"
    r"\bhistory\s+of\b",
    re.I,
)


def _done_before(right: str) -> bool:
    """The words after the group, to the end of its clause, tell of what it did before."""
    clause = re.split(r"[;:!?]|\.(?:\s|$)|\b(?:but|while|whereas)\b", right)[0]
    return bool(_BEFORE.search(clause.rstrip() + "."))  # (the clause's end ends "before")


_GLOSS_LEFT = re.compile(r",\s*(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}$", re.I)


def _glossing(m: Mention, inside: list[Mention], left: str) -> bool:
    """The mention stands in a description set off after another group's name ("the X brigade,
    an al Qaeda-linked group")."""
    gloss = _GLOSS_LEFT.search(left)
    if gloss is None:
        return False
    at = m.evidence.start - (len(left) - gloss.start())  # where the comma is in the text
    return any(0 <= at - o.evidence.end <= 30 for o in inside if o is not m)


_TIED = re.compile(r"\s*[-‐‑–]\s*([a-z]+)\b", re.I)  # "al Qaeda-linked", "IS-inspired"
_BEHIND = re.compile(r"(?:was|were|is|are)\s+(?:\w+\s+)?(?:behind|responsible\s+for)\b", re.I)
_SPLINTER_WORDS = frozenset("splinter breakaway offshoot splinters offshoots".split())
# "X was responsible", also across a quote mark and an appositive ("X, the group's new wing, was").
_RESPONSIBLE = re.compile(
    r"^[\W_]*(?:,[^,.;]{1,60},\s*)?(?:was|were|is|are)\s+(?:\w+\s+)?responsible\b(?!\s+for\s+"
    r"(?:the\s+)?(?:security|protecting|safety|protection|guarding|the\s+safety))",
    re.I,
)
# A splinter named by its description: "a Taliban splinter group", "the Taliban's new splinter".
_SPLINTER_NP = re.compile(
    r"\b(?:a|an|the)\s+(?:new\s+)?(?P<group>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}?)(?:['’]s)?\s+"
    r"(?:new\s+|little-known\s+)?(?:splinter|breakaway|offshoot)(?:\s+(?:group|faction|outfit|"
    r"cell|wing))?\b"
)


def _agent(lwords: list[str], rwords: list[str], attribution: re.Pattern[str], trig: Any) -> bool:
    """The mention is the doer of an attack word in its sentence."""
    if rwords[:1] and rwords[0] in _OFFICE_NOUNS:
        return False  # "Taliban governor killed": the group's official is the victim
    near = [w for w in lwords[-4:] if w != "the"]
    if len(near) >= 2 and near[-1] in ("from", "of") and near[-2] in _DOERS:
        return True  # "the attackers, from the Allied Democratic Forces (ADF), ..."
    if _DOERS_OF_PART.search(" ".join(lwords[-7:])):
        return True  # "gunmen from a faction of the Gulf Cartel"
    if lwords[-3:] and "by" in lwords[-3:] and not trig.telling_by.search(" ".join(lwords) + " "):
        # (not "the toll announced by X": who told a figure)
        before_by = " ".join(lwords[: len(lwords) - 3 + lwords[-3:].index("by")])
        if trig.regex.search(before_by) or attribution.search(before_by):
            return True
    window = rwords[:14]
    if trig.joint.match(" ".join(rwords[:4])):
        # "X teamed up with the PMF, a mostly Shia paramilitary group, to launch operations":
        # the partner's words stand between the doer and the deed
        window = rwords[:24]
    text = " ".join(window)
    if attribution.search(" ".join(window[:8])):
        return True
    # the lexicon's words, and its patterns ("seized twenty people") at their trigger word
    starts = [m.start() for m in trig.regex.finditer(text)]
    starts += [m.start("t") for _, _, pattern in trig.patterns for m in pattern.finditer(text)]
    for start in sorted(starts):
        before = text[:start].split()
        if before[:1] and before[0] in _REPORTING:
            return False  # "Islamic State says spokesman Adnani killed": a speaker
        if set(before) & _BE:
            return False  # "X prisoners who had been killed", "X is officially designated"
        if any(w in {".", ";"} or w in _CLAUSE_BREAK for w in before):
            return False  # "IS is present there, after a group of militants killed 52"
        if "that" in before[:-1] or {"believe", "believes", "think", "thinks"} & set(before):
            return False  # "X want you to believe that this attack was carried out by Y"
        if trig.yielded.search(" ".join(before)):
            return False  # "YPG fighters abandoned the town in the face of an offensive"
        blames = [k for k, w in enumerate(before) if w in trig.blame_verbs]
        if blames and before[blames[0] + 1 : blames[0] + 2] not in (["for"], ["of"], ["on"]):
            return False  # "X, which accused the army of killing 40": X blames another
        return True
    rest = " ".join(rwords)
    return (
        bool(window[:1])
        and window[0] in _AGENT_NOUNS
        and bool(trig.regex.search(rest) or attribution.search(rest))
    )


# the doers named as men of a part of the group: "gunmen from a faction of (the)", "attackers
# from a local cell of"
_DOERS_OF_PART = re.compile(
    rf"\b(?:{'|'.join(sorted(_DOERS))})\s+(?:from|of)\s+(?:a|an|the|one)\s+(?:[\w'-]+\s+)?"
    r"(?:faction|wing|cell|branch|unit|splinter\s+group)\s+of(?:\s+the)?$"
)


_HOPS = frozenset({"compound", "pobj", "prep", "appos", "amod", "nmod", "poss", "npadvmod"})
_AGENT_PREPS = frozenset({"of", "from", "with", "to"})  # "rebels of/from X", "linked to X"


def _attacked(span: Any, trig: Any, attribution: re.Pattern[str]) -> bool:
    """The parse makes the group (the owner of) the direct object of an attack word: the
    target ("attacked the SDF", "ambushed a Taliban convoy"), whatever doer a word after it
    seems to name."""
    top = _np_top(_span_head(span))
    return top.dep_ in ("dobj", "obj") and _is_attack_word(top.head, trig, attribution)


def _self_claim(span: Any) -> bool:
    """The group is the subject of a speech verb whose words make its own men the doers: "Al-
    Shabaab, the al-Qaeda-linked group, said in a statement that its fighters had carried out the
    bombings"; "A statement the Islamic State released said soldiers of the caliphate launched
    ..." (not "its fighters were killed by", not "it was not involved")."""
    doc = span.doc
    for tok in span.root.ancestors:
        if tok.lower_ not in _SPEECH:
            continue
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not any(c.left_edge.i <= span.start and span.end - 1 <= c.right_edge.i for c in subj):
            return False
        if _in_other_clause(span.root, tok):
            # "ISWAP, which split from Boko Haram in 2016, claimed ...": not the speaker
            return False
        return _owns(doc.text[tok.idx : min(tok.sent.end_char, tok.idx + 220)])
    return False


_SPEECH_WORD = re.compile(r"\b(?:" + "|".join(_SPEECH) + r")\b", re.I)
# A speech verb right after the group's name (an aside may stand between): "IS said on Amaq
# that ...", read on the words where the parse misses the speaker ("IS" taken for the verb).
_SPEAKS_AFTER = re.compile(
    r"^\W*(?:,[^,.;]{1,80},\s*)?(?:has\s+|had\s+|have\s+)?(?:also\s+|later\s+|then\s+)?"
    r"(?:" + "|".join(_SPEECH) + r")\b",
    re.I,
)


@cache
def _denial_said() -> re.Pattern[str]:
    """What follows a group's name when it says it had no part: "said in a statement that it
    had nothing to do with the attack", "says it was not involved"."""
    return re.compile(
        _SPEAKS_AFTER.pattern + r"[^.;:]{0,60}?\b(?:it|they|we|the\s+group)\s+(?:\w+\s+){0,2}?"
        rf"(?:{triggers().deny.pattern})",
        re.I,
    )


def _says_denial(right: str) -> bool:
    return _denial_said().match(_CLAUSE_END.split(right)[0]) is not None


def _says_own_deed(right: str) -> bool:
    """The words after the group's name are its word making its men the doers (:func:`_owns`)."""
    said = _SPEAKS_AFTER.match(right)
    return said is not None and _owns(right[said.start() :])


def _owns(after: str) -> bool:
    """``after`` (from the speech verb on) makes the speaker's men the doers in its own clause,
    with no negation before ("said its fighters had carried out", not "its fighters were killed
    by", not "said it was not involved")."""
    after = _CLAUSE_END.split(after)[0]  # its own clause
    hit = _self_doer().search(after)
    if hit is None or _NEGATED.search(after[: hit.end()]):
        return False
    if hit.group("named"):
        return True  # "the bomber was one of its soldiers"
    passive = re.search(r"\b(?:was|were|is|are|been)\s+(?:\w+\s+)?(\w+)$", hit.group())
    return passive is None or passive.group(1).lower() in ("behind", "responsible")


def _in_other_clause(tok: Any, verb: Any) -> bool:
    """``tok`` reaches ``verb`` through a relative clause it is not the subject of ("which split
    from Boko Haram"), unlike "a statement the Islamic State released" or "a spokesman for X"."""
    path = [tok]
    while path[-1].i != verb.i and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    for i, t in enumerate(path):
        if t.dep_ == "relcl" and not (i > 0 and path[i - 1].dep_ in ("nsubj", "nsubjpass")):
            return True
    return False


def with_anaphors(
    text: str,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[Mention],
    registry: Any,
    doc: Any | None = None,
) -> list[Mention]:
    """The article's group mentions in text order with its descriptions resolved (:func:`anaphors`);
    the ally inside "the al-Qaeda-linked group" is dropped, as the phrase stands for another
    group."""
    described = anaphors(text, sentences, mentions, registry, doc)
    linked = [(m.evidence.start, m.evidence.end) for m in described if m.method == LINKED]
    kept = [m for m in mentions if not any(a <= m.evidence.start < b for a, b in linked)]
    # "claimed by the al-Qaeda-linked Group for the Support of Islam and Muslims": the ally
    # only describes the group named next
    starts = {m.evidence.start for m in kept}
    kept = [
        m
        for m in kept
        if not (
            (tie := _ALLY_OF_NEXT.match(text, m.evidence.end))
            and not starts.isdisjoint(range(tie.end(), tie.end() + 3))
        )
    ]
    return sorted([*kept, *described], key=lambda m: m.evidence.start)


# what follows an ally's name when it describes the group named next ("-linked ", "-backed ")
_ALLY_OF_NEXT = re.compile(rf"[\s-]*{_ALLY_TIE}{_GROUP_ADJECTIVE}", re.I)


def anaphors(
    text: str,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[Mention],
    registry: Any,
    doc: Any | None = None,
) -> list[Mention]:
    """Mentions for "the group", "the militants" ... in the sentences, resolved to the nearest
    armed group named before within a few sentences, the doer rather than its target when several
    are (:func:`_antecedent`; the actors step's own coreference mentions are already in
    ``mentions``; this covers the phrases it leaves). With the parse (``doc``), also "they" doing
    the deed after a sentence about one group (:func:`_pronoun_doers`)."""
    if not mentions:
        return []
    taken = [(m.evidence.start, m.evidence.end) for m in mentions]
    armed = [m for m in mentions if _is_armed(m, registry)]
    out: list[Mention] = []
    if doc is not None:
        out.extend(_pronoun_doers(doc, sentences, armed, taken))
    for s_start, s_end in sentences:
        for hit in _PRONOUN_SPEAKER.finditer(text[s_start:s_end]):
            a, b = s_start + hit.start(1), s_start + hit.end(1)
            ante = [m for m in mentions if a - 400 <= m.evidence.start < a]
            chosen = _antecedent(ante, sentences, doc) if ante else None
            if (
                chosen is not None
                and _is_armed(chosen, registry)
                and not any(s < b and a < e for s, e in taken)
            ):
                out.append(_anaphor(chosen, a, b, hit.group(1)))
        for hit in _SPLINTER_NP.finditer(text, s_start, s_end):
            actor = _described(hit.group("group"), mentions, (hit.start(), hit.end()))
            if actor is not None:
                out.append(_anaphor(actor, hit.start(), hit.end(), hit.group(), DESCRIPTION))
        for hit in _LINKED_NP.finditer(text, s_start, s_end):
            a, b = hit.span()
            ally = {m.actor_id for m in mentions if a <= m.evidence.start < b}
            before = [m for m in armed if a - 600 <= m.evidence.start < a]
            before = [m for m in before if m.actor_id not in ally]
            if ally and before:
                out.append(_anaphor(before[-1], a, b, hit.group(), LINKED))
        for hit in _ANAPHOR.finditer(text, s_start, s_end):
            a, b = hit.span()
            if any(s < b and a < e for s, e in taken):
                continue
            before = [m for m in armed if a - 600 <= m.evidence.start < a]
            if not before:
                continue
            out.append(_anaphor(_antecedent(before, sentences, doc), a, b, hit.group()))
        for hit in _outlets().its.finditer(text, s_start, s_end):
            a, b = hit.span()
            # "a message posted on one of its channels claimed ...": the armed group named
            # before, the doer of its sentence rather than an ally in an aside ("TRF, a proxy of
            # LeT, denied ..., days after a message on one of its channels had claimed"); a
            # platform named inside ("its Telegram channel") is no group of its own
            ante = [m for m in armed if a - 400 <= m.evidence.start < a]
            if ante and not any(a <= m.evidence.start < b for m in armed):
                owner = _subject_of_last(ante, sentences, doc) or _antecedent(ante, sentences, doc)
                out.append(_anaphor(owner, a, b, hit.group(), OUTLET))
        for hit in _ITS_MEN.finditer(text, s_start, s_end):
            a, b = hit.span()
            # "its" is the actor named last, of whatever kind ("the army said its gunmen ..." is
            # no group's), but not a plural state force ("since Kenyan troops crossed"); "the
            # group" resolved just before counts as named ("the group claimed ..., and its
            # gunmen killed")
            ante = sorted(
                (
                    m
                    for m in (*mentions, *out)
                    if a - 400 <= m.evidence.start < a
                    and (_is_armed(m, registry) or not m.evidence.text.rstrip().endswith("s"))
                ),
                key=lambda m: m.evidence.start,
            )
            if (
                ante
                and _is_armed(ante[-1], registry)
                and not any(s < b and a < e for s, e in taken)
            ):
                out.append(_anaphor(ante[-1], a, b, hit.group(), OWN_MEN))
    return out


def _antecedent(before: list[Mention], sentences: Sequence[tuple[int, int]], doc: Any) -> Mention:
    """Of the armed groups named before "the group" (nearest last), the one it stands for: the
    nearest, but when several groups are named, the one named as the doer in the last sentence
    naming any ("IS-K has targeted Taliban officials. ... an attack the group also claimed"),
    else the nearest not named as a target."""
    if len({m.actor_id for m in before}) < 2:
        return before[-1]
    roles = [_role(m, doc) for m in before]
    last = _sentence_of(sentences, before[-1].evidence.start)
    doers = [
        m
        for m, role in zip(before, roles, strict=True)
        if role == "doer" and _sentence_of(sentences, m.evidence.start) == last
    ]
    if doers:
        return doers[-1]
    kept = [m for m, role in zip(before, roles, strict=True) if role != "target"]
    return (kept or before)[-1]


def _subject_of_last(
    before: list[Mention], sentences: Sequence[tuple[int, int]], doc: Any
) -> Mention | None:
    """The group that is itself the subject in the last sentence naming any of ``before``
    (not one inside the subject's aside, "TRF, a proxy of LeT, denied ..."); None without a
    parse or such a group."""
    if doc is None:
        return None
    last = _sentence_of(sentences, before[-1].evidence.start)
    for m in reversed(before):
        span = _span_of(doc, m)
        if _sentence_of(sentences, m.evidence.start) != last or span is None or not len(span):
            continue
        if _span_head(span).dep_ in ("nsubj", "nsubjpass"):
            return m
    return None


def _sentence_of(sentences: Sequence[tuple[int, int]], offset: int) -> int:
    return next((k for k, (s, e) in enumerate(sentences) if s <= offset < e), -1)


def _role(m: Mention, doc: Any) -> str | None:
    """ "doer" when the parse makes the group the subject of its verb or the agent of a passive
    one; "target" when it makes it (the owner of) the object, the subject of a passive attack word
    or the object of a preposition other than "by", "of", "from" ("against X", "Taliban
    officials"); else None (nothing known, or no parse)."""
    span = _span_of(doc, m) if doc is not None else None
    if span is None or len(span) == 0:
        return None
    head = _span_head(span)
    if head.i + 1 < len(doc) and doc[head.i + 1].lower_ in _OFFICE_NOUNS:
        office = doc[head.i + 1]
        verb = office.head.lower_
        if office.dep_ == "nsubj" and (verb in _SPEECH or triggers().deny.fullmatch(verb)):
            return "doer"  # "BIFF spokesman Abu Misry said": the group speaks
        return "target"  # "Taliban officials", "an IS leader": the group's men named
    top = _np_top(head)
    if top.dep_ == "nsubj" or top.dep_ == "agent":
        return "doer"
    if top.dep_ == "pobj" and top.head.lower_ == "by":
        return "doer"
    if top.dep_ in _OBJECT or top.dep_ == "nsubjpass":
        return "target"
    if top.dep_ == "pobj" and top.head.lower_ not in _AGENT_PREPS:
        return "target"
    return None


def _pronoun_doers(
    doc: Any,
    sentences: Sequence[tuple[int, int]],
    armed: Sequence[Mention],
    taken: Sequence[tuple[int, int]],
) -> list[Mention]:
    """ "The ADF has killed thousands ... In November 2021 they attacked the village": "they",
    the subject of an attack word in a sentence's main clause and its first subject, stands for
    the one armed group the previous sentence named as its main subject, when that sentence and
    this one up to the pronoun name no other group as a subject."""
    trig = triggers()
    attribution = trig.attribution
    out: list[Mention] = []
    for k in range(1, len(sentences)):
        s_start, s_end = sentences[k]
        span = doc.char_span(s_start, s_end, alignment_mode="expand")
        if span is None:
            continue
        they = next(
            (t for t in span if t.dep_ in ("nsubj", "nsubjpass") or t.lower_ == "they"), None
        )
        if they is None or they.lower_ != "they" or they.dep_ != "nsubj":
            continue
        if they.head.dep_ != "ROOT" or not _is_attack_word(they.head, trig, attribution):
            continue
        a, b = they.idx, they.idx + len(they)
        if any(s < b and a < e for s, e in taken):
            continue
        if any(s_start <= m.evidence.start < a for m in armed):
            continue  # a group named before it in its own sentence
        p_start, p_end = sentences[k - 1]
        prev = [m for m in armed if p_start <= m.evidence.start < p_end]
        subjects = [m for m in prev if _main_subject(doc, m)]
        if len({m.actor_id for m in subjects}) != 1:
            continue
        if any(_role(m, doc) == "doer" for m in prev if m.actor_id != subjects[0].actor_id):
            continue  # another group does something in that sentence too
        out.append(_anaphor(subjects[0], a, b, they.text, PRONOUN))
    return out


def _main_subject(doc: Any, m: Mention) -> bool:
    """The group is (inside) the subject of its sentence's main verb."""
    span = _span_of(doc, m)
    if span is None or len(span) == 0:
        return False
    top = _np_top(_span_head(span))
    if any(c.dep_ == "conj" for c in top.children):
        return False  # "The ADF and the army clashed": "they" are both
    return top.dep_ == "nsubj" and top.head.dep_ == "ROOT"


def _ambiguous(m: Mention, mentions: Sequence[Mention], registry: Any, window: int = 600) -> bool:
    """More than one armed group named in the ``window`` characters before an anaphor."""
    start = m.evidence.start
    named = {
        x.actor_id
        for x in mentions
        if x.method != ANAPHOR
        and start - window <= x.evidence.start < start
        and _is_armed(x, registry)
    }
    return len(named) > 1


def _anaphor(ante: Mention, a: int, b: int, surface: str, method: str = ANAPHOR) -> Mention:
    ev = Evidence(ante.evidence.document_id, ante.evidence.article_index, a, b, surface)
    return Mention(ev, ante.actor_id, ante.name, method)


def _described(group: str, mentions: Sequence[Mention], span: tuple[int, int]) -> Mention | None:
    """The one actor of the article the actors step tied to a description of the same kind
    ("‘Fateh Zwak’, a new Taliban splinter group" / "a Taliban breakaway faction called X")."""
    key = group.lower()
    found = {
        m.actor_id: m
        for m in mentions
        if m.method not in ("alias", "ner", ANAPHOR)
        and m.evidence.start != span[0]
        and key in m.evidence.text.lower()
        and set(_words(m.evidence.text)) & _SPLINTER_WORDS
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _is_armed(m: Mention, registry: Any) -> bool:
    if registry is None:
        return True
    actor = registry.get(m.actor_id)
    if actor is None:
        return is_discovered(m.actor_id)  # introduced by the text as a group
    return actor.kind in ARMED_KINDS


def _parse_agent(span: Any, trig: Any, attribution: re.Pattern[str]) -> bool:
    """The dependency parse makes the group the doer: the subject of an attack word or the agent
    of a passive one, directly or as the head of its noun phrase ("rebels of the Allied
    Democratic Forces attacked", "an Islamic State-linked group ambushed", "was launched by a
    small band of rebels from the ADF")."""
    tok = span.root
    for _ in range(6):
        if tok.lower_ in _OFFICE_NOUNS:
            return False  # "Taliban Governor ... Killed": the group's official
        if tok.dep_ == "prep" and tok.lower_ not in _AGENT_PREPS:
            return False  # "against X", "on X": the target
        if tok.dep_ in ("nsubj", "agent") or (tok.dep_ == "pobj" and tok.head.lower_ == "by"):
            verb = tok.head if tok.dep_ == "nsubj" else tok.head.head
            return _is_attack_word(verb, trig, attribution)
        if tok.dep_ not in _HOPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# What a group's noun phrase is built of on its way up to the verb: "a local branch of Islamic
# State", "members of the Ajang-Ajang faction of the Abu Sayyaf group", "India's RAW spy agency".
_NP_HOPS = frozenset({"compound", "appos", "amod", "nmod", "poss", "conj"})
_OBJECT = frozenset({"dobj", "obj", "oprd", "dative"})
_AS_SUSPECTS = re.compile(r"^\W*\bas\s+(?:the\s+|a\s+|an\s+)?(?P<words>(?:[\w-]+\s*){1,3})")
_NOT_THE_ATTACK = "not the attack"  # a blame verb whose "for"/"of" names another deed
_NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def _span_head(span: Any) -> Any:
    """The span's first noun attached outside it: "Qaeda" of "al Qaeda in the Islamic Maghreb",
    where the parser hangs "in the Islamic Maghreb" on the verb and ``span.root`` may be "in"."""
    for tok in span:
        if tok.pos_ in ("NOUN", "PROPN") and not (span.start <= tok.head.i < span.end):
            return tok
    return span.root


def _np_top(tok: Any) -> Any:
    """The top of the noun phrase holding ``tok``."""
    for _ in range(8):
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ == "pobj" and head.lower_ in ("of", "from") and head.head.pos_ in _NOUNS:
            tok = head.head  # "a branch of X", "members from X"
        elif tok.dep_ in _NP_HOPS:
            tok = head
        else:
            break
    return tok


def _blamed(span: Any, trig: Any, attribution: re.Pattern[str]) -> str | None:
    """The basis ("accused", "suspected" or "attributed") when the parse makes the group what a
    source blames, suspects or ascribes the deed to (see ``blame_verbs`` in triggers.yaml),
    :data:`_NOT_THE_ATTACK` when it is blamed for another deed ("accused the government of
    failing to protect them"), else None."""
    doc = span.doc
    top = _np_top(_span_head(span))
    dep, head = top.dep_, top.head
    basis: str | None = None
    verb = head
    if dep in _OBJECT:
        basis = trig.blame_verbs.get(head.lower_)
        if basis == "attributed":
            basis = None  # what is ascribed is the deed; the doer follows "to"
        elif basis is None and head.lower_ in trig.naming_verbs:
            after = doc.text[top.right_edge.idx + len(top.right_edge) : top.sent.end_char]
            named_as = _AS_SUSPECTS.match(after)
            if named_as and set(named_as.group("words").lower().split()) & trig.suspect_nouns:
                basis = "suspected"  # "named members of X as the main suspects"
    elif dep == "pobj" and head.head.i != head.i:
        prep, verb = head.lower_, head.head
        if (
            verb.dep_ in _OBJECT
            and verb.head.i != verb.i
            and trig.blame_verbs.get(verb.head.lower_) in ("accused", "attributed")
        ):
            verb = verb.head  # "blamed the attack on X": the parser may hang "on" on the deed
        elif (
            verb.dep_ == "pobj"
            and verb.head.dep_ == "agent"
            and trig.blame_verbs.get(verb.head.head.lower_) in ("accused", "attributed")
        ):
            verb = verb.head.head  # "were blamed by police on X": ... or on the agent
        found = trig.blame_verbs.get(verb.lower_)
        if (
            (prep == "on" and found == "accused")
            or (prep in ("to", "at") and found == "suspected")
            or (prep == "to" and found == "attributed")
        ):
            # "an attack police blamed on X", "pointed to X", "the finger at X", "attributed
            # the killings to X"
            basis = found
        elif prep in ("to", "with", "of") and verb.lower_ in trig.link_words:
            if any(a.lower_ in trig.belief_verbs for a in verb.ancestors):
                return "suspected"  # "is believed to belong to a network linked to X"
    elif (
        top.lower_ in trig.link_words
        and any(a.lower_ in trig.belief_verbs for a in top.ancestors)
        and _of_suspects(top)
    ):
        # "two men it suspects of the shooting; both are believed to be LeT members"
        return "suspected"
    if basis is None:
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "of"):
            deed = " ".join(t.lower_ for t in child.subtree)
            # ("accused Iran of cross-border terrorism over the killings": this deed named)
            named = re.search(rf"\b(?:over|for|in)\s+the\s+(?:{trig.event_nouns})\b", deed)
            if not (trig.regex.search(deed) or attribution.search(deed) or named):
                return _NOT_THE_ATTACK
    return basis


def _of_suspects(tok: Any) -> bool:
    """The sentence of ``tok`` speaks of suspects or attackers before it (whom a belief that
    they are "members of X" is about; not "the dead are believed to be members of ...")."""
    before = tok.doc[tok.sent.start : tok.i]
    words = {t.lower_ for t in before}
    return bool(words & (triggers().suspect_nouns | triggers().armed_men))


def _believed(span: Any, trig: Any) -> bool:
    """The group's deed is what a source believes or suspects: "police believe the attack was
    carried out by X", "officials suspect X carried out the bombing"."""
    return any(a.lower_ in trig.belief_verbs for a in span.root.ancestors)


def _span_of(doc: Any, m: Mention) -> Any:
    """The mention's tokens (None when its offsets do not fall on the parse's tokens)."""
    return doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand")


def _is_attack_word(tok: Any, trig: Any, attribution: re.Pattern[str]) -> bool:
    phrase = " ".join(t.lower_ for t in tok.doc[tok.i : tok.i + 3])
    # the patterns that start at their verb, on the text as written: "participated in Operation
    # Copper" needs the name's capitals
    written = tok.doc[tok.i : tok.i + 8].text
    return bool(
        trig.regex.match(tok.lower_)
        or trig.regex.match(phrase)
        or attribution.match(phrase)
        or attribution.match(tok.lower_)
        or any(pattern.match(written) for _, _, pattern in trig.patterns)
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
