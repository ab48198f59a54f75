"""Articles within a page: archive splitting, then each article's header, body and footer zones.

An archive page (a blog's index, a "News you may have missed" digest) holds several articles. It
is recognised by two or more archive bylines (a byline with both an author and a date, such as
``Author: X | Date: 01 November 2021 | Permalink``); each such byline ends an article, and inside
an archive a title-like line between two prose paragraphs starts a new one (digests and articles
whose byline was lost). A list of stories each headed "headline / Posted on July 3, 2022 / prose"
(two or more) is an archive too, each dated headline starting an article; so is one whose archive
bylines each sit right under a headline ("Posted on July 3, 2022 by X"). So is a blog whose theme
prints each post's date above its title ("SEPTEMBER 3, 2018 / headline / prose", a short byline
line allowed under the headline), when two or more such posts follow each other with furniture
closing each ("Share this:", "Posted in News | Leave a comment", "Read more »"): each date line
starts an article; a single date line over a headline is one story's dateline. A "Read more »"
link at the end of an item is removed on its own and leaves the next item's headline in place
(``text.mark_teaser_lists``); the excerpt above it is prose however short (``text.mark_excerpts``).

Per article, the header zone is everything before the first prose paragraph: the headline is
chosen there (by overlap with the URL slug, else the first line of four or more words) and stays
in the text; short lines around it (site name, section, kicker, image caption) are dropped.
After the last prose paragraph, short lines are footer furniture.
"""

from __future__ import annotations

import re
from itertools import pairwise
from urllib.parse import unquote, urlsplit

from sitrep.clean.patterns import Patterns
from sitrep.clean.text import (
    Unit,
    bar_date,
    ends_sentence,
    is_archive_byline,
    is_body,
    is_date_headed,
    is_dated_headline,
    is_title_like,
    next_kept,
    words,
)

_STOP = frozenset(
    "the a an and or of in on at to for from by with is are was were be has have had as its it "
    "this that after over into says said new news article story html php index amp".split()
)
_FINITE = re.compile(
    r"(?i)\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must|"
    r"shall|should|did|does|do|said|says|say|told|tells|according|reported|claimed|came|went|took|"
    r"gave|made|left|fled|fell|held|began|begun|struck|found|saw|seen|got|ran|rose|shot|hit|met|"
    r"kept|led|lost|paid|sent|set|spent|stood|thought|knew|known|brought|bought|caught|fought|"
    r"sought|taught|felt|heard|meant|put|read|won|wore|wrote|written|spoke|spoken|broke|chose|"
    r"drove|flew|froze|grew|hid|lay|lies|lit|rode|rang|sang|sank|slew|spread|stole|stuck|swore|"
    r"threw|thrown|tore|woke|blew|blown|became|become|remains?|appears?|seems?|means?|shows?|"
    r"says?|goes|takes?|makes?|gives?|comes?|looks?|believes?|continues?|includes?|needs?)\b"
)
_PAST = re.compile(r"(?i)\b[a-z]{3,}ed\b")
_FIGURE = re.compile(
    r"(?i)\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|"
    r"hundreds?|thousands?)\b"
)


def segments(units: list[Unit]) -> list[list[Unit]]:
    """The articles of the page, as runs of units (one run when it is not an archive)."""
    bylines = [i for i, u in enumerate(units) if is_archive_byline(u)]
    heads = [i for i in range(len(units)) if is_dated_headline(units, i)]
    # posts headed "SEPTEMBER 3, 2018 / headline / prose": each date line starts one (a headline
    # right under one of them is no head of its own)
    above = _date_headed_posts(units)
    heads = sorted({*above, *(i for i in heads if i - 1 not in above)})
    # bylines under their headlines ("headline / Posted on July 3, 2022 by X / prose") head
    # their stories; elsewhere a byline ends its story
    leading = len(heads) >= 2 and all(i - 1 in heads or i - 2 in above for i in bylines)
    if len(bylines) < 2 or leading:
        if len(heads) < 2:
            return [units]
        # a list of stories, each "headline / Posted on July 3, 2022 / prose": each headline
        # starts one; what comes before the first (site name, section) is a run of its own
        bounds = [0, *heads, len(units)] if heads[0] > 0 else [*heads, len(units)]
        return [units[a:b] for a, b in pairwise(bounds)]
    runs: list[list[Unit]] = []
    current: list[Unit] = []
    for i, unit in enumerate(units):
        if current and unit.kept and _starts_article(units, i, current):
            runs.append(current)
            current = []
        current.append(unit)
        if is_archive_byline(unit):
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


