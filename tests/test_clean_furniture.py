"""Page furniture written here: comment sections with relative ages or in other languages, cookie
banners in the common European languages, blog archives printing each post's date above its title."""

from __future__ import annotations

import pytest

from cleaning import clean_raw, removed_kinds
from sitrep.clean.dates import is_date_only

_STORY = (
    "Insurgents raid a river port in Cabo Delgado, officials say\n\n"
    "Insurgents raided the river port of Quissanga on Tuesday night, burning boats and the fish "
    "market, and the district administrator said seven fishermen had been killed.\n\n"
    "The administrator said soldiers reached the port at dawn on Wednesday and that about two "
    "hundred families had fled towards the provincial capital by road.\n\n"
)


@pytest.mark.parametrize(
    ("heading", "commenter"),
    [
        ("4 Comments", "Kofi A. · 5 hours ago"),
        ("Comments", "Kofi A. — 2 days ago"),
        ("1 Comment", "Kofi A. - 3h"),
        ("Commentaires (3)", "Kofi Asante — 14/05/2022 à 09h40"),
        ("Comentarios (2)", "Kofi A. · hace 3 horas"),
        ("Kommentare", "Kofi A. — vor 2 Tagen"),
        ("3 commenti", "Kofi A. · 2 ore fa"),
        ("Comentários", "Kofi A. · há 5 minutos"),
        ("التعليقات", "Kofi A. · il y a 8 heures"),
        # the reader's town in brackets, a numeric date
        ("Comentarios", "Kofi A. (Pemba) - 14/05/2022"),
    ],
)
def test_reader_comments_with_ages_or_other_languages_are_removed(heading, commenter):
    # the comment has a toll of its own: it must not reach the article
    raw = _STORY + (
        f"{heading}\n{commenter}\n"
        "My cousin was there, they say more than thirty died and nobody counts them.\n"
    )
    cleaned = clean_raw(raw, published="2022-05-14")
    (article,) = cleaned.articles
    assert article.title == "Insurgents raid a river port in Cabo Delgado, officials say"
    assert "two hundred families" in article.text
    assert "thirty died" not in article.text and "Kofi" not in article.text
    assert removed_kinds(cleaned, "thirty died") == {"comment_thread"}
    assert article.published == "2022-05-14"


def test_a_commenter_s_name_over_a_short_age_line_opens_a_section():
    raw = _STORY + "2 comments\nKofi A.\n3h\nThey burned my uncle's boat too.\n"
    (article,) = clean_raw(raw).articles
    assert "uncle's boat" not in article.text and "Kofi" not in article.text


def test_a_short_age_line_outside_a_comment_section_removes_nothing():
    # "3h" alone could be anything: with no comment heading above, the text stays
    raw = _STORY + (
        "Kofi A.\n3h\nThe provincial governor said on Thursday that fishing would resume once "
        "the army had cleared the river banks around the port.\n"
    )
    (article,) = clean_raw(raw).articles
    assert "fishing would resume" in article.text


@pytest.mark.parametrize(
    "banner",
    [
        "Ce site utilise des cookies pour vous offrir une meilleure navigation. "
        "[Tout accepter] [Personnaliser]",
        "Utilizamos cookies propias y de terceros para analizar el tráfico. Aceptar",
        "Diese Website verwendet Cookies, damit wir sie fortlaufend verbessern können.",
        "Questo sito utilizza cookie tecnici e di terze parti. Accetta tutti",
        "Este site usa cookies para personalizar conteúdo. Aceitar",
    ],
)
def test_cookie_banners_in_european_languages_are_removed(banner):
    raw = banner + "\n\n" + _STORY
    cleaned = clean_raw(raw)  # no URL slug: a kept banner would be the first headline-like line
    (article,) = cleaned.articles
    assert article.title == "Insurgents raid a river port in Cabo Delgado, officials say"
    assert banner[:20] not in article.text
    assert removed_kinds(cleaned, banner[:20]) == {"cookie_notice"}


def test_cookie_banner_buttons_on_their_own_lines_are_removed():
    raw = "Nous utilisons des cookies.\n[Accepter]\n[Refuser]\nEn savoir plus\n\n" + _STORY
    cleaned = clean_raw(raw)
    (article,) = cleaned.articles
    assert article.text.startswith("Insurgents raid a river port")
    assert {r.kind for r in cleaned.removed} == {"cookie_notice"}


