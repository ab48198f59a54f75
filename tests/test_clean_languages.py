"""Pages in French, Spanish, German, Italian and Portuguese (or translated from them): dates with
the month written in those languages, date labels ("Publié le", "Veröffentlicht am")."""

from __future__ import annotations

import pytest

from cleaning import clean_raw, removed_kinds
from sitrep.clean.dates import furniture_date, is_date_only, parse_date

# a page translated from French: the text is English, the date lines and a quote are not
_HEADLINE = "Gunmen attack Sabce market in central-north Burkina Faso, twelve dead"
_BODY = (
    "Gunmen attacked the market of Sabce on Saturday, in the centre-north of the country, killing "
    "at least twelve traders, according to local sources and a municipal councillor.\n\n"
    "Le 8 mai 2024, une première attaque.\n\n"
    '"Ils sont venus en mars, puis de nouveau en mai," a herder told a local radio station, '
    "saying the attackers demanded a tax on cattle.\n\n"
    "The army announced reinforcements and an inquiry into the circumstances of the attack.\n"
)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("22 mars 2025", "2025-03-22"),
        ("Publié le 22 mars 2025 à 13h12", "2025-03-22"),
        ("Publié le 22/03/2025 à 13h12", "2025-03-22"),
        ("Published on 22 mars 2025", "2025-03-22"),  # a translated page keeps the month
        ("1er mars 2025", "2025-03-01"),
        ("12 de diciembre de 2024", "2024-12-12"),
        ("sábado, 22 de marzo de 2025", "2025-03-22"),
        ("Publicado el 12 de diciembre de 2024 a las 13:12", "2024-12-12"),
        ("3. März 2024", "2024-03-03"),
        ("Veröffentlicht am 3. März 2024, 13:12 Uhr", "2024-03-03"),
        ("Pubblicato il 12 dicembre 2024 alle 13:12", "2024-12-12"),
        ("Publicado em 22 de março de 2025 às 13h12", "2025-03-22"),
    ],
)
def test_a_date_line_in_another_language_dates_the_page(line, day):
    cleaned = clean_raw(f"{_HEADLINE}\n{line}\n\n{_BODY}")
    (article,) = cleaned.articles
    assert (article.title, article.published, article.date_source) == (_HEADLINE, day, "dateline")
    assert line not in article.text
    assert removed_kinds(cleaned, line) == {"dateline_metadata"}
    # a month named in prose is no date: the sentences stay
    assert "Le 8 mai 2024, une première attaque." in article.text
    assert "Ils sont venus en mars, puis de nouveau en mai" in article.text


def test_an_update_stamp_in_another_language_ranks_below_the_publication_date():
    raw = f"{_HEADLINE}\nMis à jour le 23 mars 2025 à 09h05\nPublié le 22 mars 2025\n\n{_BODY}"
    (article,) = clean_raw(raw).articles
    assert (article.published, article.date_source) == ("2025-03-22", "dateline")


def test_a_byline_with_a_date_in_another_language_gives_author_and_date():
    raw = f"{_HEADLINE}\nBy Aminata Ouédraogo · 22 mars 2025\n\n{_BODY}"
    (article,) = clean_raw(raw).articles
    assert (article.author, article.published) == ("Aminata Ouédraogo", "2025-03-22")


@pytest.mark.parametrize(
    ("line", "author", "day"),
    [
        ("Posted on 3. März 2024 by sahel_desk", "sahel_desk", "2024-03-03"),
        (
            "Published on 12 de diciembre de 2024 by Aminata Ouédraogo",
            "Aminata Ouédraogo",
            "2024-12-12",
        ),
        ("By Aminata Ouédraogo on 22 mars 2025", "Aminata Ouédraogo", "2025-03-22"),
    ],
)
def test_a_blog_byline_with_a_date_in_another_language_gives_author_and_date(line, author, day):
    raw = f"{_HEADLINE}\n{line}\n\n{_BODY}"
    (article,) = clean_raw(raw).articles
    assert (article.author, article.published, article.date_source) == (author, day, "byline")
    assert line not in article.text