# Furniture that closes a blog post: share bars, "Posted in News | Leave a comment", "Read more »",
# its comments
_CLOSING = frozenset(
    {"share_prompt", "comment_prompt", "comment_thread", "navigation", "teaser", "share_counter"}
)


def _date_headed_posts(units: list[Unit]) -> list[int]:
    """The date lines that head the posts of an archive printing each post's date above its
    title, when there are two or more and every post after the first follows furniture closing
    the one before. One date line over a headline is a single story's dateline."""
    found: list[int] = []
    for i in range(1, len(units)):
        if is_date_headed(units, i) and (not found or _closed(units, found[-1], i - 1)):
            found.append(i - 1)
    return found if len(found) >= 2 else []


def _closed(units: list[Unit], start: int, end: int) -> bool:
    """Prose after ``start`` and, between the last of it and ``end``, closing furniture."""
    body = max(
        (k for k in range(start + 1, end) if units[k].kept and is_body(units[k])), default=None
    )
    return body is not None and any(units[k].kind in _CLOSING for k in range(body + 1, end))


def _starts_article(units: list[Unit], i: int, current: list[Unit]) -> bool:
    """Inside an archive: a title-like line after prose and before prose starts an article."""
    unit = units[i]
    if is_body(unit) or not is_title_like(unit):
        return False
    prev = next((u for u in reversed(current) if u.kept), None)
    if prev is None or not is_body(prev):
        return False
    nxt = next_kept(units, i)
    if nxt is not None and not is_body(nxt) and words(nxt.text) <= 6:
        nxt = next_kept(units, units.index(nxt))  # an image caption under the headline
    return nxt is not None and is_body(nxt)


# --- zones of one article -----------------------------------------------------------------------


def slug_words(url: str | None) -> set[str]:
    """Content words of the URL's last path segment (the headline slug), if it has enough."""
    if not url:
        return set()
    path = unquote(urlsplit(url).path).rstrip("/")
    last = re.sub(r"\.(html?|php|aspx?|cms|shtml)$", "", path.rsplit("/", 1)[-1])
    found = {w for w in re.split(r"[-_+.\s]+", last.lower()) if len(w) >= 3 and w.isalpha()}
    found -= _STOP
    return found if len(found) >= 4 else set()


def _overlap(text: str, slug: set[str]) -> int:
    return len({w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 3} & slug)


def _choose_title(candidates: list[Unit], slug: set[str], archive: bool) -> Unit | None:
    usable = [u for u in candidates if " | " not in u.text and not u.text.endswith("|")]
    if archive:
        return usable[0] if usable and is_title_like(usable[0]) else None
    if slug:
        scored = max(usable, key=lambda u: _overlap(u.text, slug), default=None)
        if scored is not None and _overlap(scored.text, slug) >= 2:
            return scored
        usable = [u for u in usable if not _off_slug(u, slug)]
    return next((u for u in usable if _headline_size(u) and is_title_like(u)), None)


def _headline_size(unit: Unit) -> bool:
    """Four words, or three and a number ("Militants kill 14 soldiers")."""
    return unit.words >= 4 or (unit.words == 3 and bool(re.search(r"\d", unit.text)))


def _off_slug(unit: Unit, slug: set[str], most: int = 8) -> bool:
    """A short line sharing nothing with the headline slug: a site name or section (or, above
    the headline, a site's tag line of up to ``most`` words)."""
    text = unit.text
    return (
        _overlap(text, slug) < 2
        and unit.words <= most
        and not ends_sentence(text)
        and not _FIGURE.search(text)
    )


