"""Event reports of one article: which sentences report an event, how they group into events, and
each event's type, date, place, perpetrators, figures, targets and weapons.

1. Triggers (``data/triggers.yaml``, one compiled regex) mark candidate sentences. A trigger that
   is a bare plural ("bombings across the region"), a statistic ("566 attacks in three months",
   "240 people were kidnapped in the first nine months of 2023": ``period_totals``) or
   hypothetical ("could carry out attacks") does not count; a series ("launched a wave of
   attacks", "several operations") counts only when the sentence dates it, and never when it is
   referred to ("following several attacks") or summed up ("has since claimed several attacks").
   A sentence reports an event only with an anchor: a casualty figure, a date governed by the
   trigger (or by the verb whose object it is), a place, a claim of responsibility, or a named
   leader or office-holder killed. "since 2019" is a bound, never an event's date, nor is the
   date of what "since" counts from ("since the fall of Assad in December"); a relative date
   inside a quotation counts from the day it was spoken (``quotes.py``: 'said last year,
   "today's bombing"'). The
   day of a wire dateline, of a claim ("claimed responsibility for the attack on Thursday") and
   of what followed the event ("were missing on Saturday after gunmen attacked") is not the
   event's; "attacked a camp on Tuesday, the army said on Wednesday" is. An attack known by its
   name ("the attacks on 9/11", ``data/named_events.yaml``) is a strong trigger that brings its
   own type, day and place; told more than a month later, it is a reference, never the main event;
   one that only says when ("after 9/11") gives way to another attack its sentence tells.
2. Event sentences are grouped in text order. A sentence whose own date (one governed by its
   trigger, not by "said") or country differs from the current event's, or whose own date comes
   with another kind of action (an operation, an arrest after an attack), starts another event;
   an earlier one is a background event ("one week after ISIS-K conducted another suicide
   bombing in Kunduz"; "days after its founder was killed", dated from the main clause: "two days
   after" to the day, "a week after" to the week, "days" or "months after" to the month). Other
   sentences join the event told just before, else the main one. "killing the emir ... and
   capturing X" is two events of one operation. An official action told with the attack it
   followed ("police detained 25 people after gunmen attacked a church, killing one") is two
   events, each owning its clause of the sentence, and so is an execution told with the attack
   its victims were convicted of ("Iran executed two men convicted of planning the bombing");
   "Friday's bombing came two months after a bombing in Bajaur killed 63" tells the earlier one,
   and "The bombing followed a string of attacks on mosques" tells the event again and the series
   before it. A sentence with its own toll in another
   province is another event, and so is "a second blast ... killed two". An event told so far
   only by the headline takes the body's first date within the week before publication. A
   page with no date at all is grouped the same way against a present of unknown day: its "on
   Sunday" and "in October" or "last year's attack" lie apart whatever the year (the dates are
   dropped once grouped). An event the lead tells as already known ("denied any role in the
   attack", "Six weeks after gunmen killed ...") takes the first day a later sentence gives it;
   the people arrested named again ("the suspects, most of them arrested on Monday") date the
   arrests announced. An earlier event told in passing holds the sentences after it within its
   paragraph, or where they name it again ("That attack was claimed by ..."); the next paragraph
   is back on the main event.
3. Sentences with figures, claims, blame or denials but no trigger join the same way, unless they
   speak of a pattern ("most attacks claimed by ...").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NamedTuple

from sitrep.actors import registry_of
from sitrep.clean.dates import period_end
from sitrep.events.dates import (
    COUNT,
    DEED_YEAR,
    MONTH_NAME,
    MONTHS,
    NAMED_DAY,
    SUPERLATIVE_BEFORE,
    VAGUE_COUNTS,
    WEEKDAYS,
    WHEN_CLAUSE,
    DateMention,
    calendar_parts,
    count_of,
    counts_from_report,
    find_dates,
    month_alone,
    months_named,
    names_month_and_day,
    resolve_date,
    week_start,
    year_of_weekday,
)
from sitrep.events.figures import JOINED_FIGURE, FigureMention, find_figures, of_anyone
from sitrep.events.kinds import (
    KILL,
    PLURAL,
    SERIES,
    Trigger,
    event_type,
    targets_person,
)
from sitrep.events.lexicon import figure_lexicon, named_events, norm_phrase, triggers
from sitrep.events.means import find_means
from sitrep.events.perpetrators import (
    STATE_KINDS,
    STATE_TYPES,
    claim_cue,
    find_perpetrators,
    generic_state_agent,
    state_mentions,
    with_anaphors,
)
from sitrep.events.places import (
    WHERE_ROLES,
    PlaceMention,
    Unknown,
    at_home,
    datelines,
    find_places,
    known_location,
    locate,
    told_elsewhere,
    unknown_towns,
)
from sitrep.events.quotes import Quotation, spoken_quotations
from sitrep.events.sources import SourceFinder, according_follows
from sitrep.nlp import doc_text, own_phrase
from sitrep.records import (
    Article,
    Claim,
    DateClue,
    EventReport,
    Evidence,
    Figure,
    Location,
    Mention,
    stable_id,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

AUTHOR = "the author"


@dataclass(slots=True)
class _Cluster:
    sentences: list[int]
    head: Trigger
    date: str | None = None
    precision: str | None = None
    countries: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)  # admin1 names of its event sentences
    towns: set[str] = field(default_factory=set)  # towns its event sentences name
    background: bool = False
    support: list[int] = field(default_factory=list)
    kind: str | None = None  # the type when the sentence's other triggers tell another event
    sibling_of: int | None = None  # index of the cluster of the same operation (same doers)
    after: tuple[_Cluster, _Gap] | None = None  # "came a week after": the event told, how long
    aside: bool = False  # "earlier on Monday", "Hours earlier,": another event of the same day
    # sentence index -> the part of it this event owns, when the sentence tells two events
    clauses: dict[int, tuple[int, int]] = field(default_factory=dict)
    headline: bool = False  # told by the headline only, so far
    # undated, first told as already known ("denied any role in the attack", "six weeks after
    # gunmen killed ..."): the next sentence that gives a day may be telling it
    known: bool = False
    hint: str | None = None  # a day named in its sentences but not governed by its trigger
    # undated: the day it names without a year ("on Sunday"); dated coarser than a day: the words
    # of its date ("in October 2022"), for the reports it joins to date to the day
    clue: _DayPart | None = None
    date_at: int | None = None  # where the words of its date begin
    counted: bool = False  # its day counted from another event's ("hours after"), not told
    ended: bool = False  # its day is the one it ended ("ended the siege on Saturday")

    def part(self, sents: Sequence[tuple[int, int]], i: int) -> tuple[int, int]:
        """The span of sentence ``i`` that tells this event (all of it unless shared)."""
        return self.clauses.get(i, sents[i])

    def owns(self, sents: Sequence[tuple[int, int]], offset: int) -> bool:
        """Whether the text at ``offset`` is in this event's sentences (or its clause of one)."""
        i = _sent_of(sents, offset)
        if i not in self.sentences and i not in self.support:
            return False
        lo, hi = self.part(sents, i)
        return lo <= offset < hi


@dataclass(frozen=True, slots=True)
class _Article:
    """What every event report of one article is built from (found once per article)."""

    doc: Doc
    article: Article
    text: str
    sents: list[tuple[int, int]]
    trigs: list[Trigger]
    figures: list[FigureMention]
    places: list[PlaceMention]
    mentions: list[Mention]
    claims: Sequence[Claim]
    source: SourceFinder
    registry: Any
    unknown: list[Unknown]  # settlements the gazetteer lacks (places.unknown_towns)
    dated: Sequence[_Dated]  # the dates of the text (for the days statements were made)


@dataclass(frozen=True, slots=True)
class _Dated:
    start: int
    date: str
    precision: str
    strong: bool  # governed by a trigger (not by a speech verb or another verb)
    speech: bool = False  # governed by a speech verb ("said on Friday"): the date of a report
    since: bool = False  # the day an ongoing event began ("have been attacking since Wednesday")
    of_deed: bool = False  # a year naming the deed after it ("the 2016 attack"; dates.DEED_YEAR)
    filed: bool = False  # on a wire dateline ("KABUL, Dec 25 (Reuters) -"): the report's day
    counted: bool = False  # counted from another event's date ("hours after" it), not told
    ended: bool = False  # the day an ongoing event ended ("ended the siege on Saturday")
    motive: bool = False  # in a motive clause ("revenge for a raid last month"): no event's


def extract_events(
    doc: Doc, article: Article, actors: Any = None, claims: Sequence[Claim] = ()
) -> list[EventReport]:
    """The events ``article`` reports (``doc`` is its annotated clean text)."""
    text = doc_text(doc)
    sents = sentence_spans(doc)
    if not sents:
        return []
    places = list(find_places(doc))
    trigs = _place_captures(doc, find_triggers(text, sents), places)
    motives = _motive_clauses(text, sents, trigs)
    # "claimed the bombing, saying it avenged the killing of its founder in Afghanistan", "Police
    # said the bombers wanted to avenge fighters under attack in Sulu": the motive's place, not
    # the event's (whatever the sentence tells before it)
    # (a motive told with its own time in a sentence of no deed before it, "It came in
    # retaliation for an army raid in North Waziristan in March", is a past event of its own)
    avenged = motives + [
        (a, b)
        for a, b in _motive_clauses(text, sents, trigs, deed_first=False)
        if not _TIME_TOLD.search(text, a, b)
    ]
    places = [
        replace(p, role="motive") if p.role == "body" and _within(avenged, p.start) else p
        for p in places
    ]
    # ... and its toll: "saying it avenged the killing of 30 fighters in an airstrike"
    figures = [
        f
        for f in find_figures(text, sents, article.document_id, article.index)
        if not _within(motives, f.start)
    ]
    anchor, precise = _anchor(article)
    found = find_dates(doc, anchor)  # unresolved ones too: an undated report may get its year
    trig_tokens = _trigger_tokens(doc, trigs)
    dated = _dates(doc, article, trigs, sents, found, trig_tokens, anchor, precise, motives)
    registry = registry_of(doc)  # the one that annotated doc (a user's actors file included)
    mentions = with_anaphors(text, sents, _mentions(doc, article, actors), registry, doc)
    # a country blamed or clearing itself is its government ("India and Afghanistan bore
    # responsibility", "New Delhi rejected the accusation")
    states = state_mentions(
        text, sents, places, mentions, registry, (article.document_id, article.index), doc
    )
    mentions = sorted([*mentions, *states], key=lambda m: m.evidence.start)
    day = article.published if precise else None
    present = None
    if anchor is None and not dated:
        # no date anywhere: its "on Sunday" and "last year's attack" are still a week and a year
        # apart, counted from a present of unknown day (see _unknown_present)
        present = _unknown_present(found)
        counted = _counted_from(present, found, find_dates(doc, present))
        dated = _dates(doc, article, trigs, sents, counted, trig_tokens, present, True, motives)
    elif anchor is None and any(_day_of_the_page(d) for d in found):
        # dates with their year beside days counted from the page's own ("late on Monday" and
        # "In January 2020, Iran fired missiles at Erbil"): a report is written after the years
        # it names, so its Monday is none of theirs (see _later_present)
        present = _later_present(found)
        counted = _counted_from(present, found, find_dates(doc, present), keep=True)
        dated = _dates(doc, article, trigs, sents, counted, trig_tokens, present, True, motives)
    # a sentence whose speaker is a named actor ("Mr. Mujahid denied ...") speaks for it
    spoken = [
        Mention(c.evidence, c.speaker_actor_id, c.speaker or "", "speaker")
        for c in claims
        if c.speaker_actor_id
    ]
    title_end = _title_end(article, text)
    unknown = unknown_towns(doc, places)
    clusters = _cluster(
        text,
        sents,
        trigs,
        figures,
        dated,
        places,
        [*mentions, *spoken],
        present.isoformat() if present else day,
        title_end,
        unknown,
        _modifying(doc, trigs),
        # an analysis may still bring news of days before (the seeds' "Analysis: Experts warn
        # ISIS may be using COVID-19 crisis" tells the week's attacks); an opinion piece does not
        commentary=article.genre == "opinion",
    )
    if not clusters:
        return []
    if present is not None:  # they told the events apart; none counted from it is a date
        for c in clusters:
            if c.date is None or _counted(c.date):
                c.date = c.precision = c.date_at = None
            if c.hint is not None and _counted(c.hint):
                c.hint = None
    if day is None:  # no day to count from (a URL's /2021/05/ tells no weekday)
        _undated_days(doc, found, trig_tokens, sents, clusters)
    for c in clusters:
        if c.date and c.precision != "day" and c.clue is None:
            # "In October 2022, an attack ...": the reports it joins may tell the day
            said = next((d for d in found if d.start == c.date_at), None)
            if said is not None:
                c.clue = _DayPart(said, None, None, True)
    source = SourceFinder(doc, sents, claims)
    ctx = _Article(
        doc,
        article,
        text,
        sents,
        trigs,
        figures,
        places,
        mentions,
        claims,
        source,
        registry,
        unknown,
        dated,
    )
    reports = [
        _report(
            ctx,
            c,
            i == 0 and not c.background and not _referred_to(c, article.published),
            _told_apart(clusters, i, sents),
        )
        for i, c in enumerate(clusters)
    ]
    for i, c in enumerate(clusters):
        if c.sibling_of is not None:  # one operation, one doer: the victim's group is no suspect
            parent = reports[c.sibling_of]
            reports[i] = replace(
                reports[i],
                location=parent.location,
                perpetrators=parent.perpetrators,
                claimed_by=parent.claimed_by,
                claim_channel=parent.claim_channel,
            )
    return reports


# how much of an ISO date a precision fixes
_DATE_CHARS = {"day": 10, "week": 7, "month": 7, "year": 4}
# days between two dated parts of one operation ("attacked on Thursday ... took the village on
# Saturday")
_SAME_OPERATION = 7


def _told_apart(
    clusters: Sequence[_Cluster], i: int, sents: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The sentences of the events cluster ``i`` is not: those dated otherwise (the 2016 abduction
    told beside the 2015 one). Their towns are not lent to it (places.told_elsewhere); a later
    event may still take the first's ("the mosque was attacked in 2022 too" is the story's
    shrine), and an undated one, or one a few days apart, may be the same event told again."""
    c = clusters[i]
    out = []
    for j, other in enumerate(clusters):
        if j == i or (j == 0 and i != 0) or not (c.date and other.date):
            continue
        if c.precision == other.precision == "day":
            apart = _days_apart(c.date, other.date) > _SAME_OPERATION
        else:
            n = min(
                _DATE_CHARS.get(c.precision or "", 4), _DATE_CHARS.get(other.precision or "", 4)
            )
            apart = c.date[:n] != other.date[:n]
        if apart:
            out.extend(other.part(sents, k) for k in other.sentences)
    return out


def _title_end(article: Article, text: str) -> int:
    """Where the headline ends when the text opens with it, or has it on a line of its own near
    the top (else 0: a title kept apart from the text, such as a section label, heads nothing
    in it)."""
    title = article.title or ""
    if not title:
        return 0
    if text.startswith(title):
        return len(title)
    # under a line the cleaner kept above it (a news ticker's "Breaking: ..."), near the top
    at = text.find("\n" + title + "\n", 0, 300 + len(title))
    return at + 1 + len(title) if at >= 0 else 0


def _referred_to(c: _Cluster, published: str | None) -> bool:
    """An attack known by its name ("9/11") told in a report more than a month later (or of an
    unknown day): a reference, never the report's main event."""
    if c.head.named is None:
        return False
    if published is None:
        return True
    since = dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(c.head.named.date)
    return since.days > 30


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """spaCy's sentences, further split at line breaks (headlines, captions, list items), and a
    headline at its semicolons: "Concert hall attack: toll rises to 133; 11 detained" tells two
    pieces of news, the way a headline joins them."""
    spans: list[tuple[int, int]] = []
    text = doc_text(doc)
    for sent in doc.sents:
        start = sent.start_char
        for m in re.finditer(r"\n+", text[sent.start_char : sent.end_char]):
            end = sent.start_char + m.start()
            if text[start:end].strip():
                spans.extend(_headline_parts(text, *_strip(text, start, end)))
            start = sent.start_char + m.end()
        if text[start : sent.end_char].strip():
            spans.extend(_headline_parts(text, *_strip(text, start, sent.end_char)))
    return spans


_HEADLINE_JOIN = re.compile(r";\s+")


def _headline_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A line that is a headline (no closing stop, alone on its line) split at its semicolons."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    own_line = not text[line_start:start].strip() and not text[end:line_end].strip()
    if not own_line or text[end - 1] in ".!?\"”'’" or ";" not in text[start:end]:
        return [(start, end)]
    parts, at = [], start
    for m in _HEADLINE_JOIN.finditer(text, start, end):
        parts.append(_strip(text, at, m.start()))
        at = m.end()
    parts.append(_strip(text, at, end))
    return [p for p in parts if p[0] < p[1]]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# a relative pronoun right before a verb, an adverb of frequency between at most
_WHO_BEFORE = re.compile(
    r"\b(?:who|which)\s+(?:(?:often|regularly|routinely|usually|frequently|also|still|now)\s+)?$",
    re.I,
)


def _habitual(before: str, phrase: str, past: frozenset[str]) -> bool:
    """The trigger is a present-tense verb in a relative clause: what a group does, not a deed
    ("gangs who kidnap villagers", "a group which attacks convoys"); "who kidnapped" is one."""
    if not _WHO_BEFORE.search(before):
        return False
    first = phrase.split()[0]
    return not first.endswith("ed") and first not in past and not first.endswith("ing")


# How far before a trigger its hypothetical cue may start: the cue's own words and up to four of a
# noun phrase ("offered bounties to Taliban-linked militants for killing")
_HYPOTHETICAL_REACH = 80


def find_triggers(text: str, sents: Sequence[tuple[int, int]]) -> list[Trigger]:
    """Trigger words that can report an event (not bare plurals, not hypothetical), in text
    order."""
    trig = triggers()
    starts = [s for s, _ in sents]
    out = _named(text, sents, starts)
    out += _state_strikes(text, sents, starts) + _patterned(text, sents, starts)
    taken = [(t.start, t.end) for t in out]
    for m in trig.regex.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue  # "the Westgate mall attack": the name tells it
        phrase = norm_phrase(m.group())
        etype, strength = trig.kinds.get(phrase, ("other", "weak"))
        i = _sentence_at(sents, starts, m.start())
        if i is None:
            continue
        before = text[sents[i][0] : m.start()]
        # "two attacks" are events; "566 attacks in three months" is a statistic
        if phrase in trig.plural and not re.search(
            r"\b(?:two|three|twin|both|[23])\s+$", before, re.I
        ):
            series = _SERIES.search(before)
            if (
                series
                and not trig.hypothetical.search(before[-_HYPOTHETICAL_REACH:])
                and not _SERIES_REFERRED.search(before, 0, series.start())
            ):
                # "launched a series of coordinated attacks": one event (a series) when the
                # sentence dates it; see _cluster
                out.append(Trigger(m.start(), m.end(), m.group(), etype, SERIES, i))
            elif _plural_told(text, before, m.end()):
                # "several explosions at a school", "the blasts on Saturday", "Pakistani
                # airstrikes in eastern Afghanistan killed 46": they tell what kind of event it
                # was, but never make one
                out.append(Trigger(m.start(), m.end(), m.group(), etype, PLURAL, i))
            continue
        if trig.hypothetical.search(before[-_HYPOTHETICAL_REACH:]) or _period_total(
            text, sents[i], m.end()
        ):
            continue
        if _habitual(before, phrase, trig.irregular_past):
            continue  # "armed gangs who kidnap villagers for ransom across the North-West"
        if phrase in trig.captive_doers and (
            trig.arrest_before.search(before[-60:]) or trig.arrest_after.match(text, m.end())
        ):
            continue  # "police capture nightclub gunman", "the gunmen were caught": arrested
        if phrase in trig.seized_devices and any(
            d.start() <= m.start() < d.end()
            for d in trig.seized_device.finditer(text, sents[i][0], sents[i][1])
        ):
            continue  # "suicide vests had been seized": devices taken, no attack
        if phrase in trig.state_raid_words and (
            trig.state_raid_agent.search(before[-40:]) or trig.state_raid_subject.match(before)
        ):
            etype = "other"  # "Police raided several locations overnight": no attack
        if strength == "strong" and _SINCE_THE.search(before[-60:]):
            # "the deadliest since the 2014 massacre at a school": another event, named as a
            # point in time, says nothing of what kind this one was
            strength = "weak"
        out.append(Trigger(m.start(), m.end(), m.group(), etype, strength, i))
    # "claimed the bombing, saying it avenged the killing of its founder": the motive's deed
    motives = _motive_clauses(text, sents, out)
    out = [t for t in out if not _within(motives, t.start)]
    # "came closest to hitting the United States after 9/11, and ... claimed the massacre at
    # the Paris offices of Charlie Hebdo": a name that only says when gives way to the attack
    # its sentence tells
    told = {t.sentence for t in out if t.named is None and t.strength == "strong"}
    # in text order: the named, strike and patterned triggers are found apart from the words
    return sorted(
        (
            t
            for t in out
            if not (
                t.named is not None
                and t.sentence in told
                and _WHEN_NAMED.search(text[sents[t.sentence][0] : t.start])
            )
        ),
        key=lambda t: t.start,
    )


