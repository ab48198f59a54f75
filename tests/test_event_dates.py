"""Event dates: expressions resolved against the article date (sitrep.events.dates)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chain import events_of
from sitrep.events.dates import find_dates, resolve_date

SATURDAY = dt.date(2024, 3, 23)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on Thursday", ("2024-03-21", "day")),
        ("late Friday", ("2024-03-22", "day")),
        ("last Friday night", ("2024-03-22", "day")),
        ("Friday night", ("2024-03-22", "day")),
        ("on Saturday", ("2024-03-23", "day")),  # the report's own day
        ("last Saturday", ("2024-03-16", "day")),
        ("on Monday morning", ("2024-03-18", "day")),
        ("late on Sunday", ("2024-03-17", "day")),
        ("on March 22", ("2024-03-22", "day")),
        ("March 22, 2024", ("2024-03-22", "day")),
        ("22 March", ("2024-03-22", "day")),
        ("Aug. 2", ("2023-08-02", "day")),  # after the report date: last year's
        ("17th June 2023", ("2023-06-17", "day")),
        ("2021-05-08", ("2021-05-08", "day")),
        ("two days ago", ("2024-03-21", "day")),
        ("three days earlier", ("2024-03-18", "week")),  # before the event just told
        ("two months earlier", ("2024-01-01", "month")),
        ("a few days ago", ("2024-03-20", "day")),
        ("eleven months ago", ("2023-04-01", "month")),
        ("yesterday", ("2024-03-22", "day")),
        ("on New Year's night", ("2024-01-01", "day")),
        ("the day before yesterday", ("2024-03-21", "day")),
        ("last night", ("2024-03-22", "day")),
        ("last week", ("2024-03-11", "week")),
        # a night told by its two days began on the first ("overnight" alone is the report's)
        ("overnight Friday to Saturday", ("2024-03-22", "day")),
        ("on the night of Thursday to Friday", ("2024-03-21", "day")),
        # a weekday of last week, not the last one nor the week
        ("on Tuesday last week", ("2024-03-12", "day")),
        ("Friday of last week", ("2024-03-15", "day")),
        ("this week", ("2024-03-18", "week")),
        ("late July", ("2023-07-01", "month")),
        ("in July", ("2023-07-01", "month")),
        ("in March", ("2024-03-01", "month")),
        ("earlier this month", ("2024-03-01", "month")),
        ("last year", ("2023-01-01", "year")),
        ("in 2019", ("2019-01-01", "year")),
        ("August 2021", ("2021-08-01", "month")),
        # a month this year has already had is still last year's when the report says so
        ("in February last year", ("2023-02-01", "month")),
        ("in April of last year", ("2023-04-01", "month")),
        ("late March this year", ("2024-03-01", "month")),
        # a day of last year, though it comes before the report's day this year
        ("on January 1 last year", ("2023-01-01", "day")),
        ("the 3rd of March last year", ("2023-03-03", "day")),
        ("March 3 this year", ("2024-03-03", "day")),
        # feasts are days: the most recent one on or before the report
        ("on Christmas Eve", ("2023-12-24", "day")),
        ("New Year’s Day", ("2024-01-01", "day")),
        ("Good Friday", ("2023-04-07", "day")),  # Easter 2024 is on March 31, after the report
        ("Easter Sunday", ("2023-04-09", "day")),
    ],
)
def test_resolve_date_against_a_saturday_report(expression: str, expected: tuple[str, str]) -> None:
    assert resolve_date(expression, SATURDAY) == expected


def test_movable_feasts_are_counted_from_easter_not_the_weekday_they_name() -> None:
    # "In April this year ... on Palm Sunday" in a November report: April 9, not last Sunday
    november = dt.date(2017, 11, 25)
    assert resolve_date("on Palm Sunday", november) == ("2017-04-09", "day")
    assert resolve_date("Ash Wednesday", november) == ("2017-03-01", "day")
    assert resolve_date("Pentecost Sunday", november) == ("2017-06-04", "day")
    assert resolve_date("Whit Monday 2019", november) == ("2019-06-10", "day")


def test_islamic_feasts_are_days_of_the_islamic_year() -> None:
    """Eid al-Fitr is 1 Shawwal, Eid al-Adha 10 Dhu al-Hijjah, Ashura 10 Muharram (Umm al-Qura),
    however hyphenated; the most recent before the report, or the one of the year named."""
    assert resolve_date("Eid al-Fitr", dt.date(2019, 6, 10)) == ("2019-06-04", "day")
    assert resolve_date("on Eid-ul-Adha", dt.date(2024, 6, 20)) == ("2024-06-16", "day")
    # Ashura 2023 fell on July 28; in a January 2024 report it is still that one
    assert resolve_date("on Ashura", dt.date(2024, 1, 15)) == ("2023-07-28", "day")
    assert resolve_date("Eid al Fitr 2017", dt.date(2020, 1, 1)) == ("2017-06-25", "day")
    # a year the Umm al-Qura tables do not cover dates nothing, and raises nothing
    assert resolve_date("Ashura 1900", dt.date(2020, 1, 1)) is None


def test_an_attack_at_a_feast_is_dated_to_it(nlp) -> None:
    text = (
        "A suicide bomber blew himself up among worshippers at Eid al-Adha prayers in a mosque "
        "in Mastung, killing 14 people, police said on Wednesday."
    )
    (event,) = events_of(nlp, text, "2024-06-19")
    assert (event.date, event.date_precision) == ("2024-06-16", "day")


def test_a_friday_report_saying_on_friday_means_that_day() -> None:
    assert resolve_date("on Friday", dt.date(2023, 6, 16)) == ("2023-06-16", "day")
    assert resolve_date("last Friday", dt.date(2023, 6, 16)) == ("2023-06-09", "day")


def test_without_an_article_date_only_absolute_dates_resolve() -> None:
    assert resolve_date("on Thursday", None) is None
    assert resolve_date("March 22", None) is None
    assert resolve_date("March 22, 2024", None) == ("2024-03-22", "day")
    assert resolve_date("in 2019", None) == ("2019-01-01", "year")


def test_durations_and_non_dates_are_not_dates() -> None:
    assert resolve_date("40 days", SATURDAY) is None
    assert resolve_date("the Taliban", SATURDAY) is None


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_iso_dates_resolve_to_themselves(day: dt.date) -> None:
    assert resolve_date(day.isoformat(), None) == (day.isoformat(), "day")


@given(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
)
def test_weekdays_fall_in_the_week_before_the_report(anchor: dt.date, weekday: str) -> None:
    date, precision = resolve_date(f"on {weekday}", anchor)
    day = dt.date.fromisoformat(date)
    assert precision == "day" and 0 <= (anchor - day).days < 7 and day.strftime("%A") == weekday


def test_find_dates_offsets_slice_back_to_the_text() -> None:
    text = (
        "ISLAMABAD (AP) — Gunmen stormed a village on Thursday, killing 12. Two days ago, on "
        "March 20, a bomb exploded. Late July saw more attacks; in 2019 the group was founded."
    )
    found = find_dates(text, SATURDAY)
    assert [d.text for d in found] == [
        "on Thursday",
        "Two days ago",
        "March 20",
        "Late July",
        "in 2019",
    ]
    assert all(text[d.start : d.end] == d.text for d in found)
    assert [d.date for d in found][:3] == ["2024-03-21", "2024-03-21", "2024-03-20"]
    # in running text "last year" belongs to the day before it
    text = "Militants killed five civilians in Dhangri on January 1 last year."
    assert [(d.text, d.date) for d in find_dates(text, SATURDAY)] == [
        ("January 1 last year", "2023-01-01")
    ]


def test_unresolvable_weekday_is_kept_so_a_farther_date_is_not_taken() -> None:
    text = "The group took power in 2021. A suicide bomber struck on Monday, killing six."
    found = find_dates(text, None)
    sentence = text.index("A suicide")
    assert [(d.text, d.date) for d in found if d.start >= sentence] == [("on Monday", None)]


def _dev(dev_records: list[dict], doc_id: str) -> str:
    return next(r["text"] for r in dev_records if r["doc_id"] == doc_id)


def test_real_reports_dated_by_their_publication_date(dev_records: list[dict]) -> None:
    # d048 (published 2023-06-17): "killed more than 40 people on Friday (June 16) night"
    text = _dev(dev_records, "d048")
    start, end = text.index("killed more than 40"), text.index(".", text.index("killed more"))
    inside = [d for d in find_dates(text, dt.date(2023, 6, 17)) if start <= d.start < end]
    assert inside and {(d.date, d.precision) for d in inside} == {("2023-06-16", "day")}
    # d053 (published 2023-08-13): the attack "On Sunday" is that same day
    text = _dev(dev_records, "d053")
    dates = {d.text.lower(): d.date for d in find_dates(text, dt.date(2023, 8, 13))}
    assert dates.get("on sunday") == "2023-08-13"


def test_unrelated_page_dates_are_separate_mentions(dev_records: list[dict]) -> None:
    # d005: a forum member line "Sep 30, 2011" above a report of the 5 August 2017 attack
    text = _dev(dev_records, "d005")
    found = find_dates(text, dt.date(2017, 8, 8))
    by_text = {d.text: d.date for d in found}
    assert by_text["Sep 30, 2011"] == "2011-09-30"
    report = text.index("killed dozens of people")
    start, end = text.rfind("\n", 0, report) + 1, text.index("\n", report)
    assert "2017-08-05" in {d.date for d in found if start <= d.start < end}


def test_find_dates_uses_spacy_entities(model) -> None:
    doc = model("The bombing on 21/03/2024 killed five people in the capital.")
    found = find_dates(doc, SATURDAY)
    assert any(d.date == "2024-03-21" and d.source == "ner" for d in found)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", d.date) for d in found if d.date)


@pytest.fixture(scope="module")
def model():
    from sitrep.nlp import load_model

    return load_model()


def test_a_feast_and_a_month_of_last_year_in_running_text() -> None:
    text = "On Easter Sunday a bomb killed 70 in a park; in April last year, gunmen freed 1,800."
    found = [(d.text, d.date) for d in find_dates(text, dt.date(2016, 8, 9))]
    assert found == [("Easter Sunday", "2016-03-27"), ("in April last year", "2015-04-01")]


def test_the_weekend_is_the_last_one_and_a_week_wide() -> None:
    tuesday = dt.date(2022, 8, 2)
    for expression in ("over the weekend", "at the weekend", "during the weekend"):
        assert resolve_date(expression, tuesday) == ("2022-07-30", "week")
    assert resolve_date("over the year", tuesday) is None


def test_a_day_named_later_sharpens_the_weekend_of_the_lead(nlp) -> None:
    text = (
        "Drone strike kills al-Qaeda leader in Kabul, Biden says\n\n"
        "WASHINGTON (AP) — The United States killed al-Qaeda leader Ayman al-Zawahiri in a drone "
        "strike in Afghanistan over the weekend, President Joe Biden announced on Monday.\n\n"
        "Al-Zawahiri was on the balcony of a safe house in Kabul when the drone fired two "
        "Hellfire missiles at him at 6:18 a.m. local time on Sunday, officials said."
    )
    [event] = events_of(nlp, text, "2022-08-02")
    assert (event.date, event.date_precision) == ("2022-07-31", "day")


def test_a_date_before_an_act_told_with_a_speech_verb_is_the_act_s(nlp) -> None:
    # "added ... to its list" is an act; "said on Wednesday" would be the day of the words
    text = (
        "The United States on Wednesday added the Egyptian militant groups Hasm and Lewaa "
        "al-Thawra to its list of Specially Designated Global Terrorists."
    )
    [event] = events_of(nlp, text, "2018-02-01")
    assert (event.type, event.date, event.date_precision) == ("designation", "2018-01-31", "day")
    said = (
        "The United States on Wednesday added that it had designated Hasm, a group that killed "
        "12 policemen in Cairo."
    )
    [told] = events_of(nlp, said, "2018-02-01")
    # Wednesday is the day it was said; the designation ("had designated") is of no day given
    assert (told.type, told.date) == ("designation", None)
    # the list named by an adjective ("proscribed organisations") is the act's too
    britain = (
        "Britain added Hasm and Lewaa al-Thawra to its list of proscribed terrorist "
        "organisations in December."
    )
    [step] = events_of(nlp, britain, "2018-02-01")
    assert (step.date, step.date_precision) == ("2017-12-01", "month")


def test_a_designation_is_dated_by_the_statement_that_announced_it(nlp) -> None:
    # the present perfect says it is done; the next sentence's statement says when
    act = (
        "The British government has designated two armed groups based in Mali and Burkina Faso "
        "as terrorist organisations."
    )
    text = f"{act} In a statement issued last week, the Home Office named them as JNIM and ISSP."
    [event] = events_of(nlp, text, "2024-05-15")
    assert (event.type, event.date, event.date_precision) == ("designation", "2024-05-06", "week")
    # where the groups are based is not where they were designated
    assert event.location.country == "GB"
    # a date of something else does not date the act: told as just done, it is the news of
    # the publication day
    other = f"{act} Last week the groups said they would go on fighting."
    assert [(e.type, e.date) for e in events_of(nlp, other, "2024-05-15")] == [
        ("designation", "2024-05-15")
    ]


def test_a_designation_told_as_just_done_is_the_news_of_the_publication_day(nlp) -> None:
    release = (
        "The Ministry of the Interior has designated the Jabal Lions Brigade as a terrorist "
        "organisation. Any support to the group is now an offence."
    )
    [event] = events_of(nlp, release, "2022-09-14")
    assert (event.type, event.date, event.date_precision) == ("designation", "2022-09-14", "day")
    # a group listed long ago is a standing state, no event of the day
    standing = (
        "The Jabal Lions Brigade has been designated a terrorist organisation since 2015. It "
        "attacked a checkpoint near Homs on Monday, killing three soldiers."
    )
    assert [(e.type, e.date) for e in events_of(nlp, standing, "2022-09-14")] == [
        ("armed_assault", "2022-09-12")
    ]


def test_an_undated_report_s_weekday_and_day_give_the_year(nlp, monkeypatch) -> None:
    import sitrep.events.detect as detect

    monkeypatch.setattr(detect, "_today", lambda: dt.date(2026, 11, 22))
    attack = "Gunmen attacked a church in Owo on Sunday, June 5, killing at least 40 worshippers."
    # June 5 fell on a Sunday in 2016 and 2022; a report naming 2018 as past was written after it
    text = f"{attack} It was the deadliest attack in the state since 2018."
    [event] = events_of(nlp, text, None)
    assert (event.date, event.date_precision) == ("2022-06-05", "day")
    # both years fit a report that names only 2015: the year stays unknown
    [event] = events_of(nlp, f"{attack} It was the deadliest attack since 2015.", None)
    assert event.date is None
    # naming no year, a report could be of any Sunday, June 5
    [event] = events_of(nlp, attack, None)
    assert event.date is None


def test_an_undated_report_keeps_the_day_it_names_for_its_event_to_date(nlp) -> None:
    attack = "Gunmen stormed the central prison in Jalalabad late on Sunday, killing 21 people."
    text = f"{attack} Officials said on Monday that the fighting was over."
    [event] = events_of(nlp, text, None)
    clue = event.date_clue
    assert event.date is None and (clue.month, clue.day, clue.weekday) == (None, None, 6)
    assert "Sunday" in clue.evidence.text  # not the Monday it was said on
    assert text[clue.evidence.start : clue.evidence.end] == clue.evidence.text
    overran = "Militants overran the village of Mirzawalang on August 5, killing 50 people."
    [event] = events_of(nlp, overran, None)
    assert (event.date_clue.month, event.date_clue.day, event.date_clue.weekday) == (8, 5, None)
    # a page known by its month (a URL's /2020/08/) cannot count a Sunday from it either
    [event] = events_of(nlp, attack, "2020-08-01", "month")
    assert event.date is None and event.date_clue.weekday == 6
    # a dated report counts its Sunday from its own day, and needs no clue
    [event] = events_of(nlp, text, "2020-08-03")
    assert (event.date, event.date_clue) == ("2020-08-02", None)
    # "today" on a page with no date: a day, counted from one the page does not give
    today = "The governor of Balkh was killed today when a suicide bomber struck his office."
    [event] = events_of(nlp, f"{today} Officials said the attack was under investigation.", None)
    clue = event.date_clue
    assert event.date is None and clue.evidence.text == "today"
    assert (clue.month, clue.day, clue.weekday) == (None, None, None)
    # ... but not a "today" the speaker said, nor one another verb governs
    said = "A suicide bomber killed the governor of Balkh. Police said today they had arrested two."
    assert events_of(nlp, said, None)[0].date_clue is None


def test_which_day_an_undated_report_s_event_is_told_on(nlp) -> None:
    def clue(text: str) -> tuple | None:
        [event] = events_of(nlp, text, None)
        c = event.date_clue
        return c and (c.evidence.text, c.month, c.day, c.weekday)

    prison = "Gunmen attacked the central prison in Jalalabad on Aug. 3 after a suicide car bombing"
    # days a day apart: the event began on the first
    assert clue(f"{prison} at its gate on Aug. 2, killing 29 people.") == ("Aug. 2", 8, 2, None)
    # days too far apart for one event: no clue
    assert clue(f"{prison} at its gate on Aug. 12, killing 29 people.") is None
    # weekdays: the first told ("on Sunday ... into Monday")
    siege = "Gunmen stormed a hotel in Mogadishu late on Sunday, and the siege went on into Monday"
    assert clue(f"{siege}, killing at least 20 people.") == ("late on Sunday", None, None, 6)
    # a sentence that only describes the event's target still tells its day
    school = (
        "A bomb exploded outside a girls' school in Kabul, killing at least 30 students. The "
        "school hit on Saturday teaches boys and girls in three shifts."
    )
    assert clue(school) == ("on Saturday", None, None, 5)
    # ... and still does beside an earlier attack told in passing
    hospital = "Last year an attack on a maternity hospital in the city killed 24 people."
    main, earlier = events_of(nlp, f"{school} {hospital}", None)
    assert main.date_clue.evidence.text == "on Saturday" and earlier.background


def test_a_month_alone_or_a_coarse_date_keeps_its_words_for_the_event_to_date(nlp) -> None:
    main = "Gunmen opened fire at a shrine in Shiraz on Sunday, killing one person."
    earlier = "An attack on the shrine in October, claimed by Islamic State, killed 13 people."
    # undated: "in October" is the month of the earlier attack, whatever its year
    _, told = events_of(nlp, f"{main}\n\n{earlier}", None)
    clue = told.date_clue
    assert told.date is None and (clue.evidence.text, clue.month, clue.day) == (
        "in October",
        10,
        None,
    )
    # dated by its month: the words of that month, for the day other reports give
    earlier = "In October 2022, an attack on the shrine claimed by Islamic State killed 13 people."
    _, told = events_of(nlp, f"{main}\n\n{earlier}", "2023-08-14")
    assert (told.date, told.date_precision) == ("2022-10-01", "month")
    assert "October 2022" in told.date_clue.evidence.text and told.date_clue.month is None
    # a day needs no words kept
    [event] = events_of(nlp, main, "2023-08-14")
    assert event.date == "2023-08-13" and event.date_clue is None


def test_a_month_named_alone() -> None:
    from sitrep.events.dates import month_alone

    assert [month_alone(t) for t in ("in October", "late July", "in mid-December")] == [10, 7, 12]
    # with a day or a year it is a date; a word that starts like a month is none
    assert [month_alone(t) for t in ("October 2022", "Oct. 5", "two decades ago")] == [None] * 3


def test_the_year_a_day_fell_on_a_weekday() -> None:
    from sitrep.events.dates import calendar_parts, year_of_weekday

    today = dt.date(2026, 11, 22)
    assert calendar_parts("Friday, March 22") == ((3, 22), 4)
    assert calendar_parts("late Friday night") == (None, 4)
    assert year_of_weekday((3, 22), 4, 2021, today) == 2024  # Fridays in 2019, 2024, 2030
    assert year_of_weekday((3, 22), 4, 2018, today) is None  # 2019 fits too
    assert year_of_weekday((2, 29), 3, 2020, today) == 2024  # leap days only
    assert year_of_weekday((12, 25), 4, 2026, today) is None  # not yet come this year


def test_a_weekday_before_the_date_it_names_is_that_date(nlp) -> None:
    """ "on Friday, December 11" in a report of Friday December 18: the 11th, not the day of the
    report the weekday alone would give."""
    for when in ("on Friday, December 11,", "late on Friday night, 11 December,"):
        text = f"Gunmen stormed a boarding school in Kaura Namoda {when} and abducted 80 pupils."
        [event] = events_of(nlp, text, "2020-12-18")
        assert (event.date, event.date_precision) == ("2020-12-11", "day")


def test_a_date_opening_a_misparsed_sentence_dates_its_event(nlp) -> None:
    """The parser reads "IS" after the date as the verb "is"; the opening date still dates the
    raid, a background event of its own month, not an undated second main event."""
    text = (
        "A car bomb killed 20 people in Kirkuk on Wednesday. In May 2018, IS militants and suicide "
        "bombers raided a checkpoint near Tikrit, killing 11 soldiers."
    )
    bombing, raid = events_of(nlp, text, "2024-01-04")
    assert (bombing.date, bombing.background) == ("2024-01-03", False)
    assert (raid.date, raid.date_precision, raid.background) == ("2018-05-01", "month", True)


def test_a_feast_in_a_phrase_ending_in_a_year_is_that_years(nlp) -> None:
    """ "the Christmas Day bombings of 2011": that year's Christmas, not the last before the
    report; the plural named by its day tells a bombing."""
    text = (
        "The Christmas Day bombings of 2011 at a church in Madalla, which Boko Haram claimed, "
        "killed 37 people."
    )
    [event] = events_of(nlp, text, "2024-02-05")
    assert (event.type, event.date, event.date_precision) == ("bombing", "2011-12-25", "day")
    assert resolve_date("Easter Sunday 2019", dt.date(2024, 2, 5)) == ("2019-04-21", "day")


def test_a_weekday_with_its_full_date_dates_an_undated_page(nlp) -> None:
    """On a page without a date, "On Saturday 17th June 2023" is that day: the weekday of a
    named day is no day counted from the report."""
    text = (
        "On Saturday 17th June 2023, rebels stormed a school in Mpondwe and killed 40 students. "
        "It was the worst attack on a school since 8th June 1998, when rebels burnt 80 students "
        "alive in a college in Kabarole."
    )
    school = next(e for e in events_of(nlp, text, None) if not e.background)
    assert (school.date, school.date_precision) == ("2023-06-17", "day")


def test_a_title_kept_apart_from_the_text_does_not_hide_its_first_date(nlp) -> None:
    """The month and year that open the text are the event's, not a headline's, when the title
    ("Opinion", a section label) is not at the start of the text."""
    text = "In March 2016, gunmen opened fire on bathers at a beach resort in Grand-Bassam."
    [event] = events_of(nlp, text, published="2022-06-14", title="Opinion")
    assert (event.date, event.date_precision) == ("2016-03-01", "month")


def test_a_claimed_deed_keeps_the_day_the_claim_sentence_gives_it(nlp) -> None:
    """ "X claimed the assault on the police office on February 17, 2023": the parser hangs the
    date off "claimed", but a date naming its day after the deed is the deed's; so is a month
    opening the sentence. A weekday after a claim stays the claim's day."""
    text = (
        "The TTP claimed the assault on the Karachi police office on February 17, 2023, which "
        "killed four people."
    )
    [event] = events_of(nlp, text, published="2024-05-28")
    assert (event.date, event.date_precision) == ("2023-02-17", "day")
    text = "In August 2022, IS-K claimed the suicide bombing that killed a cleric in Kabul."
    [event] = events_of(nlp, text, published="2024-12-12")
    assert (event.date, event.date_precision) == ("2022-08-01", "month")