def mark_header(run: list[Unit], url: str | None, archive: bool) -> None:
    """Choose the headline and drop the short furniture around it."""
    zone: list[Unit] = []
    for unit in run:
        if unit.kept and (is_body(unit) or (unit.words >= 6 and unit.text.endswith("."))):
            break  # prose starts: a paragraph, or at least a full sentence
        zone.append(unit)
    candidates = [u for u in zone if u.kept]
    slug = set() if archive else slug_words(url)
    title = _choose_title(candidates, slug, archive)
    if title is not None:
        title.title = True
    seen_title = False
    prev: Unit | None = None
    for unit in zone:
        if unit is title:
            seen_title = True
        elif unit.kept:
            above = title is not None and not seen_title
            unit.kind = _header_kind(unit, prev, slug, seen_title, above)
            if unit.kind == "masthead" and (date := bar_date(unit.core)):
                # a section bar's date ("Outlet | World | Sunday, March 10, 2019"): the day the
                # page was published or viewed, so it dates the page only when nothing else does
                unit.date, unit.date_source = date, "masthead"
        prev = unit


def _header_kind(
    unit: Unit, prev: Unit | None, slug: set[str], after_title: bool, above_title: bool = False
) -> str | None:
    text = unit.text
    if " | " in text or text.endswith("|"):
        return "masthead"
    if _FIGURE.search(text):
        return None  # a headline or kicker with a number may hold a casualty figure
    if unit.words <= 4 and not text.endswith("."):
        return "header" if after_title else "masthead"
    if slug and _off_slug(unit, slug, 15 if above_title else 8):
        return "masthead"  # above the headline, a tag line: "Independent reporting on ..."
    if after_title and prev is not None and prev.kind == "header" and not ends_sentence(text):
        return "caption"  # a caption's title line, then its description
    return None


def mark_footer(run: list[Unit]) -> None:
    """Short lines after the last prose paragraph: links, tags, sign-offs."""
    last = max((i for i, u in enumerate(run) if u.kept and is_body(u)), default=None)
    if last is None:
        return
    tail = run[last + 1 :]
    for i, unit in enumerate(tail):
        if unit.heading and any(u.kept for u in tail[i + 1 :]):
            continue  # a subheading with text under it
        if unit.kept and unit.words <= 6 and not ends_sentence(unit.text) and not _fragment(unit):
            unit.kind = "footer"


def _fragment(unit: Unit) -> bool:
    """A sentence cut short (a truncated page), not a link: commas or several lowercase words."""
    lower = [w for w in unit.text.split() if w[:1].islower() and len(w) > 3]
    return "," in unit.text or len(lower) >= 2


def mark_tag_lists(run: list[Unit]) -> None:
    """Three or more one-to-three-word lines in a row: a tag or topic list."""
    streak: list[Unit] = []
    for unit in [*run, None]:
        if unit is not None and unit.kept and unit.words <= 3 and not ends_sentence(unit.text):
            if not (unit.title or unit.heading):
                streak.append(unit)
                continue
        if len(streak) >= 3:
            for u in streak:
                u.kind = "tag_list"
        streak = []


def is_verbless_caption(unit: Unit, patterns: Patterns) -> bool:
    """A one-sentence noun phrase ("Men digging graves for victims ... in Kabul."). The verbs
    looked for are English: a line in another language is never one (``other_language``). A
    present-tense verb the list lacks ("mount", "cause") passes for none, so a line with a sign
    of prose (``prose_markers``: a second clause, an adverb of frequency) is never one either."""
    text = unit.text
    if unit.title or not text.endswith(".") or not 5 <= unit.words <= 30:
        return False
    if re.search(r"\d|[\"“”]|\. [A-Z]", text) or not text[0].isupper():
        return False
    if _FINITE.search(text) or _PAST.search(text) or patterns.prose_markers.search(text):
        return False
    return not other_language(text, patterns)


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def other_language(text: str, patterns: Patterns) -> str | None:
    """The language other than English ``text`` is written in, by its function words: two or
    more of one language's, and more than it has English ones; else None."""
    tokens = [t.casefold() for t in _LETTER_RUN.findall(text)]
    english = dict(patterns.function_words).get("en", frozenset())
    best, count = None, max(1, sum(t in english for t in tokens))
    for lang, vocab in patterns.function_words:
        n = sum(t in vocab for t in tokens) if lang != "en" else 0
        if n > count:
            best, count = lang, n
    return best