def test_french_and_other_times_make_a_date_line():
    assert is_date_only("14/05/2022 à 09h40") == ("2022-05-14", "day")
    assert is_date_only("14.05.2022 um 09:40 Uhr") == ("2022-05-14", "day")
    assert is_date_only("14/05/2022 a las 09:40") == ("2022-05-14", "day")


def test_a_date_stamp_with_when_it_was_updated_is_a_date_line():
    for stamp, day in (
        ("October 4, 2022  7:05 AM UTC  Updated 3 years ago", "2022-10-04"),
        ("May 5, 2020 10:12 AM ET · Last updated 2 hours ago", "2020-05-05"),
        # a section with a comma between the date and the reading time
        ("5 May 2020 | Niger, Tillaberi | 6 min read", "2020-05-05"),
    ):
        cleaned = clean_raw(f"{stamp}\n\n{_STORY}")
        (article,) = cleaned.articles
        assert (article.published, article.title) == (day, _STORY.split("\n")[0]), stamp
    # words that are no stamp keep the line a headline
    assert is_date_only("May 5, 2020 Updated casualty list for Kidal") is None


def test_a_country_field_with_an_apostrophe_a_hyphen_or_accents_is_part_of_a_date_line():
    for stamp, day in (
        ("June 4, 2023 | Chad, N'Djamena", "2023-06-04"),
        ("February 11, 2022 | Guinea-Bissau", "2022-02-11"),
        ("October 2, 2021 | Mali, Ségou", "2021-10-02"),
    ):
        assert is_date_only(stamp) == (day, "day"), stamp
        # a tag page's second item keeps its headline and date line after the "Read more"
        # that ends the first
        raw = (
            "Boats burnt in Quissanga\nMarch 9, 2021 | Mozambique\n"
            "Insurgents set fire to eleven fishing boats at Quissanga on Monday night, the "
            "district administrator said, a week after a first raid on the port.\nRead more\n\n"
            f"Ferry attacked near Bafatá\n{stamp}\n"
            "Armed men fired on a river ferry near Bafatá on Friday, killing five passengers and "
            "wounding the pilot, the regional governor said.\nRead more\n"
        )
        articles = clean_raw(raw).articles
        assert [(a.title, a.published) for a in articles] == [
            ("Boats burnt in Quissanga", "2021-03-09"),
            ("Ferry attacked near Bafatá", day),
        ], stamp


def test_a_tag_page_s_first_item_keeps_its_date_line_with_a_section_field():
    # headline, "date | section, region | reading time", prose, "Read more »" per item, under
    # the site's own header lines
    items = [
        (
            "Army post overrun near Djibo",
            "12 May 2021 | Burkina Faso, Sahel | 3 min read",
            "Gunmen attacked the post at dawn on Tuesday, the regional governor said, and "
            "several soldiers were reported missing after the fighting.",
        ),
        (
            "Ferry hijacked on the Niger river",
            "2 April 2021 | Mali | 2 min read",
            "Armed men boarded a passenger ferry near Gao on Thursday and forced the crew to "
            "sail it to an island, a local official told reporters.",
        ),
    ]
    raw = "Sahel Desk — Tag: convoys\n\nArchive | Tag: attacks | Page 2 of 9\n\n" + "".join(
        f"{title}\n{stamp}\n\n{body}\nRead more »\n\n" for title, stamp, body in items
    )
    articles = clean_raw(raw).articles
    assert [(a.title, a.published) for a in articles[-2:]] == [
        ("Army post overrun near Djibo", "2021-05-12"),
        ("Ferry hijacked on the Niger river", "2021-04-02"),
    ]


# a tag page's items: headline, "date | country" (names with an apostrophe or a hyphen, accents),
# an excerpt (some under twelve words), "Read more"
_TAG_ITEMS = [
    (
        "Market bombing kills nine in Moundou",
        "June 4, 2023 | Chad, N'Djamena",
        "A bomb went off in the central market of Moundou on Saturday, killing nine traders and "
        "wounding more than twenty, the governor said.",
        "2023-06-04",
    ),
    (
        "Patrol ambushed on the road to Bafatá",
        "February 11, 2022 | Guinea-Bissau",
        "Gunmen ambushed an army patrol near Bafatá on Thursday, killing 3 soldiers.",
        "2022-02-11",
    ),
    (
        "Ferry attacked near Ségou",
        "October 2, 2021 | Mali, Ségou",
        "Armed men fired on a river ferry near Ségou on Friday, killing five passengers and "
        "wounding the pilot, the regional governor said.",
        "2021-10-02",
    ),
    (
        "Militia raid on Kidira border post repelled",
        "August 19, 2020 | Senegal",
        "Customs officers at Kidira fought off a militia attack on Tuesday night.",
        "2020-08-19",
    ),
]


