"""Dates of events: expressions resolved against the article's date, with their precision.

``resolve_date("late Friday", date(2024, 3, 23)) == ("2024-03-22", "day")``. Compiled rules handle
what news reports say most (weekdays, "March 22", "Aug. 2", "two days ago", "two weeks earlier",
"late July", "last year"); dateparser (slow, so cached) only gets the leftovers. Weekdays mean the
most recent such day on or before the article's date: a Friday report saying "on Friday" means that
day; so do feasts ("Christmas Eve", "Easter Sunday"). A period that is not a day is given by its
first day ("late July" → July 1, precision month; "in April last year" → April of that year; "last
week" → its Monday). "January 1 last year" is that day of last year.

``find_dates`` lists every date expression of a text (regexes plus spaCy DATE/TIME entities) with
character offsets, so that callers can take the one nearest an event's trigger.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from dateutil.easter import easter

from sitrep.nlp import doc_text
from sitrep.records import Precision

if TYPE_CHECKING:
    from spacy.tokens import Doc

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        )
    )
    for m in names.split()
}
WEEKDAYS = {
    d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())
}


@dataclass(frozen=True, slots=True)
class Feast:
    """A feast named as a day, and how to find its day in a given year (data/dates.yaml)."""

    names: tuple[str, ...]
    date: tuple[int, int] | None = None  # a fixed (month, day)
    easter: int | None = None  # days after Easter Sunday
    hijri: tuple[int, int] | None = None  # an Islamic (month, day)

    def on(self, year: int) -> dt.date:
        """Its day in the Gregorian ``year`` (of an Islamic feast: its first in that year)."""
        if self.date is not None:
            return dt.date(year, *self.date)
        if self.easter is not None:
            return easter(year) + dt.timedelta(days=self.easter)
        from hijridate import Gregorian, Hijri

        assert self.hijri is not None
        h_year = Gregorian(year, 1, 1).to_hijri().year
        day = Hijri(h_year, *self.hijri).to_gregorian()
        if day.year < year:
            day = Hijri(h_year + 1, *self.hijri).to_gregorian()
        return dt.date(day.year, day.month, day.day)


def _feasts() -> dict[str, Feast]:
    from sitrep.datafiles import read_mapping

    out: dict[str, Feast] = {}
    for item in read_mapping("sitrep.events", "dates.yaml", "dates data")["feasts"]:
        feast = Feast(
            tuple(item["names"]),
            tuple(item["date"]) if "date" in item else None,
            item.get("easter"),
            tuple(item["hijri"]) if "hijri" in item else None,
        )
        for name in feast.names:
            out[_feast_key(name)] = feast
    return out


def _feast_key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").replace("-", " ").split())


FEASTS = _feasts()


def _weekday_named() -> str:
    """The nouns after which a capitalised weekday is part of a name ("the Monday Market in
    Maiduguri", "the Friday Mosque"), not a day (data/dates.yaml ``weekday_named``)."""
    from sitrep.datafiles import read_mapping

    nouns = read_mapping("sitrep.events", "dates.yaml", "dates data")["weekday_named"]
    return "|".join(n[:1].upper() + n[1:] for n in sorted(nouns, key=len, reverse=True))


_WEEKDAY_NAMED = _weekday_named()
_NAMED_AFTER = re.compile(rf"(?:'s)?\s+(?:{_WEEKDAY_NAMED})\b")

# How many periods a vague count means ("a few days ago"); number words come from figures.yaml.
VAGUE_COUNTS = {"a": 1, "an": 1, "several": 3, "a few": 3, "few": 3, "a couple of": 2}


def count_of(word: str) -> int:
    """How many periods a count word means ("two", "12", "a few")."""
    from sitrep.events.lexicon import figure_lexicon

    raw = word.lower()
    if raw.isdigit():
        return int(raw)
    return VAGUE_COUNTS.get(raw) or figure_lexicon().numbers.get(raw, 1)


_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# a month name without its group, for patterns elsewhere (case-insensitive: use re.I or (?i:...))
MONTH_NAME = _MON.replace("(?P<mon>", "(?:")
# a month and its day, either way round ("March 26", "26th of March"): a date that names its day
_MONTH_DAY = rf"{MONTH_NAME}\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAME}"
# "since May 2016, when coordinated bombings killed 140": the clause after a bound that tells
# what set it (used from the bound's end, by the events' dates and by the casualty figures)
WHEN_CLAUSE = re.compile(r",?\s*when\b[^.;:()]{0,120}", re.I)
# "the deadliest attack since 2017", "the worst attack ... since the bombing of": a comparison
# measured from what follows "since" (matched on the text before "since")
SUPERLATIVE_BEFORE = re.compile(r"\b(?:\w+est|first|most|worst)\b[^.;]{0,40}$", re.I)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY_NAME_EARLY = _WD.replace("(?P<wd>", "(?:")
_PART = r"(?:\s+(?:morning|afternoon|evening|night|midnight))?"
COUNT = r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?|several|a few|a couple of)"
_UNIT = r"(?P<unit>day|week|month|year)s?"