def test_any_weekday_is_no_day_in_particular(nlp) -> None:
    """ "stormed the building on a Friday evening in February 2023": the month says when; "a
    Friday" is not the Friday before the report."""
    text = "Gunmen stormed the building on a Friday evening in February 2023, killing four people."
    [event] = events_of(nlp, text, published="2024-05-28")
    assert (event.date, event.date_precision) == ("2023-02-01", "month")
    assert find_dates("Prayers are held there every Friday.", dt.date(2024, 5, 28)) == []


def test_the_day_a_source_informed_a_reporter_is_the_reports(nlp) -> None:
    """ "informed (to) X on Saturday that ...": a verb of reporting, so Saturday is the day of
    the report; yesterday, counted from it, is the attack's."""
    text = (
        "A security source informed the agency on Saturday that the soldiers killed in the "
        "attack on an army post in Diyala at dawn yesterday numbered eleven."
    )
    [event] = events_of(nlp, text, published="2022-01-22")
    assert event.date == "2022-01-21"


def test_an_act_told_as_under_way_today_below_its_headline_is_dated_today(nlp) -> None:
    """A press release repeats its title above the lead: "Today, the Ministry is designating X
    ..." is today's designation, the earlier one told after it a background event."""
    title = "Terrorist Designation of the Eastern Front and its Martyrs Battalion"
    text = (
        f"{title}\n\nToday, the Ministry of Interior is designating the Eastern Front and its "
        "alias, the Martyrs Battalion, as a terrorist organisation, and adding the Martyrs "
        "Battalion as an alias to the Front's existing designation.\n\nThe Eastern Front was "
        "designated in 2018 following attacks on army posts."
    )
    today, earlier = events_of(nlp, text, "2024-09-12", title=title)
    assert (today.type, today.date, today.background) == ("designation", "2024-09-12", False)
    assert (earlier.date, earlier.background) == ("2018-01-01", True)