_POSTS = [  # a blog translated from French, its date lines left as they were
    (
        "22 MARS 2025",
        "Gunmen attack the market of Sabce",
        "Gunmen attacked the market of Sabce on Saturday, killing at least twelve traders, local "
        "sources said.",
        "2025-03-22",
    ),
    (
        "15 MARS 2025",
        "Schools in Bourzanga reopen their doors",
        "Schools in Bourzanga reopened on Monday after three months of closure, the regional "
        "education office announced.",
        "2025-03-15",
    ),
    (
        "3 MARS 2025",
        "Supply convoy escorted to Djibo",
        "A convoy of a hundred lorries reached Djibo on Sunday under military escort, according to "
        "hauliers reached by telephone.",
        "2025-03-03",
    ),
]


@pytest.mark.parametrize("byline", ["", "By Aminata Ouédraogo · {date}"])
def test_an_archive_dated_in_another_language_is_split_into_dated_posts(byline):
    raw = "Sahel Watch\nNews from Burkina Faso\n\n"
    for date, title, text, _ in _POSTS:
        raw += f"{date}\n{title}\n{byline.format(date=date.lower())}\n{text}\n\nShare\n\n"
    articles = clean_raw(raw + "← Older posts\n").articles
    assert [(a.title, a.published) for a in articles] == [(t, d) for _, t, _, d in _POSTS]
    assert "Bourzanga" not in articles[0].text


def test_dates_in_other_languages_are_read_and_bare_month_words_are_not():
    assert parse_date("12 de diciembre de 2024") == ("2024-12-12", "day")
    assert is_date_only("22 mars 2025 à 13h12") == ("2025-03-22", "day")
    assert is_date_only("Dienstag, 5. März 2024") == ("2024-03-05", "day")
    assert is_date_only("segunda-feira, 3 de março de 2025") == ("2025-03-03", "day")
    assert is_date_only("lunedì 3 marzo 2025") == ("2025-03-03", "day")
    assert is_date_only("1º de março de 2025") == ("2025-03-01", "day")
    # a month name alone, a day with no year, a count of something: no date
    for text in ("mars", "Mai", "en mai", "Le 8 mai, un convoi est attaqué.", "2 ore fa 2025"):
        assert parse_date(text) is None, text
    assert is_date_only("Depuis le 3 mars 2025") is None  # since when, not when
    assert parse_date("31 febbraio 2024") is None
    # English is read as before
    assert is_date_only("Saturday, 22 March 2025") == ("2025-03-22", "day")


def test_an_embedded_post_dated_in_another_language_is_dated_furniture():
    signature = "— Aminata Ouédraogo (@aminata_bf) 22 mars 2025"
    assert furniture_date(signature, None) == "2025-03-22"
    assert furniture_date("Le marché de Sabce, 3. März 2024.", "caption") == "2024-03-03"


_FR_PAGE = (
    "Niger : neuf villageois tués dans une attaque près de Tillabéri\n\n"
    "Des hommes armés circulant à moto ont tué neuf villageois samedi dans la région de "
    "Tillabéri, dans l'ouest du Niger, ont indiqué des responsables locaux, au lendemain d'une "
    "autre attaque contre un poste de gendarmerie de la zone.\n\n"
    "À lire aussi\n"
    "Le Niger prolonge l'état d'urgence dans trois régions\n"
    "Au Mali, l'armée dit avoir tué 20 combattants près de Ménaka\n\n"
    "Selon un élu de la commune, les assaillants sont arrivés vers 17 heures et ont tiré sur les "
    "habitants qui tentaient de fuir vers la brousse.\n\n"
    "Lire aussi : Burkina Faso, un convoi de ravitaillement attaqué près de Djibo\n\n"
    "« Ils tiraient sur tous ceux qui couraient », a raconté un survivant joint par téléphone.\n\n"
    "L'attaque n'a pas été revendiquée, mais le groupe État islamique au Sahel est actif dans "
    "cette zone frontalière depuis 2017.\n"
)


def test_related_links_on_a_french_page_go_and_the_paragraphs_after_them_stay():
    cleaned = clean_raw(_FR_PAGE)
    (article,) = cleaned.articles
    for link in ("état d'urgence", "Ménaka", "convoi de ravitaillement"):
        assert link not in article.text
        assert removed_kinds(cleaned, link) == {"teaser"}
    assert "À lire aussi" not in article.text and "Lire aussi" not in article.text
    for kept in (
        "Selon un élu de la commune, les assaillants sont arrivés vers 17 heures",
        "« Ils tiraient sur tous ceux qui couraient », a raconté un survivant",
        "est actif dans cette zone frontalière depuis 2017.",
    ):
        assert kept in article.text