@pytest.mark.parametrize("link", ["Read more", "Read more »", "Continue reading →"])
def test_each_item_of_a_tag_page_after_a_read_more_link_is_an_article(link):
    # every item after the first keeps its headline and date line, whatever its country field
    # and however short its excerpt, and none is glued to the item before
    raw = "Tag: Sahel borders\n\nShowing 4 posts\n\n" + "".join(
        f"{title}\n{stamp}\n{body}\n{link}\n\n" for title, stamp, body, _ in _TAG_ITEMS
    )
    cleaned = clean_raw(raw + "Older posts\n")
    assert [(a.title, a.published, a.text) for a in cleaned.articles] == [
        (title, day, f"{title}\n\n{body}") for title, _, body, day in _TAG_ITEMS
    ]
    assert not any(r.kind == "teaser" and "Ferry" in r.text for r in cleaned.removed)


@pytest.mark.parametrize("heading", ["Related:", "Related stories", "Read more"])
def test_every_dated_headline_of_a_related_list_is_a_teaser(heading):
    # headlines each over its date, with no excerpt under them: links to other stories, all of
    # them, not only the first
    title, stamp, body, day = _TAG_ITEMS[0]
    listed = "".join(f"{other}\n{date}\n" for other, date, _, _ in _TAG_ITEMS[1:])
    cleaned = clean_raw(f"{title}\n{stamp}\n{body}\n\n{heading}\n\n{listed}")
    assert [(a.title, a.published, a.text) for a in cleaned.articles] == [
        (title, day, f"{title}\n\n{body}")
    ]
    for other, _, _, _ in _TAG_ITEMS[1:]:
        assert removed_kinds(cleaned, other) == {"teaser"}, other
    # a tag page's next item after such a list (a headline over its date line and prose) is
    # an article of its own
    nxt = "Clash at Rosso crossing\nJuly 1, 2020 | Mauritania\n" + _STORY.split("\n\n")[1]
    articles = clean_raw(f"{title}\n{stamp}\n{body}\n\n{heading}\n\n{listed}{nxt}\n").articles
    assert [(a.title, a.published) for a in articles] == [
        (title, day),
        ("Clash at Rosso crossing", "2020-07-01"),
    ]


_POSTS = [
    (
        "MARCH 9, 2021",
        "Fishing boats torched in second raid on Quissanga",
        "Insurgents set fire to eleven fishing boats at Quissanga on Monday night, the district "
        "administrator said, a week after a first raid on the port.",
        "2021-03-09",
    ),
    (
        "MARCH 2, 2021",
        "Army retakes road to Macomia after week-long closure",
        "Soldiers reopened the road between Macomia and the coast on Tuesday, a police "
        "spokesman said, adding that four attackers had been killed in the operation.",
        "2021-03-02",
    ),
    (
        "FEBRUARY 24, 2021",
        "Displaced families reach Pemba by boat",
        "About three hundred people who fled the fighting around Quissanga arrived in Pemba by "
        "boat on Wednesday, aid workers said, most of them women and children.",
        "2021-02-24",
    ),
]
_CLOSE = (
    "Share this:\nTwitter Facebook\nLike this: Like Loading...\n"
    "Posted in Cabo Delgado, Security | Tagged Quissanga | Leave a comment\n"
)


def _archive(byline: str, close: str = _CLOSE) -> str:
    raw = "Cabo Delgado Monitor\nNews and analysis from northern Mozambique\n\nTag: quissanga\n\n"
    for date, title, text, _ in _POSTS:
        raw += f"{date}\n{title}\n{byline.format(date=date.title())}\n{text}\n\n{close}\n"
    return raw + "← Older posts\n© Cabo Delgado Monitor\n"


