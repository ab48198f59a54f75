"""Page junk on realistic pages written here: teaser blocks, comment forms, author bios, ..."""

from __future__ import annotations

import pytest

from cleaning import articles_text, clean_raw, removed_kinds

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


@pytest.mark.parametrize(
    "heading",
    [
        "READ ALSO",
        "Read also",
        "ALSO READ",
        "Related:",
        "See also",
        "RELATED RELEASES",
        "Read Next",
        "Latest Press Releases",
        # fr, es, de, it, pt (a translated page often keeps its related-links box as it was)
        "LIRE AUSSI",
        "À lire aussi",
        "Lire aussi :",
        "Voir aussi",
        "LEER MÁS",
        "Lea también",
        "Te puede interesar",
        "Mehr zum Thema",
        "Auch interessant",
        "Leggi anche",
        "Leia também",
        "Veja também",
    ],
)
def test_a_teaser_heading_alone_on_its_line_takes_the_headlines_under_it(heading):
    raw = (
        _STORY_HEAD + f"{heading}\n"
        "Niger junta extends state of emergency in three regions\n"
        "Mali army says it killed 20 militants near Menaka\n" + _STORY_TAIL
    )
    cleaned = clean_raw(raw)
    text = articles_text(cleaned)
    assert "state of emergency" not in text and "Menaka" not in text
    assert heading not in text
    assert removed_kinds(cleaned, "Menaka") == {"teaser"}
    for kept in ('"They shot anyone who tried to run," said one survivor.', "He was 34.",
                 "No group has claimed responsibility", "The army said it had sent reinforcements."):  # fmt: skip
        assert kept in text


def test_a_teaser_heading_takes_a_one_headline_list_that_asks_a_question():
    raw = _STORY_HEAD + "ALSO READ\nWhy are the Pakistani Taliban back?\n" + _STORY_TAIL
    text = articles_text(clean_raw(raw))
    assert "Pakistani Taliban" not in text
    assert "The army said it had sent reinforcements." in text


@pytest.mark.parametrize("heading", ["Popular", "POPULAR", "Popular today", "Most recent", "More"])
def test_a_sidebar_s_bare_heading_after_the_story_takes_the_headlines_under_it(heading):
    raw = (
        _STORY_HEAD + _STORY_TAIL + f"\n{heading}\n"
        "- Landslide death toll reaches 250\n- Trader shot dead in Zinder\n"
    )
    cleaned = clean_raw(raw)
    text = articles_text(cleaned)
    assert "250" not in text and "Zinder" not in text
    assert removed_kinds(cleaned, "Landslide") == {"teaser"}
    assert "The army said it had sent reinforcements." in text


@pytest.mark.parametrize("word", ["Popular", "Latest", "Trending", "More"])
def test_prose_that_starts_with_a_sidebar_heading_s_word_is_kept(word):
    line = f"{word} anger in Tillaberi is directed at the army, residents told reporters."
    raw = _STORY_HEAD + line + "\n" + _STORY_TAIL
    assert line in articles_text(clean_raw(raw))


@pytest.mark.parametrize("heading", ["Latest", "Trending", "Popular"])
def test_a_menu_s_list_heading_over_the_headline_leaves_the_headline(heading):
    raw = f"Home\n{heading}\n" + _STORY_HEAD + _STORY_TAIL
    (article,) = clean_raw(raw).articles
    assert article.title == "Gunmen kill nine villagers in Tillaberi raid"
    assert heading not in article.text


@pytest.mark.parametrize(
    "prefix", ["Read more: ", "Lire aussi : ", "LIRE AUSSI - ", "LEER MÁS: ", "Leia também: "]
)
def test_a_one_line_read_more_teaser_heads_no_list(prefix):
    # "Read more: X" is one teaser of its own; the line after it is the story's
    raw = (
        _STORY_HEAD + f"{prefix}Mali army says it killed 20 militants near Menaka\n"
        "Residents said the attackers came from across the border\n" + _STORY_TAIL
    )
    text = articles_text(clean_raw(raw))
    assert "Menaka" not in text
    assert "Residents said the attackers came from across the border" in text


_MOSQUE = (
    "Suicide bomber kills six at Kabul mosque\n"
    "A suicide bomber killed six worshippers at a mosque in western Kabul during Friday prayers, "
    "police said, in an attack later claimed by Islamic State.\n"
    "The attacker was stopped at the door before he detonated his vest, a Taliban spokesman said.\n"
    "He was 34.\n"
)
_FORM = (
    "Leave a Reply Cancel reply\n"
    "Your email address will not be published. Required fields are marked *\n"
    "Comment\n"
    "Name *\n"
    "Email *\n"
    "Website\n"
    "Save my name, email, and website in this browser for the next time I comment.\n"
    "Post Comment\n"
)
_LONG_COMMENT = (
    "This is the third attack on the Hazara community in a month and still nobody is protecting "
    "the mosques in Dasht-e-Barchi, where my family lives.\n"
)


