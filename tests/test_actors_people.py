"""People: names, roles and organisations from titles and appositions, merged across mentions."""

from __future__ import annotations

import pytest

from sitrep.actors import extract
from sitrep.records import Article, Person


def _people(nlp, text: str, doc_id: str = "t") -> dict[str, Person]:
    result = extract(nlp(text), Article(doc_id, 0, text))
    return {p.name: p for p in result.people}


@pytest.fixture(scope="module")
def s004(nlp, seed_records) -> dict[str, Person]:
    record = next(r for r in seed_records if r["doc_id"] == "s004")
    return _people(nlp, record["text"], "s004")


def test_district_governor_merged_with_mr_aminyar(s004):
    aminyar = s004["Sharif Aminyar"]
    assert aminyar.role == "district governor"
    assert aminyar.organisation == "Sayad"
    texts = [e.text for e in aminyar.evidence]
    assert texts[0] == "Sharif Aminyar"
    assert texts.count("Aminyar") >= 2  # "Mr. Aminyar said ..." twice
    assert not any(p.name == "Aminyar" for p in s004.values())


def test_spokesman_for_the_taliban(s004):
    mujahid = s004["Zabihullah Mujahid"]
    assert mujahid.role == "spokesman"
    assert mujahid.organisation_id == "taliban"
    assert [e.text for e in mujahid.evidence] == ["Zabihullah Mujahid", "Mujahid"]


def test_places_taken_for_people_are_dropped(s004):
    assert "Gore" not in s004 and "Tewara" not in s004


def test_titles_before_the_name(nlp):
    people = _people(
        nlp,
        "Taliban spokesman Zabihullah Mujahid said the attack was not theirs. Sayad's district "
        "governor, Sharif Aminyar, said 50 people had died. Gen. John W. Nicholson was told. "
        "Mr. Aminyar later said Nicholson had called him.",
    )
    assert (people["Zabihullah Mujahid"].role, people["Zabihullah Mujahid"].organisation_id) == (
        "spokesman",
        "taliban",
    )
    aminyar = people["Sharif Aminyar"]
    assert (aminyar.role, aminyar.organisation) == ("district governor", "Sayad")
    assert len(aminyar.evidence) == 2
    nicholson = people["John W. Nicholson"]
    assert nicholson.role == "Gen."
    assert len(nicholson.evidence) == 2


def test_the_groups_leader_links_to_the_group(nlp):
    people = _people(
        nlp,
        "ISIS claimed the attack on Sunday. The group's leader, Abu Bakr al-Baghdadi, praised the "
        "fighters in an audio message.",
    )
    leader = people["Abu Bakr al-Baghdadi"]
    assert leader.role == "leader"
    assert leader.organisation_id == "islamic-state"