@pytest.mark.parametrize(
    "byline",
    [
        "Posted by cd_editor in Cabo Delgado, Security",
        "by cd_editor · in Security",
        "By Lina Mussa · {date}",  # a dated byline under each title
        "Mozambique desk",  # a line the patterns do not read
        "",
    ],
)
def test_an_archive_printing_dates_above_titles_is_split(byline):
    articles = clean_raw(_archive(byline)).articles
    assert [(a.title, a.published) for a in articles] == [(t, d) for _, t, _, d in _POSTS]
    assert "four attackers" not in articles[0].text
    assert "three hundred people" not in articles[1].text
    assert "Like this" not in articles[0].text and "Twitter Facebook" not in articles[0].text
    if byline.startswith(("Posted by", "By")):
        assert {a.author for a in articles} == {"cd_editor" if "cd_" in byline else "Lina Mussa"}
        assert "Posted by" not in articles[0].text and "Lina" not in articles[0].text


@pytest.mark.parametrize(
    "link", ["Continue reading →", "LEER MÁS", "Lire la suite »", "Weiterlesen"]
)
def test_excerpts_ending_in_a_read_more_link_under_dates_are_split(link):
    articles = clean_raw(_archive("", close=f"{link}\n")).articles
    assert [(a.title, a.published) for a in articles] == [(t, d) for _, t, _, d in _POSTS]


def test_comments_under_a_post_end_at_the_next_date_headed_post():
    comments = (
        "Comments\nAma K. — March 9, 2021 at 9:12 am\n"
        "They say twenty boats, not eleven. Nobody asks the fishermen.\n"
    )
    raw = _archive("").replace(_POSTS[1][0], comments + "\n" + _POSTS[1][0], 1)
    articles = clean_raw(raw).articles
    assert [a.title for a in articles] == [t for _, t, _, _ in _POSTS]
    assert "twenty boats" not in articles[0].text


def test_a_single_story_under_its_date_line_is_not_split():
    # one date line over a headline is the story's own dateline; a timeline inside the story
    # (dates over sub-headings, no post furniture between) opens no articles
    date, title, text, day = _POSTS[0]
    raw = (
        f"Cabo Delgado Monitor\n\n{date}\n{title}\n\n{text}\n\n"
        "How the attacks unfolded\n\n"
        "FEBRUARY 24, 2021\nFirst raid on the port\n"
        "Gunmen arrived by boat before dawn and burned the market, residents said, and two "
        "fishermen were shot dead on the beach.\n\n"
        "MARCH 2, 2021\nRoad to Macomia closed\n"
        "The army closed the road after an ambush on a lorry carrying maize, the police said, "
        "and travellers were told to wait in Macomia.\n\n" + _CLOSE + "\nRelated\n"
        "Army retakes road to Macomia after week-long closure\n"
    )
    (article,) = clean_raw(raw).articles
    assert (article.title, article.published) == (title, day)
    assert "two fishermen were shot dead" in article.text
    assert "travellers were told to wait" in article.text


def test_a_byline_naming_where_the_writer_filed_from_is_removed():
    for line in (
        "By Tomas Chissano, in Pemba",
        "By Tomas Chissano in Pemba",
        # two writers, each where they filed from
        "By Tomas Chissano in Pemba and Rui Lobo in Maputo",
    ):
        raw = _STORY.replace("\n\n", f"\n\n{line}\n\n", 1)
        (article,) = clean_raw(raw).articles
        assert article.author == "Tomas Chissano" and "Chissano" not in article.text
        assert "Maputo" not in article.text


_LIVE_ENTRIES = [
    (
        "Salif Ouattara",
        "2 hours ago",
        "The regional governor said the attack on the army base at Djibo began shortly before "
        "dawn, when several hundred fighters on motorbikes approached from the north. Residents "
        "reported heavy gunfire for more than three hours. The army has not yet given a toll.",
    ),
    (
        "Salif Ouattara",
        "3 hours ago",
        "A security source told us that at least 15 soldiers were killed and about 30 wounded, and "
        "that reinforcements had been sent from Kaya by road. The figures could not be "
        "independently verified. Phone lines to the town remain cut.",
    ),
    (
        "Mariam Sanou",
        "4 hours ago",
        "The al-Qaeda affiliate active in the region, JNIM, claimed the attack in a statement "
        "shared on its channels. The group said it had seized weapons and vehicles.",
    ),
]
_LIVE_HEADLINE = "Live: Hundreds of fighters attack army base in Djibo, northern Burkina Faso"