def test_an_unfilled_comment_form_goes_with_the_comment_thread_under_it():
    raw = (
        _MOSQUE + "2 thoughts on “Suicide bomber kills six at Kabul mosque”\n" + _FORM
        + "Hamid K.\nOctober 3, 2022 at 9:14 am\n" + _LONG_COMMENT + "Reply\n"
        + "Sara M.\nOctober 3, 2022 at 11:02 am\nThe Taliban cannot protect anyone.\nReply\n"
    )  # fmt: skip
    cleaned = clean_raw(raw)
    text = articles_text(cleaned)
    for gone in ("Leave a Reply", "Website", "Comment", "Save my name", "Post Comment",
                 "Hamid K.", "Dasht-e-Barchi", "Sara M."):  # fmt: skip
        assert gone not in text
    assert "He was 34." in text and "detonated his vest" in text
    assert removed_kinds(cleaned, "Dasht-e-Barchi") == {"comment_thread"}
    assert cleaned.articles[0].published is None  # a commenter's date does not date the page


def test_wordpress_form_notices_are_removed():
    raw = (
        _MOSQUE + "Leave a Reply\n" + "Name (required)\nMail (will not be published) (required)\n"
        "Website\nNotify me of follow-up comments by email.\n"
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.\n"
        + _LONG_COMMENT
    )  # fmt: skip
    text = articles_text(clean_raw(raw))
    for gone in ("Name (required)", "Mail (will", "Website", "Notify me", "Akismet"):
        assert gone not in text
    assert "He was 34." in text


_HOTEL_BODY = (
    "Al-Shabaab fighters stormed a hotel in Mogadishu on Friday evening, setting off two car "
    "bombs before gunmen entered the building, police said.\n"
    "At least 12 people were killed, a police spokesman said.\n"
)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Posted on August 20, 2022 by Frontline Staff", "Frontline Staff"),
        ("Published on 20 August 2022 by Amina Hassan", "Amina Hassan"),
        ("August 20, 2022 by admin", "admin"),
        ("By Amina Hassan on August 20, 2022", "Amina Hassan"),
        ("Written by Amina Hassan | 20 August 2022 | 5 min read", "Amina Hassan"),
    ],
)
def test_blog_bylines_give_author_and_date(line, author):
    raw = f"Al-Shabaab fighters storm hotel in Mogadishu\n{line}\n" + _HOTEL_BODY
    (article,) = clean_raw(raw).articles
    assert line not in article.text
    assert (article.author, article.published, article.date_source) == (
        author, "2022-08-20", "byline"
    )  # fmt: skip
    assert "At least 12 people were killed" in article.text


def test_an_archive_with_bylines_under_the_headlines_splits_into_dated_stories():
    raw = (
        "Cabo Delgado Archives - Mozambique Watch\n"
        "Insurgents behead four in Macomia district\n"
        "Posted on June 3, 2022 by Carlos Mabunda\n"
        "Insurgents beheaded four civilians in Macomia district on Wednesday, local sources told "
        "Mozambique Watch. The victims had gone to their farms.\n"
        "Read more »\n"
        "Rwandan troops retake village near Mocimboa da Praia\n"
        "Posted on May 28, 2022 by Carlos Mabunda\n"
        "Rwandan and Mozambican troops said they had retaken the village of Mbau after clashes "
        "that left several insurgents dead.\n"
        "Read more »\n"
        "Thousands flee new attacks in Ancuabe\n"
        "Posted on May 20, 2022 by Joana Sitoe\n"
        "Thousands of people have fled their homes in Ancuabe district after attacks on at least "
        "three villages, aid agencies said.\n"
        "Read more »\n"
        "« Older Entries\n"
    )
    articles = clean_raw(raw).articles
    assert [(a.title, a.author, a.published) for a in articles] == [
        ("Insurgents behead four in Macomia district", "Carlos Mabunda", "2022-06-03"),
        ("Rwandan troops retake village near Mocimboa da Praia", "Carlos Mabunda", "2022-05-28"),
        ("Thousands flee new attacks in Ancuabe", "Joana Sitoe", "2022-05-20"),
    ]
    assert "Mbau" in articles[1].text and "Mbau" not in articles[0].text
    assert not any("Posted on" in a.text for a in articles)


