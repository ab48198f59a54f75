"""Casualty figures on small sentences (no model needed) and on the dev corpus gold evidence."""

from __future__ import annotations

import re

import pytest

from chain import events_of
from sitrep.events.figures import find_figures, parse_number, parse_qualifier


def figs(text: str) -> list[tuple]:
    return [
        (m.figure.kind, m.figure.value, m.figure.qualifier, m.figure.value_high)
        for m in find_figures(text, [(0, len(text))])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast killed at least 62 people.", ("killed", 62, "at least", None)),
        ("About 50 people died in the attack.", ("killed", 50, "about", None)),
        ("More than 40 civilians were killed.", ("killed", 40, "more than", None)),
        ("Over 40 others were wounded.", ("wounded", 40, "more than", None)),
        ("Nearly 100 people were injured.", ("wounded", 100, "nearly", None)),
        ("Almost 30 people were killed.", ("killed", 30, "nearly", None)),
        # a toll that "rises past" a number is above it
        ("The death toll rose past 300 on Tuesday.", ("killed", 300, "more than", None)),
        ("As many as 22 students were killed.", ("killed", 22, "up to", None)),
        ("Up to 50 people lost their lives.", ("killed", 50, "up to", None)),
        ("The assault left between 50-60 people dead.", ("killed", 50, "between", 60)),
        ("Between 50 and 60 people were killed.", ("killed", 50, "between", 60)),
        ("Thirteen people were killed.", ("killed", 13, "", None)),
        # a hyphenated noun of people
        ("Gunmen separated the passengers and killed 28 non-Muslims.", ("killed", 28, "", None)),
        ("Twenty-five people were wounded.", ("wounded", 25, "", None)),
        ("A policeman was killed in the blast.", ("killed", 1, "", None)),
        # "the number of <people> killed ... at N"
        (
            "The agency put the number of worshippers killed by the drone strike on the village "
            "of Kaura in Giwa district at 63.",
            ("killed", 63, "", None),
        ),
        # "a hundred", and regional English without the article
        ("Around a hundred villagers were killed.", ("killed", 100, "about", None)),
        ("Around hundred villagers were killed.", ("killed", 100, "about", None)),
        # the unit a victim served in may hold "and"
        (
            "A member of the Security and Civil Defence Corps on guard at the gate was killed.",
            ("killed", 1, "", None),
        ),
        ("The death toll rose to 54.", ("killed", 54, "", None)),
        ("The death toll rose above 200 on Monday.", ("killed", 200, "more than", None)),
        ("Officials said the death toll had passed 240.", ("killed", 240, "more than", None)),
        ("A video showed the execution of 11 Christians.", ("killed", 11, "", None)),
        ("They condemned the massacre of 40 villagers.", ("killed", 40, "", None)),
        ("Officials gave the number of injured as 52.", ("wounded", 52, "", None)),
        (
            "Eight victims, who are still in critical condition, were flown out.",
            ("wounded", 8, "", None),
        ),
        # wordings of the dev corpus (d012, d047, s000)
        (
            "At a prison, at least 29 people according to the authorities are killed.",
            ("killed", 29, "at least", None),
        ),
        ("To date, 25 bodies have been retrieved from the school.", ("killed", 25, "", None)),
        ("He stated that “only 28 local militia were killed.”", ("killed", 28, "", None)),
        (
            "An attack that resulted in the deaths of about 50 local police and civilians.",
            ("killed", 50, "about", None),
        ),
        # "other" before a multi-word group; a victim noun outside the common ones; a singular
        # victim with a prepositional phrase before its verb
        ("Two other U.S. soldiers were wounded and evacuated.", ("wounded", 2, "", None)),
        ("An attack in which four foreign cyclists were killed.", ("killed", 4, "", None)),
        (
            "An officer of the Civil Defence Corps on guard at the prison was also killed.",
            ("killed", 1, "", None),
        ),
    ],
)
def test_qualifiers_and_values(text: str, expected: tuple) -> None:
    assert figs(text) == [expected]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("thirteen", 13),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("one hundred and five", 105),
        ("1,669", 1669),
        ("62", 62),
        ("dozens", None),
        ("several", None),
    ],
)
def test_number_words(words: str, value: int | None) -> None:
    assert parse_number(words) == value


def test_qualifier_mapping_is_documented() -> None:
    assert parse_qualifier("over") == "more than"
    assert parse_qualifier("as many as") == "up to"
    assert parse_qualifier("nearly") == "nearly"
    assert parse_qualifier("at  least") == "at least"


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of people were killed in the attack.",
        "Scores of worshippers were wounded.",
        "18 of the dead were members of the Afghan Local Police.",
        "One of the suspected attackers was arrested.",
        "At least 25 civilians were missing.",
        "26 terrorists had been arrested over the attack.",
        "30 people were killed or wounded.",
        'The UN mission said initial information pointed to "more than 100 people killed and '
        'injured".',
        "The attack took place on August 5, 2017.",
        "It said the bomber had killed and wounded about 100 people.",
        # a tally of many events, bounded by years
        "The group has killed more than 1,300 civilians since October 2017, the department said.",
        "More than 4,000 people have been killed in its attacks over the past decade.",
        # ... or by a whole conflict
        "More than 3,400 people have been killed by the army since the 2021 takeover, a group says.",
        "Over 60,000 people have been killed in the civil war.",
        "The insurgency has killed more than 35,000 people in the north-east.",
        # a death sentence is no death
        "The same court sentenced seven others to death in absentia.",
        # ... or by the event a report has just told
        "Since then, more than 1,500 protesters have been killed by the security forces.",
        "About 900 people have been killed in raids since that time, a rights group said.",
        # an age
        "John Ridsdel, 68, a former mining executive, was killed by the group.",
        "The victim, aged 45, was killed at the scene.",
        'Palace condemns "barbaric" killing of Jurgen Kantner, 70; military vows to hunt his killers',
        # what was added to a toll, and the attackers shot by the forces that ended a siege
        "The toll rose on Monday after rescue workers found two more bodies in the rubble.",
        "All six were killed by Afghan special forces after a 13-hour siege.",
        # the doers of the killing, not its dead
        "The officer was shot dead by two gunmen outside his home.",
    ],
)
def test_not_a_toll(text: str) -> None:
    assert [f for f in figs(text) if f[0] == "killed" or f[0] == "wounded"] == []


def test_a_toll_grown_since_then_is_the_events_own() -> None:
    assert figs("Since then the death toll has risen to 54, the ministry said.") == [
        ("killed", 54, "", None)
    ]


def test_more_after_a_number_that_ends_the_clause_counts_people() -> None:
    # unlike "two more bodies", an increment
    assert figs("The bomb killed five people and injured 12 more.") == [
        ("killed", 5, "", None),
        ("wounded", 12, "", None),
    ]
    assert figs("Two more people were also injured.") == [("wounded", 2, "", None)]


def test_a_count_of_other_people_is_a_group_joined_to_the_named_one() -> None:
    # each group with its own scope, and their total, as for any two groups joined by "and"
    text = (
        "The bombing killed two members of the embassy's staff and four other people, "
        "officials said."
    )
    assert sorted(_scoped(text)) == [
        ("killed", 2, "", "members of the embassy's staff"),
        ("killed", 4, "", "other people"),
        ("killed", 6, "", "members of the embassy's staff and other people"),
    ]
    assert sorted(_scoped("Four people and two guards were killed in the blast.")) == [
        ("killed", 2, "", "guards"),
        ("killed", 4, "", "people"),
        ("killed", 6, "", "people and guards"),
    ]
    # the plural of a nationality is a group of people ("10 more Afghans")
    assert sorted(_scoped("Two diplomats and 10 more Afghans died on Monday.")) == [
        ("killed", 2, "", "diplomats"),
        ("killed", 10, "", "Afghans"),
        ("killed", 12, "", "diplomats and Afghans"),
    ]
    # a count of people broken down by the list after it is not added to it
    text = "Four people, two men and two women, were killed in the attack."
    assert sorted(_scoped(text), key=str) == [
        ("killed", 2, "", "men"),
        ("killed", 2, "", "women"),
        ("killed", 4, "", "men and women"),
        ("killed", 4, "", None),
    ]
    # two generic counts name no group: the first stands alone, unscoped
    assert _scoped("The blast killed four people and two others.") == [("killed", 4, "", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Five farmers, two herders and three other people were killed in the raid on Tuesday.",
        "The raiders killed five farmers, two herders and three others on Tuesday.",
    ],
)
def test_other_people_ending_a_list_of_groups_are_its_last_member(text: str) -> None:
    """ "Five farmers, two herders and three other people": the list's total is all ten, not
    the five of its last two members."""
    totals = [f for f in _scoped(text) if " and " in (f[3] or "")]
    assert [total[1] for total in totals] == [10]
    assert totals[0][3].startswith("farmers, herders and other")


