"""Event reports: grouping, background events, perpetrators and their basis, on small texts and on
the shared corpora (the model runs once per session per text)."""

from __future__ import annotations

import pytest

from chain import events_of
from sitrep.events.detect import AUTHOR
from sitrep.records import Document, EventReport


def run(
    nlp, text: str, published: str | None = "2021-05-10", doc_id: str = "t"
) -> list[EventReport]:
    return events_of(nlp, text, published, doc_id=doc_id)


def perps(report: EventReport) -> dict[str, tuple[str, bool]]:
    return {p.name: (p.basis, p.denied) for p in report.perpetrators}


def test_claim_sentence_gives_claimed(nlp) -> None:
    text = (
        "A suicide bomber killed at least 13 people at a mosque in Kabul on Monday. "
        "The Islamic State group claimed responsibility for the attack in a statement on "
        "Telegram."
    )
    [event] = run(nlp, text)
    assert event.type == "suicide_bombing"
    assert event.date == "2021-05-10"
    assert event.location.country == "AF"
    assert perps(event) == {"Islamic State": ("claimed", False)}
    assert event.claimed_by == ("Islamic State",)
    assert event.claim_channel == "Telegram"
    assert [(f.kind, f.value, f.qualifier) for f in event.figures] == [("killed", 13, "at least")]


def test_blamed_is_accused_and_denial_is_kept(nlp) -> None:
    text = (
        "A car bomb exploded outside a girls' school in Kabul on Saturday, killing 30 "
        "people. President Ashraf Ghani blamed the Taliban for the bombing. "
        "The Taliban denied involvement in the attack."
    )
    events = run(nlp, text)
    assert len(events) == 1
    assert perps(events[0]) == {"Taliban": ("accused", True)}
    assert events[0].claimed_by == ()
    assert events[0].type == "bombing"
    assert "car bomb" in events[0].weapons


def test_suspected_and_none_named(nlp) -> None:
    [event] = run(
        nlp,
        "Suspected ISIS-K militants attacked a checkpoint in Jalalabad on Sunday, "
        "killing four policemen.",
    )
    assert perps(event) == {"Islamic State Khorasan Province": ("suspected", False)}
    [event] = run(nlp, "Gunmen stormed a hotel in Kabul on Sunday, killing four guards.")
    assert event.perpetrators == ()
    assert event.type == "armed_assault"


def test_background_event_is_separate_and_dated_in_the_past(nlp) -> None:
    text = (
        "A suicide bomber killed at least 20 worshippers at a Shiite mosque in Kandahar on "
        "Friday. The attack came one week after ISIS-K conducted another suicide bombing in "
        "Kunduz that killed 50 people."
    )
    events = run(nlp, text, published="2021-10-16")
    assert len(events) == 2
    main, past = events
    assert not main.background and main.date == "2021-10-15"
    assert past.background and (past.date is None or past.date < main.date)
    assert past.location.admin1 != main.location.admin1
    assert {f.value for f in main.figures} == {20}
    assert {f.value for f in past.figures} == {50}


def test_generalities_are_not_events(nlp) -> None:
    text = (
        "The group has carried out attacks across the region. Analysts say it could "
        "launch more bombings if pressure eases, and its attacks on religious minorities "
        "remain a concern."
    )
    assert run(nlp, text) == []


def test_toll_revision_supersedes_earlier_figure(nlp) -> None:
    text = (
        "A bomb blast at a market in Mogadishu on Tuesday killed 40 people, police said. "
        "Later the death toll rose to 54, hospital officials said."
    )
    [event] = run(nlp, text)
    killed = {f.value: f for f in event.figures if f.kind == "killed"}
    assert killed[40].superseded and not killed[54].superseded
    assert killed[40].according_to == "police"


def test_attackers_are_not_the_toll(nlp) -> None:
    # their deaths are kept, scoped as attackers (sitrep.resolve leaves them out of the toll)
    text = (
        "Gunmen attacked a police station in Peshawar on Monday, killing six officers. "
        "Security forces said all three attackers were killed."
    )
    [event] = run(nlp, text)
    assert [(f.value, f.scope) for f in event.figures] == [(6, "officers"), (3, "attackers")]
    # the same number twice: one figure of each
    text = (
        "Gunmen stormed a checkpoint in Kunduz on Monday, killing three soldiers, officials said. "
        "Three militants were also killed, officials said."
    )
    [event] = run(nlp, text)
    assert [(f.value, f.scope) for f in event.figures] == [(3, "soldiers"), (3, "militants")]


def test_a_strike_s_dead_militants_are_its_figure(nlp) -> None:
    text = (
        "The Nigerian Air Force carried out an airstrike on a Boko Haram camp near Gwoza on "
        "Friday, killing at least 40 insurgents, the military said."
    )
    [event] = run(nlp, text)
    assert event.type == "airstrike"
    assert [(f.kind, f.value, f.qualifier, f.scope) for f in event.figures] == [
        ("killed", 40, "at least", "insurgents")
    ]


def test_one_person_named_after_the_victims_is_in_the_toll(nlp) -> None:
    text = (
        "Eleven border policemen and their driver were killed on Tuesday when a roadside bomb "
        "hit their truck in Khost province, officials said."
    )
    [event] = run(nlp, text)
    assert [(f.value, f.scope) for f in event.figures] == [
        (12, "border policemen and their driver")
    ]


def test_a_figure_said_again_with_its_scope_keeps_the_scope(nlp) -> None:
    # the headline's bare "Nine killed" and the body's "Nine policemen" are one figure: the
    # scoped one is kept, with its own sentence as evidence
    title = "Nine killed as gunmen storm police post in Ghazni"
    text = (
        f"{title}\n\nGHAZNI, Afghanistan (AP) - Nine policemen were killed when gunmen stormed a "
        "checkpoint in Ghazni province on Sunday night. The attackers fled before reinforcements "
        "arrived."
    )
    [event] = events_of(nlp, text, "2021-06-14", title=title)
    [figure] = event.figures
    assert (figure.kind, figure.value, figure.scope) == ("killed", 9, "policemen")
    assert figure.evidence.text.startswith("Nine policemen")
    # the first of two figures with a scope stays
    text = (
        "Nine policemen were killed when gunmen stormed a checkpoint in Ghazni province on "
        "Sunday. Nine officers were killed in the attack."
    )
    [event] = events_of(nlp, text, "2021-06-14")
    assert [(f.value, f.scope) for f in event.figures] == [(9, "policemen")]


# ---------------------------------------------------------------- the shared corpora


@pytest.fixture(scope="session")
def dev_events(nlp, dev_records: list[dict]) -> dict[str, list[EventReport]]:
    """Events of a sample of dev documents (every event and the negatives), run once."""
    from sitrep import actors, claims
    from sitrep.clean import clean_document
    from sitrep.events import extract_events

    wanted = {
        "d001",
        "d003",
        "d013",
        "d016",
        "d020",
        "d023",
        "d031",
        "d037",
        "d042",
        "d049",
        "d055",
        "d061",
        "d062",
        "d063",
        "d064",
        "d065",
    }
    out: dict[str, list[EventReport]] = {}
    for rec in dev_records:
        if rec["doc_id"] not in wanted:
            continue
        document = Document(
            id=rec["doc_id"],
            source_id=rec["doc_id"],
            origin=rec["doc_id"],
            raw=rec["text"],
            url=rec.get("url"),
            publisher=rec.get("domain"),
        )
        reports: list[EventReport] = []
        for article in clean_document(document).articles:
            doc = nlp(article.text)
            found = actors.extract(doc, article)
            reports += extract_events(
                doc, article, found, claims.extract_claims(doc, article, found)
            )
        out[rec["doc_id"]] = reports
    return out


@pytest.mark.parametrize("doc_id", ["d061", "d062", "d063", "d064", "d065"])
def test_negatives_give_no_events(dev_events, doc_id: str) -> None:
    assert dev_events[doc_id] == []


def test_kabul_university_claimed_by_is(dev_events) -> None:
    [event] = [e for e in dev_events["d013"] if not e.background]
    assert event.type == "armed_assault"
    assert event.date == "2020-11-02"
    assert (event.location.country, event.location.admin1) == ("AF", "Kabul")
    assert "Islamic State" in event.claimed_by
    assert any(f.value == 22 and f.qualifier == "at least" for f in event.figures)


def test_shah_cheragh_2023_keeps_2022_attack_apart(dev_events) -> None:
    events = dev_events["d049"]
    dates = sorted(e.date for e in events if e.date)
    assert "2022-10-26" in dates
    past = next(e for e in events if e.date == "2022-10-26")
    assert past.background
    assert {(f.kind, f.value) for f in past.figures} >= {("killed", 13), ("wounded", 30)}
    main = [e for e in events if not e.background]
    assert main and all(f.value != 13 for e in main for f in e.figures)


def test_denial_marks_taliban_in_sar_e_pul(dev_events) -> None:
    [event] = [e for e in dev_events["d001"] if not e.background]
    assert event.location.country == "AF"
    names = {p.name for p in event.perpetrators}
    assert "Taliban" in names


def test_taliban_statement_owning_the_capture_is_a_claim(dev_events) -> None:
    # "In a statement, it confirmed that it had taken Mirzawalang but denied reports of
    # civilian casualties": the pronoun is the Taliban named just before
    [event] = [e for e in dev_events["d003"] if not e.background and e.location.country == "AF"]
    assert event.claimed_by == ("Taliban",)


def test_palma_siege_names_isis_linked_fighters(dev_events) -> None:
    # "Fighters linked to the ISIL (ISIS) group have besieged the town" has no figure, date or
    # place of its own but names who attacked
    [event] = [e for e in dev_events["d042"] if not e.background]
    assert event.location.country == "MZ"
    assert "Islamic State" in {p.name for p in event.perpetrators}


def test_every_evidence_slices_back(dev_events, dev_records: list[dict]) -> None:
    from sitrep.clean import clean_document

    texts = {}
    for rec in dev_records:
        if rec["doc_id"] in dev_events:
            document = Document(
                id=rec["doc_id"],
                source_id=rec["doc_id"],
                origin=rec["doc_id"],
                raw=rec["text"],
                url=rec.get("url"),
            )
            for a in clean_document(document).articles:
                texts[(rec["doc_id"], a.index)] = a.text
    for reports in dev_events.values():
        for e in reports:
            evs = list(e.evidence) + [f.evidence for f in e.figures]
            evs += [p.evidence for p in e.perpetrators]
            for ev in evs:
                assert ev is not None
                assert texts[(ev.document_id, ev.article_index)][ev.start : ev.end] == ev.text


def test_an_earlier_event_dated_after_clustering_is_background(dev_events) -> None:
    # d003: "Two US soldiers were killed by the Taliban in a suicide attack on Wednesday in
    # Kandahar" is older than the main event, whose day comes from its lead only at the end;
    # "The incident comes a month after ... stormed a hospital in Ghor" is older still, dated
    # from the main event once it has its day
    [main] = [e for e in dev_events["d003"] if not e.background]
    earlier = [e for e in dev_events["d003"] if e.date and main.date and e.date < main.date]
    assert main.date == "2017-08-05"
    assert sorted((e.date, e.date_precision, e.location.admin1) for e in earlier) == [
        ("2017-07-01", "month", "Ghor"),
        ("2017-08-02", "day", "Kandahar"),
    ]
    assert all(e.background for e in earlier)


def test_plural_blasts_type_the_event_without_making_one(dev_events) -> None:
    # d020: "several explosions at a school in Kabul ... in a terrorist attack"
    [event] = [e for e in dev_events["d020"] if not e.background]
    assert event.type == "bombing"


def test_a_later_assassination_campaign_does_not_retype_a_bombing(dev_events) -> None:
    # d023: "A bomb attack targeting girls ... has killed at least 40" and, later, "targeted and
    # killed, in an assassination campaign"
    [event] = [e for e in dev_events["d023"] if not e.background]
    assert event.type == "bombing"


def test_splinter_blamed_by_description_is_the_splinter(dev_events) -> None:
    # d016: "has held a Taliban splinter group responsible" (not the Taliban itself)
    [event] = [e for e in dev_events["d016"] if not e.background]
    names = {p.name for p in event.perpetrators}
    assert "Fateh Zwak" in names
    assert "Taliban" not in names


def test_the_attack_was_carried_out_by_names_the_doer(nlp) -> None:
    text = (
        "Gunmen killed nine soldiers at a checkpoint in Kunar province on Sunday. "
        "The attack was carried out by the Haqqani Network, officials said."
    )
    [event] = run(nlp, text)
    assert {p.name: p.basis for p in event.perpetrators} == {"Haqqani Network": "attributed"}


def test_a_day_opening_the_statement_that_tells_the_event_dates_it(nlp) -> None:
    # archive-item style (seed s001): the only day is the day of the claim that tells of it
    text = (
        "Experts warn the group is staging a resurgence.\n\n"
        "On April 28, the Islamic State said it was responsible for a suicide attack in the "
        "Iraqi city of Kirkuk, which injured four people."
    )
    [event] = run(nlp, text, published="2020-04-30")
    assert (event.type, event.date, event.date_precision) == (
        "suicide_bombing",
        "2020-04-28",
        "day",
    )
    # a statement's day elsewhere in the sentence is not taken ("officials said on Monday")
    text = (
        "A suicide attack in the Iraqi city of Kirkuk injured four people, officials said on "
        "Monday."
    )
    [event] = run(nlp, text, published="2020-04-30")
    assert event.date != "2020-04-27"


def test_a_dated_series_of_attacks_is_one_event(nlp) -> None:
    text = (
        "Last week the militant group launched a series of coordinated attacks in nearly 30 "
        "different locations across Iraq, which left dozens of soldiers dead."
    )
    (report,) = run(nlp, text, "2020-05-11")
    assert report.type == "armed_assault"
    assert (report.date, report.date_precision) == ("2020-05-04", "week")
    assert report.location.country == "IQ"


def test_a_series_the_event_followed_is_an_earlier_event_of_its_own(nlp) -> None:
    text = (
        "A car bomb exploded outside a Shia mosque in Quetta on Friday, killing 14 worshippers. "
        "The blast followed a wave of bombings on Shia gatherings across Balochistan province. "
        "Lashkar-e-Jhangvi claimed responsibility for the attack."
    )
    main, series = run(nlp, text, "2022-03-07")
    assert (main.type, main.date, [f.value for f in main.figures]) == (
        "bombing",
        "2022-03-04",
        [14],
    )
    assert main.claimed_by == ("Lashkar-e-Jhangvi",)
    assert series.background and series.type == "bombing"
    assert (series.date, series.figures, series.claimed_by) == (None, (), ())
    assert series.location.admin1 == "Balochistan"
    assert "The blast followed" not in series.evidence[0].text  # its clause, not the sentence


def test_undated_series_and_statistics_are_not_events(nlp) -> None:
    assert run(nlp, "The group has carried out a string of attacks across Iraq.") == []
    assert run(nlp, "The group has carried out a wave of bombings in Iraq since 2019.") == []
    stats = (
        "The Islamic State staged at least 566 attacks in Iraq in the first three months of the "
        "year and 1,669 during 2019, according to analysts."
    )
    assert run(nlp, stats, "2020-05-20") == []


def test_series_placed_where_its_attacks_were(nlp) -> None:
    text = (
        "In 2013, following an intense recruitment campaign in Uganda, the ADF launched a series "
        "of attacks in northeastern Congo."
    )
    (report,) = run(nlp, text, "2021-03-16")
    assert (report.date, report.date_precision) == ("2013-01-01", "year")
    assert report.location.country == "CD"


def test_a_since_bound_does_not_date_the_event(nlp) -> None:
    text = (
        "A suicide bomber killed the governor of Balkh at his office today. The attack was among "
        "the highest-level attacks since the summer of 2021."
    )
    (report,) = run(nlp, text, "2023-03-09")
    assert report.date == "2023-03-09"


def test_a_pattern_of_claims_gives_no_perpetrator(nlp) -> None:
    text = (
        "Last Friday a suicide bomber attack on a Shiite mosque in Peshawar killed at least 62 "
        "people. Member States have commented that most attacks claimed by ISIL-K showed some "
        "involvement by the Haqqani Network."
    )
    (report,) = run(nlp, text, "2022-03-07")
    assert "Haqqani Network" not in {p.name for p in report.perpetrators}


def test_a_village_the_gazetteer_lacks_is_the_place_not_another_town_of_the_story(nlp) -> None:
    text = (
        "On Sunday evening insurgents attacked Ntchinga village in Cabo Delgado province, "
        "burning dozens of homes. On Friday they had raided Mocimboa da Praia, killing ten."
    )
    village = next(r for r in run(nlp, text, "2024-05-13") if r.date == "2024-05-12")
    loc = village.location
    assert (loc.country, loc.admin1, loc.place, loc.precision) == (
        "MZ",
        "Cabo Delgado",
        "Ntchinga",
        "admin1",
    )


def test_a_town_near_which_it_happened_stays_though_the_gazetteer_lacks_it(nlp) -> None:
    text = (
        "A roadside bomb killed four soldiers near Spinwam in Khyber Pakhtunkhwa province on "
        "Tuesday. The wounded were taken to a hospital in Peshawar."
    )
    (report,) = run(nlp, text, "2024-05-15")
    assert (report.location.place, report.location.admin1) == ("Spinwam", "Khyber Pakhtunkhwa")


def test_a_partner_in_several_such_strikes_is_no_doer_of_this_one(nlp) -> None:
    text = (
        "U.S. Africa Command carried out an airstrike against al-Shabaab near Kismayo on March 3, "
        "2023. Washington backs the Federal Government of Somalia in its fight against the group. "
        "U.S. Africa Command and the Somali government have conducted several such strikes in "
        "past months."
    )
    (report,) = run(nlp, text, "2023-03-04")
    assert report.type == "airstrike"
    assert "Federal Government of Somalia" not in {p.name for p in report.perpetrators}


def test_two_deeds_of_two_dates_in_one_sentence_are_two_events(nlp) -> None:
    text = (
        "IS-K has attacked Taliban officials before. In March 2019 the group claimed the bombing "
        "of a bus in Jalalabad, and in June last year its gunmen killed nine worshippers at a "
        "mosque in Herat."
    )
    bus, mosque = sorted(run(nlp, text, "2023-05-10"), key=lambda r: r.date or "")
    assert (bus.date, bus.location.place) == ("2019-03-01", "Jalalabad")
    assert bus.claimed_by == ("Islamic State Khorasan Province",)
    assert bus.figures == ()
    assert (mosque.date, mosque.location.place) == ("2022-06-01", "Herat")
    assert [(p.name, p.basis) for p in mosque.perpetrators] == [
        ("Islamic State Khorasan Province", "attributed")
    ]
    assert mosque.claimed_by == ()
    # the outlet's nine: the claim verb does not govern the clause conjoined to it
    [killed] = mosque.figures
    assert (killed.value, killed.according_to, killed.is_claim) == (9, AUTHOR, False)


def test_a_plain_killing_in_a_dated_conjunct_is_another_event(nlp) -> None:
    """ "X was shot dead in May in Peshawar, and last Thursday Y was killed in Hayatabad": two
    killings of two dates, though the second is told by a plain "was killed"."""
    text = (
        "Journalists in the province have been targeted before. Reporter Saleem Khan, editor of a "
        "weekly, was shot dead in May in Peshawar, and last Thursday photographer Adil Rehman "
        "was killed in Hayatabad."
    )
    may, thursday = sorted(run(nlp, text, "2023-08-10"), key=lambda r: r.date or "")
    assert (may.date, may.date_precision) == ("2023-05-01", "month")
    assert (thursday.date, thursday.date_precision) == ("2023-08-03", "day")
    assert [(f.kind, f.value) for f in thursday.figures] == [("killed", 1)]