def test_a_designation_announced_today_is_made_today(nlp) -> None:
    # the nominal act ("announces the designation of") is dated by the announcement itself
    text = (
        "Today, the Department of State announces the designation of the Eastern Front and the "
        "Hill Brigade as Foreign Terrorist Organizations, the department said in a statement."
    )
    [event] = events_of(nlp, text, "2025-02-03")
    assert (event.type, event.date, event.date_precision) == ("designation", "2025-02-03", "day")
    assert event.location.country == "US"


def test_a_year_before_the_deed_it_names_dates_it(nlp) -> None:
    # "the 2019 suicide bombing": the year of a past deed named in passing, not the report's day
    text = (
        "Gunmen killed 40 people at a stadium in Kano on Friday, police said. The group has "
        "struck the city before, including the 2019 suicide bombing at the central mosque in "
        "Kano."
    )
    past = next(e for e in events_of(nlp, text, "2024-03-23") if e.type == "suicide_bombing")
    assert (past.date, past.date_precision, past.background) == ("2019-01-01", "year", True)


def test_a_deed_named_by_its_year_is_not_an_undated_reports_event(nlp) -> None:
    # no publication date: "the 2016 attack" still names an earlier attack, not this one's year
    text = (
        "Gunmen stormed a university in Kabul, killing 22 people. Officials said it resembled "
        "the 2016 attack on the American University of Afghanistan in Kabul."
    )
    now, then = events_of(nlp, text, None)
    assert (now.date, now.background) == (None, False)
    assert (then.date, then.date_precision, then.background) == ("2016-01-01", "year", True)


