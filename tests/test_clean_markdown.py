"""Markdown documents: front matter as metadata, markup stripped, offsets still exact."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.clean import Cleaned, clean_document
from sitrep.clean.markdown import is_markdown, looks_like_markdown, render
from sitrep.records import Document

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "mogadishu-ministry-2022.md"


def _doc(raw: str, origin: str = "t.md", **kw) -> Document:
    return Document(id="t", source_id="t", origin=origin, raw=raw, **kw)


def assert_exact(raw: str, cleaned: Cleaned) -> None:
    """Every kept char maps to the same char in the raw text; removed pieces are raw slices."""
    for article in cleaned.articles:
        for span in article.offsets:
            piece = article.text[span.clean_start : span.clean_start + span.length]
            assert piece == raw[span.raw_start : span.raw_start + span.length]
        for i, char in enumerate(article.text):
            j = article.raw_offset(i)
            assert j is None or raw[j] == char, (i, char)
    for removed in cleaned.removed:
        assert raw[removed.start : removed.end] == removed.text


def test_example_article_metadata_and_clean_text():
    raw = EXAMPLE.read_text(encoding="utf-8")
    cleaned = clean_document(_doc(raw, origin=str(EXAMPLE)))
    assert_exact(raw, cleaned)
    (article,) = cleaned.articles
    assert (
        article.title == "At least 100 killed in twin car bombings at Somalia's education ministry"
    )
    assert (article.author, article.published, article.publisher) == (
        "Amina Warsame",
        "2022-10-30",
        "Horn Observer",
    )
    text = article.text
    assert text.startswith(article.title + "\n\nMOGADISHU — At least 100 people were killed")
    for gone in ("title:", "outlet:", "---", "[", "](", "#", "*", "Horn Observer ·", "Read next",
                 "Share this story", "Facebook", "Home"):  # fmt: skip
        assert gone not in text, gone
    # subheadings are content; figures survive
    assert "\n\nClaim of responsibility\n\nAl-Shabaab, the al-Qaeda-linked" in text
    assert "Same junction as 2017" in text
    assert "which killed more than 500 people" in text
    assert "at least 21 people were killed" in text
    kinds = {r.kind for r in cleaned.removed}
    assert {"front_matter", "navigation", "byline", "teaser", "share_prompt"} <= kinds
    front = next(r for r in cleaned.removed if r.kind == "front_matter")
    assert front.start == 0 and front.text.startswith("---\ntitle:")


def test_markup_inside_a_line_maps_to_several_spans():
    raw = (
        "Gunmen killed **at least 12** people in [Zamfara](https://x.example/z) state, police said."
    )
    cleaned = clean_document(_doc(raw))
    assert_exact(raw, cleaned)
    (article,) = cleaned.articles
    assert article.text == "Gunmen killed at least 12 people in Zamfara state, police said."
    assert len(article.offsets) == 5
    at = article.text.index("Zamfara")
    assert raw[article.raw_offset(at) : article.raw_offset(at) + 7] == "Zamfara"


def test_front_matter_without_md_suffix_and_toml_lists():
    raw = (
        '+++\ntitle = "Blast hits Kabul mosque"\ndate = "2021-10-08"\n'
        'authors = ["A. Writer", "B. Writer"]\nsite_name = "Example Times"\n+++\n\n'
        "A blast tore through a mosque in Kunduz on Friday, killing at least 50 worshippers, "
        "officials said. The Islamic State group claimed the attack.\n"
    )
    doc = _doc(raw, origin="feed.jsonl:3")
    assert is_markdown(doc)
    (article,) = clean_document(doc).articles
    assert (article.title, article.author, article.publisher) == (
        "Blast hits Kabul mosque",
        "A. Writer, B. Writer",
        "Example Times",
    )
    assert (article.published, article.date_source) == ("2021-10-08", "metadata")
    assert article.text.startswith("A blast tore through a mosque")


def test_broken_yaml_front_matter_still_read_as_lines():
    raw = '---\ntitle: Attack: 5 dead\nauthor: "Jo Smith\n---\nFive people were killed, police said.\n'
    (article,) = clean_document(_doc(raw)).articles
    assert article.author == "Jo Smith" and article.title == "Attack: 5 dead"
    assert article.text == "Five people were killed, police said."


def test_menus_images_and_link_lists_dropped_lists_and_quotes_kept():
    raw = (
        "- [News](/news)\n- [Africa](/africa)\n- [Nigeria](/africa/nigeria)\n\n"
        "World › [Africa](/africa) › [Nigeria](/africa/nigeria)\n\n"
        "![Traders at the market](https://img.example/a_(1).jpg)\n\n"
        "# Gunmen kill 12 at market in Zamfara #\n\n"
        "*By Musa Bello*\n\n"
        "Gunmen killed at least 12 people at a market in Zamfara state on Sunday, police said. "
        "The attackers also abducted 20 traders, resident Sani\\_Abubakar told [AFP](https://afp.com).\n\n"
        '> "We are still counting the bodies," a resident said.\n\n'
        "The dead included:\n\n* Musa Ibrahim, 34, a trader\n* Aisha Bello, 19, a student\n\n"
        "## Related stories\n\n- [Bandits kill 30 in Katsina](/a)\n- [Army frees 40 hostages](/b)\n"
    )
    cleaned = clean_document(_doc(raw))
    assert_exact(raw, cleaned)
    (article,) = cleaned.articles
    assert article.title == "Gunmen kill 12 at market in Zamfara"
    assert article.author == "Musa Bello"
    text = article.text
    assert "resident Sani_Abubakar told AFP." in text
    assert '"We are still counting the bodies," a resident said.' in text
    assert "Musa Ibrahim, 34, a trader" in text and "Aisha Bello, 19" in text
    for gone in ("News", "World", "Traders at the market", "Katsina", "Army frees", "#", "*"):
        assert gone not in text, gone
    by_kind = {r.kind: r.text for r in cleaned.removed}
    assert by_kind["navigation"].startswith("- [News](/news)\n- [Africa]")
    assert by_kind["caption"].startswith("![Traders")
    assert "Bandits kill 30" in by_kind["teaser"]


def test_emphasis_rules_leave_plain_asterisks_and_underscores():
    rendered = render(
        "Losses were 3 * 4 = 12 in file_name_v2 and **bold _and italic_** and ***both***, "
        "a_b_c, __strong__, `code`, ~~struck~~ and 5*3*2.\n"
    ).text
    assert rendered == (
        "Losses were 3 * 4 = 12 in file_name_v2 and bold and italic and both, "
        "a_b_c, strong, code, struck and 5*3*2.\n"
    )


def test_plain_news_text_is_not_markdown(seed_records, dev_records):
    for record in [*seed_records, *dev_records]:
        assert not looks_like_markdown(record["text"]), record["doc_id"]
    assert looks_like_markdown("## Heading\n\nSee [this](https://a.example) and [that](/b).\n")
    assert not looks_like_markdown("#ISIS claimed it. [1] Police said 5 died (AP).")


_MD_LINES = st.sampled_from(
    [
        "---",
        "title: A *title*",
        "# Blast kills 12 in Kabul",
        "## Subheading ##",
        "[Home](/) › [World](/world)",
        "- [News](/news)",
        "* item with **bold** and _it_",
        "![alt](img.png) Caption text",
        "**KABUL** — Gunmen killed [5](x) people, *police* said.",
        "> quoted \\*text\\*",
        "*Outlet · 30 October 2022 · By Jo Roe*",
        "| a | b |",
        "|---|---|",
        "[ref]: https://example.com",
        "```",
        "~~gone~~ `code`",
        "",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.text(max_size=60), _MD_LINES), max_size=25),
    st.sampled_from(["\n", "\n\n", "\r\n"]),
    st.booleans(),
)
def test_any_markdown_round_trips(lines, sep, front):
    raw = sep.join(lines)
    if front:
        raw = f"---{sep}title: T{sep}author: A B{sep}---{sep}{raw}"
    cleaned = clean_document(_doc(raw))
    assert cleaned.articles
    assert_exact(raw, cleaned)


def test_subheadings_are_content_even_near_the_end():
    raw = (
        "# Suicide bomber kills 25 at Peshawar mosque\n\n"
        "PESHAWAR — A suicide bomber killed at least 25 people at a mosque inside a police "
        "compound in Peshawar on Monday, officials said.\n\n"
        "## Who was behind it\n\n"
        "The Pakistani Taliban denied involvement, but a local commander later claimed the "
        "attack, police said.\n\n"
        "## Aftermath\n\nRescue work continued.\n\n"
        "## Topics\n\nPakistan\n\nTTP\n\nPeshawar\n"
    )
    cleaned = clean_document(_doc(raw))
    assert_exact(raw, cleaned)
    text = cleaned.articles[0].text
    assert "\n\nWho was behind it\n\n" in text
    assert text.endswith("police said.\n\nAftermath\n\nRescue work continued.")