def _patterned(text: str, sents: Sequence[tuple[int, int]], starts: list[int]) -> list[Trigger]:
    """The triggers of the lexicon's `patterns` ("the gunmen who seized pupils")."""
    trig = triggers()
    out: list[Trigger] = []
    for etype, strength, pattern in trig.patterns:
        for m in pattern.finditer(text):
            i = _sentence_at(sents, starts, m.start("t"))
            if i is None or trig.hypothetical.search(
                text[sents[i][0] : m.start("t")][-_HYPOTHETICAL_REACH:]
            ):
                continue
            if _period_total(text, sents[i], m.end("t")):
                continue
            if strength == "weak" and _SINCE_DOER.search(text, sents[i][0], m.start("t")):
                continue  # "since the Taliban seized control of Afghanistan": a point in time
            out.append(Trigger(m.start("t"), m.end("t"), m.group("t"), etype, strength, i))
    return out


# "since" and a doer right before a weak deed: the deed says from when ("Violence has fallen
# since the Taliban seized control of Afghanistan"), it is not told
_SINCE_DOER = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,3}$", re.I)


def _state_strikes(text: str, sents: Sequence[tuple[int, int]], starts: list[int]) -> list[Trigger]:
    """A bare "strike" a state makes ("a U.S. strike near Jilib", "conducted a collective
    self-defense strike"): an airstrike, its trigger the noun itself. Strikes in the plural are
    an event when made ("carried out strikes on"), else only when told as one event ("Israeli
    strikes killed 30", as for any plural trigger)."""
    trig = triggers()
    out: list[Trigger] = []
    for m in trig.state_strike.finditer(text):
        start = m.end() - len("strikes" if m.group().lower().endswith("strikes") else "strike")
        i = _sentence_at(sents, starts, start)
        if i is None:
            continue
        before = text[sents[i][0] : m.start()]
        if trig.hypothetical.search(before[-_HYPOTHETICAL_REACH:]):
            continue
        strength = "strong"
        if text[start : m.end()].lower() == "strikes" and not m.group("did"):
            if not _plural_told(text, text[sents[i][0] : start], m.end()):
                continue
            strength = PLURAL
        out.append(Trigger(start, m.end(), text[start : m.end()], "airstrike", strength, i))
    return out


def _plural_told(text: str, before: str, end: int) -> bool:
    """A plural trigger (ending at ``end``, ``before`` the text of its sentence up to it) tells
    the event of its sentence: "the blasts on Saturday", "Pakistani airstrikes ... killed 46",
    "carried out suicide bombings"."""
    return bool(
        _SPECIFIC_PLURAL.search(before)
        or _PLURAL_DOER.match(text, end)
        or _PLURAL_DONE.search(before)
    )


def _period_total(text: str, sent: tuple[int, int], end: int) -> bool:
    """The trigger ending at ``end`` counts a period ("240 people were kidnapped in the first nine
    months of 2023"): a period total in the rest of its clause, or opening its sentence ("In 2023
    alone, ...")."""
    pattern = triggers().period_total
    rest = re.split(r"[,;:()]|\s[–—]\s", text[end : sent[1]], maxsplit=1)[0]
    if pattern.search(rest):
        return True
    opening = re.match(r"[^,;:]{0,60},", text[sent[0] : end])
    return bool(opening and pattern.search(opening.group()))


# the auxiliary of an act told as just done, right before its verb ("has designated", "have
# today proscribed")
_JUST_DONE = re.compile(
    r"\b(?:has|have)\s+(?:(?:also|today|now|formally|officially|just)\s+)?$", re.I
)
_WHEN_NAMED = re.compile(r"\b(?:after|since|before|until|following|post-?)\s*(?:the\s+)?$", re.I)


def _sentence_at(sents: Sequence[tuple[int, int]], starts: list[int], offset: int) -> int | None:
    """The index of the sentence holding ``offset`` (None between sentences)."""
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 and offset < sents[i][1] else None


# what ends a motive clause: "..., saying it avenged the killing of X; police said ..."
_MOTIVE_END = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\b", re.I)


def _motive_clauses(
    text: str,
    sents: Sequence[tuple[int, int]],
    trigs: Sequence[Trigger],
    deed_first: bool = True,
) -> list[tuple[int, int]]:
    """The spans of the motive clauses (triggers.yaml ``motive_markers``, from the marker to the
    clause's end) of sentences that tell a deed first (a trigger of ``trigs`` before the
    marker), or of any sentence without ``deed_first``."""
    out = []
    for lo, hi in sents:
        for m in triggers().motive.finditer(text, lo, hi):
            if not deed_first or any(lo <= t.start and t.end <= m.start() for t in trigs):
                end = _MOTIVE_END.search(text, m.end(), hi)
                out.append((m.start(), end.start() if end else hi))
    return out


# a time told in a clause: a month, a year, a weekday, "last week", "ago"
_WEEKDAY_WORD = "(?:" + "|".join(WEEKDAYS) + ")"
_TIME_TOLD = re.compile(
    rf"\b(?:{MONTH_NAME}|(?:19|20)\d\d|{_WEEKDAY_WORD}|yesterday|"
    r"last\s+(?:week|month|year)|ago)\b",
    re.I,
)


def _within(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset < b for a, b in spans)


def _named(text: str, sents: Sequence[tuple[int, int]], starts: list[int]) -> list[Trigger]:
    """Attacks known by their name ("the attacks on 9/11"), as strong triggers of their type; not
    when compared with ("another 9/11", "like the Bataclan attack")."""
    named = named_events()
    out: list[Trigger] = []
    for m in named.regex.finditer(text):
        i = _sentence_at(sents, starts, m.start())
        if i is None:
            continue
        before = text[sents[i][0] : m.start()]
        if _COMPARED.search(before) or triggers().hypothetical.search(
            before[-_HYPOTHETICAL_REACH:]
        ):
            continue
        event = named.by_phrase[named.key(m.group())]
        out.append(Trigger(m.start(), m.end(), m.group(), event.type, "strong", i, event))
    return out


_SINCE_THE = re.compile(r"\bsince\s+(?:the|a|an)\s+(?:(?:19|20)\d\d\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_COMPARED = re.compile(r"\b(?:another|an?|new|next|like|second)\s+(?:the\s+)?$", re.I)
# "Pakistani airstrikes in eastern Afghanistan killed 46"; "explosive devices struck patrols":
# the plural did the deed told
# (up to 12 words between: "explosions outside the Abdul Rahim Shahid boys' high school in the
# same area killed at least six")
_PLURAL_DOER = re.compile(
    r"(?:\s+[^\W\d][\w'’-]*){0,12}?\s+(?:have\s+|had\s+)?(?:killed|kill|wounded|injured|left|"
    r"struck|hit|exploded|detonated|went\s+off|ripped\s+through|tore\s+through)\b",
    re.I,
)
_SPECIFIC_PLURAL = re.compile(
    r"\b(?:the|these|a\s+pair\s+of|twin|coordinated|simultaneous|near-simultaneous"
    # "Sunday's suicide bombings", "yesterday's attacks": the ones of that day
    rf"|(?:{'|'.join(WEEKDAYS)}|yesterday)(?:\s+(?:night|morning|afternoon|evening))?['’]s)\s+"
    r"(?:[\w-]+\s+){0,2}$",  # "the Easter Sunday bombings"
    re.I,
)
# "families linked to the network carried out suicide bombings on three churches": the plural
# says what kind of attack the sentence tells (it still makes no event on its own)
_PLURAL_DONE = re.compile(
    r"\b(?:carried\s+out|conducted|staged|mounted|launched|perpetrated)\s+$", re.I
)
# "following several attacks", "has since claimed several attacks", "had also claimed several
# attacks ..., most recently in 2023": a series referred to or summed up (its verb in the
# perfect), not told (matched at the end of the text before the series)
_SERIES_REFERRED = re.compile(
    r"\b(?:after|following|since|amid|despite|in\s+response\s+to|responsible\s+for|behind)\s+$"
    r"|\b(?:has|have|had)\s+(?:since\s+|also\s+|already\s+|repeatedly\s+|now\s+)?"
    r"(?:been\s+)?[a-z]+(?:ed|en|t)(?:\s+out)?\s+$",
    re.I,
)
_SERIES = re.compile(
    r"\b(?:(?:a|another|the)\s+(?:new\s+|fresh\s+|deadly\s+)?(?:series|wave|spate|string|flurry)"
    r"\s+of|several|multiple)\s+(?:[a-z-]+\s+){0,2}$",
    re.I,
)


# ---------------------------------------------------------------- inputs from the other steps


def _dates(
    doc: Doc,
    article: Article,
    trigs: list[Trigger],
    sents,
    mentions: Sequence[DateMention],
    trig_tokens: set[int],
    anchor: dt.date | None,
    precise: bool,
    motives: Sequence[tuple[int, int]] = (),
) -> list[_Dated]:
    """The dates of the text (``mentions``, found against ``anchor``, a known day if
    ``precise``) the events may take, each with what governs it; one in a motive clause
    (``motives``) is the motive's deed's, none of an event told."""
    latest = anchor.isoformat() if anchor else None
    speech = triggers().speech_verbs
    text = doc_text(doc)
    quotes = spoken_quotations(doc, mentions, speech)
    filed = datelines(text)
    headline = _title_end(article, text)
    # an attack known by its name is dated by it ("the attacks on 9/11")
    names = [(t.start, t.end, t.named.date) for t in trigs if t.named is not None]
    out = [_Dated(a, day, "day", True) for a, _, day in names]
    for d in mentions:
        if any(a <= d.start < b for a, b, _ in names):
            continue  # "September 11" in "the September 11 attacks" is no day of this year
        quote = next((q for q in quotes if q.start < d.start < q.end), None)
        if quote is not None and _relative(d.text):
            d = _said_then(d, quote)
        if not d.date:
            continue
        if latest and d.date > latest:
            continue  # a date after the report is not the date of what it reports
        lo = max(0, d.start - 100)
        since_noun = _SINCE_NOUN.search(text[lo : d.start])
        bound = (
            _SINCE.match(d.text)
            or _SINCE_BEFORE.search(text[max(0, d.start - 30) : d.start])
            or since_noun
        )
        # "Since the assassination of Soleimani by the US in January": the deed named dates it
        deed_named = since_noun is not None and any(
            lo + since_noun.start() <= t.start < d.start for t in trigs
        )
        told_when = bool(bound) and (_event_when(text, d.end, trigs) or deed_named)
        if d.precision != "day" and bound and not told_when and d.source != DEED_YEAR:
            # "the worst attack since the summer of 2021": a bound, not an event's date; a day
            # ("attacking the town since Wednesday") is when the event began; a deed named by
            # its year ("since the 2005 bombings of a bus") is an event, and that is its year
            continue
        if not precise and _relative(d.text):
            continue  # "on Saturday" in a report known only by its month names no day
        if d.start < headline and d.precision != "day":
            continue  # a headline's month or year is no event's date
        on_dateline = any(a <= d.start < b for a, b in filed)
        in_motive = _within(motives, d.start)
        if on_dateline:
            role = "speech"  # the dateline's day is the report's
        else:
            lo, hi = sents[_sent_of(sents, d.start)]
            # triggers of its own sentence only: the parser may join a headline to the lead
            near = {i for i in trig_tokens if lo <= doc[i].idx < hi}
            role = _governed(doc, d, near, speech)
            if role == "trigger" and in_motive:
                role = "other"  # "... in revenge for the deportation of 100 refugees in July"
            if (
                told_when
                and d.precision != "day"
                and (SUPERLATIVE_BEFORE.search(text, lo, d.start) or _when_killed(text, d.end))
            ):
                # "the deadliest since June 2017, when gunmen struck the parliament", "hit
                # repeatedly since December 2019, when a rocket attack killed a contractor": the
                # date of the event its "when" clause tells, whatever the parse hangs it on (not
                # "had been in captivity since November, when gunmen boarded his yacht": a state)
                role = "trigger"
        # "attacking the area since Wednesday" (not "until Wednesday"): when it began
        began = (
            d.precision == "day"
            and bound is not None
            and bound.group().split()[0].lower() == "since"
        )
        ended = (
            d.precision == "day"
            and not on_dateline
            and triggers().ended.search(text, sents[_sent_of(sents, d.start)][0], d.start)
            is not None
        )
        out.append(
            _Dated(
                d.start,
                d.date,
                d.precision,
                role == "trigger",
                role == "speech",
                began,
                d.source == DEED_YEAR,
                on_dateline,
                ended=ended,
                motive=in_motive,
            )
        )
    return sorted(out, key=lambda d: d.start)


# a present of unknown day, centuries before any report: its dates compare only with each other
_UNKNOWN_YEAR = 1004
# ... and one after every report, for a page that names years (_later_present); dates counted
# from either are dropped once the events are told apart
_LATER_YEAR = 9004


def _counted(date: str) -> bool:
    """The date was counted from an unknown present, not told."""
    return int(date[:4]) < _UNKNOWN_YEAR + 100 or int(date[:4]) > _LATER_YEAR - 100


def _unknown_present(mentions: Sequence[DateMention]) -> dt.date:
    """The day an undated report's relative dates count from, in a year of no report and a
    month the report does not name: a report tells of its own month's events by their day or
    as "this month", so "an attack in October" beside "on Sunday" is another month's. It is the
    day after the first weekday the report names, as most reports are ("Monday's attack" told
    on the Tuesday)."""
    named = {m for d in mentions if calendar_parts(d.text)[0] is None for m in months_named(d.text)}
    month = next((m for m in range(1, 13) if m not in named), 1)
    return _after_first_weekday(dt.date(_UNKNOWN_YEAR, month, 15), mentions)


def _after_first_weekday(day: dt.date, mentions: Sequence[DateMention]) -> dt.date:
    """The first day from ``day`` on that follows the first weekday the mentions name."""
    weekday = next((w for d in mentions if (w := calendar_parts(d.text)[1]) is not None), None)
    if weekday is not None:
        day += dt.timedelta(days=(weekday + 1 - day.weekday()) % 7)
    return day


def _counted_from(
    present: dt.date,
    found: Sequence[DateMention],
    counted: Sequence[DateMention],
    keep: bool = False,
) -> list[DateMention]:
    """The mentions of an undated report, relative ones (``counted`` from ``present``) dated as
    they lie from that present; a month's day without a year ("on August 5") stays undated, as
    no present tells how far back it lies. Dates told with their year are dropped too, or with
    ``keep`` kept as told."""
    absolute = {(d.start, d.end): d for d in found if d.date}
    out = []
    for d in counted:
        told = absolute.get((d.start, d.end))
        if told is not None and keep:
            out.append(told)
        elif told is None and calendar_parts(d.text)[0] is None:
            out.append(d)
        else:
            out.append(replace(d, date=None, precision=None))
    return out


def _day_of_the_page(d: DateMention) -> bool:
    """An undated page's day counted from its own ("on Monday", "yesterday"), unresolved."""
    month_day, weekday = calendar_parts(d.text)
    return (
        d.date is None and month_day is None and (weekday is not None or counts_from_report(d.text))
    )


def _later_present(mentions: Sequence[DateMention]) -> dt.date:
    """The present of an undated page that names years (see :func:`_unknown_present`), after
    all of them: the day after the first weekday it names, in a year of no report."""
    return _after_first_weekday(dt.date(_LATER_YEAR, 6, 15), mentions)


def _today() -> dt.date:
    return dt.date.today()


def _undated_days(
    doc: Doc,
    mentions: Sequence[DateMention],
    trig_tokens: set[int],
    sents,
    clusters: list[_Cluster],
) -> None:
    """The days an undated report names without a year ("on Sunday", "on March 22").

    An event told "on March 22" and on a "Friday" happened in the one year since the latest
    year the text names in which March 22 was a Friday (a report is written after the years it
    names; a calendar that repeats within that span leaves the date unknown). Otherwise the day
    it names stays on the event as its ``clue``, for the reports it will be merged with to date.
    """
    today = _today()
    # every year a date expression names ("July 2021", "since 2015")
    years = [
        int(y)
        for d in mentions
        for y in re.findall(r"\b(?:19|20)\d\d\b", d.text)
        if int(y) <= today.year
    ]
    speech = triggers().speech_verbs
    parts: list[_DayPart] = []
    for d in mentions:
        month_day, weekday = calendar_parts(d.text)
        month = None if month_day or weekday is not None or d.date else month_alone(d.text)
        named = month_day is not None or weekday is not None or month is not None
        relative = not named and d.date is None and counts_from_report(d.text)
        if not (named or relative) or (d.date is not None and month_day):
            continue  # (a weekday counted from a month's last day is no date: see _anchor)
        lo, hi = sents[_sent_of(sents, d.start)]
        near = {i for i in trig_tokens if lo <= doc[i].idx < hi}
        role = _governed(doc, d, near, speech)
        if role == "speech":  # "said on Friday" is the report's day
            continue
        if _UNTIL_BEFORE.search(doc_text(doc), max(0, d.start - 12), d.start):
            continue  # "stretches into Monday", "lasted until Tuesday": when it went on to
        parts.append(_DayPart(d, month_day, weekday, role == "trigger", month, relative))
    undated = [c for c in clusters if c.date is None]
    for c in undated:
        own = [p for p in parts if c.owns(sents, p.mention.start)]
        if not own and all(o is c or o.background for o in undated):
            # "The school hit on Saturday is ...": told of the one undated event not told in
            # passing
            own = [p for p in parts if not any(o.owns(sents, p.mention.start) for o in clusters)]
        days = [p for p in own if p.month is None and not p.relative]
        lead = _day_named([p for p in days if p.governed] or days)
        if lead is None:  # "An attack on the shrine in October": its month at least
            months = [p for p in own if p.month is not None]
            lead = next(iter([p for p in months if p.governed] or months), None)
        if lead is None:
            # "was killed today": a day, counted from one the page does not give; any day of
            # the reports it joins fits it
            lead = next((p for p in own if p.relative and p.governed), None)
        if lead is None:
            continue
        if years and lead.month_day and lead.weekday is not None:
            year = year_of_weekday(lead.month_day, lead.weekday, max(years), today)
            if year is not None:
                date = dt.date(year, *lead.month_day).isoformat()
                _set_date(c, [_Dated(lead.mention.start, date, "day", True)])
                continue
        c.clue = lead


class _DayPart(NamedTuple):
    """A day a date mention names without a year: its month and day, its weekday (Monday = 0),
    and whether an event's trigger governs it; or only its month ("in October"); or none of
    them, for a day counted from the report's own ("today")."""

    mention: DateMention
    month_day: tuple[int, int] | None
    weekday: int | None
    governed: bool = False
    month: int | None = None
    relative: bool = False  # "today", "last night": counted from the report's own day


def _day_named(parts: list[_DayPart]) -> _DayPart | None:
    """The day an event's undated mentions name: the first of its month-days when they lie
    within a few days of each other ("started on Aug. 2 ... battle on Aug. 3"), else its first
    weekday in the text (the lead's "on Sunday" before a later "into Monday")."""
    if not parts:
        return None
    days = sorted((p for p in parts if p.month_day), key=lambda p: (p.month_day, p.mention.start))
    if days:
        (m0, d0), (m1, d1) = days[0].month_day, days[-1].month_day
        if (m1 - m0) % 12 * 31 + d1 - d0 > 3:
            return None
        lead = days[0]
        weekdays = {p.weekday for p in parts if p.weekday is not None}
        if lead.weekday is None and len(weekdays) == 1:  # "on Monday ... on 2 November"
            lead = lead._replace(weekday=weekdays.pop())
        return lead
    return min(parts, key=lambda p: p.mention.start)  # (none names a month-day)


def _said_then(d: DateMention, quote: Quotation) -> DateMention:
    """A relative date inside a quotation, counted from the day it was spoken. Said on a known
    day, it resolves as usual; said in a month or year ("said last year"), an expression of a
    day or week ("today's bombing") can only be placed in that month or year, and a longer one
    ("last month", said some time last year) not at all."""
    value = resolve_date(d.text, dt.date.fromisoformat(quote.date))
    if quote.precision != "day":
        day_sized = value is not None and value[1] in ("day", "week")
        value = (quote.date, quote.precision) if day_sized else None
    return replace(d, date=value[0] if value else None, precision=value[1] if value else None)


_SINCE = re.compile(r"(?:since|from|until|till|through|throughout)\b", re.I)
_SINCE_BEFORE = re.compile(
    r"\b(?:since|until|till|through|throughout)\s+(?:the\s+)?(?:(?:early|late|mid|summer|"
    r"spring|autumn|fall|winter|start|end|beginning|middle)\s+)?$",
    re.I,
)
# "the first suicide attack in Damascus since the fall of Assad in December": the date of what
# "since" counts from, told after its noun
_SINCE_NOUN = re.compile(
    r"\bsince\s+(?:the|a|an|his|her|its|their)\s+(?:[\w'’-]+\s+){1,10}(?:in\s+|on\s+)?$", re.I
)


# a clause right after a deed's date that tells what the deed did: "since a shooting at the mosque
# in June 2015 that killed six" (as a "when" clause does)
_THAT_CLAUSE = re.compile(r",?\s*(?:that|which)\b[^.;:()]{0,120}", re.I)


def _event_when(text: str, end: int, trigs: list[Trigger]) -> bool:
    """A "when" clause right after a date tells an event (a trigger in it): "since May 2016,
    when coordinated bombings ... killed more than 140", not "since the summer of 2021, when the
    Taliban took over"; so does a "that" clause after a deed and its date ("since a shooting ...
    in June 2015 that killed six people")."""
    m = WHEN_CLAUSE.match(text, end) or _THAT_CLAUSE.match(text, end)
    return m is not None and any(m.start() <= t.start < m.end() for t in trigs)


def _when_killed(text: str, end: int) -> bool:
    """The "when" (or "that") clause after a date tells a deed with its dead ("..., when a rocket
    attack on the base killed a contractor")."""
    m = WHEN_CLAUSE.match(text, end) or _THAT_CLAUSE.match(text, end)
    done = figure_lexicon().killings_done
    return m is not None and any(w.lower() in done for w in re.findall(r"[\w-]+", m.group()))


_RELATIVE_WORDS = re.compile(
    rf"\b{_WEEKDAY_WORD}|\b(?:yesterday|today|tonight|overnight|ago|"
    r"last|this|past|previous|earlier|later|weekend)\b",
    re.IGNORECASE,
)


def _relative(expression: str) -> bool:
    """A date counted from the day of the report or of a quotation ("on Saturday", "last
    week"), not one that names its month and day ("Saturday 17th June 2023")."""
    return bool(_RELATIVE_WORDS.search(expression)) and not names_month_and_day(expression)


def _anchor(article: Article) -> tuple[dt.date | None, bool]:
    """The date relative expressions resolve against, and whether it is a known day. A report
    known only by its month (a URL's /2021/05/) anchors at the month's last day so that "March
    24" gets its year, but weekdays and "yesterday" cannot be resolved."""
    try:
        day = dt.date.fromisoformat(article.published) if article.published else None
    except ValueError:
        return None, False
    if day is None or article.date_precision in (None, "day"):
        return day, day is not None
    return period_end(day, article.date_precision), False


def _modifying(doc: Doc, trigs: list[Trigger]) -> frozenset[int]:
    """The starts of triggers that are a past participle describing a noun ("the schoolgirls
    abducted from the school", "the passengers kidnapped on the highway"): the deed is told as
    known, and the sentence's news is something else (a release, a funeral)."""
    out = set()
    for t in trigs:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        # ("Last 12 kidnapped missionaries freed": a participle before its noun too, which the
        # tagger may read as an adjective)
        if (root.dep_ == "acl" and root.tag_ == "VBN") or (
            root.dep_ == "amod" and (root.tag_ == "VBN" or root.lower_.endswith("ed"))
        ):
            out.add(t.start)
    return frozenset(out)


def _trigger_tokens(doc: Doc, trigs: list[Trigger]) -> set[int]:
    out: set[int] = set()
    for t in trigs:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None:
            out.update(tok.i for tok in span)
    return out


def _governed(doc: Doc, d: Any, trig_tokens: set[int], speech: frozenset[str]) -> str:
    """What the date hangs off: "trigger", "speech" ("said on Friday") or "other" (another verb
    such as "took power", or nothing)."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return "other"
    tok = span.root
    for _ in range(8):
        if tok.i in trig_tokens:
            if (
                tok.dep_ == "pobj"
                and tok.head.lower_ == "since"
                and SUPERLATIVE_BEFORE.search(doc[tok.sent.start : tok.head.i].text)
            ):
                # "the deadliest attack since the bombing of the US embassy in 1998": the day
                # of the attack a comparison is measured from
                return "other"
            # "claimed responsibility for the attack on Thursday": the day of the claim; but
            # "... for the attack on February 17, 2023" names the attack's own day, and so does
            # a day the deed's own clause follows ("the attack on a church on Sunday that killed
            # 25")
            claim_day = (
                _claimed_for(tok, span)
                and span.start > tok.i
                and _relative(d.text)
                and not _DEED_CLAUSE.match(doc.text, span.end_char)
            )
            return "speech" if claim_day else "trigger"
        # "added the groups to its list" puts something somewhere: an act, not speech
        dest = _destination(tok)
        if tok.lower_ in speech and dest is None:
            if _trails_report(tok, span, trig_tokens) or _claimed_deed_day(
                tok, span, d, trig_tokens
            ):
                return "trigger"
            return "speech"
        if _blaming(tok) and span.end <= tok.i:
            # "the government on Tuesday blamed a banned party for an attack" (a date after the
            # verb may be the deed's: "blamed Boko Haram, whose fighters abducted ... in 2014")
            return "speech"
        if (
            tok.dep_ == "acl"
            and tok.tag_ == "VBG"
            and tok.head.dep_ in ("dobj", "obj", "nsubjpass")
            and (
                tok.head.head.i in trig_tokens
                or any(c.i in trig_tokens for c in tok.head.head.children)
            )
            and not d.text.lower().startswith("since")
        ):
            # "a blast hit a bus carrying engineers in Chitral in June": the parse hangs the
            # month on what the bus was doing; it dates the blast that hit it
            return "trigger"
        if tok.pos_ in ("VERB",):
            if any(c.dep_ in _OBJECTS and c.lower_ in _CLAIMED for c in tok.children):
                return "speech"  # "On March 29, IS took responsibility for the seizure": a claim
            # "hit by another bombing on ...", or a parse that hangs "On March 24, hundreds of
            # terrorists thought to be linked to ISIS stormed Palma" off "thought"
            hit = (
                any(
                    c.i in trig_tokens or any(g.i in trig_tokens for g in c.children)
                    for c in tok.children
                    # ("marched on Wednesday to condemn the bombing": the march's day)
                    if not _after_clause_of(c) and c.lower_ not in triggers().reaction_verbs
                )
                or any(
                    t.i in trig_tokens
                    for c in tok.children
                    if c.dep_ in _OBJECTS
                    for t in own_phrase(c, depth=4)
                )
                or (dest is not None and any(t.i in trig_tokens for t in own_phrase(dest, 4)))
            )
            return "trigger" if hit or _opens_trigger_sentence(span, trig_tokens) else "other"
        if tok.head.i == tok.i:
            if tok.pos_ == "AUX" and any(
                t.i in trig_tokens for c in tok.children if c.dep_ == "attr" for t in c.subtree
            ):
                # "He was one of four people seized by gunmen ..., on the night of May 2": the
                # parse hangs the day on the copula; what it dates is the deed its phrase tells
                return "trigger"
            break
        tok = tok.head
    # no verb above it: a misparse ("In June 2017, IS gunmen stormed ..." read with "IS" as the
    # root) still leaves a date that opens the sentence to the sentence's event
    return "trigger" if _opens_trigger_sentence(span, trig_tokens) else "other"


_ADD = frozenset({"add", "adds", "added", "adding"})  # the pipeline runs no lemmatizer
# a relative clause telling the deed's toll, right after a date: "on Sunday that killed 25"
_DEED_CLAUSE = re.compile(
    r"\s*,?\s*(?:that|which|in\s+which)\s+(?:also\s+)?(?:killed|left|wounded|injured|claimed\s+the)\b",
    re.I,
)


def _destination(tok: Any) -> Any:
    """The "to" phrase of "add" with a direct object: "the United States on Wednesday added the
    groups to its list" puts something somewhere, it says nothing. Also when the parse hangs the
    phrase lower ("added five figures from groups operating in Africa to its list"); not one
    inside a clause. Only "add": "released a video on Thursday showing ... to" is still the
    release's day."""
    if tok.lower_ not in _ADD or not any(c.dep_ == "dobj" for c in tok.children):
        return None
    for t in tok.subtree:
        if t.lower_ != "to" or t.dep_ != "prep":
            continue
        path, up = [], t
        while up.i != tok.i and len(path) < 8:
            path.append(up.dep_)
            up = up.head
        if up.i == tok.i and not {"ccomp", "advcl", "relcl", "xcomp"} & set(path):
            return t
    return None


def _blaming(tok: Any) -> bool:
    """An active blame verb: a party speaking ("X on Tuesday blamed Y"), unlike a passive one
    whose date is the deed's ("was blamed for bombings in Kampala in November 2021")."""
    return (
        triggers().blame_verbs.get(tok.lower_) == "accused"
        and any(c.dep_ == "nsubj" for c in tok.children)
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    )


def _after_clause_of(tok: Any) -> bool:
    """``tok`` heads an "after" clause: "students were missing on Saturday after gunmen attacked
    their school" dates what followed the attack, not the attack."""
    return tok.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("after", "since") for m in tok.children
    )