def test_a_later_day_in_a_conjunct_without_a_deed_keeps_one_event(nlp) -> None:
    text = "A bomb exploded on Friday near a market in Kano, and on Saturday the toll rose to 12."
    (report,) = run(nlp, text, "2023-05-10")
    assert report.date == "2023-05-05"
    assert [f.value for f in report.figures] == [12]


def test_a_claim_of_several_past_attacks_is_no_claim_of_this_one(nlp) -> None:
    text = (
        "Police said on Tuesday that troops had killed a senior militant commander near Mosul. "
        "The province has been hit by bombings in recent years, several of which the Islamic "
        "State claimed."
    )
    (report,) = run(nlp, text, "2021-05-12")
    assert report.claimed_by == ()
    assert "Islamic State" not in {p.name for p in report.perpetrators}


def test_days_after_clause_dates_the_earlier_killing(nlp) -> None:
    text = (
        "The group announced its new leader on October 31, 2019, just days after its founder and "
        "spiritual leader was killed by American troops in Syria."
    )
    (report,) = run(nlp, text, "2020-06-03")
    assert report.type == "assassination"
    assert (report.date, report.date_precision) == ("2019-10-01", "month")
    assert report.location.country == "SY"
    assert {p.actor_id for p in report.perpetrators} == {"us-armed-forces"}


def test_killing_a_leader_and_capturing_another_are_two_events(nlp) -> None:
    text = (
        "French forces kill al-Qaeda head and capture ISIS leader in Mali. In the past few days, "
        "the French military conducted two operations in the Sahel, killing the emir of al-Qaeda "
        "in the Islamic Maghreb, Abdelmalek Droukdal, and capturing Mohamed el Mrabat."
    )
    reports = run(nlp, text, "2020-06-08")
    assert sorted(r.type for r in reports) == ["arrest_or_capture", "assassination"]
    for r in reports:
        assert r.location.country == "ML"
        assert [p.name for p in r.perpetrators] == ["French Armed Forces"]


def test_a_dated_operation_against_the_attackers_is_its_own_event(nlp) -> None:
    text = (
        "Last week the militant group launched a series of coordinated attacks across Iraq, which "
        "left 20 soldiers dead. On Tuesday, Iraqi security forces teamed up with the Popular "
        "Mobilization Forces to launch several operations against the Islamic State."
    )
    reports = run(nlp, text, "2020-05-11")
    assert sorted((r.type, r.date) for r in reports) == [
        ("armed_assault", "2020-05-04"),
        ("other", "2020-05-05"),
    ]
    (operation,) = [r for r in reports if r.type == "other"]
    assert "Popular Mobilization Forces" in {p.name for p in operation.perpetrators}


def test_an_official_who_gives_the_toll_is_not_its_target(nlp) -> None:
    text = (
        "Dozens of civilians were killed in northern Afghanistan on Sunday when militants overran "
        "a village. “According to our credible information, 50 people have been killed,” said "
        "Sharif Aminyar, the district governor of Sayad."
    )
    (report,) = run(nlp, text, "2017-08-07")
    assert report.type == "armed_assault"


def test_a_hostage_beheaded_is_an_execution_though_gunmen_took_him(nlp) -> None:
    text = (
        "Abu Sayyaf militants beheaded the German sailor Jurgen Kantner in the hinterlands of "
        "Sulu on Sunday afternoon after a ransom deadline expired, the military said.\n\n"
        "Kantner had been in captivity since early November, when gunmen boarded his yacht in "
        "waters between Sabah and the Sulu archipelago."
    )
    [report] = run(nlp, text, "2017-02-28")
    assert (report.type, report.date) == ("execution", "2017-02-26")
    # an attack told in the same sentence is still the attack
    stormed = "Militants stormed the village on Sunday, killing 50 people and beheading three."
    assert run(nlp, stormed, "2017-02-28")[0].type == "armed_assault"


def test_a_mass_abduction_is_a_kidnapping_and_an_earlier_one_its_own_event(nlp) -> None:
    text = (
        "Gunmen abduct more than 280 pupils from school in Kaduna state\n\n"
        "Gunmen on motorcycles stormed a school in Kuriga, Kaduna state, on Thursday morning and "
        "abducted at least 287 students and teachers, officials said. Two weeks earlier, more "
        "than 200 people were abducted from a camp for displaced people in Borno state."
    )
    main, earlier = sorted(run(nlp, text, "2024-03-08"), key=lambda r: r.background)
    assert (main.type, main.date, main.location.admin1) == ("kidnapping", "2024-03-07", "Kaduna")
    assert earlier.background and earlier.location.admin1 == "Borno"
    assert (earlier.date, earlier.date_precision) == ("2024-02-19", "week")


def test_killings_in_the_sentence_keep_a_school_attack_an_assault(nlp) -> None:
    text = (
        "Rebels stormed a secondary school in Mpondwe on Friday night, killed 41 students and "
        "abducted six others, police said."
    )
    [report] = run(nlp, text, "2023-06-17")
    assert report.type == "armed_assault"


def test_bombers_with_explosive_belts_are_a_suicide_bombing(nlp) -> None:
    text = (
        "Two members of the group detonated explosive belts in a crowd of mourners in Kerman on "
        "Wednesday, killing at least 84 people, the interior minister said."
    )
    [report] = run(nlp, text, "2024-01-04")
    assert report.type == "suicide_bombing"
    assert "suicide vest" in report.weapons


def test_an_event_the_attack_came_after_is_its_own_earlier_event(nlp) -> None:
    text = (
        "Al-Shabaab militants stormed a hotel in Mogadishu late Friday, killing at least 21 "
        "people, officials said on Sunday. The attack came a week after US forces said they had "
        "killed 13 fighters in an airstrike in central Somalia. Two soldiers were killed in a "
        "roadside bombing in Kismayo on Saturday."
    )
    main, *others = run(nlp, text, "2022-08-21")
    assert (main.type, main.date, main.location.place) == (
        "armed_assault",
        "2022-08-19",
        "Mogadishu",
    )
    by_type = {r.type: r for r in others}
    strike = by_type["airstrike"]
    # a week before the hotel attack: the week of Friday 12 August; never merged into it
    assert (strike.date, strike.date_precision, strike.background) == ("2022-08-08", "week", True)
    assert by_type["bombing"].date == "2022-08-20"
    assert len(others) == 2


def test_how_long_before_the_event_told_says_how_exactly_the_earlier_one_is_dated(nlp) -> None:
    def earlier(gap: str) -> tuple[str | None, str | None]:
        text = (
            "Gunmen stormed a police post in Tank on Thursday, killing six policemen. The attack "
            f"came {gap} after a roadside bomb killed four soldiers in North Waziristan."
        )
        main, past = run(nlp, text, "2023-06-10")
        assert main.date == "2023-06-08"
        return past.date, past.date_precision

    assert earlier("two days") == ("2023-06-06", "day")
    assert earlier("three weeks") == ("2023-05-15", "week")  # the week of 18 May
    assert earlier("a few days") == ("2023-06-01", "month")
    assert earlier("two months") == ("2023-04-01", "month")


def test_a_headline_naming_an_earlier_bombing_does_not_make_the_main_event(nlp) -> None:
    title = "Pakistan arrests suspected ISKP commander behind Bajaur rally bombing"
    text = (
        f"{title}\n\nCounter-terrorism police on Tuesday arrested a suspected commander in a "
        "raid in Mardan district, officials said. The July 30 suicide bombing at a political "
        "rally in Khar, Bajaur, killed 63 people. ISKP claimed the bombing through Amaq."
    )
    main, *rest = events_of(nlp, text, "2023-08-23", title=title)
    assert (main.type, main.date, main.background) == ("arrest_or_capture", "2023-08-22", False)
    [bombing] = rest
    assert (bombing.type, bombing.date, bombing.background) == (
        "suicide_bombing",
        "2023-07-30",
        True,
    )
    assert any(e.text == title for e in bombing.evidence)


def test_the_event_a_named_attack_came_months_after_is_told_apart(nlp) -> None:
    text = (
        "A suicide bomber blew himself up near a mosque in the Mastung district of Balochistan "
        "province on Friday, killing at least 52 people. Hours later, a second blast ripped "
        "through a mosque in Hangu district in Khyber Pakhtunkhwa province, killing at least "
        "five worshippers. Friday's bombing in Mastung came two months after a suicide bombing "
        "at a political rally in the Bajaur district killed 63 people. That attack was claimed "
        "by the Islamic State group."
    )
    main, hangu, bajaur = run(nlp, text, "2023-09-29")
    assert (main.location.admin1, [f.value for f in main.figures]) == ("Balochistan", [52])
    assert perps(main) == {}
    # the same day, another province, its own toll: another event
    assert (hangu.location.place, [f.value for f in hangu.figures]) == ("Hangu", [5])
    # two months before the Friday told, in the place of the clause that tells it
    assert (bajaur.type, bajaur.date, bajaur.date_precision) == (
        "suicide_bombing",
        "2023-07-01",
        "month",
    )
    assert (bajaur.location.place, bajaur.background) == ("Bajaur", True)
    assert [f.value for f in bajaur.figures] == [63]
    assert perps(bajaur) == {"Islamic State": ("claimed", False)}


def test_an_arrest_after_an_attack_is_two_events(nlp) -> None:
    title = "Turkey detains 25 suspects after Istanbul church attack"
    text = (
        f"{title}\n\nTurkish police have detained 25 people after two masked gunmen attacked a "
        "Catholic church in Istanbul during Sunday mass, killing one person, the interior "
        "minister said on Monday. The attack on the church was claimed by Islamic State. Two "
        "suspects, one from Tajikistan and one from Russia, were captured late on Sunday."
    )
    reports = events_of(nlp, text, "2024-01-29", title=title)
    by_type: dict[str, list[EventReport]] = {}
    for r in reports:
        by_type.setdefault(r.type, []).append(r)
    [attack] = by_type["armed_assault"]
    assert (attack.date, attack.location.place) == ("2024-01-28", "Istanbul")
    assert [f.value for f in attack.figures] == [1]
    assert attack.claimed_by == ("Islamic State",)
    arrests = by_type["arrest_or_capture"]
    assert arrests and all(not a.figures for a in arrests)  # the dead are the attack's
    # where the suspects come from is not where they were caught
    assert {a.location.country for a in arrests} == {"TR"}
    [detained] = [a for a in arrests if any("detained 25" in e.text for e in a.evidence)]
    # "have detained ..., the minister said on Monday": done by the day it was announced
    assert (detained.date, detained.date_precision) == ("2024-01-29", "day")


def test_a_demonym_is_not_the_region_of_that_name(nlp) -> None:
    text = (
        "Al-Shabaab militants stormed a hotel in the Somali capital on Friday, killing at least "
        "21 people."
    )
    [event] = run(nlp, text, "2022-08-20")
    assert event.location.country == "SO"


def test_more_designees_named_with_their_places_are_the_same_designation(nlp) -> None:
    title = "US designates ISIS-K leader and spokesman as global terrorists"
    text = (
        f"{title}\n\nWASHINGTON — The US State Department on Monday designated the leader of "
        "ISIS-K, Sanaullah Ghafari, as a Specially Designated Global Terrorist. The department "
        "also designated Sultan Aziz Azam, the group's spokesman, and Maulawi Rajab, a senior "
        "leader of ISIS-K in Kabul province."
    )
    [designation] = events_of(nlp, text, "2021-11-22", title=title)
    assert (designation.type, designation.date) == ("designation", "2021-11-22")
    # the designees' province is not where the designation happened
    assert designation.location.country == "US"
    assert any("also designated" in e.text for e in designation.evidence)


def test_a_designations_targets_are_the_groups_it_lists(nlp) -> None:
    """Whom a designation lists is its target: groups the registry knows, and proper names a
    designating verb lists when it does not; never the designator, its own agencies, or a
    building the sentence names ("before Parliament")."""
    text = (
        "The US State Department on Tuesday designated Jama'at Nusrat al-Islam wal-Muslimin and "
        "the Islamic State Sahel Province as Foreign Terrorist Organizations, the FBI said."
    )
    [designation] = events_of(nlp, text, "2023-06-14")
    assert designation.type == "designation"
    assert designation.targets == (
        "Jama'at Nusrat al-Islam wal-Muslimin",
        "Islamic State Sahel Province",
    )
    text = (
        "The Home Secretary on Monday laid a draft order before Parliament to proscribe Hizb "
        "al-Nasr, an Islamist movement founded in 1975, under the Terrorism Act 2000."
    )
    [designation] = events_of(nlp, text, "2024-02-12")
    assert (designation.type, designation.targets) == ("designation", ("Hizb al-Nasr",))
    text = (
        "Today, the Department of State is designating three organizations as Foreign Terrorist "
        "Organizations: Los Halcones, La Banda del Sur and Frente 33."
    )
    [designation] = events_of(nlp, text, "2025-03-04")
    assert designation.targets == ("Los Halcones", "La Banda del Sur", "Frente 33")
    # its own sentence names "two armed groups": the sentence that names them says which
    text = (
        "The US Department of State has designated two armed groups as foreign terrorist "
        "organizations. In its statement, the department identified the groups as Ansar "
        "al-Sunna of Mozambique and the Allied Democratic Forces."
    )
    [designation] = events_of(nlp, text, "2021-03-12")
    assert "Allied Democratic Forces" in designation.targets


def test_a_countrys_airstrikes_are_its_forces_airstrike(nlp) -> None:
    text = (
        "Pakistani airstrikes in eastern Afghanistan killed at least 46 people, most of them "
        "women and children, a Taliban spokesman said on Wednesday."
    )
    [strike] = run(nlp, text, "2024-12-25")
    assert strike.type == "airstrike"  # a plural doing the killing types the event
    assert perps(strike) == {"Pakistan Armed Forces": ("attributed", False)}


def test_an_earlier_bombing_this_month_is_not_the_days_bombing(nlp) -> None:
    text = (
        "A bomb ripped through a mosque in Kabul during evening prayers on Wednesday, killing at "
        "least 21 people, including a prominent cleric, and wounding at least 33, police said. "
        "Earlier this month, an IS bombing in Kabul's Shiite neighbourhood of Sar-e Karez killed "
        "eight people and wounded 18 others."
    )
    main, earlier = run(nlp, text, "2022-08-18")
    # a cleric among 21 dead: the mosque was the target, not the cleric
    assert (main.type, main.date) == ("bombing", "2022-08-17")
    assert sorted(f.value for f in main.figures) == [21, 33]
    assert (earlier.date, earlier.date_precision, earlier.background) == (
        "2022-08-01",
        "month",
        True,
    )
    assert sorted(f.value for f in earlier.figures) == [8, 18]


def test_the_day_a_video_was_released_is_not_the_day_of_the_execution(nlp) -> None:
    text = (
        "The Islamic State West Africa Province released a video on Thursday showing the "
        "execution of 11 Christians in northeastern Nigeria. It was not clear when the "
        "executions took place."
    )
    [event] = run(nlp, text, "2019-12-27")
    assert (event.type, event.date, event.location.country) == ("execution", None, "NG")


def test_a_town_captured_is_an_attack_when_only_the_gazetteer_knows_it(nlp) -> None:
    text = "In August 2020, the insurgents captured Mocímboa da Praia, a port town in Mozambique."
    [event] = run(nlp, text, "2021-04-01")
    assert event.type == "armed_assault"


def test_a_group_that_is_suspected_is_a_suspect(nlp) -> None:
    text = (
        "A bomb ripped through a mosque in Kabul on Wednesday, killing at least 21 people, police "
        "said. No group immediately claimed responsibility for the attack, but the Islamic State "
        "group, which has carried out a series of attacks on mosques this year, is suspected."
    )
    [event] = run(nlp, text, "2022-08-18")
    assert perps(event) == {"Islamic State": ("suspected", False)}
    assert event.claimed_by == ()


def test_the_day_before_the_speech_verb_and_not_the_claims_day(nlp) -> None:
    title = "Niger: 71 soldiers killed in attack on Inates military camp"
    text = (
        f"{title}\n\nNIAMEY — Seventy-one soldiers were killed when hundreds of fighters "
        "attacked a military camp in Inates, in western Niger's Tillaberi region, on Tuesday, "
        "the army said on Wednesday. Twelve soldiers were wounded. The Islamic State group "
        "claimed responsibility for the attack on Thursday through its Amaq news agency. The "
        "camp near the border with Mali had already been attacked in July, when 18 soldiers died."
    )
    main, earlier = events_of(nlp, text, "2019-12-13", title=title)
    assert (main.date, main.location.country, main.claimed_by) == (
        "2019-12-10",
        "NE",
        ("Islamic State",),
    )
    assert {(f.kind, f.value) for f in main.figures} == {("killed", 71), ("wounded", 12)}
    assert (earlier.date, earlier.date_precision, earlier.location.country) == (
        "2019-07-01",
        "month",
        "NE",
    )


def test_gunmen_who_took_pupils_and_killed_nobody_kidnapped_them(nlp) -> None:
    title = "Hundreds of schoolboys missing after gunmen attack school in Nigeria's Katsina"
    text = (
        f"{title}\n\nKANO, Nigeria, Dec 12 (Reuters) - More than 300 students were missing on "
        "Saturday after gunmen armed with AK-47s attacked their boarding school in Katsina "
        "state, police said. The attack at the school in Kankara took place late on Friday. One "
        "police officer was shot and wounded in the gunfight. On Tuesday, Boko Haram leader "
        "Abubakar Shekau said in an audio message that his group was behind the abduction."
    )
    [event] = events_of(nlp, text, "2020-12-15", title=title)
    # the dateline's day and the day the pupils were found missing are not the attack's
    assert (event.type, event.date) == ("kidnapping", "2020-12-11")
    assert (event.location.country, event.location.admin1) == ("NG", "Katsina")
    assert event.claimed_by == ("Boko Haram",)
    assert [(f.kind, f.value) for f in event.figures] == [("wounded", 1)]


def test_a_second_blast_with_its_own_toll_is_its_own_event(nlp) -> None:
    title = "Somalia truck bomb death toll passes 300"
    text = (
        f"{title}\n\nMOGADISHU, Somalia (AP) — The death toll from Saturday's truck bombing "
        "in Somalia's capital has risen to 276, officials said Monday. A second blast in the "
        "Medina district killed two people, police said. For a second day, rescuers searched "
        "the rubble."
    )
    main, second = events_of(nlp, text, "2017-10-16", title=title)
    assert main.date == "2017-10-14"
    assert ("killed", 2) not in {(f.kind, f.value) for f in main.figures}
    assert [(f.kind, f.value) for f in second.figures] == [("killed", 2)]
    assert (second.location.country, second.background) == ("SO", False)
    # an adjective set off by commas: "A second, smaller bomb"
    text = (
        "A truck bomb killed 80 people in a shopping street in Mosul on Sunday. A second, "
        "smaller bomb exploded the same night at a market in the east of the city, killing at "
        "least one person, police said."
    )
    main, second = events_of(nlp, text, "2017-10-16")
    assert [(f.kind, f.value) for f in main.figures] == [("killed", 80)]
    assert [(f.kind, f.value, f.superseded) for f in second.figures] == [("killed", 1, False)]


def test_an_attack_told_with_its_own_day_and_toll_is_its_own_event(nlp) -> None:
    text = (
        "Thursday's bombing capped the bloodiest week in Pakistan in more than a year. On "
        "Monday, a suicide bomber struck a protest by chemists outside the provincial assembly, "
        "killing at least 13 people. On Wednesday, a suicide attack on a government compound "
        "killed five people."
    )
    monday, wednesday = (e for e in events_of(nlp, text, "2017-02-17") if e.figures)
    assert (monday.date, [f.value for f in monday.figures]) == ("2017-02-13", [13])
    assert (wednesday.date, [f.value for f in wednesday.figures]) == ("2017-02-15", [5])
    # a toll that rose the next day is the same attack's
    rose = (
        "A suicide bomber struck a crowded shrine on Thursday evening, killing at least 50 "
        "people. On Friday, officials said the bombing had killed 80 people."
    )
    assert [(f.value, e.date) for e in events_of(nlp, rose, "2017-02-17") for f in e.figures] == [
        (50, "2017-02-16"),
        (80, "2017-02-16"),
    ]
    # "this morning" in a quotation is no day the report names: the same attack
    quoted = (
        "The governor of Balkh was killed on Thursday when a suicide bomber struck his office. "
        '"The suicide attack this morning killed two people," a police spokesman said.'
    )
    [governor] = events_of(nlp, quoted, "2023-03-10")
    assert (governor.date, [f.value for f in governor.figures]) == ("2023-03-09", [2])


