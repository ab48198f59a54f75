"""Markdown documents: front matter as metadata, markup stripped, then the plain-text cleaner.

A document is Markdown when its origin ends in ``.md`` (``.markdown``...), or when its text opens
with YAML front matter, or when it uses enough Markdown syntax (headings, links, images, strong
emphasis; see ``looks_like_markdown``).

``render`` turns the raw Markdown into plain text by *deleting* characters only, line by line:
front matter, heading markers, list and quote markers, emphasis delimiters, link syntax
(``[text](url)`` → ``text``), images, inline HTML tags and escape backslashes. Whole lines that are
only links between separators (breadcrumbs, menus, share bars, "Read next" lists) and link
definitions are dropped. Because nothing is inserted, every rendered char is one raw char: the
``Rendering`` keeps the map as runs, and the plain-text cleaner's spans and removed pieces are
mapped back to ``doc.raw`` exactly (a clean span that crosses deleted markup becomes several
``Span``s). Removed pieces list the front matter, images and dropped lines; deleted inline syntax
(``**``, ``](url)``) is markup, not page content, and is not listed.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import yaml

from sitrep.clean.patterns import Patterns, load_patterns
from sitrep.clean.text import line_kind
from sitrep.datafiles import load_yaml
from sitrep.records import Document, Removed, Span

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

_FRONT_MATTER = re.compile(
    r"\A\ufeff?(?:[ \t]*\r?\n)*(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.{0,8000}?)\r?\n"
    r"(?:(?P=fence)|\.\.\.)[ \t]*(?:\r?\n|\Z)",
    re.DOTALL,
)
_FRONT_KEY = re.compile(r"(?m)^(?P<key>[A-Za-z_][\w -]{0,40}?)\s*[:=][ \t]*(?P<value>.*)$")

# Syntax that marks a text as Markdown (counted by ``looks_like_markdown``).
_SIGNALS = {
    "heading": re.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+\S"),
    "link": re.compile(r"(?<!!)\[[^\[\]\n]{1,300}\]\([^()\s]{0,500}(?:\s+\"[^\"\n]*\")?\)"),
    "image": re.compile(r"!\[[^\[\]\n]{0,300}\]\([^()\n]{0,500}\)"),
    "strong": re.compile(r"(?<![\w*])\*\*(?=[^\s*])[^*\n]{1,300}?(?<=[^\s*])\*\*(?![\w*])"),
}

# Block-level markup at the start of a line.
_THEMATIC_BREAK = re.compile(
    r"[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)"
)
_CODE_FENCE = re.compile(r"[ \t]{0,3}(?:`{3,}|~{3,})[^`]*")
_LINK_DEFINITION = re.compile(r"[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*")
_TABLE_RULE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_QUOTE_MARKER = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
_LIST_MARKER = re.compile(r"[ \t]*[-*+][ \t]+(?:\[[ xX]\][ \t]+)?")

# Inline markup, applied in this order to a line's text. Group "keep" is kept, the rest deleted.
_ESCAPE = re.compile(r"\\(?P<keep>[!-/:-@\[-`{-~])")
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\((?:[^()\n]|\([^()\n]*\))*\)|!\[[^\[\]\n]*\]\[[^\]\n]*\]")
_INLINE = (
    re.compile(r"\[\^[^\]\n]+\]"),  # footnote reference
    re.compile(r"<!--.*?-->"),
    re.compile(
        r"</?(?:a|b|i|u|em|strong|span|small|sup|sub|mark|cite|br|div|p|font|abbr|time|img)\b"
        r"[^<>\n]*>",
        re.IGNORECASE,
    ),
    re.compile(r"\[(?P<keep>[^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)"),
    re.compile(r"\[(?P<keep>[^\[\]\n]+)\]\[[^\]\n]*\]"),
    re.compile(r"<(?P<keep>(?:https?|mailto):[^<>\s]+)>"),
    re.compile(r"(?<!`)(`+)(?P<keep>[^`\n]+?)\1(?!`)"),
    re.compile(r"~~(?=\S)(?P<keep>.+?)(?<=\S)~~"),
)
# Emphasis: a delimiter run that opens before a non-space and closes after one; ``_`` never
# inside a word (snake_case, URLs). Run repeatedly for nesting (``**a *b* c**``).
_EMPHASIS = (
    re.compile(r"(?<![\w*\\])(\*{1,3})(?=[^\s*])(?P<keep>.+?)(?<=[^\s*\\])\1(?![\w*])"),
    re.compile(r"(?<![\w_\\])(_{1,3})(?=[^\s_])(?P<keep>.+?)(?<=[^\s_\\])\1(?![\w_])"),
)
# What may stand between the links of a navigation line: separators, and a short label in front.
_LINK_ANY = re.compile(r"!?\[[^\[\]\n]*\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])")
_LINK_ITEM = re.compile(
    r"[ \t]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?[*_]{0,3}!?\[[^\[\]\n]*\]\([^()\n]*\)[*_]{0,3}[ \t]*"
)
_LINK_LABEL = re.compile(r"\A[^\[\]:]{1,40}:")
_SEPARATORS = re.compile(r"[\s*_›»>/|·•,;:–—\-]*")

_ESCAPED = "\x01"  # stands for an escaped char in the text regexes see


@dataclass(frozen=True, slots=True)
class Rendering:
    """Markdown rendered as plain text, with the map back to the raw text."""

    text: str
    runs: tuple[tuple[int, int, int], ...]  # (text_start, raw_start, length), in order
    metadata: dict[str, str | None]
    removed: tuple[tuple[int, int, str], ...]  # raw (start, end, kind)
    headings: frozenset[int] = frozenset()  # text offsets where a heading's text starts
    starts: tuple[int, ...] = ()  # text_start of each run, for bisection
    lines: tuple[tuple[int, int, int, int], ...] = ()  # rendered start/end, raw start/end

    def raw_range(self, start: int, end: int) -> tuple[int, int]:
        """Raw range of rendered ``[start, end)``; a piece reaching a line's edge takes the raw
        line's markup with it (``**By X**``, ``- [Home](/)``)."""
        raw_start, raw_end = self.raw_pos(start), self.raw_pos(end - 1) + 1
        at = bisect_right(self.lines, (start, 1 << 62)) - 1
        if at >= 0 and self.lines[at][0] <= start < self.lines[at][1]:
            line = self.lines[at]
            if not self.text[line[0] : start].strip():
                raw_start = line[2]
        at = bisect_right(self.lines, (end - 1, 1 << 62)) - 1
        if at >= 0 and self.lines[at][0] < end <= self.lines[at][1]:
            line = self.lines[at]
            if not self.text[end : line[1]].strip():
                raw_end = max(raw_end, line[3])
        return raw_start, raw_end

    def raw_pos(self, pos: int) -> int:
        """The raw offset of rendered char ``pos`` (every rendered char has one)."""
        text_start, raw_start, _ = self.runs[bisect_right(self.starts, pos) - 1]
        return raw_start + pos - text_start

    def remap(self, spans: tuple[Span, ...]) -> tuple[Span, ...]:
        """Spans into the rendered text → spans into the raw text (split at deleted markup)."""
        starts = self.starts
        out: list[Span] = []
        for span in spans:
            pos, end = span.raw_start, span.raw_start + span.length
            i = bisect_right(starts, pos) - 1
            while pos < end and i < len(self.runs):
                text_start, raw_start, length = self.runs[i]
                take = min(end, text_start + length) - pos
                if take > 0:
                    clean = span.clean_start + pos - span.raw_start
                    out.append(Span(clean, raw_start + pos - text_start, take))
                    pos += take
                i += 1
        return tuple(out)