def test_the_day_in_the_deeds_own_phrase_outranks_the_verdicts(nlp) -> None:
    text = (
        "A court in Vienna on Monday sentenced a man to life in prison for the attack on a "
        "synagogue in Graz on March 4, 2021, in which three people were killed."
    )
    [event] = events_of(nlp, text, "2022-06-14")
    assert (event.date, event.date_precision) == ("2021-03-04", "day")


def test_the_day_an_undated_attack_went_on_into_is_not_its_day(nlp) -> None:
    text = (
        "Assault on Kandahar prison, which started Sunday evening, stretches into Monday\n\n"
        "A prison attack in Afghanistan has left at least 12 people dead. Late on Sunday "
        "evening, a suicide bomber drove a car bomb into the gate of the prison."
    )
    [event] = events_of(nlp, text, None)
    assert (event.date, event.date_clue.weekday) == (None, 6)


def test_a_toll_said_last_month_is_an_earlier_event_of_its_own(nlp) -> None:
    # the lead has no day of its own ("said on Thursday" is the report's); the earlier toll, said
    # last month, neither joins the event nor dates it, and the night it names dates it
    text = (
        "Troops killed nine insurgents who were trying to enter Kurram district, the army said "
        "on Thursday. Earlier last month, the army said it had killed 14 insurgents in another "
        "part of the same district on the night of 9/10 October."
    )
    now, then = events_of(nlp, text, "2025-11-06")
    assert (now.background, [f.value for f in now.figures]) == (False, [9])
    assert (then.date, then.date_precision, then.background) == ("2025-10-10", "day", True)
    assert [f.value for f in then.figures] == [14]