def test_a_designation_carries_no_tally_of_the_groups_killings(nlp) -> None:
    text = (
        "The United States on Wednesday designated Islamic State's affiliate in Mozambique as a "
        "foreign terrorist organization. The group has killed more than 1,300 civilians since "
        "October 2017, the State Department said."
    )
    [event] = run(nlp, text, "2021-03-10")
    assert (event.type, event.figures) == ("designation", ())


def test_a_bomb_rammed_into_a_convoy_is_a_bombing_and_a_car_rammed_into_police_an_assault(
    nlp,
) -> None:
    text = (
        "A suicide bomber rammed an explosives-laden vehicle into a convoy carrying Chinese "
        "engineers in Besham, Pakistan, on Tuesday, killing five of them."
    )
    [event] = run(nlp, text, "2024-03-26")
    assert event.type == "suicide_bombing"
    text = "A man rammed his car into police officers in Paris on Monday, killing one of them."
    [event] = run(nlp, text, "2020-04-28")
    assert event.type == "armed_assault"


def test_the_day_a_claim_was_made_is_not_a_second_event(nlp) -> None:
    text = (
        "On March 24, hundreds of militants stormed Palma, a town in Mozambique. On March 29, the "
        "Islamic State formally took responsibility for the seizure of Palma through Amaq, saying "
        "the attack had left 55 people dead."
    )
    [event] = run(nlp, text, "2021-04-06")
    assert (event.date, event.claimed_by) == ("2021-03-24", ("Islamic State",))
    assert [f.value for f in event.figures] == [55]


def test_a_past_capture_told_beside_the_main_attack_is_placed_where_it_was_captured(nlp) -> None:
    text = (
        "On March 24, hundreds of militants stormed Palma, a town in Mozambique, killing dozens. "
        "An al-Qaeda leader disputed the Islamic State's claim for the Palma attack, saying its "
        "photo was taken when ASWJ captured Mocímboa da Praia in August 2020, a port town 50 "
        "miles south of Palma."
    )
    main, past = run(nlp, text, "2021-04-06")
    assert (main.date, main.location.place) == ("2021-03-24", "Palma")
    assert (past.date, past.date_precision, past.background) == ("2020-08-01", "month", True)
    assert past.location.place == "Mocimboa da Praia"


def test_a_claim_hours_after_the_attack_and_the_bomber_struck_on_monday(nlp) -> None:
    title = "Death toll from Peshawar mosque bombing rises to 100"
    text = (
        f"{title}\n\nPESHAWAR, Pakistan — The death toll from a suicide bombing at a mosque in "
        "Peshawar rose to 100 on Tuesday, officials said. The bomber struck on Monday as "
        "worshippers gathered for prayers. A commander of the Pakistani Taliban claimed "
        "responsibility on Twitter hours after the attack."
    )
    [event] = events_of(nlp, text, "2023-01-31", title=title)
    assert (event.date, event.claimed_by) == ("2023-01-30", ("Tehrik-i-Taliban Pakistan",))


def test_sabotage_after_an_attack_is_its_own_event_reported_as_other(nlp) -> None:
    text = (
        "Gunmen attacked an army checkpoint in Diyala province on Sunday, killing four soldiers, "
        "officials said. Separately, Islamic State saboteurs blew up two electricity pylons near "
        "Kirkuk, cutting power to thousands of homes."
    )
    attack, sabotage = run(nlp, text, "2021-05-11")
    assert (attack.type, attack.date) == ("armed_assault", "2021-05-09")
    assert [(f.kind, f.value) for f in attack.figures] == [("killed", 4)]
    # the schema has no sabotage type: the act is exported as "other", with its own doer
    assert (sabotage.type, sabotage.location.admin1) == ("other", "Kirkuk")
    assert perps(sabotage) == {"Islamic State": ("attributed", False)}
    assert "saboteurs" in sabotage.evidence[0].text


def test_an_attack_named_in_passing_is_dated_and_placed_by_its_name(nlp) -> None:
    title = "Suicide bomber kills 57 at Shiite mosque in Peshawar"
    text = (
        f"{title}\n\nA suicide bomber killed at least 57 people at a Shiite mosque in Peshawar "
        "on Friday, police said. The prime minister condemned the Taliban, who sheltered "
        "al-Qaeda and supported the [September 11] attacks. Officials in Kabul blamed the "
        "network for an attack on the city's airport. It was the deadliest attack in the "
        "city since the Army Public School massacre. Some called it Pakistan's new 9/11. Foreign "
        "troops had left the region by September 11."
    )
    main, sept11, school = events_of(nlp, text, "2022-03-07", title=title)
    assert (main.date, main.location.place, main.background) == ("2022-03-04", "Peshawar", False)
    assert [(f.kind, f.value) for f in main.figures] == [("killed", 57)]
    # the name is the date and the place; the report's own words give nothing more
    assert (sept11.type, sept11.date, sept11.date_precision) == ("other", "2001-09-11", "day")
    assert (sept11.location.country, sept11.location.place) == ("US", "New York City")
    assert sept11.background and not sept11.figures
    # told by the sentence that names it, not joined by "Officials in Kabul blamed ..."
    assert [e.text for e in sept11.evidence] == [
        "The prime minister condemned the Taliban, who sheltered al-Qaeda and supported the "
        "[September 11] attacks."
    ]
    assert (school.type, school.date, school.location.admin1, school.background) == (
        "armed_assault",
        "2014-12-16",
        "Khyber Pakhtunkhwa",
        True,
    )


def test_an_attack_named_as_a_time_does_not_take_the_attack_told_with_it(nlp) -> None:
    # "after 9/11" says when; the massacre the sentence tells is the event
    text = (
        "AQAP was the franchise that came closest to hitting the United States after 9/11, and "
        "the one that, in January 2015, claimed the massacre at the Paris offices of Charlie "
        "Hebdo, in which 12 people were killed."
    )
    [event] = run(nlp, text, "2024-03-14")
    assert (event.type, event.location.place) == ("armed_assault", "Paris")
    assert [(f.kind, f.value) for f in event.figures] == [("killed", 12)]
    # 9/11 is not the massacre's day; "in January 2015", the claim's month, is its month (a
    # claim follows its deed within days: the month of the one is the month of the other)
    assert (event.date, event.date_precision) == ("2015-01-01", "month")


def test_an_attack_named_in_an_undated_report_is_no_main_event(nlp) -> None:
    text = (
        "Al-Qaeda propagandists wrote that Osama bin Laden often asked about the economic "
        "impact of the 9/11 attacks, unlike others who spoke only of casualties."
    )
    [event] = run(nlp, text, None)
    assert (event.date, event.location.country, event.background) == ("2001-09-11", "US", True)


def test_named_events_data_resolves() -> None:
    import datetime as dt
    import json
    from pathlib import Path

    from sitrep.events.lexicon import named_events
    from sitrep.events.places import known_location

    schema = Path(__file__).resolve().parents[2] / "shared/schema/events.schema.json"
    types = json.loads(schema.read_text())["properties"]["type"]["enum"]
    events = set(named_events().by_phrase.values())
    assert len(events) >= 20
    for event in events:
        assert event.type in types, event.name
        dt.date.fromisoformat(event.date)
        where = known_location(event.country, event.place, event.admin1)
        # a town that resolves, or the province given for a town the gazetteer lacks
        assert where.precision == ("place" if event.place else "admin1"), event.name


def test_a_country_that_captured_people_did_not_capture_a_town(nlp) -> None:
    text = (
        "A gunman killed 13 worshippers at a shrine in Shiraz on Wednesday. In August this year, "
        "Iran captured 10 militants with links to ISIS, the intelligence ministry said."
    )
    attack, arrest = run(nlp, text, "2022-10-28")
    assert (attack.type, attack.date) == ("armed_assault", "2022-10-26")
    # "Iran" is the captor, not a town taken; the month is this year's August
    assert (arrest.type, arrest.date, arrest.date_precision) == (
        "arrest_or_capture",
        "2022-08-01",
        "month",
    )
    assert arrest.background


def test_a_headline_arrest_takes_the_day_its_lead_announces(nlp) -> None:
    title = "Nigeria detains 12 suspects after bombing at Kano market"
    text = (
        f"{title}\n\nNigerian police have detained 12 people suspected of links to Boko Haram "
        "after a bomb exploded at a market in Kano on Saturday, killing four, a police "
        "spokesman said on Monday."
    )
    arrest, bombing = events_of(nlp, text, "2021-05-11", title=title)
    assert (arrest.type, arrest.date) == ("arrest_or_capture", "2021-05-10")
    assert (bombing.type, bombing.date) == ("bombing", "2021-05-08")


def test_two_car_bombs_are_a_bombing(nlp) -> None:
    [event] = run(nlp, "Two car bombs killed 20 people in Mogadishu on Saturday.", "2022-07-06")
    assert (event.type, event.date) == ("bombing", "2022-07-02")


def test_a_second_bomb_with_its_own_toll_is_an_event_of_the_same_day(nlp) -> None:
    text = (
        "A suicide truck bombing ripped through a crowded shopping street in central Baghdad "
        "early on Sunday, killing more than 200 people. Islamic State claimed the attack. A "
        "second bomb, planted by a roadside, exploded at about the same time in another "
        "district of the capital, killing five people and wounding 16, police said."
    )
    first, second = run(nlp, text, "2016-07-04")
    assert (first.type, first.date) == ("suicide_bombing", "2016-07-03")
    assert [(f.kind, f.value) for f in first.figures] == [("killed", 200)]
    assert (second.type, second.date, second.background) == ("bombing", "2016-07-03", False)
    assert sorted((f.kind, f.value) for f in second.figures) == [("killed", 5), ("wounded", 16)]
    assert second.perpetrators == ()


def test_suicide_attacks_are_suicide_bombings(nlp) -> None:
    [event] = run(
        nlp,
        "Islamic State suicide attacks killed more than 200 people in Sweida on Wednesday, "
        "officials said.",
        "2018-07-26",
    )
    assert event.type == "suicide_bombing"


def test_the_event_that_bounds_a_since_is_a_background_event(nlp) -> None:
    text = (
        "Three suicide bombers blew themselves up in Sweida early on Wednesday, killing more "
        "than 200 people. The group has not carried out an attack of this scale in "
        "government-held Syria since May 2016, when coordinated bombings in the coastal cities "
        "of Jableh and Tartous killed more than 140 people. Syria has been at war since 2011, "
        "when protests turned into an uprising."
    )
    main, past = run(nlp, text, "2018-07-26")
    assert (main.date, [f.value for f in main.figures]) == ("2018-07-25", [200])
    assert (past.type, past.date, past.date_precision, past.background) == (
        "bombing",
        "2016-05-01",
        "month",
        True,
    )
    assert (past.location.country, past.location.place) == ("SY", "Jablah")
    assert [(f.kind, f.value, f.qualifier) for f in past.figures] == [("killed", 140, "more than")]


def test_the_day_a_government_blamed_a_party_is_not_the_attacks_day(nlp) -> None:
    text = (
        "Tajikistan's government on Tuesday blamed a banned opposition party for an attack in "
        "which four foreign cyclists were killed. A car ploughed into a group of seven cyclists "
        "on a highway in the Danghara district on Sunday, and the men inside then attacked "
        "them with knives, officials said."
    )
    [event] = run(nlp, text, "2018-07-31")
    assert (event.type, event.date) == ("armed_assault", "2018-07-29")


def test_suspects_killed_while_being_detained_are_part_of_the_arrest(nlp) -> None:
    [event] = run(
        nlp,
        "Police detained the leader of the cell in Danghara on Sunday evening, when another "
        "suspect was shot dead while resisting arrest, the ministry said.",
        "2018-07-31",
    )
    assert (event.type, event.date) == ("arrest_or_capture", "2018-07-29")


def test_a_police_raid_is_no_attack_and_keeps_its_own_day(nlp) -> None:
    text = (
        "MAKASSAR, Indonesia — Two suicide bombers blew themselves up at the gate of a cathedral "
        "in Makassar on Sunday, police said on Monday.\n\n"
        "Police raided several locations in Makassar overnight, including the couple's home, and "
        "were examining evidence, a spokesman said."
    )
    bombing, raid = run(nlp, text, "2021-03-29")
    assert (bombing.type, bombing.date) == ("suicide_bombing", "2021-03-28")
    assert raid.type == "other" and not raid.perpetrators


def test_a_raid_the_forces_made_is_no_attack_when_they_open_the_sentence(nlp) -> None:
    # the raid word is not right after the forces, as in "Police raided"
    [seizure] = run(
        nlp,
        "Soldiers seized rifles and bomb-making materials in a raid on a farmhouse near Kidapawan "
        "on Saturday, the army said.",
    )
    assert seizure.type == "other"
    # nor are forces a raid is told against
    for text in (
        "Militants attacked police in a raid on a village near Kidapawan on Saturday.",
        "Police officers were ambushed in a raid on a checkpoint near Kidapawan on Saturday.",
    ):
        [attack] = run(nlp, text)
        assert attack.type == "armed_assault", text


def test_a_motive_clause_after_a_deed_makes_no_event_and_keeps_the_claim(nlp) -> None:
    # the claim of the bombing goes to the bombing, not to the killing it avenged, which is
    # neither the event's victim (no assassination) nor its place or day
    text = (
        "A suicide bomber killed 31 people at a mosque in Kohat on Friday. Hours after the "
        "blast, a commander of the Hizbul Ahrar faction claimed the bombing in a post on social "
        "media, saying it avenged the killing of the faction's founder in Iran last year."
    )
    [event] = run(nlp, text, "2021-05-10")
    assert (event.type, event.date, event.location.country) == (
        "suicide_bombing",
        "2021-05-07",
        "PK",
    )
    assert event.claimed_by == ("Hizb-ul-Ahrar",)
    # nor is its toll the event's, nor an event of its own
    text = (
        "A suicide bomber killed 31 people at a mosque in Kohat on Friday. Hours after the "
        "blast, a commander of the Hizbul Ahrar faction claimed the bombing, saying it avenged "
        "the killing of 30 of its fighters in an army operation last month."
    )
    [event] = run(nlp, text, "2021-05-10")
    assert ([f.value for f in event.figures], event.claimed_by) == ([31], ("Hizb-ul-Ahrar",))
    # a motive's deed of another month and country is no event either
    text = (
        "A bomb exploded at a bus station in Sylhet on Sunday, killing 6 people. Police suspect "
        "a local network of carrying out the attack in revenge for the deportation of 80 "
        "refugees to Myanmar in July."
    )
    assert [(e.type, e.date) for e in run(nlp, text, "2019-08-14")] == [("bombing", "2019-08-11")]
    # ... told as "which it said was revenge for": the place it names makes no event
    text = (
        "Gunmen killed 12 worshippers at a church in Almaty on Monday. In a statement released "
        "through Amaq, the Islamic State said one of its fighters had carried out the attack, "
        "which it said was revenge for the treatment of Muslims in Chechnya."
    )
    [event] = run(nlp, text, "2021-05-11")
    assert (event.location.country, event.claimed_by) == ("KZ", ("Islamic State",))
    # the claim of the next day, with a motive of last month: the attack's claim all the same
    text = (
        "Gunmen attacked the Italian embassy in Niamey on Friday morning, killing six guards. "
        "The al Qaeda-linked group JNIM claimed the attacks on Saturday in a message to a "
        "Mauritanian agency, saying they were revenge for a French raid in Mali last month."
    )
    [event] = run(nlp, text, "2018-03-03")
    assert (event.date, event.claimed_by) == (
        "2018-03-02",
        ("Jama'at Nusrat al-Islam wal-Muslimin",),
    )
    # but a day the deed's own words go on after is the deed's
    text = (
        "Islamic State claimed through its Amaq agency the attack on Tuesday on the army camp "
        "at Chinegodar in Niger's Tillaberi region, in which 89 soldiers were killed."
    )
    [event] = run(nlp, text, "2020-01-12")
    assert event.date == "2020-01-07"
    # a sentence that tells no deed before its motive still tells the deed it names: a past
    # event of its own month and place
    text = (
        "Gunmen stormed a checkpoint in Kohat on Friday, killing four policemen. It came in "
        "retaliation for an army raid in North Waziristan in March that killed a commander."
    )
    assert [(e.background, e.date, e.location.place) for e in run(nlp, text, "2021-05-10")] == [
        (False, "2021-05-07", "Kohat"),
        (True, "2021-03-01", "North Waziristan"),
    ]


def test_what_a_group_habitually_does_is_no_event(nlp) -> None:
    """ "the armed gangs who kidnap villagers for ransom across the North-West": a present tense
    in a relative clause tells a habit, not a deed; "who kidnapped" tells one."""
    text = (
        "Gunmen abducted 40 pupils from a school in Birnin Gwari, Kaduna State, on Thursday. "
        "Residents blamed the armed gangs, locally known as bandits, who kidnap villagers for "
        "ransom across the North-West."
    )
    [event] = run(nlp, text, "2021-05-08")
    assert (event.type, event.location.country) == ("kidnapping", "NG")
    text = (
        "Gunmen abducted 40 pupils from a school in Birnin Gwari, Kaduna State, on Thursday. "
        "They were led by a bandit chief who kidnapped 30 traders in Zamfara in March."
    )
    assert len(run(nlp, text, "2021-05-08")) == 2


def test_a_bomb_that_killed_is_a_bombing(nlp) -> None:
    [event] = run(nlp, "A bomb killed nine people at a bus station in Kidapawan on Saturday.")
    assert event.type == "bombing"
    [plot] = run(nlp, "Police defused a bomb planted near a bus station in Kidapawan on Saturday.")
    assert plot.type == "thwarted_plot"


def test_plural_attacks_a_group_carried_out_type_the_event(nlp) -> None:
    [event] = run(
        nlp,
        "In May 2018, families linked to the network carried out suicide bombings on three "
        "churches in Surabaya, killing a dozen bystanders in attacks claimed by Islamic State.",
        "2021-03-29",
    )
    assert (event.type, event.date) == ("suicide_bombing", "2018-05-01")


def test_the_plural_a_day_owns_types_the_event(nlp) -> None:
    """ "Sunday's suicide bombings": the ones of that day, so they say what kind of event the
    toll is of."""
    text = (
        "The number of people killed in Sunday's suicide bombings at three hotels in Chittagong "
        "has risen to 30, police said."
    )
    [event] = run(nlp, text, "2021-05-11")
    assert (event.type, event.date) == ("suicide_bombing", "2021-05-09")


def test_the_attack_a_superlative_is_measured_from_does_not_date_the_event(nlp) -> None:
    text = (
        "GARISSA — The number of people killed when gunmen stormed Garissa University College "
        "rose to 147 overnight, the National Disaster Operations Centre said, making it the "
        "deadliest attack on Kenyan soil since the bombing of the US embassy in 1998.\n\n"
        "The attackers forced their way past the guards at the main gate at around 5.30am on "
        "Thursday as most students slept in their hostels."
    )
    [event] = run(nlp, text, "2015-04-03")
    assert (event.date, event.date_precision) == ("2015-04-02", "day")
    # without a superlative, "since" names an event of its own, with its date
    bound = "Since the assassination of Qasem Soleimani by the US in January 2020, Iran has waited."
    [past] = run(nlp, bound, "2021-01-10")
    assert (past.type, past.date, past.date_precision) == ("assassination", "2020-01-01", "month")


