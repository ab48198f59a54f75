"""Casualty figures: "at least 62 people were killed", "injuring 30 others", "the death toll rose to
54", "thirteen", "a policeman was killed", "killing a teenager".

Works on the clean text sentence by sentence with compiled regexes and small word windows (no
per-token loops over the lexicon). A number is a killed/wounded figure when

1. the words after it name people (or nothing) and then, past linking words, a casualty word
   ("22 people dead", "50 people have been killed", "eight wounded"); an of-phrase after the
   people is part of their group and of its scope ("three members of the security forces were
   killed", "killed 10 members of the same family"), or
2. a casualty verb or verb phrase stands right before it ("killed at least 62", "injuring 30",
   "gunned down five", "killed a total of 20"), or
3. a toll phrase stands before it in its clause ("the death toll rose to 54",
   "the number of injured as 52", 'put the number of dead at "more than 400"', "at close to 300
   – all of them fighters"); with a revision word ("rose", "climbed") it is a revision that
   supersedes the article's earlier figures of that kind, and a toll the text calls earlier
   ("raising earlier tolls of 20 dead", "police initially put the death toll at 16", "a figure
   of 27 before police revised it to 34 and later said 47": 27 and 34) is marked so
   (``FigureMention.earlier``); "count", "tally" and "figure" (figures.yaml ``context_tolls``)
   are toll nouns where the sentence before, or this one before them, speaks of the dead or
   wounded ("Gunmen killed dozens. A rights group gave a provisional count of 38"); a tally of
   many events gives the toll of one it names ("since 2011, including the siege of the Westgate
   mall, in which at least 67 people died");
4. it counts a group joined by "and" to such a figure of a group ("killed 13 US service members
   and about 170 Afghan civilians"): a figure of that kind for its own group (scope), and the
   groups together are one more figure, their total (about 183; "30 militants and 5 civilians":
   35, the attackers counted in it as GTD and ACLED count them); groups listed with commas
   before "and" are joined alike ("three soldiers, two policemen and four civilians were
   killed": 3, 2, 4 and 9; each a group with no cue of its own); a group named "along with" or
   "as well as" after the figure's casualty clause is joined too ("two policemen were killed
   along with two of the attackers": 2, 2 and 4); a count of people is such a group beside a
   named one, by "and" only ("two staff and four other people": 2, 4 and 6; not "Four people,
   two men and two women", which breaks the four down);
5. it updates the figure before it in its sentence, its noun left out ("seven dead on Saturday,
   and by nightfall at least 20");
6. it bounds estimates that range, right after a sentence with figures of one kind ("estimates
   ranged between 189, the police figure, and 218, quoted by lawmakers": two figures, each with
   its source; "ranged from 189 to 218": one range);
7. it counts people taken away, then killed ("pulled 23 passengers off buses and shot them",
   "nine passengers were taken off a bus and killed", "were ambushed and killed"; figures.yaml
   ``removal_verbs``), not "abducted 20 people and killed two of them".

One person named after the counted people is counted with them ("ten police personnel and their
civilian driver were killed": 11, scope "police personnel and their civilian driver").

One person named without a number counts 1, scoped by their noun: the subject of a casualty
("a policeman was killed", "a 55-year-old man died", "one of the two hikers died", "his partner
survived with serious injuries"; "a gunman was killed" counts one attacker; any noun after an
age: "a 19-year-old bouncer"), or the object of a
casualty verb or verb phrase ("a gunman killed a policeman", "shot dead a tribal elder", "wounding
a child"; "police shot dead a gunman" counts one attacker). Joined by "and" to a figure they
are a group like those of 4 ("killed a policeman and a soldier": 1, 1 and their total 2; "killed
a policeman and three civilians": 1, 3 and 4; "a doctor and six workers were shot dead": 1, 6
and 7; "killed a man and his son"). Not the doer before the verb ("a gunman killed ..."), nor "a
number of", "a total of 20" (the number is the count), nor after a verb's base form ("plotted to
kill a judge").

Partial counts that are still figures carry the part they count as their scope: one named
facility's intake ("At Madina hospital, staff had recorded 258 deaths" -> "at Madina hospital"),
bodies not identified ("160 unidentified bodies").

Attackers' deaths ("three attackers were killed", "killing 30 militants", "two of their
attackers") are figures of their own (``FigureMention.attackers``), scoped as written; whether
they are an event's toll (an airstrike's) or not (a raid's dead raiders) is for sitrep.resolve.
Joined by "and" to counts of victims they are added to no victims' figure, only to the total of
everyone killed (4 above), which names both groups in its scope ("soldiers and attackers"; one
attacker named: "nine civilians and a gunman died": 9, 1 and 10, "civilians and gunman").

"A dozen" is 12 after a qualifier or before the people it counts ("more than a dozen others were
injured", "a dozen people"; figures.yaml ``count_phrases``); "two dozen" is 24 (a scale word).

Not figures: killings attempted, planned or charged as attempted ("the attempted murder of 68
people", "tried to kill 30"), vague counts ("dozens", "scores", a bare "killed a dozen"),
sub-counts ("18 of the dead", "including 20 children"; not "two of the gunmen": the attackers
are no part of a toll counted before), counts of a whole conflict or period ("since the coup",
"in the civil war"), the whole group a part is counted of ("three of the five hostages"),
combined "killed or wounded" counts, the doers of the killing ("five gunmen killed 10
villagers", "shot dead by two gunmen"), and a bare count
or one person "killed by" security forces (the attackers, no scope to say so: "all six were
killed by special forces", "a senior commander had been killed by troops"). Qualifiers map as in
``data/figures.yaml`` ("over" -> "more than", "as many as" -> "up to", "nearly"/"almost" ->
"nearly").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from typing import Literal, NamedTuple

from sitrep.events.dates import MONTH_NAME, SUPERLATIVE_BEFORE, WEEKDAYS, WHEN_CLAUSE
from sitrep.events.lexicon import FigureLexicon, figure_lexicon, phrase_alternation, triggers
from sitrep.records import Evidence, Figure

Kind = Literal["killed", "wounded"]
_WORD = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]")
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_WEEKDAY = "|".join(WEEKDAYS)
_SKIP_LEFT = frozenset(
    "the a an at least to as of up by about over more than nearly almost some reportedly also "
    "another further only around approximately roughly estimated all".split()  # "killing all 224"
)


@dataclass(frozen=True, slots=True)
class FigureMention:
    """A figure found in the text: where it is and whether it revises earlier figures."""

    figure: Figure
    start: int  # the figure phrase (qualifier + number), offsets into the text
    end: int
    revision: bool = False
    attackers: bool = False  # it counts the attackers ("three attackers were killed")
    earlier: bool = False  # an earlier toll the text names as such ("raising earlier tolls of 20")
    # ... known as earlier only by its statement's past perfect ("X had said 12"): another
    # source's count may stand beside the current one rather than before it
    had_said: bool = False


@dataclass(frozen=True)
class _Patterns:
    number: re.Pattern[str]
    qualifier_end: re.Pattern[str]
    range_after: re.Pattern[str]
    cue: re.Pattern[str]
    verb_phrase_end: re.Pattern[str]
    singular: re.Pattern[str]
    single: re.Pattern[str]
    single_verb: re.Pattern[str]
    named: re.Pattern[str]
    named_object: re.Pattern[str]
    only_self: re.Pattern[str]
    facility: re.Pattern[str]
    unidentified: re.Pattern[str]
    partitive: re.Pattern[str]
    listed: re.Pattern[str]
    listed_on: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    lex = figure_lexicon()
    units = [k for k, v in lex.numbers.items() if v < 20]
    tens = [k for k, v in lex.numbers.items() if v >= 20]
    unit = "(?:" + "|".join(sorted(units, key=len, reverse=True)) + ")"
    ten = "(?:" + "|".join(tens) + ")"
    small = rf"(?:{ten}(?:[\s-]+{unit})?|{unit})"
    scale = "(?:" + "|".join(lex.scales) + ")"
    word = rf"{small}(?:\s+{scale}(?:\s+(?:and\s+)?{small})?)?"
    num = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{word}|{phrase_alternation(lex.count_phrases)})"
    quals = phrase_alternation(lex.qualifiers)
    cue_words = lex.killed_words | lex.wounded_words | lex.killed_verbs | lex.wounded_verbs
    cue_words |= {r"\s+".join(p) for p in lex.wounded_phrases}
    phrases = lex.killed_verb_phrases | lex.wounded_verb_phrases
    cue_words |= {r"\s+".join(p.split()) for p in phrases}
    cue_words |= lex.single_killed_verbs | lex.single_wounded_verbs  # "lynched a teacher"
    ones = phrase_alternation(lex.one_person)
    # any noun after an age is one person ("a 25-year-old barman"), but not a modifier of a noun
    # of one_person ("a 25-year-old local man": "man") nor a word that ends the phrase
    stop = r"(?:and|or|as|in|at|on|of|from|with|by|was|were|is|who|whose)"
    aged = (
        rf"(?<=year-old\s)(?-i:(?!{stop}\b)[a-z][\w'’-]*)(?!\s+(?i:{ones})(?![\w'’-]))"
        rf"(?=\s*(?:[,.;:()]|$)|\s+{stop}\b)"
    )
    single_verbs = lex.single_killed_verbs | lex.single_wounded_verbs | phrases
    # the passive forms of those verbs: "was beheaded", "was shot dead", "was wounded"
    done = phrase_alternation(
        {v for v in single_verbs if not re.search(r"ing\b|s$", v)} | {"slain", "shot dead"}
    )
    # a person's name: two to four capitalised words, particles between ("Abu Bakr al Baghdadi")
    person = (
        r"[A-Z][\w'’.-]+(?:\s+(?:(?:al|bin|ibn|de|del|da|van|von|el|la)\s+)?[A-Z][\w'’.-]+){1,3}"
    )
    mates = rf"(?:{'|'.join(sorted(lex.companions, key=len, reverse=True))})(?:-in-law)?(?![\w'’-])"
    # a named facility: "Madina hospital", "Osman Fiqi Hospital" (capitalised words, then the noun)
    nouns = "|".join(sorted(lex.facility_nouns))
    named = rf"(?P<{{}}>(?:[A-Z][\w'’.-]*\s+){{{{1,4}}}}(?i:{nouns}))(?!\w)".format
    staff = "|".join(sorted(lex.facility_staff))
    bodies = "|".join(sorted(lex.remains_nouns | lex.generic_nouns | {"dead"}))
    unid = "|".join(sorted(lex.unidentified_words))
    ided = "|".join(sorted(lex.identified_words))
    doers = "|".join(sorted(lex.attacker_nouns))
    lead = rf"{num}|an?|his|her|their|its"  # what starts a group in a list
    group = r"\s+(?:[\w.'’-]+\s+){0,4}?[\w.'’-]+"  # a group's words after its count
    item = rf"(?:{lead}){group}"
    return _Patterns(
        number=re.compile(rf"(?<![\w$#.,-]){num}(?![\w]|,\d|\.\d)", re.IGNORECASE),
        qualifier_end=re.compile(rf"(?:^|(?<=[^\w]))({quals})\s+$", re.IGNORECASE),
        range_after=re.compile(rf"^\s*(-|–|—|to|and)\s*({num})(?![\w])", re.IGNORECASE),
        # a casualty word or a toll phrase ("the death toll", "the execution of")
        cue=re.compile(
            r"(?<!\w)(?:" + "|".join(sorted(cue_words)) + r"|toll|number of)(?!\w)"
            rf"|{lex.killed_tolls.pattern}|{lex.wounded_tolls.pattern}",
            re.IGNORECASE,
        ),
        # a multi-word casualty verb right before a count ("gunned down five people")
        verb_phrase_end=re.compile(
            rf"(?<![\w'’-])({phrase_alternation(phrases)})\s*$", re.IGNORECASE
        ),
        # one person as the subject of a casualty: "a policeman was killed", "a 55-year-old man
        # died", "one of the two tourists died" (partitive: any noun), "his partner survived with
        # serious injuries", "the other survived with stab wounds"
        singular=re.compile(
            r"(?<![\w])(?:(?:a|an|his|her|their)\s+(?:[\w'-]+\s+){0,2}?"
            rf"(?P<noun>{ones}|{aged})"
            r"|one\s+of\s+(?:the|his|her|their|its|these|those)\s+(?:[\w'-]+\s+){0,2}?"
            r"(?P<part>[\w'-]+)|the\s+other(?:\s+(?P<other>one|victim|man|woman))?)\s+"
            # "An officer of the Civil Defence Corps on guard at the prison was also killed", "one
            # of the teachers taken from the school had died"; no clause of its own ("A nurse at
            # the hospital told reporters that 19 people had died")
            # ("one of the police officers escorting them was shot dead")
            r"(?:(?:of|from|with|on|at|in|taken|held|seized|kidnapped|abducted|escorting|guarding|"
            r"accompanying|protecting|travelling|traveling|riding|driving)\s+"
            r"(?:(?!\b(?:that|who|which|whom|told|said|says|but|when|while)\b)[^,.;:()]){1,80}?"
            r"\s+)?"
            # ... or a relative clause, then the passive of the casualty ("A member of a vigilante
            # group who went after the kidnappers was killed")
            # ("A police officer who was stabbed during the attack died of his injuries")
            r"(?:who\s+(?:(?!\b(?:that|said|says|told|but|when|while)\b)[^,.;:()]){1,80}?\s+"
            r"(?=(?:was|were|had\s+been)\s|(?:later\s+|also\s+)?(?:died|succumbed)\b))?"
            r"(?:(?P<aux>was|were|has\s+been|have\s+been|had\s+been|is)\s+"
            r"(?:also\s+|reportedly\s+|later\s+)?(?P<adv>(?:seriously|critically|severely|badly|"
            r"gravely|slightly|lightly|fatally|mortally)\s+)?"
            r"(?P<cue>killed|shot\s+dead|dead|martyred|wounded|injured|hurt|(?<=ally\s)shot)"
            r"|(?:later\s+|also\s+|subsequently\s+)?(?:had\s+|has\s+)?(?:later\s+|since\s+)?"
            r"(?P<died>died|succumbed)"
            r"|(?P<survived>survived)\s+with\s+(?:[\w'-]+\s+){0,2}?(?:injuries|wounds))(?!\w)",
            re.IGNORECASE,
        ),
        # one person named without a number: "a tribal elder", "his son", "a gunman"
        single=re.compile(
            r"(?<![\w'’-])(?P<det>an?|his|her|their|its)\s+(?P<mods>(?:[\w'’-]+\s+){0,3}?)"
            rf"(?P<noun>{ones}|{aged})(?![\w'’-])",
            re.IGNORECASE,
        ),
        # a verb whose object that person is: "killed", "shot dead", "wounding"
        single_verb=re.compile(
            rf"(?<![\w'’-])(?P<verb>{phrase_alternation(single_verbs)})\s+$", re.I
        ),
        # one person named by name ("Hostage Karl Meyer was beheaded", "the activist Ramon Ortiz and
        # his cousin were shot dead"), a killing or wounding verb's passive subject; the verbs are
        # the past forms of single_killed_verbs / single_wounded_verbs and their phrases. A
        # relative clause may stand after the name ("Mayor X, who had led protests, was shot
        # dead"), another verb before the casualty ("was dragged from his home and shot dead")
        named=re.compile(
            rf"(?<![\w'’.-])(?:(?P<role>(?i:{ones}))\s+)?"
            rf"(?P<name>{person})"
            rf"(?P<mate>\s+and\s+(?:his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}?(?i:{mates}))?"
            r"(?:,\s+(?:who|whose)\s+[^,.;:()]{1,120}?,)?\s+"
            r"(?(mate)were|was)\s+(?:also\s+|reportedly\s+|later\s+)?"
            r"(?:[a-z]+ed\s+(?:[^,.;:()]{0,40}?\s+)?and\s+(?:then\s+|later\s+)?)?"
            rf"(?P<cue>{done})(?![\w'’-])"
            rf"(?P<with>\s+with\s+(?:his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}?(?i:{mates}))?"
        ),
        # one person named by name, a killing or wounding verb's object after their role
        # ("militants beheaded aid worker Tom Field", "gunmen shot dead the judge, Ali Reza")
        named_object=re.compile(
            rf"(?<![\w'’-])(?P<cue>(?i:{phrase_alternation(single_verbs)}))\s+(?:the\s+)?"
            # the role in lower case, no function word ("At Least 22 Killed as Gunmen Attack")
            rf"(?P<role>(?:(?!{stop}\s)[a-z][\w'’-]*\s+){{0,2}}?(?:{ones}))\s*,?\s+"
            rf"(?P<name>{person})"
            r"(?![\w'’-])"
        ),
        # the doer alone killed: "killing only himself"
        only_self=re.compile(
            rf"(?<![\w'’-])(?:{phrase_alternation(lex.single_killed_verbs)})\s+"
            rf"(?:{phrase_alternation(lex.only_self)})(?![\w'’-])",
            re.IGNORECASE,
        ),
        # where a facility frames a count: "At Madina hospital, ..." opening the sentence, or its
        # staff speaking ("a nurse at the nearby Osman Fiqi hospital said")
        facility=re.compile(
            rf"^\W*(?i:at|in)\s+(?i:the\s+)?{named('fac')}\s*,"
            rf"|(?<!\w)(?i:{staff})\s+(?i:at|of|from|in)\s+(?i:the\s+)?"
            rf"(?i:(?:nearby|main|local|central)\s+)?{named('staff_fac')}"
        ),
        # right after the number: "unidentified bodies", "bodies that could not be identified"
        unidentified=re.compile(
            rf"\s*(?:[\w'’-]+\s+){{0,2}}?(?:{unid})\s+(?:{bodies})(?!\w)"
            rf"|\s*(?:[\w'’-]+\s+){{0,2}}?(?:{bodies})\s+(?:that|which|who)\s+"
            rf"(?:(?:could|can|had|have|has|were|was|are|is)\s+)?(?:not|never|yet\s+to)\s+"
            rf"(?:yet\s+)?(?:be(?:en)?\s+)?(?:{ided})(?!\w)"
            rf"|\s*(?:[\w'’-]+\s+){{0,2}}?(?:{bodies})\s+(?:that|which|who)\s+"
            rf"(?:remain(?:ed|s)?|went|lay|were|are)\s+(?:still\s+)?(?:{unid})(?!\w)",
            re.IGNORECASE,
        ),
        # right after the number: "(two) of their attackers", "(three) of the suspected gunmen"
        partitive=re.compile(
            r"\s+of\s+(?:the|their|its|these|those)\s+"
            rf"(?P<mods>(?:[\w'’-]+\s+){{0,3}}?)(?:{doers})(?![\w'’-])",
            re.IGNORECASE,
        ),
        # groups listed with commas between two counts: "[three] soldiers, two policemen and [four]
        # civilians", "[two] policemen, a Rangers soldier and [a sanitary worker]"; a comma alone
        # when the list goes on to "and" (listed_on, from the end of the group's count or person)
        listed=re.compile(rf"(?:{group})?(?:,\s+{item})*(?:,?\s+and\s+|,\s+)", re.I),
        listed_on=re.compile(rf"(?:{group})?(?:,\s+{item})*,?\s+and\s+(?:{lead})\s", re.I),
    )


def parse_number(text: str) -> int | None:
    """``"62"`` -> 62, ``"1,669"`` -> 1669, ``"thirteen"`` -> 13, ``"twenty-five"`` -> 25,
    ``"one hundred and five"`` -> 105, ``"a dozen"`` -> 12; None for anything else ("dozens")."""
    lex = figure_lexicon()
    text = text.strip().lower()
    if (said := lex.count_phrases.get(" ".join(text.split()))) is not None:
        return said
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", text):
        return int(text.replace(",", ""))
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", text):
        if word == "and" and seen:
            continue
        if word in lex.numbers:
            current += lex.numbers[word]
        elif word in lex.scales:
            current = max(current, 1) * lex.scales[word]
            if lex.scales[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_qualifier(text: str) -> str | None:
    """The stored qualifier for a qualifier phrase ("over" -> "more than"), None if unknown."""
    return figure_lexicon().qualifiers.get(" ".join(text.lower().split()))


def find_figures(
    text: str,
    sentences: Sequence[tuple[int, int]],
    document_id: str = "",
    article_index: int = 0,
) -> list[FigureMention]:
    """Every killed/wounded figure in ``text``; ``sentences`` are (start, end) offsets."""
    # a count quoted as said ('that "more than 30" people died', '"only about 24" bodies') is
    # read without its quote marks (blanked, so offsets stay the text's)
    text = _QUOTED_COUNT.sub(" ", text)
    pats = _patterns()
    found: list[FigureMention] = []
    kinds: set[Kind] = set()  # of the previous sentence's figures
    previous = ""  # the sentence before
    lex = figure_lexicon()
    for start, end in sentences:
        sentence = text[start:end]
        # "estimates ranged between 189 ... and 218" goes on from the sentence before it
        carried = next(iter(kinds)) if len(kinds) == 1 else None
        # "Gunmen killed dozens. A rights group gave a provisional count of 38.": the casualty
        # the sentence before speaks of, read only for a sentence with such a count
        counts = lex.context_tolls.search(sentence)
        context = _casualty_spoken(previous, lex) if counts else None
        previous = sentence
        kinds = set()
        cued = bool(
            pats.cue.search(sentence)
            or _AND_SHOT.search(sentence)
            or (carried and _ESTIMATES.search(sentence))
            or (context and counts)
        )
        zeros = _nobody(sentence, start, lex)
        if not cued and not zeros:
            continue
        seen = frozenset(f.figure.kind for f in found)
        mentions = _sentence_figures(sentence, start, carried, context, seen) if cued else []
        mentions = _parts_by_place(sentence, start, mentions)
        for mention in [*mentions, *zeros]:
            kinds.add(mention.figure.kind)
            fig = mention.figure
            ev = Evidence(
                document_id,
                article_index,
                mention.start,
                mention.end,
                text[mention.start : mention.end],
            )
            # a toll followed by the one that replaced it ("revised it to 34 and later said 47")
            # is an earlier one, even when it revised one before it
            replaced = _replaced_after(text, mention.end, end)
            before = (max(start, mention.start - 140), mention.start)
            # "lowering the figure of 15": the toll replaced, whatever revision word is near
            prior = _REPLACED_FROM.search(text, *before)
            named = prior is not None and prior.group("named") is not None
            told_earlier = not mention.revision and bool(_EARLIER_TOLL.search(text, *before))
            if found and not told_earlier and found[-1].earlier:
                # "had put the toll at 25 dead and 60 hurt": the figure joined to an earlier one
                last = found[-1].figure.evidence
                told_earlier = (
                    last is not None
                    and start <= last.start
                    and JOINED_FIGURE.fullmatch(text, last.end, mention.start) is not None
                )
            earlier = replaced or named or told_earlier
            revision = mention.revision and not replaced and not named
            # earlier by its past perfect alone, no word saying it came first ("initially")
            had_said = (
                told_earlier
                and not replaced
                and not named
                and not _EARLIER_WORD.search(text, before[0], end)
                and (
                    _HAD_SAID_ONLY.search(text, *before) is not None
                    # ("had put the toll at 25 dead and 60 hurt": the 60 as the 25)
                    or bool(found and found[-1].had_said and not mention.revision)
                )
            )
            found.append(
                replace(
                    mention,
                    figure=replace(fig, evidence=ev),
                    earlier=earlier,
                    revision=revision,
                    had_said=had_said,
                )
            )
    return found


def _parts_by_place(
    sentence: str, offset: int, mentions: list[FigureMention]
) -> list[FigureMention]:
    """Counts told after a toll of their kind in the same sentence, each at a place of its own
    ("about 60 were killed: up to 45 dead at Kourfa and 15 at Dinga"): parts of the toll, scoped
    by their place, not rival estimates of it."""
    out: list[FigureMention] = []
    kinds: set[str] = set()
    for m in mentions:
        fig = m.figure
        at = _AT_PLACE.match(sentence, m.end - offset)
        if fig.kind in kinds and fig.scope is None and not m.revision and at is not None:
            m = replace(m, figure=replace(fig, scope=" ".join(at.group("place").split())))
        kinds.add(fig.kind)
        out.append(m)
    return out


# after a count: "dead at Kourfa", "in Tchoma Bangou", "people killed in the village of X"
_AT_PLACE = re.compile(
    r"(?:\s+(?:people|persons|dead|killed|deaths|victims))?\s+(?P<place>(?:in|at)\s+"
    r"(?:the\s+(?:village|town)\s+of\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)",
    re.I,
)


def _nobody(sentence: str, offset: int, lex: FigureLexicon) -> list[FigureMention]:
    """Figures of 0 where the sentence says nobody was killed or hurt (figures.yaml
    ``no_casualties``), unless its clause leaves that unknown ("unclear whether anyone ...")."""
    out = []
    for m in lex.no_casualties.finditer(sentence):
        clause = re.split(r"[,;:]", sentence[max(0, m.start() - 60) : m.start()])[-1]
        if lex.no_casualty_hedges.search(clause):
            continue
        for kind in lex.nobody_suffered(m):
            figure = Figure(kind=kind, value=0)
            out.append(FigureMention(figure, offset + m.start(), offset + m.end()))
    return out


_QUOTED_COUNT = re.compile(
    r"[\"“](?=(?:[a-z]+\s+){0,3}\d[\d,]*[\"”]\s+[a-z])|(?<=\d)[\"”](?=\s+[a-z])", re.I
)


# "pulled 23 passengers off buses and shot them", "were taken off the bus and shot": the only
# casualty word of an execution may be "shot", which is no cue of its own (see _taken_then_killed)
_AND_SHOT = re.compile(r"\band\s+(?:[a-z]+\s+)?shot\b", re.I)


# The toll a revision replaced, right before its number: "rose to 54 from 40", "up from 40"
# (after a revision only), "lowering the figure of 15", "correcting an earlier count of 15"
_REPLACED_FROM = re.compile(
    r"(?:\bfrom|(?P<named>\b(?:lowering|lowered|revising|revised|correcting|corrected|replacing|"
    r"replaced|updating|updated)\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:earlier\s+|initial\s+|"
    r"previous\s+|original\s+|provisional\s+)?(?:death\s+)?(?:figure|toll|count|number|tally|"
    r"estimate)\s+of))\s+(?:an?\s+|the\s+)?(?:earlier\s+|initial\s+|previous\s+)?$",
    re.I,
)
_HAD_SAID = (
    # (active: "officials had counted 41"; not the passive of reported speech, "by Sunday, he
    # said, 32 bodies had been counted and 42 injured were being treated": the latest count)
    r"\bhad\s+(?!been\b)(?:\w+\s+)?(?:said|put|given|reported|spoken\s+of|counted|estimated|"
    r"announced)\b"
    r"(?:(?!\b(?:to|now|rose|risen|raised|climbed|revised|later|then)\b)[^.;:\d])*$"
)
_HAD_SAID_ONLY = re.compile(_HAD_SAID, re.I)
# A toll the text says came before the one it gives: "raising earlier tolls of 20 dead and 52
# wounded", "up from an initial 15" (matched on the text before the number; not a toll that was
# then raised: "the earlier toll of 20 was raised to 25" gives 25 as a revision)
_EARLIER_TOLL = re.compile(
    # (a statement, a report or a "balance", the wire word for a toll: "the first balance ...
    # had been of eight soldiers killed", "In its first statement the police said four")
    r"\b(?:earlier|previous|initial|preliminary|original|first)\s+(?:death\s+|casualty\s+)?"
    r"(?:tolls?|counts?|figures?|estimates?|tallies|balances?|statements?|reports?)\b"
    r"(?:(?!\b(?:to|now|rose|risen|raised|climbed|revised)\b)[^.;:])*$"
    # "..., raising a toll given on Wednesday by the president, who had spoken of four dead"
    r"|\b(?:raising|lowering|revising|updating|correcting|surpassing|exceeding)\s+(?:a|the|an)\s+"
    r"(?:[\w-]+\s+)?(?:toll|figure|count|tally|estimate)\b[^.;:\d]*$"
    r"|\bup\s+from\s+(?:an?\s+|the\s+)?(?:earlier|initial|previous)?\s*(?:[\w-]+\s+){0,2}$"
    # "Police initially put the death toll at 16", "It had earlier put the toll at 115"
    r"|\b(?:initially|earlier|first|originally|previously)\s+(?:(?:had|have|has)\s+)?"
    r"(?:put|gave|given|said|told|estimated|set|placed|counted)\b"
    r"(?:(?!\b(?:to|now|rose|risen|raised|climbed|revised|later|then)\b)[^.;:\d])*$"
    # a statement told in the past perfect, before the one the story goes by: "On Sunday night
    # officials had said 41 people were dead", "the police had put the toll at 25"
    r"|" + _HAD_SAID +
    # "rose to 54 from 40" ("lowering the figure of 15": see _REPLACED_FROM)
    r"|\b(?:to|at)\s+(?:[\w-]+\s+){0,2}?[\d,]+,?\s+(?:up\s+|down\s+)?from\s+(?:an?\s+|the\s+)?"
    r"(?:earlier\s+|initial\s+|previous\s+)?$",
    re.I,
)
# a word in a past-perfect statement's sentence that says it came first, whoever else counted
# since, or when it was made ("On Sunday night officials had said 37", "had given a figure of
# 103 on Wednesday evening": the count of then, replaced by the later one)
_EARLIER_WORD = re.compile(
    r"\b(?:earlier|previous|previously|initial|initially|preliminary|original|originally|first"
    r"|before|since|until|later"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|overnight|morning"
    r"|afternoon|evening|night|hours?|days?)\b",
    re.I,
)
# between two figures of one statement: "25 dead and 60", "30 people were killed and 50"
JOINED_FIGURE = re.compile(
    r"(?:(?!\b(?:now|later|then|but|rose|risen|raised|revised|updated)\b)[^.;:\d]){0,40}?"
    r"(?:\band|,|\bwith)\s+(?:(?:at\s+least|about|some|nearly|around|more\s+than|over)\s+)?",
    re.I,
)
# after a toll, the words that say another replaced it: "put the death toll at 16 before more
# bodies were recovered", "a figure of 27 before police revised it to 34", "revised it to 34 and
# later said 47"; not "killed 16 people before raising their flag"
_TOLL_OBJECT = (
    r"(?:it|(?:the|its|their)\s+(?:[\w-]+\s+)?(?:toll|figure|count|number|tally|estimate))"
)
_REPLACED = re.compile(
    r"[^.;:]{0,60}?\bbefore\s+(?:[\w'’-]+\s+){0,3}?"
    rf"(?:revis|rais|updat|increas|correct|lower|adjust)\w*\s+{_TOLL_OBJECT}\b"
    r"|[^.;:]{0,60}?\bbefore\s+(?:more|further|other|additional)\s+"
    r"(?:bodies|victims|dead|deaths|casualties)\b"
    r"|[^.;:\d]{0,40}?\b(?:and|but)\s+(?:later|then|subsequently|afterwards)\s+"
    rf"(?:said|put\s+{_TOLL_OBJECT}\s+at|gave\s+(?:a|the)\s+\w+\s+(?:of|as)"
    rf"|(?:revised|raised|updated|increased|corrected)\s+{_TOLL_OBJECT}\s+to)\s+"
    r"(?:[\w-]+\s+){0,2}?\d"
    # withdrawn by its giver: "..., before it later walked back that figure", "a toll the UN
    # has since retracted"
    r"|[^.;:\d]{0,60}?\b(?:walked|walks|walking)\s+back\s+(?:that|the|this|its)\s+"
    r"(?:figure|toll|number|count|estimate|claim)\b"
    r"|[^.;:\d]{0,60}?\b(?:retracted|retracts|withdrew|withdrawn|disowned)\s+"
    r"(?:that|the|this|its)\s+(?:figure|toll|number|count|estimate)\b",
    re.I,
)


def _replaced_after(text: str, end: int, sentence_end: int) -> bool:
    """The words after a toll ending at ``end`` say another toll replaced it (``_REPLACED``)."""
    return _REPLACED.match(text, end, sentence_end) is not None


# A count bounded by years, not by an event: "has killed more than 1,300 civilians since October
# 2017", "killed 4,000 people over the past decade". A tally of many events is no event's toll;
# "since Wednesday" (a siege still going on) is not such a bound.
_TALLY = re.compile(
    r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:(?:the\s+)?(?:start|beginning|end)\s+of\s+)?"
    rf"(?:{MONTH_NAME}\s+)?(?:19|20)\d\d\b"
    r"|\bsince\s+(?:its|their)\s+(?:founding|formation|creation|inception|emergence)\b"
    r"|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years|decades?)\b"
    # a year or part of one, in a sentence in the perfect: "has killed 849 civilians this year",
    # "have been killed so far in 2023", "since January"
    r"|\b(?:this|last)\s+year\b|\bin\s+(?:the\s+(?:first|second)\s+half\s+of\s+)?(?:19|20)\d\d\b"
    rf"(?![-/]|\s+{MONTH_NAME})|\bsince\s+{MONTH_NAME}\b(?!\s+\d{{1,2}}\b)",
    re.IGNORECASE,
)


@cache
def _tally() -> re.Pattern[str]:
    """``_TALLY`` and the counts of a whole conflict: "since the coup", "in the conflict", "The
    war has killed ..." (figures.yaml ``tally_since``, ``tally_in``)."""
    lex = figure_lexicon()
    since, within = phrase_alternation(lex.tally_since), phrase_alternation(lex.tally_in)
    return re.compile(
        rf"{_TALLY.pattern}|\bsince\s+(?:the|its|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{since})\b"
        rf"|\b(?:in|during)\s+the\s+(?:[\w-]+\s+){{0,2}}?(?:{within})\b"
        rf"|\b(?:the|this|its)\s+(?:[\w-]+\s+){{0,2}}?(?:{within})\s+(?:has|have)\s+(?:\w+\s+)?"
        r"(?:killed|claimed|left)\b",
        re.IGNORECASE,
    )