def test_counts_of_groups_joined_to_a_figure_share_its_kind() -> None:
    def scoped(text: str) -> set[tuple]:
        return {
            (m.figure.kind, m.figure.value, m.figure.qualifier, m.figure.scope)
            for m in find_figures(text, [(0, len(text))])
        }

    text = "The bombing killed 13 US service members and about 170 Afghan civilians."
    assert scoped(text) == {
        ("killed", 13, "", "US service members"),
        ("killed", 170, "about", "Afghan civilians"),
        ("killed", 183, "about", "US service members and Afghan civilians"),
    }
    text = "One Afghan army soldier and seven local police officers also died in the fighting."
    assert ("killed", 1, "", "Afghan army soldier") in scoped(text)
    text = "Two policemen and three civilians were killed in the attack."
    assert scoped(text) == {
        ("killed", 2, "", "policemen"),
        ("killed", 3, "", "civilians"),
        ("killed", 5, "", "policemen and civilians"),
    }
    # another verb in between decides the second count's kind
    text = "The attack killed 10 soldiers and wounded 15 civilians."
    assert scoped(text) == {("killed", 10, "", "soldiers"), ("wounded", 15, "", "civilians")}


def _scoped(text: str) -> list[tuple]:
    return [
        (m.figure.kind, m.figure.value, m.figure.qualifier, m.figure.scope)
        for m in find_figures(text, [(0, len(text))])
    ]


def test_one_person_named_after_a_count_is_counted_with_it() -> None:
    assert _scoped("Eight border guards and their cook were killed when the post was shelled.") == [
        ("killed", 9, "", "border guards and their cook")
    ]
    assert _scoped("The ambush killed at least four aid workers and a local interpreter.") == [
        ("killed", 5, "at least", "aid workers and a local interpreter")
    ]
    assert _scoped("Six miners and a security guard were injured in the blast.") == [
        ("wounded", 7, "", "miners and a security guard")
    ]
    assert _scoped("Nine pilgrims and their Afghan guide died on the road.") == [
        ("killed", 10, "", "pilgrims and their Afghan guide")
    ]
    # the added person with a verb of their own is counted apart, with that verb's kind
    assert _scoped("Insurgents killed twelve soldiers and a child was wounded.") == [
        ("killed", 12, "", "soldiers"),
        ("wounded", 1, "", "child"),
    ]
    assert _scoped("Rebels killed 5 rangers and a park official told reporters.") == [
        ("killed", 5, "", "rangers")
    ]
    # a second count after a verb of its own keeps its kind
    assert _scoped("The raid killed 9 soldiers and injured 4.") == [
        ("killed", 9, "", "soldiers"),
        ("wounded", 4, "", None),
    ]


def test_groups_of_victims_joined_by_and_add_up() -> None:
    assert set(_scoped("Three firefighters and two paramedics died in the second blast.")) == {
        ("killed", 3, "", "firefighters"),
        ("killed", 2, "", "paramedics"),
        ("killed", 5, "", "firefighters and paramedics"),
    }
    text = "Gunmen shot dead at least 6 farmers and 2 herders near the well."
    assert ("killed", 8, "at least", "farmers and herders") in set(_scoped(text))
    # a count that starts a clause of its own is no victim
    text = "The mine killed 10 deminers and five officials said it was newly laid."
    assert _scoped(text) == [("killed", 10, "", "deminers")]
    # qualifiers that disagree make no total
    text = "The shelling killed at least 4 teachers and about 30 pupils."
    assert {f[1] for f in _scoped(text)} == {4, 30}


def _attackers(text: str) -> list[tuple]:
    return [
        (m.figure.value, m.figure.scope, m.attackers) for m in find_figures(text, [(0, len(text))])
    ]


def test_attackers_deaths_are_figures_of_their_own_added_only_to_the_total() -> None:
    assert _attackers("Security forces said the three attackers were killed.") == [
        (3, "attackers", True)
    ]
    assert _attackers("Five militants were killed in the gunfight.") == [(5, "militants", True)]
    # no victims' figure counts them; the total of everyone killed does
    assert sorted(_attackers("Police said 14 soldiers and four assailants died in the clash.")) == [
        (4, "assailants", True),
        (14, "soldiers", False),
        (18, "soldiers and assailants", False),
    ]
    # the dead of a strike, named by their group: a hyphenated modifier before the noun
    assert _scoped("A drone strike on Tuesday killed about 25 al-Shabaab fighters.") == [
        ("killed", 25, "about", "al-Shabaab fighters")
    ]
    assert _attackers("Jets pounded the camp, killing 40 insurgents.") == [(40, "insurgents", True)]
    # those who did the killing are not its dead
    assert _attackers("Five gunmen killed nine farmers in the village.") == [(9, "farmers", False)]
    assert _scoped("Four soldiers killed at least 11 people in the market.") == [
        ("killed", 11, "at least", None)
    ]


def test_the_total_of_groups_joined_by_and_counts_the_attackers_too() -> None:
    # the attackers' count first or last, joined to the victims' by "and" after a verb or before
    # the casualty word: each group scoped, and everyone killed in one more figure
    text = "An air raid on the compound killed 22 insurgents and four villagers, residents said."
    assert sorted(_attackers(text)) == [
        (4, "villagers", False),
        (22, "insurgents", True),
        (26, "insurgents and villagers", False),
    ]
    text = "Eleven border guards and three gunmen died in the exchange of fire."
    assert sorted(_attackers(text)) == [
        (3, "gunmen", True),
        (11, "border guards", False),
        (14, "border guards and gunmen", False),
    ]
    # the qualifier the parts share is the total's; parts that disagree make none
    text = "Artillery fire killed at least 9 rebels and 3 herders near the river."
    assert ("killed", 12, "at least", "rebels and herders") in _scoped(text)
    text = "The blast killed about 40 militants and at least 6 children."
    assert {f[1] for f in _scoped(text)} == {40, 6}


def test_some_of_the_attackers_are_a_count_of_attackers() -> None:
    # "N of the/their <attackers>": the attackers are no part of a toll counted before, so the
    # count is theirs, joined to the victims' by "and" like any other group
    text = "Six guards and two of their attackers were killed when the convoy was ambushed."
    assert sorted(_attackers(text)) == [
        (2, "attackers", True),
        (6, "guards", False),
        (8, "guards and attackers", False),
    ]
    text = "One of the assailants and nine worshippers died in the mosque."
    assert sorted(_attackers(text)) == [
        (1, "assailants", True),
        (9, "worshippers", False),
        (10, "assailants and worshippers", False),
    ]
    assert _attackers("Troops said four of the suspected insurgents were shot dead.") == [
        (4, "suspected insurgents", True)
    ]
    # still a part: of the dead, of the victims, or after "including"
    assert figs("Four of the dead were gunmen, police said.") == []
    assert figs("Two of the gunmen's victims died in hospital.") == []
    text = "The explosion killed 15 people, including three of the bombers."
    assert _attackers(text) == [(15, None, False)]


def test_the_whole_group_a_part_is_counted_of_is_not_the_dead() -> None:
    # "three of the five hostages": the five were not all killed
    assert 5 not in {f[1] for f in figs("Three of the five hostages were killed.")}
    assert 12 not in {f[1] for f in figs("Gunmen shot dead two of its 12 guards.")}
    assert _attackers("Three of the four raiders were killed in the shootout.") == [
        (3, "raiders", True)
    ]


def test_two_kinds_in_one_sentence() -> None:
    text = "The attack killed 13 people and injured 30 others."
    assert figs(text) == [("killed", 13, "", None), ("wounded", 30, "", None)]


def test_revision_marks_the_later_toll() -> None:
    text = "The death toll, initially put at 25, has now risen to 40."
    found = find_figures(text, [(0, len(text))])
    assert [(m.figure.value, m.revision) for m in found] == [(25, False), (40, True)]


def test_evidence_slices_back(dev_records: list[dict]) -> None:
    text = next(r["text"] for r in dev_records if r["doc_id"] == "d049")
    found = find_figures(text, [(0, len(text))], "d049", 0)
    assert found
    for m in found:
        ev = m.figure.evidence
        assert ev is not None and text[ev.start : ev.end] == ev.text


def test_dev_gold_figures_are_read(dev_gold: dict, dev_records: list[dict]) -> None:
    """Every gold figure evidence string, read alone, yields its gold value and qualifier (most of
    them: the evidence strings are short and some need their sentence)."""
    texts = {r["doc_id"]: r["text"] for r in dev_records}
    total = hits = 0
    for event in dev_gold["gold_events"]:
        for kind in ("killed", "wounded"):
            for fig in event[kind]["figures"]:
                for doc_id, span in fig["evidence"].items():
                    assert span in texts[doc_id]
                    start = texts[doc_id].index(span)
                    sentence_start = (
                        max(texts[doc_id].rfind(".", 0, start), texts[doc_id].rfind("\n", 0, start))
                        + 1
                    )
                    end = start + len(span)
                    got = find_figures(texts[doc_id], [(sentence_start, end)])
                    total += 1
                    hits += any(
                        m.figure.value == fig["value"]
                        and m.figure.kind == kind
                        and m.figure.qualifier == fig["qualifier"]
                        for m in got
                    )
    assert hits / total >= 0.85, (hits, total)


def test_toll_put_at_before_its_noun_is_an_earlier_figure() -> None:
    # d022: "Initially put at 25, the number of dead has now risen to 40"
    text = "Initially put at 25, the number of dead has now risen to 40 and may climb further."
    found = find_figures(text, [(0, len(text))])
    assert [(m.figure.kind, m.figure.value, m.revision) for m in found] == [
        ("killed", 25, False),
        ("killed", 40, True),
    ]