def test_the_byline_author_s_bio_after_the_article_is_removed():
    raw = (
        "Al-Shabaab fighters storm hotel in Mogadishu\nBy Amina Hassan\n" + _HOTEL_BODY
        + "Amina Hassan is a correspondent based in Mogadishu. She covers security in Somalia.\n"
    )  # fmt: skip
    cleaned = clean_raw(raw)
    (article,) = cleaned.articles
    assert "correspondent" not in article.text
    assert removed_kinds(cleaned, "correspondent") == {"author_bio"}
    assert "At least 12 people were killed, a police spokesman said." in article.text


def test_an_about_the_author_heading_goes_with_the_bio_under_it():
    raw = (
        "Al-Shabaab fighters storm hotel in Mogadishu\n" + _HOTEL_BODY + "About the author\n"
        "Abdi Warsame is a researcher focusing on armed groups in the Horn of Africa.\n"
    )  # fmt: skip
    (article,) = clean_raw(raw).articles
    assert "About the author" not in article.text and "Abdi Warsame" not in article.text
    assert "At least 12 people were killed" in article.text


def test_a_paragraph_on_someone_else_who_is_a_journalist_is_kept():
    # only the byline's author makes a bio; a story may well end on a journalist
    raw = (
        "Journalist detained after reporting on Mogadishu attack\nBy Amina Hassan\n" + _HOTEL_BODY
        + "Abdi Warsame is a freelance journalist who was detained by police on Sunday.\n"
        + "Amina Hassan said she was not told why.\n"
    )  # fmt: skip
    text = clean_raw(raw).articles[0].text
    assert "Abdi Warsame is a freelance journalist who was detained by police on Sunday." in text
    assert "Amina Hassan said she was not told why." in text


def test_blog_furniture_after_the_article_is_removed():
    raw = (
        "Al-Shabaab fighters storm hotel in Mogadishu\n" + _HOTEL_BODY
        + "Tagged as a terrorist group by Washington in 2008, al-Shabaab has fought the "
        "government for more than 15 years.\n"
        "Like Loading...\n"
        "Join 2,345 other subscribers\n"
        "Enter your email address to subscribe to this blog and receive notifications of new "
        "posts by email.\n"
        "Privacy Notice: Newsletters may contain information about charities, online ads, and "
        "content funded by outside parties.\n"
        "Tagged Mogadishu, Somalia, Al-Shabaab\n"
    )  # fmt: skip
    cleaned = clean_raw(raw)
    text = articles_text(cleaned)
    for gone in (
        "Loading",
        "subscribers",
        "Enter your email",
        "Privacy Notice",
        "Tagged Mogadishu",
    ):
        assert gone not in text
    assert "Tagged as a terrorist group by Washington in 2008" in text
    assert removed_kinds(cleaned, "Tagged Mogadishu") == {"navigation"}


@pytest.mark.parametrize("line", ["ABUJA, 3 March 2023", "Maiduguri, Borno State - March 3, 2023"])
def test_a_press_release_s_place_and_date_line_dates_it(line):
    raw = (
        "PRESS RELEASE\nTroops rescue 24 hostages in Borno\n" + line + "\n"
        "Troops of Operation Hadin Kai rescued 24 kidnapped persons during clearance operations "
        "in Borno State on Wednesday, the army said in a statement.\n"
        "Items recovered include five rifles.\n"
        "Signed\nDirector Army Public Relations\n15 March 2023\n"
    )
    (article,) = clean_raw(raw).articles
    assert line not in article.text
    assert (article.published, article.date_source) == ("2023-03-03", "dateline")
    assert "Items recovered include five rifles." in article.text


@pytest.mark.parametrize(
    ("line", "day"),
    [
        # a TV station's theme: the time after a slash, with its zone
        ("Posted: Oct 14, 2021 / 09:25 PM EDT", "2021-10-14"),
        ("Updated: Oct 14, 2021 / 09:25 PM EDT", "2021-10-14"),
        # a date with the reading time on the same line
        ("14 October 2021 · 6 min read", "2021-10-14"),
        ("Oct 14, 2021 | 6 mins read", "2021-10-14"),
    ],
)
def test_a_date_line_with_a_slashed_time_or_a_reading_time_dates_the_page(line, day):
    raw = (
        "Gunmen kill three at Kaduna checkpoint\n\n" + line + "\n\n"
        "Gunmen killed three vigilantes at a checkpoint outside Kaduna on Wednesday, a police "
        "spokesman said, the second such attack this month.\n"
    )
    cleaned = clean_raw(raw)
    (article,) = cleaned.articles
    assert line not in article.text
    assert article.published == day
    assert removed_kinds(cleaned, line) == {"dateline_metadata"}


