"""HTML documents: trafilatura finds the main text and metadata, then the plain-text cleaner runs.

The text the line cleaner sees is the headline (trafilatura's title) and trafilatura's main text,
joined by a blank line. Offsets: each kept piece is looked up verbatim in ``doc.raw`` (the HTML),
first whole, then sentence by sentence; what is found gets a ``Span`` into the HTML, what is not
(text split by inline tags or written with entities) maps to None. Removed pieces get their HTML
offsets the same way, or ``start == end == -1`` when they do not occur verbatim. What trafilatura
itself discards (menus, footers, scripts) is not listed in ``removed``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from sitrep.records import Article, Document, Removed, Span

_PIECES = re.compile(r"[^.!?”\"]+[.!?”\"]*\s*")


def extract(html: str, url: str | None = None) -> tuple[str, dict[str, str | None]]:
    """(text, metadata) of an HTML page; metadata keys: title, author, date, sitename."""
    import trafilatura

    result: Any = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    if result is None:
        return trafilatura.html2txt(html) or "", {}
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    meta = {k: data.get(k) for k in ("title", "author", "date", "sitename")}
    text = data.get("text") or ""
    title = meta.get("title")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return text, meta


def _locate(raw: str, piece: str, cursor: int) -> int:
    found = raw.find(piece, cursor)
    return found if found >= 0 else raw.find(piece)


def _remap_spans(raw: str, text: str, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """Spans into ``text`` (trafilatura's) → spans into ``raw`` where the text is verbatim."""
    out: list[Span] = []
    cursor = 0
    for span in spans:
        piece = text[span.raw_start : span.raw_start + span.length]
        at = _locate(raw, piece, cursor)
        if at >= 0:
            out.append(Span(span.clean_start, at, span.length))
            cursor = at + span.length
            continue
        for match in _PIECES.finditer(piece):
            sub = match.group(0).strip()
            if len(sub) < 8:
                continue
            offset = match.start() + match.group(0).index(sub)
            at = _locate(raw, sub, cursor)
            if at >= 0:
                out.append(Span(span.clean_start + offset, at, len(sub)))
                cursor = at + len(sub)
    return tuple(out)


def clean_html(doc: Document):  # -> Cleaned (imported lazily to avoid a cycle)
    from sitrep.clean import Cleaned, clean_text

    text, meta = extract(doc.raw, doc.url)
    cleaned = clean_text(doc, raw=text, metadata=meta)
    articles: list[Article] = [
        replace(a, offsets=_remap_spans(doc.raw, text, a.offsets)) for a in cleaned.articles
    ]
    removed: list[Removed] = []
    for r in cleaned.removed:
        at = doc.raw.find(r.text) if r.text else -1
        start, end = (at, at + len(r.text)) if at >= 0 else (-1, -1)
        removed.append(replace(r, start=start, end=end))
    return Cleaned(articles=tuple(articles), removed=tuple(removed))