def test_toll_followed_by_a_clause_and_people_counted_before() -> None:
    # d030: the toll is kept, "these two" (already counted among the wounded) is not a toll
    text = (
        "Two of the wounded were in critical condition, and the number of martyrs rose to 15 "
        "when these two were martyred on the morning of October 27."
    )
    assert figs(text) == [("killed", 15, "", None)]


def test_a_toll_compared_with_past_years_stands_and_manner_words_link_the_cue() -> None:
    assert figs("The bombing killed 40 people, the deadliest attack in the city since 2017.") == [
        ("killed", 40, "", None)
    ]
    assert figs("The death toll has risen to 40, the highest since 2017.") == [
        ("killed", 40, "", None)
    ]
    assert figs("One police officer was shot and wounded in the gunfight.") == [
        ("wounded", 1, "", None)
    ]
    assert figs("The SDF said more than 120 of its fighters had been killed.") == [
        ("killed", 120, "more than", None)
    ]
    # (and the two groups told dead in two clauses have their total, see
    # test_two_groups_told_dead_in_two_clauses_have_a_total)
    assert figs("Two soldiers were shot dead and three policemen were gunned down.") == [
        ("killed", 2, "", None),
        ("killed", 3, "", None),
        ("killed", 5, "", None),
    ]


def test_a_second_count_sharing_the_casualty_word_by_ellipsis() -> None:
    # an updated toll given later in the same sentence, its noun left out
    text = "Officials first reported four dead on Tuesday morning, and by evening at least 15."
    assert figs(text) == [("killed", 4, "", None), ("killed", 15, "at least", None)]
    text = "Medics counted 12 injured at first, and then more than 30."
    assert figs(text) == [("wounded", 12, "", None), ("wounded", 30, "more than", None)]
    # counts a reader would have to add are no update
    assert figs("Seven people were killed on Monday and three on Tuesday.") == [
        ("killed", 7, "", None)
    ]
    assert figs("The blast killed two members of staff and four.") == [("killed", 2, "", None)]


def _in_sentences(text: str) -> list[tuple]:
    """Figures of ``text`` split into sentences at ". " (context carried between sentences)."""
    spans, start = [], 0
    for part in text.split(". "):
        spans.append((start, start + len(part) + 1))
        start += len(part) + 2
    return [
        (m.figure.kind, m.figure.value, m.figure.qualifier, m.figure.value_high)
        for m in find_figures(text, spans)
    ]


def test_estimates_that_range_continue_the_toll_before_them() -> None:
    lead = "Rescuers said nine people were killed by noon. "
    # each bound given by its own source: two figures
    text = lead + (
        "By Tuesday, estimates varied between 41, the number given by the health ministry, and "
        "57, cited by local elders."
    )
    assert _in_sentences(text)[1:] == [("killed", 41, "", None), ("killed", 57, "", None)]
    # one source's range, with "from ... to"
    assert _in_sentences(lead + "By Tuesday, estimates ranged from 41 to 57.")[1:] == [
        ("killed", 41, "between", 57)
    ]
    assert figs("Estimates of the death toll ranged from 35 to 60.") == [
        ("killed", 35, "between", 60)
    ]
    # not after a toll, or estimates of something else: nothing
    assert _in_sentences("The market was busy. Estimates ranged between 41 and 57.") == []
    assert _in_sentences(lead + "Estimates of the crowd ranged from 4,000 to 6,000.")[1:] == []
    # a rise is no range
    assert figs("The rebels claimed the toll rose from 25 to 40.")[0] == ("killed", 25, "", None)


def test_estimates_bounds_keep_their_own_sources(nlp) -> None:
    text = (
        "A car bomb exploded at a market in Baidoa on Saturday, killing 12 people. "
        "By Sunday, estimates ranged between 41, the figure given by hospital sources, and 57, "
        "quoted by local elders."
    )
    [event] = events_of(nlp, text, "2021-05-10")
    sources = {f.value: f.according_to for f in event.figures if f.kind == "killed"}
    assert sources.get(41) == "hospital sources"
    assert sources.get(57) == "local elders"


def test_counts_of_people_in_care_are_wounded() -> None:
    text = "The mayor said 19 people were dead and 44 were still receiving treatment on Friday."
    assert figs(text) == [("killed", 19, "", None), ("wounded", 44, "", None)]
    assert figs("Twenty-two others are being treated for burns.") == [("wounded", 22, "", None)]
    assert figs("Two men are being treated as suspects.") == []


def test_partial_counts_carry_the_part_they_count() -> None:
    def scoped(text: str) -> list[tuple]:
        return [
            (m.figure.kind, m.figure.value, m.figure.scope)
            for m in find_figures(text, [(0, len(text))])
        ]

    # one named facility's intake
    assert scoped("At Kenyatta hospital, a surgeon said staff had received 64 bodies.") == [
        ("killed", 64, "at Kenyatta hospital")
    ]
    text = "A doctor at the nearby Al-Amal Hospital said 30 injured had been brought there."
    assert scoped(text) == [("wounded", 30, "at Al-Amal Hospital")]
    # bodies not identified: part of the dead
    assert scoped("Troops buried 45 unidentified bodies on Tuesday.") == [
        ("killed", 45, "unidentified bodies")
    ]
    text = "Volunteers said 80 bodies that had not been identified were moved to a mass grave."
    assert scoped(text) == [("killed", 80, "bodies that had not been identified")]
    # the whole toll taken to or told at a hospital, and a hospital attacked
    assert scoped("In all, 25 bodies were recovered and taken to Kagadi Hospital.") == [
        ("killed", 25, None)
    ]
    assert scoped("Doctors at Mulago Hospital said the attack killed 40 people.") == [
        ("killed", 40, None)
    ]
    assert scoped("Gunmen stormed the ward at Dasht Hospital, killing 24 people.") == [
        ("killed", 24, None)
    ]


def test_multi_word_casualty_verbs_and_a_total_before_a_count() -> None:
    assert _scoped("Gunmen gunned down seven farmers near Gao.") == [("killed", 7, "", "farmers")]
    assert _scoped("Attackers stabbed to death four guards at the depot.") == [
        ("killed", 4, "", "guards")
    ]
    assert _scoped("Unknown men assassinated three tax officials in Mosul.") == [
        ("killed", 3, "", "tax officials")
    ]
    assert _scoped("The raids killed a total of 31 people in Kismayo.") == [
        ("killed", 31, "", None)
    ]
    # the doers stay out: "shot dead by"
    assert _scoped("The judge was gunned down by three men on motorbikes.") == []


def test_one_victim_named_without_a_number_is_one() -> None:
    # the object of a casualty verb; the doer before the verb is no victim
    assert _attackers("Police said a gunman killed a shopkeeper in Mosul on Friday.") == [
        (1, "shopkeeper", False)
    ]
    assert _scoped("Two men on a motorbike shot dead a tribal elder near Baidoa.") == [
        ("killed", 1, "", "elder")
    ]
    assert _scoped("Unknown assailants gunned down an imam outside his mosque in Kismayo.") == [
        ("killed", 1, "", "imam")
    ]
    assert _scoped("The assailant ran through the market, killing a teenager.") == [
        ("killed", 1, "", "teenager")
    ]
    # a phrase that starts like one person ("A crowd lynched a ...") does not hide the victim
    assert _scoped("A crowd lynched a shepherd near Jos.") == [("killed", 1, "", "shepherd")]
    text = (
        "A knifeman attacked shoppers, killing a 12-year-old girl and wounding four other people."
    )
    assert sorted(_scoped(text)) == [("killed", 1, "", "girl"), ("wounded", 4, "", None)]
    assert _scoped("The blast injured a traffic policeman in Jalalabad.") == [
        ("wounded", 1, "", "policeman")
    ]
    assert _scoped("A sniper shot and wounded a guard at the gate.") == [
        ("wounded", 1, "", "guard")
    ]
    # an attacker killed by the forces is an attackers' figure, as counts of them are
    assert _attackers("Soldiers shot dead a suspected militant at the checkpoint.") == [
        (1, "militant", True)
    ]


def test_one_victim_named_joined_by_and_adds_up() -> None:
    assert _scoped("A gunman killed a judge and a soldier in Mosul on Monday.") == [
        ("killed", 1, "", "judge"),
        ("killed", 1, "", "soldier"),
        ("killed", 2, "", "judge and soldier"),
    ]
    assert _scoped("The attackers killed a farmer and his son.") == [
        ("killed", 1, "", "farmer"),
        ("killed", 1, "", "son"),
        ("killed", 2, "", "farmer and son"),
    ]
    assert sorted(_scoped("Militants killed a teacher and four pupils in Kismayo.")) == [
        ("killed", 1, "", "teacher"),
        ("killed", 4, "", "pupils"),
        ("killed", 5, "", "teacher and pupils"),
    ]
    # before a count in the passive, and two people named in the passive
    text = "The convoy was ambushed, and a nurse and seven aid workers were shot dead."
    assert sorted(_scoped(text)) == [
        ("killed", 1, "", "nurse"),
        ("killed", 7, "", "aid workers"),
        ("killed", 8, "", "nurse and aid workers"),
    ]
    assert sorted(_scoped("A doctor and a driver were injured in the shelling.")) == [
        ("wounded", 1, "", "doctor"),
        ("wounded", 1, "", "driver"),
        ("wounded", 2, "", "doctor and driver"),
    ]
    # counted with the count before them once, not twice
    assert _scoped("The mine killed six deminers and a local guide.") == [
        ("killed", 7, "", "deminers and a local guide")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The air strike killed a number of civilians in Idlib.",
        "The bomber killed himself before reaching the gate.",
        "Islamic State claimed a suicide attack in Kabul.",
        "Police said they foiled a plot to kill a judge in Peshawar.",
        "A spokesman for the governor said the convoy was not attacked.",
        # killed by the forces: the attackers' side, as a bare count is
        "Officials said a senior commander had been killed by special forces near Kunduz.",
    ],
)
def test_no_one_victim_without_a_casualty_verb_on_them(text: str) -> None:
    assert _scoped(text) == []