def test_with_the_main_event_undated_one_over_a_week_old_is_background(nlp) -> None:
    text = (
        "Troops killed nine insurgents who were trying to enter Kurram district, the army said "
        "on Thursday. On 20-21 October, eleven insurgents were killed in three clashes near "
        "Parachinar, according to the army."
    )
    now, then = events_of(nlp, text, "2025-11-06")
    assert (now.date, now.background) == (None, False)
    assert (then.date, then.background) == ("2025-10-21", True)


def test_a_standfirst_does_not_make_the_report_look_back(nlp) -> None:
    # the paragraph after a one-sentence standfirst is the lead: a verdict story about an attack
    # of last year keeps that attack as its main event, beside an older one
    text = (
        "Lyon stabbing: man jailed for 30 years\n\n"
        "Judges said the attacker had chosen his victims at random.\n\n"
        "A court in Lyon on Monday sentenced a 24-year-old man to 30 years in prison for a knife "
        "attack on passers-by in the city centre on March 3, 2024, in which two people died.\n\n"
        "In 2019 he had attacked a guard in prison, the court heard."
    )
    events = events_of(nlp, text, "2025-06-16", title="Lyon stabbing: man jailed for 30 years")
    main = [e for e in events if not e.background]
    assert [(e.date, e.type) for e in main] == [("2024-03-03", "armed_assault")]


