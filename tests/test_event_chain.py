"""Events on small texts written for the behaviours added with the real chain: dates from the
lead and from imprecise publication dates, place captures, governors targeted, figure sources
and evidence, group agents found through the parse."""

from __future__ import annotations

from chain import events_of
from sitrep.events.detect import AUTHOR
from sitrep.events.places import find_places
from sitrep.records import EventReport


def run(
    nlp, text: str, published: str | None = "2023-06-17", precision: str | None = "day"
) -> list[EventReport]:
    return events_of(nlp, text, published, precision)


def test_linked_to_a_group_is_not_hypothetical(nlp) -> None:
    text = (
        "Terrorists linked to ISIS killed more than 40 people on Friday night in Mpondwe town, "
        "Kasese district, western Uganda."
    )
    [event] = run(nlp, text)
    assert event.date == "2023-06-16"
    assert event.location.country == "UG"


def test_weekday_not_resolved_against_a_month_only_date(nlp) -> None:
    text = "On Saturday three bombs went off near a school in Kabul, killing at least 40 students."
    [event] = run(nlp, text, published="2021-05-01", precision="month")
    assert event.type == "bombing"
    assert event.date is None  # "Saturday" of which week is unknown: no guess


def test_no_day_named_and_nothing_fresh_leaves_the_date_open(nlp) -> None:
    text = "The explosion in Mazar-i-Sharif, Balkh province, left three people dead."
    [event] = run(nlp, text, published="2023-03-10")
    assert event.date is None
    [fresh] = run(nlp, "So far four people have been killed in the explosion in Kabul.")
    assert fresh.date == "2023-06-17"


def test_statement_day_is_not_the_event_day(nlp) -> None:
    text = (
        "Officials said on Monday that gunmen stormed a prison in Jalalabad, killing at least "
        "21 people. Fighting went on into the night after the attack began on Sunday."
    )
    [event] = run(nlp, text, published="2020-08-03")
    assert event.date == "2020-08-02"


def test_captured_town_is_an_attack_not_an_arrest(nlp) -> None:
    text = "Islamic State fighters captured the town of Palma in Mozambique, killing 55 soldiers."
    [event] = run(nlp, text)
    assert event.type != "arrest_or_capture"


def test_governor_killed_by_suicide_bomber_is_an_assassination(nlp) -> None:
    text = (
        "The Taliban's governor of Balkh province was killed on Thursday when a suicide bomber "
        "struck his office in Mazar-i-Sharif."
    )
    [event] = run(nlp, text, published="2023-03-10")
    assert event.type == "assassination"
    assert event.date == "2023-03-09"


def test_figure_source_and_sentence_evidence(nlp) -> None:
    text = (
        "Over 20 dead as gunmen storm prison in Jalalabad\n\n"
        "Officials said on Monday that at least 21 people have died in clashes with gunmen who "
        "stormed a jail, in an attack the ISIS group has claimed."
    )
    [event] = run(nlp, text, published="2020-08-03")
    by_value = {f.value: f for f in event.figures}
    assert by_value[21].according_to == "Officials"
    assert not by_value[21].is_claim
    assert "Over 20" not in (by_value[20].according_to or "")
    for f in event.figures:
        assert f.evidence is not None
        assert text[f.evidence.start : f.evidence.end] == f.evidence.text
        assert len(f.evidence.text) > len("at least 21")  # the sentence, not the number


def test_a_toll_beside_a_claim_told_in_passing_is_the_report_s_own(nlp) -> None:
    """ "claimed by" names who did it; the toll is the outlet's. The group's own statement still
    gives the group's figure."""
    text = (
        "A suicide bombing at a Sufi shrine in Sehwan on Thursday, claimed by Islamic State, "
        "left 88 people dead."
    )
    [event] = run(nlp, text, published="2017-02-17")
    [fig] = event.figures
    assert (fig.value, fig.according_to, fig.is_claim) == (88, AUTHOR, False)
    assert event.claimed_by == ("Islamic State",)
    text = (
        "Gunmen attacked an army post in Tillaberi on Thursday. Islamic State claimed the attack,"
        " saying its fighters killed 30 soldiers."
    )
    [event] = run(nlp, text, published="2021-05-14")
    [fig] = event.figures
    assert (fig.value, fig.according_to, fig.is_claim) == (30, "Islamic State", True)