def _claimed_for(tok: Any, span: Any = None) -> bool:
    """The trigger is what responsibility or credit was claimed for; or what was claimed, with
    the day (``span``) right after it and the claim's own words after that ("claimed the attacks
    on Saturday in a message": the claim's day; not "claimed the attack on Tuesday on the army
    camp", the attack's)."""
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lower_ in _CLAIMED:
        return True
    return (
        span is not None
        and tok.dep_ == "dobj"
        and tok.head.lower_ in _CLAIM_VERBS
        and span.start - tok.i <= 2
        and _CLAIM_WORDS_AFTER.match(tok.doc.text, span.end_char) is not None
    )


# what may follow a claim's day: the end of its clause, or how the claim was made
_CLAIM_WORDS_AFTER = re.compile(
    r"\s*(?:[,.;:]|$|(?:in|through|via)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:message|statement|video|post|posting|channel|agency|audio|recording)\b|saying\b)",
    re.I,
)


_CLAIMED = frozenset({"responsibility", "credit"})  # what a group claims or takes


_CLAIM_VERBS = frozenset({"claim", "claims", "claimed", "claiming"})


def _claimed_deed_day(verb: Any, span: Any, d: Any, trig_tokens: set[int]) -> bool:
    """ "The TTP claimed the assault on the police office on February 17, 2023": a date that
    names its day after the deed a claim verb takes is the deed's (the parser hangs it off the
    verb), and so is a month or year anywhere ("In August 2022, IS-K claimed the bombing"); a
    weekday stays the claim's ("claimed the attack on Friday"), and so does a day before the
    verb ("On March 29, IS claimed the seizure of Palma")."""
    if verb.lower_ not in _CLAIM_VERBS or _relative(d.text):
        return False
    coarse = d.precision in ("month", "year")
    return any(
        t.i in trig_tokens and (coarse or t.i < span.start)
        for c in verb.children
        if c.dep_ in _OBJECTS
        for t in own_phrase(c, depth=4)
    )


def _trails_report(verb: Any, span: Any, trig_tokens: set[int]) -> bool:
    """A date at the end of the reported clause, before its speech verb, is the event's: "fighters
    attacked a camp in Inates on Tuesday, the army said on Wednesday" (the parser hangs "on
    Tuesday" off "said")."""
    return span.end <= verb.i and any(
        c.dep_ == "ccomp" and c.i < span.start and any(t.i in trig_tokens for t in c.subtree)
        for c in verb.children
    )


# the verb's object phrase may hold the trigger: "launched a series of coordinated attacks"
_OBJECTS = frozenset({"dobj", "obj", "nsubjpass", "attr"})


def _opens_trigger_sentence(span: Any, trig_tokens: set[int]) -> bool:
    """A date that opens its sentence ("On March 24, gunmen ...") dates the sentence's event."""
    sent = span.sent
    return span.start - sent.start <= 1 and any(t.i in trig_tokens for t in sent)


_CAPTURE = re.compile(r"captur|seiz", re.I)  # people are arrested; towns are captured or seized
_PLACE_NOUNS = frozenset(
    "city town village villages district capital port base headquarters area territory "
    "province region airport airfield outpost hill bridge".split()
)


