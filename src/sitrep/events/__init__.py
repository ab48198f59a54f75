"""Events: what happened, when, where, by whom, to whom, with what, how many killed and wounded.

Public API (wired by ``sitrep.pipeline``):

- ``extract_events(doc, article, actors, claims) -> list[EventReport]``
- ``find_figures(text, sentences, document_id, article_index) -> list[FigureMention]``
- ``parse_number(text) -> int | None``, ``parse_qualifier(text) -> str | None``
"""

from sitrep.events.detect import extract_events
from sitrep.events.figures import FigureMention, find_figures, parse_number, parse_qualifier

__all__ = ["FigureMention", "extract_events", "find_figures", "parse_number", "parse_qualifier"]