def test_a_toll_beside_a_claim_in_a_relative_clause_is_the_report_s_own(nlp) -> None:
    """ "which the group claimed" tells the claim in passing, like "claimed by"; a group that
    says the figure, whatever the case it is written in, gives its claim."""
    text = (
        "The assault on the hotel, which al-Shabaab later claimed, killed 21 people in Mogadishu "
        "on Friday."
    )
    [event] = run(nlp, text, published="2022-08-22")
    [fig] = event.figures
    assert (fig.value, fig.according_to, fig.is_claim) == (21, AUTHOR, False)
    assert event.claimed_by == ("al-Shabaab",)
    text = (
        "Al-Shabaab claimed the raid on Friday, saying its fighters killed 40 soldiers in Baidoa."
    )
    [event] = run(nlp, text, published="2022-08-22")
    [fig] = event.figures
    assert (fig.value, fig.is_claim) == (40, True)


def test_a_toll_the_group_gives_as_it_is_its_claim(nlp) -> None:
    """ "Its fighters killed 40 soldiers, it said": "it" is the group told of before, so the
    figure is the group's claim, and the army's own figure stays the army's."""
    text = (
        "Al-Shabaab fighters overran an army base near Baidoa on Friday. Its fighters killed 40 "
        "soldiers, it said. The army said six soldiers were killed."
    )
    [event] = run(nlp, text, published="2022-08-22")
    got = {(f.value, f.according_to, f.is_claim) for f in event.figures}
    assert got == {(40, "Al-Shabaab", True), (6, "army", False)}
    assert event.claimed_by == ("al-Shabaab",)


def test_people_executed_for_an_attack_are_no_toll_of_it(nlp) -> None:
    """Their execution is an event of its own; the attack keeps its own toll."""
    text = (
        "A car bomb killed 17 people outside a police station in Zahedan in March. Iran last "
        "month executed three men convicted of planning the Zahedan bombing."
    )
    bombing, execution = run(nlp, text)
    assert (bombing.type, [f.value for f in bombing.figures]) == ("bombing", [17])
    assert (execution.type, execution.date) == ("execution", "2023-05-01")
    assert [f.value for f in execution.figures] == [3]
    assert [(p.name, p.basis) for p in execution.perpetrators] == [
        ("Government of Iran", "attributed")
    ]
    text = "Islamic State militants executed 20 men accused of spying in Mosul on Friday."
    [event] = run(nlp, text)
    assert (event.type, [f.value for f in event.figures]) == ("execution", [20])


def test_group_inside_the_agent_phrase_is_attributed(nlp) -> None:
    text = (
        "The June 16 attack on the school in Kasese, Uganda, was launched by a small band of "
        "rebels from the Allied Democratic Forces, killing 41 people."
    )
    [event] = run(nlp, text)
    assert {p.name: p.basis for p in event.perpetrators} == {
        "Allied Democratic Forces": "attributed"
    }


def test_ramming_in_another_country_is_its_own_event(nlp) -> None:
    # s001: an archive item lists a Kirkuk bombing, then a car ramming in Paris
    text = (
        "On April 28, the Islamic State said it was responsible for a suicide attack in the "
        "Iraqi city of Kirkuk, which injured four people. On the same day, a motorist "
        "deliberately rammed his vehicle into two police motorcyclists in Paris."
    )
    events = run(nlp, text, published="2020-05-03")
    where = {e.location.country: e.type for e in events}
    assert where == {"IQ": "suicide_bombing", "FR": "armed_assault"}


def test_country_of_the_sentence_telling_the_event_wins(nlp) -> None:
    # s003: an opinion piece on a Peshawar bombing that keeps naming Afghanistan and Kabul
    text = (
        "Last Friday a suicide bomber attack on a Shiite mosque in northwest Pakistan killed at "
        "least 62 people. The bombing followed a string of similar attacks inside Afghanistan "
        "after the Taliban took Kabul. The Islamic State-Khorasan Province formally claimed the "
        "attack, which the Taliban in Kabul say shows their enemies in Afghanistan are active. "
        "Officials in Kabul and across Afghanistan condemned the attack."
    )
    events = run(nlp, text, published="2022-03-07")
    main = next(e for e in events if not e.background)
    assert main.location.country == "PK"