def test_a_site_s_tag_line_above_the_headline_is_masthead():
    raw = (
        "Frontline Watch\nIndependent reporting on conflict in the Horn of Africa\n"
        "Al-Shabaab fighters storm hotel in Mogadishu\n" + _HOTEL_BODY
    )
    url = "https://frontlinewatch.example/2022/08/al-shabaab-fighters-storm-hotel-in-mogadishu/"
    cleaned = clean_raw(raw, url=url)
    (article,) = cleaned.articles
    assert article.title == "Al-Shabaab fighters storm hotel in Mogadishu"
    assert "Independent reporting" not in article.text
    assert removed_kinds(cleaned, "Independent reporting") == {"masthead"}
    # under the headline, a standfirst of the same length stays
    raw = (
        "Al-Shabaab fighters storm hotel in Mogadishu\n"
        "Gunmen held guests hostage for hours as security forces surrounded the building\n"
        + _HOTEL_BODY
    )  # fmt: skip
    assert "Gunmen held guests hostage for hours" in clean_raw(raw, url=url).articles[0].text


# A news agency's story as a client site prints it: the version tag on the headline, the note on
# what this version changes, the byline, the dateline. The note's "paragraph 4" is no figure.
_WIRE_STORY = (
    "UPDATE 3-Militants ambush army convoy in central Mali, army says\n"
    "{note}\n"
    "By Oumar Traore\n"
    "MOPTI, Mali, March 9 (Reuters) - Militants ambushed an army supply convoy near the town of "
    "Boni in central Mali on Thursday, killing nine soldiers, the army said in a statement.\n"
    "The statement said soldiers had repelled the attackers and that an operation to find them "
    "was under way in the surrounding forest.\n"
)


@pytest.mark.parametrize(
    "note",
    [
        "(Adds army toll in paragraph 4)",
        "(Updates with toll in paragraphs 1-2, adds witness)",
        "(Recasts with reprisal raids, adds quotes)",
        "(Corrects spelling of commander's name in paragraph 6)",
        "(Refiles to fix typo in paragraph 2)",
        "(This March 9 story corrects the name of the town in paragraph 1)",
    ],
)
def test_a_wire_story_s_version_note_and_headline_tag_are_removed(note):
    cleaned = clean_raw(_WIRE_STORY.format(note=note))
    (article,) = cleaned.articles
    assert article.title == "Militants ambush army convoy in central Mali, army says"
    assert "UPDATE" not in article.text and "paragraph" not in article.text
    assert removed_kinds(cleaned, note) == {"wire_note"}
    assert removed_kinds(cleaned, "UPDATE 3-") == {"wire_note"}
    assert "killing nine soldiers" in article.text


def test_a_record_title_loses_its_wire_version_tag():
    # the title comes with the record, not in the text: it loses "UPDATE 2 -" all the same
    raw = _WIRE_STORY.format(note="(Adds army toll in paragraph 4)").split("\n", 1)[1]
    cleaned = clean_raw(raw, title="UPDATE 2 - Militants ambush army convoy in central Mali")
    (article,) = cleaned.articles
    assert article.title == "Militants ambush army convoy in central Mali"
    assert "paragraph" not in article.text


def test_parenthesised_news_is_no_wire_note():
    # a live blog's update and a parenthesised sentence of the story are its news
    raw = _WIRE_STORY.format(note="(Update: the army later raised the toll to 14.)") + (
        "(The army said two of the wounded were later flown to Bamako.)\n"
    )
    cleaned = clean_raw(raw)
    (article,) = cleaned.articles
    assert "raised the toll to 14" in article.text
    assert "flown to Bamako" in article.text
    assert "wire_note" not in {r.kind for r in cleaned.removed if "UPDATE" not in r.text}


def test_a_translated_edition_s_note_on_itself_is_furniture() -> None:
    """ "English version translated from the Spanish original." above a headline is no headline
    and no body; nor is "[Automatic translation from French. ...]"."""
    for note in (
        "English version translated from the Spanish original.",
        "[Automatic translation from French. The original version makes faith.]",
        "This article was machine-translated from Arabic by our newsroom.",
    ):
        page = (
            "Daily Courier\n\n" + note + "\n\nTruck bomb kills six in Cali\n\nA truck loaded with "
            "explosives blew up in front of a military school in Cali on Thursday, killing six "
            "people, officials said. More than 70 people were wounded in the blast, the city's "
            "health secretariat said in its latest report."
        )
        cleaned = clean_raw(page)
        [article] = cleaned.articles
        assert note not in article.text and removed_kinds(cleaned, note) == {"disclaimer"}
        assert article.title == "Truck bomb kills six in Cali"