def test_the_arrests_that_thwarted_a_plot_are_the_plot_and_date_it(nlp) -> None:
    text = (
        "Moroccan intelligence thwarted a plan by an Islamic State cell to bomb a police station "
        "in Tangier. Officers traced a recruiter online, and he led them to four other militants, "
        "who were arrested in March of this year. The men had stockpiled explosives, prosecutors "
        "said. A fifth suspect was detained in Tangier in March."
    )
    [plot] = events_of(nlp, text, "2024-07-20")
    assert (plot.type, plot.date, plot.date_precision) == ("thwarted_plot", "2024-03-01", "month")
    assert any("were arrested" in e.text for e in plot.evidence)
    assert any("fifth suspect" in e.text for e in plot.evidence)


def test_an_arrest_report_tells_the_attack_its_captive_is_held_for_apart(nlp) -> None:
    title = "French police capture Strasbourg market gunman after manhunt"
    text = (
        f"{title}\n\nFrench police have captured the man suspected of killing four people at a "
        "Christmas market in Strasbourg on Tuesday night, the interior minister said on Friday. "
        "The suspect was detained late on Thursday in a raid on a flat in the Neudorf district, "
        "officials said."
    )
    events = events_of(nlp, text, "2018-12-14", title=title)
    # the gunman captured is no attack of the day; the capture is the report's event
    [arrest] = [e for e in events if not e.background]
    assert (arrest.type, arrest.date) == ("arrest_or_capture", "2018-12-13")
    assert not arrest.figures
    # the killing he is suspected of is the earlier event, with its toll (and the minister who
    # said so is no victim: no assassination)
    [attack] = [e for e in events if e.background]
    assert (attack.type, attack.date) == ("armed_assault", "2018-12-11")
    assert [(f.kind, f.value) for f in attack.figures] == [("killed", 4)]


def _told(events: list[EventReport]) -> list[tuple[bool, list[int], tuple[str, ...]]]:
    return [
        (e.background, sorted(f.value for f in e.figures if f.kind == "killed"), e.claimed_by)
        for e in events
    ]


def test_an_undated_report_tells_an_earlier_attack_apart_as_a_dated_one_does(nlp) -> None:
    # no date anywhere: "on Friday" and "in March" still lie a month apart whatever the year
    text = (
        "Gunmen opened fire on worshippers at a Sufi shrine in Herat on Friday, killing six "
        "people, officials said.\n\n"
        "An attack on the shrine in March, claimed by the Islamic State group, killed 11 people."
        "\n\nNo group has claimed responsibility for the latest attack."
    )
    told = [(False, [6], ()), (True, [11], ("Islamic State",))]
    assert _told(run(nlp, text, None)) == told
    assert _told(run(nlp, text, "2024-05-20")) == told
    # "last year" is another year than this week's Friday
    text = (
        "Gunmen opened fire on worshippers at a Sufi shrine in Herat on Friday, killing six "
        "people. Last year's bombing of the shrine killed 30 people."
    )
    assert _told(run(nlp, text, None)) == [(False, [6], ()), (True, [30], ())]
    # a day of the month cannot be placed without a year: it separates nothing
    text = (
        "Gunmen opened fire on worshippers at a Sufi shrine in Herat on Friday, killing six "
        "people. The attack on March 22 was the worst in the city."
    )
    assert len(run(nlp, text, None)) == 1


def test_after_an_earlier_attack_told_in_passing_the_next_paragraph_is_the_main_one(
    nlp,
) -> None:
    lead = (
        "A suicide bomber killed 14 people at a police academy in Kunduz on Tuesday, officials "
        "said. The academy was also attacked in 2019, when gunmen killed 20 recruits."
    )
    later = "Hospital officials said 30 more people were wounded, some of them critically."
    [main, earlier] = run(nlp, f"{lead}\n\n{later}", "2024-05-15")
    assert {f.value for f in main.figures if f.kind == "wounded"} == {30}
    assert not [f for f in earlier.figures if f.kind == "wounded"]
    # within its paragraph, or named again, the earlier attack holds on
    for text in (f"{lead} {later}", f"{lead}\n\nThat attack also left 30 people wounded."):
        [main, earlier] = run(nlp, text, "2024-05-15")
        assert {f.value for f in earlier.figures if f.kind == "wounded"} == {30}
        assert not [f for f in main.figures if f.kind == "wounded"]


def test_the_assault_that_started_the_day_before_is_the_one_told(nlp) -> None:
    text = (
        "At least 21 people have died in clashes with gunmen who stormed a jail in Jalalabad "
        "overnight, officials said on Monday.\n\n"
        "A further 43 people were wounded in the assault on the prison, which started late on "
        "Sunday when a suicide bomber rammed a vehicle packed with explosives into its gate."
    )
    for published in ("2020-08-03", None):
        [event] = run(nlp, text, published)
        assert {(f.kind, f.value) for f in event.figures} == {("killed", 21), ("wounded", 43)}


def test_who_carried_out_the_incident_names_the_doer_of_the_event_told(nlp) -> None:
    attack = "On Sunday, armed militants overran a police post in Kunduz, killing 12 officers."
    for words in ("the atrocity", "the incident", "the killings"):
        [event] = run(nlp, f"{attack} Officials said Taliban fighters had carried out {words}.")
        assert perps(event) == {"Taliban": ("attributed", False)}, words


def test_the_day_an_ongoing_attack_began_is_its_day_not_another_event(nlp) -> None:
    text = (
        "Dozens of people have died after an attack on the town of Palma, a defence ministry "
        "spokesman said on Sunday.\n\n"
        "Islamist militants have been attacking the town since Wednesday."
    )
    [event] = run(nlp, text, "2021-03-28")
    assert (event.date, event.date_precision) == ("2021-03-24", "day")


def test_an_attack_told_as_earlier_that_day_is_another_event(nlp) -> None:
    bombing = (
        "A suicide bomber blew himself up among mourners at a hospital in Quetta on Monday, "
        "killing at least 70 people, officials said.\n\nThe mourners had gathered after the body "
        "of Ali Khan, a prominent lawyer, was brought there. Khan was shot dead by two gunmen "
        "near his home earlier on Monday.\n\nProvincial officials said at least 70 people had "
        "been killed and more than 100 wounded."
    )
    main, lawyer = events_of(nlp, bombing, "2016-08-09")
    assert (main.type, main.date, main.background) == ("suicide_bombing", "2016-08-08", False)
    assert {(f.kind, f.value) for f in main.figures} == {("killed", 70), ("wounded", 100)}
    assert (lawyer.date, lawyer.background, lawyer.figures) == ("2016-08-08", True, ())
    assert [e.text for e in lawyer.evidence] == [
        "Khan was shot dead by two gunmen near his home earlier on Monday."
    ]
    # "Hours earlier": the day of the event told; the next paragraph's bombing is the main one
    market = (
        "A car bomb killed 12 people at a market in Baghdad on Monday, police said. Hours "
        "earlier, gunmen shot dead three policemen at a checkpoint north of the city.\n\nNo "
        "group claimed the bombing, which wounded 30."
    )
    main, checkpoint = events_of(nlp, market, "2016-08-09")
    assert (main.type, {(f.kind, f.value) for f in main.figures}) == (
        "bombing",
        {("killed", 12), ("wounded", 30)},
    )
    assert (checkpoint.date, [(f.kind, f.value) for f in checkpoint.figures]) == (
        "2016-08-08",
        [("killed", 3)],
    )
    # the attackers of the event told, earlier: the same attack
    hotel = (
        "Gunmen stormed a hotel in Mogadishu on Monday evening, killing 15 people. Earlier on "
        "Monday, the attackers detonated a car bomb at the gate, killing two guards."
    )
    [siege] = events_of(nlp, hotel, "2016-08-09")
    assert len(siege.evidence) == 2


def test_an_attack_told_as_earlier_this_month_is_another_event(nlp) -> None:
    """ "Earlier this month, nine people were wounded when a bomb hit ...": an event before the
    one told, in its month; its toll is not the main event's."""
    text = (
        "A suicide bomber killed 20 people at a rally in Turbat on Friday. Earlier this month, "
        "at least nine people were wounded when a bomb hit a minister's car in Turbat."
    )
    main, earlier = events_of(nlp, text, "2021-05-15")
    assert [(f.kind, f.value) for f in main.figures] == [("killed", 20)]
    assert (earlier.background, earlier.date, earlier.date_precision) == (
        True,
        "2021-05-01",
        "month",
    )
    assert [(f.kind, f.value) for f in earlier.figures] == [("wounded", 9)]


def test_an_attack_told_as_hours_later_is_another_event_of_that_day(nlp) -> None:
    """ "Hours later, a suicide bomber struck the mourners": another deed of the day, with its
    own toll, not the first killing's; "Hours later, ... shot dead the attackers" ends that one."""
    text = (
        "A provincial judge was shot dead by gunmen on a motorcycle in Kandahar on Sunday "
        "morning. Hours later, a suicide bomber blew himself up among mourners at Mirwais "
        "Hospital, killing at least 25 people and wounding more than 60."
    )
    judge, hospital = events_of(nlp, text, "2021-05-10")
    assert (judge.type, judge.date, [(f.kind, f.value) for f in judge.figures]) == (
        "assassination",
        "2021-05-09",
        [("killed", 1)],
    )
    assert (hospital.type, hospital.date) == ("suicide_bombing", "2021-05-09")
    assert {(f.kind, f.value) for f in hospital.figures} == {("killed", 25), ("wounded", 60)}
    siege = (
        "Gunmen stormed a hotel in Mogadishu on Monday evening, killing 15 people. Hours later, "
        "special forces stormed the building and shot dead the attackers."
    )
    assert len(events_of(nlp, siege, "2016-08-09")) == 1


def test_a_claim_naming_the_attack_joins_the_attack_not_the_arrest_told_last(nlp) -> None:
    title = "Turkish police capture Ankara bus station bomber"
    text = (
        f"{title}\n\nANKARA - Turkish police have captured the man suspected of killing 12 "
        "people at the city's main bus station on March 3, the governor said on Tuesday.\n\n"
        "The suspect was detained late on Monday in a police raid on an apartment in the "
        "Cankaya district, according to broadcaster NTV. He has confessed, the governor said.\n\n"
        "Two other men were detained with him. Police had located the suspect four or five days "
        "earlier but held off the raid to monitor his movements. His wife was detained in a "
        "separate operation in Ankara on March 16.\n\nIslamic State claimed responsibility for "
        "the bus station attack, saying it was revenge for Turkish air strikes in Syria."
    )
    capture, attack, wife = events_of(nlp, text, "2017-03-21", title=title)
    assert (capture.type, capture.date, capture.claimed_by) == (
        "arrest_or_capture",
        "2017-03-20",
        (),
    )
    # the raid held off is no event; the claim names the attack, told in the lead
    assert (attack.type, attack.date, attack.claimed_by) == (
        "armed_assault",
        "2017-03-03",
        ("Islamic State",),
    )
    assert (wife.type, wife.date, wife.perpetrators) == ("arrest_or_capture", "2017-03-16", ())


def test_an_attack_elsewhere_joins_no_earlier_event_it_shares_nothing_with(nlp) -> None:
    text = (
        "Gunmen stormed a hotel in Kabul on Saturday night, killing 22 people, officials said. "
        "The Taliban claimed the attack.\n\nThe hotel was attacked before, in June 2011, when "
        "suicide bombers killed 21 people.\n\nIn northern Balkh province, militants killed 18 "
        "members of a pro-government militia, an attack also claimed by the Taliban."
    )
    hotel, earlier, balkh = events_of(nlp, text, "2018-01-22")
    assert (hotel.date, hotel.location.admin1) == ("2018-01-20", "Kabul")
    assert (earlier.date, earlier.date_precision, earlier.figures[0].value) == (
        "2011-06-01",
        "month",
        21,
    )
    assert len(earlier.figures) == 1
    assert (balkh.location.admin1, [f.value for f in balkh.figures]) == ("Balkh", [18])
    assert balkh.claimed_by == ("Taliban",)


def test_an_earlier_attack_told_before_the_lead_is_not_the_main_event(nlp) -> None:
    title = "Gunmen kill worshipper at Iranian shrine"
    text = (
        f"{title}\n\nLast year's attack on the Shah Cheragh shrine in Shiraz, claimed by Islamic "
        "State, killed 13 people.\n\nSHIRAZ, Iran - Gunmen opened fire at the Shah Cheragh "
        "shrine on Sunday, killing one person and wounding eight, state media said."
    )
    main, earlier = events_of(nlp, text, "2023-08-14", title=title)
    assert (main.date, main.background, main.claimed_by) == ("2023-08-13", False, ())
    assert {(f.kind, f.value) for f in main.figures} == {("killed", 1), ("wounded", 8)}
    assert (earlier.date, earlier.date_precision, earlier.background) == (
        "2022-01-01",
        "year",
        True,
    )
    assert earlier.claimed_by == ("Islamic State",)


def test_people_taken_by_militants_are_kidnapped_not_arrested(nlp) -> None:
    text = (
        "Islamist insurgents beheaded more than 20 people near Mocimboa da Praia in Cabo Delgado "
        "province over the weekend, local media reported. The attackers rounded up villagers "
        "who had fled into the forest and killed them on Saturday."
    )
    [massacre] = events_of(nlp, text, "2020-11-10")
    assert (massacre.type, len(massacre.evidence)) == ("execution", 2)
    taken = "Militants captured two soldiers at a checkpoint in Kunar province on Sunday."
    assert [e.type for e in events_of(nlp, taken, "2020-11-10")] == ["kidnapping"]
    passive = "Two soldiers were captured by militants at a checkpoint in Kunar on Sunday."
    assert [e.type for e in events_of(nlp, passive, "2020-11-10")] == ["kidnapping"]
    police = "Police captured two militants in Kunar province on Sunday, officials said."
    assert [e.type for e in events_of(nlp, police, "2020-11-10")] == ["arrest_or_capture"]


def test_missiles_and_strikes_from_the_air_are_airstrikes(nlp) -> None:
    """A state's missile strike, its jets' strikes, a helicopter gunship: strikes from the air;
    a bomb told in a relative clause ("the bomb that tore through") is a bombing."""
    texts = {
        "Iran's Revolutionary Guards fired missiles at targets in Iraq's Kurdistan region on "
        "Monday, killing four civilians.": "airstrike",
        "Helicopter gunships pounded militant positions near Mir Ali on Sunday, killing 11 "
        "fighters.": "airstrike",
        "The bomb that tore through the market in Mogadishu on Saturday killed at least 20 "
        "people.": "bombing",
    }
    for text, kind in texts.items():
        [event] = run(nlp, text, "2024-01-16")
        assert event.type == kind, text


def test_an_attack_a_suspect_was_plotting_is_no_attack(nlp) -> None:
    """ "charged with plotting an ISIS-inspired Election Day attack": the plot's attack, named
    at some length after the verb of plotting, did not happen; the arrest did."""
    text = (
        "Man living in Tulsa charged with plotting ISIS-inspired Independence Day attack\n\n"
        "TULSA — Federal agents have arrested a man living in Tulsa who prosecutors say was "
        "preparing a mass-casualty attack on Independence Day in the name of the Islamic State "
        "group.\n\nThe man was taken into custody on Monday after buying two rifles from an "
        "undercover agent, according to a complaint unsealed on Tuesday."
    )
    [event] = run(nlp, text, "2024-07-03")
    assert (event.type, event.date, event.perpetrators) == ("arrest_or_capture", "2024-07-01", ())
    # an attack told after the plotting, in a clause of its own, is one
    text = (
        "The cell had been plotting for months when gunmen attacked a checkpoint in Dearborn on "
        "Monday, killing two officers."
    )
    [event] = run(nlp, text, "2024-10-09")
    assert event.type == "armed_assault"


def test_a_piece_looking_back_over_years_has_no_main_event(nlp) -> None:
    """An analysis that recalls attacks years apart, none of the past week, tells each in
    passing; a report on one attack published weeks after it still has it as its main event."""
    text = (
        "The group is weaker than it was, but it has not stopped looking for headlines.\n\n"
        "In May 2017, fighters loyal to the group overran parts of Marawi, and the siege left "
        "more than 1,100 people dead. The Easter Sunday bombings of 2019 in Sri Lanka killed "
        "more than 250 people."
    )
    events = run(nlp, text, "2024-02-05")
    assert [(e.date, e.background) for e in events] == [
        ("2017-05-01", True),
        ("2019-04-21", True),
    ]
    late = (
        "Survivors of the attack on Palma are still searching for relatives.\n\n"
        "Insurgents stormed the town of Palma on 24 March, killing dozens of people. On 26 March "
        "the insurgents ambushed a convoy of vehicles leaving a hotel, killing six."
    )
    assert run(nlp, late, "2021-04-20")[0].background is False


def test_a_strike_a_state_makes_is_an_airstrike(nlp) -> None:
    """ "a U.S. strike near Jilib", "conducted a collective self-defense strike", "Israeli
    strikes killed 30": the bare noun, made by a state; the one who asked for it is no doer; a
    strike by workers is no event."""
    text = "On Oct. 1, 2022, a U.S. strike near Jilib killed a senior al-Shabaab leader."
    [event] = run(nlp, text, "2023-01-21")
    assert (event.type, event.date, event.location.country) == ("airstrike", "2022-10-01", "SO")
    assert perps(event) == {"United States Armed Forces": ("attributed", False)}
    text = (
        "At the request of the Federal Government of Somalia, U.S. Africa Command conducted a "
        "collective self-defense strike against al-Shabaab on Jan. 20, 2023, near Jilib."
    )
    [event] = run(nlp, text, "2023-01-21")
    assert (event.type, event.date) == ("airstrike", "2023-01-20")
    assert set(perps(event)) == {"US Africa Command"}
    [event] = run(nlp, "Israeli strikes killed 30 people in Gaza on Friday.", "2023-01-21")
    assert event.type == "airstrike"
    assert run(nlp, "Teachers went on strike in Kano on Monday over unpaid wages.") == []


def test_people_seized_are_kidnapped_and_devices_that_struck_are_bombs(nlp) -> None:
    """ "the gunmen who seized pupils and staff": a kidnapping (a town seized is not);
    "improvised explosive devices struck patrols ..., killing nine": a bombing."""
    text = (
        "The gunmen who seized pupils and staff from a school in Kaduna State last Thursday "
        "have demanded a ransom."
    )
    [event] = run(nlp, text, "2024-03-14")
    assert (event.type, event.date) == ("kidnapping", "2024-03-07")
    text = "Militants seized the town on Friday after a day of fighting, killing 12 soldiers."
    assert run(nlp, text, "2024-03-14")[0].type == "armed_assault"
    text = (
        "In February, improvised explosive devices struck patrols of park rangers in the "
        "national park over three days, killing nine people."
    )
    [event] = run(nlp, text, "2022-06-14")
    assert (event.type, event.date) == ("bombing", "2022-02-01")