def test_a_deed_told_as_a_participle_of_its_victims_is_dated_by_the_next_day_named(nlp) -> None:
    # "The passengers abducted on the highway ... have been freed": the abduction is told as
    # known; "on Sunday" of the sentence telling it dates it, not the release
    text = (
        "The 31 passengers abducted from two buses near Lokoja have been freed, police said on "
        "Friday.\n\nGunmen blocked the highway at about 9 p.m. on Sunday and forced the "
        "passengers into the forest."
    )
    events = events_of(nlp, text, "2023-05-12")
    assert [(e.type, e.date, e.background) for e in events] == [("kidnapping", "2023-05-07", False)]


def test_days_after_being_attacked_is_no_gap_to_another_event(nlp) -> None:
    # the victim died days after the assault: one event, dated by its own year
    text = (
        "The State Department designated the movement a terrorist group on Friday. In 2019, a "
        "student died in Tartu days after "
        "being assaulted by two of its members."
    )
    events = events_of(nlp, text, "2024-06-14")
    assault = next(e for e in events if e.type == "armed_assault")
    assert (assault.date, assault.date_precision, assault.background) == (
        "2019-01-01",
        "year",
        True,
    )


def test_an_earlier_span_counts_back_from_the_event_just_told(nlp) -> None:
    # "A month earlier" after an event of July, in a report of October: June, not September
    text = (
        "The blockade is tightening. On 3 July, insurgents attacked army posts in four towns, "
        "killing 12 soldiers. A month earlier, fighters had stormed the camp in Gao."
    )
    told, before = events_of(nlp, text, "2025-10-10")
    assert (told.date, told.background) == ("2025-07-03", False)
    assert (before.date, before.date_precision, before.background) == ("2025-06-01", "month", True)
    # a day count from a day told gives the day, and another event than the one told
    text = "Gunmen killed five people in Kano on Friday. Two days earlier, a bomb had exploded at a market in Kano."
    told, before = events_of(nlp, text, "2025-10-11")
    assert (told.date, before.date, before.date_precision) == ("2025-10-10", "2025-10-08", "day")


