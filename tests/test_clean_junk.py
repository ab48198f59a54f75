"""Page junk on realistic pages written here: teaser blocks, comment forms, author bios, ..."""

from __future__ import annotations

import pytest

from sitrep.clean import Cleaned, clean_document
from sitrep.records import Document


def _clean(raw: str, **kw) -> Cleaned:
    return clean_document(Document(id="t", source_id="t", origin="t", raw=raw, **kw))


def _text(cleaned: Cleaned) -> str:
    return "\n\n".join(a.text for a in cleaned.articles)


def _kinds(cleaned: Cleaned, snippet: str) -> set[str]:
    return {r.kind for r in cleaned.removed if snippet in r.text}


_STORY_HEAD = (
    "Gunmen kill nine villagers in Tillaberi raid\n"
    "Gunmen on motorbikes killed nine villagers in western Niger's Tillaberi region on Saturday, "
    "local officials said, the latest in a series of attacks in the area.\n"
    '"They shot anyone who tried to run," said one survivor.\n'
    "He was 34.\n"
)
_STORY_TAIL = (
    "No group has claimed responsibility, but several similar attacks have been carried out in "
    "the district this year.\n"
    "The army said it had sent reinforcements.\n"
)


@pytest.mark.parametrize("heading", ["READ ALSO", "Read also", "ALSO READ", "Related:", "See also"])
def test_a_teaser_heading_alone_on_its_line_takes_the_headlines_under_it(heading):
    raw = (
        _STORY_HEAD + f"{heading}\n"
        "Niger junta extends state of emergency in three regions\n"
        "Mali army says it killed 20 militants near Menaka\n" + _STORY_TAIL
    )
    cleaned = _clean(raw)
    text = _text(cleaned)
    assert "state of emergency" not in text and "Menaka" not in text
    assert heading not in text
    assert _kinds(cleaned, "Menaka") == {"teaser"}
    for kept in ('"They shot anyone who tried to run," said one survivor.', "He was 34.",
                 "No group has claimed responsibility", "The army said it had sent reinforcements."):  # fmt: skip
        assert kept in text


def test_a_teaser_heading_takes_a_one_headline_list_that_asks_a_question():
    raw = _STORY_HEAD + "ALSO READ\nWhy are the Pakistani Taliban back?\n" + _STORY_TAIL
    text = _text(_clean(raw))
    assert "Pakistani Taliban" not in text
    assert "The army said it had sent reinforcements." in text


def test_a_one_line_read_more_teaser_heads_no_list():
    # "Read more: X" is one teaser of its own; the line after it is the story's
    raw = (
        _STORY_HEAD + "Read more: Mali army says it killed 20 militants near Menaka\n"
        "Residents said the attackers came from across the border\n" + _STORY_TAIL
    )
    text = _text(_clean(raw))
    assert "Menaka" not in text
    assert "Residents said the attackers came from across the border" in text