def test_another_days_attack_and_another_days_claim_are_not_the_raid_told(nlp) -> None:
    """After Friday's raid on a town: "On Sunday evening insurgents attacked a village ..." is
    another attack (another day, two days on, no town in common); "IS said its fighters had
    burned ... on 6 May" is a claim of that other day's deed, not of the raid."""
    lead = (
        "Insurgents killed at least ten people when they overran the district capital of Macomia "
        "in Cabo Delgado province on Friday.\n\n"
    )
    text = lead + (
        "On Sunday evening insurgents attacked a village in the same province for about four "
        "hours, killing two people."
    )
    raid, village = run(nlp, text, "2024-05-13")
    assert [f.value for f in raid.figures] == [10]
    assert (village.date, [f.value for f in village.figures]) == ("2024-05-12", [2])
    assert village.location.admin1 == "Cabo Delgado"
    text = lead + (
        "Islamic State said its fighters had torched two churches and a school in a village "
        "of the province on 6 May."
    )
    raid, arson = run(nlp, text, "2024-05-13")
    assert (raid.claimed_by, arson.claimed_by) == ((), ("Islamic State",))
    assert (arson.date, arson.background) == ("2024-05-06", True)
    # arson told as such is the attack: "burnt dozens of homes"; burnt bodies are not
    [arson] = run(
        nlp, "The militants burnt dozens of homes in the village on Friday.", "2024-05-13"
    )
    assert (arson.type, arson.date) == ("armed_assault", "2024-05-10")
    assert run(nlp, "The bodies were burned beyond recognition on Friday.", "2024-05-13") == []
    # the attackers named again on another day continue the raid
    text = lead + "On Saturday the attackers were still looting shops in the town."
    assert len(run(nlp, text, "2024-05-13")) == 1


def test_a_helicopter_struck_by_gunfire_was_attacked(nlp) -> None:
    """A passive "was struck by gunfire" or "came under fire" tells an attack, with no one
    hurt."""
    text = (
        "A military helicopter carrying the president was struck by gunfire on Friday afternoon "
        "as it approached Cucuta. Nobody on board was hurt."
    )
    [event] = run(nlp, text, "2021-06-27")
    assert (event.type, event.date, event.location.place) == (
        "armed_assault",
        "2021-06-25",
        "Cucuta",
    )


def test_a_threat_to_kill_is_no_death_and_the_named_attack_is_the_one_told(nlp) -> None:
    """ "Abductors threaten to kill pupils": the gunmen who took pupils killed nobody, so it is a
    kidnapping. "The Mukondi attack", told two days on, is the attack told, not another one."""
    text = (
        "Abductors demand ransom, threaten to kill pupils\\n\\n"
        "The gunmen who seized pupils and staff from a school in Kaduna State last Thursday have "
        "demanded a ransom."
    )
    [event] = events_of(
        nlp, text, "2024-03-14", title="Abductors demand ransom, threaten to kill pupils"
    )
    assert event.type == "kidnapping"
    text = (
        "Rebels killed at least 36 people in the village of Mukondi in North Kivu on Wednesday "
        "night. No group had commented on the Mukondi attack by Friday."
    )
    assert len(run(nlp, text, "2023-03-10")) == 1


def test_the_day_before_the_event_told_is_another_event(nlp) -> None:
    """ "The day before the Besham bombing, fighters attacked a naval air base in Turbat": an
    attack of its own, a day before the bombing, with its own doer; the lead naming the
    headline's bombing dates it two months back; and the retrospective rule leaves the
    headline's event the main one."""
    title = "Militants deny role in Besham bombing"
    text = (
        f"{title}\n\n"
        "The militants on Monday denied that they were behind the March 26 suicide bombing that "
        "killed five Chinese engineers near Besham in Khyber Pakhtunkhwa. In July 2021, a blast "
        "on a bus "
        "carrying workers killed 13 people. The day before the Besham bombing, fighters of the "
        "Balochistan Liberation Army attacked the naval air base in Turbat, killing a soldier."
    )
    main, bus, turbat = events_of(nlp, text, "2024-05-28", title=title)
    assert (main.date, main.background, [f.value for f in main.figures]) == (
        "2024-03-26",
        False,
        [5],
    )
    assert (bus.date, bus.background) == ("2021-07-01", True)
    assert (turbat.type, turbat.date, turbat.location.place) == (
        "armed_assault",
        "2024-03-25",
        "Turbat",
    )
    assert perps(turbat) == {"Balochistan Liberation Army": ("attributed", False)}


def test_an_officials_statement_on_a_death_does_not_make_it_an_assassination(nlp) -> None:
    """ "the attacker has died of his wounds, citing a statement from the deputy governor": the
    governor speaks; nobody in office was killed."""
    text = (
        "The agency reported that the gunman who attacked the shrine in Shiraz on Wednesday has "
        "died of his wounds, citing a statement from the deputy governor of the province. Three "
        "gunmen attacked the shrine, leaving 15 people dead."
    )
    assert {e.type for e in run(nlp, text, "2022-10-29")} == {"armed_assault"}


def test_the_killing_of_a_named_lawyer_or_journalist_is_an_assassination(nlp) -> None:
    """A role that makes a person a target and their name: "Advocate X, head of the bar, was
    shot dead", "gunmen shot dead journalist X". Not a role among a mass toll ("a bomb killed
    14 people, among them a lawyer"), nor a killing of someone unnamed."""
    for text in (
        "Advocate Rahim Baksh Marri, head of the district bar, was shot dead outside his "
        "chambers in Sibi on Tuesday.",
        "Gunmen on a motorcycle shot dead journalist Nasrullah Gadani in Mirpur Mathelo on "
        "Tuesday.",
    ):
        [event] = run(nlp, text, "2023-05-10")
        assert event.type == "assassination", text
    for text in (
        "A bomb killed 14 people, among them lawyer Rahim Baksh Marri, in Sibi on Tuesday.",
        "A lawyer was shot dead outside the court in Sibi on Tuesday.",
    ):
        [event] = run(nlp, text, "2023-05-10")
        assert event.type != "assassination", text


def test_people_taken_away_by_armed_men_are_kidnapped(nlp) -> None:
    """ "was seized by armed men", "were taken by men on motorcycles": a kidnapping told in the
    passive with its takers; "taken by ambulance to hospital" is none."""
    seized = "A trader was seized by armed men in the town of Mubi, Nigeria, last Saturday."
    (event,) = run(nlp, seized, "2022-06-08")
    assert (event.type, event.date, event.location.place) == ("kidnapping", "2022-06-04", "Mubi")
    taken = (
        "Two aid workers were taken by men on motorcycles at a checkpoint near Gao, Mali, on "
        "the morning of May 3."
    )
    (event,) = run(nlp, taken, "2022-06-08")
    assert (event.type, event.date) == ("kidnapping", "2022-05-03")
    assert run(nlp, "The wounded were taken by ambulance to a hospital in Gao.", "2022-06-08") == []


def test_a_when_or_where_may_stand_between_the_taking_and_its_takers(nlp) -> None:
    """ "were seized on May 6 near Gao by armed men": the takers come after the day and place;
    "taken to hospital in Gao by other men of their unit" is still no kidnapping."""
    seized = (
        "Seven aid workers were seized on May 6 near the town of Gao by armed men of a local "
        "militia, the charity said on Tuesday."
    )
    (event,) = run(nlp, seized, "2023-05-10")
    assert (event.type, event.date, event.location.place) == ("kidnapping", "2023-05-06", "Gao")
    taken = (
        "A radio reporter was taken from his apartment in Mogadishu on Sunday night by four men "
        "in uniform, his family said."
    )
    (event,) = run(nlp, taken, "2023-05-10")
    assert (event.type, event.date, event.location.place) == (
        "kidnapping",
        "2023-05-07",
        "Mogadishu",
    )
    hospital = "Two soldiers were taken to hospital in Gao by other men of their unit on Monday."
    assert run(nlp, hospital, "2023-05-10") == []


def test_a_hijacking_that_holds_passengers_is_a_kidnapping(nlp) -> None:
    text = (
        "Separatist fighters hijacked a passenger bus near Turbat in Balochistan on Tuesday and "
        "held about 40 travellers hostage."
    )
    (event,) = run(nlp, text, "2023-11-16")
    assert (event.type, event.date, event.location.admin1) == (
        "kidnapping",
        "2023-11-14",
        "Balochistan",
    )


def test_a_car_driven_into_a_crowd_is_an_attack_and_with_a_bomb_a_bombing(nlp) -> None:
    ramming = "In Graz on Sunday, a man drove a van into a crowd of shoppers, injuring 12 people."
    (event,) = run(nlp, ramming, "2023-03-07")
    assert (event.type, event.date, event.location.country) == ("armed_assault", "2023-03-05", "AT")
    bomb = (
        "A suicide bomber drove an explosives-laden car into a crowd of worshippers outside a "
        "mosque in Kunduz on Friday."
    )
    assert [e.type for e in run(nlp, bomb, "2023-03-07")] == ["suicide_bombing"]


def test_a_bomb_defused_is_a_thwarted_plot_unless_another_went_off(nlp) -> None:
    defused = "On Sunday, police defused a bomb planted in a church in Mbale, Uganda."
    (event,) = run(nlp, defused, "2023-05-30")
    assert (event.type, event.date, event.location.place) == (
        "thwarted_plot",
        "2023-05-28",
        "Mbale",
    )
    passive = "A device left near the bus station in Mbale was safely defused on Sunday."
    assert [e.type for e in run(nlp, passive, "2023-05-30")] == ["thwarted_plot"]
    blast = (
        "A bomb exploded at a market in Mbale on Sunday, killing three people, and police "
        "defused a second device nearby."
    )
    assert [e.type for e in run(nlp, blast, "2023-05-30")] == ["bombing"]


def test_a_series_referred_to_or_summed_up_is_no_event(nlp) -> None:
    history = (
        "The front emerged in 2017 and has since claimed several attacks on police and soldiers."
    )
    assert run(nlp, history, "2023-05-30") == []
    listed = "The front was designated in 2020 following several attacks on army convoys."
    assert [e.type for e in run(nlp, listed, "2023-05-30")] == ["designation"]


def test_a_period_total_is_a_statistic_not_an_event(nlp) -> None:
    stats = (
        "According to police figures, more than 180 people were kidnapped in Zamfara in the "
        "first six months of 2022."
    )
    assert run(nlp, stats, "2022-08-01") == []
    opening = "In 2021 alone, 310 people were abducted on the roads of Zamfara."
    assert run(nlp, opening, "2022-08-01") == []
    toll = "Gunmen killed 14 villagers in Zamfara on Sunday, bringing the number killed so far this year to 300."
    (event,) = run(nlp, toll, "2022-08-01")
    assert (event.date, [f.value for f in event.figures]) == ("2022-07-31", [14])


def test_the_date_of_what_since_counts_from_is_not_the_event_s(nlp) -> None:
    text = (
        "The blast was the first bombing in Herat since the fall of the republic in August, "
        "officials said."
    )
    (event,) = run(nlp, text, "2022-01-20")
    assert event.date is None


def test_an_event_first_told_as_known_takes_the_first_day_given_for_it(nlp) -> None:
    """A follow-up report opens on what came after the attack ("Five weeks after ...", "denied any
    role in the attack"); the sentence that gives the attack's day is that attack, not another."""
    weeks = (
        "Five weeks after gunmen killed villagers outside the town of Djibo in Burkina Faso, the "
        "government has still not given a toll. The attack took place on Sunday, 12 May."
    )
    (event,) = run(nlp, weeks, "2024-06-20")
    assert (event.date, event.location.place, len(event.evidence)) == ("2024-05-12", "Djibo", 2)
    denied = (
        "The front on Thursday denied any role in the gun attack at the Chaman market, a day "
        "after a post on one of its channels had claimed the killings. Nine people were killed "
        "when gunmen opened fire on shoppers at the market in Chaman on the evening of June 14."
    )
    (event,) = run(nlp, denied, "2024-06-20")
    assert (event.date, [f.value for f in event.figures]) == ("2024-06-14", [9])


def test_a_day_opening_a_new_sentence_after_a_known_event_is_another_event(nlp) -> None:
    text = (
        "The army denied any role in the attack on the market in Djibo. On Sunday, gunmen killed "
        "five people in Arbinda."
    )
    first, second = run(nlp, text, "2024-06-20")
    assert (first.date, second.date, [f.value for f in second.figures]) == (
        None,
        "2024-06-16",
        [5],
    )


def test_a_hedge_or_another_sentence_s_so_far_does_not_date_the_event_today(nlp) -> None:
    text = (
        "Fighters killed dozens of herders outside the town of Djibo in Burkina Faso. The "
        "highest toll so far comes from an assessment by a European embassy. It said that up to "
        "200 people may have been killed."
    )
    (event,) = run(nlp, text, "2024-10-07")
    assert (event.date, event.location.place) == (None, "Djibo")
    fresh = "Gunmen stormed a village in Zamfara. Four people have lost their lives so far."
    assert run(nlp, fresh, "2024-10-07")[0].date == "2024-10-07"


def test_the_suspects_arrested_on_a_day_are_the_arrests_announced(nlp) -> None:
    text = (
        "Kenyan police said on Thursday they had arrested five people suspected of links to "
        "al-Shabaab. A spokesman said the suspects, most of them arrested on Sunday, were "
        "detained in Garissa and Mandera."
    )
    (event,) = run(nlp, text, "2024-05-16")
    assert (event.type, event.date, event.location.country) == (
        "arrest_or_capture",
        "2024-05-12",
        "KE",
    )


def test_the_event_told_named_after_after_the_is_no_new_event(nlp) -> None:
    """ "formed the day after the massacre": the massacre told; "The attack came a day after the
    massacre" and "after the massacre in Dori" are others."""
    text = (
        "Fighters massacred dozens of herders outside the town of Djibo in Burkina Faso on 12 May. "
        "A group of relatives, formed the day after the massacre, has criticised the army."
    )
    (event,) = run(nlp, text, "2024-06-20")
    assert (event.date, len(event.evidence)) == ("2024-05-12", 2)
    other = (
        "Gunmen killed 30 villagers in Djibo on Friday. The attack came a day after the massacre."
    )
    main, earlier = run(nlp, other, "2024-06-20")
    assert (main.date, earlier.date, earlier.background) == ("2024-06-14", "2024-06-13", True)


def test_tolls_the_text_calls_earlier_are_superseded(nlp) -> None:
    text = (
        "A car bomb exploded outside a mosque in Mosul on Friday. The health directorate said on "
        "Saturday that 17 people had been killed and 40 wounded, raising earlier tolls of 11 dead "
        "and 29 wounded."
    )
    (event,) = run(nlp, text, "2023-02-05")
    assert [(f.kind, f.value, f.superseded) for f in event.figures] == [
        ("killed", 17, False),
        ("wounded", 40, False),
        ("killed", 11, True),
        ("wounded", 29, True),
    ]


def test_a_toll_told_in_the_past_perfect_is_an_earlier_statement(nlp) -> None:
    """ "had said", "had put the toll at": what a source said before the toll the story goes
    by; a figure joined to such a toll is earlier too, and the same speaker's."""
    text = (
        "A truck bomb killed at least 70 people and wounded 130 in Kirkuk on Saturday, the "
        "health directorate said. Earlier in the day the police had put the toll at 21 dead and "
        "48 hurt."
    )
    (event,) = run(nlp, text, "2023-02-05")
    assert [(f.kind, f.value, f.superseded) for f in event.figures] == [
        ("killed", 70, False),
        ("wounded", 130, False),
        ("killed", 21, True),
        ("wounded", 48, True),
    ]
    assert event.figures[3].according_to == "the police"
    text = (
        "The blast killed 58 people, the health ministry said on Monday. On Sunday night "
        "district officials had said 37 people were dead."
    )
    (event,) = run(nlp, text, "2023-02-07")
    assert [(f.value, f.superseded) for f in event.figures] == [(58, False), (37, True)]
    # another source's count told in the past perfect, with nothing saying it came first or
    # when: it stands beside the current one (a disagreement), not before it
    text = (
        "The United Nations said on Monday that 44 people were killed in the bombing of a "
        "school in Kunduz, more than twice the toll announced by the authorities. The interior "
        "ministry spokesman, Abdul Rahman Rasooli, had said 19 people were killed."
    )
    (event,) = run(nlp, text, "2023-02-07")
    assert [(f.value, f.superseded) for f in event.figures] == [(44, False), (19, False)]
    # "first told reporters that about 30 had died, but on Monday he said 48": replaced
    text = (
        "A suicide bomber struck a wedding hall in Kabul on Saturday night. Interior ministry "
        "spokesman Tariq Arian first told reporters that about 30 people had died, but on "
        "Sunday morning he said 48 were confirmed killed."
    )
    (event,) = run(nlp, text, "2023-02-07")
    assert [(f.value, f.superseded) for f in event.figures] == [(30, True), (48, False)]


def test_a_toll_in_a_relative_clause_after_a_claim_is_the_reports(nlp) -> None:
    # "claimed ... the bombing ... that killed 11": the report describes what was claimed
    text = (
        "A little-known group, Liwa Ansar al-Sunna, on Monday claimed responsibility for the "
        "bombing of a mosque in Homs on Friday that killed 11 people and wounded 30."
    )
    [event] = run(nlp, text, "2025-03-11")
    assert event.claimed_by == ("Liwa Ansar al-Sunna",)
    got = {(f.kind, f.value, f.according_to, f.is_claim) for f in event.figures}
    assert got == {("killed", 11, AUTHOR, False), ("wounded", 30, AUTHOR, False)}


def test_a_headline_toll_in_a_relative_clause_after_a_claim_is_the_reports(nlp) -> None:
    title = "Islamic State claims Tillaberi army post attack that killed 29 soldiers"
    text = (
        f"{title}\n\nThe group said on its Amaq news agency that its fighters had stormed the "
        "post on Tuesday."
    )
    (event,) = events_of(nlp, text, "2019-12-13", title=title)
    assert event.claimed_by == ("Islamic State",)
    [killed] = event.figures
    assert (killed.value, killed.according_to, killed.is_claim) == (29, AUTHOR, False)


def test_a_toll_in_a_claim_sentence_given_according_to_an_official_is_the_officials(nlp):
    text = (
        "Islamic State claimed through its Amaq agency the attack on Tuesday on the army post "
        "at Mora, in which 17 soldiers were killed, according to the defence ministry."
    )
    (event,) = run(nlp, text, "2020-02-13")
    [killed] = event.figures
    assert (killed.value, killed.according_to, killed.is_claim) == (
        17,
        "the defence ministry",
        False,
    )


def test_a_toll_the_claiming_group_is_said_to_give_stays_its_claim(nlp) -> None:
    text = (
        "In a statement, al-Shabaab claimed the attack on a hotel in Kismayo, which it said "
        "killed 30 soldiers."
    )
    [event] = run(nlp, text, "2024-03-16")
    [killed] = event.figures
    assert (killed.value, killed.according_to, killed.is_claim) == (30, "al-Shabaab", True)


def test_the_doers_striking_again_on_another_day_is_another_attack(nlp) -> None:
    text = (
        "Gunmen attacked a village in Borno late on Friday, killing 12 people. They struck "
        "again on Saturday morning, killing three more."
    )
    first, second = run(nlp, text, "2024-05-12")
    assert (first.date, [f.value for f in first.figures]) == ("2024-05-10", [12])
    assert (second.date, [f.value for f in second.figures]) == ("2024-05-11", [3])
    # the same night's siege ending the next day is the one event
    siege = "Gunmen stormed a hotel in Mogadishu late on Friday. The siege ended on Saturday."
    assert len(run(nlp, siege, "2024-05-12")) == 1


def test_a_village_the_gazetteer_lacks_tells_the_next_nights_attack_apart(nlp) -> None:
    # "a few kilometres from" the first town is a point of reference, not where it happened
    text = (
        "Dozens of gunmen attacked the police station in Lamu on Sunday night. The Red Cross "
        "put the death toll at 30.\n\nOn Monday night, gunmen attacked the village of Kibaoni, "
        "a few kilometres from Lamu. Police said six people had been killed there."
    )
    first, second = run(nlp, text, "2014-06-18")
    assert (first.date, [f.value for f in first.figures]) == ("2014-06-15", [30])
    assert (second.date, second.location.place, [f.value for f in second.figures]) == (
        "2014-06-16",
        "Kibaoni",
        [6],
    )