def test_one_person_with_a_verb_of_their_own_is_no_figure_of_the_verb_before() -> None:
    # the policeman is who spoke, not one hurt; what he said is that nobody was
    assert _scoped("The gunmen fled and a policeman said nobody was hurt.") == [
        ("wounded", 0, "", None)
    ]


def test_a_total_of_is_the_count_not_one_person() -> None:
    assert _scoped("Gunmen killed a total of 14 villagers in Kismayo.") == [
        ("killed", 14, "", "villagers")
    ]


def test_an_of_phrase_after_the_counted_people_is_part_of_their_group() -> None:
    assert _scoped("Four members of the security forces were killed in Kismayo.") == [
        ("killed", 4, "", "members of the security forces")
    ]
    assert _scoped("The strike killed 11 members of one family in Idlib.") == [
        ("killed", 11, "", "members of one family")
    ]
    text = "Eight villagers and two members of the local militia were killed overnight."
    assert sorted(_scoped(text)) == [
        ("killed", 2, "", "members of the local militia"),
        ("killed", 8, "", "villagers"),
        ("killed", 10, "", "villagers and members of the local militia"),
    ]
    # no casualty word after it: nothing; a part "of the dead" stays out
    assert _scoped("Five members of the cell were arrested in Mosul.") == []
    assert _scoped("Nine of the dead were members of the police.") == []


def test_a_long_breakdown_between_the_count_and_its_verb() -> None:
    text = (
        "Nineteen people, 17 of them pilgrims and one a local bus driver from the valley, were "
        "killed when gunmen opened fire."
    )
    assert _scoped(text) == [("killed", 19, "", None)]
    text = (
        "33 soldiers, most of them young conscripts sent to the outpost only a week earlier, died."
    )
    assert _scoped(text) == [("killed", 33, "", "soldiers")]
    # after a bare number, a long clause is no breakdown of it
    text = "At 9, two men armed with rifles and knives walked into the crowded market hall, wounding many."
    assert _scoped(text) == []


def test_a_toll_closed_by_a_quote_mark_or_a_dash() -> None:
    text = 'Families of the victims put the number of dead at "more than 250".'
    assert _scoped(text) == [("killed", 250, "more than", None)]
    text = "The group put the number of dead at close to 90 – all of them soldiers, it said."
    assert _scoped(text) == [("killed", 90, "nearly", None)]
    assert _scoped("A local official said the toll was “at least 18” by Monday.") == [
        ("killed", 18, "at least", None)
    ]
    # a hyphen that joins the number to a word makes no toll
    assert _scoped("The gunman shot dead a 9-year-old girl.") == [("killed", 1, "", "girl")]


def test_one_attacker_named_after_victims_is_counted_apart() -> None:
    text = "Seven worshippers and a suicide bomber died in the blast in Maiduguri."
    assert sorted(_attackers(text)) == [
        (1, "bomber", True),
        (7, "worshippers", False),
        (8, "worshippers and bomber", False),
    ]


def test_a_group_named_along_with_a_casualty_clause_is_joined_to_it() -> None:
    text = "Three soldiers were killed along with four of the militants in Kismayo."
    assert sorted(_attackers(text)) == [
        (3, "soldiers", False),
        (4, "militants", True),
        (7, "soldiers and militants", False),
    ]
    assert _scoped("A judge was killed along with his bodyguard.") == [
        ("killed", 1, "", "judge"),
        ("killed", 1, "", "bodyguard"),
        ("killed", 2, "", "judge and bodyguard"),
    ]
    assert sorted(_scoped("Four guards were wounded, as well as two drivers.")) == [
        ("wounded", 2, "", "drivers"),
        ("wounded", 4, "", "guards"),
        ("wounded", 6, "", "guards and drivers"),
    ]
    # another clause in between: not joined
    text = "Four guards were wounded in the raid, which was filmed along with two others."
    assert _scoped(text) == [("wounded", 4, "", "guards")]


def test_a_dozen_after_a_qualifier_or_before_the_people_it_counts() -> None:
    assert _scoped("Nearly a dozen others were hurt in the stampede.") == [
        ("wounded", 12, "nearly", None)
    ]
    assert _scoped("A dozen villagers were killed near Dori.") == [("killed", 12, "", "villagers")]
    assert _scoped("Half a dozen guards were wounded at the gate.") == [
        ("wounded", 6, "", "guards")
    ]
    # a number of dozens is that many twelves, not the number before "dozen"
    assert _scoped("Gunmen killed two dozen villagers near Dori.") == [
        ("killed", 24, "", "villagers")
    ]
    assert _scoped("At least three dozen guards were wounded.") == [
        ("wounded", 36, "at least", "guards")
    ]
    # "dozens" and a bare "a dozen" stay vague
    assert _scoped("Dozens of others were injured in the blast.") == []
    assert _scoped("The shelling killed a dozen, residents said.") == []


def test_groups_listed_with_commas_add_up() -> None:
    text = "Four guards, three cooks' helpers and two drivers were killed in Kismayo."
    assert ("killed", 6, "", "guards and drivers") not in _scoped(text)
    text = "Five farmers, two herders and three traders were killed near Dori."
    assert sorted(_scoped(text)) == [
        ("killed", 2, "", "herders"),
        ("killed", 3, "", "traders"),
        ("killed", 5, "", "farmers"),
        ("killed", 10, "", "farmers, herders and traders"),
    ]
    text = "Gunmen shot dead six pilgrims, two policemen and a driver near the shrine."
    assert ("killed", 9, "", "pilgrims, policemen and driver") in _scoped(text)
    text = "Two soldiers, an interpreter and a cook were wounded in the ambush."
    assert ("wounded", 4, "", "soldiers, interpreter and cook") in _scoped(text)
    # a list of one group's parts after a number is not joined: "12 soldiers, two of them officers"
    assert _scoped("The blast killed 12 soldiers, two of them officers.") == [
        ("killed", 12, "", "soldiers")
    ]


def test_one_person_in_a_passive_clause_may_be_a_companion_or_an_attacker() -> None:
    assert _attackers("A gunman was killed in the exchange of fire in Kismayo.") == [
        (1, "gunman", True)
    ]
    assert _scoped("A cook was wounded when the mortar hit the base.") == [
        ("wounded", 1, "", "cook")
    ]


def _flags(text: str) -> list[tuple]:
    """(kind, value, earlier, revision) of ``text`` split into sentences at ". "."""
    spans, start = [], 0
    for part in text.split(". "):
        spans.append((start, start + len(part) + 1))
        start += len(part) + 2
    return [
        (m.figure.kind, m.figure.value, m.earlier, m.revision) for m in find_figures(text, spans)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # counts of a charge or a verdict for a killing attempted: no one died
        "The tribunal convicted the gunman of three counts of murder and of the attempted murder "
        "of 41 people.",
        "Prosecutors charged her with the attempted murder of 17 police officers.",
        "He faces 12 counts of attempted murder over the shooting.",
        # a killing tried, planned or threatened
        "The court heard that he had tried to kill 30 worshippers in the chapel.",
        "Investigators said the cell had planned to kill 200 people at the stadium.",
        "The device was powerful enough to kill 50 people, police said.",
    ],
)
def test_a_killing_attempted_or_charged_as_attempted_is_no_toll(text: str) -> None:
    assert _scoped(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a modal perfect estimates a toll that happened; "could kill" withholds one
        (
            "A village elder said that as many as 600 people may have been killed in the raid.",
            [("killed", 600, "up to", None)],
        ),
        (
            "Officials fear that 45 miners might have died underground.",
            [("killed", 45, "", "miners")],
        ),
        ("Up to 70 people could have been wounded, medics said.", [("wounded", 70, "up to", None)]),
        ("The militia said 300 more fighters could kill again.", []),
    ],
)
def test_a_toll_estimated_with_a_modal_perfect_is_a_toll(text: str, expected: list) -> None:
    assert _scoped(text) == expected


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        # a negated lower bound is an upper one
        ("The ministry said the toll had so far not exceeded 60 dead.", "up to"),
        ("The number of people killed has not yet passed 35, police said.", "up to"),
        ("No more than 14 people were killed, the governor insisted.", "up to"),
        ("Police said the toll hasn't topped 20 dead.", "up to"),
        # not negated: "more than" stays, "not less than" stays a lower bound
        ("The toll has exceeded 60 dead, the ministry said.", "more than"),
        ("Not less than 60 people were killed, the ministry said.", "at least"),
    ],
)
def test_a_negated_lower_bound_is_an_upper_bound(text: str, qualifier: str) -> None:
    assert [f[2] for f in _scoped(text) if f[0] == "killed"] == [qualifier]


