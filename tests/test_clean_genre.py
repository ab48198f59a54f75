"""The genre of a page that is not a news report (sitrep.clean.genre): an opinion piece or an
analysis, told by how the page files it (a kicker, a headline label, the URL, a disclaimer)."""

from __future__ import annotations

import pytest

from cleaning import clean_raw

_BODY = (
    "For a decade the insurgency in the north was treated as a local problem. That view no "
    "longer holds, and the governments of the region should say so plainly.\n\n"
    "In March, fighters overran an army post near the border and killed 14 soldiers, the army "
    "said at the time. Each such raid has been presented as an isolated incident.\n\n"
)
_MENU = "THE COAST REVIEW\nNews | Analysis | Opinion | Podcasts\n\n"


@pytest.mark.parametrize(
    ("raw", "url", "genre"),
    [
        # a kicker line right above the headline
        (
            _MENU + "OPINION\n\nThe north cannot be held by soldiers alone\n\n" + _BODY,
            None,
            "opinion",
        ),
        (_MENU + "Analysis\n\nWhy the north keeps burning\n\n" + _BODY, None, "analysis"),
        # a label opening the headline
        (
            _MENU + "Opinion: The north cannot be held by soldiers alone\n\n" + _BODY,
            None,
            "opinion",
        ),
        # the URL files it
        (
            _MENU + "The north cannot be held by soldiers alone\n\n" + _BODY,
            "https://coastreview.example.org/opinion/2024/05/02/the-north",
            "opinion",
        ),
        # a disclaimer line at the end
        (
            _MENU
            + "The north cannot be held by soldiers alone\n\n"
            + _BODY
            + "The views expressed in this article are the author's own.\n",
            None,
            "opinion",
        ),
        # a news report: the menu names the sections, the URL is a news one
        (
            _MENU + "Fighters overrun army post near the border\n\n" + _BODY,
            "https://coastreview.example.org/news/2024/05/02/army-post",
            None,
        ),
    ],
)
def test_genre_from_kicker_label_url_or_disclaimer(raw: str, url: str | None, genre) -> None:
    [article] = clean_raw(raw, url=url, published="2024-05-02").articles
    assert article.genre == genre


def test_a_headline_that_only_starts_with_the_word_is_no_label() -> None:
    raw = _MENU + "Analysis of blast debris points to a car bomb\n\n" + _BODY
    [article] = clean_raw(raw, published="2024-05-02").articles
    assert article.genre is None
