"""The clean step on small texts written here: offsets, dates, HTML and edge cases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.clean import REMOVED_KINDS, clean_document, describe_kind
from sitrep.clean.dates import date_from_url, is_date_only, parse_date
from sitrep.clean.patterns import load_patterns
from sitrep.records import Document
from test_clean_markdown import assert_exact


def _doc(raw: str, **kw) -> Document:
    return Document(id="t", source_id="t", origin="t", raw=raw, **kw)


_LINES = st.sampled_from(
    [
        "Advertisement - story continues below",
        "• @user_1",
        "6 months ago",
        "Author: A B | Date: 01 November 2021 | Permalink",
        " date 2022-03-07 Gunmen killed 5 people.",
        "Home › News › Story",
        "The\n\nblast,\n\nwhich",
        "Men digging graves in Kabul.",
        "Read more: something",
        "50",
        "",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.text(max_size=80), _LINES), max_size=25),
    st.sampled_from(["\n", "\n\n", "\r\n"]),
)
def test_any_text_round_trips(lines, sep):
    raw = sep.join(lines)
    cleaned = clean_document(_doc(raw))
    assert cleaned.articles, "a document always yields at least one article"
    assert_exact(raw, cleaned)


def test_empty_document_still_yields_one_article():
    cleaned = clean_document(_doc("Advertisement\n\nShare\n"))
    assert len(cleaned.articles) == 1
    assert cleaned.articles[0].text == ""
    assert [r.kind for r in cleaned.removed] == ["ad", "share_prompt"]


_QUETTA = (
    "Blast kills 4 in Quetta\n\n"
    "QUETTA, May 9 - A roadside bomb killed four policemen on the outskirts of Quetta on "
    "Thursday, officials said.\n\n"
)


@pytest.mark.parametrize(
    "paragraph",
    [
        # present-tense verbs the caption rule does not know, and a second clause
        "Separatist fighters still mount raids against convoys in the hills and valleys of the "
        "province, but such raids seldom reach the provincial capital.",
        # an adverb of frequency: a habit, not what a photo shows
        "Militants often plant mines along the roads south of Quetta.",
    ],
)
def test_a_one_sentence_body_paragraph_before_a_credit_line_is_no_caption(paragraph):
    raw = _QUETTA + paragraph + "\n\n(Reporting by Quetta bureau; Editing by Ann Lee)\n"
    cleaned = clean_document(_doc(raw))
    assert paragraph in cleaned.articles[0].text
    assert not [r for r in cleaned.removed if r.kind == "caption"]


def test_a_verbless_caption_between_paragraphs_is_still_removed():
    caption = "Policemen at the site of the roadside bomb on the outskirts of Quetta."
    raw = _QUETTA + caption + "\n\nNo group claimed the attack, the police said.\n"
    cleaned = clean_document(_doc(raw))
    assert caption not in cleaned.articles[0].text
    assert [r.kind for r in cleaned.removed if r.text == caption] == ["caption"]


def test_short_real_paragraphs_and_victim_lists_are_kept():
    raw = (
        "Gunmen kill 12 at a market in northern Nigeria\n\n"
        "Gunmen killed at least 12 people at a market in Zamfara state on Sunday, police said.\n\n"
        "The dead included:\n"
        "Musa Ibrahim, 34, a trader\n"
        "Aisha Bello, 19, a student\n\n"
        "“We are still counting,” he said.\n\n"
        "No group has claimed the attack so far, and police said an investigation was under way.\n"
    )
    text = clean_document(_doc(raw)).articles[0].text
    for kept in ("Musa Ibrahim, 34, a trader", "Aisha Bello, 19", "“We are still counting,” he said.",
                 "The dead included:", "Gunmen kill 12 at a market"):  # fmt: skip
        assert kept in text


def test_byline_and_dateline_become_metadata():
    raw = (
        "Suicide bomber hits checkpoint in Mogadishu\n"
        "By Amina Hassan\n"
        "March 3, 2023 10:15 am\n"
        "A suicide bomber struck a checkpoint in Mogadishu on Friday, killing at least seven people, "
        "officials said. Al-Shabaab said it carried out the attack.\n"
    )
    (article,) = clean_document(_doc(raw)).articles
    assert article.title == "Suicide bomber hits checkpoint in Mogadishu"
    assert article.author == "Amina Hassan"
    assert (article.published, article.date_precision, article.date_source) == (
        "2023-03-03",
        "day",
        "dateline",
    )
    assert "Amina Hassan" not in article.text and "10:15" not in article.text


def test_sentence_starting_with_by_is_not_a_byline():
    raw = "Attack toll rises\n\nBy Sunday, 12 people had died in hospital, the ministry said on Monday.\n"
    text = clean_document(_doc(raw)).articles[0].text
    assert "By Sunday, 12 people had died" in text


def test_url_and_record_dates():
    raw = "Officials said three people were killed in the attack on the police station on Friday."
    by_url = clean_document(_doc(raw, url="https://x.example/2023/06/10/attack")).articles[0]
    assert (by_url.published, by_url.date_source, by_url.date_precision) == (
        "2023-06-10",
        "url",
        "day",
    )
    by_record = clean_document(_doc(raw, published="2021-05-09T10:00:00Z")).articles[0]
    assert (by_record.published, by_record.date_source) == ("2021-05-09", "record")
    month = clean_document(_doc(raw, url="https://x.example/2021/05/blast")).articles[0]
    assert (month.published, month.date_precision) == ("2021-05-01", "month")
    assert by_url.publisher == "x.example"
    assert (
        clean_document(_doc(raw, publisher="Example Times")).articles[0].publisher
        == "Example Times"
    )


def test_date_parsing():
    assert parse_date("Date: 01 November 2021") == ("2021-11-01", "day")
    assert is_date_only("Thursday 27 October 2022 - 18:32") == ("2022-10-27", "day")
    assert is_date_only("Nov 02 2020, 23:01 ist") == ("2020-11-02", "day")
    assert is_date_only("November 2021") == ("2021-11-01", "month")
    assert is_date_only("Police said on November 3, 2020 that 12 died") is None
    assert is_date_only("10 November 2020 | Southern Africa") == ("2020-11-10", "day")
    assert is_date_only("10 November 2020 Gunmen Attack Village") is None
    assert parse_date("February 30, 2021") is None
    assert date_from_url("https://a.example/news/20230617/1/x") == ("2023-06-17", "day")
    assert date_from_url("https://a.example/item/123456") is None


def test_html_page_through_trafilatura():
    html = (
        "<html><head><title>Blast kills 12 in Kabul - Example News</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta name="author" content="Jane Roe">'
        '<meta property="article:published_time" content="2022-09-05T10:00:00Z"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav><article>'
        "<h1>Blast kills 12 in Kabul</h1>"
        "<p>A suicide bomber killed at least 12 people near the Russian embassy in Kabul on Monday, "
        "officials said.</p><p>Advertisement - story continues below</p>"
        "<p>The Islamic State group claimed responsibility for the attack in a statement on "
        "Telegram, saying one of its fighters carried it out.</p>"
        "<p>Taliban spokesman Zabihullah Mujahid said an investigation had been opened.</p>"
        "</article><footer>Copyright 2022 Example News. All rights reserved.</footer></body></html>"
    )
    cleaned = clean_document(_doc(html, content_type="html"))
    (article,) = cleaned.articles
    assert article.title == "Blast kills 12 in Kabul"
    assert (article.author, article.published, article.publisher) == (
        "Jane Roe",
        "2022-09-05",
        "Example News",
    )
    assert "killed at least 12 people" in article.text
    assert "Advertisement" not in article.text and "Home" not in article.text
    assert any(r.kind == "ad" for r in cleaned.removed)
    assert article.offsets
    for i, char in enumerate(article.text):
        j = article.raw_offset(i)
        assert j is None or html[j] == char


def test_every_kind_in_the_patterns_is_described():
    patterns = load_patterns()
    kinds = {name.split("__")[0] for name in patterns.lines.groupindex}
    kinds |= {k for k, _ in patterns.prefixes} | {k for k, _ in patterns.suffixes}
    assert kinds <= set(REMOVED_KINDS), kinds - set(REMOVED_KINDS)
    assert describe_kind("comment_thread").startswith("reader comments")


def test_wire_page_furniture():
    raw = (
        "Skip to main content\nWorld\nAfrica\n"
        "Gunmen kill 20 villagers in Burkina Faso attack\n"
        "By Reuters\nJune 12, 2023 4:05 PM GMT+1\nUpdated 2 hours ago\n"
        "OUAGADOUGOU, June 12 (Reuters) - Gunmen killed at least 20 civilians in an attack on a "
        "village in northern Burkina Faso, local sources said on Monday.\n"
        '"They came on motorbikes," a resident said.\n'
        "Reporting by Thiam Ndiaga; Editing by Alex Richardson\n"
        "Related Coverage\nMali junta says 15 soldiers killed\nSign up here.\n"
    )
    cleaned = clean_document(_doc(raw))
    (article,) = cleaned.articles
    assert article.title == "Gunmen kill 20 villagers in Burkina Faso attack"
    assert (article.published, article.date_source) == ("2023-06-12", "dateline")
    assert article.text.endswith('"They came on motorbikes," a resident said.')
    assert "Mali junta" not in article.text and "Skip to" not in article.text
    assert {"teaser", "credit", "byline", "navigation"} <= {r.kind for r in cleaned.removed}


def test_embedded_reviews_dropped_but_announced_statements_kept():
    review = (
        "Gunmen stormed a hotel in Palma on Wednesday, killing at least seven people, officials "
        "said. The hotel is known for helping travellers. Here are some guest reviews:\n"
        "I loved my stay here and the staff were wonderful to me.\n"
    )
    text = clean_document(_doc(review)).articles[0].text
    assert "killing at least seven people" in text
    assert "guest reviews" not in text and "loved my stay" not in text
    for intro in ("Below is the post the group published on Telegram:",
                  "Here are the comments from the ministry:"):  # fmt: skip
        raw = f"Militants attacked a base in Mali on Sunday, the army said. {intro}\n" + (
            "Our fighters killed 30 soldiers of the apostate army in the attack on the base.\n"
        )
        assert "Our fighters killed 30 soldiers" in clean_document(_doc(raw)).articles[0].text


def test_dotted_metadata_line_is_a_byline():
    raw = (
        "Blast hits market in Mogadishu\n"
        "Horn Observer · 30 October 2022 · By Amina Warsame\n"
        "A car bomb exploded at a busy market in Mogadishu on Saturday, killing at least nine "
        "people, police said.\n"
    )
    (article,) = clean_document(_doc(raw)).articles
    assert (article.author, article.published, article.date_source) == (
        "Amina Warsame",
        "2022-10-30",
        "byline",
    )
    assert "Horn Observer" not in article.text
    updated = raw.replace(
        "Horn Observer · 30 October 2022 · By Amina Warsame",
        "Via IANS | Last updated on: 31 October 2022",
    )
    (article,) = clean_document(_doc(updated)).articles
    assert (article.author, article.published, article.date_source) == (
        None,
        "2022-10-31",
        "updated",
    )


def test_dated_comments_under_a_comment_prompt_are_no_archive():
    # commenters' "Name · date" lines look like an archive's bylines: under a comment prompt
    # they are a thread, so the page keeps its headline, its writer and no comment text
    raw = (
        "NEWS  POLITICS  NORTH-EAST  METRO  OPINION  VIDEO\n\n"
        "Gunmen kill 12 farmers near Maiduguri, officials say\n\n"
        "By Ibrahim Musa, Maiduguri\n\n"
        "Gunmen on motorcycles killed 12 rice farmers near Maiduguri on Saturday, local "
        "officials said, in the second attack on farmers in the area this month.\n\n"
        "Leave a comment\n"
        "Your email address will not be published. Required fields are marked *\n\n"
        "Abba G. · December 2, 2020 at 1:22 pm\n"
        "May Allah grant them Aljannah. Government has failed us.\n\n"
        "Chuks · December 2, 2020 at 3:05 pm\n"
        "12 or 20, one life is too many.\n"
    )
    cleaned = clean_document(_doc(raw))
    (article,) = cleaned.articles
    assert article.title == "Gunmen kill 12 farmers near Maiduguri, officials say"
    assert article.author == "Ibrahim Musa"
    assert "Aljannah" not in article.text and "one life" not in article.text
    assert any(r.kind == "comment_thread" for r in cleaned.removed)
    # a header with a count opens a thread too
    prompt = raw[raw.index("Leave a comment") : raw.index("Abba G.")]
    counted = raw.replace(prompt, "COMMENTS (2)\n")
    (article,) = clean_document(_doc(counted)).articles
    assert article.author == "Ibrahim Musa" and "Aljannah" not in article.text


def test_a_page_s_tag_line_is_furniture():
    """ "Tags: Mopti, Sahel, Jihadists" lists the page's topics: its places are no event's."""
    raw = (
        "Gunmen on motorbikes opened fire at a market in Gao on Sunday, officials said.\n\n"
        "Tags: Mopti, Sahel, Jihadists\n"
    )
    cleaned = clean_document(_doc(raw))
    assert "Mopti" not in cleaned.articles[0].text
    assert [r.text for r in cleaned.removed] == ["Tags: Mopti, Sahel, Jihadists"]


_STORY = (
    "Rebels burn a market town in Ouham, residents say\n\n"
    "By Thierry Ngaba\n\n"
    "Armed men burned the market and about forty houses in the town of Kembara on Saturday, "
    "residents said, and the local prefect said four traders had been shot dead.\n\n"
    "The prefect blamed a rebel coalition that has been active in the area since 2021 and said "
    "troops had been sent from the regional capital on Sunday morning.\n\n"
)


def test_reader_comments_under_a_comment_heading_are_removed():
    # commenters' lines come as "Name - date at time", "Name — dd/mm/yyyy at hh:mm" or
    # "handle · d Mon yyyy at hh:mm"; the comments under them (one with a toll of its own) go
    comments = (
        "Tags: Ouham, rebels\n\n"
        "{heading}\n"
        "Marcel K. {sep} {date1}\n"
        "Where was the army when they came?\n"
        "Reply\n"
        "Odile N. {sep} {date2}\n"
        "In Bambara last month they burned nine houses and nobody wrote about it.\n\n"
        "Leave a reply\n"
        "Your email address will not be published. Required fields are marked *\n"
        "© 2022 Ouham Courier\n"
    )
    forms = [
        ("3 comments", "—", "14/05/2022 at 09:12", "14/05/2022 at 10:40"),
        ("2 Responses", "-", "May 14, 2022 at 9:12 am", "May 14, 2022 at 10:40 am"),
        ("Comments", "·", "14 May 2022 at 09:12", "14 May 2022 at 10:40"),
        ("Join the discussion", "-", "May 14, 2022 at 9:12 am", "May 14, 2022 at 10:40 am"),
    ]
    for heading, sep, date1, date2 in forms:
        raw = _STORY + comments.format(heading=heading, sep=sep, date1=date1, date2=date2)
        cleaned = clean_document(_doc(raw, published="2022-05-14"))
        (article,) = cleaned.articles
        assert article.title == "Rebels burn a market town in Ouham, residents say", heading
        assert (article.author, article.published) == ("Thierry Ngaba", "2022-05-14"), heading
        assert "troops had been sent" in article.text, heading
        for gone in ("Marcel K.", "army when they came", "nine houses", "Odile"):
            assert gone not in article.text, (heading, gone)
        assert "comment_thread" in {r.kind for r in cleaned.removed}, heading
    # a comment with no full stop over the next commenter's line is no headline of a new story
    raw = _STORY + (
        "2 comments\n"
        "Marcel K. · May 14, 2022 at 9:12 am\n"
        "God protect the people of Kembara\n"
        "Odile N. · May 14, 2022 at 10:40 am\n"
        "In Bambara last month they burned nine houses and shot two herders, and nobody wrote "
        "about it because the road was closed and the radio said nothing for a week.\n"
    )
    (article,) = clean_document(_doc(raw)).articles
    assert "Kembara\n" not in article.text and "nine houses" not in article.text
    # a commenter's name on a line of its own, the date on the next
    raw = _STORY + "Comments\n\nOdile N. says:\nMay 14, 2022 at 10:40 am\nNine houses burned.\n"
    (article,) = clean_document(_doc(raw)).articles
    assert "Nine houses" not in article.text and "Odile" not in article.text
    assert article.published is None  # a commenter's date is not the page's


def test_a_comment_heading_without_commenters_removes_nothing_else():
    # "3 comments" with the story's own prose after it, and a prose "Comments" line, open no thread
    raw = (
        "Rebels burn a market town in Ouham, residents say\n\n3 comments\n\n"
        + _STORY.split("\n\n", 2)[2]
        + "Comments\n\nThe prefect said he would travel to Kembara on Monday to meet traders.\n"
    )
    (article,) = clean_document(_doc(raw)).articles
    assert "four traders had been shot dead" in article.text
    assert "travel to Kembara on Monday" in article.text


def test_comments_on_an_archive_page_end_at_the_next_story():
    raw = (
        "Ouham Courier\n\n"
        "Rebels burn a market town in Ouham, residents say\n"
        "Posted on May 14, 2022\n" + _STORY.split("\n\n", 2)[2] + "2 comments\n"
        "Marcel K. - May 14, 2022 at 9:12 am\n"
        "Where was the army when they came?\n"
        "Odile N. - May 14, 2022 at 10:40 am\n"
        "In Bambara last month they burned nine houses and nobody wrote about it.\n\n"
        "Prefect of Ouham asks for more peacekeepers after Kembara raid\n"
        "Posted on May 16, 2022\n"
        "The prefect of Ouham on Monday asked the United Nations mission to send more "
        "peacekeepers to the roads around Kembara, where traders say they no longer dare travel.\n"
    )
    articles = clean_document(_doc(raw)).articles
    assert [(a.title, a.published) for a in articles] == [
        ("Rebels burn a market town in Ouham, residents say", "2022-05-14"),
        ("Prefect of Ouham asks for more peacekeepers after Kembara raid", "2022-05-16"),
    ]
    assert "nine houses" not in articles[0].text and "Marcel" not in articles[0].text
    assert "no longer dare travel" in articles[1].text
    # dated stories after the comments: the headline's byline has no commenter's time stamp
    bylined = raw.replace("Posted on May 16, 2022", "Thierry Ngaba · May 16, 2022")
    assert [a.title for a in clean_document(_doc(bylined)).articles][1:] == [
        "Prefect of Ouham asks for more peacekeepers after Kembara raid"
    ]


def test_a_read_more_link_ends_an_item_of_a_list_of_dated_stories():
    items = [
        (
            "Gunmen ambush a convoy on the Bossangoa road",
            "March 9, 2022",
            "Gunmen ambushed a convoy of lorries on the road north of Bossangoa on Tuesday, "
            "killing two drivers, the transport union said on Wednesday.",
        ),
        (
            "Rebel coalition denies role in Kaga-Bandoro clash",
            "March 2, 2022",
            "A spokesman for the rebel coalition said on Thursday that none of its units had "
            "taken part in Monday's clash near Kaga-Bandoro, in which five people died.",
        ),
        (
            "Peacekeepers repel attack on base near Bria",
            "November 20, 2020",
            "Peacekeepers repelled an attack on their base near Bria on Friday, the UN mission "
            "said, adding that one of its soldiers had been lightly wounded.",
        ),
    ]
    for link in ("Read more »", "Continue reading →", "Read more"):
        raw = "Ouham Courier\nNews from the north-west\nHome | Politics | Security\n\n"
        for title, date, text in items:
            raw += f"{title}\nPosted on {date} | Security | 2 comments\n\n{text}\n{link}\n\n"
        raw += "« Older posts\n© 2022 Ouham Courier\n"
        articles = clean_document(_doc(raw, published="2022-03-10")).articles
        assert [(a.title, a.published) for a in articles] == [
            (title, parse_date(date)[0]) for title, date, _ in items
        ], link
        assert "Kaga-Bandoro" not in articles[0].text and "Bria" not in articles[1].text
        # the page's own heading is listed as removed, not lost
        removed = clean_document(_doc(raw)).removed
        assert "News from the north-west" in " ".join(r.text for r in removed)
    # a "Read more" heading over other stories' headlines still lists teasers
    raw = (
        items[0][0] + "\n\n" + items[0][2] + " The union called a strike for Friday.\n\n"
        "READ MORE\n" + items[1][0] + "\n" + items[2][0] + "\n"
    )
    (article,) = clean_document(_doc(raw)).articles
    assert "Kaga-Bandoro" not in article.text and "Bria" not in article.text