@pytest.mark.parametrize(
    "paragraph",
    [
        "Les assaillants sont repartis vers la frontière avec le bétail des éleveurs.",
        "Los atacantes huyeron hacia la frontera con el ganado de los pastores.",
        "Die Angreifer flohen mit dem Vieh der Hirten in Richtung der Grenze.",
        "Gli assalitori sono fuggiti verso il confine con il bestiame dei pastori.",
        "Os atacantes fugiram para a fronteira com o gado dos pastores.",
    ],
    ids=["fr", "es", "de", "it", "pt"],
)
def test_a_short_paragraph_in_another_language_is_no_caption(paragraph):
    # the caption rule looks for English verbs; these sentences have verbs of their own
    raw = f"{_HEADLINE}\n\n{_BODY}\n{paragraph}\n\nThe governor said the market would reopen.\n"
    cleaned = clean_raw(raw)
    (article,) = cleaned.articles
    assert paragraph in article.text
    assert "caption" not in {r.kind for r in cleaned.removed}


def test_an_english_verbless_caption_among_other_languages_is_still_removed():
    caption = "Traders among the ashes of the market of Sabce, in the centre-north of the country."
    raw = f"{_HEADLINE}\n\n{_BODY}\n{caption}\n\nThe governor said the market would reopen.\n"
    cleaned = clean_raw(raw)
    assert caption not in cleaned.articles[0].text
    assert removed_kinds(cleaned, caption) == {"caption"}


@pytest.mark.parametrize(
    ("line", "author", "day"),
    [
        ("Par Aminata Ouédraogo", "Aminata Ouédraogo", None),
        ("par Élise Kaboré, le 22 mars 2025", "Élise Kaboré", "2025-03-22"),
        ("Por Inés Carvalho Ruiz", "Inés Carvalho Ruiz", None),
        (
            "Por Ana Souza e Rui Tavares | 12 de dezembro de 2024",
            "Ana Souza e Rui Tavares",
            "2024-12-12",
        ),
        ("Von Jürgen Albrecht", "Jürgen Albrecht", None),
        ("Di Chiara Lombardi", "Chiara Lombardi", None),
    ],
)
def test_a_byline_in_another_language_gives_the_author(line, author, day):
    raw = f"{_HEADLINE}\n{line}\n\n{_BODY}"
    cleaned = clean_raw(raw, published="2025-03-23")
    (article,) = cleaned.articles
    assert article.author == author
    assert article.published == (day or "2025-03-23")
    assert line not in article.text and removed_kinds(cleaned, line) == {"byline"}


def test_a_particle_and_one_name_is_no_byline():
    # "Von Montag an" and "Di Maio" are a day and a surname, not a writer
    for line in ("Von Montag an", "Di Maio"):
        assert clean_raw(f"{_HEADLINE}\n{line}\n\n{_BODY}").articles[0].author is None


@pytest.mark.parametrize(
    "line", ["Mars 2025", "März 2025", "marzo de 2025", "Marzo 2025", "Março de 2025", "MARS 2025"]
)
def test_a_month_and_year_in_another_language_dates_the_page_to_the_month(line):
    cleaned = clean_raw(f"{_HEADLINE}\n{line}\n\n{_BODY}")
    (article,) = cleaned.articles
    assert (article.published, article.date_precision) == ("2025-03-01", "month")
    assert article.date_source == "dateline"
    assert line not in article.text and removed_kinds(cleaned, line) == {"dateline_metadata"}


def test_a_month_word_in_a_writer_s_name_leaves_the_byline():
    # "Mai" and "May" end names; a month alone after "By" is no writer
    for line, author in (("By Lena Mai", "Lena Mai"), ("By Oliver May", "Oliver May")):
        cleaned = clean_raw(f"{_HEADLINE}\n{line}\n\n{_BODY}")
        assert cleaned.articles[0].author == author
    assert parse_date("Ende Mai 2025") == ("2025-05-01", "month")
    assert is_date_only("Depuis mars 2025") is None