def _live_blog(head: str, counter: str = "") -> str:
    raw = (
        f"{_LIVE_HEADLINE}\n\nLive updates\nLast updated 35 minutes ago\n\n"
        "Hundreds of fighters attacked the army base in Djibo on Sunday, in one of the deadliest "
        "attacks on the army this year. Follow our live coverage.\n\n" + counter
    )
    for name, age, text in _LIVE_ENTRIES:
        raw += head.format(name=name, age=age, short=age.split()[0] + "h") + f"\n{text}\n\n"
    return raw + (  # the readers' comments under the live blog
        "Comments (2)\n"
        "Kofi A.\n1 hour ago\nMay God protect our soldiers.\nReply\n"
        "Awa T.\n40 minutes ago\nWhere were the drones?\nReply\n"
    )


@pytest.mark.parametrize(
    "head", ["{name}\n{age}", "{name}\n{short}", "{name} · {age}", "{name} · {short}"]
)
@pytest.mark.parametrize("counter", ["", "12 comments\n\n"])
def test_a_live_blog_s_entries_under_reporter_and_age_lines_are_kept(head, counter):
    # reporter and age over each entry look like commenters over their comments; the entries
    # are news paragraphs that make the page, the readers' short replies come after them
    cleaned = clean_raw(_live_blog(head, counter))
    (article,) = cleaned.articles
    assert article.title == _LIVE_HEADLINE
    for _, _, text in _LIVE_ENTRIES:
        assert text in article.text
    assert "Ouattara" not in article.text and "Sanou" not in article.text
    assert "hours ago" not in article.text and "2h" not in article.text
    assert "protect our soldiers" not in article.text and "drones" not in article.text
    assert removed_kinds(cleaned, "protect our soldiers") == {"comment_thread"}


# A commenter's toll of its own ("thirty died") must never reach the article, whatever the
# thread's layout: notices between the heading and the first comment, "Name: text" entries,
# headings in other languages and scripts, the name and age on the comment's own line.
_TOLL = "My cousin was there, they say more than thirty died and nobody counts them."


@pytest.mark.parametrize(
    "thread",
    [
        f"Comments (2)\nSign in to comment. Comments are moderated.\nKofi A. · 5 hours ago\n{_TOLL}"
        "\nAma B. · 1 hour ago\nMay they rest in peace.",
        f"4 comments\nLog in or register to join the discussion\nKofi A.\n5 hours ago\n{_TOLL}",
        f"Commentaires (2)\nLes commentaires sont modérés.\nKofi A. · il y a 5 heures\n{_TOLL}",
        # a notice the patterns do not know, one short line above the first commenter
        f"Comments (2)\nPlease keep the conversation civil.\nKofi A. · 5 hours ago\n{_TOLL}",
        f"Comments (3)\nSalma Idris: Condolences to the families.\nKofi A.: {_TOLL}\n"
        "Load more comments\nAma B.: Where was the army?",
        f"टिप्पणियाँ (2)\nसुनील वर्मा: बहुत दुखद\nKofi A.: {_TOLL}",
        f"تبصرے\nkofi_a: {_TOLL}\nAma B.: Where was the army?",
        # a count heading in a language the patterns do not list
        f"Kommentarer (2)\nKofi A.: {_TOLL}\nAma B.: Where was the army?",
        f"Comments (2)\nKofi A. · 5 hours ago {_TOLL}\nAma B. · 1 hour ago May they rest in peace.",
        f"Comments (2)\nKofi A. / 5 hours ago: {_TOLL}\nAma B. / 3h: May they rest in peace.",
        f"Comments (1)\nKofi A.: {_TOLL}",
        # WordPress's default: the name and the date stamped to the minute, no separator
        f"5 Comments\nKofi A. May 14, 2022 at 9:40 am\n{_TOLL}\n"
        "Ama B. May 14, 2022 at 11:02 pm\nMay they rest in peace.",
        f"2 comments\nKofi A. 14/05/2022 at 09:40\n{_TOLL}",
        f"2 comments\nKofi A. Saturday, 14 May 2022, 09:40 {_TOLL}",
        # a one-word name, a dash and a numeric date: the name is "Kofi", not "Kofi - 14"
        f"3 comments\nKofi - 14/05/2022 at 09:40\n{_TOLL}\n"
        "Ama B. - 14/05/2022 at 10:12\nMay they rest in peace.",
    ],
    ids=[
        "sign-in",
        "register",
        "fr-moderated",
        "unknown-notice",
        "name-colon",
        "hindi",
        "urdu",
        "count-any-language",
        "one-line-age",
        "slash-age",
        "single-entry",
        "wordpress-stamp",
        "numeric-stamp",
        "stamp-and-comment",
        "one-word-name-dash",
    ],
)
def test_comment_threads_in_any_layout_are_cut_from_their_heading(thread):
    cleaned = clean_raw(_STORY + thread + "\n", published="2022-05-14")
    (article,) = cleaned.articles
    assert article.text.endswith("fled towards the provincial capital by road.")
    assert "thirty died" not in article.text and "Kofi" not in article.text
    assert removed_kinds(cleaned, "thirty died") == {"comment_thread"}
    assert article.author is None and article.published == "2022-05-14"