# "since then" bounds a period that starts with an event: "Since then, more than 1,500 people
# have been killed by security forces". Unless the sentence carries a toll, which is the event's
# own count grown since ("Since then the death toll has risen to 54").
# ... and so does "has since" ("Kenya has since carried out raids in which more than 40
# suspected militants have been killed"; not "two of the wounded have since died")
_SINCE_THEN = re.compile(
    r"\bsince\s+(?:then|that\s+time|that\s+day)\b"
    r"|\b(?:has|have|had)\s+since\s+(?!(?:died|succumbed|passed|risen|rose|climbed)\b)",
    re.IGNORECASE,
)
_TOLL_WORD = re.compile(r"\b(?:toll|tolls|death\s+count|body\s+count)\b", re.IGNORECASE)


def _since_then(sentence: str) -> re.Match[str] | None:
    m = _SINCE_THEN.search(sentence)
    return None if m is None or _TOLL_WORD.search(sentence) else m


_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|en|ied)\b", re.I)
# one event the tally names, and the clause that tells its toll: "has carried out attacks since
# 2011, including the siege of the Westgate mall in 2013, in which at least 67 people died"
_ONE_OF_THEM = re.compile(
    r",?\s*including\s+(?:the|a|an)\s+[^.;:()]{0,120}?(?P<clause>,?\s*"
    r"(?:in|during)\s+which|,?\s*when|,?\s*(?:which|that)\s+(?:killed|left))\b",
    re.IGNORECASE,
)