def _place_captures(
    doc: Doc, trigs: list[Trigger], places: Sequence[PlaceMention] = ()
) -> list[Trigger]:
    """A town or base "captured"/"seized" is an attack, not an arrest: such triggers become weak
    armed_assault ones. The town is a place noun, a place entity or a gazetteer place. People
    "rounded up" by attackers or militants are taken hostage: a kidnapping."""
    towns = [(p.start, p.end) for p in places if p.role == "body" and p.precision != "country"]
    captors = triggers().armed_men
    out: list[Trigger] = []
    for t in trigs:
        if t.type == "arrest_or_capture" and _CAPTURE.match(t.text):
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            tok = span.root if span is not None else None
            # the subject is what was taken only when nothing else is ("city captured"), not the
            # captor ("Iran captured 10 militants")
            taken = (
                ("dobj", "nsubjpass", "nsubj")
                if tok is not None and not any(c.dep_ == "dobj" for c in tok.children)
                else ("dobj", "nsubjpass")
            )
            # ... and what "the capture of" takes ("The capture of Afrin is Turkey's biggest
            # military success")
            objects = [] if tok is None else [c for c in tok.children if c.dep_ in taken]
            if tok is not None and tok.pos_ == "NOUN":
                objects += [
                    g
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
            if any(
                c.lower_ in _PLACE_NOUNS
                or c.ent_type_ in ("GPE", "LOC", "FAC")
                or any(a <= c.idx < b for a, b in towns)
                for c in objects
            ):
                t = replace(t, type="armed_assault", strength="weak")
        if t.type == "arrest_or_capture" and _captor(doc, t) in captors:
            t = replace(t, type="kidnapping")
        out.append(t)
    return out


def _captor(doc: Doc, t: Trigger) -> str | None:
    """The head noun of who did the trigger's taking: its subject, or its "by" agent."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return None
    verb = span.root
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c.lower_
        if c.dep_ == "agent":
            return next((g.lower_ for g in c.children if g.dep_ == "pobj"), None)
    return None


def _locate(
    ctx: _Article,
    spans,
    main: bool,
    lead,
    head: Trigger,
    others: Sequence[tuple[int, int]] = (),
    support: Sequence[tuple[int, int]] = (),
) -> Location:
    doc, article, places = ctx.doc, ctx.article, ctx.places
    places = told_elsewhere(places, spans, others)  # a town told only with another event
    trigger = (head.start, head.end)
    own = [p for p in places if any(s <= p.start < e for s, e in spans)]
    if not main:  # a background event: only its own sentences say where it happened
        body = [p for p in own if p.role == "body"]
        if body or any(p.role == "destination" for p in own):
            # (a train "travelling from Abuja to Kaduna": the country of its route, not the
            # province of the report's main event; "near the border with Mali" says neither)
            return locate(doc, spans, article, body or own, lead, trigger, unknown=ctx.unknown)
    if not any(p.role in WHERE_ROLES for p in own):
        # (an event with no place of its own keeps the article's town: "the mosque was attacked
        # in 2022 too" is the same shrine far more often than a village the gazetteer lacks) --
        # as its other sentences (its headline, its doers) and those telling an attack name it;
        # a remark ("the wealth of Gwadar feeds recruitment") or an arrest ("detained at a flat
        # in Bornova") does not say where it was
        scenes = [*spans, *support, *_attack_sentences(ctx)]
        places = [
            p for p in places if p.role == "dateline" or any(s <= p.start < e for s, e in scenes)
        ]
    return locate(doc, spans, article, places, lead, trigger, unknown=ctx.unknown)


def _attack_sentences(ctx: _Article) -> list[tuple[int, int]]:
    """The sentences that tell an act of violence: a trigger of one, not of an official act (an
    arrest, a designation, a foiled plot) nor a plural that only tells a pattern ("a wave of
    attacks")."""
    told = {t.sentence for t in ctx.trigs if t.type not in _OFFICIAL and t.strength != PLURAL}
    return [ctx.sents[i] for i in sorted(told)]


def _mentions(doc: Doc, article: Article, actors: Any) -> list[Mention]:
    if actors is not None and getattr(actors, "mentions", None) is not None:
        return sorted(actors.mentions, key=lambda m: m.evidence.start)
    out = []
    for span in doc.spans.get("sitrep_actors", []):
        ev = Evidence(article.document_id, article.index, span.start_char, span.end_char, span.text)
        out.append(Mention(ev, span.label_, span.text))
    return out


# ---------------------------------------------------------------- grouping sentences into events


@dataclass
class _Grouping:
    """Event sentences grouped into clusters as they come, in text order."""

    text: str
    sents: list[tuple[int, int]]
    dated_in: dict[int, list[_Dated]]  # sentence index -> every date in it
    fig_starts: list[int]  # offsets of the casualty figures
    published: str | None
    title_end: int = 0
    clusters: list[_Cluster] = field(default_factory=list)
    last: dict[int, int] = field(default_factory=dict)  # cluster index -> last sentence index
    pending: list[int] = field(default_factory=list)  # claims and figures before any event
    triggers: dict[int, list[Trigger]] = field(default_factory=dict)  # sentence -> its triggers
    settlements: list[tuple[int, str]] = field(default_factory=list)  # unknown towns: (start, name)
    modifiers: frozenset[int] = frozenset()  # triggers told as a participle of a noun (_modifying)

    def recent(self, i: int, head: Trigger | None = None) -> int:
        """The event sentence ``i`` would continue (see ``_recent``). An earlier event told in
        passing holds on only within its paragraph, or where a sentence names it again ("That
        attack was claimed ...", "then"): the next paragraph is back on the main event ("No
        group claimed the latest attack")."""
        k = _recent(self.clusters, self.last, i, head)
        if k == 0 or not self._in_passing(self.clusters[k]):
            return k
        s = self.sents[i][0]
        told = self.sents[self.last[k]][1]
        if "\n" not in self.text[told:s]:
            return k
        again = [(m, t) for m, t in self._told_again_as(i) if not m.group("latest")]
        main_kind, its_kind = _noun_kind(self.clusters[0].head), _noun_kind(self.clusters[k].head)
        named = [t for _, t in again if t is not None]
        if named and all(_noun_kind(t) == main_kind != its_kind for t in named):
            return 0  # "No group claimed the bombing": the main event's kind, named again
        return k if again else 0

    def _told_again_as(self, i: int) -> list[tuple[re.Match[str], Trigger | None]]:
        """Where sentence ``i`` names an event already told ("that attack", "then"), with the
        trigger of the event noun it names ("attack"), if any."""
        s, e = self.sents[i]
        ts = self.triggers.get(i, ())
        return [
            (m, next((t for t in ts if m.start() <= t.start < m.end()), None))
            for m in _TOLD_AGAIN.finditer(self.text, s, e)
        ]

    def named(self, i: int, k: int) -> int:
        """The event a sentence that names one by its kind is about: "Islamic State claimed
        responsibility for the Reina nightclub attack" after the arrest of the gunman's wife is
        the attack's (the last told of that kind), not the arrest's."""
        said = [(m, t) for m, t in self._told_again_as(i) if t is not None]
        if not said:
            return k
        m, kind = said[0]
        told = [j for j in self.last if _same_kind(kind, self.clusters[j].head)]
        # the words that single it out ("nightclub"), found in one told of that kind
        named = self.text[m.start() : kind.start]
        words = {w.lower() for w in re.findall(r"\w{4,}", named)}
        if any(_same_kind(t, self.clusters[k].head) for _, t in said):
            # the one it would continue is of that kind too: another only when a name singles
            # it out ("the Besham bombing" after a bus blast of 2021)
            names = {w.lower() for w in re.findall(r"\b[A-Z]\w{3,}", named)}
            sharing = [j for j in told if names & self._words_of(self.clusters[j])]
            if not sharing and not _same_noun(kind, self.clusters[k].head):
                # told in the same sentence as the one it would continue, and called by its noun
                alike = [
                    j
                    for j in told
                    if self.last[j] == self.last[k] and _same_noun(kind, self.clusters[j].head)
                ]
                return alike[0] if alike else k
            if not sharing or k in sharing:
                return k
            return max(sharing, key=lambda j: self.last[j])
        sharing = [j for j in told if words & self._words_of(self.clusters[j])]
        return max(sharing or told, key=lambda j: self.last[j]) if told else k

    def _words_of(self, c: _Cluster) -> set[str]:
        return {
            w.lower()
            for i in c.sentences
            for w in re.findall(r"\w{4,}", self.text[slice(*c.part(self.sents, i))])
        }

    def _in_passing(self, c: _Cluster) -> bool:
        """An event told as an earlier one: its day, month or year over a week before the main
        event's (or the publication's)."""
        if c.aside:
            return True
        main = self.clusters[0]
        ref = main.date or main.hint or self.published
        return ref is not None and _stale(c, ref)

    def _definite(self, i: int, s: int) -> list[Trigger]:
        """The triggers of sentence ``i`` (from ``s``) told as known: "the attack", "that blast"."""
        return [
            t
            for t in self.triggers.get(i, ())
            if _DEFINITE.search(self.text, max(s, t.start - 12), t.start)
        ]

    def _refers_back(self, i: int, s: int, head: Trigger) -> bool:
        """The sentence names the event told or its doers again: "the attack", "the attackers",
        or, of an arrest, the people arrested ("the suspects, most of them arrested on Monday")."""
        return (
            any(t.start <= head.start for t in self._definite(i, s))
            or bool(_the_doers().search(self.text, s, head.end))  # (the head may be "the gunmen")
            or (
                head.type == "arrest_or_capture"
                and bool(_THE_ARRESTED.search(self.text, s, head.start))
            )
        )

    def tell(
        self,
        i: int,
        head: Trigger,
        sdates: list[_Dated],
        here: list[PlaceMention],
        clause: tuple[int, int] | None = None,
        apart: bool = False,
        follows: bool = False,
    ) -> None:
        """Sentence ``i`` (or its ``clause``, when it tells two events) tells an event by its
        trigger ``head``: it joins the event it continues or starts a new one. ``apart``: the
        clause tells another event than the one it would continue (the attack a reprisal
        followed); ``follows``: a later one than the first clause's (not the deed an action
        followed, told after it)."""
        text, clusters, last = self.text, self.clusters, self.last
        s, e = clause or self.sents[i]
        later = _SPAN_AFTER.search(text, head.end, e)
        cut = later.start() if later is not None else e  # the end of what tells this event
        if later is not None:
            # "Tuesday's attack came a day after Mali, Burkina Faso and Niger marked ...": what
            # it came after is not where it happened, nor when; its day, given, dates this one
            here = [p for p in here if p.start < later.start()]
            theirs = [
                d for d in self.dated_in.get(i, []) if later.end() <= d.start < e and not d.speech
            ]
            sdates = [d for d in sdates if d.start < later.start()]
            if not sdates and theirs and theirs[0].precision in ("day", "month"):
                gap = _days_back(later)
                sdates = [_before(theirs[0].date, theirs[0].precision, gap, head, forward=True)]
        told_before = False
        if not sdates and clusters and any(s <= f < cut for f in self.fig_starts):
            # "In December, the ministry said 21 people were killed at Libiri": a toll told in
            # a month before the event just told, so of an earlier one, of that month at the
            # latest (without a toll, the sentence may name an earlier event told before)
            ref = clusters[self.named(i, self.recent(i, head))]
            # its day, or the day its sentences name when it has no date yet
            ref_day = (
                (ref.date if ref.precision in ("day", "week") else None) if ref.date else ref.hint
            )
            if ref_day is None and ref is clusters[0] and not ref.known and not ref.headline:
                # the main event, undated so far, is news of the days before publication: "Late
                # last month, security forces said they had killed 16" tells an earlier one (not
                # while only the headline told it: the lead may date it, whatever the page date)
                ref_day = self.published
            earlier = [
                d
                for d in self.dated_in.get(i, [])
                if s <= d.start < cut
                and ref_day
                and _before_event(d, ref_day)
                and not _RELATIVE_OPEN.search(text, s, d.start)  # "ISWAP, which split ... in 2016"
                # "after the Taliban took control of the country last August": a point counted from
                and not _REFERENCE_OPEN.search(text, s, d.start)
                and not d.filed  # "KABUL, Dec 25 (Reuters) - ...": the report's day
            ]
            # ... and a day of that month named further on dates it ("on the night of 22/23 March")
            sdates = earlier[:1] + [
                d
                for d in earlier[1:]
                if d.precision == "day" and _same_date(d, earlier[0].date, earlier[0].precision)
            ]
            told_before = bool(sdates)
        counted_back = False
        gap = _gap_from_told(text, sdates[0].start) if sdates and clusters else None
        forward = False
        opening = _opening_gap(text, s) if gap is None and not sdates and clusters else None
        if opening and opening[0].days and not self._refers_back(i, s, head):
            # "Two days later, armed men killed three officers": no date of its own, a span
            # counted from the event just told (not "Hours later, IS claimed the bombing": the
            # same event's news)
            gap, forward = opening
        # "Hours after the church attacks, a bomb went off in a flat in Sidoarjo": a deed of its
        # own, after the one the opening names (dated from it when it has no day of its own)
        behind = _AFTER_TOLD.match(text, s, head.start) if clusters and clause is None else None
        after_told = (
            behind is not None
            and head.strength == "strong"
            and not self._refers_back(i, behind.end(), head)
        )
        if after_told and behind is not None and gap is None and not sdates:
            gap, forward = _days_back(behind), True
        if gap is not None:
            # "On 1 July, the group attacked army posts ... A month earlier, fighters had stormed
            # the camp", "In 2012 ... A few weeks earlier", "... The previous month": counted
            # back from the event just told, not from the report's day
            told_c = clusters[self.recent(i, head)]
            if told_c.date and told_c.precision in ("day", "month", "year"):
                sdates = [_before(told_c.date, told_c.precision, gap, head, forward)]
                counted_back = True  # so another event than that one
        # "the attacks on 9/11" happened where the name says, whatever the sentence names
        countries = {head.named.country} if head.named else {p.country for p in here}
        regions = {p.admin1 for p in here if p.admin1}
        sdates = sorted(sdates, key=lambda d: abs(d.start - head.start))  # nearest the trigger
        # "In June 2015, a suicide bomber killed 27 people ... during Friday prayers": a weekday
        # naming what is held that day, counted from the page, is none of a sentence that tells
        # its day, month or year, another one ("since January 27 last year, when ... during
        # Sunday Mass")
        told = [
            d
            for d in self.dated_in.get(i, [])
            if d.precision in ("month", "year")
            or (d.precision == "day" and not _WEEKDAY_AT.match(text, d.start))
        ]
        if told:
            kept = [
                d
                for d in sdates
                if not (
                    d.precision == "day"
                    and _WEEKDAY_NOUN.match(text, d.start)
                    and not any(_same_date(d, t.date, t.precision) for t in told)
                )
            ]
            # (the sentence's own date then dates it, even as a bound: "since January 27")
            sdates = kept if len(kept) == len(sdates) else kept or told[:1]
        # "sentenced on Monday ... for the attack on a synagogue in Graz on March 4, 2021": a
        # day given in a deed's own phrase is the deed's
        deed_days = _in_deed_phrase(text, sdates, self.triggers.get(i, ()))
        if any(d.ended for d in deed_days):
            # "ended the siege of the hotel on Saturday, after gunmen stormed it late Friday":
            # the day it began, though further from the deed's words, dates it (_set_date)
            deed_days += [d for d in sdates if not d.ended and d not in deed_days]
        sdates = deed_days or sdates
        # "the siege of Zamboanga in 2013, when rebels took over parts of the city on September
        # 9, 2013": the day its "when" clause gives, in that year or month
        for d in [d for d in sdates if d.precision in ("month", "year")]:
            when = _WHEN_AFTER_DATE.match(text, d.start)
            sdates += [
                w
                for w in self.dated_in.get(i, [])
                if when is not None
                and when.end() <= w.start < e
                and w.precision == "day"
                and not w.speech
                and _same_date(w, d.date, d.precision)
            ]
        past = told_before or bool(
            triggers().past.search(text[max(s, head.start - 40) : head.start])
        )
        # "resembled the 2016 attack on the American University": a deed named by its year, one
        # before the report's, is an earlier one
        this_year = self.published[:4] if self.published else None
        past = past or any(
            d.of_deed and (this_year is None or d.date[:4] < this_year)
            for d in self.dated_in.get(i, [])
            if max(s, head.start - 40) <= d.start < head.start
        )
        after = _DAYS_AFTER.search(text[s : head.start])
        if after is not None and _AFTER_BEING.search(text, s, head.start):
            # "a man died days after being assaulted": two moments of one event, not a gap
            # between this event and another
            after = None
        if (
            after is not None
            and _AFTER_THE.search(text, s, head.start)
            and (
                head.strength != "strong"
                # "relatives, who formed a collective the day after the massacre": a massacre
                # already told, named again without a day or place of its own
                or (
                    not sdates
                    and not here
                    and _BARE_NOUN_END.match(text, head.end) is not None
                    # ("The attack came a day after the massacre": another one)
                    and not any(s <= t.start < head.start for t in self.triggers.get(i, ()))
                    and any(_same_kind(head, c.head) for c in clusters)
                )
            )
        ):
            after = None  # "claimed responsibility hours after the attack": the one just told
        if after is not None:  # "announced on October 31, days after X was killed"
            # unless the earlier event gives its own day ("months after a man stabbed six
            # people in Mannheim on 31 May"), or month ("days after the third anniversary of
            # the January 2016 assault": the anniversary is no day of the assault)
            its_day = [d for d in sdates if d.start > s + after.start()]
            before = _days_after(after, s, self.dated_in.get(i, []), head)
            sdates, past = (its_day or ([before] if before else [])), True
        back = _days_back(after) if after is not None else None
        opening = self.sents[i][0]  # (a clause after "The day before X," starts later)
        ahead = _BEFORE_TOLD.match(text, opening, head.start) if clusters and not after else None
        if ahead is not None:
            # "The day before the Besham bombing, fighters attacked a naval base in Turbat": an
            # earlier event, dated from the one it is told against
            one = ahead.group("n") is None and ahead.group("unit").lower() == "day"
            back, past = (_Gap(1, "day") if one else _days_back(ahead)), True
            # (its own day, told after: "A few hours before Kologo, on Friday evening, ...")
            sdates = [d for d in sdates if d.start >= ahead.end() and d.precision == "day"]
        counted = any(s <= f < e for f in self.fig_starts)  # a figure of its own
        # "A second blast in the Medina district killed two people": not the first blast's toll
        separate = counted and _separate(text[max(s, head.start - 120) : head.start])
        # "(The bombing) followed a string of attacks": the series before it, of its own time
        series = clause is not None and head.strength == SERIES and bool(_FOLLOWED.match(text, s))
        # (a weak deed with a toll of its own too: "Hours earlier, ... a helicopter was shot
        # down by a drone, killing nine soldiers")
        # (or a weak one in a province of its own: "Hours before, in the rural zone of Amalfi,
        # in Antioquia, a police helicopter was attacked with a drone", after a bombing in Cali)
        elsewhere = bool(regions) and bool(clusters) and not (regions & clusters[-1].regions)
        aside = (
            bool(clusters)
            and (head.strength == "strong" or counted or elsewhere)
            and _earlier_that_day(text, s, e, sdates)
        )
        if aside and self._refers_back(i, s, head):
            aside = False  # "Earlier on Monday, the attackers detonated a car bomb at the gate"
        # "Hours later, a suicide bomber struck the mourners at the hospital": another deed of
        # the same day (not "Hours later, the gunmen were killed": the same event's end)
        later_that_day = (
            bool(clusters)
            and head.strength == "strong"
            and _LATER_OPENING.match(text, s, e) is not None
            and not self._refers_back(i, s, head)
        )
        separate = separate or aside or later_that_day
        # a town named in the sentence is as good as a date or figure for telling events
        # of different countries apart ("rammed his vehicle into police in Paris")
        own = counted or (head.strength == "strong" and bool(regions))
        # the second clause: the attack the action followed
        earlier = s > self.sents[i][0] and not follows
        # "in the assault on the prison, which started late on Sunday when a suicide bomber
        # ...": the day the event already told began, not another attack's
        named_day = (
            bool(sdates)
            and NAMED_DAY.match(text, sdates[0].start) is not None
            and not any(t.start < head.start for t in self._definite(i, s))
        )
        towns = frozenset(p.place for p in here if p.place and p.precision == "place") | {
            name for at, name in self.settlements if s <= at < e
        }
        # ... or by whose it is ("Jasim's capture", "Friday's attack")
        told_again = self._refers_back(i, s, head) or (
            not head.text.lower().endswith("ed")  # a deed named, not done ("the Taliban attacked")
            and bool(_WHOSE_DEED.search(text, max(s, head.start - 30), head.start))
        )
        # "The attack came two days after gunmen stormed the airport": "The attack" is the event
        # told; the deed of the days-after clause is an earlier one, whatever day it names
        after_clause = after is not None and s + after.end() <= head.start
        if after_clause:
            told_again = False
        if _DIED_OF_WOUNDS.search(text, s, e) and clusters:
            # "A police officer who was stabbed during the attack died of his injuries on
            # Sunday": a death that came later, the toll of the event told, not a new attack of
            # the day it came
            told_again, sdates, after = True, [], None
        if _AGAIN.search(text, s, min(e, head.end + 7)):
            # "On Monday night, attackers struck again at ...": the same doers, another attack
            told_again = False
            separate = separate or (named_day and head.strength != SERIES)
        where = _Where(countries, regions, own, counted, named_day, told_again, towns)
        told = self.named(i, self.recent(i, head)) if clusters else None
        target = _place_in(
            clusters, told, head, sdates, where, past, self.published, strict=clause is not None
        )
        if (
            (back is not None and (after_clause or not sdates) and target == told)
            or (ahead is not None and target == told)
            or separate
            or series
            or counted_back
            or after_told
            or (apart and target == told)
        ):
            target = None  # "The attack came a week after ...": not the attack just told
        if target is None:
            c = _Cluster([i], head, countries=set(countries), regions=set(regions), aside=aside)
            c.towns |= towns
            c.headline = s < self.title_end
            c.known = (
                not clusters
                and not sdates
                and (
                    told_again
                    or after is not None
                    or any(t is not None for _, t in self._told_again_as(i))  # "the terror attack"
                    # "The schoolgirls abducted from ... have regained their freedom"
                    or head.start in self.modifiers
                )
            )
            _set_date(c, sdates)
            if back is not None and not sdates and told is not None:
                # dated once the event told has its date
                c.after = (clusters[told], back)
            elif separate and not sdates and told is not None:
                # "A second bomb ... exploded at about the same time": the day of the first
                c.after = (clusters[told], _Gap(0, "day"))
            if clusters:
                c.background = (
                    past
                    or earlier
                    or aside
                    or _earlier(c, clusters[0])
                    or _named_elsewhere(text, s, e, clusters[0])
                )
            clusters.append(c)
            target = len(clusters) - 1
            c.support.extend(self.pending)
            self.pending.clear()
        else:
            c = clusters[target]
            c.sentences.append(i)
            c.headline = c.headline and s < self.title_end
            if not c.countries:
                # the country the event was first told in; later sentences add comparisons
                # ("followed a string of similar attacks inside Afghanistan")
                c.countries |= countries
            c.regions |= regions
            c.towns |= towns
            if _arrested_before(c, head, sdates, where):
                c.date, c.precision, c.date_at = None, None, None  # the announcement's day
            _set_date(c, sdates)
        if clause is not None:
            c.clauses[i] = clause
        if c.hint is None:
            # "students were missing on Saturday after gunmen attacked": near the event's day
            c.hint = next(
                (
                    d.date
                    for d in self.dated_in.get(i, [])
                    if not d.strong and not d.speech and d.precision == "day" and s <= d.start < cut
                ),
                None,
            )
        last[target] = i


_AGAIN = re.compile(r"\bagain\b", re.I)
_REFERENCE_OPEN = re.compile(r"\b(?:after|since|following|before|until)\b[^,;]*$", re.I)
_UNTIL_BEFORE = re.compile(r"\b(?:into|until|till|through)\s+$", re.I)


# what may stand between an attack word and the day in its own noun phrase: "on the synagogue
# in Halle", "at a market in Kano" (no clause, no verb)
def _in_deed_phrase(text: str, dates: list[_Dated], trigs: Sequence[Trigger]) -> list[_Dated]:
    """The ``dates`` given in a trigger's own phrase ("the attack on a synagogue in Graz on March
    4, 2021"), none separated from it by more than its place words; or whose it is ("last
    Saturday's truck bombing")."""
    return [
        d
        for d in dates
        if any(
            _IN_DEED_PHRASE.fullmatch(text, t.end, d.start)
            or (d.start < t.start and _WHOSE_DAY.fullmatch(text, d.start, t.start))
            # "the 2016 attack on the university" (beside "In a post on Wednesday": its day)
            or (d.of_deed and d.start < t.start and _DEED_YEAR.fullmatch(text, d.start, t.start))
            for t in trigs
        )
    ]


# a victim dying after the event: "died of his injuries", "succumbed to her wounds"
_DIED_OF_WOUNDS = re.compile(
    r"\b(?:died|dies|succumbed|succumbs)\s+(?:later\s+)?(?:of|from|to)\s+(?:his|her|their|the|its)\s+"
    r"(?:[\w-]+\s+)?(?:injuries|wounds|injury|wound)\b",
    re.I,
)
# a date and the "when" clause after it ("in 2013, when ...")
_WHEN_AFTER_DATE = re.compile(r"[^,.;]{0,25}?,?\s+when\b", re.I)
# a weekday alone, as a page's day counts it ("on Friday", "during Friday prayers")
_WEEKDAY_AT = re.compile(
    rf"(?:(?:on|during|last|late|early|this|since)\s+)*{_WEEKDAY_WORD}\b"
    rf"(?!\s*,?\s*(?:\d|{MONTH_NAME}\s+\d))",
    re.I,
)
# ... naming what is held on that day ("during Friday prayers", "at Sunday Mass"), not when
_WEEKDAY_NOUN = re.compile(
    rf"(?:(?:during|at|after|before|for|the)\s+)*{_WEEKDAY_WORD}\s+"
    r"(?!(?:morning|afternoon|evening|night|midnight|noon|dawn|last|this|next)\b)[A-Za-z]",
    re.I,
)
# the year before the deed's words: "the 2016 attack", "the 2005 Makati bombings"
_DEED_YEAR = re.compile(r"(?:the\s+)?(?:19|20)\d\d\s+(?:[\w'’-]+\s+){0,2}", re.I)


# a day whose deed it is, right before the deed's words: "last Saturday's truck bombing",
# "Friday's attack" (not "last year's")
_WHOSE_DAY = re.compile(
    rf"(?:(?:last|this|past)\s+)?{_WEEKDAY_WORD}['’]s\s+(?:[\w-]+\s+){{0,2}}",
    re.I,
)


_IN_DEED_PHRASE = re.compile(
    r"(?:\s+(?:on|at|in|near|against|of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+)*"
    r"\s+(?:on\s+)?",
    re.I,
)
# a relative clause opened and not yet closed at the end of the text searched
_RELATIVE_OPEN = re.compile(r",\s+(?:which|who)\b[^,;()]*$", re.I)


def _separate(before: str) -> bool:
    """The words before a trigger mark it as a separate event: "a second (suicide) blast", or the
    trigger's subject does ("A second bomb, planted by a roadside, exploded"); not "for a second
    day, gunmen attacked"."""
    trig = triggers()
    marks = list(trig.separate.finditer(before))
    if not marks:
        return False
    rest = before[marks[-1].end() :]
    # (an adjective may stand between, set off by commas: "A second, smaller bomb exploded")
    if re.fullmatch(r",?\s+(?:[\w-]+,?\s+)?", rest):
        return True
    noun = trig.separate_nouns.match(rest)
    return noun is not None and _SUBJECT_TAIL.fullmatch(rest, noun.end()) is not None


# "Kasi was shot dead earlier on Monday", "Hours earlier, gunmen shot dead three policemen": an
# event of the day, told as another one, before the one just told
_EARLIER_DAY = re.compile(r"\bearlier\s+$", re.I)
_EARLIER_OPENING = re.compile(
    r"\W*(?:(?:hours|minutes)\s+(?:earlier|before)|earlier\s+(?:that|in\s+the)\s+"
    r"(?:day|morning|afternoon|evening|night))\b",
    re.I,
)


@cache
def _the_doers() -> re.Pattern[str]:
    """An armed group's men named again: "the attackers", "their gunmen"."""
    men = "|".join(sorted(map(re.escape, triggers().armed_men), key=len, reverse=True))
    return re.compile(rf"\b(?:the|its|their)\s+(?:\w+\s+)?(?:{men})\b", re.I)


_THE_ARRESTED = re.compile(
    r"\b(?:the|those|these)\s+(?:\w+\s+)?(?:suspects|suspect|detainees|detainee|arrested|man|men|"
    r"woman|women|driver|teenager|gunman|attacker|assailant|bomber)\b",
    re.I,
)

# the mirror of _EARLIER_OPENING: a sentence opening on a later hour of the same day ("minutes
# later" is not one: the second blast or bomber of one coordinated attack)
_LATER_OPENING = re.compile(
    r"\W*(?:(?:(?:a\s+few|some|several|two|three)\s+)?hours\s+later"
    r"|later\s+(?:that|in\s+the)\s+(?:day|morning|afternoon|evening|night))\b",
    re.I,
)


def _earlier_that_day(text: str, s: int, e: int, sdates: list[_Dated]) -> bool:
    """The sentence tells its event as earlier on the day of the one told: its day is "earlier
    on Monday", or it opens "Hours earlier," / "Earlier that day,"; or earlier in its week,
    month or year ("Earlier this month")."""
    if _EARLIER_OPENING.match(text, s, e):
        return True
    return any(
        (d.precision == "day" and _EARLIER_DAY.search(text, max(s, d.start - 10), d.start))
        # "Earlier this month, nine people were wounded when a bomb hit ...": before the event
        # told, though in its month
        or _EARLIER_PERIOD.match(text, d.start)
        for d in sdates
    )


_EARLIER_PERIOD = re.compile(r"earlier\s+(?:this|in\s+the)\s+(?:week|month|year)\b", re.I)


# between a separate event's subject and its trigger: an aside and an auxiliary at most
_SUBJECT_TAIL = re.compile(r"\s*(?:,[^,;.]{1,80},\s*)?(?:(?:had|has|was|were|also|then)\s+)*")


def _cluster(
    text,
    sents,
    trigs,
    figures,
    dated,
    places,
    mentions,
    published,
    title_end: int = 0,
    unknown: Sequence[Unknown] = (),
    modifiers: frozenset[int] = frozenset(),
    commentary: bool = False,
) -> list[_Cluster]:
    trig = triggers()
    by_sent: dict[int, list[Trigger]] = {}
    plurals: dict[int, list[Trigger]] = {}
    for t in trigs:
        (plurals if t.strength == PLURAL else by_sent).setdefault(t.sentence, []).append(t)
    fig_sents = {_sent_of(sents, f.start) for f in figures}
    place_sents = {_sent_of(sents, p.start) for p in places if getattr(p, "role", "body") == "body"}
    # (and a settlement the gazetteer lacks, called one: "attacked his car in the town of Taji")
    place_sents |= {_sent_of(sents, u.start) for u in unknown if u.called}
    dated_in: dict[int, list[_Dated]] = {}
    for d in dated:
        dated_in.setdefault(_sent_of(sents, d.start), []).append(d)
    for i in sorted(dated_in):
        # "The facts go back to the 25 July. A convoy ... was ambushed", "Recall July 2021. A
        # bomb killed ...": a sentence that only gives a time dates the deed told next
        if (
            i + 1 < len(sents)
            and i + 1 not in dated_in
            and i not in by_sent
            and by_sent.get(i + 1)
            and sents[i][0] >= title_end
            and _time_only(text, sents[i], dated_in[i], published)
        ):
            dated_in[i + 1] = [replace(d, strong=True) for d in dated_in[i]]
    mention_sents = {_sent_of(sents, m.evidence.start) for m in mentions}
    group = _Grouping(
        text,
        sents,
        dated_in,
        [f.start for f in figures],
        published,
        title_end,
        triggers=by_sent,
        # settlements the gazetteer lacks, named as such ("the village of Poromoko"), tell events
        # of different towns apart as gazetteer towns do
        settlements=[(u.start, u.name) for u in unknown if u.called],
        modifiers=modifiers,
    )
    clusters, pending = group.clusters, group.pending
    # the later parts of a headline split at its semicolons ("...; US says it targeted him")
    parts = {
        i
        for i in range(1, len(sents))
        if _HEADLINE_JOIN.fullmatch(text, sents[i - 1][1], sents[i][0])
    }
    for i, (s, e) in enumerate(sents):
        sentence = text[s:e]
        ts = by_sent.get(i, [])
        sdates = [d for d in dated_in.get(i, []) if d.strong]
        if i in fig_sents and plurals.get(i) and not sdates:
            # "since the 2005 bombings of a bus in Makati, which killed 12": a plural named by
            # its year is dated by it
            sdates = [
                d
                for d in dated_in.get(i, [])
                if d.of_deed and any(0 < p.start - d.start <= 30 for p in plurals[i])
            ]
        if i in fig_sents and plurals.get(i) and sdates:
            # "since May 2016, when coordinated bombings in Jableh and Tartous killed more than
            # 140": a plural with a day and a toll of its own tells an event (the first one, or
            # one of another day than the event told: "The toll from Sunday's bombings ...")
            recent = clusters[group.recent(i)] if clusters else None
            if (
                recent is None
                or _other_day(sdates, recent.date)
                or sdates[0].precision != recent.precision
            ):
                ts = sorted([*ts, *plurals[i]], key=lambda t: t.start)
        claim = bool(trig.claim.search(sentence))
        here = [p for p in places if s <= p.start < e and p.role == "body"]
        anchored = (
            i in fig_sents or bool(sdates) or i in place_sents or (claim and i in mention_sents)
        )
        if ts and not anchored and any(_is_kill(t) for t in ts):
            # the killing of a named office-holder or leader is an event without date or toll
            anchored = targets_person(text, [(s, e)])
        if ts and not anchored:
            # "The attack came a week after US forces killed 13 fighters in an airstrike": the
            # clause places an event of its own before the one just told
            anchored = any(
                t.strength == "strong" and _DAYS_AFTER.search(text[s : t.start]) for t in ts
            )
        if ts and not anchored:
            # "X has designated two groups. In a statement released last week, ...": an official
            # action dated by the statement that announced it (undated, it is a standing state)
            anchored = any(
                _announced_day(text, sents, dated, t) for t in ts if t.strength == "strong"
            )
        if ts and not anchored and i in mention_sents:
            # "Today, the Department of State announces the designation of X": an official act
            # is made by announcing it, so the announcement's day is its own
            anchored = bool(dated_in.get(i)) and any(
                t.type == "designation" and t.strength == "strong" for t in ts
            )
        if ts and not anchored:
            # "The Department of State has designated X as a Foreign Terrorist Organization": an
            # official act told as just done is the news of the day it is published ("X has been
            # designated", "X is listed" are standing states)
            anchored = any(
                t.type == "designation"
                and t.strength == "strong"
                and _JUST_DONE.search(text, s, t.start) is not None
                for t in ts
            )
        if ts and all(t.strength == SERIES for t in ts):
            # a series is an event only when dated ("Last week the group launched a wave of
            # attacks"); "has carried out a string of attacks across Iraq" describes a pattern
            anchored = i in fig_sents or bool(sdates)
        if ts and anchored:
            head = _head(ts, sdates)
            if clusters:
                head = _after_clause(text, s, ts, head)
                before = _BEFORE_TOLD.match(text, s)
                later = [t for t in ts if before and t.start >= before.end()]
                if before and later and any(t.start < before.end() for t in ts):
                    # "The day before the Besham bombing, fighters attacked ...": what the
                    # fighters did is the sentence's event, not the bombing it is dated against
                    group.tell(i, _head(later, sdates), sdates, here, (before.end(), e))
                    continue
            split = _action_after_attack(text, ts, head)
            if split is None and clusters:
                split = _series_before(text, s, ts, head)
            if split is None:
                split = _dated_conjunct(text, e, ts, head, sdates)
            if split is None:
                # (a deed's date in its noun phrase is not governed by a verb: "the truck attack
                # on a Christmas market in December")
                told = [d for d in dated_in.get(i, []) if not d.speech]
                split = _listed_deed(text, ts, told)
                sdates = told if split is not None else sdates
            later_deed = False
            if split is None:
                split = _second_of_another_day(text, s, ts, head, sdates)
                later_deed = split is not None
            if split is None:
                group.tell(i, head, sdates, here)
                continue
            # "Police detained 25 people after gunmen attacked a church on Sunday, killing one":
            # the action, and the attack it followed, told in one sentence; "The bombing followed
            # a string of attacks on mosques": the event told, and the series before it
            cut, action = split
            # a reprisal and the attack it followed (_reaction) are two attacks: never one
            reprisal = (action.type not in _OFFICIAL and action.type != "execution") or later_deed
            for (lo, hi), lead in (
                ((s, cut), action),
                ((cut, e), _head([t for t in ts if t.start >= cut])),
            ):
                inside = [d for d in sdates if lo <= d.start < hi]
                group.tell(
                    i,
                    lead,
                    inside,
                    [p for p in here if lo <= p.start < hi],
                    (lo, hi),
                    apart=reprisal and lo == cut,
                    follows=later_deed and lo == cut,
                )
        elif i in parts and not ts and any(i - 1 in c.sentences for c in clusters):
            # "...killed in Syria; US says it targeted him": a part of the headline with no
            # trigger of its own tells the same news as the part before it
            next(c for c in clusters if i - 1 in c.sentences).sentences.append(i)
        elif (
            i in fig_sents
            or i in parts
            or (
                # (a pattern told in an aside, "X, which has carried out most of the attacks
                # in the province, distanced itself from the bombing", leaves the sentence this
                # event's)
                not _GENERIC.search(_ASIDE_CLAUSE.sub(",", sentence))
                and (
                    claim_cue(sentence)
                    or trig.accuse.search(sentence)
                    or trig.suspect.search(sentence)
                    or trig.deny.search(sentence)
                    or _names_doer(text, s, ts, trig)
                    or _doer_of_this(sentence)
                )
                and i in mention_sents
            )
        ):
            if not clusters:
                pending.append(i)
                continue
            target = group.named(i, group.recent(i))
            if clusters[target].head.type == "designation" and any(
                t.type in _ATTACKS and t.strength == "strong" for t in ts
            ):
                # "'Shene has once again massacred civilians', the bureau said" after a listing
                # told in passing: the attack told before it, not the listing
                target = next(
                    (k for k in range(target - 1, -1, -1) if clusters[k].head.type in _ATTACKS),
                    target,
                )
            own_day = [d for d in dated_in.get(i, []) if d.precision == "day" and not d.speech]
            c = clusters[target]
            # "On Monday officials counted 276 dead" after Saturday's bombing: a toll with no
            # deed of its own, told on a later day, is the event's toll as counted that day
            later_toll = (
                bool(own_day)
                and not ts
                and i in fig_sents
                and c.date is not None
                and own_day[0].date > c.date
            )
            if (
                own_day
                and c.precision == "day"
                and _days_apart(own_day[0].date, c.date) >= _OTHER_DAY
                and not later_toll
            ):
                # "Islamic State said its fighters had burned ... Siripa on 6 May": a claim
                # of another day's deed, not of the event told
                continue
            if (
                c.date
                and c.precision in ("day", "week")
                and any(_before_event(d, c.date) for d in dated_in.get(i, []) if not d.motive)
            ):
                # "In December, the ministry said 21 people were killed at Libiri": said, or
                # done, in a month before the event's; not of it
                continue
            c.support.append(i)
    _share_both(text, sents, clusters)
    for c in clusters:  # weak dates (not governed by a trigger) only when nothing better
        if c.date is None:
            weak = [
                d
                for d in dated
                if _sent_of(sents, d.start) in c.sentences
                and c.owns(sents, d.start)
                and not d.strong
                and not d.speech
                and d.precision == "day"
                and not _speech_sentence(text, sents, d)
            ]
            # "sentenced on Monday ... for the attack on the synagogue in Halle on October 9,
            # 2019": a day given in the deed's own phrase comes first
            own = [t for t in trigs if t.sentence in c.sentences]
            _set_date(c, (_in_deed_phrase(text, weak, own) or weak)[:1])
        if c.date is None and c.sentences:
            # "The Paris attacks ... killed 130 people" after "the Paris attacks of November 13"
            _set_date(c, _day_of_its_name(text, sents, dated, c))
        if c.date is None and c.sentences:
            _set_date(c, _opening_statement_day(text, sents, dated, c.sentences[0]))
        for t in [c.head, *(t for t in trigs if t.sentence in c.sentences)]:
            # (the headline "Turkey detains 25" may head what the lead says "have detained")
            if c.date is None and c.owns(sents, t.start):
                _set_date(c, _announced_day(text, sents, dated, t))
    clusters = _fold_headline(_main_first(clusters, published), sents, title_end)
    if published and _looking_back(clusters, published, text, sents, title_end):
        # no event of the days before publication, and events years apart (an analysis looking
        # back on Marawi 2017 and Easter 2019): each dated one is told in passing
        for c in clusters:
            c.background = c.background or c.date is not None
    # an opinion piece tells events in passing (sitrep.clean.genre): none is its
    # news, so none takes the lead's or the publication's day for want of its own
    news = clusters and not commentary
    if news and clusters[0].date is None:
        _set_date(clusters[0], _lead_day(text, sents, dated, clusters, published))
    elif clusters and clusters[0].date and clusters[0].precision == "week":
        # "over the weekend" in the lead, "at 6:18 a.m. local time on Sunday" further down; in
        # an opinion piece, a day the event's own sentences give ("The hijacking last week
        # ... Fighters blew up the track on March 11")
        week = clusters[0].date
        day = _lead_day(text, sents, dated, clusters, published)
        if not news:  # (the event's sentences, or the one right after)
            near = {k for i in clusters[0].sentences for k in (i, i + 1)}
            day = [d for d in day if _sent_of(sents, d.start) in near]
        _set_date(clusters[0], [d for d in day if _same_date(d, week, "week")])
    if (
        news
        and clusters[0].date is None
        and published
        and (trig.fresh.search(text, 0, title_end) or _told_fresh(text, sents, clusters[0]))
    ):
        # no day named, but the report tells of it as just happened ("have been killed so far")
        clusters[0].date, clusters[0].precision = published, "day"
    for c in clusters:
        if c.after and c.date is None and c.after[0].date:
            told, gap = c.after
            _set_date(c, [_before(told.date, told.precision or "day", gap, c.head)])
    for c in clusters[1:]:  # the main event's date may have come only now (its lead's day)
        # with the main event undated, an older one of its kind with no toll of its own may be
        # the main event told again with its day ("I was kidnapped in Gao on April 8"), unless
        # it is over a year old
        apart = (
            c.head.type != clusters[0].head.type
            or any(i in fig_sents for i in c.sentences)
            or bool(c.date and published and _days_apart(c.date, published) > 365)
        )
        c.background = c.background or _earlier(c, clusters[0], published if apart else None)
        if c.background and not c.aside and _arrest_news(c, clusters[0], published):
            # (told in the arrest's clause, "suspected of planting the bomb that killed five",
            # it was taken for the deed the action followed, in passing)
            c.background = False
        # a report whose main event is old (its news a release, a verdict, an anniversary) tells
        # the other old events in passing too, before or after the main one
        c.background = c.background or bool(
            published
            and clusters[0].date
            and c.date
            and _stale(clusters[0], published)
            and _stale(c, published)
            and _days_apart(c.date, clusters[0].date) > 31
        )
    for c in clusters if commentary else ():
        c.background = True
    return _leader_killings(text, sents, trigs, clusters)


# "Jaish-e-Mohammed had claimed both attacks", "all three bombings": a sentence of the events
# told just before it, as many as it counts
_BOTH = re.compile(
    r"\b(?:(?P<two>both|the\s+two|the\s+twin)|all\s+(?P<n>three|four|five))\s+(?:of\s+the\s+)?"
    r"(?:attacks|bombings|blasts|explosions|assaults|raids|killings|massacres|strikes|ambushes)\b",
    re.I,
)


@cache
def _time_only_words() -> frozenset[str]:
    """What a sentence that only gives a time may say beside it (dates.yaml ``time_only_words``):
    "The facts go back to the 25 July.", "Recall July 2021."."""
    from sitrep.datafiles import read_mapping

    data = read_mapping("sitrep.events", "dates.yaml", "dates data")
    return frozenset(w.lower() for w in data["time_only_words"])


def _time_only(
    text: str, sent: tuple[int, int], dates: list[_Dated], published: str | None
) -> bool:
    """The sentence is a time and at most six of ``time_only_words``; not the page's own date on
    a line of its own."""
    if len(dates) != 1 or dates[0].filed or dates[0].date == (published or "")[:10]:
        return False
    rest = [
        w
        for w in (w.lower() for w in re.findall(r"[A-Za-z]+", text[sent[0] : sent[1]]))
        if w not in MONTHS and w not in WEEKDAYS and w not in ("st", "nd", "rd", "th")
    ]
    return len(rest) <= 6 and set(rest) <= _time_only_words()


def _share_both(text: str, sents, clusters: list[_Cluster]) -> None:
    """A sentence telling of "both attacks" (or "all three") supports each of the events told
    last before it, not only the one it was grouped with."""
    for i, (s, e) in enumerate(sents):
        m = _BOTH.search(text, s, e)
        if m is None:
            continue
        n = 2 if m.group("two") else {"three": 3, "four": 4, "five": 5}[m.group("n").lower()]
        before = sorted(
            (c for c in clusters if c.sentences and min(c.sentences) <= i),
            key=lambda c: min(c.sentences),
        )[-n:]
        if len(before) < n:
            continue
        for c in before:
            if i not in c.sentences and i not in c.support:
                c.support.append(i)


def _told_fresh(text: str, sents, c: _Cluster) -> bool:
    """The event's own sentences tell of it as just happened ("four people have lost their lives
    so far"; the headline's "BREAKING" is checked apart); not a hedge ("600 people may have been
    killed") nor the rest of the report ("the highest figure so far comes from an assessment")."""
    for i in sorted({*c.sentences, *c.support}):
        s, e = c.part(sents, i)
        for m in triggers().fresh.finditer(text, s, e):
            if not _HEDGE_BEFORE.search(text, max(s, m.start() - 12), m.start()):
                return True
    return False


_HEDGE_BEFORE = re.compile(r"\b(?:may|might|could|must|would|should)\s+$", re.I)


def _main_first(clusters: list[_Cluster], published: str | None) -> list[_Cluster]:
    """A caption or kicker about an earlier attack may stand before the lead ("Last year's
    attack on the shrine killed 13"): when the first event told ended over a week before
    publication, the first one told within that week is the main event. Not when the first
    event is told in two sentences or more: a caption is one, a follow-up ("Survivors of the
    massacre are still burying their dead. Jihadists overran the town on March 2 ...") opens
    with the old event and tells newer ones in passing."""
    if len(clusters) < 2 or published is None or not _stale(clusters[0], published):
        return clusters
    if len(set(clusters[0].sentences)) >= 2:
        return clusters
    for k, c in enumerate(clusters[1:], 1):
        if c.date and not c.background and not _stale(c, published):
            clusters[0].background = True
            return [c, *clusters[:k], *clusters[k + 1 :]]
    return clusters


def _looking_back(
    clusters: list[_Cluster], published: str, text: str, sents, title_end: int
) -> bool:
    """The article tells only events over a week old, the first of them dated and told by neither
    its headline nor its lead, and over a year apart: it looks back over them (a report on an
    attack weeks later tells of it at once). A one-sentence paragraph right after the headline
    may be a standfirst ("The court found that ..."): the paragraph after it opens the lead too."""
    dated = [c for c in clusters if c.date]
    if not clusters or clusters[0].date is None or any(not _stale(c, published) for c in dated):
        return False
    first = next((i for i, (a, _) in enumerate(sents) if a >= title_end), None)
    lead = {first}
    if first is not None and first + 1 < len(sents):
        before, after = (
            text[title_end : sents[first][0]],
            text[sents[first][1] : sents[first + 1][0]],
        )
        if "\n" in before and "\n" in after:
            lead.add(first + 1)
    main = clusters[0]
    # (a headline folded into the body's event is among its support: _fold_headline)
    if any(i in lead for i in main.sentences) or any(
        sents[i][0] < title_end for i in [*main.sentences, *main.support]
    ):
        return False  # the headline or the lead tells it: the news is of it
    days = [dt.date.fromisoformat(c.date).toordinal() for c in dated]
    return max(days) - min(days) > 365


def _stale(c: _Cluster, published: str) -> bool:
    """The event's period ended more than a week before ``published``."""
    if c.date is None:
        return False
    last = period_end(dt.date.fromisoformat(c.date), c.precision)
    return (dt.date.fromisoformat(published[:10]) - last).days > 7


def _is_kill(t: Trigger) -> bool:
    return KILL.fullmatch(t.text.lower()) is not None


def _leader_killings(text: str, sents, trigs: list[Trigger], clusters: list[_Cluster]):
    """ "killing the emir of AQIM, and capturing a leader of ISGS": an operation that killed a
    named leader and captured someone else reports two events, the targeted killing apart from
    the capture."""
    out: list[_Cluster] = []
    for c in clusters:
        out.append(c)
        parent = len(out) - 1
        for i in c.sentences:
            ts = [t for t in trigs if t.sentence == i and t.strength != PLURAL]
            captures = [t for t in ts if t.type == "arrest_or_capture"]
            kills = [t for t in ts if _is_kill(t)]
            if not captures or not kills:
                continue
            kill = kills[0]
            stretch = (
                kill.start,
                captures[0].start if captures[0].start > kill.start else sents[i][1],
            )
            if targets_person(text, [stretch]):
                out.append(
                    _Cluster(
                        [i],
                        kill,
                        c.date,
                        c.precision,
                        set(c.countries),
                        set(c.regions),
                        c.background,
                        kind="assassination",
                        sibling_of=parent,
                    )
                )
                break
    return out


# "..., just days after its founder was killed", "came a week after", "a month after": the
# trigger's clause tells an earlier event
_SPAN = rf"(?:{COUNT}\s+)?(?P<unit>hours?|days?|weeks?|months?)"  # "two months", "days"
_AFTER_SPAN = rf"\b{_SPAN}\s+(?:after|since)"  # "two months after", "days since"
_DAYS_AFTER = re.compile(rf"{_AFTER_SPAN}\s+[^,;:.“”\"]*$", re.I)  # ... ending the text
# "The day before the Besham bombing, ...", "Two days before that attack, ...", "A few hours
# before Kologo, ...": a sentence opening on how long before the event told
_BEFORE_TOLD = re.compile(
    rf"\W*(?:the\s+)?{_SPAN}\s+before\s+(?:(?:the|this|that|[\w-]+['’]s)\s+[^,;:.]{{0,60}}|"
    # ... or the place the event is known by: "A few hours before Kologo, ..."
    r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?),\s*",
    re.I,
)
# "Hours after the church attacks, ...": the mirror of _BEFORE_TOLD
_AFTER_TOLD = re.compile(
    rf"\W*(?:the\s+)?{_SPAN}\s+after\s+(?:the|this|that|[\w-]+['’]s)\s+[^,;:.]{{0,60}},\s*",
    re.I,
)
_AFTER_THE = re.compile(r"\b(?:after|since)\s+(?:the|this|that)\s+$", re.I)
_EARLIER_TOLD = re.compile(rf"{_SPAN}\s+earlier\b", re.I)  # "a month earlier", "two days earlier"
# "the previous month", "the preceding week": one such period before the event just told
_PREVIOUS_TOLD = re.compile(r"(?:previous|preceding)\s+(?P<unit>day|week|month|year)\b", re.I)
_AFTER_BEING = re.compile(r"\bafter\s+(?:being|having\s+been)\s+(?:\w+ly\s+)?$", re.I)
# nothing after an event noun says which one it is ("the day after the massacre, has ..."; not
# "after the massacre in Tadaryat")
_BARE_NOUN_END = re.compile(r"\s*(?:[,.;:)]|$)")
# "days after": about how many days
_BACK = {"hours": 0, "days": 3, "weeks": 14, "months": 30, "years": 365}
_UNIT_DAYS = {"hours": 0, "days": 1, "weeks": 7, "months": 30, "years": 365}
_FINEST = {"hours": "day", "days": "day", "weeks": "week", "years": "year"}  # else "month"
# A sentence opening on a span from the event just told, with no date of its own ("Two days
# later,", "The following day,", "A year before,"); not one naming what it counts from ("The
# day before the Besham bombing": _BEFORE_TOLD)
_NOT_NAMED = r"(?!\s+(?:the|this|that|his|her|its|their|[\w-]+['’]s)\b)"
_SPAN_OPEN = re.compile(
    rf"\W*(?:{COUNT}\s+)?(?P<unit>hours?|days?|weeks?|months?|years?)\s+"
    rf"(?P<dir>later|afterwards|before)\b{_NOT_NAMED}",
    re.I,
)
_NEXT_OPEN = re.compile(
    r"\W*the\s+(?:(?P<dir>following|next|previous|preceding)\s+(?P<unit>day|week|month|year)"
    rf"|(?P<unit2>day|week|month|year)\s+(?P<dir2>after|before))\b{_NOT_NAMED}",
    re.I,
)
# "Friday's bombing", "The attack", "That blast": the event already told, named again
_TOLD = re.compile(r"\s*(?:the|this|that|[\w-]+['’]s)(?:\s+[\w-]+){0,2}?\s+$", re.I)
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+$", re.I)
_WHOSE_DEED = re.compile(
    # "Jasim's capture", "Friday's deadly attack" (not "last year's attack": another one)
    r"\b(?!(?:year|month|week|decade)['’]s)[\w-]+['’]s\s+(?:[\w-]+\s+)?$"
    r"|\b(?:the|this|that)\s+(?:[A-Z0-9][\w'’.-]*\s+){1,3}$"  # "the Mukondi attack"
)


# official actions: an attack told with one is another event; an announcement may date one
_OFFICIAL = frozenset({"arrest_or_capture", "designation", "thwarted_plot"})
# "detained 25 people after gunmen attacked", "captured the man suspected of killing 39 people":
# the attack the action followed, or the one its captives are held for
_ATTACK_CLAUSE = re.compile(
    r"\b(?:after|following|(?:suspected|accused|convicted)\s+of|wanted\s+(?:for|over)|"
    r"charged\s+(?:with|over)|blamed\s+for"
    # "arrested a man who they suspect drove a van into a crowd": the deed he is held for
    r"|(?:who|whom)\s+(?:(?:they|police|officials|authorities|investigators|prosecutors)\s+)?"
    r"(?:suspect|suspected|believe|believed|allege|alleged|say|said)\b)",
    re.I,
)
_SPAN_BEFORE = re.compile(rf"\b{_SPAN}\s+$", re.I)
_SPAN_AFTER = re.compile(rf"{_AFTER_SPAN}\b", re.I)  # ... anywhere


def _action_after_attack(text: str, ts: list[Trigger], head: Trigger) -> tuple[int, Trigger] | None:
    """Where the attack an official action followed is told in the action's sentence ("Turkish
    police detained 25 people after two gunmen attacked a church in Istanbul, killing one";
    "Turkey detains 25 suspects after Istanbul church attack"), or the attack its captive is held
    for ("captured the man suspected of killing 39 people"): the offset of "after" ("suspected
    of") and the action's trigger, or None. An attack told in a days-after clause ("days after
    gunmen killed ...") is told the same way. So is the attack people were put to death for ("Iran
    executed two men convicted of planning the bombing").
    """
    if head.type in _OFFICIAL and head.strength == "strong":
        action, clause = head, _ATTACK_CLAUSE
    else:
        action = next((t for t in ts if t.type == "execution"), None)
        clause = _CONVICTED
        if action is None:
            return _reaction(text, ts)
    t = next((t for t in ts if t.start > action.end and t.type in _ATTACKS), None)
    m = _joining(text, action.end, t.start, clause) if t else None
    if m is None:
        return None
    span = _SPAN_BEFORE.search(text, action.end, m.start())  # "two days after"
    return (span.start() if span else m.start()), action


_AFTER = re.compile(r"\bafter\b", re.I)


def _reaction(text: str, ts: list[Trigger]) -> tuple[int, Trigger] | None:
    """ "Turkey's air force struck militant targets overnight, ..., hours after a gun and bomb
    attack on an aerospace company": a strike, raid or attack told as following another attack
    by hours or days is an act of its own (a reprisal), with the attack it followed."""
    first = min((t for t in ts if t.strength == "strong"), key=lambda t: t.start, default=None)
    if first is None or first.type not in _ATTACKS:
        return None
    if any(
        m.start() <= first.start < m.end()
        for m in triggers().ended_ongoing.finditer(text, max(0, first.start - 60), first.end)
    ):
        # "forces had ended the siege ..., nearly 20 hours after gunmen stormed the compound":
        # the end of an attack and how it began, not a reprisal and the attack before it
        return None
    later = next((t for t in ts if t.start > first.end and t.type in _ATTACKS), None)
    m = _joining(text, first.end, later.start, _AFTER) if later else None
    if m is None or later is None or "," in text[m.end() : later.start]:
        return None  # the attack must be what "after" names, not a trigger of a later clause
    if later.start - m.end() > 60:
        return None
    span = _SPAN_BEFORE.search(text, first.end, m.start())
    if span is None or span.group("unit").lower().startswith("month"):
        return None
    return span.start(), first


def _joining(text: str, start: int, end: int, words: re.Pattern[str]) -> re.Match[str] | None:
    """The last of ``words`` ("after", "followed") between ``start`` and ``end`` when no stop
    (.;:!?) stands between them: what joins one event of a sentence to the other it tells."""
    if re.search(r"[.;:!?]", text[start:end]):
        return None
    return max(words.finditer(text, start, end), key=lambda x: x.start(), default=None)


# "The bombing followed a string of similar attacks inside Afghanistan": a series before the
# event told
_FOLLOWED = re.compile(
    r"\b(?:followed|follows|c(?:ame|omes)\s+(?:after|on\s+the\s+heels\s+of))\s+", re.I
)


def _series_before(
    text: str, s: int, ts: list[Trigger], head: Trigger
) -> tuple[int, Trigger] | None:
    """Where a sentence that names the event told again ("The bombing", "Friday's attack") says
    it followed a series of attacks: the offset of "followed" and the head, or None."""
    if not _TOLD.fullmatch(text[s : head.start]):
        return None
    t = next((t for t in ts if t.start > head.end and t.strength == SERIES), None)
    m = _joining(text, head.end, t.start, _FOLLOWED) if t else None
    return (m.start(), head) if m else None


# ", and in September this year", ", and on Sunday": a conjunct that opens on a date of its own
_AND_DATED = re.compile(
    r"[,;]\s+(?:and|while|but)\s+(?:then\s+)?((?:in|on|during|late|early|earlier|later)\s+)?",
    re.I,
)


def _dated_conjunct(
    text: str, end: int, ts: list[Trigger], head: Trigger, sdates: list[_Dated]
) -> tuple[int, Trigger] | None:
    """Where a sentence tells two deeds of two dates, each in its own conjunct ("In August 2022 it
    claimed the bombing that killed the cleric, and in September this year a suicide bomber
    killed six"): the offset of the second conjunct and the first's trigger, or None. The second
    conjunct must open on its date and tell a deed of its own; the first must be dated otherwise.
    ``end`` is the end of the sentence.
    """
    for m in _AND_DATED.finditer(text, head.end, end):
        # the date's span may or may not take in its preposition
        second = next((d for d in sdates if d.start in (m.start(1), m.end())), None)
        if second is None:
            continue
        first = [d for d in sdates if d.start < m.start()]
        # (a killing told plainly is a deed there too: "X was shot dead in June, and last
        # Wednesday Y was killed in the Baleli area")
        deed = any(t.start > m.end() and (t.strength == "strong" or _is_kill(t)) for t in ts)
        if deed and first and all(d.date != second.date for d in first):
            return m.start(), head
    return None


# "the bombing of a concert in Lille in May, ..., and the shooting at a market in Nantes on June
# 3": deeds named as noun phrases, listed (matched on the text before each trigger)
_DEED_NP = r"(?:the|a|an|another|this|that|last\s+\w+['’]s)\s+(?:[\w'’-]+\s+){0,3}"
_AND_DEED = re.compile(rf",?\s+and\s+(?:(?:to|of|on|in|with)\s+)?{_DEED_NP}$", re.I)
_DEED_START = re.compile(rf"\b{_DEED_NP}$", re.I)


def _listed_deed(text: str, ts: list[Trigger], sdates: list[_Dated]) -> tuple[int, Trigger] | None:
    """Where a sentence lists two deeds named as noun phrases, each with its own date ("recalled
    the truck attack on a Christmas market in December, which killed 12, and the car attack on
    Westminster Bridge on March 22, which killed five"): the offset of the second and the first's
    trigger, or None. A deed done ("gunmen stormed the hotel on Friday and the siege ended on
    Saturday") is no noun phrase: one event."""
    for t in ts:
        if t.strength == PLURAL:
            continue
        m = _AND_DEED.search(text, max(0, t.start - 60), t.start)
        named = [
            u
            for u in ts
            if u.end <= (m.start() if m else 0)
            and _DEED_START.search(text, max(0, u.start - 40), u.start)
        ]
        if m is None or not named:
            continue
        first = [d for d in sdates if d.start < m.start()]
        second = [d for d in sdates if d.start >= t.start]
        if first and second and all(d.date != second[0].date for d in first):
            return m.start(), _head(named, first)
    return None


def _second_of_another_day(
    text: str, s: int, ts: list[Trigger], head: Trigger, sdates: list[_Dated]
) -> tuple[int, Trigger] | None:
    """Where a sentence tells a second deed of another day in a clause of its own ("The toll from
    Sunday's bombings has risen to 12, as the city reeled from a second attack on a police
    station this morning"): the offset of that clause and the first clause's trigger, or None. The
    later trigger must be marked as another deed ("a second", "a separate": _separate), and the
    day in its clause differ from every day before it."""
    for t in ts:
        before = text[max(s, t.start - 120) : t.start]
        if not _separate(before):
            continue
        mark = max(triggers().separate.finditer(before), key=lambda m: m.start())
        at = t.start - len(before) + mark.start()
        comma = text.rfind(",", head.end, at)
        cut = comma + 1 if comma >= 0 else at
        first = [d for d in sdates if d.start < cut]
        second = [d for d in sdates if d.start >= cut]
        lead = [u for u in ts if u.start < cut]
        if lead and first and second and all(d.date != second[0].date for d in first):
            return cut, _head(lead, first)
    return None


# what the people executed were charged with ("executed 20 villagers after storming the
# village" is one massacre)
_CONVICTED = re.compile(
    r"\b(?:(?:suspected|accused|convicted|found\s+guilty)\s+of|"
    r"(?:convicted|sentenced(?:\s+to\s+death)?)\s+(?:for|over))\b",
    re.I,
)


def _after_clause(text: str, s: int, ts: list[Trigger], head: Trigger) -> Trigger:
    """The trigger a sentence tells its event by. "Friday's bombing in Mastung came two months
    after a suicide bombing at a rally in Bajaur killed 63": the main clause names the event just
    told again, the sentence tells the earlier one, so its trigger after "months after" leads."""
    if _DAYS_AFTER.search(text[s : head.start]) or not _TOLD.fullmatch(text[s : head.start]):
        return head
    for t in ts:
        if (
            t.strength != PLURAL  # ("a month after 30 soldiers were killed in an attack": weak)
            and t.start > head.start
            and _DAYS_AFTER.search(text[s : t.start])
            # (not "hours after the attack": the one told, named again)
            and not (t.strength != "strong" and _AFTER_THE.search(text, s, t.start))
        ):
            return t
    return head


def _days_after(m: re.Match[str], s: int, here: list[_Dated], head: Trigger) -> _Dated | None:
    """The date of an event told in a "days after" clause (``m``, in the sentence starting at
    ``s``), from the date of the sentence's main clause (said, announced or happened): the month
    of a few days before it (hours: that day). None when the main clause has no date."""
    dates = [d for d in here if d.start < s + m.start() and d.precision in ("day", "month")]
    if not dates:
        return None
    return _before(dates[-1].date, dates[-1].precision, _days_back(m), head)


# counts that say how long only roughly ("a few days after"); "a week after" is one week
_VAGUE = frozenset(VAGUE_COUNTS) - {"a", "an"}


class _Gap(NamedTuple):
    """How far back "came a week after" goes: ``days``, and the finest precision the words
    allow ("two days": the day; "a week": the week; "days", "a few weeks", "months": the month)."""

    days: int
    finest: str


def _days_back(m: re.Match[str]) -> _Gap:
    """How far "two months after" or "days after" goes back (hours: 0 days)."""
    unit = m.group("unit").lower().rstrip("s") + "s"
    n = m.group("n")
    if n is None:
        return _Gap(
            _BACK[unit], "day" if unit == "hours" else "year" if unit == "years" else "month"
        )
    finest = _FINEST.get(unit, "month")
    return _Gap(count_of(n) * _UNIT_DAYS[unit], "month" if n.lower() in _VAGUE else finest)


def _gap_from_told(text: str, at: int) -> _Gap | None:
    """How far back a date mention at ``at`` counts from the event just told ("a few weeks
    earlier", "the previous month"), or None when it counts from the report's day."""
    if m := _EARLIER_TOLD.match(text, at):
        return _days_back(m)
    if m := _PREVIOUS_TOLD.match(text, at):
        return _one(m.group("unit"))
    return None


def _one(unit: str) -> _Gap:
    """One day, week, month or year, to its own precision."""
    units = unit.lower() + "s"
    return _Gap(_UNIT_DAYS[units], _FINEST.get(units, "month"))


def _opening_gap(text: str, at: int) -> tuple[_Gap, bool] | None:
    """The span a sentence opening at ``at`` counts from the event just told ("Two days later",
    "The previous year"), and whether forward; None when it opens otherwise."""
    if m := _SPAN_OPEN.match(text, at):
        return _days_back(m), m.group("dir").lower() != "before"
    if m := _NEXT_OPEN.match(text, at):
        way = (m.group("dir") or m.group("dir2")).lower()
        return _one(m.group("unit") or m.group("unit2")), way in ("following", "next", "after")
    return None


def _before(date: str, precision: str, gap: _Gap, head: Trigger, forward: bool = False) -> _Dated:
    """``gap`` before ``date`` (``forward``: after it): to the day or the week when both the date
    and the count are that exact ("two days after" Friday: Wednesday), else the month of it; of
    an event known by its month or year only, counted from the middle of it ("the previous
    month" before March is February; "a few weeks earlier" than something in 2012 is in 2012,
    to the year)."""
    start = dt.date.fromisoformat(date)
    if precision == "year":
        start = start.replace(month=7, day=1)
    elif precision == "month":
        start = start.replace(day=15)
    day = start + dt.timedelta(days=gap.days if forward else -gap.days)
    if precision == "year" or gap.finest == "year":  # "the previous year": a year
        return _Dated(head.start, f"{day.year:04d}-01-01", "year", True, counted=True)
    if precision == "day" and gap.finest == "day":
        return _Dated(head.start, day.isoformat(), "day", True, counted=True)
    if precision == "day" and gap.finest == "week":
        return _Dated(head.start, week_start(day), "week", True, counted=True)
    return _Dated(head.start, day.replace(day=1).isoformat(), "month", True, counted=True)


# an official action in the present perfect ("have detained", "has designated")
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?$", re.I)


# "in a statement released last week": the day (or week) a statement was put out
_STATEMENT_DATED = re.compile(
    r"\b(?:statement|announcement|press\s+release|notice)\s+(?:released|issued|published|posted|"
    r"put\s+out)\s+(?:on\s+)?$",
    re.I,
)


def _announced_day(text: str, sents, dated: Sequence[_Dated], head: Trigger) -> list[_Dated]:
    """ "Turkish police have detained 25 people ..., the minister said on Monday": an official
    action in the present perfect is done by the day it was announced. The announcement may be
    the next sentence's statement: "X has designated two groups. In a statement released last
    week, X identified them as ..." (then a week is precise enough)."""
    if head.type not in _OFFICIAL or not _PERFECT_BEFORE.search(
        text[max(0, head.start - 25) : head.start]
    ):
        return []
    said = [
        d
        for d in dated
        if d.speech and d.precision == "day" and _sent_of(sents, d.start) == head.sentence
    ]
    released = [
        d
        for d in dated
        if d.precision in ("day", "week")
        and _sent_of(sents, d.start) == head.sentence + 1
        and _STATEMENT_DATED.search(text[max(0, d.start - 60) : d.start])
    ]
    return (said or released)[:1]


def _opening_statement_day(text: str, sents, dated: Sequence[_Dated], i: int) -> list[_Dated]:
    """ "On April 28, the Islamic State said it was responsible for a suicide attack in Kirkuk":
    a day opening the event's first sentence dates the statement that tells of it, and with no
    other date the event is given that day (a claim or an account comes the same day or soon
    after; the merge window absorbs the difference)."""
    s, _ = sents[i]
    opening = re.compile(r"(?:(?:And|But)\s+)?(?:[Oo]n\s+)?(?:the\s+same\s+day,\s+)?$")
    return [
        d
        for d in dated
        if d.speech
        and d.precision == "day"
        and _sent_of(sents, d.start) == i
        and opening.fullmatch(text[s : d.start].strip() + ("" if d.start == s else " ")) is not None
    ][:1]


def _names_doer(text: str, s: int, ts: list[Trigger], trig: Any) -> bool:
    """An unanchored sentence with a modality trigger that is not about an earlier event
    ("Fighters linked to ISIL have besieged the town"): it may name who did it."""
    return any(
        t.strength == "strong"
        and t.type in _ATTACKS
        and not trig.past.search(text[max(s, t.start - 40) : t.start])
        for t in ts
    )


# the nouns an event already told is named by again
_EVENT_NOUN = (
    r"(?:attacks?|bombings?|blasts?|assaults?|explosions?|killings?|ambush|raids?|massacres?|"
    r"shootings?|atrocity|atrocities|incidents?)"
)
# "The attack was carried out by X", "X was behind the bombing" (triggers.yaml's attribution words):
# the doer of the event just told.
_THIS_EVENT = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[A-Z]\w+day['’]s|[Yy]esterday['’]s|[Tt]oday['’]s)\s+(?:\w+\s+)?"
    + _EVENT_NOUN
    + r"\b"
)


# "most attacks claimed by ISIL-K", "many of the bombings", "attacks, several of which ISIS has
# claimed": a pattern, not this event
_GENERIC = re.compile(
    r"\b(?:most|many|all|numerous|countless|dozens of|hundreds of|several|other|such)\s+"
    r"(?:of\s+(?:the|its|their)\s+)?(?:[a-z-]+\s+)?(?:attacks|bombings|assaults|operations|"
    r"killings|raids|abductions|kidnappings|strikes|airstrikes|ambushes|shootings|massacres)\b"
    r"|\b(?:most|many|some|several|all|a\s+number|dozens|scores|a\s+few)\s+of\s+"
    r"(?:which|them|those|these)\b",
    re.I,
)


# a relative clause set off by commas: ", which has carried out most attacks in the province,"
_ASIDE_CLAUSE = re.compile(r",\s+(?:which|who|whose)\b[^,;:]*,")


def _doer_of_this(sentence: str) -> bool:
    """ "The attack was carried out by X", "the governor attributed the attack to X"; "officials
    had no reason to doubt that X was responsible" (responsible for nothing named: the event
    just told)."""
    return bool(
        _THIS_EVENT.search(sentence)
        and (triggers().attribution.search(sentence) or triggers().ascribe.search(sentence))
    ) or bool(_RESPONSIBLE_END.search(sentence))


_RESPONSIBLE_END = re.compile(
    r"\b(?:was|were|is|are|be|been)\s+(?:\w+\s+)?responsible\s*[.!\"”’']*\s*$", re.I
)


_ATTACKS = frozenset(
    "armed_assault bombing suicide_bombing airstrike assassination kidnapping execution".split()
)


def _fold_headline(clusters: list[_Cluster], sents, title_end: int) -> list[_Cluster]:
    """A headline names an event the body tells: alone in its cluster, with no date of its own, it
    joins the body's event of the same kind and country ("Pakistan arrests ISKP commander behind
    Bajaur rally bombing": the bombing the body dates to July 30), so that the body's own lead
    event is the main one."""
    if len(clusters) < 2 or title_end <= 0:
        return clusters
    first = clusters[0]
    if first.date or any(sents[i][0] >= title_end for i in first.sentences):
        return clusters
    for c in clusters[1:]:
        if _same_kind(first.head, c.head) and (
            not first.countries or not c.countries or first.countries & c.countries
        ):
            c.support.extend([*first.sentences, *first.support])
            for other in clusters:  # what came after the headline came after the event it joined
                if other.after and other.after[0] is first:
                    other.after = (c, other.after[1])
            return clusters[1:]
    return clusters


def _lead_day(text, sents, dated, clusters, published) -> list[_Dated]:
    """The day a fresh report names for what happened when its event sentences name none: the
    first day-precise date, in text order, that is not the date of a statement ("said on
    Monday"), not in a sentence about an earlier event, not another event's date and (with a
    publication date) within ten days before it. Otherwise nothing: no guessing."""
    trig = triggers()
    others = {i for c in clusters[1:] for i in c.sentences}
    taken = {c.date for c in clusters[1:] if c.date}
    floor = None
    if published:
        floor = (dt.date.fromisoformat(published) - dt.timedelta(days=10)).isoformat()
    for d in dated:
        i = _sent_of(sents, d.start)
        if d.precision != "day" or d.speech or i in others or d.date in taken:
            continue
        if floor and d.date < floor:
            continue
        s, e = sents[i]
        if trig.past.search(text[s:e]) or _speech_sentence(text, sents, d):
            continue
        return [d]
    return []


def _head(ts: list[Trigger], sdates: Sequence[_Dated] = ()) -> Trigger:
    """The trigger that tells the sentence's event: its first strong one; among weak ones only,
    the one nearest the date a trigger governs ("... the Palma attack, ... when ASWJ captured
    Mocímboa da Praia in August 2020")."""
    strong = [t for t in ts if t.strength == "strong"]
    if strong or not sdates:
        return (strong or ts)[0]
    return min(ts, key=lambda t: min(abs(d.start - t.end) for d in sdates))


@dataclass(frozen=True, slots=True)
class _Where:
    """What a sentence (or clause) says of where its event happened."""

    countries: set[str]
    regions: set[str]  # admin1 names
    own: bool  # a figure of its own, or a strong trigger with a town of its own
    counted: bool  # a figure of its own
    named_day: bool = False  # its own date names the day ("on Wednesday", "on 26 March")
    told: bool = False  # it names the event told before ("The attack happened on Tuesday")
    towns: frozenset[str] = frozenset()  # the towns it names


def _place_in(
    clusters: list[_Cluster],
    recent: int | None,
    head: Trigger,
    sdates: list[_Dated],
    where: _Where,
    past: bool,
    published: str | None,
    strict: bool = False,
) -> int | None:
    """The cluster a new event sentence belongs to (``recent``: the one it would continue), or
    None to start a new one.

    A sentence joins a cluster whose date agrees with its own trigger-governed date. An event
    without such a date is compared with a day named in its sentences ("were missing on
    Saturday"), else the main event with the publication date (the week before it while only
    the headline has told it). A different country
    separates events only when the sentence also has its own date or figure (otherwise it is
    most likely an origin or a comparison: "said to be from Tajikistan"); a strong trigger with
    a town of its own counts as such. A sentence with its own date telling another kind of action
    is another event ("On Tuesday, security forces launched operations against IS"), and so is
    one dated another day in another province, or with its own figure in another province ("a
    second blast ripped through a mosque in Hangu ..., killing at least five"), or dated at all
    next to an undated event told in passing. A strong trigger of an act that is neither an
    attack nor an official action (sabotage) tells its own event. A ``strict`` clause (one of two
    events told in one sentence) joins only an event of its own kind (an execution, only an
    execution: people executed for an attack are not the attack).
    """
    if not clusters or recent is None:
        return None
    order = [recent] + [k for k in range(len(clusters)) if k != recent]
    for k in order:
        c = clusters[k]
        if c.head.type == "designation" and head.type in _ATTACKS and head.strength == "strong":
            # "... which the authorities designated a terrorist organisation last year. 'The group
            # has once again massacred civilians'": an attack is no part of a listing
            continue
        if (
            k == recent
            and c.head.type == "thwarted_plot"
            and head.type == "arrest_or_capture"
            and not where.counted
            and (not where.regions or not c.regions or bool(where.regions & c.regions))
            and (
                c.date is None or not sdates or _same_date(sdates[0], c.date, c.precision or "day")
            )
        ):
            # "... thwarted a plan by a cell of IS fighters. The suspect led them to three other
            # militants, who were arrested in February": the arrests thwarted it, and date it
            return k
        # told only by its headline so far, the main event takes a weekly's "on Tuesday" three
        # days before publication
        ref = c.date or c.hint or (published if k == 0 else None)
        # ... and so does an undated main event a sentence names again ("The attack happened
        # on Tuesday")
        fresh = not c.date and not c.hint and (c.headline or (k == recent and where.told))
        near = c.precision or ("week" if fresh else "day")
        # the lead naming the headline's event again dates it, however long ago ("TTP rejects
        # charge over Besham bombing" and then "... behind the March 26 suicide bombing"), and so
        # does the first day given for an event first told as known ("TRF denied any role in the
        # attack" and then "... were killed when gunmen opened fire on April 22"; "Six weeks
        # after gunmen killed residents of Barsalogho, ..." and then "The attack took place on
        # 24 August")
        known = (
            k == 0
            and c.known
            and not c.date
            and not c.hint
            and not past
            # "On Sunday, gunmen killed five people in Arbinda": a day opening a sentence that
            # does not name the event again starts another
            and not (where.named_day and not where.told and sdates and sdates[0].start < head.start)
        )
        dates_headline = (
            bool(sdates)
            # (a deed told as known may be dated to its month by one of its type: "kidnapped two
            # months ago")
            and (
                (fresh and c.headline and where.told and sdates[0].precision == "day")
                or (known and sdates[0].precision == "day")
                or (known and sdates[0].precision == "month" and head.type == c.head.type)
            )
            and not (where.towns and c.towns and not where.towns & c.towns)
        )
        if (
            sdates
            and ref
            and not dates_headline
            and not (_same_date(sdates[0], ref, near) or _began(sdates[0], ref))
            # "killed ... last week" for the event a headline tells as news: the week before the
            # report's runs into last week
            and not (fresh and ref == published and _into_last_week(sdates[0], published))
            and not _arrested_before(c, head, sdates, where)
        ):
            continue
        if (
            sdates
            and sdates[0].precision == c.precision == "day"
            and c.date != sdates[0].date
            and any(o.date == sdates[0].date and o.precision == "day" for o in clusters)
        ):
            # "... Sunday's bombings ..., as the city reeled from a second attack this morning.
            # At 8.50 am today, a man blew himself up": another event told is of that very day
            continue
        if (
            where.counted
            and where.named_day
            and head.strength == "strong"
            and c.precision == "day"
            and _other_day(sdates, c.date)
        ):
            # "On Monday, a suicide bomber ... killing 13. On Wednesday, a suicide attack on a
            # government compound killed five": an attack of its own, told with its own day
            continue
        # (its day, or the one its sentences name when it has none yet: "claimed the bombing
        # that hit a chapel here on Sunday morning")
        day = c.date if c.precision == "day" else c.hint if c.date is None else None
        if (
            where.named_day
            and not where.told
            and day is not None
            and _other_day(sdates, day)
            and not (where.towns & c.towns)
            and (
                # (a hinted day may be the day after: "in mourning on Wednesday after bombers
                # struck" and then "Two explosions ... on Tuesday")
                (bool(where.towns) and c.date is not None)
                or _days_apart(sdates[0].date, day) >= _OTHER_DAY
            )
        ):
            # "On Sunday evening insurgents attacked Missufine village", after Friday's raid on
            # Macomia: another day, and another town (or none known, two days away), another
            # attack; "the attackers" or the same town named again continue the one told
            continue
        if (
            where.named_day
            and not where.told
            and head.strength == "strong"
            and head.type != c.head.type
            and c.precision == "day"
            and _other_day(sdates, c.date)
            and c.date is not None
            and sdates[0].date > c.date  # (a day before may be how the event told began)
            and sdates[0].start < head.start
        ):
            # "A suicide bomber killed 20 students in Herat on Monday. On Tuesday afternoon,
            # gunmen attacked a police academy in another part of Herat": another day, another
            # kind of attack, opening on its day: another attack, though in the same town
            continue
        if (
            sdates
            and sdates[0].precision == "day"
            and c.precision == "year"
            and where.counted
            and not where.told
        ):
            # "... blew himself up outside an army camp in Indanan last year" and then "since
            # January 27 last year, when two suicide bombers attacked the cathedral, killing
            # 23": a deed of its own day and toll, not the one told only by its year
            continue
        if sdates and past and ref is None:
            continue  # "in the previous attack, in 2022": not this undated event
        if sdates and past and c.date and c.precision == "day" and sdates[0].precision != "day":
            continue  # "Earlier this month, an IS bombing in Kabul killed eight": not this day's
        if sdates and ref is None and c.after:
            continue  # dated: not the undated event an attack "came a week after"
        if head.type == c.head.type == "designation" and not sdates:
            return k  # the places named are the designees' ("a leader of ISIS-K in Kabul")
        # (a day only hinted near the event, "in mourning on Wednesday after bombers struck",
        # is no other day than the Tuesday the next sentence gives)
        hinted = c.date is None and c.hint is not None
        if (
            where.regions
            and c.regions
            and not (where.regions & c.regions)
            and (
                past
                or where.counted
                or (
                    _other_day(sdates, ref)
                    and not (hinted and _days_apart(sdates[0].date, ref) < _OTHER_DAY)
                )
            )
        ):
            # "another suicide bombing in Kunduz" in a report on Kandahar; "a roadside bombing in
            # Kismayo on Saturday" after a Friday attack in Mogadishu; "a second blast ripped
            # through a mosque in Hangu district ..., killing at least five"
            continue
        if (
            where.countries
            and c.countries
            and not (where.countries & c.countries)
            and (sdates or where.own or (c.head.named and not where.told))
        ):
            # (an attack known by its name happened where the name says; but "Hours after the
            # attack, an adviser said Israel bore responsibility" names it again: the country is
            # the accused's)
            continue
        if not _same_kind(head, c.head, strict):
            if strict:
                continue
            if sdates or (head.strength == "strong" and head.type not in _ATTACKS | _OFFICIAL):
                # "Additionally, IS saboteurs destroyed several power lines": its own act (an
                # arrest after an attack is told with it until dated apart)
                return None
            if (
                head.strength == "strong"
                and head.type == "thwarted_plot"
                and c.head.type in _ATTACKS
            ):
                # "the FSB said it had foiled a plot by the group against a synagogue": a plot
                # stopped is not the attack that was carried out
                return None
        if k not in (0, recent) and not _linked(c, head, sdates, ref, where):
            # neither the event it would continue nor the main one: another told before only if
            # the sentence shares its day, region or name ("In northern Balkh province, militants
            # killed 18", after a Kabul attack and the hotel's earlier one, is neither)
            continue
        return k
    return None


def _into_last_week(d: _Dated, published: str | None) -> bool:
    """A week-long date ("last week") that ends within the week before ``published``."""
    if published is None or d.precision != "week":
        return False
    end = period_end(dt.date.fromisoformat(d.date), "week")
    return 0 <= (dt.date.fromisoformat(published[:10]) - end).days <= 7


def _arrested_before(c: _Cluster, head: Trigger, sdates: list[_Dated], where: _Where) -> bool:
    """ "Police said on Thursday they had arrested five people. ... the suspects, most of them
    arrested on Sunday, ...": the people arrested named again with the day of their arrest, in
    the week before the day the arrests were told on; that day is the event's."""
    return (
        head.type == c.head.type == "arrest_or_capture"
        and where.told
        and bool(sdates)
        and sdates[0].precision == "day"
        and c.precision == "day"
        and c.date is not None
        and sdates[0].date < c.date
        and _days_apart(sdates[0].date, c.date) <= 7
    )


def _linked(c: _Cluster, head: Trigger, sdates: list[_Dated], ref: str | None, where) -> bool:
    """A sentence has something of the cluster's own: its day, region or name."""
    return bool(
        (sdates and ref)
        or (where.regions & c.regions)
        or (head.named is not None and head.named == c.head.named)
    )


# days between two named days that make them another day's, not the same night's or the next
# morning's telling of one event ("late Friday" and "Saturday")
_OTHER_DAY = 2


def _before_event(d: _Dated, ref: str) -> bool:
    """``d`` is of a month (or year) wholly before the day ``ref``, or of a day more than a
    week before it."""
    date, day = dt.date.fromisoformat(d.date), dt.date.fromisoformat(ref)
    if d.precision == "year":
        return date.year < day.year
    if d.precision == "month":
        return (date.year, date.month) < (day.year, day.month)
    return (day - date).days > 7  # a day or week: more than a week before


def _days_apart(a: str, b: str | None) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) if b else 0