def test_a_span_before_an_event_of_a_past_year_or_month_stays_in_its_time(nlp) -> None:
    # "A few weeks earlier" than an event known by its year is in that year, not weeks before
    # the report; "the previous month" before an event of March is February
    text = (
        "In 2014, the journalist Pedro Salas was shot dead outside his office in Culiacan. "
        "A few weeks earlier his cousin had been kidnapped by gunmen in Mazatlan."
    )
    told, before = events_of(nlp, text, "2021-05-12")
    assert (told.date, told.date_precision) == ("2014-01-01", "year")
    assert (before.date, before.date_precision, before.background) == ("2014-01-01", "year", True)
    text = (
        "In March 2015, gunmen shot dead the mayor of Tixtla in Guerrero. "
        "The previous month his deputy had been kidnapped by armed men in Chilapa."
    )
    told, before = events_of(nlp, text, "2021-05-12")
    assert (told.date, before.date, before.date_precision) == ("2015-03-01", "2015-02-01", "month")


def test_the_undated_main_event_told_again_with_its_day_is_not_background(nlp) -> None:
    # a follow-up weeks later: the headline's kidnapping has no day of its own, and the quote
    # that gives it has no toll: it is not an earlier event; one of years before is
    text = (
        "Aid worker says in video she was kidnapped by militants in Mali\n\n"
        "A Canadian aid worker who went missing in northern Mali appeared in a video released on "
        'Tuesday. "I was kidnapped in Gao on April 8 by JNIM," she said. Another aid worker '
        "was kidnapped in Gao in December 2016."
    )
    # with the headline known it joins the quote's event, and the report does not look back
    for title in (text.split("\n")[0], None):
        events = events_of(nlp, text, "2021-05-05", title=title)
        told = next(e for e in events if e.date == "2021-04-08")
        older = next(e for e in events if e.date == "2016-12-01")
        assert (told.background, older.background) == (False, True)


def test_a_headline_telling_the_deed_as_known_is_dated_by_the_month_the_lead_gives(nlp) -> None:
    # the release is the news peg; the kidnapping ("kidnapped engineers") is the event, told as
    # known by the headline and the lead, dated by "two months ago", and one event
    text = (
        "Last 12 kidnapped engineers freed in Nigeria, two months after abduction by gang\n\n"
        "PORT HARCOURT - The remaining 12 members of a group of engineers kidnapped by a gang two "
        "months ago are free, their company said on Thursday.\n\n"
        "The gang demanded a ransom. Days after the abduction, its leader appeared in a video."
    )
    events = events_of(nlp, text, "2023-06-16", title=text.split("\n")[0])
    assert [(e.type, e.date, e.date_precision, e.background) for e in events] == [
        ("kidnapping", "2023-04-01", "month", False)
    ]


def test_a_wire_dateline_is_no_earlier_day_of_the_lead(nlp) -> None:
    # a page dated months after the wire story: the dateline's day is the report's, so the
    # lead's toll is the headline's event, not an earlier one
    text = (
        "Airstrikes kill 20 in Khost, officials say\n\n"
        "KABUL, Dec 25 (Reuters) - Airstrikes in eastern Afghanistan killed at least 20 people, "
        "officials said on Wednesday."
    )
    for title in (None, text.split("\n")[0]):
        events = events_of(nlp, text, "2023-06-17", title=title)
        assert [e.background for e in events] == [False], title


def test_a_person_seized_is_kidnapped_and_keeps_the_month_given(nlp) -> None:
    # "three weeks after the abduction" names the abduction told, and dates another moment
    text = (
        "In May, a retired Canadian nurse was freed more than six years after she and her husband "
        "were seized in Gao in March 2017; her husband was let go two weeks after the abduction."
    )
    [event] = events_of(nlp, text, "2023-08-09")
    assert (event.type, event.date, event.date_precision) == ("kidnapping", "2017-03-01", "month")


def test_a_known_deed_takes_a_month_only_from_one_of_its_type(nlp) -> None:
    text = (
        "When the president declared war on the group last August, shortly after the militants' "
        "siege of a hotel in Mogadishu left 21 people dead, few expected much. The twin car "
        "bombings at the ministry in October, which killed more than 120 people, changed that."
    )
    events = events_of(nlp, text, "2023-02-06")
    assert sorted(e.type for e in events) == ["armed_assault", "bombing"]


def test_the_day_a_toll_was_put_is_not_the_strikes(nlp) -> None:
    text = (
        "The emergency agency on Tuesday put the number of villagers killed by a military drone "
        "strike in Giwa at 63. The villagers were at a wedding late on Sunday when the bombs fell."
    )
    [event] = events_of(nlp, text, "2023-12-05")
    assert (event.type, event.date) == ("airstrike", "2023-12-03")
    assert [(f.kind, f.value) for f in event.figures] == [("killed", 63)]


