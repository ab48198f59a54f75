"""Publication dates estimated from dated page furniture (embedded tweets, photo captions,
"Updated" stamps) when the page gives no day: ``sitrep.clean.dates.estimate_day``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.clean import Cleaned, clean_document
from sitrep.clean.dates import date_from_url, estimate_day, furniture_date
from sitrep.ingest import IngestOptions, read_path
from sitrep.records import Article, Document

BODY = (
    "Gunmen opened fire on worshippers at a shrine in the city on Wednesday, killing at least "
    "15 people and wounding dozens more, state media reported.\n\n"
    "The Islamic State group later claimed responsibility for the attack in a statement posted "
    "on its Telegram channels, the second such claim in the region this year.\n\n"
)


def _article(raw: str, **kw) -> Article:
    return clean_document(Document(id="t", source_id="t", origin="t", raw=raw, **kw)).articles[0]


def _dated(article: Article) -> tuple[str | None, str | None, str | None]:
    return article.published, article.date_precision, article.date_source


# --- small texts ---------------------------------------------------------------------------------


def test_tweet_signature_dates_a_page_with_no_date():
    raw = (
        "Gunmen attack shrine in southern city\n\n"
        + BODY
        + "BREAKING: gunmen attack shrine pic.twitter.com/AbC123xyz\n"
        "— Example News (@ExampleNews) March 3, 2023\n\n"
        "Officials said the death toll could rise as rescue work went on through the night."
    )
    article = _article(raw)
    assert _dated(article) == ("2023-03-03", "day", "embedded")
    assert "@ExampleNews" not in article.text


def test_signature_in_a_form_the_cleaner_keeps_still_counts():
    # day-first date: the cleaner's tweet patterns miss it, the signature form is still furniture
    raw = (
        "Gunmen attack shrine in southern city\n\n"
        + BODY
        + "— @ExampleNews (Example), 4 March 2023"
    )
    assert _dated(_article(raw)) == ("2023-03-04", "day", "embedded")


def test_newest_furniture_wins():
    raw = (
        "Gunmen attack shrine in southern city\n\n"
        + BODY
        + "— Old Account (@old_acct) January 9, 2023\n\n"
        + "— New Account (@new_acct) March 5, 2023\n\n"
        + "Officials said the death toll could rise as rescue work went on through the night."
    )
    assert _dated(_article(raw))[:2] == ("2023-03-05", "day")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # the caption's day lies in the URL's month: the month narrows to that day
        ("https://news.example/2022/09/embassy-blast/", ("2022-09-05", "day", "url+embedded")),
        # a caption day outside the URL's month is about something else
        ("https://news.example/2022/10/blast-aftermath/", ("2022-10-01", "month", "url")),
    ],
)
def test_caption_day_narrows_only_its_own_url_month(url, expected):
    raw = (
        "Kabul, Afghanistan: wounded men at a hospital after the blast, Monday, Sept. 5, 2022. "
        "(AP Photo/Ebrahim Noroozi)\n\n" + BODY
    )
    assert _dated(_article(raw, url=url)) == expected


def test_day_precise_byline_is_never_overridden():
    raw = (
        "Gunmen attack shrine in southern city\n\n"
        "By Jane Smith, March 1, 2023\n\n" + BODY + "— Example News (@ExampleNews) March 3, 2023"
    )
    assert _dated(_article(raw)) == ("2023-03-01", "day", "byline")


def test_story_text_dates_are_not_furniture():
    raw = (
        "Gunmen attack shrine in southern city\n\n"
        + BODY
        + "The shrine was attacked before, on October 26, 2022, when 13 people were killed.\n\n"
        + "A previous attack, claimed by @militants on March 3, 2023, killed two guards."
    )
    assert _dated(_article(raw)) == (None, None, None)


def test_updated_stamp_is_an_upper_bound_and_a_day():
    raw = (
        "Gunmen attack shrine in southern city\n\n"
        + BODY
        + "— Example News (@ExampleNews) June 20, 2023\n\n"
        + "Officials said the death toll could rise as rescue work went on through the night.\n\n"
        + "Last updated: June 12, 2023"
    )
    article = _article(raw, url="https://news.example/2023/06/shrine-attack/")
    # the tweet is newer than the page's last update: it cannot be part of the page
    assert _dated(article) == ("2023-06-12", "day", "url+updated")


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("— @TRTWorldNow (TRT World Now), October 26, 2022", "embedded_tweet", "2022-10-26"),
        ("— Jane Doe (@janedoe) Oct 26, 2022", None, "2022-10-26"),
        (
            "Kabul, Afghanistan, September 5, 2022. Photo: REUTERS/Ali Khara",
            "caption",
            "2022-09-05",
        ),
        (
            "Shiraz, Iran: a bullet hole, October 26, 2022 (Amin Berenjkar/WANA)",
            "caption",
            "2022-10-26",
        ),
        # a caption's date after a preposition is what the photo shows, not a date line
        (
            "Guards outside the embassy, targeted on September 5, 2022. — Picture: X/Reuters",
            "caption",
            None,
        ),
        # a file photo is old by definition
        (
            "FILE - Taliban fighters in Kabul, Aug. 15, 2021. (AP Photo/Rahmat Gul, File)",
            "caption",
            None,
        ),
        # the caption rule needs the cleaner to have removed the line as a caption
        ("Kabul, Afghanistan, September 5, 2022. Photo: REUTERS/Ali Khara", None, None),
        # a forum member's join date is furniture, but not dated *embedded content*
        ("Platinum-tier Member\nSep 30, 2011", "comment_meta", None),
        # running text after the date is no photo credit, slash or not
        ("Kabul, October 26, 2022 and/or whatever follows here", "caption", None),
        # a date that does not end the signature line
        ("— @acct (Acct), October 26, 2022 and then something else", "embedded_tweet", None),
    ],
)
def test_furniture_date(text, kind, expected):
    assert furniture_date(text, kind) == expected


def test_estimate_day_bounds():
    today = dt.date(2024, 1, 1)
    url = [(("2022-10-01", "month"), "url")]
    assert estimate_day(None, None, [], ["2022-10-26"], today) == (
        ("2022-10-26", "day"),
        "embedded",
    )
    # nothing from the future of the processing day
    assert estimate_day(None, None, [], ["2025-01-01"], today) == (None, None)
    got = estimate_day(("2022-10-01", "month"), "url", url, ["2022-09-30", "2022-11-01"], today)
    assert got == (("2022-10-01", "month"), "url")
    year = [(("2022-01-01", "year"), "record")]
    got = estimate_day(("2022-01-01", "year"), "record", year, ["2021-12-31", "2022-10-26"], today)
    assert got == (("2022-10-26", "day"), "record+embedded")
    day = (("2022-10-27", "day"), "metadata")
    assert estimate_day(*day, [day], ["2022-10-28"], today) == day
    # two periods the page names: the day must lie in both
    both = [(("2022-01-01", "year"), "record"), (("2022-10-01", "month"), "url")]
    got = estimate_day(("2022-01-01", "year"), "record", both, ["2022-09-02"], today)
    assert got == (("2022-01-01", "year"), "record")


# --- real dev pages ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def dev_clean(dev_records: list[dict]) -> dict[str, tuple[dict, Cleaned]]:
    out = {}
    for r in dev_records:
        doc = Document(
            id=r["doc_id"], source_id=r["doc_id"], origin=r["doc_id"], raw=r["text"], url=r["url"]
        )
        out[r["doc_id"]] = (r, clean_document(doc))
    return out


def test_d025_embedded_tweet_dates_the_page(dev_clean):
    _, cleaned = dev_clean["d025"]
    assert _dated(cleaned.articles[0]) == ("2022-10-26", "day", "embedded")


def test_d027_caption_narrows_the_url_month(dev_clean):
    record, cleaned = dev_clean["d027"]
    assert date_from_url(record["url"]) == ("2022-10-01", "month")
    assert _dated(cleaned.articles[0]) == ("2022-10-26", "day", "url+embedded")


def test_d005_forum_join_date_is_not_the_page_day(dev_clean):
    _, cleaned = dev_clean["d005"]
    member = [r for r in cleaned.removed if "Sep 30, 2011" in r.text]
    assert member and member[0].kind == "comment_meta"
    article = cleaned.articles[0]
    assert article.published is None  # honest: the page names no date of its own
    assert "embedded" not in (article.date_source or "")


_BAR = "Harbour Herald Online | Nation | Friday, June 4, 2021"
_STORY = (
    "Bandits kill 5 near Gusau market\n\n"
    "Bandits killed five traders near a market outside Gusau on Thursday, the police said.\n\n"
    "Residents said the gunmen arrived on motorcycles and fled into the forest afterwards.\n"
)


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        # nothing else dates the page: the section bar's date does
        ({}, ("2021-06-04", "day", "masthead")),
        # a URL's month takes the bar's day inside it
        (
            {"url": "https://herald.example/2021/06/bandits-kill-five"},
            ("2021-06-04", "day", "url+masthead"),
        ),
        # the record's date outranks it
        ({"published": "2021-06-03"}, ("2021-06-03", "day", "record")),
    ],
)
def test_a_masthead_bar_s_date_dates_the_page_when_nothing_else_does(kw, expected):
    cleaned = clean_document(
        Document(id="t", source_id="t", origin="t", raw=f"{_BAR}\n\n{_STORY}", **kw)
    )
    assert _dated(cleaned.articles[0]) == expected
    assert {r.kind for r in cleaned.removed if "Harbour Herald" in r.text} == {"masthead"}


def test_a_masthead_bar_s_date_yields_to_a_date_line():
    headline, body = _STORY.split("\n\n", 1)
    raw = f"{_BAR}\n\n{headline}\n\nPublished 3 June 2021\n\n{body}"
    assert _dated(_article(raw)) == ("2021-06-03", "day", "dateline")


def test_embedded_dates_agree_with_every_page_bound(dev_clean):
    """Across the dev pages: an embedded day lies inside the URL's period, and no day-precise
    page date was replaced."""
    estimated = 0
    for record, cleaned in dev_clean.values():
        article = cleaned.articles[0]
        if "embedded" not in (article.date_source or ""):
            continue
        estimated += 1
        url = date_from_url(record["url"])
        assert url is None or url[1] != "day"
        if url:
            assert article.published[:7] == url[0][:7]
    assert estimated >= 2


def test_ingested_d025_event_is_dated_wednesday(shared_dir: Path, nlp):
    """The real chain (ingest → clean → events): the page's day comes from its embedded tweet, so
    the story's "on Wednesday" resolves to the attack's day."""
    from sitrep.pipeline import process

    docs = read_path(shared_dir / "corpus/dev/documents.jsonl", IngestOptions())
    doc = next(d for d in docs if d.source_id == "d025")
    main = next(e for e in process(doc, nlp).events if not e.background)
    assert (main.date, main.date_precision) == ("2022-10-26", "day")