def test_denied_act_does_not_type_the_event(nlp) -> None:
    # s000: the spokesman "denied committing any of the reported atrocities, such as the
    # beheading of innocent captured civilians, and stated that only 28 local militia were killed"
    text = (
        "Militants attacked villages in Sar-e-Pul province on Sunday, killing about 50 people. "
        "The spokesman denied committing any of the reported atrocities, such as the beheading "
        "of captured civilians, and stated that only 28 local militia were killed."
    )
    [event] = run(nlp, text, published="2017-08-07")
    assert event.type == "armed_assault"


def test_relative_dates_in_a_quotation_count_from_the_day_it_was_spoken(nlp) -> None:
    text = (
        "A bombing struck a market in Jalalabad on Sunday. "
        "On Thursday, the provincial police chief said: “Yesterday's blast at the Kabul "
        "checkpoint killed seven policemen.”"
    )
    kabul = [e for e in run(nlp, text, published="2023-06-17") if e.location.admin1 == "Kabul"]
    # spoken on Thursday June 15, "yesterday" is the 14th, not the day before the article
    assert [(e.date, e.date_precision) for e in kabul] == [("2023-06-14", "day")]


def test_a_quotation_said_last_year_dates_its_today_to_that_year(nlp) -> None:
    text = (
        "Amrullah Saleh said last year in the wake of the attack on the Kabul airport that "
        "evidence pointed to the Haqqani network. Saleh also said that the warnings came early. "
        "“We knew two days in advance. The Taliban is behind today’s bombing, which killed "
        "13 American troops.”"
    )
    [event] = [e for e in run(nlp, text, published="2022-03-07") if e.figures]
    assert (event.date, event.date_precision) == ("2021-01-01", "year")
    assert event.location.country == "AF"


def test_what_an_attack_came_after_is_not_where_it_happened(nlp) -> None:
    """ "came a day after Mali, Burkina Faso and Niger marked ...": the attack told again, not a
    new event in the countries of what it followed."""
    text = (
        "Gunmen stormed a police academy in Bamako on Tuesday, killing 30 people. Tuesday's attack "
        "came a day after Mali, Burkina Faso and Niger marked a year of their alliance."
    )
    [event] = run(nlp, text, published="2024-09-20")
    assert (event.location.country, event.date) == ("ML", "2024-09-17")
    assert len(event.evidence) == 2


def test_a_stabbing_told_as_what_an_attack_came_after_keeps_its_own_day(nlp) -> None:
    """Knife attacks are armed assaults; "months after a man stabbed four people in Lyon on 12
    March" is that day, not a month counted back from the attack."""
    text = (
        "A man killed two people in a knife attack at a market in Marseille on Saturday. The attack "
        "comes less than four months after a man stabbed four people at a rally in Lyon on 12 "
        "March."
    )
    attack, stabbing = run(nlp, text, published="2024-06-23")
    assert (attack.type, attack.date, attack.location.place) == (
        "armed_assault",
        "2024-06-22",
        "Marseille",
    )
    assert (stabbing.type, stabbing.date, stabbing.background) == (
        "armed_assault",
        "2024-03-12",
        True,
    )
    assert stabbing.location.place == "Lyon"


def test_doers_named_by_the_trigger_place_the_event_where_they_struck(nlp) -> None:
    # the town where the gunmen struck, not the state capital the text names more often
    text = (
        "Gunmen on motorcycles stormed a village in Goronyo Local Government Area late on "
        "Friday, abducting dozens of farmers. The bandits operate from forests in Sokoto and "
        "neighbouring states, and residents in Sokoto said the raid lasted hours."
    )
    [event] = run(nlp, text)
    assert (event.location.admin1, event.location.place) == ("Sokoto", "Goronyo")
    # the camp the bombers drove into, not the city the sentence begins with
    text = (
        "Mogadishu had been calm for months until March, when al-Shabaab suicide bombers drove "
        "two explosive-laden vehicles into the Afgooye military base, killing nine soldiers."
    )
    [event] = run(nlp, text)
    assert (event.location.admin1, event.location.place) == ("Lower Shabelle", "Afgooye")


