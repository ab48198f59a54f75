"""The cleaner's patterns, read once from ``data/boilerplate.yaml`` (format in ``data/README.md``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sitrep.datafiles import read_mapping
from sitrep.errors import ConfigError

DATA_FILE = "boilerplate.yaml"


@dataclass(frozen=True, slots=True)
class Patterns:
    """Compiled patterns. ``lines`` is one alternation whose named group is the kind."""

    lines: re.Pattern[str]
    prefixes: tuple[tuple[str, re.Pattern[str]], ...]
    suffixes: tuple[tuple[str, re.Pattern[str]], ...]
    caption: re.Pattern[str]
    caption_max_chars: int
    portrait_caption: re.Pattern[str]
    prose_markers: re.Pattern[str]
    embedded_intro: re.Pattern[str]
    comment_age: re.Pattern[str]
    comment_age_short: re.Pattern[str]
    comment_user: re.Pattern[str]
    comment_heading: re.Pattern[str]
    comment_count: re.Pattern[str]
    comment_entry: re.Pattern[str]
    comment_form_field: re.Pattern[str]
    comment_byline: re.Pattern[str]
    more_link: re.Pattern[str]
    author_bio_heading: re.Pattern[str]
    author_bio: re.Pattern[str]
    relative_dateline: re.Pattern[str]
    bylines: tuple[re.Pattern[str], ...]
    date_labels: re.Pattern[str]
    updated_labels: re.Pattern[str]
    bare_date_labels: re.Pattern[str]
    date_line_tail: re.Pattern[str]
    date_place: re.Pattern[str]
    meta_field_labels: re.Pattern[str]
    camel_case_words: frozenset[str]
    # (language, its function words), English as "en"
    function_words: tuple[tuple[str, frozenset[str]], ...] = ()
    genre_labels: tuple[tuple[str, re.Pattern[str]], ...] = ()  # (genre, full-line regex)
    genre_url_segments: tuple[tuple[str, frozenset[str]], ...] = ()
    genre_disclaimer: re.Pattern[str] | None = None
    front_matter_keys: tuple[tuple[str, tuple[str, ...]], ...] = ()


def _entry(item: Any) -> tuple[str, int]:
    """A pattern entry (a string, or a mapping with ``pattern`` and ``case_sensitive``)."""
    if isinstance(item, str):
        return item, re.IGNORECASE
    if isinstance(item, dict) and isinstance(item.get("pattern"), str):
        return item["pattern"], 0 if item.get("case_sensitive") else re.IGNORECASE
    raise ConfigError(f"bad pattern entry in {DATA_FILE}: {item!r} (a string or {{pattern: ...}})")


def _compile(item: Any) -> re.Pattern[str]:
    pattern, flags = _entry(item)
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ConfigError(f"invalid regex in {DATA_FILE}: {pattern!r}: {exc}") from exc


def _alternation(groups: dict[str, list[Any]]) -> re.Pattern[str]:
    """One regex ``(?P<kind__n>...)|...`` so a line is classified with a single fullmatch."""
    parts = []
    for kind, items in groups.items():
        for n, item in enumerate(items):
            pattern, flags = _entry(item)
            inline = "(?i:" if flags else "(?:"
            parts.append(f"(?P<{kind}__{n}>{inline}{pattern}))")
    return re.compile("|".join(parts))


def _ordered(
    groups: dict[str, list[Any]], suffix: bool = False
) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Prefix patterns are used with ``match``; suffix patterns get an end anchor for ``search``."""
    out = []
    for kind, items in groups.items():
        for item in items:
            pattern, flags = _entry(item)
            anchored = f"(?:{pattern})\\Z" if suffix else pattern
            out.append((kind, _compile({"pattern": anchored, "case_sensitive": not flags})))
    return tuple(out)


def compile_patterns(data: dict[str, Any]) -> Patterns:
    """Compile the YAML mapping of ``data/boilerplate.yaml``."""
    captions = [_entry(c)[0] for c in data["caption_markers"]]
    return Patterns(
        lines=_alternation(data["line_patterns"]),
        prefixes=_ordered(data["prefix_patterns"]),
        suffixes=_ordered(data["suffix_patterns"], suffix=True),
        caption=re.compile("|".join(f"(?:{c})" for c in captions), re.IGNORECASE),
        caption_max_chars=int(data["caption_max_chars"]),
        portrait_caption=re.compile(data["portrait_caption"]),
        prose_markers=re.compile(data["prose_markers"], re.IGNORECASE),
        embedded_intro=re.compile(
            r"(?:^|(?<=[.!?”\"] ))(?:" + "|".join(data["embedded_intro"]) + r")\Z", re.IGNORECASE
        ),
        comment_age=re.compile(data["comment_age"], re.IGNORECASE),
        comment_age_short=re.compile(data["comment_age_short"], re.IGNORECASE),
        comment_user=re.compile(data["comment_user"], re.IGNORECASE),
        comment_heading=re.compile(data["comment_heading"], re.IGNORECASE),
        comment_count=re.compile(data["comment_count"], re.IGNORECASE),
        comment_entry=_compile(data["comment_entry"]),
        comment_form_field=re.compile(data["comment_form_field"], re.IGNORECASE),
        comment_byline=re.compile(data["comment_byline"], re.IGNORECASE),
        more_link=re.compile(data["more_link"], re.IGNORECASE),
        author_bio_heading=re.compile(data["author_bio_heading"], re.IGNORECASE),
        author_bio=re.compile(data["author_bio"], re.IGNORECASE),
        relative_dateline=re.compile(data["relative_dateline"], re.IGNORECASE),
        bylines=tuple(_compile(b) for b in data["byline_patterns"]),
        date_labels=re.compile(data["date_labels"], re.IGNORECASE),
        updated_labels=re.compile(data["updated_labels"], re.IGNORECASE),
        bare_date_labels=re.compile(data["bare_date_labels"], re.IGNORECASE),
        date_line_tail=re.compile(f"(?:{data['date_line_tail']})\\Z", re.IGNORECASE),
        date_place=re.compile(data["date_place"]),
        meta_field_labels=re.compile(data["meta_field_labels"], re.IGNORECASE),
        camel_case_words=frozenset(data.get("camel_case_words", ())),
        genre_labels=tuple(
            (genre, re.compile(regex, re.IGNORECASE))
            for genre, regex in (data.get("genre_labels") or {}).items()
        ),
        genre_url_segments=tuple(
            (genre, frozenset(s.lower() for s in segs))
            for genre, segs in (data.get("genre_url_segments") or {}).items()
        ),
        genre_disclaimer=(
            re.compile(data["genre_disclaimer"], re.IGNORECASE)
            if data.get("genre_disclaimer")
            else None
        ),
        function_words=tuple(
            (lang, frozenset(str(w).casefold() for w in words))
            for lang, words in (data.get("function_words") or {}).items()
        ),
        front_matter_keys=tuple(
            (field, tuple(str(k).lower() for k in keys))
            for field, keys in (data.get("front_matter_keys") or {}).items()
        ),
    )


@cache
def load_patterns() -> Patterns:
    """The packaged patterns, compiled once per process."""
    return compile_patterns(read_mapping("sitrep.clean", DATA_FILE, "cleaner patterns file"))