# (name, pattern) — each pattern must match a whole expression; _SEARCH finds them in running text.
# words before a weekday that make it any one ("on a Friday evening", "every Friday")
_ANY = ("a", "one", "every", "each")
RULES: tuple[tuple[str, str], ...] = (
    # "overnight Friday to Saturday", "on the night of Saturday to Sunday": the night began on
    # the first day, which dates the event (not "overnight", the report's night)
    (
        "wd_night",
        r"(?:overnight|(?:(?:on|in|during|over)\s+)?the\s+night)\s+(?:of\s+|from\s+|between\s+)?"
        rf"{_WD}\s+(?:to|into|and)\s+{_WEEKDAY_NAME_EARLY}",
    ),
    ("iso", r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"),
    ("mdy", rf"(?:{_WD},?\s+)?{_MON}\s+{_DAY}(?:,\s*|\s+){_YEAR}"),
    ("dmy", rf"(?:{_WD},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON},?\s+{_YEAR}"),
    # "on January 1 last year": a day of that year, though this year's January 1 has passed
    ("md_rel", rf"(?:{_WD},?\s+)?{_MON}\s+{_DAY},?\s+(?P<which>last|this)\s+year"),
    (
        "dm_rel",
        rf"(?:{_WD},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON},?\s+(?P<which>last|this)\s+year",
    ),
    ("md", rf"(?:{_WD},?\s+)?(?:\(\s*)?{_MON}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)\)?{_PART}"),
    ("dm", rf"(?:{_WD},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}\b(?!,?\s+(?:19|20)\d\d)"),
    (
        "my",
        rf"(?:(?P<mod>early|mid|mid-|late|end of|the end of|beginning of)\s*)?{_MON}\s*,?\s+{_YEAR}",
    ),
    ("ago", rf"{COUNT}\s+{_UNIT}\s+ago"),
    ("earlier", rf"{COUNT}\s+{_UNIT}\s+earlier"),
    (
        "rel_day",
        r"(?P<rel>(?:late |early )?yesterday(?: morning| afternoon| evening| night)?|today|tonight|last (?:night|evening)|this morning|this afternoon|this evening|earlier today|overnight|(?:the )?day before yesterday)",
    ),
    (
        "rel_period",
        r"(?P<which>last|this|past|previous|earlier this|later this|early this|late last|early last|earlier last|over the|during the|the)\s+(?P<per>week|month|year|weekend)",
    ),
    (
        # "in April last year": the month of that year (not this year's April)
        "mon_rel",
        rf"(?:(?P<mod>early|mid|mid-|late|end of|the end of|beginning of|in|during|since)\s*)?"
        rf"{_MON}(?:\s+of)?\s+(?P<which>last|this)\s+year",
    ),
    # feasts that date an event to the day ("on Christmas Eve", "the Easter Sunday bombing")
    (
        "feast",
        r"(?:last\s+|this\s+)?(?P<feast>"
        + "|".join(
            sorted(
                (re.escape(k).replace("'", "['’]").replace(r"\ ", r"[\s-]+") for k in FEASTS),
                key=len,
                reverse=True,
            )
        )
        + rf")(?:,?\s+(?:of\s+)?{_YEAR})?",
    ),
    # "on Tuesday last week", "Tuesday of last week": that weekday of the week before the
    # report's (not the last Tuesday, nor the week alone)
    ("wd_week", rf"(?:on\s+)?{_WD}{_PART}\s+(?:of\s+)?(?P<wk>last|this)\s+week"),
    (
        # not the weekday of a date that follows ("on Friday, December 11": that date), nor
        # any Friday ("on a Friday evening in February 2023", "every Friday")
        "wd",
        r"(?:(?P<mod>last|late on|early on|late|early|on|this|this past|past)\s+)?"
        + "".join(rf"(?<!\b{w}\s)" for w in _ANY)
        + rf"{_WD}(?:'s)?{_PART}"
        rf"(?!{_PART},?\s+\(?\s*(?:{_MONTH_DAY}))"
        rf"(?!\s+(?-i:{_WEEKDAY_NAMED})\b)",
    ),
    (
        "mon",
        rf"(?:(?P<mod>early|mid|mid-|late|end of|the end of|beginning of|in|since|during|last|this)\s*)?{_MON}(?!\s+\d)",
    ),
    ("year", rf"(?P<pre>in|since|during|of|by|early|late|mid|mid-)\s+{_YEAR}(?!\s*[-–/]\d)"),
)
_COMPILED = tuple((name, re.compile(rf"(?:{pat})$", re.I)) for name, pat in RULES)
_BY_NAME = dict(_COMPILED)
# Running-text search: the same rules, longest first, word-bounded. "May"/"March" alone are too
# often words, so month names without a day or year need a modifier when searching.
_SEARCH = re.compile(
    "|".join(
        rf"\b(?:{re.sub(r'[(][?]P<[a-z]+>', '(?:', pat)})\b" for name, pat in RULES if name != "mon"
    ),
    re.I,
)
_MON_SEARCH = re.compile(
    rf"\b(?P<mod>early|mid|mid-|late|end of|the end of|beginning of|in|since|during|last)\s+{_MON}(?!\s+\d)\b",
    re.I,
)


_WEEKDAY_NAME = _WD.replace("(?P<wd>", "(?:")
_DAYLIKE = re.compile(
    rf"\b(?:{MONTH_NAME}|{_WEEKDAY_NAME})\b|\bago\b|\d+[/.]\d+[/.]\d+",
    re.I,
)
# a date that names its day ("on Wednesday", "March 26", "the 26th of March"), unlike "this
# morning" or "yesterday", which count from a day the report may not give right (matched at the
# start of a date mention)
NAMED_DAY = re.compile(rf"(?:(?:on|late|early|last)\s+)*(?:{_WEEKDAY_NAME}\b|{_MONTH_DAY})", re.I)
_NAMES_MONTH_DAY = re.compile(rf"\b(?:{_MONTH_DAY})", re.I)


def names_month_and_day(expression: str) -> bool:
    """Whether the expression names a month and its day ("Saturday 17th June 2023")."""
    return _NAMES_MONTH_DAY.search(expression) is not None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a text; ``date`` is None when it needs an article date to resolve
    ("on Friday" with no publication date) — kept so that callers do not take a farther date."""

    start: int
    end: int
    text: str
    date: str | None
    precision: Precision | None
    source: str = "rule"  # rule, ner, deed_year (DEED_YEAR)


def resolve_date(expression: str, anchor: dt.date | None) -> tuple[str, Precision] | None:
    """``(YYYY-MM-DD, precision)`` for a date expression, or None when it cannot be resolved."""
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    return _resolve(_clean(expression), anchor)


def calendar_parts(expression: str) -> tuple[tuple[int, int] | None, int | None]:
    """The month and day, and the weekday (Monday = 0), that an expression without a year names:
    "Friday, March 22" gives ((3, 22), 4), "on March 22" ((3, 22), None), "late Friday night"
    (None, 4); (None, None) for anything else."""
    text = _clean(expression)
    for name in ("md", "dm", "wd"):
        m = _BY_NAME[name].match(text)
        if m is None:
            continue
        g = m.groupdict()
        weekday = WEEKDAYS[g["wd"].lower()] if g.get("wd") else None
        if name == "wd":
            return None, weekday
        return (_month_num(g["mon"]), int(g["day"])), weekday
    return None, None


def counts_from_report(expression: str) -> bool:
    """Whether the expression is a day counted from the report's own: "today", "yesterday",
    "last night", "this morning"."""
    return _BY_NAME["rel_day"].match(_clean(expression)) is not None


_MONTH_WORD = re.compile(rf"\b{MONTH_NAME}(?!\w)", re.I)


def months_named(expression: str) -> set[int]:
    """The months an expression names ("October 2022" gives {10})."""
    return {_month_num(m.group()) for m in _MONTH_WORD.finditer(expression)}


def month_alone(expression: str) -> int | None:
    """The month an expression names without a day or year ("in October", "late July")."""
    if re.search(r"\d", expression):
        return None
    months = months_named(expression)
    return months.pop() if len(months) == 1 else None


def year_of_weekday(
    month_day: tuple[int, int], weekday: int, floor: int, today: dt.date
) -> int | None:
    """The one year from ``floor`` to ``today`` in which the month and day fell on the weekday
    (an undated report that says "on March 22" and "Friday night", and names 2021 as past, tells
    of 2024); None when no year or several fit."""
    month, day = month_day
    years = []
    for year in range(floor, today.year + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date.weekday() == weekday and date <= today:
            years.append(year)
    return years[0] if len(years) == 1 else None


def _clean(expression: str) -> str:
    text = re.sub(r"\s+", " ", expression.strip().strip(",.;:()")).strip()
    return re.sub(r"^(?:on|at|by|from|since|the|around|about)\s+", "", text, flags=re.I)


@lru_cache(maxsize=4096)
def _resolve(text: str, anchor: dt.date | None) -> tuple[str, Precision] | None:
    for name, pattern in _COMPILED:
        m = pattern.match(text)
        if m:
            return _RESOLVERS[name](m.groupdict(), anchor)
    return _dateparser(text, anchor)


def _dateparser(text: str, anchor: dt.date | None) -> tuple[str, Precision] | None:
    # only what names a calendar day: durations such as "40 days" are not dates
    if anchor is None or not _DAYLIKE.search(text):
        return None
    import dateparser

    settings = {
        "RELATIVE_BASE": dt.datetime.combine(anchor, dt.time()),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day"],
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    if parsed is None or parsed.date() > anchor + dt.timedelta(days=1):
        return None
    return parsed.date().isoformat(), "day"


# ---------------------------------------------------------------- one resolver per rule


def _day(year: int, month: int, day: int) -> tuple[str, Precision] | None:
    try:
        return dt.date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _month_num(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _iso(g: dict, anchor: dt.date | None) -> tuple[str, Precision] | None:
    return _day(int(g["y"]), int(g["m"]), int(g["d"]))


def _full(g: dict, anchor: dt.date | None) -> tuple[str, Precision] | None:
    return _day(int(g["year"]), _month_num(g["mon"]), int(g["day"]))


def _month_day(g: dict, anchor: dt.date | None) -> tuple[str, Precision] | None:
    if anchor is None:
        return None
    month, day = _month_num(g["mon"]), int(g["day"])
    year = anchor.year
    # a date more than a few days after the report is last year's (reports look back)
    if (month, day) > (anchor.month, anchor.day) and dt.date(
        year, month, min(day, 28)
    ) > anchor + dt.timedelta(days=3):
        year -= 1
    return _day(year, month, day)


def _which_year(g: dict, anchor: dt.date) -> int:
    """The year of "last year" / "this year" counted from the report."""
    return anchor.year - (1 if g["which"].lower() == "last" else 0)


def _day_of_year(g: dict, anchor: dt.date | None) -> tuple[str, Precision] | None:
    if anchor is None:
        return None
    return _day(_which_year(g, anchor), _month_num(g["mon"]), int(g["day"]))


def _month_year(g: dict, anchor: dt.date | None) -> tuple[str, Precision]:
    return f"{int(g['year']):04d}-{_month_num(g['mon']):02d}-01", "month"


def _ago(g: dict, anchor: dt.date | None) -> tuple[str, Precision] | None:
    if anchor is None:
        return None
    n = count_of(g["n"])
    unit = g["unit"].lower()
    if unit == "day":
        return (anchor - dt.timedelta(days=n)).isoformat(), "day"
    return _periods_back(anchor, unit, n)


def _earlier(g: dict, anchor: dt.date | None) -> tuple[str, Precision] | None:
    """'Two weeks earlier' counts back from the event just told, which is near the article's
    date but not on it: a day count is only good to the week."""
    if anchor is None:
        return None
    n, unit = count_of(g["n"]), g["unit"].lower()
    if unit == "day":
        return week_start(anchor - dt.timedelta(days=n)), "week"
    return _periods_back(anchor, unit, n)


def _periods_back(anchor: dt.date, unit: str, n: int) -> tuple[str, Precision]:
    """The week, month or year ``n`` periods before the one holding ``anchor``."""
    if unit == "week":
        return week_start(anchor - dt.timedelta(weeks=n)), "week"
    if unit == "month":
        y, m = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
        return f"{y:04d}-{m + 1:02d}-01", "month"
    return f"{anchor.year - n:04d}-01-01", "year"


def _rel_day(g: dict, anchor: dt.date | None) -> tuple[str, Precision] | None:
    if anchor is None:
        return None
    rel = g["rel"].lower()
    back = 2 if "day before" in rel else 1 if ("yesterday" in rel or "last" in rel) else 0
    return (anchor - dt.timedelta(days=back)).isoformat(), "day"


def _rel_period(g: dict, anchor: dt.date | None) -> tuple[str, Precision] | None:
    if anchor is None:
        return None
    which, per = " ".join(g["which"].lower().split()), g["per"].lower()
    if which.split()[-1] == "the" and per != "weekend":
        return None  # "over the year" is no period of its own; "over the weekend" is the last
    back = 0 if which.endswith("this") else 1
    if per == "weekend":
        saturday = anchor - dt.timedelta(
            days=(anchor.weekday() - 5) % 7 + (7 if back and anchor.weekday() >= 5 else 0)
        )
        return saturday.isoformat(), "week"  # Saturday or Sunday: a day the text may name
    return _periods_back(anchor, per, back)


def _weekday(g: dict, anchor: dt.date | None) -> tuple[str, Precision] | None:
    if anchor is None:
        return None
    target = WEEKDAYS[g["wd"].lower()]
    back = (anchor.weekday() - target) % 7
    if back == 0 and (g.get("mod") or "").lower() == "last":
        back = 7  # "last Friday" in a Friday report is a week ago
    return (anchor - dt.timedelta(days=back)).isoformat(), "day"


def _weekday_of_week(g: dict, anchor: dt.date | None) -> tuple[str, Precision] | None:
    if anchor is None:
        return None
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if g["wk"].lower() == "last":
        monday -= dt.timedelta(days=7)
    return (monday + dt.timedelta(days=WEEKDAYS[g["wd"].lower()])).isoformat(), "day"


def _month(g: dict, anchor: dt.date | None) -> tuple[str, Precision] | None:
    if anchor is None:
        return None
    month = _month_num(g["mon"])
    mod = (g.get("mod") or "").lower()
    year = anchor.year if month <= anchor.month and mod != "last" else anchor.year - 1
    return f"{year:04d}-{month:02d}-01", "month"


def _month_of_year(g: dict, anchor: dt.date | None) -> tuple[str, Precision] | None:
    if anchor is None:
        return None
    return f"{_which_year(g, anchor):04d}-{_month_num(g['mon']):02d}-01", "month"


def _feast(g: dict, anchor: dt.date | None) -> tuple[str, Precision] | None:
    """The feast's most recent day on or before the report (a day after it is allowed)."""
    if anchor is None:
        return None
    feast = FEASTS[_feast_key(g["feast"])]
    try:
        if g.get("year"):  # "Easter Sunday 2019"
            return feast.on(int(g["year"])).isoformat(), "day"
        day = feast.on(anchor.year)
        if day > anchor + dt.timedelta(days=1):
            day = feast.on(anchor.year - 1)
    except (OverflowError, ValueError):
        return None  # a year the Islamic calendar tables do not cover (before 1924, after 2077)
    return day.isoformat(), "day"


def _year(g: dict, anchor: dt.date | None) -> tuple[str, Precision]:
    return f"{int(g['year']):04d}-01-01", "year"


def week_start(day: dt.date) -> str:
    """The Monday of ``day``'s week, as an ISO date: a week-precision date."""
    return (day - dt.timedelta(days=day.weekday())).isoformat()


_RESOLVERS = {
    "iso": _iso,
    "mdy": _full,
    "dmy": _full,
    "md_rel": _day_of_year,
    "dm_rel": _day_of_year,
    "md": _month_day,
    "dm": _month_day,
    "my": _month_year,
    "ago": _ago,
    "earlier": _earlier,
    "rel_day": _rel_day,
    "rel_period": _rel_period,
    "wd_week": _weekday_of_week,
    "wd_night": _weekday,
    "wd": _weekday,
    "mon_rel": _month_of_year,
    "feast": _feast,
    "mon": _month,
    "year": _year,
}


# ---------------------------------------------------------------- finding dates in a text


# what stands between a weekday and the date it names ("Friday, December 11", "Friday (11 Dec")
_APPOSED = re.compile(rf"{_PART},?\s+\(?\s*", re.I)


_ANY_DAY = re.compile(rf"\b(?:{'|'.join(_ANY)})\s+$", re.I)


def find_dates(doc_or_text: Doc | str, anchor: dt.date | None) -> list[DateMention]:
    """Every resolvable date expression of a text, with character offsets, in text order."""
    text = doc_or_text if isinstance(doc_or_text, str) else doc_text(doc_or_text)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for start, end in _rule_spans(text):
        value = resolve_date(text[start:end], anchor) or (None, None)
        found.append(DateMention(start, end, text[start:end], *value))
        taken.append((start, end))
    if not isinstance(doc_or_text, str):
        for ent in doc_or_text.ents:
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            if any(s < ent.end_char and ent.start_char < e for s, e in taken):
                continue
            if any(_APPOSED.fullmatch(text, ent.end_char, s) for s, _ in taken):
                continue  # "late on Friday night, 11 December": the date that follows says
            if _ANY_DAY.search(text, max(0, ent.start_char - 8), ent.start_char):
                continue  # "on a Friday evening", "every Friday": no day in particular
            if _NAMED_AFTER.match(text, ent.end_char):
                continue  # "the busy Monday Market": a name
            value = resolve_date(ent.text, anchor)
            if value:
                found.append(DateMention(ent.start_char, ent.end_char, ent.text, *value, "ner"))
    found += _years_before_deeds(text, taken, anchor)
    found.sort(key=lambda d: d.start)
    return _feasts_of_their_year(text, found, anchor)


# "the 2022 suicide bombing", "the 2004 Beslan school siege": a year used as an adjective of
# the deed named a few words later (the deed checked against the trigger lexicon); such a date
# mention has this ``source``
DEED_YEAR = "deed_year"
_YEAR_BEFORE = re.compile(rf"\b(?:the|its|their)\s+{_YEAR}", re.I)
_DEED_WORDS = re.compile(r"(?:\s+[\w'’.-]+){1,4}")


def _years_before_deeds(
    text: str, taken: list[tuple[int, int]], anchor: dt.date | None
) -> list[DateMention]:
    from sitrep.events.lexicon import triggers  # the lexicon is loaded on first use

    out = []
    for m in _YEAR_BEFORE.finditer(text):
        year = int(m.group("year"))
        if anchor is not None and year > anchor.year:
            continue
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        words = _DEED_WORDS.match(text, m.end())
        if words is None or triggers().regex.search(words.group()) is None:
            continue
        date = f"{year:04d}-01-01"
        out.append(DateMention(m.start(), m.end(), m.group(), date, "year", DEED_YEAR))
    return out


# "the Easter Sunday bombings of 2019": a feast, a few words, and the year they belong to
_FEAST_TO_YEAR = re.compile(r"(?:\s+[\w-]+){0,3}\s+")


def _feasts_of_their_year(
    text: str, found: list[DateMention], anchor: dt.date | None
) -> list[DateMention]:
    """A feast whose phrase ends in a year is that year's ("the Easter Sunday bombings of
    2019"), not the last one before the report."""
    out = list(found)
    for n, (d, nxt) in enumerate(itertools.pairwise(found)):
        if (
            nxt.precision == "year"
            and _BY_NAME["feast"].match(_clean(d.text))
            and not re.search(r"\d", d.text)
            and _FEAST_TO_YEAR.fullmatch(text, d.end, nxt.start)
        ):
            value = resolve_date(f"{d.text} {nxt.text[-4:]}", anchor)
            if value:
                out[n] = replace(d, date=value[0], precision=value[1])
    return out


def _rule_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _SEARCH.finditer(text)]
    spans += [(m.start(), m.end()) for m in _MON_SEARCH.finditer(text)]
    spans.sort(key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start < out[-1][1]:
            continue
        out.append((start, end))
    return out