def test_a_toll_told_in_a_month_before_the_event_is_of_an_earlier_one(nlp) -> None:
    text = (
        "Gunmen killed 30 worshippers at a mosque in Tera, Niger, on Friday.\n\n"
        "In December, the defence ministry said 21 people were killed at Bankilare."
    )
    main_event, earlier = run(nlp, text, "2025-03-22")
    assert (main_event.date, [f.value for f in main_event.figures]) == ("2025-03-21", [30])
    assert (earlier.date, earlier.date_precision, earlier.background) == (
        "2024-12-01",
        "month",
        True,
    )
    assert [f.value for f in earlier.figures] == [21]
    # "the group's last major attack was in February, when ...": the same
    text = (
        "Rebels stormed a church in Bunia in the early hours of Sunday, killing 38 people. The "
        "group's last major attack in the province was in February, when 23 people were killed."
    )
    main_event, earlier = run(nlp, text, "2025-07-29")
    assert [f.value for f in main_event.figures] == [38]
    assert (earlier.date, [f.value for f in earlier.figures]) == ("2025-02-01", [23])
    # a toll with no attack word of its own ("died"), said months before, is not the event's
    text = (
        "Gunmen killed 30 worshippers at a mosque in Tera, Niger, on Friday. In December, the "
        "defence ministry said 21 people died at Bankilare."
    )
    [main_event] = run(nlp, text, "2025-03-22")
    assert [f.value for f in main_event.figures] == [30]


def test_army_communique_and_forced_entry_wordings_tell_events(nlp) -> None:
    """ "three terrorists were neutralised" (killed, in army communiqués), "khwarij" (the
    Pakistani state's word for TTP fighters), "masked men burst into a studio"; "burst into
    flames" is no attack."""
    text = (
        "On Sunday, four terrorists were neutralised by security forces near Kathua, police said."
    )
    (event,) = run(nlp, text, "2024-06-27")
    assert (event.type, event.date) == ("armed_assault", "2024-06-23")
    assert [(f.kind, f.value) for f in event.figures] == [("killed", 4)]
    text = (
        "On Monday, nine khwarij were killed in an exchange of fire near Tank, the military said."
    )
    (event,) = run(nlp, text, "2024-06-27")
    assert [(f.kind, f.value) for f in event.figures] == [("killed", 9)]
    text = "Masked men carrying rifles burst into a radio station in Machala on Tuesday morning."
    (event,) = run(nlp, text, "2024-06-27")
    assert (event.type, event.date, event.location.place) == (
        "armed_assault",
        "2024-06-25",
        "Machala",
    )
    text = "A fuel tanker burst into flames on the highway near Machala on Tuesday morning."
    assert run(nlp, text, "2024-06-27") == []


def test_a_group_declared_or_named_a_terrorist_organisation_is_designated(nlp) -> None:
    """Governments that do not "designate": "declared ... terrorist organisations", "a decree
    that names ... as terrorist organisations"."""
    declared = "The government of Peru on Tuesday declared 14 criminal gangs terrorist groups."
    (event,) = run(nlp, declared, "2024-01-11")
    assert (event.type, event.date, event.location.country) == ("designation", "2024-01-09", "PE")
    named = (
        "The president of Peru on Tuesday signed a decree that names 14 criminal gangs as "
        "terrorist organisations."
    )
    (event,) = run(nlp, named, "2024-01-11")
    assert (event.type, event.date) == ("designation", "2024-01-09")


def test_two_explosions_opening_a_sentence_tell_the_event_and_date_it(nlp) -> None:
    # the lead's day is the mourning's; "Two explosions ... on Wednesday" is the attack's
    text = (
        "Norway was in mourning on Thursday after suicide bombers struck Bergen station, "
        "killing at least nine people.\n\nTwo explosions tore through the main hall shortly "
        "before 8am on Wednesday."
    )
    (event,) = run(nlp, text, "2021-06-10")
    assert (event.type, event.date) == ("suicide_bombing", "2021-06-09")
    # ... in a town of the next province too: the mourning's day is only a hint
    text = (
        "Pakistan was in mourning on Thursday after suicide bombers struck a bus terminal near "
        "Islamabad, killing at least 20 people.\n\nTwo explosions tore through the terminal in "
        "Rawalpindi shortly before 8am on Wednesday."
    )
    (event,) = run(nlp, text, "2021-06-10")
    assert event.date == "2021-06-09"


def test_a_vow_a_war_with_a_neighbour_and_a_since_when_are_no_scene_or_day(nlp) -> None:
    """ "vowed on Sunday to take revenge for an attack" dates the vow; "the 1965 war with
    India" is no place of the attack; "since December 2014, when gunmen stormed a school"
    dates the event its "when" clause tells."""
    text = (
        "Pakistan vowed on Sunday to take revenge for an attack on a parade in Quetta that "
        "killed 19 people. Gunmen opened fire on Saturday on a stand where officials watched "
        "troops march to mark the anniversary of the 1965 war with India. The attack was the "
        "deadliest in the country since December 2014, when gunmen stormed a school in "
        "Peshawar, killing 150 people."
    )
    main, earlier = run(nlp, text, "2018-09-23")
    assert (main.date, main.location.country, main.background) == ("2018-09-22", "PK", False)
    assert (earlier.date, earlier.date_precision, earlier.background) == (
        "2014-12-01",
        "month",
        True,
    )


def test_the_last_comparable_attack_is_an_earlier_one_even_on_an_undated_page(nlp) -> None:
    text = (
        "Two bombers blew themselves up on Thursday near a market in Mosul, killing 14 people, "
        "police said. The last comparable attack struck the same market in May 2017, when a "
        "bomber killed 22 people."
    )
    main, earlier = run(nlp, text, None)
    assert (main.date, [f.value for f in main.figures]) == (None, [14])
    assert (earlier.date, earlier.background) == ("2017-05-01", True)


def test_a_march_to_condemn_a_bombing_gives_no_day_to_the_bombing(nlp) -> None:
    text = (
        "A truck bomb killed 80 people at a junction in Kismayo on Saturday afternoon, police "
        "said.\n\nThousands of people marched through the city on Wednesday to condemn the "
        "bombing."
    )
    (event,) = run(nlp, text, "2017-10-20")
    assert (event.type, event.date) == ("bombing", "2017-10-14")


def test_captives_found_dead_later_leave_a_kidnapping_a_kidnapping(nlp) -> None:
    text = (
        "Three of the five traders who were abducted at gunpoint in Reynosa on Friday were "
        "found dead on Monday, officials said. Gunmen had opened fire on their car before "
        "taking them away. A passer-by was killed by a stray bullet during the attack on "
        "Friday, officials said."
    )
    main = next(e for e in run(nlp, text, "2023-03-07") if not e.background)
    assert (main.type, main.date) == ("kidnapping", "2023-03-03")


def test_a_day_whose_deed_it_is_dates_the_deed_not_the_revision(nlp) -> None:
    text = (
        "Tanzania's government on Friday raised the death toll from last Saturday's truck "
        "bombing in Tanga to 37."
    )
    (event,) = run(nlp, text, "2018-03-09")
    assert (event.type, event.date) == ("bombing", "2018-03-03")


def test_a_bomb_named_before_what_it_did_makes_a_bombing(nlp) -> None:
    for text in (
        "A bomb hidden in a rickshaw went off near a rally in Dera Ismail Khan on Sunday, "
        "killing three people.",
        "A van laden with explosives blew up at an army checkpoint in Marawi on Sunday, killing "
        "six soldiers.",
    ):
        (event,) = run(nlp, text, "2021-05-10")
        assert event.type == "bombing", text


def test_a_bomb_hours_before_the_one_told_is_its_own_bombing_where_it_went_off(nlp) -> None:
    text = (
        "A suicide bomber blew himself up at a rally in Khuzdar on Friday, killing 60 people. "
        "Hours before the Khuzdar blast, a bomb hidden in a cart went off near the convoy of a "
        "candidate in Dera Ismail Khan, killing four people."
    )
    main, other = run(nlp, text, "2018-07-15")
    assert (main.type, main.location.place) == ("suicide_bombing", "Khuzdar")
    assert (other.type, other.background, other.location.place) == (
        "bombing",
        True,
        "Dera Ismail Khan",
    )


def test_days_after_an_anniversary_keep_the_month_of_the_deed_remembered(nlp) -> None:
    text = (
        "Gunmen stormed a hotel in Mombasa on Tuesday, killing 21 people. The attack came three "
        "days after the third anniversary of the January 2016 assault on a base at Kulbiyow in "
        "Somalia, in which al-Shabaab fighters killed scores of soldiers."
    )
    main, other = run(nlp, text, "2019-01-16")
    assert main.date == "2019-01-15"
    assert (other.date, other.date_precision, other.background) == ("2016-01-01", "month", True)


def test_an_event_named_as_a_point_in_time_does_not_type_the_one_told(nlp) -> None:
    text = (
        "The toll of Friday's suicide bombing at a rally in Quetta rose to 40, the deadliest "
        "since the 2014 massacre at a school in Peshawar, police said."
    )
    main = next(e for e in run(nlp, text, "2021-05-10") if not e.background)
    assert main.type == "suicide_bombing"


def test_an_order_laid_or_signed_to_proscribe_a_group_is_a_designation(nlp) -> None:
    """A proscription order is the act, though its words say "to proscribe"; a plan or a call
    for one is none."""
    laid = (
        "The interior minister of Canada on Tuesday laid a draft order in Parliament to "
        "proscribe the Iron Legion as a terrorist group."
    )
    (event,) = run(nlp, laid, "2024-01-11")
    assert (event.type, event.date) == ("designation", "2024-01-09")
    (event,) = run(
        nlp, "The proscription of the Iron Legion came into force on Friday.", "2024-01-14"
    )
    assert (event.type, event.date) == ("designation", "2024-01-12")
    for text in (
        "The minister said on Tuesday she would proscribe the Iron Legion.",
        "Campaigners on Tuesday called for the proscription of the Iron Legion.",
    ):
        assert run(nlp, text, "2024-01-11") == []


def test_a_headline_tells_two_pieces_of_news_at_its_semicolon(nlp) -> None:
    """ "Market attack: toll rises to 31; 6 detained": the attack is the story; the arrests
    told after the semicolon do not make the headline an arrest dated by the report."""
    title = "Kano market attack: death toll rises to 31; 6 detained"
    text = (
        f"{title}\n\n"
        "Gunmen opened fire at a crowded market in Kano on Friday evening, the police said.\n\n"
        "Police said on Saturday that six suspects had been detained in a raid overnight."
    )
    events = events_of(nlp, text, "2024-03-23", title=title)
    main = next(e for e in events if not e.background)
    assert (main.type, main.date, main.location.place) == ("armed_assault", "2024-03-22", "Kano")
    assert ("killed", 31) in [(f.kind, f.value) for f in main.figures]


def test_a_plot_stopped_is_not_the_attack_carried_out(nlp) -> None:
    """ "the police said they had foiled a plot by the group against a church": another event
    than the attack the report tells, though told with no day of its own."""
    text = (
        "Gunmen attacked a concert hall in Kano on Friday, killing 20 people. Islamic State "
        "claimed the attack. Earlier this month, police said they had foiled a plot by the "
        "group against a church in Kano."
    )
    events = run(nlp, text, "2024-03-23")
    attack = next(e for e in events if not e.background)
    assert attack.type == "armed_assault"
    assert not any("foiled" in ev.text for ev in attack.evidence)
    assert {e.type for e in events} == {"armed_assault", "thwarted_plot"}


def test_a_headline_part_without_a_trigger_tells_the_news_of_the_part_before(nlp) -> None:
    """ "...killed in Syria; US says it targeted him": the state's own word on the strike, in
    the headline's second part; "Taliban condemn attack" is no doer."""
    title = "Islamic State says commander killed in Syria; US says it targeted him"
    text = (
        f"{title}\n\n"
        "An Islamic State commander was killed in an airstrike near Raqqa on Tuesday, the group "
        "said."
    )
    (event,) = events_of(nlp, text, "2019-05-08", title=title)
    assert event.type == "airstrike"
    assert event.claimed_by == ("United States Armed Forces",)
    title = "Blast near school in Kabul kills 12; Taliban condemn attack"
    text = f"{title}\n\nA bomb went off near a school in Kabul on Saturday, killing 12 people."
    (event,) = events_of(nlp, text, "2021-05-09", title=title)
    assert event.perpetrators == ()


def test_a_designation_may_list_the_groups_before_what_it_calls_them(nlp) -> None:
    """ "declared 12 gangs, including Barrio 18 and the Mara Salvatrucha, terrorist
    organisations": the list between the verb and the label is part of the designation."""
    text = (
        "The government of Honduras on Monday declared 12 criminal gangs, including Barrio 18 and "
        "the Mara Salvatrucha, terrorist organisations."
    )
    (event,) = run(nlp, text, "2024-05-08")
    assert (event.type, event.date, event.location.country) == ("designation", "2024-05-06", "HN")


def test_a_commentary_tells_every_event_in_passing(nlp) -> None:
    text = (
        "The junta's siege without walls\n\n"
        "Three drivers have been killed so far in an ambush on a fuel convoy outside Nioro, the "
        "transport company said. On 2 June, the group attacked army posts in four towns near "
        "Kayes, and the army said it had killed 40 attackers."
    )
    news = events_of(nlp, text, "2025-10-10")
    opinion = events_of(nlp, text, "2025-10-10", genre="opinion")
    assert any(not e.background for e in news)
    assert [e.background for e in opinion] == [True] * len(opinion)
    # an event without a day of its own does not take the day of publication
    assert "2025-10-10" not in {e.date for e in opinion}
    assert "2025-10-10" in {e.date for e in news}
    # an analysis may bring news of the days before: it keeps its main event
    analysis = events_of(nlp, text, "2025-10-10", genre="analysis")
    assert [e.background for e in analysis] == [e.background for e in news]


def test_a_unit_routed_or_a_base_encircled_is_an_armed_assault(nlp) -> None:
    for text, day in (
        (
            "Hundreds of fighters encircled the army base in Kolofata on Sunday, the army said.",
            "2021-07-25",
        ),
        (
            "A government commando unit was routed in Shindand on Tuesday, an official said.",
            "2021-07-27",
        ),
    ):
        [event] = events_of(nlp, text, "2021-07-30")
        assert (event.type, event.date) == ("armed_assault", day)


def test_a_reprisal_hours_after_an_attack_is_an_event_of_its_own(nlp) -> None:
    text = (
        "Egypt's air force struck militant camps in eastern Libya overnight, the army said on "
        "Monday, hours after a gun and bomb attack on a bus of pilgrims in Minya that the "
        "government blamed on the Islamic State group."
    )
    events = events_of(nlp, text, "2017-05-29")
    kinds = {e.type: e for e in events}
    assert set(kinds) == {"airstrike", "bombing"}
    assert [p.name for p in kinds["bombing"].perpetrators] == ["Islamic State"]
    assert "Islamic State" not in [p.name for p in kinds["airstrike"].perpetrators]


def test_the_end_of_a_siege_hours_after_it_began_is_one_event(nlp) -> None:
    """ "forces had ended the siege ..., nearly 12 hours after gunmen stormed the building": the
    end of the attack and how it began, not a reprisal and an attack before it."""
    title = "Sahafi hotel siege over"
    text = (
        f"{title}\n\nThe interior minister said on Sunday that security forces had ended the "
        "siege at the Sahafi hotel in Mogadishu and that all the attackers had been "
        '"eliminated", nearly 12 hours after gunmen stormed the building.'
    )
    [event] = events_of(nlp, text, "2019-11-10", title=title)
    assert event.type == "armed_assault"


def test_the_attack_a_reprisal_followed_is_told_again_with_its_own_day(nlp) -> None:
    # "The attack" is the bus attack told beside the strike, not the strike; its own day
    # (Sunday, 05-28) wins over the day counted back from the strike ("hours after")
    text = (
        "Egypt's air force struck militant camps in eastern Libya overnight, hours after a gun "
        "and bomb attack on a bus of pilgrims in Minya that the government blamed on the "
        "Islamic State group. The attack on Sunday afternoon killed 28 people and wounded 25, "
        "officials said."
    )
    kinds = {e.type: e for e in events_of(nlp, text, "2017-05-29")}
    attack, strike = kinds["bombing"], kinds["airstrike"]
    assert attack.date == "2017-05-28"
    assert sorted((f.kind, f.value) for f in attack.figures) == [("killed", 28), ("wounded", 25)]
    assert strike.figures == ()


def test_whoever_listed_a_group_is_no_doer(nlp) -> None:
    text = (
        "Turkish strikes hit targets near Qamishli on Wednesday, killing 12 civilians, the "
        "Kurdish-led administration said. The PKK, designated a terrorist group by Turkey, the "
        "United States and the European Union, took up arms in 1984."
    )
    strike = next(e for e in events_of(nlp, text, "2024-10-24") if e.type == "airstrike")
    assert [p.name for p in strike.perpetrators] == ["Turkish Armed Forces"]


def test_a_cell_dismantled_while_preparing_attacks_is_a_thwarted_plot(nlp) -> None:
    text = (
        "Algeria's security services said on Thursday they had dismantled a terrorist cell of "
        "seven extremists in Oran who were preparing a terrorist project."
    )
    [event] = events_of(nlp, text, "2024-01-13")
    assert (event.type, event.location.country) == ("thwarted_plot", "DZ")


def test_a_day_after_a_meeting_is_no_reprisal(nlp) -> None:
    text = (
        "The provincial governor was assassinated in Kunduz on Tuesday one day after he met "
        "ministers on a visit from Kabul, which makes him one of the most senior officials "
        "killed since 2021."
    )
    events = events_of(nlp, text, "2024-03-13")
    assert [e.type for e in events] == ["assassination"]


def test_the_group_hitting_a_town_on_a_later_day_is_another_attack(nlp) -> None:
    text = (
        "Jihadists attacked an army post in Djibo on May 4, killing 14 soldiers.\n\n"
        "On June 20, the group hit the town of Kaya. Its fighters stormed the market and "
        "set shops on fire."
    )
    events = events_of(nlp, text, "2023-07-01")
    assert [(e.type, e.date) for e in events] == [
        ("armed_assault", "2023-05-04"),
        ("armed_assault", "2023-06-20"),
    ]
    # a group hit by an airstrike, or hitting back in words, did no deed
    hit = "The group was hit by an airstrike in Kaya on June 20. Its leaders hit back at critics."
    assert [e.type for e in events_of(nlp, hit, "2023-07-01")] == ["airstrike"]


def test_a_headline_toll_rising_as_a_group_claims_the_deed_is_the_reports(nlp) -> None:
    # the claim verb is about the deed: "as toll rises to 47" is the report's own figure
    title = "Jaysh al-Adl claims Zahedan bombing as toll rises to 47"
    text = f"{title}\n\nA suicide bomber struck a crowded market in Zahedan on Friday."
    events = events_of(nlp, text, "2022-04-02", title=title)
    figures = [(f.value, f.according_to, f.is_claim) for e in events for f in e.figures]
    assert figures == [(47, AUTHOR, False)]


def test_people_seized_by_armed_men_or_a_group_seizing_people_is_a_kidnapping(nlp) -> None:
    for text in (
        "Three engineers seized by gunmen from a road camp near Zamfara on Tuesday were freed.",
        "Fighters of the group seized fourteen people from a bus near Maiduguri on Monday.",
    ):
        assert [e.type for e in events_of(nlp, text, "2021-03-05")] == ["kidnapping"], text
    # the things an army seized are no people taken
    seized = "Soldiers seized rifles from a camp near Maiduguri on Monday."
    assert "kidnapping" not in [e.type for e in events_of(nlp, seized, "2021-03-05")]