def test_devices_told_as_seized_make_no_bombing_of_a_raid(nlp) -> None:
    """A raid whose sentence adds that suicide belts were seized is no suicide bombing: it stays
    its own event with its dead suspects, apart from the bombing before it."""
    text = (
        "A suicide bomber killed 9 people at a mosque in Kano on Friday, police said on Saturday. "
        "A police spokesman, Musa Bello, told reporters that the bomber belonged to a local cell. "
        "Police raided hideouts on the outskirts of Kano overnight, arresting three people and "
        "killing two suspected members of the cell, he said, adding that explosives and suicide "
        "belts had been seized."
    )
    reports = run(nlp, text, "2021-05-15")
    bombing = [r for r in reports if r.type == "suicide_bombing"]
    assert len(bombing) == 1
    assert [(f.kind, f.value) for f in bombing[0].figures] == [("killed", 9)]
    raid = [r for r in reports if r is not bombing[0]]
    assert any(f.value == 2 for r in raid for f in r.figures)


def test_a_named_operation_launched_or_joined_is_an_event_of_its_doers(nlp) -> None:
    """ "launched Operation X", "took part in Operation X": a military operation, its forces the
    doers; the operation's name alone ("Operation X has 5,000 troops") tells a presence."""
    text = (
        "On Monday the Nigerian Army launched Operation Hadin Kai against Boko Haram in Borno "
        "State, a spokesman said."
    )
    [event] = run(nlp, text, "2021-03-10")
    assert (event.type, event.date, event.location.country) == ("other", "2021-03-08", "NG")
    assert [p.actor_id for p in event.perpetrators] == ["nigerian-army"]
    text = "Kenyan troops took part in Operation Badbaado in Lower Shabelle last week."
    [event] = run(nlp, text, "2022-05-10")
    assert event.type == "other" and event.location.country == "SO"
    assert run(nlp, "Operation Sangaris has 2,000 troops in the Central African Republic.") == []


def test_a_price_put_on_killings_is_no_killing(nlp) -> None:
    """Bounties or a reward "for killing" soldiers tell an incentive, not a deed, however many
    words stand between the price and the act."""
    text = (
        "Intelligence officials have concluded that a foreign spy agency offered bounties to "
        "Shabaab-linked militants for killing peacekeepers in Somalia."
    )
    assert run(nlp, text) == []
    text = "Gunmen killed four peacekeepers in Baidoa, Somalia on Friday."
    [event] = run(nlp, text)
    assert event.type == "armed_assault"


def test_a_deed_named_with_its_date_after_since_is_its_own_past_event(nlp) -> None:
    """ "the deadliest since a shooting at the X in June 2015, when a gunman killed six" (or
    "... that killed six"): a past event with its own toll, none of it the news's."""
    for clause in (", when a gunman killed six people.", " that killed six people."):
        text = (
            "A gunman killed three people at a tram stop in Graz on Monday. It was the deadliest "
            "attack in the city since a shooting at the old synagogue in the Lend district in "
            "June 2015" + clause
        )
        news, past = run(nlp, text, "2019-05-08")
        assert (news.date, [f.value for f in news.figures]) == ("2019-05-06", [3])
        assert past.background and past.date == "2015-06-01"
        assert [f.value for f in past.figures] == [6]


def test_a_town_taken_is_an_event_of_the_side_that_took_it(nlp) -> None:
    """ "seized full control of the town", "retook the town": the side that took it is the doer,
    troops included; the side that "abandoned the town in the face of" the offensive is not."""
    text = (
        "Ethiopian troops seized full control of the town of Dolow on Sunday, the defence "
        "minister said, after al-Shabaab fighters abandoned the town in the face of a "
        "six-week offensive."
    )
    [event] = run(nlp, text, "2016-05-09")
    assert event.type == "other" and event.date == "2016-05-08"
    assert [p.actor_id for p in event.perpetrators] == ["ethiopian-national-defense-force"]
    text = "In February last year, Turkish forces retook the town of Manbij from the Islamic State."
    [event] = run(nlp, text, "2018-03-18")
    assert (event.type, event.date, event.location.place) == ("other", "2017-02-01", "Manbij")
    assert [p.actor_id for p in event.perpetrators] == ["turkish-armed-forces"]
    # the capture of a town is an attack, not an arrest; of a person, an arrest
    [event] = run(nlp, "The capture of Kidal by the army on Monday ended rebel rule.", "2023-11-20")
    assert event.type == "armed_assault"
    [event] = run(nlp, "The capture of the bomber took place in Kano on Monday.", "2023-11-20")
    assert event.type == "arrest_or_capture"


