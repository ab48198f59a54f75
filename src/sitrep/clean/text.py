"""Plain-text cleaning: cut a page into units (lines), classify each, keep the article.

A unit is one line of the raw text (one blank-line block when the text is hard-wrapped), trimmed
of surrounding spaces. Its ``start``/``end`` are offsets into the raw text, so every kept piece of
clean text is a verbatim slice of the raw text. Classification runs in passes:

1. cut prefixes (a scraper's `` date 2022-03-07 `` header, a date glued to the first word) and
   suffixes ("Read more of this post", a tweet's ``pic.twitter.com`` link) off units;
2. classify whole units by pattern (ads, prompts, forms, navigation, bylines, date lines,
   captions) from ``data/boilerplate.yaml``;
3. structural rules: a live blog's entry heads (reporter + "2 hours ago" over news prose),
   comment threads (user line + "6 months ago"), comment sections (a comment heading or prompt,
   then commenters' dated lines and their comments), repeated lines, tag lists, embedded
   reviews, excerpts closed by a "Read more" link, teaser lists;
4. per article (see ``split.py``): the header zone (title, masthead, kicker, caption), the footer
   zone, and captions in the body.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from sitrep.clean.dates import DateValue, is_date_only, parse_date
from sitrep.clean.patterns import Patterns

_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
_TERMINAL = re.compile(r"[.!?…:;][\"”’')\]]*\s*$")
_TRIM = " \t\r\n\u00a0\u200b\ufeff\u2009\u202f"
_BULLETS = " \t\u00a0•►▶·|"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


@dataclass(slots=True)
class Unit:
    """One line (or block) of the raw text and what the cleaner made of it."""

    start: int  # raw offsets of the part still in play (cut prefixes/suffixes excluded)
    end: int
    text: str
    kind: str | None = None  # why it was removed; None while kept
    author: str | None = None
    date: DateValue | None = None
    date_source: str | None = None  # metadata, byline, dateline, updated
    title: bool = False
    heading: bool = False  # a Markdown heading: content, never footer or tag-list furniture
    excerpt: bool = False  # a story's excerpt closed by "Read more »": prose however short
    cuts: list[tuple[int, int, str]] = field(default_factory=list)  # removed prefixes/suffixes
    # (text, its word count): the passes ask for ``words`` several times per unit
    _counted: tuple[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def kept(self) -> bool:
        return self.kind is None

    @property
    def core(self) -> str:
        """The text without the bullets and bars around it ("• Posted", "| Comments |")."""
        return self.text.strip(_BULLETS)

    @property
    def words(self) -> int:
        if self._counted is None or self._counted[0] is not self.text:
            self._counted = (self.text, words(self.text))
        return self._counted[1]


def words(text: str) -> int:
    return len(_WORD.findall(text))


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def is_body(unit: Unit) -> bool:
    """A unit that reads like article prose (it ends the header zone)."""
    n = unit.words
    return unit.excerpt or (n >= 12 and ends_sentence(unit.text)) or n >= 30


def is_archive_byline(unit: Unit) -> bool:
    """A byline with an author and a date: one article's of an archive page, or a commenter's."""
    return unit.kind == "byline" and bool(unit.author) and unit.date is not None


def is_title_like(unit: Unit) -> bool:
    text = unit.text.rstrip()
    return 2 <= unit.words <= 30 and len(text) <= 250 and not re.search(r"[.,;]$", text)


def normalise(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split())


# --- pass 0: units ------------------------------------------------------------------------------


def _trimmed(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start] in _TRIM:
        start += 1
    while end > start and raw[end - 1] in _TRIM:
        end -= 1
    return start, end


def _is_wrapped(lines: list[tuple[int, int]], raw: str) -> bool:
    """Hard-wrapped text (lines broken at a fixed width inside paragraphs)."""
    if len(lines) < 8:
        return False
    lengths = sorted(e - s for s, e in lines)
    mid = lengths[len(lengths) // 2]
    in_band = sum(1 for n in lengths if mid - 25 <= n <= mid + 5)
    open_ended = sum(1 for s, e in lines if not ends_sentence(raw[s:e]))
    return 40 <= mid <= 100 and in_band >= 0.7 * len(lines) and open_ended >= 0.5 * len(lines)


def split_units(raw: str) -> list[Unit]:
    """Lines (or blank-line blocks of hard-wrapped text) with raw offsets, blanks dropped."""
    lines = []
    for match in re.finditer(r"[^\r\n]+", raw):
        start, end = _trimmed(raw, match.start(), match.end())
        if start < end:
            lines.append((start, end))
    if _is_wrapped(lines, raw):
        blocks = []
        for match in re.finditer(r"\S(?:.|\n(?![ \t\u00a0]*\r?\n))*", raw):
            start, end = _trimmed(raw, match.start(), match.end())
            if start < end:
                blocks.append((start, end))
        lines = blocks
    return [Unit(s, e, raw[s:e]) for s, e in lines]


# --- pass 1: prefixes and suffixes --------------------------------------------------------------


def _cut_prefixes(unit: Unit, patterns: Patterns) -> None:
    for _ in range(3):
        for kind, pattern in patterns.prefixes:
            match = pattern.match(unit.text)
            if not match or match.end() == 0:
                continue
            if "date" in match.groupdict() and match.group("date"):
                value = parse_date(match.group("date"))
                if value:
                    unit.date = value
                    unit.date_source = (
                        "metadata"
                        if unit.text[: match.end()].strip().startswith("date")
                        else "dateline"
                    )
            _cut(unit, match.end(), kind, from_start=True)
            break
        else:
            return
        if unit.kind:
            return


def cut_title(title: str, patterns: Patterns) -> str:
    """A title given with the page (record, metadata) without the prefixes its line would lose
    ("UPDATE 2-", "► "); a title that is nothing but such a prefix is left as it is."""
    text = title.strip()
    unit = Unit(0, len(text), text)
    _cut_prefixes(unit, patterns)
    return title if unit.kind else unit.text


def _cut_suffixes(unit: Unit, patterns: Patterns) -> None:
    for kind, pattern in patterns.suffixes:
        match = pattern.search(unit.text)
        if match and match.start() < match.end():
            _cut(unit, match.start(), kind, from_start=False)
            if unit.kind:
                return


def _cut(unit: Unit, at: int, kind: str, from_start: bool) -> None:
    """Cut ``unit.text`` at ``at``: the prefix (or suffix) is removed with ``kind``."""
    if from_start:
        cut = (unit.start, unit.start + at)
        rest = (unit.start + at, unit.end)
    else:
        cut = (unit.start + at, unit.end)
        rest = (unit.start, unit.start + at)
    offset = unit.start
    text = unit.text
    piece = text[rest[0] - offset : rest[1] - offset]
    lead = len(piece) - len(piece.lstrip(_TRIM))
    trail = len(piece) - len(piece.rstrip(_TRIM))
    rest = (rest[0] + lead, rest[1] - trail)
    if rest[0] >= rest[1]:
        unit.kind = kind
        return
    unit.cuts.append((cut[0], cut[1], kind))
    unit.start, unit.end = rest
    unit.text = text[rest[0] - offset : rest[1] - offset]


# --- pass 2: whole units ------------------------------------------------------------------------


def _byline(core: str, patterns: Patterns) -> tuple[str | None, DateValue | None] | None:
    for pattern in patterns.bylines:
        match = pattern.fullmatch(core)
        if not match:
            continue
        groups = match.groupdict()
        date = parse_date(groups["date"]) if groups.get("date") else None
        if groups.get("date") and date is None and not _PLACE_NAME.fullmatch(groups["date"]):
            # "By Sunday, 12 people had died." is not a byline; "By Ibrahim Musa, Maiduguri"
            # is, with the town the writer filed from
            continue
        author = (groups.get("author") or "").strip() or None
        if author and is_date_only(author + " 2000"):
            continue  # "By March" names a month, not a writer; "By Theresa May" names one
        return author, date
    return None


_PLACE_NAME = re.compile(r"[A-Z][\w'’-]+(?:[ /-]+[A-Z][\w'’-]+){0,2}")


def _dateline(core: str, patterns: Patterns) -> tuple[DateValue | None, str] | None:
    """A line that only dates the page: (date, source) or None."""
    if (tail := patterns.date_line_tail.search(core)) and tail.start():
        # "28 January 2019 · 9 min read" (a line that is all tail, "Updated 3 hours ago", is a
        # relative dateline)
        core = core[: tail.start()]
    label = patterns.date_labels.match(core)
    rest = core[label.end() :] if label else core
    value = is_date_only(rest)
    if not value and not label and (place := patterns.date_place.match(core)):
        value = is_date_only(core[place.end() :])  # "ABUJA, 3 March 2023"
    if value:
        updated = bool(label and patterns.updated_labels.match(label.group(0)))
        return value, "updated" if updated else "dateline"
    if patterns.bare_date_labels.fullmatch(core) or patterns.relative_dateline.fullmatch(core):
        return None, "dateline"
    return None


_FIELD_SEP = re.compile(r"\s*\|\s*|\s+[·•]\s+")


def _meta_fields(core: str, patterns: Patterns) -> tuple[str | None, DateValue | None, str] | None:
    """A line of metadata fields joined by ``|`` or `` · `` ("Outlet · 30 October 2022 · By X",
    "Edited by: X | Last updated on: DATE | Via Y"): (author, date, date source), or None."""
    fields = [f.strip() for f in _FIELD_SEP.split(core) if f.strip()]
    if len(core) > 250 or len(fields) < 2:
        return None
    if not any(patterns.meta_field_labels.match(f) for f in fields):
        return None
    bylines = (_byline(f, patterns) for f in fields)
    author = next((b[0] for b in bylines if b and b[0]), None)
    dated = next(((f, v) for f in fields if (v := parse_date(f))), None)
    if dated is None:
        return author, None, "updated"
    field, value = dated
    # a date under "Updated" ranks last; a bare date beside the author is the byline's date
    source = (
        "updated" if patterns.updated_labels.match(field) else "byline" if author else "dateline"
    )
    return author, value, source


def bar_date(core: str) -> DateValue | None:
    """The date a bar of fields gives when one field is nothing but a date (a masthead's "Outlet
    | World | Sunday, March 10, 2019"), else None."""
    fields = [f.strip() for f in _FIELD_SEP.split(core) if f.strip()]
    if len(fields) < 2:
        return None
    return next((v for f in fields if (v := is_date_only(f))), None)


def line_kind(core: str, patterns: Patterns) -> str | None:
    """The kind of the ``line_patterns`` entry that ``core`` fully matches, else None."""
    match = patterns.lines.fullmatch(core)
    return match.lastgroup.split("__")[0] if match and match.lastgroup else None


def classify_unit(unit: Unit, patterns: Patterns) -> None:
    """Pattern classification of one kept unit (pass 2)."""
    core = unit.core
    if not core:
        unit.kind = "navigation"
        return
    kind = line_kind(core, patterns)
    if kind:
        unit.kind = kind
        return
    byline = _byline(core, patterns)
    if byline:
        unit.author, date = byline
        if date:
            unit.date, unit.date_source = date, "byline"
        elif (fields := _meta_fields(core, patterns)) and fields[1]:
            # "Written by X | 12 January 2023 | 5 min read": the date is a field of its own
            unit.date, unit.date_source = fields[1], fields[2]
        unit.kind = "byline" if unit.author else "dateline_metadata"
        return
    dateline = _dateline(core, patterns)
    if dateline:
        unit.date, unit.date_source = dateline
        unit.kind = "dateline_metadata"
        return
    fields = _meta_fields(core, patterns)
    if fields is not None:
        unit.author, date, source = fields
        if date:
            unit.date, unit.date_source = date, source
        unit.kind = "byline"
        return
    if len(core) <= patterns.caption_max_chars and patterns.caption.search(core):
        unit.kind = "caption"
    elif patterns.portrait_caption.fullmatch(core):
        unit.kind = "caption"


# --- pass 3: structure --------------------------------------------------------------------------


def mark_live_blog(units: list[Unit], patterns: Patterns) -> None:
    """A live blog heads each entry with its reporter and age ("Salif O." over "2 hours ago", or
    "Salif O. · 3h"), as a thread heads each comment with its commenter's. Two or more heads in a
    row are a live blog when every entry under them holds a prose paragraph, no head is a handle,
    no reply link or comment heading comes between them, and the entries hold more prose than the
    page above the first head: comments come after the article's prose, as short replies or with
    reply furniture. Its heads are removed (the reporter line as a byline, with no author taken:
    the entries have several reporters, and a short entry title is written the same way; the age
    as a date line that dates nothing), so the comment rules find no commenter there; comments
    under the live blog are still theirs."""
    runs: list[list[tuple[int, int]]] = []
    for head in _entry_heads(units, patterns):
        if runs and _comment_furniture(units, runs[-1][-1][1], head[0], patterns) is None:
            runs[-1].append(head)
        else:
            runs.append([head])
    for run in runs:
        if len(run) >= 2 and _is_live_blog(units, run, patterns):
            for start, stop in run:
                units[start].kind = "byline"
                if stop - start == 2:
                    units[start + 1].kind = "dateline_metadata"


def _entry_heads(units: list[Unit], patterns: Patterns) -> list[tuple[int, int]]:
    """Index ranges (start, stop) of the lines that may head a live blog entry or a comment: a
    name and an age on one line, or a name line over an age line."""
    heads: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        unit, size = units[i], 0
        if unit.kept and not is_body(unit) and len(unit.text) <= 120:
            stamp = _comment_stamp(unit.core, patterns)
            if stamp is not None and _is_age(stamp, patterns):
                size = 1
            elif (
                i + 1 < len(units)
                and units[i + 1].kept
                and len(unit.core) <= 60
                and patterns.comment_user.fullmatch(unit.core)
                and _is_age(units[i + 1].core, patterns)
            ):
                size = 2
        if size:
            heads.append((i, i + size))
        i += size or 1
    return heads


def _comment_furniture(units: list[Unit], start: int, stop: int, patterns: Patterns) -> int | None:
    """The first reply link, comment prompt or comment heading in ``units[start:stop]``."""
    for k in range(start, stop):
        unit = units[k]
        if unit.kind in ("comment_prompt", "comment_meta") or (
            unit.kept and patterns.comment_heading.fullmatch(unit.core)
        ):
            return k
    return None


def _is_live_blog(units: list[Unit], run: list[tuple[int, int]], patterns: Patterns) -> bool:
    """Whether the entries under the heads of ``run`` are a live blog's (``mark_live_blog``)."""
    if any(_looks_like_handle(units[start]) for start, _ in run):
        return False
    last = run[-1][1]
    end = _comment_furniture(units, last, len(units), patterns)  # the comments under it
    spans = [(stop, nxt) for (_, stop), (nxt, _) in itertools.pairwise(run)]
    spans.append((last, len(units) if end is None else end))
    entries = [[u for u in units[a:b] if u.kept and is_body(u)] for a, b in spans]
    if not all(entries):
        return False
    above = sum(u.words for u in units[: run[0][0]] if u.kept and is_body(u))
    return above < sum(u.words for entry in entries for u in entry)


def _looks_like_handle(user: Unit) -> bool:
    """A commenter's line as a thread marks it up: a bullet in front, or an ``@handle``."""
    return user.text.lstrip(_TRIM).startswith(("•", "@", "-", "*")) or "@" in user.text


def mark_comment_threads(units: list[Unit], patterns: Patterns) -> None:
    """A user line followed by an age line opens a comment thread that runs to the article end."""
    ages = [
        i
        for i, u in enumerate(units)
        if u.kept  # not a live blog entry's age (``mark_live_blog``)
        and patterns.comment_age.fullmatch(u.core)
        and not patterns.relative_dateline.fullmatch(u.core)
    ]
    for n, i in enumerate(ages):
        user = units[i - 1] if i > 0 else None
        if user is None or len(user.text) > 60 or is_body(user):
            continue
        if not (_looks_like_handle(user) or len(ages) - n >= 2):
            continue
        if not patterns.comment_user.fullmatch(user.core):
            continue
        for u in units[i - 1 :]:
            if is_archive_byline(u):
                break  # the next article of an archive page
            u.kind = "comment_thread"
        return


_FORM_KINDS = frozenset({"comment_prompt", "signup_form", "share_prompt"})


def mark_comment_forms(units: list[Unit], patterns: Patterns) -> None:
    """An unfilled comment form: from a comment prompt ("Leave a Reply"), the run of form lines
    ("Name *", "Save my name, email...", "Post Comment") and bare field labels ("Website",
    "Name", "Email") is removed; a field label elsewhere is left alone."""
    i = 0
    while i < len(units):
        if units[i].kind != "comment_prompt":
            i += 1
            continue
        j = i + 1
        labels: list[Unit] = []
        while j < len(units):
            unit = units[j]
            if unit.kept and patterns.comment_form_field.fullmatch(unit.core):
                labels.append(unit)
            elif unit.kind not in _FORM_KINDS:
                break
            j += 1
        for unit in labels:
            unit.kind = "comment_prompt"
        i = j


def mark_comment_sections(units: list[Unit], patterns: Patterns) -> None:
    """Reader comments under a comment prompt, count or heading ("Leave a comment", "3 comments",
    "Comments", "टिप्पणियाँ (3)") that comes after the article's prose. The section opens only
    when the comments come next (removed lines such as a form, a sign-in notice or one short
    kept notice may come between; see ``_comments_start``); from there to the end of the article
    every kept or dated line is a comment: the commenters are no authors, their dates do not date
    the page and their lines never make it an archive. A section ends at the next story of an
    archive page (``_next_story``)."""
    prose = False
    i = 0
    while i < len(units):
        unit = units[i]
        i += 1
        if unit.kept and is_body(unit):
            prose = True
            continue
        if not (prose and _opens_comments(unit, patterns)):
            continue
        first = _next_in_play(units, i - 1)
        if first is None or not _comments_start(units, i - 1, first, patterns):
            continue
        if unit.kept:
            unit.kind = "comment_prompt"  # a bare heading ("Discussion")
        i = first
        while i < len(units) and not _next_story(units, i, patterns):
            _into_thread(units[i])
            i += 1


def _opens_comments(unit: Unit, patterns: Patterns) -> bool:
    core = unit.core
    return (
        unit.kind == "comment_prompt"
        or bool(patterns.comment_heading.fullmatch(core))
        or (unit.kept and bool(patterns.comment_count.fullmatch(core)))
    )


def _next_in_play(units: list[Unit], i: int) -> int | None:
    """The first line after ``units[i]`` that is kept or dated (removed furniture skipped)."""
    return next(
        (j for j in range(i + 1, len(units)) if units[j].kept or units[j].date is not None), None
    )


def _comments_start(units: list[Unit], opener: int, first: int, patterns: Patterns) -> bool:
    """Whether comments start at ``first`` under the comment heading or prompt ``opener``: a
    commenter's line or "Name: text" entries there, or right under one short kept line (a notice
    the patterns do not know: "Please keep the conversation civil."). A headline there is the
    next story of an archive whose posts are signed like comments ("Amina H. May 14, 2022 at
    9:40 am" under a post's "2 Comments")."""
    named = _names_comments(units[opener], patterns)
    for j in (first, _next_in_play(units, first)):
        if j is None:
            return False
        if _is_commenter(units, j, patterns) or (named and _named_entries(units, j, patterns)):
            return True
        unit = units[j]
        if not unit.kept or is_body(unit) or unit.words > 20 or _is_headline(unit):
            return False
    return False


def _is_headline(unit: Unit) -> bool:
    """A headline-like line of four words or more that ends no sentence."""
    return unit.words >= 4 and is_title_like(unit) and not ends_sentence(unit.text)


def _names_comments(unit: Unit, patterns: Patterns) -> bool:
    """Whether an opener says it heads comments: a prompt or count ("3 comments", "Leave a
    reply", "Yorumlar (4)") or a comment heading; "Discussion" or "Responses" with no count may
    head the article's own list of statements ("Governor X: ...")."""
    if unit.kind == "comment_prompt" or patterns.comment_count.fullmatch(unit.core):
        return True
    heading = patterns.comment_heading.fullmatch(unit.core)
    return heading is not None and heading.group("loose") is None


def _named_entries(units: list[Unit], first: int, patterns: Patterns) -> bool:
    """Comments written "Name: text" from ``first`` on: such a line, then another within the
    next two kept lines; or one such line that is the last kept line of the article. A single
    "Name: text" line followed by more prose may be the article's own."""
    kept = []
    for k in range(first, len(units)):
        if k > first and _next_story(units, k, patterns):
            break
        if units[k].kept:
            kept.append(bool(patterns.comment_entry.fullmatch(units[k].core)))
    # a run of entries: the first, and another among the next two lines (a comment may have a
    # second paragraph); or one entry alone
    return bool(kept) and kept[0] and (len(kept) == 1 or sum(kept[:3]) >= 2)


def _is_commenter(units: list[Unit], j: int, patterns: Patterns) -> bool:
    """A commenter's line at ``j``: a dated byline ("Abba G. · December 2, 2020"), a name and a
    date or age ("Abba G. - December 2, 2020 at 1:22 pm", "abba_g · 2 Dec 2020 at 13:22",
    "Abba G. · 8 hours ago", "Abba — 3h", with no separator when the date has its time: "Abba
    G. December 2, 2020 at 1:22 pm"), a name over an age line ("2 days ago", "3h"), or a
    name over a date line when it says so ("Abba G. says:") or the date is stamped to the minute
    (a short headline over a date line is the next story's)."""
    unit = units[j]
    if is_archive_byline(unit):
        return True
    if not unit.kept:
        return False
    core = unit.core
    if _stamped_comment(core, patterns):
        return True
    if len(unit.text) > 120 or is_body(unit):
        return False
    if _comment_stamp(core, patterns) is not None:
        return True
    if len(core) > 60 or j + 1 >= len(units) or not patterns.comment_user.fullmatch(core):
        return False
    below = units[j + 1]
    if below.kind == "dateline_metadata" and below.date is not None:
        # "Abba G. says:", or a name over a date stamped to the minute ("May 3, 2022 at 9:12 am")
        return bool(_SAYS.search(core) or _CLOCK.search(below.text))
    return _is_age(below.core, patterns)


def _is_age(text: str, patterns: Patterns) -> bool:
    """A comment's age ("8 hours ago", "il y a 2 jours", "3h"); "Updated 3 hours ago" dates a
    page. Only read next to a commenter's name inside a comment section."""
    if patterns.relative_dateline.fullmatch(text):
        return False
    return bool(patterns.comment_age.fullmatch(text) or patterns.comment_age_short.fullmatch(text))


_SAYS = re.compile(r"(?i)(?:\b(?:says|said|wrote|replied)\s*:?|:)$")


def _comment_stamp(core: str, patterns: Patterns) -> str | None:
    """The date part of a commenter's "name - date" line ("May 3, 2022 at 9:12 am",
    "22/03/2025 à 13h12") or its age ("8 hours ago", "3h"), or None."""
    match = patterns.comment_byline.fullmatch(core)
    if not match:
        return None
    stamp = match.group("date")
    return stamp if is_date_only(stamp) or _is_age(stamp, patterns) else None


_HEAD_END = re.compile(r"\s*:?\s+")


def _stamped_comment(core: str, patterns: Patterns) -> bool:
    """A commenter's name and age or time stamp heading a line that goes on with the comment
    ("Abba G. · 2 hours ago Where was the army?", "Abba G. / 3h: RIP"). Read only where a
    comment section may open."""
    for match in _HEAD_END.finditer(core, 0, 100):
        if match.end() < len(core) and _comment_stamp(core[: match.start()], patterns):
            return True
    return False


def _into_thread(unit: Unit) -> None:
    """A line of a comment section: comment text, a commenter's line or date. Removed lines
    with no date of their own (a "Reply" link, the form, the copyright line) keep their kind."""
    if unit.kept or unit.date is not None or unit.author:
        unit.kind = "comment_thread"
        unit.author, unit.date, unit.date_source = None, None, None


_CLOCK = re.compile(r"\d[:.h]\d\d")  # "9:12 am", "13h12"


def _next_story(units: list[Unit], k: int, patterns: Patterns) -> bool:
    """The next story of an archive page at ``k``: a headline of four words or more, which
    ends no sentence (a comment's last line "Where was the army?", a commenter's "Abba says:"),
    over a dated line and prose. A dated line stamped to the minute with a name in front
    ("Abba G. · December 2, 2020 at 1:22 pm") is the next commenter's, not a story's byline."""
    if _dates_next_story(units, k):
        return True
    if units[k].words < 4 or ends_sentence(units[k].text) or not is_dated_headline(units, k):
        return False
    stamp = _comment_stamp(units[k + 1].core, patterns)
    return stamp is None or not _CLOCK.search(stamp)


def _dates_next_story(units: list[Unit], k: int) -> bool:
    """A date line heading the next story of an archive ("AUGUST 29, 2018" over a headline of four
    words or more). A commenter's date has a name line above it or a time stamp."""
    if k + 1 >= len(units) or units[k + 1].words < 4 or ends_sentence(units[k + 1].text):
        return False
    above = units[k - 1] if k else None
    if above is not None and above.kept and not is_body(above):
        return False  # "Abba G." over "May 14, 2022"
    return not _CLOCK.search(units[k].text) and is_date_headed(units, k + 1)


def is_dated_headline(units: list[Unit], i: int) -> bool:
    """A headline-like line right above a dated line (a removed dateline or byline with a date)
    that is followed by prose: the head of one story in a list of stories."""
    unit = units[i]
    if not unit.kept or is_body(unit) or not is_title_like(unit) or i + 1 >= len(units):
        return False
    dated = units[i + 1]
    if dated.kept or dated.date is None:
        return False
    nxt = next_kept(units, i + 1)
    return nxt is not None and is_body(nxt)


def _is_date_heading(unit: Unit) -> bool:
    """A line that is only a day's date ("SEPTEMBER 3, 2018", "Posted on 3 Sept 2018")."""
    return (
        unit.kind == "dateline_metadata"
        and unit.date is not None
        and unit.date[1] == "day"
        and not unit.author
    )


def is_date_headed(units: list[Unit], i: int) -> bool:
    """A headline right under a date line and over prose, where one short line (a byline the
    patterns do not read, "by admin in News") may come between: the head of one post where a blog
    theme prints the date above the title. Whether the page repeats it is ``split.py``'s call."""
    unit = units[i]
    if i < 1 or not _is_date_heading(units[i - 1]):
        return False
    if not unit.kept or is_body(unit) or not is_title_like(unit):
        return False
    j = _next_kept_index(units, i)
    if j is not None and not is_body(units[j]) and units[j].words <= 8:
        if ends_sentence(units[j].text):
            return False
        j = _next_kept_index(units, j)
    return j is not None and is_body(units[j])


def _next_kept_index(units: list[Unit], i: int) -> int | None:
    return next((j for j in range(i + 1, len(units)) if units[j].kept), None)


def next_kept(units: list[Unit], i: int) -> Unit | None:
    """The first kept unit after ``units[i]``."""
    j = _next_kept_index(units, i)
    return None if j is None else units[j]


def mark_forum_meta(units: list[Unit]) -> None:
    """A date right under a forum member line is when the member joined, not the page date."""
    for prev, unit in itertools.pairwise(units):
        if prev.kind == "comment_meta" and unit.kind == "dateline_metadata":
            unit.kind, unit.date, unit.date_source = "comment_meta", None, None


def mark_after_labels(units: list[Unit], patterns: Patterns) -> None:
    """Lines introduced by a label that announces non-article content."""
    for i, unit in enumerate(units[:-1]):
        nxt = units[i + 1]
        if not nxt.kept:
            continue
        core = unit.core
        if unit.kind == "label" and re.match(
            r"(?i)(image|photo|picture|video) (caption|description)", core
        ):
            nxt.kind = "caption"
        elif unit.kept and (intro := patterns.embedded_intro.search(core)):
            nxt.kind = "embedded"
            if intro.start() == 0:
                unit.kind = "embedded"
            else:
                _cut(unit, unit.text.rindex(intro.group(0)), "embedded", from_start=False)


def mark_excerpts(units: list[Unit], patterns: Patterns) -> None:
    """A sentence right above a link to the rest of its story ("Read more »") is the excerpt of an
    archive's item, prose however short: the dated headline over it heads a story of its own."""
    for unit, nxt in itertools.pairwise(units):
        if (
            unit.kept
            and unit.words >= 4
            and ends_sentence(unit.text)
            and nxt.kind == "teaser"
            and patterns.more_link.fullmatch(nxt.core)
        ):
            unit.excerpt = True


def mark_teaser_lists(units: list[Unit], patterns: Patterns) -> None:
    """Headlines listed under a "Related coverage" / "READ ALSO" / "Related:" heading are
    teasers (a heading is a short teaser line with no colon but a last one; "Read more: X" is
    one teaser of its own). A link to the rest of a story ("Read more »") right above the next
    story of a list of dated stories ends the item before it: it heads no list. Above the first
    line of four words or more, a listed line right over prose is the page's headline under a
    menu's "Latest" or "Trending", not a teaser. A listed headline's date line goes on with the
    list; a headline over a date line and prose after it is the next story, not a teaser."""
    listing = False
    dated = False  # the list went on past a listed headline's date line
    listed = -1  # the last headline marked a teaser here
    lead = True  # no line of four words or more yet: a menu's "Latest" may sit over the headline
    for i, unit in enumerate(units):
        if unit.kind == "teaser" and unit.words <= 5 and ":" not in unit.text.rstrip(" :"):
            listing = not (
                patterns.more_link.fullmatch(unit.core) and _next_kept_is_dated_headline(units, i)
            )
        elif listing and unit.kept and is_title_like(unit) and not is_body(unit):
            if lead and (nxt := next_kept(units, i)) is not None and is_body(nxt):
                listing = False  # the page's own headline, right over its prose
            elif dated and is_dated_headline(units, i):
                listing = False
            else:
                unit.kind, listed = "teaser", i
        elif listing and unit.date is not None and not unit.kept and listed == i - 1:
            dated = True  # "Related: / headline / May 2, 2021 / headline / May 1, 2021"
            continue
        elif unit.kept or unit.kind not in (None, "teaser", "share_counter"):
            listing = False
        dated = False
        lead = lead and not (unit.kept and unit.words >= 4)


def _next_kept_is_dated_headline(units: list[Unit], i: int) -> bool:
    j = _next_kept_index(units, i)
    return j is not None and is_dated_headline(units, j)


def mark_duplicates(units: list[Unit]) -> None:
    """A line seen before (a repeated caption or headline) is dropped the second time."""
    seen: dict[str, str | None] = {}
    for unit in units:
        if len(unit.text) < 15:
            continue
        key = normalise(unit.text)
        if key in seen:
            if unit.kept:
                unit.kind = seen[key] or "duplicate"
        else:
            seen[key] = unit.kind


def mark_video_menus(units: list[Unit]) -> None:
    """Isolated video-player items ("1.75x") only count inside a run of them."""
    for i, unit in enumerate(units):
        if unit.kind != "video_player":
            continue
        near = units[max(0, i - 2) : i + 3]
        if sum(1 for u in near if u.kind == "video_player") < 2 and re.fullmatch(
            r"[\d:]+", unit.text
        ):
            unit.kind = None  # a lone "12:30" is not a player menu


def classify(raw: str, patterns: Patterns) -> list[Unit]:
    """Passes 0-3 over the whole document (per-article passes are in ``split.py``)."""
    units = split_units(raw)
    for unit in units:
        _cut_prefixes(unit, patterns)
        if unit.kept:
            _cut_suffixes(unit, patterns)
        if unit.kept:
            classify_unit(unit, patterns)
    mark_video_menus(units)
    mark_forum_meta(units)
    mark_after_labels(units, patterns)
    mark_live_blog(units, patterns)
    mark_comment_threads(units, patterns)
    mark_comment_forms(units, patterns)
    mark_comment_sections(units, patterns)
    mark_excerpts(units, patterns)
    mark_teaser_lists(units, patterns)
    mark_duplicates(units)
    return units