def test_people_seized_with_a_later_fate_or_at_a_time_told_are_a_kidnapping(nlp) -> None:
    # a captive's later death is the kidnapping's, not an attack's; its doers are named
    text = (
        "The raid recalled the June 2003 attack on a dive resort in Tawi-Tawi, where gunmen "
        "seized eleven tourists, one of whom was later beheaded."
    )
    [event] = events_of(nlp, text, "2016-04-26")
    assert (event.type, event.date) == ("kidnapping", "2003-06-01")
    text = "In June 2003 the Abu Sayyaf seized eleven tourists from a dive resort in Tawi-Tawi."
    [event] = events_of(nlp, text, "2016-04-26")
    assert [(p.name, p.basis) for p in event.perpetrators] == [("Abu Sayyaf Group", "attributed")]
    # people taken at a time told, no taker named
    text = (
        "Abu Sayyaf gunmen beheaded a Malaysian hostage in Indanan on Monday, the army said. The "
        "group still holds 15 captives in Sulu, among them eight Vietnamese sailors seized in "
        "January."
    )
    assert [(e.type, e.date) for e in events_of(nlp, text, "2016-04-26")] == [
        ("execution", "2016-04-25"),
        ("kidnapping", "2016-01-01"),
    ]


def test_the_day_told_after_one_of_the_people_seized_is_the_seizure_s(nlp) -> None:
    # the parse hangs the day on "was"; it dates the seizure the phrase tells
    text = (
        "Militants beheaded a Malaysian hostage in Indanan on Monday, the army said. He was one "
        "of three people seized by armed men from a resort on Pandanan Island, Palawan, on the "
        "night of November 12 last year."
    )
    assert [(e.type, e.date) for e in events_of(nlp, text, "2016-04-26")] == [
        ("execution", "2016-04-25"),
        ("kidnapping", "2015-11-12"),
    ]


def test_gunmen_named_as_the_doers_of_a_beheading_make_no_attack_of_it(nlp) -> None:
    text = "Abu Sayyaf gunmen beheaded a Malaysian hostage in Indanan on Monday, the army said."
    assert [e.type for e in events_of(nlp, text, "2016-04-26")] == ["execution"]
    # gunmen who stormed a village and beheaded people there made an attack
    text = "Gunmen stormed a village near Indanan on Monday and beheaded six farmers."
    assert [e.type for e in events_of(nlp, text, "2016-04-26")] == ["armed_assault"]


def test_a_hostage_beheaded_stays_an_execution_when_his_seizure_is_told_after(nlp) -> None:
    # the head sentence tells the kind; how he was taken, told after, is part of the story
    text = (
        "Militants beheaded a Malaysian hostage in Indanan on Monday, the army said. The "
        "tourists had been seized by gunmen from a dive resort in Indanan, and the gunmen took "
        "them by boat to the hills."
    )
    assert [e.type for e in events_of(nlp, text, "2019-04-26")] == ["execution"]


def test_an_attack_named_after_another_city_told_after_the_news_is_in_passing(nlp) -> None:
    text = (
        "Gunmen stormed a concert hall in Hamburg on Saturday, killing 12 people. The Munich "
        "attack, also claimed by the group, killed 9 people."
    )
    assert [(e.type, e.background) for e in events_of(nlp, text, "2024-05-12")] == [
        ("armed_assault", False),
        ("armed_assault", True),
    ]
    # the news named after its own city is the news told again
    again = "Gunmen stormed a concert hall in Hamburg on Saturday. The Hamburg attack killed 12."
    assert [e.background for e in events_of(nlp, again, "2024-05-12")] == [False]


def test_a_headline_toll_before_a_groups_claim_is_the_reports(nlp) -> None:
    # the group claims the attack, not the count; the body gives the toll (in words, and with
    # a group of people counted inside its of-phrase) from the minister
    title = "Bamako hotel siege ends: 22 dead, al Qaeda claims"
    text = (
        f"{title}\n\nMalian troops ended a siege of the Radisson hotel in Bamako early on "
        "Saturday. Twenty-two people of at least 10 nationalities were killed, Security "
        "Minister Salif Traore said."
    )
    (event,) = events_of(nlp, text, "2015-11-21", title=title)
    got = {(f.value, f.according_to, f.is_claim) for f in event.figures if f.kind == "killed"}
    assert got == {(22, AUTHOR, False), (22, "Salif Traore", False)}
    # two groups claiming after the toll, or "claims attack": the report's toll too
    title = "Court blast: 40 martyred, Hizbul Ahrar and Daesh both claim attack"
    text = f"{title}\n\nA suicide bomber struck a court complex in Mardan on Monday."
    (event,) = events_of(nlp, text, "2022-05-10", title=title)
    assert [(f.value, f.according_to, f.is_claim) for f in event.figures] == [(40, AUTHOR, False)]


def test_a_statement_told_with_its_owner_is_that_owners_not_the_claimants(nlp) -> None:
    # "the statement" after "A police statement" is the police's, though the group claimed the
    # bombing in a statement of its own
    text = (
        "A suicide bomber struck a mosque in Mardan on Monday. The Hizbul Ahrar faction claimed "
        "the bombing in a statement on Telegram. A police statement on Saturday said some names "
        'had been counted twice on hospital lists. "The confirmed number of martyrs stands at '
        '61," the statement said.'
    )
    (event,) = events_of(nlp, text, "2021-05-12")
    [killed] = [f for f in event.figures if f.kind == "killed"]
    assert (killed.value, killed.is_claim) == (61, False)
    assert killed.according_to is not None and "police" in killed.according_to
    # the group's own statement stays the group's
    text = (
        "A suicide bomber struck a mosque in Mardan on Monday. In a statement on Telegram, the "
        "Hizbul Ahrar faction claimed the bombing and said 61 policemen were killed."
    )
    (event,) = events_of(nlp, text, "2021-05-12")
    [killed] = [f for f in event.figures if f.kind == "killed"]
    assert (killed.value, killed.is_claim) == (61, True)


def test_a_toll_told_on_a_later_day_is_the_events_toll(nlp) -> None:
    """A sentence with a toll and no deed of its own, dated days after the event, tells the
    toll as counted that day ("On Monday officials counted 152 dead"), not another day's deed."""
    text = (
        "A truck bomb exploded at a busy market in Kismayo last Saturday, killing scores of "
        "people. The government on Friday raised the death toll to 190. On Monday officials "
        "counted 152 dead, and the day before they had spoken of more than 100."
    )
    [event] = run(nlp, text, "2019-03-15")
    assert event.date == "2019-03-09"
    killed = [(f.value, f.superseded) for f in event.figures if f.kind == "killed"]
    assert killed == [(190, False), (152, True), (100, True)]


def test_who_told_a_toll_or_opened_an_inquiry_is_no_doer(nlp) -> None:
    # "the toll announced by X" names who counted; "launched an investigation" is no deed
    title = "UN says 30 killed in Mazar bombing, more than double the Taliban's figure"
    text = (
        f"{title}\n\nThe United Nations said on Monday that 30 people were killed in Friday's "
        "suicide bombing at a tuition centre in Mazar-i-Sharif, more than twice the toll "
        "announced by the Taliban. No group has claimed responsibility."
    )
    (event,) = events_of(nlp, text, "2021-05-10", title=title)
    assert event.perpetrators == () and event.claimed_by == ()
    text = (
        "A suicide bomber struck a tuition centre in Mazar-i-Sharif on Friday. The Taliban said "
        "they had launched an investigation and would punish those responsible."
    )
    (event,) = events_of(nlp, text, "2021-05-10")
    assert event.perpetrators == () and event.claimed_by == ()
    # the group's word that it launched the attack is still its claim
    text = (
        "Gunmen stormed a checkpoint in Kohat on Friday. The Taliban said they had launched the "
        "attack."
    )
    (event,) = events_of(nlp, text, "2021-05-10")
    assert event.claimed_by == ("Taliban",)
    # a statement issued by a group is its own word, no teller's
    text = (
        "A statement on the suicide bombing near the Turkish embassy in Kabul was issued by "
        "ISIS-Khorasan. On Monday a militant detonated explosives at the embassy gate in Kabul."
    )
    (event,) = events_of(nlp, text, "2022-09-06")
    assert [p.name for p in event.perpetrators] == ["Islamic State Khorasan Province"]


def test_plural_blasts_far_from_their_toll_type_the_event(nlp) -> None:
    text = (
        "In April, explosions outside the Sayed Jamaluddin girls' high school in the same "
        "district killed at least six people."
    )
    assert [e.type for e in events_of(nlp, text, "2022-10-03")] == ["bombing"]


def test_a_toll_of_a_day_s_bombings_is_an_event_when_nothing_else_tells_it(nlp) -> None:
    """A follow-up that tells its event only as "Sunday's suicide bombings" still reports it:
    a plural owned by a day, with a toll, is the event, of that day."""
    text = (
        "The death toll from Saturday's bombings at two markets in Maiduguri has risen to 19, "
        "state police said on Monday. The bombers were two teenage girls, a police spokesman said."
    )
    (event,) = events_of(nlp, text, "2022-07-11")
    assert (event.type, event.date, event.location.country) == ("bombing", "2022-07-09", "NG")
    assert [(f.kind, f.value) for f in event.figures] == [("killed", 19)]


def test_a_second_attack_of_another_day_in_the_toll_sentence_is_its_own_event(nlp) -> None:
    """ "The toll from Sunday's bombings has risen to 12, ..., as the city reeled from a second
    attack ... this morning": two events of two days, each with its own figures; the sentence
    telling the second one's deed joins it, not the earlier bombings."""
    text = (
        "The toll from Sunday's suicide bombings at three mosques in Maiduguri has risen to 14, "
        "police said on Tuesday, as the city reeled from a second attack on an army checkpoint "
        "this morning. At around 7 am today, a woman blew herself up at the checkpoint gate, "
        "wounding four soldiers."
    )
    mosques, checkpoint = events_of(nlp, text, "2022-07-12")
    assert (mosques.date, [(f.kind, f.value) for f in mosques.figures]) == (
        "2022-07-10",
        [("killed", 14)],
    )
    assert (checkpoint.type, checkpoint.date, checkpoint.background) == (
        "suicide_bombing",
        "2022-07-12",
        False,
    )
    assert [(f.kind, f.value) for f in checkpoint.figures] == [("wounded", 4)]
    # one coordinated attack told with "a second bomber" and no other day stays one event
    text = (
        "A suicide bomber blew himself up at a mosque in Maiduguri on Sunday, killing nine "
        "people, as a second bomber struck a nearby market."
    )
    assert len(events_of(nlp, text, "2022-07-12")) == 1


def test_a_deed_told_hours_after_the_event_named_is_another_event(nlp) -> None:
    """ "Hours after the church attacks, a bomb went off in a flat": the opening names the event
    told, the sentence's deed is a later one of its own, of the day the span counts to."""
    text = (
        "Suicide bombers attacked two churches in Kupang on Sunday morning, killing seven "
        "people. Hours after the church attacks, a bomb went off in a house in the city, "
        "killing two members of another family."
    )
    churches, house = events_of(nlp, text, "2022-07-12")
    assert (churches.date, [(f.kind, f.value) for f in churches.figures]) == (
        "2022-07-10",
        [("killed", 7)],
    )
    assert (house.type, house.date, house.background) == ("bombing", "2022-07-10", False)
    assert [(f.kind, f.value) for f in house.figures] == [("killed", 2)]
    # a claim told so is the event's news, no deed of its own
    text = (
        "Suicide bombers attacked two churches in Kupang on Sunday morning, killing seven "
        "people. Hours after the church attacks, Islamic State claimed responsibility."
    )
    (event,) = events_of(nlp, text, "2022-07-12")
    assert event.claimed_by == ("Islamic State",)


def test_a_vehicle_that_blew_up_tells_a_bombing(nlp) -> None:
    text = (
        "On Tuesday morning two motorcycles carrying four men rode up to the gate of the "
        "district police station in Kupang and blew up, wounding nine people."
    )
    (event,) = events_of(nlp, text, "2022-07-12")
    assert (event.type, event.date) == ("bombing", "2022-07-12")
    # the men of a vehicle blowing up something else tell no vehicle bomb
    text = "On Tuesday militants in a pickup truck blew up a bridge near Kupang."
    assert [e.type for e in events_of(nlp, text, "2022-07-12")] != ["bombing"]


def test_a_death_told_after_people_were_taken_leaves_a_kidnapping_a_kidnapping(nlp) -> None:
    """A pursuer killed after a mass abduction does not make it an armed assault; deaths told
    first, or with the taking, still do."""
    text = (
        "Gunmen on motorcycles stormed a secondary school in Bakura on Tuesday and abducted 120 "
        "pupils, police said. A local hunter who went after the abductors was killed, a "
        "teacher said."
    )
    (event,) = events_of(nlp, text, "2023-05-11")
    assert event.type == "kidnapping"
    assert [(f.kind, f.value) for f in event.figures] == [("killed", 1)]
    text = (
        "Gunmen stormed a secondary school in Bakura on Tuesday, killed 12 pupils and abducted "
        "40 more, police said."
    )
    assert [e.type for e in events_of(nlp, text, "2023-05-11")] == ["armed_assault"]


def test_a_follow_up_that_opens_with_an_old_attack_keeps_it_main(nlp) -> None:
    # two weeks on, the article is about the massacre; the newer bombing is told in passing
    text = (
        "Families in Gajiram are still searching for relatives missing since the attack on the "
        "town. Insurgents stormed Gajiram on June 4 and killed as many as 120 people, local "
        "leaders said. On Sunday, a bomb at a mosque in Monguno killed 5 people."
    )
    events = events_of(nlp, text, "2021-06-18")
    main = [e for e in events if not e.background]
    assert main[0].date == "2021-06-04"
    assert [f.value for f in main[0].figures] == [120]


def test_a_bomb_named_then_whom_it_killed_is_a_bombing(nlp) -> None:
    text = "On Sunday, a bomb at a mosque in Maroua killed 5 worshippers, officials said."
    assert [e.type for e in events_of(nlp, text, "2021-06-18")] == ["bombing"]
    maker = "Police arrested a bomb maker who killed a guard in Maroua, officials said on Monday."
    assert [e.type for e in events_of(nlp, maker, "2021-06-18")] == ["arrest_or_capture"]


def test_the_deed_of_a_days_after_clause_is_an_earlier_event_of_its_own(nlp) -> None:
    # same state, two days apart: the airport attack is not the train attack told again
    text = (
        "Bandits attacked a bus near Funtua on Monday night, killing nine passengers. The attack "
        "came two days after gunmen stormed Katsina airport on Saturday and killed a guard."
    )
    bus, airport = events_of(nlp, text, "2022-03-30")
    assert (bus.date, bus.background, [f.value for f in bus.figures]) == ("2022-03-28", False, [9])
    assert (airport.date, airport.background, [f.value for f in airport.figures]) == (
        "2022-03-26",
        True,
        [1],
    )


def test_two_earlier_deeds_listed_in_one_sentence_are_two_events(nlp) -> None:
    text = (
        "A gunman killed 3 people in Graz on Tuesday. The attack recalled the stabbing at a "
        "station in Linz in March, which killed 2 people, and the bombing of a bar in Salzburg "
        "on June 9, which killed 6 people."
    )
    events = events_of(nlp, text, "2023-08-10")
    assert [(e.location.place, e.date, [f.value for f in e.figures]) for e in events] == [
        ("Graz", "2023-08-08", [3]),
        ("Linz", "2023-03-01", [2]),
        ("Salzburg", "2023-06-09", [6]),
    ]
    # a deed done, and how it ended: one event
    siege = "Gunmen stormed a hotel in Mombasa on Friday and the siege ended on Saturday."
    assert len(events_of(nlp, siege, "2023-08-10")) == 1


def test_a_hijacked_vehicle_driven_into_people_is_the_weapon_not_hostages(nlp) -> None:
    ram = (
        "The hijacked delivery van ploughed down the crowded Ku'damm shortly before noon on "
        "Friday and crashed into a shop front. Six people were killed, police said."
    )
    assert [e.type for e in events_of(nlp, ram, "2023-05-13")] == ["armed_assault"]
    bus = (
        "Gunmen hijacked a bus carrying 40 passengers near Kaura on Friday and drove it into "
        "the forest, police said."
    )
    assert [e.type for e in events_of(nlp, bus, "2023-05-13")] == ["kidnapping"]


def test_a_past_attack_the_country_has_not_seen_since_keeps_its_own_toll(nlp) -> None:
    text = (
        "Gunmen attacked a hotel in Kampala on Monday, killing 6 people, police said. Uganda has "
        "not seen a major attack since the 2010 bombings of a rugby club in Kampala, which "
        "killed 74 people."
    )
    main, past = events_of(nlp, text, "2019-03-12")
    assert (main.date, [f.value for f in main.figures]) == ("2019-03-11", [6])
    assert (past.date, past.date_precision, past.background) == ("2010-01-01", "year", True)
    assert [f.value for f in past.figures] == [74]


def test_the_attack_an_arrest_is_news_of_is_no_background(nlp) -> None:
    text = (
        "Police have arrested a man suspected of planting the bomb that killed four people in "
        "Mersin's Pozcu district, the governor said on Tuesday. The explosion hit the crowded "
        "street at about 6 p.m. on Monday. Four people were killed and 30 wounded."
    )
    arrest, bombing = events_of(nlp, text, "2022-11-15")
    assert (arrest.type, arrest.background) == ("arrest_or_capture", False)
    assert (bombing.type, bombing.date, bombing.background) == ("bombing", "2022-11-14", False)
    # an attack weeks before the arrest is told in passing
    old = (
        "Police have arrested a man suspected of planting the bomb that killed four people in "
        "Mersin, the governor said on Tuesday. The explosion hit the street on October 3."
    )
    assert [e.background for e in events_of(nlp, old, "2022-11-15")] == [False, True]


def test_another_kind_of_attack_on_the_next_day_in_the_same_city_is_another_event(nlp) -> None:
    text = (
        "A suicide bomber killed 14 worshippers at a mosque in Jalalabad on Monday, officials said. "
        "On Tuesday afternoon, gunmen attacked a police post in another part of Jalalabad."
    )
    events = events_of(nlp, text, "2019-05-15")
    assert [(e.type, e.date) for e in events] == [
        ("suicide_bombing", "2019-05-13"),
        ("armed_assault", "2019-05-14"),
    ]
    # the day before, told after: how the event told began
    began = (
        "Gunmen held out in a Jalalabad prison on Monday, officials said. Late on Sunday evening, "
        "a suicide bomber had driven a car bomb into the gate of the prison."
    )
    assert len(events_of(nlp, began, "2019-05-15")) == 1


def test_the_deed_a_man_is_arrested_for_is_its_own_event_and_the_man_detained_is_the_arrest(
    nlp,
) -> None:
    text = (
        "Police said on Saturday they had arrested a 24-year-old man who they suspect drove a "
        "truck into a crowd in Odense, killing two people. The man was detained late Friday in "
        "Vollsmose."
    )
    arrest, attack = events_of(nlp, text, "2017-04-08")
    assert (arrest.type, arrest.date, arrest.background) == (
        "arrest_or_capture",
        "2017-04-07",
        False,
    )
    assert arrest.location.place == "Vollsmose" and not arrest.figures
    assert (attack.type, attack.background) == ("armed_assault", True)
    assert [f.value for f in attack.figures] == [2]


def test_a_toll_told_before_the_claim_is_the_reports(nlp) -> None:
    text = (
        "Gunmen stormed a hotel in Beledweyne on Friday. In July 2019, a suicide car bomber "
        "attacked a hotel in Baidoa, killing 19 people; al Shabaab claimed that attack."
    )
    past = next(e for e in events_of(nlp, text, "2022-08-21") if e.background)
    assert past.claimed_by == ("al-Shabaab",)
    assert [(f.value, f.is_claim) for f in past.figures] == [(19, False)]
    # the group saying it killed them is its claim
    own = "Al Shabaab said its fighters killed 12 soldiers near Baidoa on Friday and claimed it."
    [event] = events_of(nlp, own, "2022-08-21")
    assert [(f.value, f.is_claim) for f in event.figures] == [(12, True)]


