"""What the clean test modules share: a raw page cleaned, its articles' text, and what was removed
as what."""

from __future__ import annotations

from sitrep.clean import Cleaned, clean_document
from sitrep.records import Document


def clean_raw(raw: str, **kw) -> Cleaned:
    return clean_document(Document(id="t", source_id="t", origin="t", raw=raw, **kw))


def articles_text(cleaned: Cleaned) -> str:
    return "\n\n".join(a.text for a in cleaned.articles)


def removed_kinds(cleaned: Cleaned, snippet: str) -> set[str]:
    """The kinds of the removed units that hold ``snippet``."""
    return {r.kind for r in cleaned.removed if snippet in r.text}