# a sentence that breaks down a toll told before it: its counts are parts, not tolls
_BREAKDOWN_OPENING = re.compile(
    r"\W*(?:of|among)\s+(?:the|those)\s+(?:[a-z]+\s+)?(?:dead|killed|victims|casualties|wounded|"
    r"injured|fatalities)\s*,",
    re.I,
)


def _counted_from(sentence: str) -> int:
    """Where the sentence's figures begin: 0, or its end when it is a tally of many events, or
    the start of the "when" clause naming the event that bounds it ("has not ... since May 2016,
    when coordinated bombings killed more than 140": only the 140 is a toll), or of the clause
    telling the toll of one event it names ("since 2011, including the siege of the Westgate
    mall, in which at least 67 people died": 67)."""
    if _BREAKDOWN_OPENING.match(sentence):
        return len(sentence)  # "Of the dead, eight were soldiers, six civilians ...": parts
    m = _tally().search(sentence) or _since_then(sentence)
    if (
        m is None
        or not _PERFECT.search(sentence)
        or SUPERLATIVE_BEFORE.search(sentence[: m.start()])
    ):
        return 0
    when = WHEN_CLAUSE.match(sentence, m.end())
    if when:
        return when.start()
    one = _ONE_OF_THEM.match(sentence, m.end())
    return one.start("clause") if one else len(sentence)