def _days_before(a: str, b: str) -> int:
    """How many days day ``a`` is before day ``b`` (negative: after it)."""
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def _other_day(sdates: list[_Dated], ref: str | None) -> bool:
    """The sentence has its own date and it is not the event's (or the event has none)."""
    return bool(sdates) and (
        ref is None or (sdates[0].precision == "day" and sdates[0].date != ref)
    )


def _noun_kind(t: Trigger) -> str:
    """The trigger's type, a suicide bombing counted as a bombing ("the bombing" names it)."""
    return "bombing" if t.type == "suicide_bombing" else t.type


def _same_kind(a: Trigger, b: Trigger, strict: bool = False) -> bool:
    """Both attacks, or the same kind of other action (an arrest, a designation, an operation).
    ``strict`` (two events told in one sentence): an execution is only like an execution."""
    if strict and "execution" in (a.type, b.type):
        return a.type == b.type
    return (a.type in _ATTACKS and b.type in _ATTACKS) or a.type == b.type


def _recent(
    clusters: list[_Cluster], last: dict[int, int], i: int, head: Trigger | None = None
) -> int:
    """The event told last (of ``head``'s kind among those told in the same sentence), if
    within two sentences; else the main event."""
    if not last:
        return 0
    latest = max(last.values())
    tied = [k for k in last if last[k] == latest]
    kind = [k for k in tied if head is not None and _same_kind(head, clusters[k].head)]
    # "..., hours after a bomb attack on ... The attack killed five": of two events told in one
    # sentence, the one called by the same noun
    noun = [k for k in kind if head is not None and _same_noun(head, clusters[k].head)]
    k = (noun or kind or tied)[0]
    return k if i - latest <= 2 else 0