def test_a_charge_of_murder_still_counts_the_dead() -> None:
    assert _scoped("He was convicted of the murder of 9 worshippers in Tulsa.") == [
        ("killed", 9, "", "worshippers")
    ]
    assert _scoped("Twin bombs kill 30 in Peshawar.") == [("killed", 30, "", None)]


def test_victims_taken_away_then_killed() -> None:
    # the object of a verb of removal, then "and shot them" / "and killed them"
    text = "Militants pulled 17 travellers off two coaches and shot them near Kalat."
    assert _scoped(text) == [("killed", 17, "", "travellers")]
    text = "Gunmen dragged eight men out of their houses and shot them dead at dawn."
    assert _scoped(text) == [("killed", 8, "", "men")]
    assert _scoped("Fighters rounded up 26 villagers and executed them.") == [
        ("killed", 26, "", "villagers")
    ]
    # the subject of a passive verb and of the killing participle after "and"
    text = "Eleven truck drivers were taken off their vehicles near Turbat and killed."
    assert _scoped(text) == [("killed", 11, "", "truck drivers")]
    assert _scoped("Six hostages were abducted and later beheaded.") == [
        ("killed", 6, "", "hostages")
    ]
    assert _scoped("Fourteen soldiers were ambushed and killed near the border.") == [
        ("killed", 14, "", "soldiers")
    ]
    assert _scoped("Five farmers were marched into a field and shot.") == [
        ("killed", 5, "", "farmers")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # some of those taken were killed: not all of them
        ("Gunmen abducted 30 villagers and killed two of them.", []),
        ("Fourteen workers were abducted and three were killed.", [("killed", 3, "", None)]),
        # another verb, another object, or shooting that need not kill
        ("Police stopped 5 men at the gate and shot at them.", []),
        ("Seven hostages were freed and flown home.", []),
        ("Eight men were attacked and shot in the market.", []),
        (
            "Nine passengers were taken off the bus and later released, and the driver was killed.",
            [],
        ),
        # the doers of a killing after "and"
        (
            "Five soldiers were sent to the area and killed three militants.",
            [("killed", 3, "", "militants")],
        ),
    ],
)
def test_victims_taken_away_guards(text: str, expected: list[tuple]) -> None:
    assert _scoped(text) == expected


def test_a_count_is_a_toll_after_a_sentence_about_the_dead() -> None:
    text = (
        "Gunmen killed dozens of people at a mosque in Kano on Friday. A local rights group "
        "gave a provisional count of 52."
    )
    assert _flags(text) == [("killed", 52, False, False)]
    # in the same sentence, after the killing
    text = "Gunmen killed dozens of villagers, and the Red Cross gave a provisional count of 52."
    assert _scoped(text) == [("killed", 52, "", None)]
    # no casualty told before, or the number not the count itself: nothing
    text = "A car bomb exploded in Gao. A local rights group gave a provisional count of 52."
    assert _flags(text) == []
    text = "Gunmen killed five people. Police gave a count of 30 suspects."
    assert _flags(text) == [("killed", 5, False, False)]
    text = "Gunmen killed five people. Police said the count of arrests was 3."
    assert _flags(text) == [("killed", 5, False, False)]
    text = "Gunmen killed five people. Aid groups gave a figure of 1,200 displaced."
    assert _flags(text) == [("killed", 5, False, False)]


def test_tolls_said_to_have_been_replaced_are_earlier() -> None:
    # a figure, a revision of it, and a later one: the first two are earlier tolls
    text = (
        "The Red Cross put the death toll at 61. The governor had given a figure of 19 on "
        "Tuesday morning before police revised it to 25 and later said 58 bodies had been found."
    )
    assert _flags(text) == [
        ("killed", 61, False, False),
        ("killed", 19, True, False),
        ("killed", 25, True, False),
        ("killed", 58, False, False),
    ]
    # "on Tuesday morning before police" is no counted noun
    text = "Gunmen killed dozens, and officials had given a figure of 19 on Tuesday morning."
    assert _scoped(text) == [("killed", 19, "", None)]
    text = (
        "A bomb killed at least 31 people at the depot. Officials initially put the death toll "
        "at 12 before more bodies were pulled from the rubble."
    )
    assert _flags(text) == [("killed", 31, False, False), ("killed", 12, True, False)]
    text = "The number of dead has risen to 140. The ministry had earlier put the toll at 96."
    assert _flags(text) == [("killed", 140, False, True), ("killed", 96, True, False)]
    # a toll followed by other deeds: not replaced
    assert _flags("The gunmen killed 16 people before raising their flag over the town.") == [
        ("killed", 16, False, False)
    ]
    assert _flags("Police first sealed off the area, where 16 people were killed.") == [
        ("killed", 16, False, False)
    ]


def test_a_coup_attempt_or_the_fighting_may_be_one_events_toll() -> None:
    assert figs("At least 30 people have been killed in the coup attempt.") == [
        ("killed", 30, "at least", None)
    ]
    assert figs("At least 300 people have died in the fighting, the UN said.") == [
        ("killed", 300, "at least", None)
    ]


def test_a_tally_of_many_events_gives_the_toll_of_one_it_names() -> None:
    text = (
        "Analysts said the group has carried out a string of raids in Mali since 2012, including "
        "the assault on a hotel in Bamako in November 2015, in which 20 people died."
    )
    assert _scoped(text) == [("killed", 20, "", None)]
    # the tally itself and a part of it stay out
    text = (
        "The group has killed more than 1,300 civilians since October 2017, including 40 children."
    )
    assert _scoped(text) == []


def test_a_day_after_a_toll_is_no_counted_noun() -> None:
    # "on" links a toll to its day ("on" quoted in figures.yaml: bare, YAML reads it as true)
    assert _scoped("The death toll rose to 31 on Friday after medics found more bodies.") == [
        ("killed", 31, "", None)
    ]


def test_the_toll_a_revision_replaced_is_an_earlier_one() -> None:
    """ "rose to 54 from 40", "up from 40", "lowering the figure of 15": the replaced toll is
    kept as an earlier figure; a count "from 3 villages" after a plain toll is none."""

    def found(text: str) -> list[tuple]:
        return [
            (m.figure.kind, m.figure.value, m.revision, m.earlier)
            for m in find_figures(text, [(0, len(text))])
        ]

    assert found("The death toll rose to 54 from 40 on Friday.") == [
        ("killed", 54, True, False),
        ("killed", 40, False, True),
    ]
    assert found("The death toll rose to 54, up from 40 a day earlier.")[1:] == [
        ("killed", 40, False, True)
    ]
    lowered = (
        "The coroner put the number of people killed at 14, lowering the figure of 15 given by "
        "city officials."
    )
    assert found(lowered) == [("killed", 14, False, False), ("killed", 15, False, True)]
    assert found("Gunmen killed 12 people from 3 villages on Friday.") == [
        ("killed", 12, False, False)
    ]


def test_a_revising_verb_before_the_toll_makes_it_a_revision() -> None:
    """ "lowered the death toll to 9 from 11", "raised the toll to 31": the verb that revises
    stands before the toll phrase; the toll it replaced is an earlier one."""

    def found(text: str) -> list[tuple]:
        return [
            (m.figure.value, m.revision, m.earlier) for m in find_figures(text, [(0, len(text))])
        ]

    assert found("The provincial health office lowered the death toll to 9 from 11.") == [
        (9, True, False),
        (11, False, True),
    ]
    assert found("Hospital officials later raised the death toll to 31.") == [(31, True, False)]
    assert found("The ministry revised the toll down to 17 on Sunday.") == [(17, True, False)]
    # a plain toll stays a plain one
    assert found("The death toll was 12, the governor said.") == [(12, False, False)]


def test_one_person_who_died_or_survived_is_a_figure() -> None:
    """A single victim as the subject of "died", a partitive ("one of the two hikers"), and the
    survivor "with serious injuries" or "critically injured" are figures of one."""
    assert _scoped("A 61-year-old man from Lyon died at the scene.") == [("killed", 1, "", "man")]
    assert _scoped(
        "One of the two hikers died of his wounds in hospital; the other survived with stab wounds."
    ) == [("killed", 1, "", "hikers"), ("wounded", 1, "", None)]
    assert _scoped("His 40-year-old partner survived with serious injuries.") == [
        ("wounded", 1, "", "partner")
    ]
    assert _scoped("A shopkeeper was critically injured in the attack.") == [
        ("wounded", 1, "", "shopkeeper")
    ]
    assert _scoped("A guard was fatally shot at the gate.") == [("killed", 1, "", "guard")]
    # "died" has no number: one named after a count and "and" is counted with it
    assert _scoped("Four traders and their driver died in the ambush.") == [
        ("killed", 5, "", "traders and their driver")
    ]


def test_a_part_of_a_group_named_by_who_they_are_is_counted() -> None:
    """ "two of the (four) hostages were killed": the part is the count, the group its scope;
    "18 of the dead" and "three of the soldiers killed" break a toll down."""
    assert _scoped("Two of the four hostages were killed on Monday.") == [
        ("killed", 2, "", "hostages")
    ]
    assert _scoped("Three of the traders were found dead in a shack.") == [
        ("killed", 3, "", "traders")
    ]
    assert _scoped("Three of the soldiers killed in the attack were conscripts.") == []