def test_with_an_old_main_event_other_old_events_are_told_in_passing(nlp) -> None:
    # the news is a release years later: the kidnapping is the main event, and another one of
    # the year after is told in passing, though later than it
    text = (
        "A Swiss missionary who was kidnapped in Timbuktu on 7 January 2016 has been freed, the "
        "foreign ministry said on Wednesday.\n\n"
        "In 2018, a Colombian nun was kidnapped near Koutiala; she was freed in 2021."
    )
    events = events_of(nlp, text, "2023-08-09")
    first = next(e for e in events if e.date == "2016-01-07")
    later = next(e for e in events if e.date == "2018-01-01")
    assert (first.background, later.background) == (False, True)


@pytest.mark.parametrize(
    "text",
    [
        "Malian troops ended a siege of the Radisson hotel in Bamako early on Saturday, after "
        "gunmen stormed the building late Friday. Nineteen people were killed, the minister said.",
        "Kenyan forces ended the siege of a shopping centre in Garissa on Saturday, after "
        "militants stormed it on Friday evening. Thirty people were killed, police said.",
        "Security forces ended a 12-hour siege at a hotel in Mogadishu on Saturday. The siege "
        "began when gunmen stormed the building on Friday night. Twelve people were killed.",
    ],
)
def test_a_siege_is_dated_by_the_day_it_began_not_the_day_it_ended(nlp, text: str) -> None:
    # the day the gunmen stormed in dates the siege, whichever day the text names first
    (event,) = events_of(nlp, text, "2019-11-23")
    assert (event.date, event.date_precision) == ("2019-11-22", "day")


def test_an_event_named_by_its_place_takes_the_date_told_with_that_name(nlp) -> None:
    # "the Nice attacks of July 14" in one sentence dates "The Nice attacks ... killed 86" told
    # in passing a few sentences later
    text = (
        "Suicide bombers struck the central station in Lyon on Tuesday, killing 20 people. The "
        "attacks came four days after police arrested Karim Bensaid, the only surviving suspect "
        "of the Nice attacks of July 14, in a raid in the Guillotiere district of Lyon on "
        "Friday. Investigators are trying to establish whether the network brought its plans "
        "forward after his capture. The Nice attacks, also claimed by IS, killed 86 people."
    )
    main, arrest, nice = events_of(nlp, text, "2016-09-21")
    assert (main.date, arrest.date) == ("2016-09-20", "2016-09-16")
    assert (nice.date, nice.date_precision, nice.background) == ("2016-07-14", "day", True)


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Two days later,", ("2016-06-06", "day")),
        ("Two days before,", ("2016-06-02", "day")),
        ("The following day,", ("2016-06-05", "day")),
        ("A month later,", ("2016-07-01", "month")),
        ("The previous year,", ("2015-01-01", "year")),
    ],
)
def test_a_sentence_opening_on_a_span_is_dated_from_the_event_just_told(
    nlp, opening: str, expected: tuple[str, str]
) -> None:
    # no date of its own: counted from the killing told before it, not merged into it
    text = (
        "On 4 June 2016, gunmen shot dead the mayor of Tixtla in Guerrero. "
        f"{opening} armed men killed three police officers in Chilpancingo."
    )
    told, other = events_of(nlp, text, "2021-05-12")
    assert told.date == "2016-06-04"
    assert (other.date, other.date_precision) == expected


def test_a_weekday_in_a_name_is_no_date(nlp) -> None:
    # markets and mosques named after their day ("the Monday Market in Maiduguri") are places
    text = (
        "Last Sunday, a suicide bomber struck the crowded Wednesday Market in Gombe, killing at "
        "least 11 people, police said."
    )
    [event] = events_of(nlp, text, published="2020-02-14")  # a Friday
    assert event.date == "2020-02-09"
    assert [d.text for d in find_dates(nlp(text), dt.date(2020, 2, 14))] == ["Last Sunday"]
    # the lower-case weekly market may well date the attack
    spans = find_dates("A bomb hit the Friday market.", dt.date(2020, 2, 14))
    assert [d.date for d in spans] == ["2020-02-14"]
    assert find_dates("A bomb hit the Friday Mosque.", dt.date(2020, 2, 14)) == []


def test_an_opinion_piece_dates_an_event_by_the_day_its_own_sentences_give(nlp) -> None:
    text = (
        "The hijacking of the Kamsar ferry last week was meant to be seen. Fighters blew up a "
        "stretch of the quay on March 11, stopped the ferry and held its crew for a day. The "
        "port's owners must answer for the lax security."
    )
    [event] = events_of(nlp, text, "2025-03-20", genre="opinion")
    assert (event.date, event.date_precision, event.background) == ("2025-03-11", "day", True)


def test_a_date_the_parse_hangs_on_what_the_target_was_doing_dates_the_deed(nlp) -> None:
    """ "A blast hit a bus carrying engineers in Chitral in June": the month dates the blast,
    not the carrying."""
    [event] = events_of(
        nlp,
        "A blast hit a bus carrying engineers in Kohistan in June, killing 8 people.",
        "2022-08-01",
    )
    assert (event.date, event.date_precision) == ("2022-06-01", "month")