def _same_noun(a: Trigger, b: Trigger) -> bool:
    """Both triggers end in the same word ("the attack", "a gun and bomb attack")."""
    last = [re.findall(r"\w+", t.text.lower())[-1:] for t in (a, b)]
    return bool(last[0]) and last[0] == last[1]


# a sentence that names an event already told: "that attack", "the killing of the deputy
# governor", "then", "at the time"; "the latest attack" is the main one
_TOLD_AGAIN = re.compile(
    r"\b(?:(?:that|this|those|these|the)\s+(?P<latest>(?:latest|most\s+recent|new|newest)\s+)?"
    r"(?:(?!(?:the|a|an)\b)[\w-]+\s+){0,2}?" + _EVENT_NOUN + r"|then|at\s+the\s+time)\b",
    re.IGNORECASE,
)


def _began(d: _Dated, ref: str) -> bool:
    """The event ``d`` says began on a day ("attacking the area since Wednesday") goes on into
    ``ref``, up to a fortnight later."""
    return d.since and 0 <= (dt.date.fromisoformat(ref) - dt.date.fromisoformat(d.date)).days <= 14


def _same_date(d: _Dated, ref: str, precision: str) -> bool:
    a, b = dt.date.fromisoformat(d.date), dt.date.fromisoformat(ref)
    if "year" in (d.precision, precision):
        return a.year == b.year
    if "month" in (d.precision, precision):
        return (a.year, a.month) == (b.year, b.month)
    return abs((a - b).days) <= (7 if "week" in (d.precision, precision) else 2)