def test_tolls_a_first_statement_or_a_raised_toll_gave_are_earlier() -> None:
    def earlier(text: str) -> list[tuple]:
        return [(m.figure.value, m.earlier) for m in find_figures(text, [(0, len(text))])]

    assert earlier("In its first statement the army said six soldiers had been killed.") == [
        (6, True)
    ]
    assert earlier(
        "The first balance given by local sources had been of nine villagers killed."
    ) == [(9, True)]
    text = (
        "The governor said 11 people were killed and 30 wounded, raising a toll given on Monday "
        "night by the regional police chief, who had spoken of seven dead and 19 wounded."
    )
    assert earlier(text) == [(11, False), (30, False), (7, True), (19, True)]
    # a first attack's toll is no first statement
    assert earlier("The first attack killed nine villagers.") == [(9, False)]


def test_a_list_set_off_after_a_toll_breaks_it_down() -> None:
    text = "Seven people were killed - four pilgrims and three guards - and 31 people were wounded."
    assert sorted(figs(text)) == sorted(
        [
            ("killed", 7, "", None),
            ("killed", 4, "", None),
            ("killed", 3, "", None),
            ("killed", 7, "", None),
            ("wounded", 31, "", None),
        ]
    )
    comma = "Seven people were killed, four pilgrims and three guards, and 31 were wounded."
    assert {f for f in figs(comma) if f[0] == "wounded"} == {("wounded", 31, "", None)}
    # a clause of its own is no list
    assert figs("Two people were killed, 12 were wounded.") == [
        ("killed", 2, "", None),
        ("wounded", 12, "", None),
    ]


def test_killed_then_wounded_in_the_next_clause_keeps_each_count() -> None:
    assert figs("Bandits killed nine farmers, wounded 14 and abducted 20.") == [
        ("killed", 9, "", None),
        ("wounded", 14, "", None),
    ]


def test_one_person_named_before_others_is_counted_with_them() -> None:
    """ "killing party leader X and 21 others": the one named is among the dead."""
    assert _scoped("Gunmen stormed a rally, killing party leader Omar Haddad and 14 others.") == [
        ("killed", 15, "", None)
    ]
    assert _scoped("The raiders killed the village chief and 6 others.") == [
        ("killed", 7, "", None)
    ]
    assert _scoped("Rebels killed the commander and 9 other soldiers.") == [
        ("killed", 10, "", "soldiers")
    ]
    assert _scoped("Lena Varga and 3 others were wounded in the blast.") == [
        ("wounded", 4, "", None)
    ]
    # a group of unknown size, or people not among the casualties, add nothing
    assert _scoped("The shelling killed the farmers and 4 others.") == []
    assert _scoped("Police detained Omar Haddad and 4 others after 2 people were killed.") == [
        ("killed", 2, "", None)
    ]


def test_a_clause_after_a_tolls_number_does_not_give_its_kind() -> None:
    # "as wounded succumb" tells why the toll grew; the toll before the number is of the dead
    assert figs("Hilla toll reaches 61 as wounded succumb") == [("killed", 61, "", None)]
    assert figs("The death toll climbed to 23 as more injured died in hospital.") == [
        ("killed", 23, "", None)
    ]
    assert figs("The number of injured rose to 40 as more people died.") == [
        ("wounded", 40, "", None)
    ]


def test_a_toll_of_the_deed_an_attack_answers_is_not_its_own() -> None:
    text = (
        "Rebels raided a garrison in Kiwanja, killing four soldiers, in revenge for an air "
        "strike that killed 17 of their men."
    )
    assert _scoped(text) == [("killed", 4, "", "soldiers")]
    text = "In retaliation for a raid that killed 6 fighters, the group killed 9 guards."
    assert _scoped(text) == [("killed", 9, "", "guards")]
    # vowing revenge speaks of the reported deed itself
    text = "The government vowed to take revenge for an ambush that killed 25 rangers."
    assert _scoped(text) == [("killed", 25, "", "rangers")]


@pytest.mark.parametrize(
    "text",
    [
        "The militia has killed more than 610 villagers this year, a rights group said.",
        "Jihadists have killed at least 380 soldiers so far in 2022.",
        "Over 150 people have been killed in such raids since April.",
    ],
)
def test_a_tally_of_a_year_or_part_of_it_is_no_toll(text: str) -> None:
    assert figs(text) == []


def test_a_toll_compared_with_the_rest_of_the_year_stands() -> None:
    assert figs("The ambush, the deadliest this year, has killed 31 soldiers.") == [
        ("killed", 31, "", None)
    ]


def test_a_person_in_a_breakdown_is_not_added_to_the_others_after_it() -> None:
    text = "The blast left two people dead, including Mayor Ilse Brandt, and five others injured."
    assert _scoped(text) == [("killed", 2, "", None), ("wounded", 5, "", None)]


def test_a_participle_of_taking_people_away_stands_between_them_and_their_casualty() -> None:
    text = "Three of the five Czech technicians kidnapped near Kidal in May were found dead."
    assert _scoped(text) == [("killed", 3, "", "Czech technicians")]
    assert _scoped("Six herders seized at the well on Sunday were shot dead.") == [
        ("killed", 6, "", "herders")
    ]
    assert _scoped("Two of the five technicians kidnapped in May were freed.") == []


def test_an_official_source_after_joined_figures_gives_them_all_beside_a_claim(nlp) -> None:
    text = (
        "Al-Shabaab on Friday said its fighters carried out the bombing of a hotel in Beledweyne "
        "on Thursday, killing 23 people and wounding 61, according to the regional governor."
    )
    [event] = events_of(nlp, text, "2022-06-11")
    got = {(f.kind, f.value, f.according_to, f.is_claim) for f in event.figures}
    assert got == {
        ("killed", 23, "the regional governor", False),
        ("wounded", 61, "the regional governor", False),
    }


def test_a_statement_owned_by_an_official_body_is_no_claim_of_the_group(nlp) -> None:
    text = (
        "The bombing, which Islamic State claimed the same night, hit a bus station in Kirkuk "
        "on Friday. The provincial council's first statement gave 34 dead."
    )
    [event] = events_of(nlp, text, "2022-06-11")
    [killed] = event.figures
    assert (killed.value, killed.is_claim) == (34, False)
    assert "Islamic State" not in (killed.according_to or "")


def test_groups_listed_after_including_break_the_toll_down() -> None:
    text = "At least 30 people including 12 pilgrims and three guards were killed in Tanta."
    assert figs(text) == [("killed", 30, "at least", None)]
    text = "The bomb killed 17 people including nine students and two teachers."
    assert figs(text) == [("killed", 17, "", None)]


def test_a_bare_count_a_speaker_gives_after_and_a_day_is_the_toll_told_again() -> None:
    text = "On Friday police put the toll at 18 dead, and on Saturday officials said 26."
    assert figs(text) == [("killed", 18, "", None), ("killed", 26, "", None)]
    text = "Officials counted 51 dead, and the day before they had spoken of about 40."
    assert [(m.figure.value, m.earlier) for m in find_figures(text, [(0, len(text))])] == [
        (51, False),
        (40, True),
    ]


def test_lower_tolls_told_after_the_toll_has_risen_are_the_ones_it_replaced(nlp) -> None:
    text = (
        "The toll from Friday's bombing of a bus in Peshawar has risen to 48, the provincial "
        "health department said on Tuesday. On Saturday police put the figure at 22, and on "
        "Sunday officials said 35."
    )
    [event] = events_of(nlp, text, "2022-06-14")
    got = [(f.value, f.superseded) for f in event.figures if f.kind == "killed"]
    assert got == [(48, False), (22, True), (35, True)]


def test_scholars_are_people_counted_and_became_links_the_casualty() -> None:
    text = "The bomber killed more than 40 Islamic scholars at a seminary in Herat."
    assert _scoped(text) == [("killed", 40, "more than", "Islamic scholars")]
    text = "Twelve pilgrims were martyred and more than 70 became injured."
    assert figs(text) == [("killed", 12, "", None), ("wounded", 70, "more than", None)]


def test_a_lower_toll_set_against_the_risen_one_disputes_it(nlp) -> None:
    text = (
        "The toll from Friday's bombing of a rally in Bannu has risen to 64, police said on "
        "Sunday. The district mayor said that 51 deaths have been confirmed, not 64."
    )
    [event] = events_of(nlp, text, "2022-06-14")
    got = [(f.value, f.superseded) for f in event.figures if f.kind == "killed"]
    assert got == [(64, False), (51, False)]


def test_a_group_that_claimed_nothing_gives_no_figure(nlp) -> None:
    from sitrep.events.detect import AUTHOR

    text = (
        "A bomber struck a market in Herat on Friday, killing 12 people. Last year a bomber "
        "killed more than 40 worshippers at a mosque in Herat, an attack that no group claimed."
    )
    sources = [f.according_to for e in events_of(nlp, text, "2021-05-10") for f in e.figures]
    assert sources == [AUTHOR, AUTHOR]