# Estimates that range, and the start of their first bound: "estimates ranged between",
# "estimates of the death toll varied from"
_ESTIMATES = re.compile(
    r"\b(?:estimates|figures|tallies|counts)\s+(?:(?:of|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:toll|tolls|dead|deaths|casualties|victims|wounded|injured)\s+)?(?:have\s+|had\s+)?"
    r"(?:ranged|range|ranges|varied|vary|varies|differed)\s+(?:between|from)\s+",
    re.IGNORECASE,
)
_ESTIMATES_END = re.compile(_ESTIMATES.pattern + "$", re.IGNORECASE)  # right before a bound
_RANGING = re.compile(r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s+from\s*$", re.I)
# the bounds of a range each given by its own source: "between 189, the figure given by police,
# and 218"; the second bound starts where this ends
_SPLIT_BOUND = re.compile(
    r"\s*,\s*(?=[^,;.:()]*\b(?:by|according\s+to|citing|from)\b)[^,;.:()\d]{3,80}"
    r",\s*(?:and|to)\s+",
    re.IGNORECASE,
)


# a death sentence passed on a count of people: "sentenced seven others to death in absentia"
_SENTENCED = re.compile(
    r"\b(?:sentenced|sentencing|sentences|sentence|condemned|condemning)\s+$", re.I
)
_SENTENCED_TO = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+to\s+death\b", re.I)


def _part_of_people(right: list[str], lex: FigureLexicon) -> bool:
    """ "two of the (four) hostages were killed": a part of a group of people named by who they
    are, the casualty told after them, is a count of its own ("18 of the dead", "one of the
    soldiers killed" break a toll down)."""
    if right[:2] not in (["of", "the"], ["of", "those"]):
        return False
    rest = right[2:]
    if rest and parse_number(rest[0]) is not None:
        rest = rest[1:]
    # (a word may qualify them: "two of the four U.S. citizens were found dead"; a participle
    # too: "two of the four engineers abducted last week were found dead")
    return any(
        rest[k] in lex.person_nouns
        and rest[_skip_participle(rest, k + 1, lex)] in {"were", "was", "had", "have", "has"}
        for k in range(min(2, len(rest) - 1))
    )


def _sentence_figures(
    sentence: str,
    offset: int,
    before_kind: Kind | None = None,
    context: Kind | None = None,
    seen: frozenset[Kind] = frozenset(),
) -> list[FigureMention]:
    """The figures of one sentence; ``before_kind``: the kind of the previous sentence's figures,
    which estimates that range go on with; ``context``: the casualty the previous sentence speaks
    of, which "a count of 38" counts; ``seen``: the kinds of the figures the text gave before."""
    lex, pats = figure_lexicon(), _patterns()
    counted_from = _counted_from(sentence)
    out: list[FigureMention] = []
    pending: list[_Group] = []  # counts of a group with no cue of their own
    partners: dict[int, Kind | None] = {}  # second bound's start -> the first bound's kind
    consumed_until = -1
    with_companion: list[int] = []  # ends of counts a person named after them is counted with
    for match in pats.number.finditer(sentence, counted_from):
        if match.start() < consumed_until:
            continue
        value = parse_number(match.group())
        if value is None:
            continue
        before = sentence[: match.start()]
        if _SENTENCED.search(before) and _SENTENCED_TO.match(sentence, match.end()):
            continue  # "sentenced seven others to death": a verdict, nobody killed
        qmatch = pats.qualifier_end.search(before[-40:])
        qualifier = parse_qualifier(qmatch.group(1)) if qmatch else ""
        if qmatch and _negated(before[: len(before) - len(qmatch.group(0))], lex):
            qualifier = lex.negated_qualifiers.get(qualifier or "", qualifier)
        phrase_start = match.start() - (len(qmatch.group(0)) if qmatch else 0)
        high, num_end = None, match.end()
        rmatch = pats.range_after.match(sentence[match.end() :])
        if rmatch and _is_range(rmatch.group(1), qualifier, before):
            high = parse_number(rmatch.group(2))
            if high is not None and high > value:
                qualifier, num_end = "between", match.end() + rmatch.end()
                consumed_until = num_end
            else:
                high = None
        split = None
        if high is None and (qualifier == "between" or _RANGING.search(before)):
            split = _SPLIT_BOUND.match(sentence, num_end)
            qualifier = "" if split else qualifier  # two sources' figures, no range
        if qualifier == "between" and high is None:
            continue
        if _not_a_count(sentence, match.start(), num_end, value, lex):
            kind = _anaphoric(sentence, phrase_start, num_end, lex)
            if kind is not None and kind not in seen | {m.figure.kind for m in out}:
                # "Eight children survived. Five of them were wounded": a part of people
                # counted as no casualties, the first figure of its kind
                figure = Figure(kind=kind, value=value, qualifier=qualifier or "")
                out.append(FigureMention(figure, offset + phrase_start, offset + num_end))
            continue
        if _answered_deed(before, lex):
            continue
        if not qualifier and _vague(match.group(), sentence, num_end, lex):
            continue
        judged = _judge(sentence, phrase_start, num_end, lex, context)
        if (named := _one_before_others(sentence, phrase_start, num_end, judged, lex)) is not None:
            # "killed the commander and 11 others": the one named is counted with the others
            phrase_start, judged = named
        if judged is None and phrase_start in partners:
            kind_of = partners[phrase_start]  # the second bound: the first one's kind
            judged = _Judged(kind_of, None) if kind_of else None
        elif judged is None and before_kind and _ESTIMATES_END.search(before):
            judged = _Judged(before_kind, None)
        if split is not None:
            partners[split.end()] = judged.kind if judged else None
        if judged is None:
            if (earlier := _elliptic(sentence, offset, phrase_start, num_end, out)) is not None:
                figure = replace(
                    earlier.figure, value=value, qualifier=qualifier or "", value_high=high
                )
                out.append(FigureMention(figure, offset + phrase_start, offset + num_end))
                continue
            prior = out[-1] if out else None
            replaced = _REPLACED_FROM.search(sentence, 0, phrase_start)
            if (
                prior is not None
                and replaced is not None
                and replaced.start() >= prior.end - offset
                and (prior.revision or replaced.group("named"))
            ):
                # "rose to 54 from 40", "lowering the figure of 15": the toll it replaced
                figure = replace(
                    prior.figure, value=value, qualifier=qualifier or "", value_high=high
                )
                out.append(FigureMention(figure, offset + phrase_start, offset + num_end))
                continue
            group = _group_of(sentence, num_end, lex)
            if group is not None:
                figure = Figure(
                    kind="killed",
                    value=value,
                    qualifier=qualifier or "",
                    value_high=high,
                    scope=group[0],
                )  # kind: the figure it is joined to
                pending.append(_Group(figure, phrase_start, num_end, group[1]))
            continue
        kind, scope, revision, attackers, added = judged
        if added:
            with_companion.append(num_end)
        scope = _part_counted(sentence, phrase_start, num_end, scope, lex)
        figure = Figure(
            kind=kind,
            value=value + added,
            qualifier=qualifier or "",
            value_high=high + added if high is not None else None,
            scope=scope,
        )
        start = match.start() if split else phrase_start  # "between" is no part of a bound
        out.append(FigureMention(figure, offset + start, offset + num_end, revision, attackers))
    singles, ones = _singles(sentence, offset, counted_from, with_companion, out, lex)
    out.extend(singles)
    out.extend(_conjuncts(sentence, offset, out, pending + ones))
    out.extend(_clause_totals(sentence, offset, out))
    if not out and (alone := pats.only_self.search(sentence, counted_from)) is not None:
        figure = Figure(kind="killed", value=1, scope="attacker")
        out.append(
            FigureMention(figure, offset + alone.start(), offset + alone.end(), attackers=True)
        )
    return out


# a figure's own casualty clause, then the next clause's count: "[A prison officer was killed],
# and [four] inmates died"
_CLAUSE_AND = re.compile(
    r"(?:(?:\s+[\w'’-]+){0,4}?\s+(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?"
    r"(?:killed|shot\s+dead|gunned\s+down|beheaded|executed|murdered))?"
    r"\s*,?\s+and\s+(?:(?:at\s+least|about|some|another)\s+)?",
    re.I,
)


def _clause_totals(sentence: str, offset: int, found: list[FigureMention]) -> list[FigureMention]:
    """The total of two groups each told dead in its own clause, joined by "and": "A prison
    officer was killed, and four inmates died in the crossfire" (5), as "an officer and four
    inmates were killed" is (see _conjuncts); none when the sentence has a total already."""
    out = []
    told = sorted(found, key=lambda f: f.start)
    for a, b in pairwise(told):
        if (
            a.figure.kind != b.figure.kind
            or not a.figure.scope
            or not b.figure.scope
            or a.figure.scope == b.figure.scope
            or a.attackers
            or b.attackers
            or any(f.start <= a.start and b.end <= f.end for f in found if f not in (a, b))
        ):
            continue
        gap = sentence[a.end - offset : b.start - offset]
        if _CLAUSE_AND.fullmatch(gap) and (total := _total([a, b])) is not None:
            out.append(total)
    return out


# one person named by "the" and a role ("the commander"), or by their name after up to three
# words of a title ("party leader Ahmed Salim"), right before "and <count> other(s)"
_ONE_BEFORE_AND = re.compile(
    r"(?:(?P<the>\b[Tt]he\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>[a-z]+))"
    r"|(?P<name>(?<![\w'’.-])(?:[a-z][\w'’-]*\s+){0,3}?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+))"
    r"\s+and\s+$"
)
_OTHERS = re.compile(r"\s+others?\b", re.IGNORECASE)
# words that end a clause or a list before the person named
_LEAD = frozenset("said says told that who which and or by with in at near from".split())


def _one_before_others(
    sentence: str, phrase_start: int, num_end: int, judged: _Judged | None, lex: FigureLexicon
) -> tuple[int, _Judged] | None:
    """A count of "others" after one person named without a number ("killing party leader X and
    21 others", "the commander and 11 others were killed"): the one named is among the dead, so
    the count grows by one and starts at them. The kind is the count's own, or that of the
    casualty verb whose object the person is. None when no such person stands there (a person
    named with "a" or "his" is a group of ``_singles``, joined by ``_conjuncts``)."""
    if (judged is not None and judged.added) or not _OTHERS.match(sentence, num_end):
        return None
    m = None
    for start in (w.start() for w in re.finditer(r"\b\w", sentence[:phrase_start])):
        if start < phrase_start - 80:
            continue
        m = _ONE_BEFORE_AND.fullmatch(sentence, start, phrase_start)
        # the longest that holds no verb: "killing party leader X", not "killing party ..."
        person = m and (m.group("the") or m.group("name"))
        # not a person in a breakdown ("three dead, including Governor X, and four others")
        if person and not any(
            _is_casualty(w, lex) or w in _LEAD or w in lex.breakdown_before for w in _words(person)
        ):
            break
        m = None
    if m is None:
        return None
    words = _words(m.group(0))
    if any(parse_number(w) is not None for w in words) or set(words) & lex.companion_determiners:
        return None
    if m.group("the") and m.group("noun").lower() not in lex.one_person:
        return None  # "the soldiers and 11 others": a group of unknown size
    lead = sentence[: m.start()]
    if judged is None:
        kind = _verb_before(lead, lex)
        if kind is None:
            return None
        group = _group_of(sentence, num_end, lex)
        scope = None if group is None or _of_people(group[0], lex) else group[0]
        judged = _Judged(kind, scope)
    elif (
        lead.strip()
        and not lead.rstrip().endswith((",", ";", ":"))
        and not _verb_before(lead, lex)
        and not set(_words(lead)[-1:]) & (lex.source_verbs | {"that"})
    ):
        return None  # the person must be the subject or the verb's object
    return m.start(), judged._replace(added=1)


_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b", re.IGNORECASE)


def _anaphoric(sentence: str, phrase_start: int, num_end: int, lex: FigureLexicon) -> Kind | None:
    """The kind of "Five of them were wounded" opening its clause: a part of people named before,
    whom the casualty word after it counts; None for any other part ("18 of the dead")."""
    if (them := _OF_THEM.match(sentence, num_end)) is None:
        return None
    if sentence[:phrase_start].strip() and not re.search(r"[,;:]\s*$", sentence[:phrase_start]):
        return None  # "including five of them": a breakdown of a figure in the clause
    return _right_cue(_words(sentence[them.end() : them.end() + 80]), None, lex)[0]


def _answered_deed(before: str, lex: FigureLexicon) -> bool:
    """The count stands in the clause of a deed the event answers ("in retaliation for an army
    offensive that killed 11 of its fighters"): that deed's toll, not the event's."""
    ends = [m.end() for m in lex.motive_phrases.finditer(before)]
    return bool(ends) and not re.search(r"[,;:]|\.\s", before[ends[-1] :])


def _singles(
    sentence: str,
    offset: int,
    counted_from: int,
    with_companion: list[int],
    counted: list[FigureMention],
    lex: FigureLexicon,
) -> tuple[list[FigureMention], list[_Group]]:
    """One person named without a number: a figure of 1 when a casualty verb governs them ("a
    policeman was killed", "a gunman killed a policeman", "wounding a child"), else a group of 1
    that ``_conjuncts`` joins to a figure by "and" ("a doctor and six workers were shot dead",
    "killed a man and his son"). ``with_companion``: the ends of counts that took the person
    after them already ("ten soldiers and their driver"); ``counted``: the sentence's figures
    of counts, which a person named may be counted with already."""
    pats = _patterns()
    named: list[re.Match[str]] = []
    pos = counted_from
    while (m := pats.single.search(sentence, pos)) is not None:
        if not _modifiers(m.group("mods"), lex):
            pos = m.start() + 1  # "A mob murdered a teacher": the person is "a teacher"
            continue
        named.append(m)
        pos = m.end()
    found: list[FigureMention] = []
    passive: set[int] = set()
    for m in pats.singular.finditer(sentence, counted_from):
        aux = " ".join((m.group("aux") or "").lower().split())
        if aux in {"were", "have been"} and not any(
            re.fullmatch(r"\s+and\s+", sentence[n.end() : m.start()]) for n in named
        ):
            continue  # "were killed" after one person and another ("a doctor and a nurse")
        if not aux and re.search(r"\band\s+$", sentence[: m.start()]):
            continue  # "died" has no number: "nine pilgrims and their guide died" are ten
        if m.group("survived"):
            kind: Kind = "wounded"
        elif (
            m.group("died")
            or (m.group("adv") or "").lower().strip() in {"fatally", "mortally"}
            or _is_killed(m.group("cue").split()[0].lower(), lex)
        ):
            kind = "killed"
        else:
            kind = "wounded"
        verb_at = next(m.start(g) for g in ("aux", "died", "survived") if m.group(g))
        if kind == "killed" and _killed_by_forces(sentence[verb_at:]):
            continue  # "a senior commander was killed by special forces": the attackers' side
        noun = (m.group("noun") or m.group("part") or m.group("other") or "person").lower()
        # a partitive keeps its plural ("one of the men"): a part of the toll, not the toll
        generic = noun == "one" or (noun in lex.generic_nouns and not m.group("part"))
        scope = None if generic else noun
        figure = Figure(kind=kind, value=1, scope=scope)
        attackers = noun in lex.attacker_nouns  # "a gunman was killed"
        found.append(
            FigureMention(figure, offset + m.start(), offset + m.end(), attackers=attackers)
        )
        passive.add(m.start())
    found.extend(_named_victims(sentence, offset, counted_from, found + counted, lex))
    groups: list[_Group] = []
    wounding = lex.single_wounded_verbs | lex.wounded_verb_phrases
    for m in named:
        if m.start() in passive:
            continue
        noun = m.group("noun").lower()
        scope, attackers = (None if noun == "person" else noun), noun in lex.attacker_nouns
        # the object of a casualty verb ("killed a policeman"); not after "his": "killed his wife"
        # may be a killer's own
        verb = None
        if m.group("det").lower() in {"a", "an"}:
            verb = pats.single_verb.search(sentence, max(0, m.start() - 40), m.start())
        if verb is not None:
            said = " ".join(verb.group("verb").lower().split())
            figure = Figure(kind="wounded" if said in wounding else "killed", value=1, scope=scope)
            start = offset + verb.start()
            found.append(FigureMention(figure, start, offset + m.end(), attackers=attackers))
            continue
        rest = _words(sentence[m.end() : m.end() + 20])
        if rest[:1] and (rest[0] in lex.source_verbs or rest[0] in _FINITE):
            continue  # a clause of their own: "and a civilian was wounded", "an official said"
        if any(_AND.fullmatch(sentence[end : m.start()]) for end in with_companion):
            continue  # counted with the count before them already
        figure = Figure(kind="killed", value=1, scope=scope)  # kind: the figure it is joined to
        groups.append(_Group(figure, m.start(), m.end(), attackers))
    return found, groups


def _named_victims(
    sentence: str, offset: int, counted_from: int, found: list[FigureMention], lex: FigureLexicon
) -> list[FigureMention]:
    """One person named by name as the subject of a passive casualty verb: a figure of 1 ("Hostage
    Karl Meyer was beheaded", "Lawyer Imran Qadir was shot dead"), 2 with a companion joined by
    "and" or "with" ("Ramon Ortiz and his cousin were shot dead", "was shot dead with his
    brother-in-law"); or named by role and name as the object of a casualty verb ("beheaded aid
    worker Tom Field"). Scoped by their role, else their name: one named victim is a part of any
    larger toll, never a whole-event count that would lower it."""
    out: list[FigureMention] = []
    taken = [(f.start - offset, f.end - offset) for f in found]
    wounding = lex.single_wounded_verbs | lex.wounded_verb_phrases
    for m in _patterns().named.finditer(sentence, counted_from):
        if any(a < m.end("cue") and m.start() < b for a, b in taken):
            continue  # "A policeman, Ali Khan, was killed": counted already
        if _killed_by_forces(sentence[m.end("name") :]):
            continue  # "X was killed by special forces": the attackers' side
        said = " ".join(m.group("cue").lower().split())
        kind: Kind = "wounded" if said in wounding else "killed"
        value = 1 + bool(m.group("mate")) + bool(m.group("with"))
        # a name ends a run of capitalised words ("Bar Association Bilal Anwar Kasi")
        scope = m.group("role").lower() if m.group("role") else _last_words(m.group("name"), 3)
        if (mate := m.group("mate") or m.group("with")) is not None:
            scope = f"{scope} and {mate.split()[-1].lower()}"  # "activist and brother-in-law"
        figure = Figure(kind=kind, value=value, scope=scope)
        out.append(FigureMention(figure, offset + m.start(), offset + m.end()))
    taken += [(f.start - offset, f.end - offset) for f in out]
    for m in _patterns().named_object.finditer(sentence, counted_from):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue  # "killing party leader X and 21 others": counted with the others
        said = " ".join(m.group("cue").lower().split())
        role = " ".join(m.group("role").lower().split())
        figure = Figure(kind="wounded" if said in wounding else "killed", value=1, scope=role)
        attackers = bool(set(role.split()) & lex.attacker_nouns)  # "militant commander X"
        out.append(FigureMention(figure, offset + m.start(), offset + m.end(), attackers=attackers))
    return out


def _last_words(text: str, n: int) -> str:
    return " ".join(text.split()[-n:])


# words that end the modifiers of one person named: "a total of", "a man of the ..."
_NOT_MODIFIERS = frozenset("of and or the a an to by for with in on at from who that which".split())


def _modifiers(mods: str, lex: FigureLexicon) -> bool:
    """The words between "a" and the noun of one person are modifiers ("a 14-year-old boy", "a
    tribal elder"), not a count ("a further two soldiers") or another phrase."""
    for w in _words(mods):
        if w in _NOT_MODIFIERS or w in lex.linkers or _is_casualty(w, lex):
            return False
        if w.isdigit() or parse_number(w) is not None or not re.fullmatch(r"[\w'’-]+", w):
            return False
    return True


def _group_of(sentence: str, num_end: int, lex: FigureLexicon) -> tuple[str, bool] | None:
    """The group a number counts when it names one ("170 Afghan civilians") and whether it is the
    attackers ("three militants"), else None."""
    at = _noun_from(sentence, num_end)
    right_text = sentence[at : at + 160]
    right = _words(right_text)
    noun_at, attacker = _counted_noun(right, lex)
    last = _of_phrase(right, noun_at, lex)
    # a generic noun names a group too when it is one of several counted ("four other people
    # and two employees"): only such a group is joined, see _conjuncts
    scope = _scope(right_text, right, noun_at, lex, last) or _generic(right, noun_at)
    if scope is None or last is None or _own_clause(right, last, lex):
        return None  # "killed 10 soldiers and five militants were arrested"
    return scope, attacker


def _generic_at(sentence: str, num_end: int, lex: FigureLexicon) -> str | None:
    """The generic noun counted by the number ending at ``num_end`` ("four other people")."""
    right = _words(sentence[num_end : num_end + 60])
    noun_at, attackers = _counted_noun(right, lex)
    if attackers or noun_at is None or right[noun_at] not in lex.generic_nouns:
        return None
    return _generic(right, noun_at)


def of_anyone(scope: str | None) -> bool:
    """The figure counts people in general ("90", "90 people"), no group named."""
    return not scope or _of_people(scope, figure_lexicon())


def _of_people(scope: str | None, lex: FigureLexicon) -> bool:
    """The scope is a generic noun ("other people"), no group named."""
    words = _words(scope or "")
    return bool(words) and words[-1] in lex.generic_nouns


def _generic(right: list[str], noun_at: int | None) -> str | None:
    """The generic noun a number counts, with the words before it ("other people", "others")."""
    return None if noun_at is None else " ".join(right[: noun_at + 1])


# "killed 13 US service members and about 170 Afghan civilians": the gap between two counts
# (or one person named: "killed a policeman and three civilians")
_AND = re.compile(
    # (an acronym in brackets may close the group's name: "members of the Special Police Unit
    # (SPU) and a civilian driver")
    r"\s+(?:(?:[\w.'’-]+\s+){0,5}?|(?:[\w.'’-]+\s+){1,7}?\([A-Z][\w.&-]{1,12}\)\s+)"
    r"(?:and|as\s+well\s+as|along\s+with|together\s+with)\s+",
    re.IGNORECASE,
)
# a figure's casualty clause, then a group named after it: "two policemen were killed along with"
_ALONG = re.compile(
    r"(?P<clause>[^.;:()]{0,80}?)\s*,?\s+(?:along\s+with|together\s+with|as\s+well\s+as)\s+",
    re.IGNORECASE,
)


class _Group(NamedTuple):
    """A count of a group with no casualty cue of its own, and its span in the sentence."""

    figure: Figure
    start: int
    end: int
    attackers: bool = False


def _conjuncts(
    sentence: str, offset: int, found: list[FigureMention], pending: list[_Group]
) -> list[FigureMention]:
    """Counts of groups joined by "and" to a figure of a group share its kind: "killed 13 US
    service members and about 170 Afghan civilians", "two policemen and three civilians were
    killed". Each is a figure of its own group (its scope), and the groups together are one more:
    their total ("US service members and Afghan civilians", about 183), the attackers among them
    included ("soldiers and attackers"). Also a group named "along with" a figure's casualty
    clause ("two policemen were killed along with two of the attackers")."""
    lex = figure_lexicon()
    out = []
    starts = {g.start for g in pending}
    joined: dict[int, list[FigureMention]] = {}  # a figure's index in found -> its conjuncts
    for group, start, end, attackers in pending:
        for i, f in enumerate(found):
            a, b = f.start - offset, f.end - offset
            # a count of "people" is one group among others only beside a named one ("killed
            # four people and two employees"); it then takes its noun as its scope
            generic = None if f.figure.scope else _generic_at(sentence, b, lex)
            people = _of_people(group.scope, lex)
            if not f.figure.scope and (generic is None or people):
                continue  # "five people and two others": no group named
            gap = sentence[b:start] if b <= start else sentence[end:a]  # group words, "and"
            gap_at = b if b <= start else end
            listed = _listed(sentence, gap_at, len(gap), b <= start, end, starts)
            # a count of people beside a list is broken down by it ("Four people, two men and
            # two women, were killed"): people are joined to a group only by "and", or as the
            # list's last member ("Five farmers, two herders and three other people")
            others = people and bool({"other", "others"} & set(_words(group.scope or "")))
            joins = _AND.fullmatch(gap) or (
                listed and (generic is None or b > start) and (others or not people)
            )
            joins = joins and not _patterns().cue.search(gap)
            if not joins and not (b <= start and _along(gap, f.figure, lex)):
                continue
            if _in_breakdown(gap, lex):
                if b > start:
                    # the figure with the cue is the breakdown's last part: the group before
                    # it is the toll ("At least 40 people including 25 lawyers and two
                    # journalists were killed": 40)
                    figure = replace(group, kind=f.figure.kind)
                    found[i] = FigureMention(figure, offset + start, offset + end, f.revision)
                break  # a group in a breakdown is no more people
            if generic is not None:
                found[i] = replace(f, figure=replace(f.figure, scope=generic))
            figure = replace(group, kind=f.figure.kind)
            mention = FigureMention(figure, offset + start, offset + end, attackers=attackers)
            out.append(mention)
            joined.setdefault(i, []).append(mention)
            break
    for i, parts in joined.items():
        if (total := _total([found[i], *parts])) is not None:
            out.append(total)
    return out


def _in_breakdown(gap: str, lex: FigureLexicon) -> bool:
    """The gap after a figure opens a breakdown the group after it ends ("40 people including 25
    lawyers and two journalists": the journalists are among the 40, not more), unless a comma
    closes the breakdown first ("five soldiers, including a captain, and three civilians")."""
    words = " ".join(_words(gap))
    for phrase in lex.breakdown_before:
        at = f" {words} ".rfind(f" {phrase} ")
        if at >= 0 and "," not in words[at:]:
            return True
    return False


def _listed(sentence: str, at: int, size: int, after: bool, end: int, starts: set[int]) -> bool:
    """The gap of ``size`` at ``at`` between a figure and a group (``after`` it, the group ending
    at ``end``) is a list of groups each with no cue of its own (``starts``): "[three] soldiers,
    two policemen and [four] civilians", "killed [three] soldiers, [two] policemen and four
    civilians" (a comma alone, then the list goes on to "and")."""
    pats = _patterns()
    gap = sentence[at : at + size]
    if pats.listed.fullmatch(gap) is None:
        return False
    for comma in re.finditer(r",\s+(?!and\s)", gap):
        if at + comma.end() not in starts:
            return False  # a group that is not counted with the others
    if gap.rstrip().endswith(","):
        return after and pats.listed_on.match(sentence, end) is not None
    return True


def _along(gap: str, figure: Figure, lex: FigureLexicon) -> bool:
    """The words between a figure and a group named after it are the figure's people and its
    casualty clause, then "along with" ("[two] policemen were killed along with [two of the
    attackers]", "[a soldier was wounded], as well as [his driver]")."""
    m = _ALONG.fullmatch(gap)
    if m is None:
        return False
    scope = set(_words(figure.scope or ""))
    allowed = lex.linkers | lex.manner_words
    return all(
        w in scope or w in allowed or _is_casualty(w, lex) for w in _words(m.group("clause"))
    )


def _total(parts: list[FigureMention]) -> FigureMention | None:
    """The sum of counts of groups joined by "and" ("two policemen and three civilians": 5;
    "30 militants and 5 civilians": 35, the attackers counted too, as GTD's and ACLED's tolls
    count them), or None when a part is a range, revises a toll, or the parts' qualifiers
    disagree ("at least 10 ... and about 20")."""
    if any(p.revision or p.figure.value_high is not None for p in parts):
        return None
    qualifiers = {p.figure.qualifier for p in parts} - {""}
    if len(qualifiers) > 1:
        return None
    parts = sorted(parts, key=lambda p: p.start)
    scopes = [p.figure.scope or "" for p in parts]
    figure = replace(
        parts[0].figure,
        value=sum(p.figure.value for p in parts),
        qualifier=next(iter(qualifiers), ""),
        scope=", ".join(scopes[:-1]) + " and " + scopes[-1],
    )
    return FigureMention(figure, parts[0].start, max(p.end for p in parts))


# An update given later in the day: "(and) by nightfall", "then", "later on Sunday"
_DAYTIME = r"(?:morning|afternoon|evening|night|nightfall|noon|midday|midnight|dusk|dawn)"
# a part of a day or a weekday: "on Monday morning", "by evening", "on Tuesday"
_DAY_PART = (
    rf"(?:by|on|in\s+the)\s+(?:the\s+)?(?:(?:{_WEEKDAY})\s+)?{_DAYTIME}|(?:by|on)\s+(?:{_WEEKDAY})"
)
_LATER = re.compile(
    r"(?:,?\s*(?:then|later|subsequently|afterwards|eventually"
    rf"|{_DAY_PART}|by\s+the\s+end\s+of\s+the\s+day"
    r"|(?:by\s+|on\s+)?the\s+(?:next|following)\s+(?:day|morning|evening)))+"
    r"\s*,?\s*(?:of|to|at)?\s*",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"\s*(?:[.;,)]|$)")


def _elliptic(
    sentence: str, offset: int, phrase_start: int, num_end: int, found: list[FigureMention]
) -> FigureMention | None:
    """The figure a bare count updates, its noun left out: "Police spoke of seven dead on
    Saturday, and by nightfall of at least 20". Only a count that ends its clause after "and" and a
    later time, so counts a reader would add ("two staff and four", "three on Tuesday") stay out."""
    if not found or not _CLAUSE_END.match(sentence, num_end):
        return None
    earlier = found[-1]
    gap = sentence[earlier.end - offset : phrase_start]
    if earlier.end - offset > phrase_start or len(gap) > 100 or _patterns().number.search(gap):
        return None
    tail = re.split(r"\band\b", gap, flags=re.IGNORECASE)
    if len(tail) < 2:
        return None
    if _LATER.fullmatch(tail[-1]) or _said_then(tail[-1], figure_lexicon()):
        return earlier
    return None


# a time after "and" in a toll's sentence: "and on Wednesday", "and the day before"
_THEN = re.compile(
    rf"\s*(?:{_DAY_PART}|(?:later|earlier|then|initially|first)"
    r"|(?:on\s+)?the\s+(?:day|night|evening|morning)\s+before"
    r"|(?:on\s+)?the\s+(?:previous|next|following)\s+(?:day|morning|evening))\s*,?\s*",
    re.IGNORECASE,
)


def _said_then(tail: str, lex: FigureLexicon) -> bool:
    """After "and", a time, then a speaker and a speech verb ending right before a bare count:
    "police put the figure at 61, and on Wednesday officials said 75", "and the day before they
    had spoken of 230"; the count is the same toll told again."""
    time = _THEN.match(tail)
    if time is None:
        return False
    words = _words(tail[time.end() :])
    while words and words[-1] in {"of", "at", "it", "that", "had", "have", "has"}:
        words.pop()
    verb = words[-1] if words else ""
    return verb in lex.source_verbs and 1 <= len(words) - 1 <= 3


def _part_counted(
    sentence: str, phrase_start: int, num_end: int, scope: str | None, lex: FigureLexicon
) -> str | None:
    """The scope of a count of part of the toll ("unidentified bodies", "at Madina hospital"),
    else ``scope``. The scope makes it a sub-count for the resolver, not the event's toll."""
    pats = _patterns()
    unidentified = pats.unidentified.match(sentence, num_end)
    if unidentified:
        return " ".join(unidentified.group().split())
    clause_start = max(sentence.rfind(c, 0, phrase_start) for c in ";:") + 1
    frame = None
    for m in pats.facility.finditer(sentence, clause_start, phrase_start):
        frame = m
    if frame is None:
        return scope
    # intake wording next to the count ("had recorded 258 deaths", "five bodies had been brought
    # there"), not a toll told at the facility ("doctors at X hospital said the attack killed 40")
    left = _words(sentence[max(clause_start, frame.end()) : phrase_start])[-5:]
    right = re.split(r"[;.,]", sentence[num_end : num_end + 80])[0]
    if not set(left + _words(right)[:8]) & lex.intake_words:
        return scope
    where = " ".join((frame.group("fac") or frame.group("staff_fac")).split())
    return f"{scope} at {where}" if scope else f"at {where}"


def _vague(said: str, sentence: str, num_end: int, lex: FigureLexicon) -> bool:
    """A count phrase ("a dozen") with no qualifier and no people counted after it: "killed a
    dozen" may be a rough word, "a dozen others were hurt" and "more than a dozen" are counts."""
    if " ".join(said.lower().split()) not in lex.count_phrases:
        return False
    return _counted_noun(_words(sentence[num_end : num_end + 80]), lex)[0] is None


def _is_range(sep: str, qualifier: str, before: str) -> bool:
    if sep.lower() == "and":
        return qualifier == "between"
    if sep.lower() == "to":  # "rose from 25 to 40" is two figures, not a range; "ranged from" is
        return _RANGING.search(before) is not None or not re.search(
            r"\bfrom\s*$", before, re.IGNORECASE
        )
    return True


def _not_a_count(sentence: str, start: int, end: int, value: int, lex: FigureLexicon) -> bool:
    left = _words(sentence[max(0, start - 30) : start])
    right = _words(sentence[end : end + 100])
    if (left and left[-1] in _MONTHS) or (right and right[0] in _MONTHS):
        return True  # a date ("August 5", "5 August")
    if left and left[-1] in {"these", "those"}:
        return True  # "when these two were martyred": people counted before
    whole = left[:-1] if left and left[-1] in {"the", "its", "their", "his", "her"} else left
    if len(whole) > 1 and whole[-1] == "of" and parse_number(whole[-2]) is not None:
        return True  # "three of the five hostages": the whole group, a part of whom died
    if left and left[-1] in {"no", "not"}:
        return True  # "no one was hurt", "not one person": nobody
    if (left and left[-1] == "aged") or (
        re.search(r"[A-Z][\w'’-]+,\s*$", sentence[max(0, start - 30) : start])
        and re.match(r"\s*(?:[,;)]|$)", sentence[end : end + 3])
    ):
        # an age: "John Ridsdel, 68, a former mining executive", "killing of Jurgen Kantner, 70;"
        return True
    if right and (right[0] in lex.not_counts or right[0] in {":", "th", "st", "nd", "rd"}):
        return True
    if len(right) > 1 and right[0] in _INCREMENT and right[1] in lex.remains_nouns:
        # "found two more bodies": what was added to a toll, not the toll ("two more people
        # were injured" counts the wounded beside the dead)
        return True
    if 1900 <= value <= 2100 and not (right and right[0] in lex.person_nouns | lex.generic_nouns):
        return True  # a year
    tail = " ".join(right[:3])
    # "120 of its fighters": the group's own men, not a part of people counted before
    owned = len(right) > 2 and right[1] in {"its", "their", "his", "her"}
    owned = owned and right[2] in lex.person_nouns
    # "two of their attackers": the attackers are never part of a toll counted before
    attackers_of = _attackers_of(sentence, end) is not None
    if (
        not attackers_of
        and not _part_of_people(right, lex)
        and (
            any(f"{tail} ".startswith(f"{b} ") for b in lex.breakdown_after)  # not "of their"
            or (right[:1] == ["of"] and not owned)
        )
    ):
        return True  # "18 of the dead", "one of the victims"
    head = " ".join(left[-2:])
    return any(head.endswith(b) for b in lex.breakdown_before)


class _Judged(NamedTuple):
    """What a number counts."""

    kind: Kind
    scope: str | None
    revision: bool = False
    attackers: bool = False  # "three attackers were killed"
    added: int = 0  # one person named after the count: "ten soldiers and their driver"


# what may follow a toll's number with no counted noun: the end of its clause or quote ('put the
# number of dead at "more than 400".', "close to 300 – all of them fighters"); not a hyphen that
# makes it a word ("a 14-year-old")
_TOLL_END = re.compile(r"""\s*(?:[,.;)"”'’]|and\b|in\b|on\b)|\s+[-–—]\s|\s*[–—]""", re.I)


def _judge(
    sentence: str, phrase_start: int, num_end: int, lex: FigureLexicon, context: Kind | None = None
) -> _Judged | None:
    """What the number ending at ``num_end`` counts, or None; ``context`` as for ``_left_cue``."""
    at = _noun_from(sentence, num_end)
    right_text = sentence[at : at + 160]
    right = _words(right_text)
    noun_at, attacker = _counted_noun(right, lex)
    verb = _verb_before(sentence[:phrase_start], lex)
    last, added = _of_phrase(right, noun_at, lex), 0  # the last word of the counted people
    if last is not None and not attacker:
        companion = _companion(right, last, lex)
        if companion is not None and not (verb and _own_clause(right, companion, lex)):
            last, added = companion, 1
    scope = _scope(right_text, right, noun_at, lex, last)
    if (apposed := _apposed(sentence[:phrase_start], right_text, lex)) is not None:
        # "Six people were killed - five worshippers and one police officer - and 28 ...
        # wounded": the list set off after a toll breaks it down
        return _Judged(apposed, scope, False, attacker, added)
    kind, past_and = _right_cue(right, last, lex)
    if kind and noun_at is None and right[0] in lex.toll_followers:
        if _left_cue(sentence[:phrase_start], lex, context)[0] is not None:
            # "the toll reached 149 as wounded succumbed": the clause after the toll's number
            # speaks of other people; the toll before it gives the kind (below)
            kind, past_and = None, False
    if verb and kind and past_and:
        kind = verb  # "killed ten soldiers and civilians were wounded": the verb's object
    elif verb and kind and kind != verb and (cue := _patterns().cue.search(right_text)):
        if "," in right_text[: cue.start()]:
            kind = verb  # "killed six people, wounded 12": the next clause has its own count
    revision = False
    if (
        kind is None
        and last is not None
        and _taken_then_killed(right, last, sentence[:phrase_start], lex)
    ):
        kind = "killed"  # "pulled 23 passengers off buses and shot them"
    if kind is None and noun_at is not None and right[noun_at] in lex.remains_nouns:
        kind = "killed"  # "25 bodies have been retrieved"
    if kind is None and _put_at(sentence[:phrase_start], right_text, lex):
        # "Initially put at 25, the number of dead has now risen to 40": an earlier toll
        kind = "killed"
    if kind is None:
        # "a figure of 1,200 displaced" counts other people than the dead: only a bare or
        # generic count takes its kind from the context
        bare = noun_at is None or right[noun_at] in lex.generic_nouns
        kind, revision = _left_cue(sentence[:phrase_start], lex, context, contextual=bare)
        if kind is None:
            return None
        if noun_at is None and right and not _TOLL_END.match(right_text):
            # a left cue with an uncounted noun after the number ("killed 3 years ago")
            if right[0] not in lex.killed_words | lex.wounded_words | lex.linkers | (
                lex.toll_followers
            ):
                return None
    if kind == "killed" and noun_at is None and _killed_by_forces(right_text):
        return None  # "All six were killed by Afghan special forces": the attackers
    return _Judged(kind, scope, revision and not attacker, attacker, added)


_CLOSING = {"-": "-–—", "–": "-–—", "—": "-–—", "(": ")", ",": ","}
_CUE_THEN_MARK = re.compile(r"\b([a-z]+)\s*([-–—(,])\s*$", re.I)  # "were killed - ", "killed, "


def _apposed(before: str, right_text: str, lex: FigureLexicon) -> Kind | None:
    """The kind of the toll a count is set off after ("were killed - five worshippers and one
    officer -", "were killed, five soldiers and a civilian,"): the text before ends with a
    casualty word and a dash, bracket or comma that closes again before the next casualty word
    ("Two people were killed, 12 were wounded" is no such list)."""
    m = _CUE_THEN_MARK.search(before)
    if m is None:
        return None
    word, sep = m.group(1).lower(), m.group(2)
    if word in lex.killed_words:
        kind: Kind = "killed"
    elif word in lex.wounded_words:
        kind = "wounded"
    else:
        return None
    cue = _patterns().cue.search(right_text)
    upto = right_text[: cue.start()] if cue else right_text
    return kind if any(c in upto for c in _CLOSING[sep]) else None


_PASSIVE_AUX = frozenset("were was are is".split())
_PERFECT_AUX = frozenset("had have has".split())
# words that end the stretch between the victims' verb and "and ... killed": another clause
_CLAUSE_WORDS = frozenset("who whom which that when where while but or after before as".split())
# how people were put to death, past forms that take "to death" ("hacked them to death")
_TO_DEATH = frozenset("hacked stabbed beaten beat burned burnt stoned".split())


def _taken_then_killed(right: list[str], last: int, before: str, lex: FigureLexicon) -> bool:
    """The people counted (their last word at ``last``) were taken, pulled or led away, then
    killed: "pulled 23 passengers off buses and trucks and shot them", "nine bus passengers were
    taken off a bus near Noshki and killed", "twelve soldiers were ambushed and killed". The count
    is the object of a verb of ``removal_verbs`` and "them" the object of the killing verb, or the
    subject of a passive verb and of the killing participle after "and"; not "abducted 20 people
    and killed two of them", "20 people were abducted and two were killed"."""
    i = last + 1
    if right[i : i + 1] and right[i] in _PASSIVE_AUX | _PERFECT_AUX:
        if right[i] in _PERFECT_AUX:
            if right[i + 1 : i + 2] != ["been"]:
                return False
            i += 1
        i += 1
        while i < len(right) and right[i] in lex.then_adverbs:
            i += 1
        verb = right[i] if i < len(right) else ""
        removal = verb in lex.removal_verbs
        if not removal and not re.fullmatch(r"[a-z]{3,}(?:ed|en)", verb):
            return False
        if _is_casualty(verb, lex):
            return False  # "were killed": the casualty word itself, read by _right_cue
        active, i = False, i + 1
    else:
        left = [w for w in _words(before[-80:]) if w not in _SKIP_LEFT]
        if left and left[-1] in lex.removal_particles:
            left.pop()  # "lined up 14 men", "singled out"
        if not left or left[-1] not in lex.removal_verbs:
            return False
        active, removal = True, True
    for j in range(i, min(i + 16, len(right))):
        w = right[j]
        if w == "and":
            k = j + 1
            while k < len(right) and right[k] in lex.then_adverbs:
                k += 1
            if _killing_at(right, k, active, removal, lex):
                return True
            continue
        if w in _CLAUSE_WORDS or w in _FINITE or not _alpha(w) or _is_casualty(w, lex):
            return False
        if parse_number(w) is not None and (
            _counted_noun(right[j + 1 :], lex)[0] is not None or right[j + 1 : j + 2] == ["of"]
        ):
            return False  # other people counted: "and three soldiers were killed"
    return False


def _killing_at(right: list[str], k: int, active: bool, removal: bool, lex: FigureLexicon) -> bool:
    """A killing verb at ``k``: with "them" as its object (``active``: "shot them", "killed them
    all", "hacked them to death"), or alone in the passive ("killed", "shot dead", "executed").
    Bare "shot" is a killing only after a removal verb (an execution)."""
    verb = right[k] if k < len(right) else ""
    killing = lex.killings_done
    if active:
        if right[k + 1 : k + 2] != ["them"]:
            return False
        then = right[k + 2 : k + 4]
        if verb in killing:
            return True
        if verb == "shot":
            return removal or then[:1] == ["dead"]
        if verb == "gunned":
            return then[:1] == ["down"]
        return verb in _TO_DEATH and then == ["to", "death"]
    nxt = right[k + 1] if k + 1 < len(right) else ""
    if nxt in _OBJECT_START or nxt in {"the", "them"} or parse_number(nxt) is not None:
        return False  # "and killed two guards": a verb of doers
    if verb in killing:
        return True
    if any(" ".join(right[k : k + n]) in lex.killed_verb_phrases for n in (2, 3)):
        return True
    return verb == "shot" and removal


def _noun_from(sentence: str, num_end: int) -> int:
    """Where the words of what the number ending at ``num_end`` counts begin: past "of the" in a
    count of the attackers ("two of their attackers", "three of the suspected gunmen", "two of
    the four gunmen"), else at its end."""
    if (at := _attackers_of(sentence, num_end)) is not None:
        return at
    # "two of his bodyguards": the man's own people, counted as such (a possessive is no
    # counted noun's modifier)
    owned = _OWNED.match(sentence, num_end)
    return owned.end() if owned else num_end


_OWNED = re.compile(r"\s+of\s+(?:his|her|their)\s+", re.IGNORECASE)


def _attackers_of(sentence: str, num_end: int) -> int | None:
    """Where the attackers' noun phrase starts when the number ending at ``num_end`` counts some
    of them ("two of their attackers"), else None; not "four of the dead were attackers"."""
    m = _patterns().partitive.match(sentence, num_end)
    if m is None:
        return None
    lex, at = figure_lexicon(), m.start("mods")
    for word in re.finditer(r"\S+\s+", m.group("mods")):
        w = word.group().strip().lower()
        if w in lex.linkers or w in _FINITE or _is_casualty(w, lex):
            return None
        if parse_number(w) is not None:  # "two of the four gunmen": the four are not the scope
            at = m.start("mods") + word.end()
    return at


# words that end an of-phrase after the counted noun: a clause or another group starts
_OF_ENDS = frozenset("and or but who whom whose which that them those these".split())
_DETERMINERS = frozenset("the a an his her their its this that".split())


def _of_phrase(right: list[str], noun_at: int | None, lex: FigureLexicon) -> int | None:
    """Index of the last word of the of-phrase after the counted noun ("three members of the
    security forces", "10 members of the same family"), else ``noun_at``: the group the count
    names, before its verb."""
    if noun_at is None or right[noun_at + 1 : noun_at + 2] != ["of"]:
        return noun_at
    last = noun_at
    for j in range(noun_at + 2, min(noun_at + 8, len(right))):
        w = right[j]
        if w in _DETERMINERS:
            continue
        if (
            w in _OF_ENDS
            or w in _FINITE
            or (w in lex.linkers and w not in _DETERMINERS)
            or _is_casualty(w, lex)
            # a count inside names the group ("people of at least 18 nationalities")
            or not (_alpha(w) or parse_number(w) is not None)
        ):
            break
        last = j
    return last


def _companion(right: list[str], noun_at: int, lex: FigureLexicon) -> int | None:
    """Index of the last word of one person named after the counted noun ("ten police personnel
    and their civilian driver", "five soldiers and a civilian"), else None."""
    i = noun_at + 1
    if right[i : i + 1] != ["and"]:
        return None
    return _one_named(right, i + 1, lex.singular_victims | lex.companions, lex)


def _one_named(right: list[str], i: int, nouns: frozenset[str], lex: FigureLexicon) -> int | None:
    """Index of the last word of one person named from ``i`` on: a determiner, up to three
    modifiers, a noun of ``nouns`` ("their civilian driver", "a gunman"), else None."""
    if right[i : i + 1] == [] or right[i] not in lex.companion_determiners:
        return None
    for j in range(i + 1, min(i + 5, len(right))):
        w = right[j]
        if w in nouns:
            while j + 1 < len(right) and right[j + 1] in nouns:
                j += 1  # "a civilian driver"
            return j
        if not _alpha(w) or w in lex.linkers or w in {"of", "and", "or"} or _is_casualty(w, lex):
            return None
    return None


_FINITE = frozenset("was were is are has have had will would could can may".split())


def _own_clause(right: list[str], companion: int, lex: FigureLexicon) -> bool:
    """The person named after a verb's object starts a clause of their own: "killed ten soldiers
    and a civilian was wounded", "killed five soldiers and a police officer said ..."."""
    nxt = right[companion + 1] if companion + 1 < len(right) else ""
    return (
        nxt in lex.source_verbs
        or nxt in _FINITE
        or _right_cue(right, companion, lex)[0] is not None
    )


def _alpha(word: str) -> bool:
    """A word of letters, hyphens and apostrophes ("al-Shabaab", "pro-government")."""
    return word.replace("-", "").replace("'", "").isalpha()


_INCREMENT = frozenset({"more", "further", "additional"})


@cache
def _by_forces() -> re.Pattern[str]:
    return re.compile(
        r"\s*(?:(?:were|was|has|had|have|been|later|all)\s+){1,3}(?:killed|shot\s+dead|gunned\s+down)"
        r"\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?" + triggers().state_forces.pattern,
        re.I,
    )


def _killed_by_forces(right_text: str) -> bool:
    """A bare count or one person "killed by" police, troops or special forces: in this genre,
    the attackers."""
    return _by_forces().match(right_text) is not None


def _put_at(before: str, right_text: str, lex: FigureLexicon) -> bool:
    """A number "put at"/"stood at" before the killed toll it gives: "Initially put at 25, the
    number of dead has now risen to 40"."""
    if not re.search(r"\b(?:put|stood|set|estimated|given)\s+at\s*$", before, re.IGNORECASE):
        return False
    head = re.match(r"\s*,\s*(?:the\s+)?([^,;.]{0,40})", right_text)
    return bool(head and lex.killed_tolls.match(head.group(1)))


def _counted_noun(right: list[str], lex: FigureLexicon) -> tuple[int | None, bool]:
    """Index of the counted noun after the number (up to 4 modifiers first) and whether it names
    the attackers."""
    for i, w in enumerate(right[:6]):
        if w in lex.attacker_nouns:
            return i, True
        if w == "other" and right[i + 1 : i + 2] and right[i + 1] not in lex.linkers:
            continue  # "two other U.S. soldiers": an adjective here
        if w in lex.generic_nouns or w in lex.person_nouns or _compound_person(w, lex):
            j = i
            while j + 1 < len(right) and right[j + 1] in lex.person_nouns | lex.generic_nouns:
                j += 1
            return j, False
        if w in lex.killed_words or w in lex.wounded_words or not (_alpha(w) or w == "."):
            return None, False
        if w in lex.linkers and w not in {"more", "the"}:
            return None, False
    return None, False


def _scope(
    text: str, right: list[str], noun_at: int | None, lex: FigureLexicon, last: int | None = None
) -> str | None:
    """The counted noun phrase as written ("U.S. servicemen"), through ``last`` when people are
    named after it ("police personnel and their driver"); None for generic nouns."""
    if noun_at is None or right[noun_at] in lex.generic_nouns:
        return None
    pos = 0
    for w in right[: max(noun_at, last or 0) + 1]:
        found = text.lower().replace("’", "'").find(w, pos)
        if found < 0:
            return right[noun_at]
        pos = found + len(w)
    scope = " ".join(text[:pos].split())
    # ("two of the four hostages": the hostages)
    scope = re.sub(r"^of\s+(?:the|those)\s+(?:\d+\s+|[a-z]+\s+(?=\S+\s+\S+$|\S+$))?", "", scope)
    return re.sub(r"^(?:other|more|further|of)\s+", "", scope, flags=re.IGNORECASE) or None


def _right_cue(
    right: list[str], noun_at: int | None, lex: FigureLexicon
) -> tuple[Kind | None, bool]:
    """The casualty word after the counted noun, and whether other people joined by "and" stand
    between them ("ten soldiers and civilians were killed")."""
    start = 0 if noun_at is None else noun_at + 1
    i = _skip_coordination(right, start, lex)
    past_and = i > start
    i = _skip_attribution(right, i)
    i = _skip_parenthetical(right, i, lex, long=noun_at is not None)
    j = _skip_coordination(right, i, lex)
    past_and, i = past_and or j > i, j
    if noun_at is not None:
        i = _skip_participle(right, i, lex)
    for k, w in enumerate(right[i : i + 8], start=i):
        if _in_care(right, k, lex):
            return "wounded", past_and  # "61 were still receiving treatment"
        if w in lex.killed_words or w in lex.wounded_words:
            kind: Kind = "killed" if w in lex.killed_words else "wounded"
            if k == i and _has_object(right, k, lex):
                return None, False  # "five gunmen killed 10 villagers": the doers
            if _combined(right, k, kind, lex):
                return None, False  # "killed or wounded", "100 people killed and injured"
            if w in {"lives", "life"} and "lost" not in right[i:k]:
                return None, False
            return kind, past_and
        if w == "and" and k > i and right[k - 1] in lex.manner_words:
            continue  # "shot and wounded"
        if w in lex.estimate_modals and right[k + 1 : k + 2] == ["have"]:
            continue  # "may have been killed": an estimate of a toll, not a withheld one
        if w not in lex.linkers and w not in lex.manner_words and w != ",":
            return None, False
    return None, False


# words that start the object of a casualty verb: "killed a policeman", "wounded dozens"
_OBJECT_START = frozenset("a an his her their its dozens scores several many hundreds".split())


def _has_object(right: list[str], k: int, lex: FigureLexicon) -> bool:
    """The casualty verb at ``k``, right after the counted people, takes an object: they did the
    killing ("five gunmen killed 10 villagers", "two soldiers killed at least three militants")."""
    verb = right[k]  # a past form: not "dead" ("20 people dead a day after the attack")
    if verb not in lex.killed_verbs | lex.wounded_verbs or not verb.endswith("ed"):
        return False
    if k + 1 >= len(right):
        return False
    if right[k + 1] in _OBJECT_START:
        return right[k + 2 : k + 3] == [] or right[k + 2] not in lex.not_counts  # "a day earlier"
    for n in (3, 2, 1, 0):  # a count, its qualifier first ("at least 10")
        if (n == 0 or " ".join(right[k + 1 : k + 1 + n]) in lex.qualifiers) and (
            k + 1 + n < len(right) and parse_number(right[k + 1 + n]) is not None
        ):
            return True
    return False


def _combined(right: list[str], k: int, kind: Kind, lex: FigureLexicon) -> bool:
    """The casualty word at ``k`` is coordinated with the other kind into one count: "killed or
    wounded", "more than 100 people killed and injured"; not "killed and injured 12 others"
    (a count of its own follows)."""
    other = lex.wounded_words if kind == "killed" else lex.killed_words
    if len(right) < k + 3 or right[k + 1] not in {"or", "and"} or right[k + 2] not in other:
        return False
    if right[k + 1] == "or":
        return True
    nxt = right[k + 3] if len(right) > k + 3 else ""
    counted = parse_number(nxt) is not None or nxt in _COUNT_AFTER
    return not counted


# words that start a count of their own after "killed and injured"
_COUNT_AFTER = frozenset("a an another others other more several many dozens scores".split())


def _in_care(right: list[str], k: int, lex: FigureLexicon) -> bool:
    """A wounded phrase starts at ``k`` ("receiving treatment", "being treated"); "being treated
    as suspects" is no care."""
    for phrase in lex.wounded_phrases:
        n = len(phrase)
        if tuple(right[k : k + n]) == phrase:
            return right[k + n : k + n + 1] != ["as"]
    return False


def _compound_person(word: str, lex: FigureLexicon) -> bool:
    """A hyphenated word ending in a person noun: "non-Muslims", "ex-soldiers"."""
    return "-" in word and word.rsplit("-", 1)[1] in lex.person_nouns


_VERB_START = frozenset("are were is was have has had".split())


def _skip_participle(right: list[str], i: int, lex: FigureLexicon) -> int:
    """Past a participle of taking people away that tells who the counted people are, up to the
    verb of the clause ("(two of the four engineers) abducted near the border last week were
    found dead")."""
    if i >= len(right) or right[i] not in lex.removal_verbs:
        return i
    for j in range(i + 1, min(i + 12, len(right))):
        if right[j] in _VERB_START:
            return j
        if not _alpha(right[j]) or _is_casualty(right[j], lex) or right[j] in {"and", "or"}:
            return i
    return i


def _skip_attribution(right: list[str], i: int) -> int:
    """Past "according to the authorities" between the counted noun and its verb ("at least 29
    people according to the authorities are killed")."""
    if right[i : i + 2] != ["according", "to"]:
        return i
    for j in range(i + 2, min(i + 9, len(right))):
        if right[j] in _VERB_START:
            return j
        if right[j] in {".", ";"}:
            return i
    return i


def _skip_coordination(right: list[str], i: int, lex: FigureLexicon) -> int:
    """Past "and Christians" / "and other civilians" (nouns without a number of their own) and
    "and a gunman" (one person named, a group of their own for ``_conjuncts``)."""
    nouns = lex.person_nouns | lex.generic_nouns
    while i < len(right) and right[i] in {"and", "or"}:
        if (one := _one_named(right, i + 1, lex.one_person, lex)) is not None:
            i = one + 1
            continue
        for j in range(i + 1, min(i + 4, len(right))):
            if right[j] in nouns:
                i = j + 1
                break
            if not right[j].isalpha() or parse_number(right[j]) is not None:
                return i
        else:
            return i
    return i


def _skip_parenthetical(right: list[str], i: int, lex: FigureLexicon, long: bool = False) -> int:
    """Past "(mostly students)" or ", women and children among them," before the verb; after the
    people counted (``long``) a breakdown may take a score of words (", 25 of them tourists and one
    a local pony operator,"), not after a bare number ("Nov. 2, three gunmen ..., wounding")."""
    if i >= len(right) or right[i] not in {"(", ","}:
        return i
    close = ")" if right[i] == "(" else ","
    for j in range(i + 1, min(i + (22 if long else 10), len(right))):
        if right[j] in lex.killed_words or right[j] in lex.wounded_words:
            return i  # the cue is inside: let the caller scan it
        if right[j] == close:
            return j + 1
    return i


def _negated(before: str, lex: FigureLexicon) -> bool:
    """Whether the words right before a qualifier negate it ("had not yet exceeded")."""
    words = [w for w in _words(before[-60:])[-4:] if w not in lex.negation_skip]
    return bool(words) and (words[-1] in lex.negators or words[-1].endswith(("n't", "n’t")))


def _verb_before(before: str, lex: FigureLexicon) -> Kind | None:
    """The casualty verb right before a count ("killed at least 62", "injuring 30"), if any; not
    a verb whose doers the count is ("was shot dead by two gunmen"), nor one of a killing not done
    ("tried to kill 68 people", "could kill 100")."""
    if phrase := _patterns().verb_phrase_end.search(before[-60:]):
        said = " ".join(phrase.group(1).lower().split())
        return "killed" if said in lex.killed_verb_phrases else "wounded"
    tail = _words(before[-200:])[-4:]
    content = [w for w in tail if w not in _SKIP_LEFT]
    if not content or "by" in tail[len(tail) - tail[::-1].index(content[-1]) :]:
        return None
    last = content[-1]
    if len(content) >= 3 and content[-2] in {"or", "and"} and _is_casualty(content[-3], lex):
        return None  # "killed or wounded 30", "killed and wounded": a combined count
    at = len(tail) - 1 - tail[::-1].index(last)
    if at > 0 and tail[at - 1] in lex.unrealised_before:
        return None  # "tried to kill 68", "would kill"
    if last in lex.wounded_verbs:
        return "wounded"
    if last in lex.killed_verbs and last not in {"claimed", "claiming"}:
        return "killed"
    return None


def _left_cue(
    before: str, lex: FigureLexicon, context: Kind | None = None, contextual: bool = False
) -> tuple[Kind | None, bool]:
    """The kind a count takes from the words before it: a casualty verb, or a toll phrase earlier
    in its clause (with whether a revision word follows it); ``context``: the kind of casualty
    the sentence before speaks of, which makes "a count of 38" a toll (``contextual``: the count
    names no people, or generic ones, which "count", "tally", "figure" may stand for)."""
    words = _words(before[-200:])
    content = [w for w in words[-4:] if w not in _SKIP_LEFT]
    if content:
        if len(content) >= 3 and content[-2] in {"or", "and"} and _is_casualty(content[-3], lex):
            return None, False  # "killed or wounded 30", "killed and wounded": a combined count
        if (verb := _verb_before(before, lex)) is not None:
            return verb, False
        if content[-1] in {"claimed", "claiming"}:
            return None, False
    # A toll phrase earlier in the clause. Another number in between ends it, unless a revision
    # follows that number ("the toll, initially put at 25, has now risen to 40").
    clause = re.split(r"[;:]|\b(?:and|but)\s+(?=\w+\s+(?:were|was)\b)", before[-200:])[-1]
    toll_k = _last_toll(lex.killed_tolls, clause, lex)
    toll_w = _last_toll(lex.wounded_tolls, clause, lex)
    by_context = toll_k is None and toll_w is None
    told = max(toll_k or 0, toll_w or 0)
    if not by_context and contextual and _patterns().number.search(clause, told):
        # "revised the death toll down to 27, saying the earlier figure of 38 ...": a toll noun
        # past the toll's own number counts anew, of the casualty the clause spoke of
        at = _last_toll(lex.context_tolls, clause, lex)
        number = list(_patterns().number.finditer(clause, told))[-1]
        by_context = at is not None and at > number.end()
    if by_context and not contextual:
        return None, False
    if by_context:
        # "gave a provisional count of 38", "had given a figure of 27 ... revised it to 34": a
        # toll where the sentence before, or this one before the noun, speaks of casualties
        if (at := _last_toll(lex.context_tolls, clause, lex)) is None:
            return None, False
        kind = _casualty_spoken(clause[:at], lex) or context
        if kind is None:
            return None, False
    elif toll_w is not None and (toll_k is None or toll_w >= toll_k):
        at, kind = toll_w, "wounded"
    else:
        at, kind = toll_k, "killed"
    between = clause[at:]
    after_numbers = _patterns().number.split(between)
    revised = bool(set(_words(after_numbers[-1])) & lex.revision_words)
    # or the verb whose object the toll is: "lowered the death toll to 14", "raised the toll to 25"
    revised |= len(after_numbers) == 1 and bool(set(_words(clause[:at])[-5:]) & lex.revision_words)
    if len(after_numbers) > 1 and not revised:
        return None, False
    if by_context and len(after_numbers) == 1 and set(_words(between)) - _SKIP_LEFT:
        return None, False  # "the count of arrests was 3": the number must follow the noun
    return kind, revised  # type: ignore[return-value]


def _casualty_spoken(text: str, lex: FigureLexicon) -> Kind | None:
    """The kind of casualty ``text`` speaks of ("Gunmen killed dozens of people": killed; killed
    before wounded when it names both), else None. A claim ("claimed the attack") is none."""
    words = set(_words(text))
    if lex.killed_tolls.search(text) or words & lex.killings_told:
        return "killed"
    if lex.wounded_tolls.search(text) or words & lex.woundings_told:
        return "wounded"
    return None


def _is_casualty(word: str, lex: FigureLexicon) -> bool:
    return any(
        word in words
        for words in (lex.killed_verbs, lex.wounded_verbs, lex.killed_words, lex.wounded_words)
    )


def _is_killed(word: str, lex: FigureLexicon) -> bool:
    return word in lex.killed_words or word in lex.killed_verbs or word == "shot"


def _last_toll(pattern: re.Pattern[str], text: str, lex: FigureLexicon) -> int | None:
    """The end of the last toll phrase of ``pattern`` in ``text``; not one after "attempted" ("the
    attempted murder of 68 people": an attempted killing is no death)."""
    last = None
    for m in pattern.finditer(text):
        if not set(_words(text[max(0, m.start() - 12) : m.start()])[-1:]) & lex.not_toll_before:
            last = m.end()
    return last


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]