def _day_of_its_name(text: str, sents, dated: Sequence[_Dated], c: _Cluster) -> list[_Dated]:
    """An event whose first sentence names it by its place ("The Paris attacks, also claimed by
    IS, killed 130 people") is dated where the text names it so with its date: "the Paris attacks
    of November 13", "the attacks of November 13 in Paris"."""
    s, e = c.part(sents, c.sentences[0])
    named = triggers().named_event.match(text, s, e)
    if named is None:
        return []
    name = r"\s+".join(re.escape(w) for w in named.group("name").split())
    noun = rf"(?:{triggers().event_nouns})\s+(?:of|on)\s+"
    before = re.compile(rf"\b{name}\s+{noun}$", re.I)  # "the Paris attacks of " + the date
    of_date = re.compile(rf"\bthe\s+{noun}$", re.I)  # "the attacks of " + the date ...
    in_name = re.compile(rf"[^,.;:]{{0,25}}?\s+in\s+{name}\b")  # ... + " in Paris"
    return [
        d
        for d in dated
        if not d.speech
        and not d.filed
        and (
            before.search(text, max(0, d.start - 60), d.start)
            or (
                of_date.search(text, max(0, d.start - 40), d.start)
                and in_name.match(text, d.start, d.start + 60)
            )
        )
    ][:1]


def _named_elsewhere(text: str, s: int, e: int, main: _Cluster) -> bool:
    """The sentence opens by naming its event after a place that is none of the main event's
    towns ("The Paris attacks, also claimed by IS, killed 130 people" in a Brussels report): an
    event the reader knows, told in passing."""
    named = triggers().named_event.match(text, s, e)
    if named is None:
        return False
    name = named.group("name").strip()
    return not any(norm_phrase(town) == norm_phrase(name) for town in main.towns)


def _earlier(c: _Cluster, main: _Cluster, published: str | None = None) -> bool:
    """``c`` happened before the main event; with the main event undated, over a week before
    ``published`` (the main event is the news of those days, as ``_in_passing`` reads it)."""
    if c.date and main.date:
        return c.date < main.date
    if c.date and published and not main.known:
        return _stale(c, published)
    return False


def _arrest_news(c: _Cluster, main: _Cluster, published: str | None) -> bool:
    """``c`` is the attack an arrest leading the report is news of: "Police have arrested a man
    suspected of planting the bomb ... The explosion hit the street on Monday": an attack of the
    same week as the arrest and the report, told in sentences of its own beside it, not only in
    passing in the arrest's ("captured the man suspected of killing four people on Tuesday")."""
    return bool(
        main.head.type == "arrest_or_capture"
        and any(i not in main.sentences for i in c.sentences)
        and c.head.type not in _OFFICIAL
        and c.date
        and main.date
        and published
        and c.precision == "day"
        and 0 <= _days_before(c.date, main.date) <= 7
        and not _stale(c, published)
    )


_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _set_date(c: _Cluster, dates: Sequence[_Dated]) -> None:
    """Set the cluster's date, or sharpen it ("last week" then "on March 24")."""
    if not dates:
        return
    best = min(dates, key=lambda d: (_RANK.get(d.precision, 4), d.start))
    start = [d for d in dates if d.precision == "day" and not d.ended]
    ended = best if best.precision == "day" and best.ended else None
    if c.ended and c.precision == "day" and c.date:
        ended = _Dated(c.date_at or 0, c.date, "day", True, ended=True)
    # "ended the siege early on Saturday, after gunmen stormed the hotel late Friday": an
    # ongoing event is dated by the day it began, told in the same event's sentences
    began = next((d for d in start if ended and 0 < _days_before(d.date, ended.date) <= 3), None)
    if began is not None:
        c.date, c.precision, c.date_at = began.date, began.precision, began.start
        c.counted, c.ended = began.counted, False
    elif c.date is None or _RANK.get(best.precision, 4) < _RANK.get(c.precision or "", 4):
        c.date, c.precision, c.date_at = best.date, best.precision, best.start
        c.counted, c.ended = best.counted, best.ended
    elif (
        c.counted
        and not best.counted
        and best.precision == c.precision == "day"
        and _days_apart(best.date, c.date) <= 2
    ):
        # "hours after a bomb attack ..." gave the day counted back from another event; the
        # attack's own "on Wednesday afternoon" tells it
        c.date, c.date_at, c.counted = best.date, best.start, False