_LINKED_TITLE = re.compile(
    r"[^.!?]{10,200}\s[-–|]\s(?:[A-Z][\w.&'’]*\s?){1,4}"  # "Headline - Outlet Name"
)


def mark_body_captions(run: list[Unit], patterns: Patterns) -> None:
    """Captions and linked headlines of other stories inside the body."""
    in_body = False
    for unit in run:
        if unit.kept and is_body(unit):
            in_body = True
        if not unit.kept or unit.title:
            continue
        if is_verbless_caption(unit, patterns):
            unit.kind = "caption"
        elif in_body and is_title_like(unit) and _LINKED_TITLE.fullmatch(unit.text):
            unit.kind = "teaser"


def cut_glued_caption(run: list[Unit], patterns: Patterns) -> None:
    """In archives, an image caption glued to the first paragraph ("Al-Hawl refugee campSouth")."""
    title_seen = False
    for unit in run:
        if unit.title:
            title_seen = True
            continue
        if not (title_seen and unit.kept):
            continue
        head = unit.text[:60]
        for match in re.finditer(r"(?<=[a-z])(?=[A-Z][a-z])|(?<=[A-Z])(?=[A-Z][a-z]{2})", head):
            prefix = unit.text[: match.start()]
            token = prefix.rsplit(" ", 1)[-1] + unit.text[match.start() :].split(" ", 1)[0]
            if any(token.startswith(w) for w in patterns.camel_case_words):
                continue
            if len(prefix) < 5 or words(prefix) > 6 or re.search(r"[.!?,;:]", prefix):
                continue
            if re.match(r"(Mc|Mac|O’|O')$", prefix.rsplit(" ", 1)[-1]):
                continue
            unit.cuts.append((unit.start, unit.start + match.start(), "caption"))
            unit.text = unit.text[match.start() :]
            unit.start += match.start()
            break
        return


def mark_author_bio(run: list[Unit], author: str | None, patterns: Patterns) -> None:
    """The author's biography after the article's prose: an "About the author" heading and the
    paragraph under it (a name line may come between), or a paragraph that starts with the
    byline's author and says what they are ("Amina Hassan is a correspondent based in ...")."""
    prose = False
    heading = False
    for unit in run:
        if not unit.kept or unit.title:
            continue
        if heading:
            unit.kind = "author_bio"
            heading = not is_body(unit) and unit.words <= 4  # the author's name over the bio
            continue
        if prose and patterns.author_bio_heading.fullmatch(unit.core):
            unit.kind, heading = "author_bio", True
        elif (
            prose
            and author
            and unit.text.startswith(author)
            and patterns.author_bio.match(unit.text, len(author))
        ):
            unit.kind = "author_bio"
        elif is_body(unit):
            prose = True


def article_zones(
    run: list[Unit], url: str | None, archive: bool, patterns: Patterns, author: str | None = None
) -> None:
    """All per-article passes, in order. ``author`` is the page metadata's, if any; the
    article's own byline comes first."""
    mark_header(run, url, archive)
    if archive:
        cut_glued_caption(run, patterns)
    mark_tag_lists(run)
    byline = next((u.author for u in run if u.kind == "byline" and u.author), None)
    mark_author_bio(run, byline or (None if archive else author), patterns)
    mark_footer(run)
    mark_body_captions(run, patterns)
