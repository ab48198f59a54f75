"""The genre of an article that is not a news report: an opinion piece or an analysis.

An opinion piece tells events in passing, never as its news (`sitrep.events` gives it no main
event); an analysis may still bring the news of the days before, and is only labelled.
It is recognised by how the page files it, never by its wording: a kicker line right above the
headline ("OPINION"), a label opening the headline ("Opinion: ..."), a URL path segment
("/opinion/2025/..."), or a disclaimer line ("The views expressed are the author's own"). The
labels, segments and disclaimer are `boilerplate.yaml` data (`genre_*`, see `data/README.md`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from sitrep.clean.patterns import Patterns
from sitrep.clean.text import Unit

# a label opening a headline: "Opinion: ...", "ANALYSIS | ...", "Comment – ..."
_LABEL_END = re.compile(r"\s*(?:[:|]|\s[-–—]\s)")
_KICKER_LINES = 3  # how far above the headline a kicker may stand


def genre_of(
    run: Sequence[Unit], title: str | None, url: str | None, patterns: Patterns, own_url: bool
) -> str | None:
    """ "opinion" or "analysis" for one article's ``run`` of units, else None (a news report).
    ``own_url``: the page's URL is this article's (not one item of an archive page)."""
    at = next((i for i, u in enumerate(run) if u.title), None)
    kickers = [u.core.strip() for u in run[max(0, (at or 0) - _KICKER_LINES) : at or 0]]
    for genre, label in patterns.genre_labels:
        if any(label.fullmatch(k) for k in kickers if k):
            return genre
        if title and (m := label.match(title)) and _LABEL_END.match(title, m.end()):
            return genre
    if own_url and url:
        segments = {s.lower() for s in urlsplit(url).path.split("/") if s}
        for genre, known in patterns.genre_url_segments:
            if segments & known:
                return genre
    disclaimer = patterns.genre_disclaimer
    if disclaimer is not None and any(disclaimer.search(u.text) for u in run):
        return "opinion"
    return None