def scoped(text: str) -> list[tuple]:
    return [
        (m.figure.kind, m.figure.value, m.figure.scope)
        for m in find_figures(text, [(0, len(text))])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hostage Anders Lund was beheaded by militants in Talipao on Tuesday.",
            [("killed", 1, "hostage")],
        ),
        ("Lawyer Imran Qadir was shot dead by gunmen in Sibi.", [("killed", 1, "lawyer")]),
        ("Tomas Berg was executed by the militants in Raqqa.", [("killed", 1, "Tomas Berg")]),
        ("Governor Ali Rahmani was wounded in the blast.", [("wounded", 1, "governor")]),
        # the name ends a run of capitalised words
        (
            "The head of the Sibi Bar Association Imran Ali Qadir was killed on Monday.",
            [("killed", 1, "Imran Ali Qadir")],
        ),
        # a companion named with them
        (
            "In 2012 the activist Ramon Ortiz was shot dead with his cousin near Casas Grandes.",
            [("killed", 2, "activist and cousin")],
        ),
        (
            "Activist Ramon Ortiz and his cousin were shot dead near Casas Grandes.",
            [("killed", 2, "activist and cousin")],
        ),
    ],
)
def test_one_person_named_by_name(text: str, expected: list[tuple]) -> None:
    """A named person as the subject of a passive casualty verb is one victim (two with a
    companion), scoped by their role or name so as never to stand for a larger toll."""
    assert scoped(text) == expected


def test_a_named_person_killed_by_forces_is_no_victim() -> None:
    assert scoped("Commander Abu Yasir was killed by special forces in Idlib.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen ambushed a senator's convoy; three of his guards and a taxi driver were killed.",
            ("killed", 4, "guards and a taxi driver"),
        ),
        ("Two of her bodyguards and a passer-by were killed.", ("killed", 3, None)),
        ("Four of their children were wounded.", ("wounded", 4, "children")),
    ],
)
def test_a_count_of_someones_own_people(text: str, expected: tuple) -> None:
    """ "three of his guards": a count of the man's own people, not a part of a count before."""
    kind, value, scope = expected
    got = scoped(text)
    assert (kind, value) in [(k, v) for k, v, _ in got]
    if scope is not None:
        assert (kind, value, scope) in got


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]


def test_anaphoric_part_is_the_first_figure_of_its_kind() -> None:
    """ "Eight passengers survived. Three of them were wounded": a part of people counted as no
    casualties is the first wounded figure; a part of a toll given before stays a sub-count."""
    text = (
        "Gunmen ambushed a bus near Tlapa on Monday, killing two drivers. Eight passengers "
        "survived. Three of them were wounded, officials said."
    )
    got = [(m.figure.kind, m.figure.value) for m in find_figures(text, _sentences(text))]
    assert got == [("killed", 2), ("wounded", 3)]
    text = "The blast killed 30 people. Ten of them were killed in the market."
    got = [(m.figure.kind, m.figure.value) for m in find_figures(text, _sentences(text))]
    assert got == [("killed", 30)]


def test_a_source_after_a_semicolon_gives_no_figure_before_it(nlp) -> None:
    """ "A has spoken of 35 dead; B puts the toll as high as 80; C said 60": each clause's own
    source gives its figure, never the next clause's."""
    text = (
        "Gunmen of Boko Haram attacked the town of Damasak on June 4. The toll remains in "
        "dispute. The Norwegian Refugee Council has spoken of at least 35 dead; a British "
        "intelligence assessment puts the toll as high as 80; Boko Haram itself said it killed "
        "nearly 60 soldiers."
    )
    [event] = events_of(nlp, text, "2021-06-20")
    got = {(f.value, f.according_to, f.is_claim) for f in event.figures if f.kind == "killed"}
    assert got == {
        (35, "The Norwegian Refugee Council", False),
        (80, "a British intelligence assessment", False),
        (60, "Boko Haram", True),
    }


def test_the_earlier_figure_a_revision_names_is_its_givers_and_superseded(nlp) -> None:
    """ "revised the toll down to 27, saying the earlier figure of 38 given by X had ...": 27 is
    the reviser's, 38 is X's and replaced."""
    text = (
        "Officials in Jalalabad on Sunday revised the death toll from Thursday's attack on the "
        "bus station down to 27, saying the earlier figure of 38 given by the provincial health "
        "directorate had counted some victims twice."
    )
    [event] = events_of(nlp, text, "2021-05-10")
    got = {(f.value, f.according_to, f.superseded) for f in event.figures if f.kind == "killed"}
    assert got == {
        (27, "Officials in Jalalabad", False),
        (38, "the provincial health directorate", True),
    }


def test_who_revised_a_toll_gives_it_and_a_toll_headline_gives_no_source(nlp) -> None:
    """ "NAIROBI - Kenya's interior ministry ... raised the death toll ... to 41": the ministry
    gave 41, without the dateline. The headline "Kenya toll revised to 41" names the toll, not
    who gave it: that figure stays the report's own."""
    text = (
        "Kenya toll revised to 41 after attack on Lamu bus\n\nMarch 7, 2020\n\n"
        "NAIROBI - Kenya's interior ministry on Saturday raised the death toll from Thursday's "
        "attack on a bus in Lamu to 41."
    )
    [event] = events_of(nlp, text, "2020-03-07")
    got = {f.according_to for f in event.figures if f.kind == "killed" and f.value == 41}
    assert got == {"the author", "Kenya's interior ministry"}


def test_a_headline_toll_revised_as_a_group_claims_is_the_revisers(nlp) -> None:
    """ "Al-Shabaab claims hotel siege as Somalia revises toll to 21": the toll is Somalia's,
    told in a clause with its own subject, not the group's claim."""
    title = "Al-Shabaab claims Mogadishu hotel siege as Somalia revises toll to 21"
    text = (
        f"{title}\n\nAl-Shabaab fighters stormed the Hayat hotel in Mogadishu on Friday. Somali "
        "officials revised the death toll down on Saturday to 21, from 26."
    )
    [event] = events_of(nlp, text, "2022-08-21", title=title)
    assert not any(f.is_claim for f in event.figures)
    assert ("Somalia", 21) in {(f.according_to, f.value) for f in event.figures}


def test_a_toll_rising_beside_a_groups_claim_is_nobodys_claim(nlp) -> None:
    """ "IS-K claims Bajaur bombing as toll rises to 54": the clause of the toll has its own
    subject; the claim verb over it gives no source."""
    title = "IS-K claims Jalalabad bombing as toll rises to 31"
    text = f"{title}\n\nA suicide bomber killed 31 people at a rally in Jalalabad on Sunday."
    [event] = events_of(nlp, text, "2023-07-31", title=title)
    assert {f.according_to for f in event.figures} == {"the author"}
    assert not any(f.is_claim for f in event.figures)


def test_two_groups_told_dead_in_two_clauses_have_a_total() -> None:
    """ "A prison guard was killed, and three inmates died in the crossfire": 4 in all, as "a
    guard and three inmates were killed"; not the attackers, not another kind, not a part."""

    def killed(text: str) -> list[tuple]:
        found = find_figures(text, [(0, len(text))])
        return sorted((m.figure.value, m.figure.scope) for m in found if m.figure.kind == "killed")

    assert (4, "guard and inmates") in killed(
        "A prison guard was killed, and three inmates died in the crossfire, officials said."
    )
    assert (5, "soldiers and civilians") in killed(
        "Two soldiers were killed and three civilians died of their wounds."
    )
    assert killed("A policeman was killed, and two attackers were shot dead.") == [
        (1, "policeman"),
        (2, "attackers"),
    ]
    assert killed("Three soldiers were killed, and two of them were officers.") == [(3, "soldiers")]


def test_a_count_of_all_on_board_after_the_verb_is_the_toll() -> None:
    """ "killing all 150 people on board": "all" stands between the verb and its count."""
    text = "The group said it brought down the airliner over the desert, killing all 150 people."
    assert figs(text) == [("killed", 150, "", None)]
    assert figs("The blast killed all the 12 passengers.") == [("killed", 12, "", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A policeman was shot dead and two civilians lost their lives in Wukari.",
            [
                ("killed", 1, "policeman"),
                ("killed", 2, "civilians"),
                ("killed", 3, "policeman and civilians"),
            ],
        ),
        # another kind, or a count of people that may include the first, adds nothing
        (
            "A policeman was killed and two civilians were wounded.",
            [("killed", 1, "policeman"), ("wounded", 2, "civilians")],
        ),
        (
            "A policeman was killed and 12 people died in the fire.",
            [("killed", 1, "policeman"), ("killed", 12, None)],
        ),
    ],
)
def test_groups_in_casualty_clauses_joined_by_and_add_up(text: str, expected: list) -> None:
    """Counts of different groups, each with its own casualty verb, in clauses joined by "and"
    are parts of one toll: their total is a figure too."""
    assert sorted(scoped(text), key=lambda f: (f[0], f[1])) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The grenade hit a nightclub in Jinja, killing a 19-year-old bouncer and wounding six.",
            [("killed", 1, "bouncer"), ("wounded", 6, None)],
        ),
        (
            "Gunmen opened fire in a cafe, killing a 31-year-old cashier and injuring two people.",
            [("killed", 1, "cashier"), ("wounded", 2, None)],
        ),
        # a modifier before a noun of one person is no noun of its own
        ("Gunmen killed a 40-year-old local man in Gulu.", [("killed", 1, "man")]),
    ],
)
def test_one_person_told_by_age_and_any_role_is_a_victim(text: str, expected: list) -> None:
    assert sorted(scoped(text), key=lambda f: f[0]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Councillor Pedro Salas, who had denounced the gang, was pulled from his car and "
            "shot dead.",
            [("killed", 1, "councillor")],
        ),
        ("Insurgents beheaded aid worker Lars Olsen near Tal Afar.", [("killed", 1, "aid worker")]),
        ("Gunmen shot dead the prosecutor, Omar Nasser, in Sibi.", [("killed", 1, "prosecutor")]),
        ("A bomb wounded journalist Maria Lopez in Culiacan.", [("wounded", 1, "journalist")]),
        # a headline in title case names no role before a name
        ("At Least 9 Killed as Gunmen Attack Jos Central Market", [("killed", 9, None)]),
        # counted with the others already
        (
            "The blast killed party leader Omar Nasser and 14 others.",
            [("killed", 15, None)],
        ),
    ],
)
def test_named_victims_after_a_relative_clause_or_as_objects(text: str, expected: list) -> None:
    assert scoped(text) == expected


