"""clean: Documents → Articles (clean text, title, author, date, publisher) + what was removed.

``clean_document(doc)`` is the one entry point. Plain text goes through a line classifier
(``text.py``) whose patterns are data (``data/boilerplate.yaml``); archive pages are split into
articles (``split.py``); HTML goes through trafilatura first (``html.py``); Markdown is rendered to
plain text first, its front matter read as metadata (``markdown.py``).

Offsets. ``Article.text`` is the kept units joined by ``"\\n\\n"`` (or by a space where a line
was broken mid-sentence); each kept unit is a verbatim slice of the raw text and has one
``Span(clean_start, raw_start, length)``, so ``raw[raw_offset(i)] == text[i]`` for every char
that maps (inserted separators map to None). ``Removed.start/end`` are offsets into
``Document.raw``. For HTML the units come from trafilatura's text, not from ``raw``: spans and
removed offsets point into ``doc.raw`` only where the text occurs there verbatim (see
``html.py``); elsewhere a char maps to None and a removed piece has ``start == end == -1``.
For Markdown the cleaner runs on the rendered text (markup deleted, nothing inserted) and a kept
unit gets one ``Span`` per run of raw chars between deleted markup (``markdown.py``): the mapping
stays exact for every kept char. Inline markup (``**``, ``](url)``) is not listed as removed.

Dates. Each article's ``published`` comes from the first of: its byline, page metadata (HTML
metadata, Markdown front matter or a scraper's `` date YYYY-MM-DD `` header), the ingest record's date, a date line in
the header zone, the URL path, an "Updated ..." line, a date in the masthead's bar of fields
("Outlet | World | Sunday, March 10, 2019"), and last the newest dated item the page
embeds (``embedded``: an embedded tweet's signature, a photo caption's date line; removed or kept
furniture only, never story text). A page dated only by month or year (a URL's ``/2022/10/``)
takes the newest embedded day or "Updated" stamp inside that period as its day, with source
``"url+embedded"`` (or ``"<source>+updated"``); a day outside the period is ignored, and a
day-precise date is never changed (``dates.estimate_day``). Articles of an archive page only take
the date of their own byline, else of the dated line under (or, on some blogs, above) their
headline. ``date_source`` names
the source.

Nothing is lost silently: a document with no article text still yields one Article with empty
text, and every dropped piece is listed in ``Cleaned.removed`` with a kind (``REMOVED_KINDS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sitrep.clean.dates import (
    DateValue,
    date_from_url,
    estimate_day,
    furniture_date,
    normalise_record_date,
)
from sitrep.clean.genre import genre_of
from sitrep.clean.patterns import load_patterns
from sitrep.clean.split import article_zones, segments
from sitrep.clean.text import (
    Unit,
    classify,
    cut_title,
    ends_sentence,
    is_archive_byline,
    is_body,
)
from sitrep.records import Article, Document, Removed, Span

__all__ = ["REMOVED_KINDS", "Cleaned", "clean_document", "clean_text", "describe_kind"]

REMOVED_KINDS: dict[str, str] = {
    "ad": "advertisement marker",
    "share_prompt": "share / follow / social prompt",
    "comment_prompt": "comment prompt or comment form",
    "comment_thread": "reader comments (user names, ages, votes, replies)",
    "comment_meta": "forum member line or join date",
    "signup_form": "sign-up or newsletter form",
    "cookie_notice": "cookie notice",
    "navigation": "navigation, menus, site links",
    "teaser": "link or teaser to another story",
    "video_player": "video player menu",
    "share_counter": "share or view counter",
    "reading_time": "reading time or page tool",
    "credit": "credit, source line or sign-off",
    "source_credit": "source name after a quotation",
    "wire_note": 'news agency\'s version note ("(Adds quotes in paragraph 3)", "UPDATE 2-")',
    "disclaimer": "legal disclaimer",
    "label": "label with no content of its own",
    "masthead": "site name, section or kicker above the headline",
    "header": "short line under the headline (image caption, kicker)",
    "caption": "image caption or photo credit",
    "byline": "byline (author, date) — kept as metadata",
    "dateline_metadata": "date line — kept as metadata",
    "embedded_tweet": "embedded tweet link and attribution",
    "embedded": "embedded content from elsewhere (a review, a testimonial)",
    "front_matter": "Markdown front matter — kept as metadata",
    "markup": "Markdown syntax with no text (rules, code fences, link definitions)",
    "duplicate": "repeated line",
    "tag_list": "tag or topic list",
    "footer": "short line after the article",
    "author_bio": "the author's biography after the article",
}


def describe_kind(kind: str) -> str:
    """A human-readable label for a ``Removed.kind`` (for ``sitrep show DOC --removed``)."""
    return REMOVED_KINDS.get(kind, kind.replace("_", " "))


@dataclass(frozen=True, slots=True)
class Cleaned:
    articles: tuple[Article, ...]
    removed: tuple[Removed, ...]


# Date sources in order of trust; a later source is used only when no earlier one gave a date.
# Dated furniture ("embedded", ``dates.estimate_day``) comes after all of them; it also narrows a
# month or a year to a day.
# A masthead's date comes last: a section bar may show the day the page was viewed, not written.
_DATE_ORDER = ("byline", "metadata", "record", "dateline", "url", "updated", "masthead")


def _publisher(doc: Document, metadata: str | None = None) -> str | None:
    if doc.publisher:
        return doc.publisher
    if metadata:
        return metadata
    if doc.url:
        host = urlsplit(doc.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _join(raw_units: list[Unit]) -> tuple[str, tuple[Span, ...]]:
    """Kept units joined with blank lines (a space inside a sentence broken across lines)."""
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    prev: Unit | None = None
    for unit in raw_units:
        if prev is not None:
            joined = not prev.title and not ends_sentence(prev.text) and unit.text[:1].islower()
            sep = " " if joined else "\n\n"
            parts.append(sep)
            pos += len(sep)
        spans.append(Span(clean_start=pos, raw_start=unit.start, length=len(unit.text)))
        parts.append(unit.text)
        pos += len(unit.text)
        prev = unit
    return "".join(parts), tuple(spans)


def _best_date(candidates: list[tuple[DateValue, str]]) -> tuple[DateValue | None, str | None]:
    for source in _DATE_ORDER:
        for value, src in candidates:
            if src == source:
                return value, src
    return None, None


def _run_dates(run: list[Unit], header_end: int) -> list[tuple[DateValue, str]]:
    found = []
    for i, unit in enumerate(run):
        if unit.date is None or unit.date_source is None:
            continue
        source = unit.date_source
        if source == "dateline" and i > header_end:
            source = "updated"  # a date line deep in the page is rarely the publication date
        found.append((unit.date, source))
    return found


def _embedded_days(run: list[Unit], raw: str) -> list[str]:
    """Days of the dated furniture of one article: its units (kept or removed) and the pieces
    cut off them (a tweet signature cut off a paragraph's end)."""
    days: set[str] = set()
    for unit in run:
        pieces = [(unit.text, unit.kind), *((raw[s:e], k) for s, e, k in unit.cuts)]
        for text, kind in pieces:
            if day := furniture_date(text, kind):
                days.add(day)
    return sorted(days)


def _removed(doc_id: str, units: list[Unit]) -> list[Removed]:
    """Removed pieces; neighbouring units of the same kind become one piece."""
    pieces: list[tuple[int, int, str]] = []
    for unit in units:
        pieces.extend(unit.cuts)
        if not unit.kept:
            pieces.append((unit.start, unit.end, unit.kind or "removed"))
    pieces.sort()
    return [Removed(doc_id, s, e, k, "") for s, e, k in pieces]


def _merge_removed(raw: str, removed: list[Removed]) -> tuple[Removed, ...]:
    merged: list[Removed] = []
    for r in removed:
        last = merged[-1] if merged else None
        if (
            last
            and last.kind == r.kind
            and r.start >= last.end
            and not raw[last.end : r.start].strip()
        ):
            merged[-1] = Removed(last.document_id, last.start, r.end, r.kind, "")
        else:
            merged.append(r)
    return tuple(
        Removed(r.document_id, r.start, r.end, r.kind, raw[r.start : r.end]) for r in merged
    )


def clean_text(
    doc: Document,
    raw: str | None = None,
    metadata: dict[str, str | None] | None = None,
    headings: frozenset[int] = frozenset(),
) -> Cleaned:
    """Clean plain text (``doc.raw`` unless ``raw`` is given, e.g. trafilatura's text or rendered
    Markdown, whose heading lines start at the offsets in ``headings``)."""
    raw = doc.raw if raw is None else raw
    metadata = metadata or {}
    patterns = load_patterns()
    units = classify(raw, patterns)
    for unit in units:
        unit.heading = unit.start in headings
    runs = segments(units)
    archive = len(runs) > 1
    articles: list[Article] = []
    for run in runs:
        article_zones(run, doc.url, archive, patterns, metadata.get("author"))
        kept = [u for u in run if u.kept]
        if archive and not any(is_body(u) for u in kept):
            # a list's heading ("Latest from the Sahel", a site's tag line) or what follows the
            # list ("« Older Entries"), not an article
            for unit in kept:
                unit.kind, unit.title = "footer" if articles else "masthead", False
            continue
        articles.append(_article(doc, raw, run, kept, archive, metadata, len(articles)))
    if not articles:
        articles.append(_article(doc, raw, units, [], False, metadata, 0))
    removed = _merge_removed(raw, _removed(doc.id, units))
    return Cleaned(articles=tuple(articles), removed=removed)


def _article(
    doc: Document,
    raw: str,
    run: list[Unit],
    kept: list[Unit],
    archive: bool,
    metadata: dict[str, str | None],
    index: int,
) -> Article:
    text, spans = _join(kept)
    title_unit = next((u for u in kept if u.title), None)
    header_end = next((i for i, u in enumerate(run) if u.kept and not u.title), len(run))
    candidates = _run_dates(run, header_end)
    # a byline's author, not a commenter's name
    author = next((u.author for u in run if u.author and u.kind == "byline"), None)
    author = author or metadata.get("author")
    if archive:
        # an archive's articles are dated by their own bylines, else by the dated line under
        # their headline ("Posted on July 3, 2022")
        own = [(u.date, "byline") for u in run if is_archive_byline(u) and u.date]
        # (a masthead's date is the site's, above all its articles)
        candidates = own or [c for c in candidates if c[1] not in ("updated", "masthead")]
    else:
        meta_date = normalise_record_date(metadata.get("date"))
        if meta_date:
            candidates.append((meta_date, "metadata"))
        record = normalise_record_date(doc.published)
        if record:
            candidates.append((record, "record"))
        url_date = date_from_url(doc.url)
        if url_date:
            candidates.append((url_date, "url"))
    value, source = _best_date(candidates)
    if not archive and (value is None or value[1] != "day"):
        # an archive's articles are dated by their own lines only, never by embedded furniture
        value, source = estimate_day(value, source, candidates, _embedded_days(run, raw))
    title = " ".join(title_unit.text.split()) if title_unit else None
    if title is None and index == 0 and not archive:
        given = metadata.get("title") or doc.title
        # the record's title loses what its line would ("UPDATE 2-Turkey strikes ...")
        title = cut_title(given, load_patterns()) if given else given
    return Article(
        document_id=doc.id,
        index=index,
        text=text,
        title=title,
        author=author,
        published=value[0] if value else None,
        date_precision=value[1] if value else None,  # type: ignore[arg-type]
        date_source=source,
        publisher=_publisher(doc, metadata.get("sitename")),
        offsets=spans,
        genre=genre_of(run, title, doc.url, load_patterns(), own_url=not archive),
    )


def clean_document(doc: Document) -> Cleaned:
    """The articles of one document and every piece of it that was dropped."""
    if doc.content_type == "html":
        from sitrep.clean.html import clean_html

        return clean_html(doc)
    from sitrep.clean.markdown import clean_markdown, is_markdown

    if is_markdown(doc):
        return clean_markdown(doc)
    return clean_text(doc)