def test_a_name_and_a_time_stamped_date_outside_a_comment_section_remove_nothing():
    # with no comment heading or prompt above, "Name date at time" opens nothing
    raw = _STORY + (
        "Kofi A. May 14, 2022 at 9:40 am\n"
        "The provincial governor said on Thursday that fishing would resume once the army had "
        "cleared the river banks around the port.\n"
    )
    cleaned = clean_raw(raw)
    (article,) = cleaned.articles
    assert "Kofi A. May 14, 2022 at 9:40 am" in article.text
    assert "fishing would resume" in article.text
    assert "comment_thread" not in {r.kind for r in cleaned.removed}


@pytest.mark.parametrize("sep", ["", " -", " ·"])
def test_an_archive_s_next_post_signed_like_a_comment_is_kept(sep):
    # each post: headline, author and time stamp, prose, "N Comments"; the count under one post
    # heads no thread that would swallow the next post
    raw = (
        "Boats burned in raid on Quissanga port\n"
        f"Lina Matsinhe{sep} May 14, 2022 at 9:40 am\n"
        "Insurgents raided the river port of Quissanga on Tuesday night, burning boats and the "
        "fish market, and the district administrator said seven fishermen had been killed.\n"
        "2 Comments\n"
        "Soldiers retake the road to Mocimboa da Praia\n"
        f"Tomas Chissano{sep} May 13, 2022 at 6:12 pm\n"
        "Soldiers reopened the road to Mocimboa da Praia on Monday after clearing two insurgent "
        "camps, and the army said eleven fighters were killed in the operation.\n"
        "5 Comments\n"
    )
    cleaned = clean_raw(raw)
    text = "\n\n".join(a.text for a in cleaned.articles)
    assert "seven fishermen" in text and "eleven fighters were killed" in text
    assert "Soldiers retake the road" in text
    assert "comment_thread" not in {r.kind for r in cleaned.removed}


def test_name_and_colon_paragraphs_of_the_article_are_kept():
    # a speaker's label inside the story, a single "Name: text" paragraph under a heading with
    # more of the story after it, and quotes ending a story with no comment heading are prose
    raw = (
        "Insurgents raid a river port in Cabo Delgado, officials say\n\n"
        "Insurgents raided the river port of Quissanga on Tuesday night, burning boats and the "
        "fish market, and the district administrator said seven fishermen had been killed.\n\n"
        "Police spokesman: the attack began at 9 pm and the gunmen left before dawn.\n\n"
        "Discussion\n"
        "Tomas Chissano: the administrator told the council that the army had been warned.\n"
        "The council asked the governor on Thursday to station soldiers at the port until the "
        "fishing season ends.\n\n"
        "Responses\n"
        "Governor Valige Tauabo: We will rebuild the market before the rains.\n"
        "Bishop Luiz Lisboa: The people of Quissanga have been abandoned again.\n"
    )
    cleaned = clean_raw(raw)
    (article,) = cleaned.articles
    for kept in (
        "Police spokesman: the attack began at 9 pm",
        "Tomas Chissano: the administrator told",
        "station soldiers at the port",
        "We will rebuild the market",
        "abandoned again",
    ):
        assert kept in article.text
    assert not {r.kind for r in cleaned.removed} & {"comment_thread", "comment_prompt"}