def test_a_doer_who_killed_only_himself_is_the_one_dead() -> None:
    """The bomber is the only dead: one attacker killed, not no figure."""
    text = "A suicide bomber blew himself up near a bus in Kasese, killing only himself."
    [mention] = find_figures(text, [(0, len(text))])
    assert (mention.figure.kind, mention.figure.value, mention.figure.scope) == (
        "killed",
        1,
        "attacker",
    )
    assert mention.attackers


def test_a_figure_its_giver_walked_back_is_replaced(nlp) -> None:
    """ "The UN said at least 100 were killed, before it later walked back that figure": the 100
    is withdrawn, so the governor's 40 stands."""
    text = (
        "Fighters killed farmers near Damboa last Saturday. The governor said 40 bodies had been "
        "buried. The UN said at least 100 civilians were killed, before it later walked back that "
        "figure."
    )
    [event] = events_of(nlp, text, "2021-05-11")
    assert sorted((f.value, f.superseded) for f in event.figures) == [(40, False), (100, True)]


def test_one_person_with_a_relative_clause_before_the_passive_is_a_figure() -> None:
    """ "A member of a vigilante group who went after the kidnappers was killed": 1, as without
    the clause; a speaker's clause stays no casualty ("A doctor who treated them said 19 ...")."""
    text = "A member of a local vigilante group who went after the kidnappers was killed."
    assert figs(text) == [("killed", 1, "", None)]
    text = "A doctor who treated the victims said 19 people had died."
    assert figs(text) == [("killed", 19, "", None)]


def test_a_figure_announced_by_a_teller_on_a_day_is_the_teller_s(nlp) -> None:
    """ "the earlier figure of 259, announced by police spokesman X on Wednesday, was not
    correct": 259 is the police spokesman's, not that of who rejects it."""
    text = (
        "The Health Ministry has revised the number of people killed in Sunday's suicide "
        "bombings in Kandy down to about 153. Director General Dr. Asela Perera said in a "
        "statement late on Thursday that the earlier figure of 259, announced by police "
        'spokesman SP Nimal Silva on Wednesday, was "not correct".'
    )
    (event,) = events_of(nlp, text, "2019-04-26")
    figures = {f.value: f for f in event.figures}
    assert figures[259].according_to == "police spokesman SP Nimal Silva"
    assert figures[259].superseded and not figures[153].superseded


def test_speakers_closing_a_sentence_the_parse_misses_give_its_figure(nlp) -> None:
    from chain import events_of

    text = (
        "Gunmen stopped a bus near Wajir before dawn on Saturday and shot dead 19 passengers who "
        "could not recite verses from the Koran, police and the militants said."
    )
    [event] = events_of(nlp, text, "2014-11-23")
    assert [(f.value, f.according_to) for f in event.figures] == [(19, "police and the militants")]


def test_the_toll_a_revision_rose_from_is_kept_as_earlier() -> None:
    text = (
        "The death toll from the attack on a concert hall in Perm rose to 48 on Monday, the "
        "health ministry said, up from the figure of 44 it gave on Sunday."
    )
    assert _flags(text) == [("killed", 48, False, True), ("killed", 44, True, False)]


def test_a_count_quoted_as_said_is_a_figure() -> None:
    text = (
        'The emir had earlier said that "more than 40" people died, while a nurse said that '
        '"only about 31" bodies were brought in.'
    )
    assert [(f[0], f[1], f[2]) for f in _scoped(text)] == [
        ("killed", 40, "more than"),
        ("killed", 31, "about"),
    ]


def test_a_count_published_by_a_source_is_that_sources(nlp) -> None:
    from chain import events_of

    text = (
        "The number of people killed by the gang in Kabarore last week has reached 96, the "
        "mayor's office in Gisenyi said on Wednesday, well above the count of at least 60 "
        "published by the United Nations human rights office."
    )
    [event] = events_of(nlp, text, "2024-10-09")
    got = {(f.value, f.according_to) for f in event.figures}
    assert (60, "the United Nations human rights office") in got


def test_a_count_told_in_reported_speech_is_the_latest_and_the_one_said_earlier_is_earlier() -> (
    None
):
    text = (
        "By Sunday, he said, 27 bodies had been counted and 35 injured people were receiving "
        "treatment. The emir had earlier said that more than 20 people died and over 90 were hurt."
    )
    assert _flags(text) == [
        ("killed", 27, False, False),
        ("wounded", 35, False, False),
        ("killed", 20, True, False),
        ("wounded", 90, True, False),
    ]


def test_a_toll_put_as_high_as_n_is_an_upper_estimate() -> None:
    text = "Gunmen killed at least 14 people. Other sources put the number of dead as high as 26."
    assert _in_sentences(text) == [("killed", 14, "at least", None), ("killed", 26, "up to", None)]


def test_a_breakdown_of_the_dead_told_before_is_no_toll() -> None:
    text = (
        "Of the dead, nine were soldiers, four were civilians and one was a police officer, "
        "according to the military."
    )
    assert _scoped(text) == []
    # a total told in the opening stays one
    assert _scoped("Of the 30 dead, 12 were children.") == [("killed", 30, "", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No one was hurt.", [("wounded", 0)]),
        ("Not one person was killed in the blast.", [("killed", 0)]),
        ("Nobody died, the governor said.", [("killed", 0)]),
        ("No one was killed or injured in the explosion.", [("killed", 0), ("wounded", 0)]),
        ("No casualties were reported.", [("killed", 0), ("wounded", 0)]),
        ("There were no injuries, police said.", [("wounded", 0)]),
        ("No life was lost in the attack, the police spokesman said.", [("killed", 0)]),
        ("No casualty was recorded.", [("killed", 0), ("wounded", 0)]),
        (
            "The rockets hit an empty field without causing any casualties.",
            [("killed", 0), ("wounded", 0)],
        ),
        ("Two guards were killed. No one else was hurt.", [("killed", 2), ("wounded", 0)]),
        # not known yet, hoped for, or with an exception: no zero
        ("There were no immediate reports of casualties.", []),
        ("It was not clear whether anyone was hurt.", []),
        ("Police cleared the street so that no one was hurt.", []),
        ("No one was killed except the bomber.", []),
        # nobody arrested, nobody claimed: no casualty word
        ("No one has claimed the attack and nobody has been arrested.", []),
    ],
)
def test_nobody_killed_or_hurt_is_a_figure_of_zero(text: str, expected: list[tuple]) -> None:
    assert [(k, v) for k, v, _, _ in figs(text)] == expected


def test_an_acronym_closing_a_groups_name_does_not_part_it_from_its_companion() -> None:
    text = "Six members of the Special Police Unit (SPU) and a civilian driver were killed."
    assert max(v for k, v, _, _ in figs(text) if k == "killed") == 7


def test_counts_at_places_after_a_toll_are_its_parts_not_rival_tolls() -> None:
    text = (
        'According to the mayor, about 60 persons were killed: "up to 45 dead at Kourfa and 15 '
        'dead at Dinga", he declared.'
    )
    assert [(m.figure.value, m.figure.scope) for m in find_figures(text, [(0, len(text))])] == [
        (60, None),
        (45, "at Kourfa"),
        (15, "at Dinga"),
    ]


def test_a_count_of_what_a_state_has_since_done_is_no_toll() -> None:
    text = (
        "Kenya has since carried out raids in which more than 40 suspected militants have been "
        "killed, rights groups say."
    )
    assert figs(text) == []


def test_the_doer_s_own_count_is_his_claim(nlp) -> None:
    """ "the attacker said he had killed four", "boasted that he had killed three": the doer's own
    word is a claim beside the report's toll, as a group's is."""
    text = (
        "A gunman shot dead a police officer in Linz on Monday. In a video posted afterwards, "
        "the attacker said he had killed four policemen."
    )
    [event] = events_of(nlp, text, "2020-06-02")
    got = {(f.value, f.is_claim) for f in event.figures if f.kind == "killed"}
    assert got == {(1, False), (4, True)}
    text = (
        "A man shot dead two tourists in Liege on Monday. In a video, the man said he belonged "
        "to IS and boasted that he had killed three tourists."
    )
    [event] = events_of(nlp, text, "2020-06-02")
    assert {(f.value, f.is_claim) for f in event.figures if f.kind == "killed"} == {
        (2, False),
        (3, True),
    }
