"""Publication dates from the strings pages carry them in: header lines, bylines, URL paths.

Regex based on purpose: dateparser costs milliseconds per call and guesses too freely (a bare
"May" or "2011" is not a publication date). Every function returns ``(iso, precision)`` where
``iso`` is ``YYYY-MM-DD`` (the first day of the period when not precise) or ``None``. A day whose
month is written in French, Spanish, German, Italian or Portuguese ("22 mars 2025", "12 de
diciembre de 2024", "3. März 2024") is found by its shape and read by dateparser, restricted to
those languages, and so is a month and year ("mars 2025", "März 2025"), as "March 2025" is; a
month name with no year is never read.

Dated page furniture (tweet signatures, photo captions, "Updated" stamps) is read by
``furniture_date`` and narrows a missing or month-only date to a day in ``estimate_day``.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sitrep.datafiles import read_mapping
from sitrep.errors import ConfigError

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

DateValue = tuple[str, str]  # (YYYY-MM-DD, precision)

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

# Ordered: the most specific forms first. Each must match a whole date expression.
_DATE_FORMS = [
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)"),
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR, re.I),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I),
    re.compile(r"(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./]" + _YEAR),
    re.compile(_MONTH + r",?\s+" + _YEAR, re.I),
]
# A line that is nothing but a date (plus time, zone and a label such as "Posted" or "Updated").
# The time may be written the French way and introduced in fr, es, de, it, pt: "à 13h12",
# "a las 13:12", "um 13:12 Uhr", "alle 13:12", "às 13h12"; or set off by a slash ("Mar 7, 2023 /
# 06:12 AM CST").
_TIME = r"(?:\s*[-–|,@·/]?\s*(?:(?:at|à|a las|um|alle|às)\s+)?\d{1,2}[:.h]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?|uhr)?(?:\s*\(?[A-Z]{2,4}\)?|\s*ist)?(?:\s*[+-]\d{1,2}(?::?\d\d)?)?)?"
_YEAR_ANYWHERE = re.compile(r"(?:19|20)\d\d")

# A day, a month word and a year in fr, es, de, it, pt: "22 mars 2025", "1er mars 2025", "3. März
# 2024", "12 de diciembre de 2024", with a weekday word in front ("sábado, ..."). Only the shape:
# dateparser says whether the words are a month and a weekday (``_other_language``).
_LANGUAGES = ["fr", "es", "de", "it", "pt"]
_LETTERS = r"[^\W\d_]"
_OTHER_DAY_FORM = re.compile(
    rf"(?<![\w.])(?:(?P<weekday>{_LETTERS}+(?:-{_LETTERS}+)?\.?),?\s+)?"
    rf"(?P<day>[0-3]?\d)(?:\.|er|º|°)?\s+(?:{_LETTERS}{{1,3}}\s+)?"
    rf"(?P<mon>{_LETTERS}{{3,}}\.?)\s+(?:{_LETTERS}{{1,3}}\s+)?{_YEAR}(?!\d)"
)
# A month word and a year in those languages: "mars 2025", "März 2025", "marzo de 2025" (read
# as the month, like "March 2025"). dateparser says whether the word is a month; only words
# starting as one of the five languages' months do ("Bureau 2000" costs no dateparser call).
_OTHER_MONTH_START = (
    r"(?:jan|jän|ene|gen|f[ée]v|feb|m[aä]r|avr|apr|abr|ma[iyg]|jui|jun|giu|jul|lug|ao[uû]|aug|"
    r"ago|sep|set|oct|okt|ott|out|nov|d[ée]c|dez|dic)"
)
_OTHER_MONTH_FORM = re.compile(
    rf"(?<![\w.])(?P<mon>{_OTHER_MONTH_START}{_LETTERS}*\.?)\s+(?:del?\s+)?{_YEAR}(?!\d)", re.I
)
_ENGLISH_MONTH = re.compile(_MONTH, re.I)
_DAY_BEFORE = re.compile(r"\d(?:\.|er|º|°)?\s+(?:de\s+)?\Z")
_URL_DATE = [
    (re.compile(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?:/|$)"), "day"),
    (re.compile(r"[/_-]((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?:[/_.-]|$)"), "day"),
    (re.compile(r"[/_-]((?:19|20)\d\d)([01]\d)([0-3]\d)(?:[/_.-]|$)"), "day"),
    (re.compile(r"/((?:19|20)\d\d)/([01]?\d)(?:/|$)"), "month"),
]


def _valid(year: int, month: int, day: int) -> bool:
    try:
        value = date(year, month, day)
    except ValueError:
        return False
    return date(1990, 1, 1) <= value <= date(2100, 1, 1)


def _from_match(match: re.Match[str]) -> DateValue | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("month"):
        month = int(groups["month"])
    else:
        month = _MONTHS[groups["mon"].lower()[:3]]
    if groups.get("day"):
        day = int(groups["day"])
        return (f"{year:04d}-{month:02d}-{day:02d}", "day") if _valid(year, month, day) else None
    return (f"{year:04d}-{month:02d}-01", "month") if _valid(year, month, 1) else None


@cache
def _dateparser(weekday: bool = False, month: bool = False) -> DateDataParser:
    """dateparser for the other languages, loaded on first use (loading takes a tenth of a
    second). Absolute dates only ("hace 3 días" is a comment's age); a day needs all three parts,
    a ``month`` its month and year; a weekday is read alone."""
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PARSERS": ["absolute-time"]}
    if month:
        settings["REQUIRE_PARTS"] = ["month", "year"]
    elif not weekday:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    return DateDataParser(languages=_LANGUAGES, settings=settings)


@lru_cache(maxsize=4096)
def _read_other_day(text: str) -> DateValue | None:
    """The day ``text`` ("22 mars 2025") names, read in the other languages, or None."""
    data = _dateparser().get_date_data(re.sub(r"(?<=\d)[º°]", "", text))
    when = data.date_obj
    if when is None or data.period != "day" or not _valid(when.year, when.month, when.day):
        return None
    return f"{when:%Y-%m-%d}", "day"


@lru_cache(maxsize=4096)
def _read_other_month(text: str) -> DateValue | None:
    """The month ``text`` ("mars 2025", "marzo de 2025") names, read in the other languages."""
    data = _dateparser(month=True).get_date_data(text)
    when = data.date_obj
    if when is None or data.period != "month" or not _valid(when.year, when.month, 1):
        return None
    return f"{when:%Y-%m}-01", "month"


def _other_month(text: str) -> tuple[DateValue, re.Match[str]] | None:
    """The first month and year with the month in another language, and its match."""
    for match in _OTHER_MONTH_FORM.finditer(text):
        if _ENGLISH_MONTH.fullmatch(match.group("mon")):
            continue  # read by the English forms
        if _DAY_BEFORE.search(text, 0, match.start()):
            continue  # a day no calendar has ("31 febbraio 2024") is no month either
        value = _read_other_month(match.group(0))
        if value is not None:
            return value, match
    return None


@lru_cache(maxsize=1024)
def _is_other_weekday(word: str) -> bool:
    data = _dateparser(weekday=True).get_date_data(word)
    return data.date_obj is not None and data.period == "day"


def _other_language(
    text: str, before: int | None = None
) -> Iterator[tuple[DateValue, re.Match[str]]]:
    """Days with the month in another language starting before ``before``, in order, each with
    its match (the word in front belongs to it only when it is a weekday: not "le" of "le 22 mars
    2025")."""
    for match in _OTHER_DAY_FORM.finditer(text):
        if before is not None and match.start() >= before:
            return
        if _ENGLISH_MONTH.fullmatch(match.group("mon")):
            continue  # read by the English forms
        value = _read_other_day(text[match.start("day") : match.end()])
        if value is None:
            continue
        weekday = match.group("weekday")
        if weekday and not _is_other_weekday(weekday):
            match = _OTHER_DAY_FORM.match(text, match.start("day")) or match
        yield value, match


def find_date(text: str) -> tuple[DateValue, re.Match[str]] | None:
    """The first full date (with a year) in ``text`` and its match."""
    if not _YEAR_ANYWHERE.search(text):
        return None
    best: tuple[DateValue, re.Match[str]] | None = None
    for form in _DATE_FORMS:
        match = form.search(text)
        if match and (best is None or match.start() < best[1].start()):
            value = _from_match(match)
            if value:
                best = (value, match)
    other = next(_other_language(text, best[1].start() if best else None), None)
    if other is not None and (best is None or other[1].start() < best[1].start()):
        best = other
    # a month and year only ("mars 2025"); a day written around the same month starts earlier
    month = _other_month(text)
    if month is not None and (best is None or month[1].start() < best[1].start()):
        best = month
    return best


def parse_date(text: str) -> DateValue | None:
    """A date written in ``text`` (``"01 November 2021"``, ``"Nov 02 2020, 23:01 ist"``)."""
    found = find_date(text)
    return found[0] if found else None


def is_date_only(text: str) -> DateValue | None:
    """The date when ``text`` is nothing but a date, its time and zone; else None."""
    if len(text) > 80:
        return None
    found = find_date(text)
    if not found:
        return None
    value, match = found
    before = text[: match.start()].strip(" \t•·|,-–")
    after = text[match.end() :]
    if before and not re.fullmatch(
        r"(?i)(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?", before
    ):
        return None
    # then a zone or section: one word ("GMT", "Sahel"), or a few after a bar ("| Southern Africa",
    # "| Mali, Mopti", "| Cote d'Ivoire", "| Guinea-Bissau")
    word = rf"{_LETTERS}+(?:['’-]{_LETTERS}+)*"
    tail = rf"\s*(?:[-–|]?\s*{word}|[-–|]\s*{word}(?:,?\s+(?:&\s+)?{word}){{1,2}})?\s*\.?"
    if not re.fullmatch(_TIME + tail, after, flags=re.I):
        return None
    return value


def date_from_url(url: str | None) -> DateValue | None:
    """A publication date in the URL path (``/2023/06/10/``, ``/20230617/``, ``/2021/05/``)."""
    if not url:
        return None
    path = urlsplit(url).path
    for pattern, precision in _URL_DATE:
        match = pattern.search(path)
        if not match:
            continue
        year, month = int(match.group(1)), int(match.group(2))
        day = int(match.group(3)) if precision == "day" else 1
        if _valid(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}", precision
    return None


def normalise_record_date(value: str | None) -> DateValue | None:
    """The date an ingest record gave (ISO or free text)."""
    if not value:
        return None
    match = re.match(r"\s*((?:19|20)\d\d)-([01]\d)-([0-3]\d)", value)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return (f"{year:04d}-{month:02d}-{day:02d}", "day") if _valid(year, month, day) else None
    match = re.fullmatch(r"\s*((?:19|20)\d\d)(?:-([01]\d))?\s*", value)
    if match:
        year, month = int(match.group(1)), int(match.group(2) or 1)
        precision = "month" if match.group(2) else "year"
        return (f"{year:04d}-{month:02d}-01", precision) if _valid(year, month, 1) else None
    return parse_date(value)


# --- dated page furniture -----------------------------------------------------------------------
# Embedded tweets, photo captions and "Updated" stamps carry dates of their own. They never date
# the page on their own authority, but they narrow an unknown or month-only publication date to a
# day (see ``estimate_day``). Patterns: ``data/furniture_dates.yaml``.

FURNITURE_FILE = "furniture_dates.yaml"
_DAY_FORMS = [form for form in _DATE_FORMS if "day" in form.groupindex]


@dataclass(frozen=True, slots=True)
class Furniture:
    caption_kinds: frozenset[str]
    signature_before: re.Pattern[str]
    caption_before: re.Pattern[str]
    caption_after: re.Pattern[str]
    stale_caption: re.Pattern[str]


@cache
def load_furniture() -> Furniture:
    """The furniture patterns, compiled once per process."""
    data = read_mapping("sitrep.clean", FURNITURE_FILE, "furniture date patterns file")
    try:
        return Furniture(
            caption_kinds=frozenset(data["caption_kinds"]),
            signature_before=re.compile(f"(?:{data['signature_before']})\\Z", re.I),
            caption_before=re.compile(f"(?:{data['caption_before']})\\Z", re.I),
            caption_after=re.compile(data["caption_after"], re.I),
            stale_caption=re.compile(data["stale_caption"], re.I),
        )
    except (KeyError, TypeError, re.error) as exc:
        raise ConfigError(f"bad entry in {FURNITURE_FILE}: {exc}") from exc


def _last_day(text: str) -> tuple[str, re.Match[str]] | None:
    """The last day-precise date written in ``text`` and its match."""
    best: tuple[str, re.Match[str]] | None = None
    for form in _DAY_FORMS:
        for match in form.finditer(text):
            if best is None or (match.end(), -match.start()) > (best[1].end(), -best[1].start()):
                value = _from_match(match)
                if value:
                    best = (value[0], match)
    for (day, _), match in _other_language(text):
        if best is None or (match.end(), -match.start()) > (best[1].end(), -best[1].start()):
            best = (day, match)
    return best


def furniture_date(text: str, kind: str | None) -> str | None:
    """The day an embedded item is dated (``YYYY-MM-DD``), or None.

    ``text`` is one unit or cut-off piece of the page, ``kind`` why the cleaner removed it (None
    when kept). A tweet signature counts whatever the kind; a caption's date only when the
    cleaner removed it as a caption and the date sits in the caption's date-line position.
    Running story text never counts.
    """
    patterns = load_furniture()
    caption = kind in patterns.caption_kinds
    if not (caption or "@" in text) or len(text) > 600 or not _YEAR_ANYWHERE.search(text):
        return None  # only captions and tweet signatures are dated furniture
    found = _last_day(text)
    if found is None:
        return None
    value, match = found
    before, after = text[: match.start()], text[match.end() :]
    if "@" in before and not after.strip(" .") and patterns.signature_before.search(before):
        return value
    if (
        caption
        and patterns.caption_before.search(before)
        and patterns.caption_after.fullmatch(after)
        and not patterns.stale_caption.search(text)
    ):
        return value
    return None


def period_end(day: date, precision: str | None) -> date:
    """The last day of the period (day, week, month or year) that starts on ``day``."""
    if precision == "week":
        return day + timedelta(days=6)
    if precision == "year":
        return date(day.year, 12, 31)
    if precision == "month":
        return date(day.year, day.month, monthrange(day.year, day.month)[1])
    return day


def _period(value: DateValue) -> tuple[str, str]:
    """First and last day (ISO) of the period a date value names."""
    return value[0], period_end(date.fromisoformat(value[0]), value[1]).isoformat()


def estimate_day(
    best: DateValue | None,
    source: str | None,
    candidates: list[tuple[DateValue, str]],
    embedded: list[str],
    today: date | None = None,
) -> tuple[DateValue | None, str | None]:
    """The publication date once dated furniture is taken into account.

    ``best``/``source`` is the date the page gives (``candidates`` are all it gives, with their
    sources), ``embedded`` the days of its embedded items. A day-precise date is kept as is. A
    page with no date gets its newest embedded day (source ``embedded``). A month or year becomes
    the newest embedded day, "Updated" stamp or masthead day inside every period the page names
    and no later than any "Updated" stamp or masthead day (source ``"<source>+embedded"``,
    ``"<source>+updated"`` or ``"<source>+masthead"``); a day
    outside is about something else and is ignored. Nothing is taken from after ``today``.
    """
    if best is not None and best[1] == "day":
        return best, source
    lower, upper = "0000-00-00", (today or date.today()).isoformat()
    pool = [(d, "embedded") for d in embedded]
    for value, src in candidates:
        start, end = _period(value)
        upper = min(upper, end)
        if src in ("updated", "masthead") and value[1] == "day":
            # published on or before its last update, or the day its masthead shows
            pool.append((value[0], src))
        else:
            lower = max(lower, start)
    inside = [(d, tag) for d, tag in pool if lower <= d <= upper]
    if not inside:
        return best, source
    day, tag = max(inside, key=lambda item: (item[0], item[1] == "embedded"))
    return (day, "day"), f"{source}+{tag}" if best is not None else tag