def test_a_sentence_that_only_gives_a_time_dates_the_deed_told_next(nlp) -> None:
    """ "The facts go back to the 25 July. A convoy was ambushed ...", "Recall May 2019. A bomb
    killed ...": the time stands alone, the deed after it is of that time (not of the day a
    statement was made)."""
    text = (
        "The facts go back to the 25 July. A convoy of the army was ambushed near Tessalit. "
        "The army acknowledged heavy losses in a statement on Monday 29 July."
    )
    [event] = run(nlp, text, "2024-08-05")
    assert (event.date, event.location.place) == ("2024-07-25", "Tessalit")
    text = (
        "Recall May 2019. A bomb killed five police officers at a market in Quetta. Then June "
        "2022 in Peshawar, where a suicide bomber killed seven soldiers."
    )
    reports = run(nlp, text, "2025-01-10")
    assert [(r.date, r.location.place) for r in reports] == [
        ("2019-05-01", "Quetta"),
        ("2022-06-01", "Peshawar"),
    ]


def test_where_captives_were_freed_is_not_where_they_were_taken(nlp) -> None:
    """A release headline ("Aid worker freed in Somalia two years after Garsen abduction") and
    "has been released near Kismayo" name where the captive came out, not the kidnapping's
    scene: one kidnapping, in Kenya, on its day."""
    title = "Aid worker freed in Somalia two years after Witu abduction"
    text = (
        title + "\n\nA Dutch aid worker kidnapped in Witu, Kenya, in March 2019 has been released "
        "near Kismayo. Gunmen stormed Witu on March 3, 2019 and took her away."
    )
    [event] = events_of(nlp, text, "2021-04-02", title=title)
    assert (event.type, event.date, event.location.country) == ("kidnapping", "2019-03-03", "KE")
    assert event.location.place == "Witu"


def test_people_picked_up_by_the_state_s_men_are_arrested(nlp) -> None:
    text = (
        "The commander was picked up near the border by Pakistani intelligence operatives on "
        "Monday and flown to the United States to face charges."
    )
    [event] = run(nlp, text, "2025-03-14")
    assert (event.type, event.date) == ("arrest_or_capture", "2025-03-10")
    # a ride is no arrest
    assert run(nlp, "The pilgrims were picked up by a bus in Quetta on Monday.", "2025-03-14") == []


def test_a_university_named_by_its_city_is_no_town_called_university(nlp) -> None:
    """ "at the University of Karachi" in a piece that also names the United States: the city,
    not the US town called University (the gazetteer's "University" is an ambiguous word)."""
    text = (
        "When the US president stood before Congress this month and thanked Pakistan for helping "
        "capture Abdul Rahim, the commander accused of planning the bombing at Kabul airport in "
        "August 2021, Islamabad basked in rare praise. Rahim was picked up near the Afghan border "
        "by Pakistani and American intelligence operatives and flown to the United States to "
        "face charges. It was a genuine success.\n\nThen April 2022. A woman detonated explosives "
        "beside a university van outside the Confucius Institute at the University of Karachi, "
        "killing three Chinese teachers and their Pakistani driver."
    )
    found = {m.text: m.country for m in find_places(nlp(text))}
    assert "University" not in found and found["Karachi"] == "PK"


def test_a_weak_deed_told_hours_before_in_a_province_of_its_own_is_its_own_event(nlp) -> None:
    """ "Hours before, in the rural zone of X, in <another province>, a police helicopter was
    attacked with a drone": another attack of that day, with its own dead, not the bombing's."""
    text = (
        "A truck bomb exploded outside an air force school in Cali, Valle del Cauca, on Thursday, "
        "killing six civilians. Hours before, in the rural zone of Anori, in Antioquia, a police "
        "helicopter was attacked with a drone loaded with explosives. Eight police officers died "
        "in the helicopter, President Gustavo Petro said."
    )
    bombing, helicopter = run(nlp, text, "2025-08-23")
    assert (bombing.location.admin1, [f.value for f in bombing.figures]) == ("Valle del Cauca", [6])
    assert (helicopter.date, helicopter.location.admin1) == ("2025-08-21", "Antioquia")
    assert [f.value for f in helicopter.figures] == [8]