def _speech_sentence(text: str, sents, d: _Dated) -> bool:
    s = sents[_sent_of(sents, d.start)][0]
    return bool(
        re.search(r"\b(?:said|told|announced|reported)\s+(?:\w+\s+){0,2}$", text[s : d.start])
    )


def _sent_of(sents: Sequence[tuple[int, int]], offset: int) -> int:
    return bisect.bisect_right([s for s, _ in sents], offset) - 1


# ---------------------------------------------------------------- one event report


def _report(
    ctx: _Article, c: _Cluster, main: bool, others: Sequence[tuple[int, int]] = ()
) -> EventReport:
    doc, article, text, sents = ctx.doc, ctx.article, ctx.text, ctx.sents
    idx = sorted(set(c.sentences) | set(c.support))
    spans = [c.part(sents, i) for i in idx]
    event_spans = [c.part(sents, i) for i in sorted(c.sentences)]
    # the triggers of its event sentences first; then those of sentences that only name the doer
    # ("his group was behind the abduction"), which may say what kind of event it was
    known = c.head.named
    if known is not None:  # "the attacks on 9/11": the name says what it was and where
        etype = known.type
        location = known_location(known.country, known.place, known.admin1)
    else:
        told = [t for t in ctx.trigs if t.sentence in c.sentences and c.owns(sents, t.start)]
        doers = [t for t in ctx.trigs if t.sentence in c.support and t.strength != PLURAL]
        etype = c.kind or event_type(text, told, event_spans, doers)
        lead = c.part(sents, c.head.sentence)
        location = _locate(ctx, event_spans, main, lead, c.head, others, spans)
    perps = find_perpetrators(
        text, spans, ctx.mentions, ctx.claims, etype, ctx.registry, ctx.source, doc
    )
    perps = _unnamed_state_agent(ctx, event_spans, etype, location, perps)
    location = _designated_at_home(ctx, event_spans, etype, location, perps)
    date, precision = c.date, c.precision
    figs = _figures(ctx, [f for f in ctx.figures if c.owns(sents, f.start)], perps)
    targets, weapons = find_means(doc, event_spans)
    if etype == "designation":
        # whom a designation lists is its target; a building it names is not ("laid a draft
        # order before Parliament to proscribe X"). When its own sentences name no group ("has
        # designated two armed groups"), the first sentence that does names them ("identified
        # the groups as X and Y")
        targets = _designated(ctx, event_spans, perps, location.country) or next(
            filter(None, (_designated(ctx, [span], perps, location.country) for span in spans)),
            (),
        )
    evidence = tuple(
        Evidence(article.document_id, article.index, s, e, text[s:e]) for s, e in spans
    )
    return EventReport(
        id=stable_id("ev", article.document_id, article.index, c.head.start),
        document_id=article.document_id,
        article_index=article.index,
        type=etype,
        date=date,
        date_precision=precision,  # type: ignore[arg-type]
        location=location,
        perpetrators=perps.perpetrators,
        claimed_by=perps.claimed_by,
        claim_channel=perps.claim_channel,
        figures=figs,
        targets=targets,
        weapons=weapons,
        background=(c.background or c.head.named is not None) and not main,
        evidence=evidence,
        date_clue=_clue(article, c) if precision != "day" else None,
    )


def _clue(article: Article, c: _Cluster) -> DateClue | None:
    if c.clue is None:
        return None
    d = c.clue.mention
    month, day = c.clue.month_day or (c.clue.month, None)
    evidence = Evidence(article.document_id, article.index, d.start, d.end, d.text)
    return DateClue(evidence, month, day, c.clue.weekday)


# acts a state or an armed group may do: a state's only when no one else is named as the doer
_STATE_OR_NOT = frozenset({"other", "assassination", "execution"})


def _unnamed_state_agent(ctx: _Article, spans, etype: str, location: Location, perps):
    """A state action whose doer is only "police", "security forces"... (the force of the
    event's country) or a country ("by the US": its government; "Iran executed two men"), when
    no actor is named as its doer."""
    registry = ctx.registry
    if etype not in STATE_TYPES | _STATE_OR_NOT or registry is None:
        return perps
    if etype in _STATE_OR_NOT and perps.perpetrators:
        return perps
    if any(_kind(registry, p.actor_id) in STATE_KINDS for p in perps.perpetrators):
        return perps
    countries = [(p.start, p.end, p.country) for p in ctx.places if p.precision == "country"]
    agent = generic_state_agent(ctx.doc, spans, location.country, registry, countries, etype)
    if agent is None:
        return perps
    ev = agent.evidence
    if ev is not None:
        ev = replace(ev, document_id=ctx.article.document_id, article_index=ctx.article.index)
    claimed = (*perps.claimed_by, agent.name) if agent.basis == "claimed" else perps.claimed_by
    return replace(
        perps,
        perpetrators=(*perps.perpetrators, replace(agent, evidence=ev)),
        claimed_by=claimed,
    )


def _designated_at_home(ctx: _Article, spans, etype: str, location: Location, perps) -> Location:
    """A designation happened where the state that made it is ("Today, the Department of State
    is designating the BLA ..."), not in the towns the rest of the statement names as the group's
    targets (Karachi): see places.at_home."""
    if etype != "designation":
        return location
    homes = {
        actor.country
        for p in perps.perpetrators
        if p.actor_id
        and ctx.registry is not None
        and (actor := ctx.registry.get(p.actor_id)) is not None
        and actor.kind in STATE_KINDS
        and actor.country
    }
    return at_home(ctx.places, spans, location, homes.pop() if len(homes) == 1 else None)


def _designated(
    ctx: _Article, spans: Sequence[tuple[int, int]], perps, country: str | None
) -> tuple[str, ...]:
    """The groups a designation names in ``spans``, first named first: the organisations the
    registry knows there, but the designating state's own bodies and the media; else the proper
    names a designating verb lists ("to proscribe Hizb ut-Tahrir")."""
    registry = ctx.registry
    doers = {p.actor_id for p in perps.perpetrators}
    # the designating state: its bodies' country, else where the designation was made
    home = {getattr(registry.get(a), "country", None) for a in doers} if registry else set()
    home = (home - {None}) or {country}
    named: list[tuple[int, str]] = []
    for m in ctx.mentions:
        if not any(s <= m.evidence.start < e for s, e in spans) or m.actor_id in doers:
            continue
        actor = registry.get(m.actor_id) if registry is not None else None
        kind = actor.kind if actor is not None else None
        if kind in ("government", "igo", "media"):
            continue
        if kind in STATE_KINDS and (actor.country in home or None in home):
            continue  # the designator's own forces or agencies ("the Home Office and police")
        named.append((m.evidence.start, m.name))
    known = [(m.evidence.start, m.evidence.end) for m in ctx.mentions]
    for s, e in spans:
        for found in triggers().designating.finditer(ctx.text, s, e):
            for part in re.finditer(r"(?:(?!,|\sand\s).)+", found.group("names")):
                at = found.start("names") + part.start()
                name = re.sub(r"^\s*(?:and\s+)?(?:the\s+)?", "", part.group()).strip(" .")
                if name and not any(a <= at + len(part.group()) and at < b for a, b in known):
                    named.append((at, name))
    names: list[str] = []
    for _, name in sorted(named):
        if name not in names:
            names.append(name)
    return tuple(names)


def _kind(registry: Any, actor_id: str | None) -> str | None:
    actor = registry.get(actor_id) if actor_id else None
    return actor.kind if actor is not None else None


def _figures(ctx: _Article, found: list[FigureMention], perps) -> tuple[Figure, ...]:
    text, article, sents, source = ctx.text, ctx.article, ctx.sents, ctx.source
    trig = triggers()
    claimed = [p.name for p in perps.perpetrators if p.basis == "claimed"]
    claimed_names = {c.casefold() for c in claimed}
    claimer = {p.actor_id: p.name for p in perps.perpetrators if p.basis == "claimed"}
    default = article.publisher or AUTHOR
    title_end = _title_end(article, text)
    if _joint_headline(text, title_end, ctx.trigs):
        # "Car bomb in Medellin and helicopter downed in Tibu: toll rises to 13": the toll of
        # both together, neither's own (nor a revision of either's)
        found = [f for f in found if f.start >= title_end]
    stated = {f.start: _stated_on(ctx, f.start) for f in found}  # the day each was stated
    out: list[Figure] = []
    revisions = {f.figure.kind: (f.start, f.figure.value) for f in found if f.revision}
    current = {f.figure.kind for f in found if not f.earlier}  # kinds with a toll not superseded
    seen: dict[tuple, int] = {}  # a figure's key -> its index in out
    had_said: set[int] = set()  # ids of figures replaced only as another's past perfect
    last: tuple[FigureMention, str | None] | None = None
    shared = _sources_after_joined(text, found, source)
    for i, f in enumerate(found):
        fig = f.figure
        said = shared.get(i) or source(f.start, f.end)
        # a headline's "29 dead, al Qaeda claims": the group claims the attack, the toll is
        # the report's (a figure the body credits to the group is the body's to give)
        reports = f.start < title_end and _claims_after(text, f.end, title_end)
        if reports:
            said = None
        if said is None and last is not None and last[0].end <= f.start:
            # "the police had put the toll at 25 dead and 60 hurt": the second figure is the
            # same speaker's
            if JOINED_FIGURE.fullmatch(text, last[0].end, f.start):
                said = last[1]
        last = (f, said)
        if said is not None and said.casefold() not in claimed_names and i not in shared:
            # "The group stormed a base ... Its fighters killed 30, it said": a speaker the claims
            # step resolved to the claiming group is that group
            said = claimer.get(source.actor(f.start, f.end) or "", said)
        sentence = _sentence_text(text, f.start)
        claims = list(trig.claim.finditer(sentence))
        # the figure is the group's when it says so ("claimed the attack, saying its fighters
        # killed 30"), or when its claim is the sentence's and no one else is said to give it;
        # beside a claim told in passing ("An attack on the shrine, claimed by IS, left 13
        # dead"; "the bombings, which IS claimed and which killed 250") the toll is the
        # report's, unless the group's statement is said to give it
        passive = bool(claims) and all(
            _PASSIVE_CLAIM.fullmatch(c.group()) or _RELATIVE_CLAIM.search(sentence, 0, c.start())
            for c in claims
        )
        own = said is not None and said.casefold() in claimed_names
        # "claimed responsibility for the bombing ... that killed 11 people": the toll describes
        # the attack claimed, in the report's words, unless the group is said to give it
        # (a headline's "IS claims Inates camp attack that killed 71 soldiers" too)
        claimed_at = claims[0].end() if claims else _claim_verb_end(sentence)
        told = (
            claimed_at is not None
            and not _SAYS.search(sentence)
            and bool(
                _RELATIVE_TOLL.search(text, _sentence_start(text, f.start) + claimed_at, f.start)
            )
        )
        meanwhile = claimed_at is not None and bool(
            _TOLL_MEANWHILE.search(text, _sentence_start(text, f.start) + claimed_at, f.start)
        )
        # "..., killing 26 people; al Shabaab claimed that attack": a toll told before the claim,
        # with no one said to give it, is the report's account of the deed claimed
        at = f.start - _sentence_start(text, f.start)
        told = told or (
            said is None and bool(claims) and all(c.start() > at for c in claims) and not own
        )
        # the claimer named as the speaker is no source of a toll told "as the toll rose"
        if told or (meanwhile and (own or not _SAYS.search(sentence))):
            own, said = False, None
        told = told or meanwhile
        if own and passive and not _SAYS.search(sentence):
            # a claim told in passing ("which IS claimed") makes the group no source of the
            # toll; "which IS claimed, saying ..." does
            own, said = False, None
        # a doer's own count ("the attacker said he had killed four policemen", "boasted that he
        # had killed three") is his claim, as a group's is
        doer = (
            said is not None
            and " and " not in said  # (not "police and the militants", a joint count)
            and (
                said.split()[-1].casefold() in figure_lexicon().attacker_nouns
                or _BOASTED.search(sentence) is not None
            )
        )
        own = own or doer
        is_claim = own or (
            bool(claimed)
            and not told
            and not reports
            and not said_by_other(said, claimed_names)
            and (bool(said) if passive else bool(claims or _CHANNEL.search(sentence)))
        )
        according = (said if own else claimed[0]) if is_claim else (said or default)
        rev = revisions.get(fig.kind)
        # attackers' deaths ("three attackers were killed") are no earlier toll of the victims;
        # nor is a toll stated on a later day than the revision ("The president said on Monday
        # that 90 had been killed. ... before the government raised it on Sunday to 75")
        superseded = (
            rev is not None
            and f.start < rev[0]
            and fig.value != rev[1]
            and not _later(stated[f.start], stated[rev[0]])
        )
        # ... which replaces the revision told after it
        superseded = superseded or (
            f.revision
            and any(
                g.figure.kind == fig.kind
                and g.start < f.start
                and not g.earlier
                and not g.attackers
                and _later(stated[g.start], stated[f.start])
                # (a group's claimed toll replaces no one's count)
                and not trig.claim.search(_sentence_text(text, g.start))
                for g in found
            )
        )
        # "The toll has risen to 90 ... On Monday police put the figure at 61": a lower toll of
        # the whole told after the revision is one it replaced
        superseded = superseded or (
            rev is not None
            and f.start > rev[0]
            and not f.revision
            and fig.value < rev[1]
            and fig.value_high is None
            and of_anyone(fig.scope)
            # "128 have been confirmed, not 149": a figure set against the revised one disputes it
            and not re.search(rf"(?<![\d,]){rev[1]}(?![\d,])", _sentence_text(text, f.start))
        )
        # "25 people had been killed, raising earlier tolls of 20": the text says which came first
        earlier = f.earlier and fig.kind in current
        superseded = superseded or earlier
        superseded = superseded and not f.attackers
        key = (fig.kind, fig.value, fig.value_high, fig.qualifier, according, f.attackers)
        kept = seen.get(key)
        if kept is not None and (out[kept].scope or not fig.scope):
            continue
        # the evidence is the figure's sentence, so that an analyst lands on the whole statement
        s, e = sents[_sent_of(sents, f.start)]
        ev = Evidence(article.document_id, article.index, s, e, text[s:e])
        figure = replace(
            fig, according_to=according, is_claim=is_claim, superseded=superseded, evidence=ev
        )
        if kept is not None:
            out[kept] = figure  # the same figure said again with its scope ("11 policemen")
        else:
            seen[key] = len(out)
            out.append(figure)
        if earlier and f.had_said and not (rev is not None and f.start < rev[0]):
            had_said.add(id(figure))
    return tuple(_beside(out, had_said, default))


_BOASTED = re.compile(r"\b(?:boast|boasts|boasted|boasting|bragged|brags|bragging)\b", re.I)


def _joint_headline(text: str, title_end: int, trigs: Sequence[Trigger]) -> bool:
    """The headline names two deeds joined by "and" before a colon ("Truck bomb in Cali and
    helicopter shot down in Amalfi: the toll rises to 19"): its toll is of both together."""
    colon = text.find(":", 0, title_end)
    if colon < 0:
        return False
    deeds = [t for t in trigs if t.end <= colon]
    return len(deeds) >= 2 and any(
        re.search(r"\band\b", text[a.end : b.start]) for a, b in pairwise(deeds)
    )


def _later(day_a: str | None, day_b: str | None) -> bool:
    """Both statement days are known and the first is the later one."""
    return day_a is not None and day_b is not None and day_a > day_b


def _stated_on(ctx: _Article, at: int) -> str | None:
    """The day a statement was made, told in the figure's sentence before it (the nearest):
    "said on Monday evening", "raised it on Sunday to 75"."""
    s, _ = ctx.sents[_sent_of(ctx.sents, at)]
    days = [d for d in ctx.dated if s <= d.start < at and d.precision == "day" and not d.strong]
    return max(days, key=lambda d: d.start).date if days else None


def _beside(out: list[Figure], had_said: set[int], default: str) -> list[Figure]:
    """A count another named source "had said" is no earlier count of the current ones'
    sources: it stands beside them, a disagreement the resolver shows ("The UN said 30 were
    killed ... The Taliban's spokesman had said 12"); the same source's, or the outlet's own,
    stays replaced."""
    current = {(f.kind, f.according_to) for f in out if not f.superseded}
    return [
        replace(f, superseded=False)
        if id(f) in had_said
        and f.according_to not in (None, default, AUTHOR)
        and (f.kind, f.according_to) not in current
        and any(k == f.kind for k, _ in current)
        else f
        for f in out
    ]


def _claims_after(text: str, end: int, title_end: int) -> bool:
    """The headline goes on after a figure ending at ``end`` with a claim that gives no count
    ("29 dead, al Qaeda claims", "70 martyred, X and Y both claim", "...; X claims attack")."""
    m = _CLAIM_WORD.search(text, end, title_end)
    return m is not None and not re.search(r"\d", text[m.end() : title_end])


_CLAIM_WORD = re.compile(r"\bclaim(?:s|ed)?\b", re.I)


def _claim_verb_end(sentence: str) -> int | None:
    """Where a bare "claims"/"claimed" with an event noun after it ends: a headline's "X claims
    Inates camp attack that killed 71"."""
    m = _CLAIMS_DEED.search(sentence)
    return m.end() if m else None


_CLAIMS_DEED = re.compile(r"\bclaim(?:s|ed)\s+(?:[\w'’-]+\s+){0,4}?" + _EVENT_NOUN + r"\b", re.I)
_PASSIVE_CLAIM = re.compile(r"claimed\s+by|was\s+claimed", re.I)  # the claim told, not made
_RELATIVE_CLAIM = re.compile(r"\b(?:which|that)\s+(?:[\w'’-]+\s+){1,4}$", re.I)  # "which IS ..."
_CHANNEL = re.compile(r"\b(?:amaq|statement|telegram)\b", re.I)  # the group's own word
_RELATIVE_TOLL = re.compile(r"\b(?:that|which)\b", re.I)  # "... the bombing that killed 11"
# "claims the bombing as the toll rises to 54": the toll of the deed claimed, in a clause of the
# report's own whoever is said to give it
_TOLL_MEANWHILE = re.compile(r"\b(?:as|while|with)\s+(?:the\s+)?(?:death\s+)?toll\b", re.I)
_SAYS = re.compile(r"\b(?:said|says|saying|statement|according\s+to)\b", re.I)


def said_by_other(said: str | None, claimers: Iterable[str] = ()) -> bool:
    """A named official or outlet gave the figure, not the group's statement; a statement owned
    by someone ("the health ministry's latest statement") is its owner's."""
    if not said:
        return False
    owner = _statement_owner(said)
    if owner is not None:
        return not any(c in owner.casefold() for c in claimers) and said_by_other(owner)
    return not re.search(r"\b(?:group|statement|amaq|claim)\b", said, re.I)


def _statement_owner(said: str) -> str | None:
    """Whose statement ``said`` names: "the health ministry's latest statement", "police
    statement (on Saturday)", "statement from the health ministry"; None for one that names no
    one ("the statement", "a joint statement")."""
    owned = _OWNED_STATEMENT.search(said)
    if owned:
        return said[: owned.start()]
    told = _STATEMENT_FROM.search(said) or _STATEMENT_OF.match(said.strip())
    if told is None:
        return None
    owner = " ".join(w for w in told.group(1).split() if w.casefold() not in _NO_OWNER)
    return owner or None


_STATEMENT_OF = re.compile(r"(.+?)\s+statement\b", re.I)
_STATEMENT_FROM = re.compile(r"\bstatement\s+(?:from|by|of)\s+(.+)", re.I)
# words before "statement" that name no one: "a joint statement", "the latest statement"
_NO_OWNER = frozenset(
    "the a an its their his her joint written brief short separate new later earlier latest "
    "official first second video audio online same".split()
)
_OWNED_STATEMENT = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}(?:statement|claim)\b", re.I)
# the words between two figures of one clause: "55 people and wounding 140"
_JOINED_CLAUSE = re.compile(
    r"(?:(?!\b(?:now|later|then|but|before|after|while|whereas)\b)[^.;:()\d]){0,40}", re.I
)


def _sources_after_joined(text: str, found: list[FigureMention], source) -> dict[int, str]:
    """The index of each figure joined to the next one whose clause ends in "according to X" ->
    that X (a run of joined figures shares it back to its first): "killing 55 people and wounding
    140, according to the ministry" gives the ministry both."""
    shared: dict[int, str] = {}
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        gap = _JOINED_CLAUSE.fullmatch(text, a.end, b.start) if a.end <= b.start else None
        if gap is None or not re.search(r"\band\b|,", gap.group()):
            continue
        if i + 1 in shared:
            shared[i] = shared[i + 1]
        elif according_follows(text, b.end) and (said := source(b.start, b.end)):
            shared[i] = said
    return shared


def _sentence_text(text: str, offset: int) -> str:
    start = _sentence_start(text, offset)
    end_candidates = [i for i in (text.find(".", offset), text.find("\n", offset)) if i >= 0]
    return text[start : min(end_candidates) if end_candidates else len(text)]


def _sentence_start(text: str, offset: int) -> int:
    """Where :func:`_sentence_text` of ``offset`` starts."""
    return max(text.rfind(".", 0, offset), text.rfind("\n", 0, offset)) + 1