def test_a_follow_up_headline_is_of_the_massacre_last_week_not_the_new_raid(nlp) -> None:
    title = "Rutshuru massacre: toll reaches 60, officials say, as rebels strike again"
    text = (
        f"{title}\n\nThe number of people killed by rebels in Rutshuru last week has reached 60, "
        "officials said on Wednesday.\n\nDozens of fighters entered Rutshuru in the early hours "
        "of Thursday, May 4, shooting residents in their homes.\n\nLate on Tuesday the rebels "
        "returned to a village near Rutshuru and kidnapped five adults, residents said. Nobody "
        "was killed."
    )
    events = events_of(nlp, text, "2023-05-10", title=title)
    massacre = next(e for e in events if e.type == "armed_assault")
    raid = next(e for e in events if e.type == "kidnapping")
    assert (massacre.date, massacre.background) == ("2023-05-04", False)
    assert 60 in [f.value for f in massacre.figures]
    assert raid.date == "2023-05-09"
    assert [(f.kind, f.value) for f in raid.figures] == [("killed", 0)]  # "Nobody was killed."


@pytest.mark.parametrize(
    "text",
    [
        "In June 2019, three bombers struck a crowd watching a football match in Bama, killing 30.",
        "Bombers struck a cafe in Davao on Monday, killing 4 people, police said.",
    ],
)
def test_bombers_who_struck_killing_people_made_a_bombing(nlp, text: str) -> None:
    assert [e.type for e in events_of(nlp, text, "2019-07-12")] == ["bombing"]


def test_a_court_remand_is_no_arrest(nlp) -> None:
    text = (
        "Gunmen killed 40 people at a concert hall in Samara on Friday. On Sunday night a Samara "
        "district court charged the four men with terrorism and ordered them held in pre-trial "
        "detention until May 22."
    )
    assert [e.type for e in events_of(nlp, text, "2024-03-25")] == ["armed_assault"]
    held = "Police announced the detention of five men over the Samara attack on Monday."
    assert [e.type for e in events_of(nlp, held, "2024-03-25")] == ["arrest_or_capture"]


def test_a_leader_conceding_who_did_it_on_another_day_tells_no_new_attack(nlp) -> None:
    text = (
        "Gunmen killed 31 people at a theatre in Ufa on Friday. On Monday the president conceded "
        "the attack was carried out by radical Islamists but said Baku may have ordered it."
    )
    events = events_of(nlp, text, "2024-03-25")
    assert [(e.date, e.location.country) for e in events] == [("2024-03-22", "RU")]


def test_gunmen_caught_later_are_an_arrest_not_another_attack_where_they_headed(nlp) -> None:
    text = (
        "Gunmen opened fire at a concert hall in Samara on Friday, killing 31 people. The four "
        "gunmen were caught on Saturday while travelling towards Kazakhstan, the president said."
    )
    attack, arrest = events_of(nlp, text, "2024-03-25")
    assert (attack.type, attack.date) == ("armed_assault", "2024-03-22")
    assert (arrest.type, arrest.date, arrest.location.country) == (
        "arrest_or_capture",
        "2024-03-23",
        "RU",
    )
    # arrested in a town of its own: the arrest there
    there = (
        "Gunmen opened fire at a concert hall in Samara on Friday, killing 31 people. The four "
        "gunmen were arrested in Syzran on Saturday, the president said."
    )
    assert [(e.type, e.location.place) for e in events_of(nlp, there, "2024-03-25")] == [
        ("armed_assault", "Samara"),
        ("arrest_or_capture", "Syzran"),
    ]
    # caught in the crossfire is no arrest
    crossfire = "Two boys were caught in the crossfire when gunmen attacked a market in Samara."
    assert [e.type for e in events_of(nlp, crossfire, "2024-03-25")] == ["armed_assault"]


def test_a_raid_that_came_a_month_after_another_attack_does_not_take_its_toll(nlp) -> None:
    text = (
        "The government had first announced that 14 soldiers were killed in the raid on Banibangou "
        "last Thursday, but on Sunday it raised the figure to 37. The raid came a month after 25 "
        "soldiers were killed in an attack on the Tera camp."
    )
    raid, earlier = events_of(nlp, text, "2020-03-10")
    assert sorted((f.value, f.superseded) for f in raid.figures) == [(14, True), (37, False)]
    assert (earlier.background, [f.value for f in earlier.figures]) == (True, [25])


def test_a_toll_raised_on_a_later_day_is_no_new_attack(nlp) -> None:
    text = (
        "Militants attacked the army camp at Torodi last Thursday, killing dozens of soldiers. "
        "The government had first announced that 19 soldiers were killed, but on Sunday it "
        "raised the figure to 71 and said 63 assailants had been neutralised."
    )
    [event] = events_of(nlp, text, "2020-01-14")
    assert event.date == "2020-01-09"
    assert sorted((f.value, f.superseded) for f in event.figures if f.value in (19, 71)) == [
        (19, True),
        (71, False),
    ]


def test_men_in_fake_explosive_vests_who_drove_into_pedestrians_made_an_armed_assault(nlp) -> None:
    text = (
        "Early on Friday four men wearing fake explosive vests drove a car into pedestrians in "
        "Nantes and then attacked people with knives."
    )
    assert [e.type for e in events_of(nlp, text, "2019-06-14")] == ["armed_assault"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Militants fired three rockets at an army base near Bannu on Monday.", "bombing"),
        (
            "Insurgents lobbed mortar shells into the district compound in Ghazni on Monday.",
            "bombing",
        ),
        ("Two rockets slammed into the airport in Erbil late on Monday.", "bombing"),
        ("Rockets hit Kandahar airport on Monday. No casualties were reported.", "bombing"),
        ("A drone fired two missiles at a compound in Miranshah on Monday.", "airstrike"),
    ],
)
def test_projectiles_fired_at_a_target_are_an_attack_with_or_without_casualties(
    nlp, text: str, kind: str
) -> None:
    [event] = events_of(nlp, text, "2024-05-08")
    assert (event.type, event.date) == (kind, "2024-05-06")


def test_an_undated_page_tells_apart_its_news_and_the_years_it_names(nlp) -> None:
    """A page without a date: its "late on Monday" is the news, and the attacks told with their
    year are earlier ones, each its own background event (they used to merge into the news, which
    took their month)."""
    text = (
        "A volley of rockets fired at the city of Erbil late on Monday killed a contractor, "
        "officials said.\n\n"
        "Foreign forces in Iraq have been hit repeatedly since December 2019, when a rocket attack "
        "on a base near Kirkuk killed an American contractor.\n\n"
        "In January 2020, Iran fired ballistic missiles at a base in Anbar and at Erbil. No one "
        "was killed in that barrage."
    )
    events = events_of(nlp, text, None)
    news = [e for e in events if not e.background]
    assert [(e.type, e.location.place, e.date) for e in news] == [("bombing", "Erbil", None)]
    assert [(f.kind, f.value) for f in news[0].figures] == [("killed", 1)]
    past = sorted((e.date, e.date_precision) for e in events if e.background)
    assert past == [("2019-12-01", "month"), ("2020-01-01", "month")]


def test_the_year_naming_an_earlier_attack_dates_it_not_the_day_of_the_post(nlp) -> None:
    text = (
        "Gunmen stormed a university in Herat on Monday, killing 12 students. In a post on "
        "Wednesday, the governor said it resembled the 2016 attack on a college in the city."
    )
    events = events_of(nlp, text, "2020-11-05")
    assert sorted((e.background, e.date) for e in events) == [
        (False, "2020-11-02"),
        (True, "2016-01-01"),
    ]


def test_a_weekday_is_no_date_of_a_sentence_that_tells_its_month_or_day(nlp) -> None:
    """ "during Friday prayers" in a sentence dated "In March 2012" is that attack's Friday, not the
    Friday before the page (and "since January 27 last year, when ... during Sunday Mass")."""
    text = (
        "Gunmen killed four soldiers in Maiduguri on Monday. In March 2012, a suicide bomber "
        "killed 14 people at a mosque in Kano during Friday prayers. It was the deadliest attack "
        "in the city since January 27 last year, when two bombs killed 23 people during Sunday "
        "Mass at a church in Zaria."
    )
    dated = sorted((e.date, e.date_precision) for e in events_of(nlp, text, "2020-05-20"))
    assert dated == [("2012-03-01", "month"), ("2019-01-27", "day"), ("2020-05-18", "day")]


def test_martyring_counts_the_dead_and_a_bomb_that_targeted_a_van_is_a_bombing(nlp) -> None:
    text = (
        "In March, a suicide bomber blew himself up inside a mosque in Quetta, martyring more than "
        "60 people. On June 5, a bomb planted on a motorcycle targeted a police van in Bannu, "
        "martyring three persons and injuring over 15."
    )
    events = events_of(nlp, text, "2022-09-09")
    got = {(e.location.place, e.date): [(f.kind, f.value) for f in e.figures] for e in events}
    assert got == {
        ("Quetta", "2022-03-01"): [("killed", 60)],
        ("Bannu", "2022-06-05"): [("killed", 3), ("wounded", 15)],
    }


def test_the_gulf_is_a_region_not_papua_new_guineas_province(nlp) -> None:
    text = (
        "Islamic State claimed an attack on a Shi'ite mosque in the Kuwaiti capital on Monday that "
        "killed five people, in a rare outbreak of militant violence in the Gulf emirate."
    )
    [event] = events_of(nlp, text, "2022-03-09")
    assert event.location.country == "KW"


def test_a_deed_with_its_own_day_and_toll_is_not_the_one_told_only_by_its_year(nlp) -> None:
    text = (
        "A bomb killed six soldiers in Marawi on Monday. One suspect is the widow of a militant "
        "who blew himself up outside an army camp in Butig last year. It was the deadliest attack "
        "in the province since January 27 last year, when two bombers attacked a church in Marawi "
        "during Sunday Mass, killing 23 people."
    )
    events = events_of(nlp, text, "2020-08-26")
    church = next(e for e in events if any(f.value == 23 for f in e.figures))
    assert (church.date, church.background) == ("2019-01-27", True)
    assert church.location.place == "Marawi"


def test_a_toll_counted_over_years_is_no_event(nlp) -> None:
    text = (
        "A bomb killed four people in Jos on Sunday. Last year, a rights group said that 300 "
        "Christians had been killed in Plateau state in attacks over four years."
    )
    [event] = events_of(nlp, text, "2020-06-01")
    assert [(f.kind, f.value) for f in event.figures] == [("killed", 4)]


def test_another_days_deed_in_another_town_is_not_the_claimed_bombing(nlp) -> None:
    """The claim's sentence names the bombing's day only in its relative clause; the military
    operation two days before, in another town, is an event of its own (it used to take the
    bombing over, with its day, town and toll)."""
    text = (
        "ILIGAN CITY - The Islamic State has claimed the bombing that hit a chapel here on Sunday "
        "morning, killing three persons.\n\nOn Friday, February 9, soldiers killed 7 militants in "
        "an encounter in Datu Piang town."
    )
    events = sorted(events_of(nlp, text, "2024-02-12"), key=lambda e: e.date or "")
    assert [(e.date, e.location.place, e.background) for e in events] == [
        ("2024-02-09", "Datu Piang", True),
        ("2024-02-11", "Iligan", False),
    ]


def test_according_to_him_is_the_speaker_named_before(nlp) -> None:
    text = (
        "Gunmen abducted 317 schoolgirls from a school in Jangebe on Friday. The police spokesman "
        "said the gunmen came on motorcycles. According to him, 40 people were wounded."
    )
    [event] = events_of(nlp, text, "2021-02-27")
    assert [(f.kind, f.value, f.according_to) for f in event.figures] == [
        ("wounded", 40, "The police spokesman")
    ]


def test_a_toll_stated_on_a_later_day_is_the_current_one_whatever_the_order(nlp) -> None:
    """The president's Monday toll, told first, replaces the spokesman's Saturday toll and the
    government's Sunday revision told after it (the revision used to win by its place in the
    text)."""
    text = (
        "Gunmen killed dozens of villagers in Kologo on Saturday. The president said on Monday "
        "evening that 90 people had been killed. On Saturday a spokesman had given a toll of "
        "about 50, before the government raised it on Sunday to 75."
    )
    [event] = events_of(nlp, text, "2022-05-10")
    assert {f.value: f.superseded for f in event.figures} == {90: False, 50: True, 75: True}


def test_hours_before_the_place_of_the_event_told_is_another_attack(nlp) -> None:
    text = (
        "Gunmen killed dozens of residents of Kologo in the night of Friday to Saturday.\n\n"
        "A few hours before Kologo, on Friday evening, gunmen had attacked the village of "
        "Doumbala, killing 9 people, security sources said."
    )
    events = events_of(nlp, text, "2022-05-10")
    assert sorted((e.background, e.date) for e in events) == [
        (False, "2022-05-06"),
        (True, "2022-05-06"),
    ]
    [earlier] = [e for e in events if e.background]
    assert [(f.kind, f.value) for f in earlier.figures] == [("killed", 9)]


def test_a_headline_under_a_ticker_line_still_heads_the_report(nlp) -> None:
    """A "Breaking: ..." ticker kept above the headline used to make the headline a body
    sentence of its own event: the follow-up's toll split from its massacre."""
    title = "Kologo massacre: toll climbs to 90"
    text = (
        f"Breaking: National mourning declared for three days\n\n{title}\n\n"
        "Burials continued on Monday in Kologo, where armed men killed dozens of residents in the "
        "night of Friday to Saturday.\n\nThe president said on Monday evening that 90 people had "
        "been killed."
    )
    events = events_of(nlp, text, "2022-05-10", title=title)
    assert [(e.date, e.background) for e in events] == [("2022-05-06", False)]


def test_a_claim_of_both_attacks_is_a_claim_of_each(nlp) -> None:
    text = (
        "Gunmen killed a policeman in Lahore on Saturday. On March 3, 2014, a bomb at a court in "
        "Islamabad killed 11 people. Two weeks later, on March 17, 2014, a blast on a train in "
        "Sibi killed 13 people. Jaish-e-Mohammed had claimed both attacks."
    )
    events = events_of(nlp, text, "2016-05-01")
    claimed = {e.date: e.claimed_by for e in events}
    assert claimed == {
        "2016-04-30": (),
        "2014-03-03": ("Jaish-e-Mohammed",),
        "2014-03-17": ("Jaish-e-Mohammed",),
    }


def test_the_day_a_when_clause_gives_dates_the_event_of_its_year(nlp) -> None:
    text = (
        "A grenade blast hurt five people in Jolo on Sunday. The attack revived memories of the "
        "siege of Zamboanga in 2013, when rebels took over parts of the city on September 9, 2013."
    )
    past = [e for e in events_of(nlp, text, "2023-12-04") if e.background]
    assert [(e.date, e.date_precision) for e in past] == [("2013-09-09", "day")]


def test_a_victim_who_died_of_wounds_later_is_the_events_toll_not_a_new_attack(nlp) -> None:
    text = (
        "A man stabbed passers-by in Graz on Friday, wounding four people. A police officer who "
        "was stabbed during the attack died of his injuries on Sunday, police said."
    )
    [event] = events_of(nlp, text, "2022-03-09")
    assert event.date == "2022-03-04"
    assert sorted((f.kind, f.value) for f in event.figures) == [("killed", 1), ("wounded", 4)]


def test_a_death_told_after_the_taking_keeps_a_kidnapping_a_kidnapping(nlp) -> None:
    text = (
        "Two engineers were kidnapped in Wajir on Friday morning by gunmen, and one of the police "
        "officers escorting them was shot dead."
    )
    [event] = events_of(nlp, text, "2019-10-12")
    assert event.type == "kidnapping"
    assert [(f.kind, f.value) for f in event.figures] == [("killed", 1)]


def test_a_source_named_in_the_next_clause_gives_only_that_clauses_figure(nlp) -> None:
    text = (
        "Militants killed dozens of worshippers at a church in Komanda on Sunday. A local priest "
        "said at least 31 members of the congregation died, while UN-backed Radio Okapi, citing "
        "security sources, put the toll at 43."
    )
    [event] = events_of(nlp, text, "2025-07-28")
    assert {f.value: f.according_to for f in event.figures} == {
        31: "A local priest",
        43: "security sources",
    }


def test_a_helicopter_shot_down_hours_earlier_elsewhere_is_another_event(nlp) -> None:
    text = (
        "A car bomb exploded outside a police academy in Medellin on Tuesday, killing four people. "
        "Hours earlier, in the rural area of Tibu, an army helicopter was shot down by a drone, "
        "killing nine soldiers."
    )
    events = events_of(nlp, text, "2023-10-04")
    figures = sorted([f.value for f in e.figures] for e in events)
    assert figures == [[4], [9]]


def test_a_truck_that_hit_a_landmine_is_a_bombing_a_suspected_group_planted(nlp) -> None:
    text = (
        "Six soldiers were killed on Monday when their truck hit a landmine near Cucuta. Police "
        "suspect that fighters of the National Liberation Army had planted the mine."
    )
    [event] = events_of(nlp, text, "2023-10-04")
    assert event.type == "bombing"
    assert {p.name: p.basis for p in event.perpetrators} == {
        "National Liberation Army": "suspected"
    }


def test_attacks_a_group_had_claimed_most_recently_in_a_year_are_no_event(nlp) -> None:
    text = (
        "Gunmen killed four policemen in Kulgam on Monday. The group had also claimed several "
        "attacks on security forces, most recently in 2023."
    )
    assert [e.date for e in events_of(nlp, text, "2025-05-10")] == ["2025-05-05"]


def test_villages_targeted_by_armed_men_on_a_day_are_the_attack_of_that_day(nlp) -> None:
    """The toll the mayor gave the day after does not date the attack, and its source is the
    mayor, not "a provisional toll given by the mayor"."""
    text = (
        "Two villages of the commune of Bankilare were targeted this Saturday 9 March by armed men. "
        "According to a provisional toll given by the mayor, about 40 persons were killed, he "
        "declared after returning from the places this Sunday."
    )
    [event] = events_of(nlp, text, "2024-03-10")
    assert (event.type, event.date) == ("armed_assault", "2024-03-09")
    assert [(f.value, f.according_to) for f in event.figures] == [(40, "the mayor")]


def test_a_vehicle_a_group_blew_up_is_its_bombing(nlp) -> None:
    text = "Twelve policemen were killed on Monday when Maoists blew up their vehicle in Bijapur."
    [event] = events_of(nlp, text, "2024-03-10")
    assert event.type == "bombing"
    assert {p.name: p.basis for p in event.perpetrators} == {
        "Communist Party of India (Maoist)": "attributed"
    }


def test_a_live_blog_newest_first_tells_one_attack_whose_toll_rose(nlp) -> None:
    """The newest entry comes first; the gunman's home town is no scene, so the entries stay
    one attack, its later toll current."""
    text = (
        "October 3, 2023, 09:10\nToll rises to five\nA man wounded in the shooting died "
        "overnight, police said, bringing the death toll to five. Police said the gunman was a "
        "resident of Nablus.\n\nOctober 2, 2023, 20:05\nFour dead\nA gunman opened fire at a bus "
        "stop in Beersheba on Monday evening, killing four people, police said."
    )
    [event] = events_of(nlp, text, "2023-10-03")
    assert (event.date, event.location.place) == ("2023-10-02", "Beersheba")
    assert {f.value for f in event.figures if not f.superseded} == {5}


def test_a_headline_toll_of_two_attacks_is_neither_attacks_toll(nlp) -> None:
    title = (
        "Truck bomb in Cali and helicopter shot down in Amalfi: the toll of the black Thursday "
        "rises to 19"
    )
    text = (
        f"{title}\n\nA truck bomb exploded outside a military school in Cali on Thursday, killing "
        "six people."
    )
    [event] = events_of(nlp, text, "2025-08-23", title=title)
    assert [(f.value, f.superseded) for f in event.figures] == [(6, False)]