def is_markdown(doc: Document) -> bool:
    """A Markdown document: by its file name, its front matter or its syntax."""
    origin = doc.origin.lower()
    return origin.endswith(MARKDOWN_SUFFIXES) or looks_like_markdown(doc.raw)


def looks_like_markdown(raw: str) -> bool:
    """Front matter, or at least three Markdown constructs of two kinds (or three links)."""
    if _front_matter(raw) is not None:
        return True
    if "](" not in raw and "**" not in raw and "#" not in raw:
        return False  # the common case, without running the regexes
    counts = {name: len(pattern.findall(raw, 0, 200_000)) for name, pattern in _SIGNALS.items()}
    kinds = sum(1 for n in counts.values() if n)
    return (kinds >= 2 and sum(counts.values()) >= 3) or counts["link"] >= 3


# --- front matter -------------------------------------------------------------------------------


def _front_matter(raw: str) -> re.Match[str] | None:
    match = _FRONT_MATTER.match(raw)
    if match and _FRONT_KEY.search(match.group("body")):
        return match
    return None


def _value(value: Any) -> str | None:
    """A front-matter value as text: dates in ISO form, lists joined, ``{name: X}`` as X."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return _value(value.get("name") or value.get("title"))
    if isinstance(value, (list, tuple)):
        parts = [v for v in (_value(x) for x in value) if v]
        return ", ".join(parts) or None
    if value is None or isinstance(value, bool):
        return None
    text = " ".join(str(value).split())
    return text or None


def _parse_front(body: str, toml: bool = False) -> dict[str, Any]:
    """YAML (``---``) or TOML (``+++``) front matter as a flat mapping; if it does not parse,
    its ``key: value`` lines."""
    data: Any = None
    try:
        data = tomllib.loads(body) if toml else load_yaml(body)
    except (yaml.YAMLError, tomllib.TOMLDecodeError):
        pass
    if not isinstance(data, dict):
        data = {m["key"]: m["value"].strip().strip("\"'") for m in _FRONT_KEY.finditer(body)}
    return {re.sub(r"[\s-]+", "_", str(k).strip().lower()): v for k, v in data.items()}


def front_matter_metadata(
    body: str, patterns: Patterns, toml: bool = False
) -> dict[str, str | None]:
    """Metadata keys of the cleaner (title, author, date, sitename, url) from front matter."""
    data = _parse_front(body, toml)
    meta: dict[str, str | None] = {}
    for field, keys in patterns.front_matter_keys:
        meta[field] = next((v for k in keys if (v := _value(data.get(k)))), None)
    return meta


# --- lines --------------------------------------------------------------------------------------


class _Line:
    """One line being rendered: its chars, their raw offsets, and the text the regexes see."""

    __slots__ = ("chars", "pos", "seen")

    def __init__(self, text: str, start: int) -> None:
        self.chars = list(text)
        self.pos = list(range(start, start + len(text)))
        self.seen = text

    def delete(self, a: int, b: int) -> None:
        del self.chars[a:b], self.pos[a:b]
        self.seen = self.seen[:a] + self.seen[b:]

    def strip_prefix(self, pattern: re.Pattern[str]) -> None:
        match = pattern.match(self.seen)
        if match and match.end():
            self.delete(0, match.end())

    def apply(
        self, pattern: re.Pattern[str], removed: list[tuple[int, int, str]] | None = None
    ) -> bool:
        """Delete each match of ``pattern`` except its ``keep`` group (recording raw ranges)."""
        matches = list(pattern.finditer(self.seen))
        for match in reversed(matches):
            keep = match.span("keep") if "keep" in pattern.groupindex else (match.end(),) * 2
            if removed is not None and match.end() > match.start():
                removed.append((self.pos[match.start()], self.pos[match.end() - 1] + 1, "caption"))
            self.delete(keep[1], match.end())
            self.delete(match.start(), keep[0])
        return bool(matches)

    def unescape(self) -> None:
        """Drop escape backslashes; the escaped char is hidden from the other regexes."""
        for match in reversed(list(_ESCAPE.finditer(self.seen))):
            at = match.start()
            self.delete(at, at + 1)
            self.seen = self.seen[:at] + _ESCAPED + self.seen[at + 1 :]


def _is_link_line(text: str) -> bool:
    """Two or more links with only separators (and a short label in front) between them."""
    links = _LINK_ANY.findall(text)
    if len(links) < 2:
        return False
    rest = _LINK_ANY.sub(" ", text).strip()
    rest = _LINK_LABEL.sub("", rest.strip("*_ \t"), count=1)
    return bool(_SEPARATORS.fullmatch(rest))


def _render_line(line: _Line) -> tuple[list[tuple[int, int, str]], bool]:
    """Strip block and inline markup from one line: (raw ranges of dropped images, heading?)."""
    images: list[tuple[int, int, str]] = []
    line.strip_prefix(_QUOTE_MARKER)
    heading = bool(_HEADING.match(line.seen))
    if heading:
        line.strip_prefix(_HEADING)
        match = _HEADING_CLOSE.search(line.seen)
        if match:
            line.delete(match.start(), match.end())
    else:
        line.strip_prefix(_LIST_MARKER)
    line.unescape()
    line.apply(_IMAGE, images)
    for pattern in _INLINE:
        line.apply(pattern)
    for _ in range(3):
        if not any([line.apply(p) for p in _EMPHASIS]):
            break
    return images, heading


def _line_kind(text: str, patterns: Patterns, default: str = "navigation") -> str:
    return line_kind(text.strip(" \t•·|"), patterns) or default


def _rendered(body: str, start: int = 0) -> str:
    line = _Line(body, start)
    _render_line(line)
    return "".join(line.chars)


def _link_menus(lines: list[tuple[int, str]]) -> set[int]:
    """Lines that are one link each (list items or not), two or more in a row: a menu or a list
    of other stories. Blank lines may stand between them."""
    menu: set[int] = set()
    run: list[int] = []
    for i, (_, body) in enumerate([*lines, (0, "end")]):
        if not body.strip():
            continue
        if _LINK_ITEM.fullmatch(body):
            run.append(i)
            continue
        if len(run) >= 2:
            menu.update(run)
        run = []
    return menu


@dataclass(slots=True)
class _Builder:
    """The rendered text being built: kept raw offsets, dropped pieces, the line table."""

    kept: list[int]
    removed: list[tuple[int, int, str]]
    lines: list[tuple[int, int, int, int]]  # rendered start/end, raw start/end (trimmed)
    headings: set[int]

    def keep(
        self, line: _Line, start: int, body: str, newline: range, heading: bool = False
    ) -> None:
        if heading:
            text = "".join(line.chars)
            self.headings.add(len(self.kept) + len(text) - len(text.lstrip()))
        lead = len(body) - len(body.lstrip())
        self.lines.append(
            (
                len(self.kept),
                len(self.kept) + len(line.pos),
                start + lead,
                start + len(body.rstrip()),
            )
        )
        self.kept.extend(line.pos)
        self.kept.extend(newline)


def render(raw: str, patterns: Patterns | None = None) -> Rendering:
    """Plain text of a Markdown document (chars deleted only) and what was dropped."""
    patterns = patterns or load_patterns()
    out = _Builder([], [], [], set())
    metadata: dict[str, str | None] = {}
    offset = 0
    front = _front_matter(raw)
    if front is not None:
        toml = front.group("fence") == "+++"
        metadata = front_matter_metadata(front.group("body"), patterns, toml)
        out.removed.append((0, front.end(), "front_matter"))
        offset = front.end()
    lines: list[tuple[int, str]] = []
    for text in raw[offset:].splitlines(keepends=True):
        lines.append((offset, text))
        offset += len(text)
    menus = _link_menus([(start, text.rstrip("\r\n")) for start, text in lines])
    in_code, above = False, ""
    for i, (start, text) in enumerate(lines):
        body = text.rstrip("\r\n")
        newline = range(start + len(body), start + len(text))
        whole = (start, start + len(body))
        if _CODE_FENCE.fullmatch(body):
            in_code = not in_code
            out.removed.append((*whole, "markup"))
        elif in_code:
            out.keep(_Line(body, start), start, body, newline)
        elif any(p.fullmatch(body) for p in (_THEMATIC_BREAK, _TABLE_RULE, _LINK_DEFINITION)):
            out.removed.append((*whole, "markup"))
        elif i in menus:
            out.removed.append((*whole, _line_kind(above, patterns, "navigation")))
            if _line_kind(above, patterns, "") != "teaser":
                above = ""
        elif _is_link_line(body):
            out.removed.append((*whole, _line_kind(_rendered(body), patterns)))
        else:
            line = _Line(body, start)
            images, heading = _render_line(line)
            out.removed.extend(images)
            if body.strip() and not "".join(line.chars).strip():
                if not images:
                    out.removed.append((*whole, "markup"))
                continue  # nothing left (an image alone): the line goes with its newline
            out.keep(line, start, body, newline, heading)
            if body.strip():
                above = "".join(line.chars)
    runs = _runs(out.kept)
    return Rendering(
        text="".join(raw[start : start + length] for _, start, length in runs),
        runs=runs,
        metadata=metadata,
        removed=tuple(sorted(out.removed)),
        headings=frozenset(out.headings),
        starts=tuple(r[0] for r in runs),
        lines=tuple(out.lines),
    )


def _runs(kept: list[int]) -> tuple[tuple[int, int, int], ...]:
    """Maximal runs of consecutive raw offsets as (text_start, raw_start, length)."""
    if not kept:
        return ()
    breaks = (i for i, (a, b) in enumerate(itertools.pairwise(kept), 1) if b != a + 1)
    bounds = [0, *breaks, len(kept)]
    return tuple((a, kept[a], b - a) for a, b in itertools.pairwise(bounds))


# --- the document -------------------------------------------------------------------------------


def clean_markdown(doc: Document):  # -> Cleaned (imported lazily to avoid a cycle)
    """Clean a Markdown document: render, clean the plain text, map offsets back to ``doc.raw``."""
    from sitrep.clean import Cleaned, _merge_removed, clean_text

    rendering = render(doc.raw)
    meta = rendering.metadata
    if not doc.url and meta.get("url"):
        doc = replace(doc, url=meta["url"])
    cleaned = clean_text(doc, raw=rendering.text, metadata=meta, headings=rendering.headings)
    articles = tuple(replace(a, offsets=rendering.remap(a.offsets)) for a in cleaned.articles)
    pieces: list[tuple[int, int, str]] = []
    for r in cleaned.removed:
        if r.end > r.start:
            pieces.append((*rendering.raw_range(r.start, r.end), r.kind))
    # an image inside a line the cleaner dropped anyway is listed once, with the line
    pieces += [
        p for p in rendering.removed if not any(s <= p[0] and p[1] <= e for s, e, _ in pieces)
    ]
    removed = [Removed(doc.id, s, e, k, "") for s, e, k in sorted(pieces)]
    return Cleaned(articles=articles, removed=_merge_removed(doc.raw, removed))
