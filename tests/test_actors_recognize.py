"""Actor recognition on real text (the shared corpora) and on small texts written for edge cases."""

from __future__ import annotations

from collections import defaultdict

import pytest

from sitrep.actors import SPAN_KEY, ActorResult, extract, load_registry
from sitrep.actors.discover import is_discovered
from sitrep.records import Article


def _run(nlp, text: str, doc_id: str = "t") -> ActorResult:
    return extract(nlp(text), Article(doc_id, 0, text))


def _found(result: ActorResult) -> list[tuple[str, str]]:
    return [(m.evidence.text, m.actor_id) for m in result.mentions]


@pytest.fixture(scope="module")
def corpus(nlp, seed_records, dev_records) -> dict[str, tuple[str, ActorResult]]:
    """Every shared document through the pipeline, once."""
    records = [*seed_records, *dev_records]
    docs = nlp.pipe(r["text"] for r in records)
    return {
        r["doc_id"]: (r["text"], extract(doc, Article(r["doc_id"], 0, r["text"])))
        for r, doc in zip(records, docs, strict=True)
    }


def _by_actor(result: ActorResult) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for m in result.mentions:
        out[m.actor_id].add(m.evidence.text)
    return out


def test_component_sets_span_group_and_keeps_model_entities(nlp):
    doc = nlp("Taliban spokesman Zabihullah Mujahid said ISIS-K fighters attacked Kabul.")
    labels = {s.text: s.label_ for s in doc.spans[SPAN_KEY]}
    assert labels["Taliban"] == "taliban"
    assert labels["ISIS-K"] == "islamic-state-khorasan-province"
    assert {"PERSON", "GPE"} <= {e.label_ for e in doc.ents}
    assert nlp.pipe_names.index("sitrep_actors") > nlp.pipe_names.index("ner")


def test_every_evidence_slices_back_to_its_text(corpus):
    for text, result in corpus.values():
        for m in result.mentions:
            assert text[m.evidence.start : m.evidence.end] == m.evidence.text
        for person in result.people:
            for ev in person.evidence:
                assert text[ev.start : ev.end] == ev.text


def test_the_verb_is_never_a_mention(corpus):
    for doc_id, (_, result) in corpus.items():
        for m in result.mentions:
            assert (
                m.evidence.text.lower() not in {"is", "as", "us", "it"} or m.evidence.text == "IS"
            ), (
                doc_id,
                m,
            )
            if m.evidence.text == "IS":
                assert m.actor_id == "islamic-state"


def test_iskp_spellings_from_the_corpora(corpus):
    iskp = "islamic-state-khorasan-province"
    expected = {
        "s003": {"Islamic State-Khorasan Province", "ISIS-K", "ISIL-K"},
        "s002": {"Islamic State Khorasan Province", "IS-K"},
        "d012": {"IS in the province of Khorassan"},
        "d034": {"ISIS-Khorasan"},
        "d058": {"ISIS in Khorasan Province"},
        "d062": {"Islamic State in Khorasan", "Islamic State (IS) in Khorasan", "IS in Khorasan"},
        "d063": {"Islamic State of Khorasan", "IS-K"},
    }
    for doc_id, forms in expected.items():
        assert forms <= _by_actor(corpus[doc_id][1])[iskp], doc_id


def test_daesh_and_other_names_resolve_to_islamic_state(corpus):
    found = _by_actor(corpus["s004"][1])
    assert {"Daesh", "ISIS", "ISIL", "Islamic State"} <= found["islamic-state"]
    assert {"Taleban", "Taliban"} <= found["taliban"]
    assert "Daesh" in _by_actor(corpus["d016"][1])["islamic-state"]


def test_branch_named_by_province_alone(corpus):
    iscap = "islamic-state-central-africa-province"
    assert "Central African Province" in _by_actor(corpus["d038"][1])[iscap]
    assert "Islamic State’s Central Africa Province" in _by_actor(corpus["d037"][1])[iscap]


def test_al_shabab_resolved_by_country_context(corpus, nlp):
    found = _by_actor(corpus["d037"][1])
    assert "Shabaab" in found["ahlu-sunnah-wa-jama"]
    assert "Al-Shabaab" in found["al-shabaab"]  # "the al-Qaeda affiliate based in Somalia"
    somalia = _run(nlp, "Al-Shabab fighters stormed a hotel in Mogadishu, Somali police said.")
    assert ("Al-Shabab", "al-shabaab") in _found(somalia)
    mozambique = _run(
        nlp,
        "Insurgents known locally as al-Shabab raided Macomia in Cabo Delgado. Mozambican troops "
        "retook the town.",
    )
    assert ("al-Shabab", "ahlu-sunnah-wa-jama") in _found(mozambique)


def test_is_in_all_caps_headline_needs_group_context(nlp):
    verb = _run(nlp, "WHAT IS NEXT FOR AFGHANISTAN AFTER THE WITHDRAWAL\n\nThe Taliban said...")
    assert not [m for m in verb.mentions if m.evidence.text == "IS"]
    group = _run(nlp, "MOSQUE ATTACK CLAIMED BY IS KILLS 40\n\nThe attack happened on Friday.")
    assert ("IS", "islamic-state") in _found(group)
    mixed = _run(nlp, "IS fighters attacked the town. Police said the situation is calm.")
    assert [t for t, _ in _found(mixed)] == ["IS"]


def test_surname_is_not_the_group(nlp):
    result = _run(nlp, "Sirajuddin Haqqani met the delegation. The Haqqani network denied it.")
    assert _found(result) == [("Haqqani network", "haqqani-network")]


def test_a_spelling_variant_names_the_same_words(nlp):
    """A model entity is an alias spelt differently only when it has the same words, each spelt
    closely; a one-word name one letter off an alias is another name (a town is no outlet)."""
    town = _run(
        nlp,
        "Three soldiers were wounded on Tuesday when mortar rounds hit their checkpoint in "
        "al-Azim, a town in Diyala province.",
    )
    assert _found(town) == []
    ministry = _run(nlp, "The Libyan Foreign Ministry condemned the attack on Monday.")
    assert "iranian-foreign-ministry" not in {m.actor_id for m in ministry.mentions}
    variant = _run(nlp, "The Islamic Revolution Guard Corps said its drones struck targets.")
    assert ("Islamic Revolution Guard Corps", "irgc") in _found(variant)


def test_maoists_are_the_countrys_maoist_movement(nlp):
    """ "Maoists", "Maoist rebels": India's CPI (Maoist) unless the text is about Nepal, the
    Philippines or Peru."""
    india = _run(
        nlp,
        "Maoist insurgents ambushed a police patrol in Jharkhand's West Singhbhum district on "
        "Friday.",
    )
    assert _found(india) == [("Maoist insurgents", "cpi-maoist")]
    assert _found(_run(nlp, "Maoists torched two trucks overnight.")) == [("Maoists", "cpi-maoist")]
    nepal = _run(nlp, "The Maoists won the most seats in the election, Nepali officials said.")
    assert _found(nepal) == [("Maoists", "cpn-maoist-centre")]
    philippines = _run(
        nlp, "Maoist guerrillas ambushed an army patrol in Samar, the Philippine army said."
    )
    assert _found(philippines) == [("Maoist guerrillas", "new-peoples-army")]


def test_apposition_links_a_description_to_the_named_branch(nlp):
    text = (
        "The attack was claimed by the IS regional affiliate — known as the Islamic State in "
        "Khorasan Province — which has fought the Taliban."
    )
    result = _run(nlp, text)
    by_text = {m.evidence.text: m for m in result.mentions}
    assert by_text["the IS regional affiliate"].actor_id == "islamic-state-khorasan-province"
    assert by_text["the IS regional affiliate"].method == "apposition"
    assert (
        by_text["Islamic State in Khorasan Province"].actor_id == "islamic-state-khorasan-province"
    )


@pytest.mark.parametrize(
    ("text", "described", "actor_id"),
    [
        (
            "The attack was claimed by Islamic State's Afghan branch.",
            "Islamic State's Afghan branch",
            "islamic-state-khorasan-province",
        ),
        (
            "Police blamed the Somali branch of the Islamic State group for the killing.",
            "Somali branch of the Islamic State group",
            "islamic-state-somalia-province",
        ),
        (
            "The al Qaeda affiliate in Yemen said it planned the raid.",
            "al Qaeda affiliate in Yemen",
            "al-qaeda-in-the-arabian-peninsula",
        ),
        (
            "Al Qaeda's North African branch took the hostages.",
            "Al Qaeda's North African branch",
            "al-qaeda-in-the-islamic-maghreb",
        ),
    ],
)
def test_branch_described_by_its_country_or_region(nlp, text, described, actor_id):
    result = _run(nlp, text)
    assert _found(result) == [(described, actor_id)]
    assert result.mentions[0].method == "branch"


def test_country_with_several_branches_stays_with_the_parent(nlp):
    # al-Qaeda's Syrian affiliate was the Nusra Front, later Hurras al-Din: the text must say
    result = _run(nlp, "Al-Qaeda's Syrian affiliate shelled the town.")
    assert _found(result) == [("Al-Qaeda", "al-qaeda")]
    plain = _run(nlp, "Islamic State's Afghan fighters were killed.")
    assert _found(plain) == [("Islamic State", "islamic-state")]


def test_descriptive_reference_linked_only_when_unambiguous(nlp):
    one = _run(nlp, "ISKP claimed the bombing on Friday. The group said two of its fighters died.")
    coref = [m for m in one.mentions if m.method == "coreference"]
    assert [(m.evidence.text, m.actor_id) for m in coref] == [
        ("The group", "islamic-state-khorasan-province")
    ]
    two = _run(nlp, "The Taliban and ISKP have clashed in Nangarhar. The group said it won.")
    assert not [m for m in two.mentions if m.method == "coreference"]


def test_discovered_group_from_patterns(nlp):
    text = (
        "Officials blamed a little-known faction called Liwa al-Qassam Zaidi for the ambush. "
        "Liwa al-Qassam Zaidi has not commented. A man called Ahmad Rahimi was arrested."
    )
    result = _run(nlp, text)
    assert [a.name for a, _ in result.discovered] == ["Liwa al-Qassam Zaidi"]
    actor, evidence = result.discovered[0]
    assert actor.source == "discovered" and actor.kind == "armed_group"
    assert "called Liwa al-Qassam Zaidi" in evidence.text
    found = [m for m in result.mentions if m.actor_id == actor.id]
    assert len(found) == 2 and {m.method for m in found} == {"discovered"}


def test_fateh_zwak_found_in_the_corpus(corpus):
    """d016's Taliban splinter: a registry actor if the registry has it, else discovered."""
    _, result = corpus["d016"]
    ids = {m.actor_id for m in result.mentions if m.evidence.text == "Fateh Zwak"}
    assert len(ids) == 1
    assert sum(m.evidence.text == "Fateh Zwak" for m in result.mentions) == 3
    if load_registry().get(ids.pop()) is None:
        assert "Fateh Zwak" in {a.name for a, _ in result.discovered}


def test_no_discovery_of_known_groups_places_or_people(corpus):
    registry = load_registry()
    for doc_id, (_, result) in corpus.items():
        for actor, _ in result.discovered:
            assert registry.lookup(actor.name) is None, (doc_id, actor.name)
            assert actor.name not in {"Kabul", "Afghanistan", "Mozambique", "Palma"}, doc_id


def test_groups_discovered_by_their_claim_or_a_front_gloss(nlp):
    # a capitalised organisation that claims responsibility is a group; "The" is no part of its
    # name; a front glossed as another group's ("X, which is a proxy of Y") is discovered too
    claimed = _run(nlp, "The Mountain Falcons claimed responsibility for the ambush in Rajouri.")
    assert [a.name for a, _ in claimed.discovered] == ["Mountain Falcons"]
    glossed = _run(
        nlp,
        'Police said the "Valley Lions", which is a front of the Lashkar-e-Taiba, had posted a '
        "statement.",
    )
    assert [a.name for a, _ in glossed.discovered] == ["Valley Lions"]
    owned = _run(nlp, "The Chenab Resistance Brigade has owned responsibility for the blast.")
    assert [a.name for a, _ in owned.discovered] == ["Chenab Resistance Brigade"]


def test_a_gang_whose_name_opens_with_a_number_is_discovered(nlp):
    text = "Police blamed the 300 Lakay gang for the abduction. 300 Lakay has not commented."
    result = _run(nlp, text)
    assert [a.name for a, _ in result.discovered] == ["300 Lakay"]
    assert sum(m.evidence.text == "300 Lakay" for m in result.mentions) == 2
    # a count of people before a capitalised word is no name
    assert not _run(nlp, "Police said the 300 Haitian migrants were freed.").discovered


def test_a_name_may_hold_two_particles_in_a_row(nlp):
    text = "Police raided the offices of Hizb ut-Nasr, an Islamist organisation, on Monday."
    assert [a.name for a, _ in _run(nlp, text).discovered] == ["Hizb ut-Nasr"]


def test_a_word_opening_the_sentence_is_no_part_of_the_name(nlp):
    # "But the X, an armed group, ..." names X, known or newly discovered
    text = (
        "Police blamed the Baloch Liberation Front for the blast. But the Baloch Liberation "
        "Front, a separatist group, denied it. Meanwhile the Karakoram Tigers, a new outfit, "
        "claimed a second blast."
    )
    result = _run(nlp, text)
    assert [a.name for a, _ in result.discovered] == ["Karakoram Tigers"]
    fronts = {m.actor_id for m in result.mentions if "Baloch Liberation Front" in m.evidence.text}
    assert len(fronts) == 1 and not is_discovered(fronts.pop())


def test_groups_discovered_by_an_armed_head_noun(nlp):
    # "the X brigade": the head says armed group, whatever the name's words
    brigade = _run(nlp, "Officials said the Kataib al-Fajr brigade attacked the checkpoint.")
    assert [a.name for a, _ in brigade.discovered] == ["Kataib al-Fajr"]
    # a name ending in one, and one "of" the country it fights in
    front = _run(nlp, "The army blamed the Black Hills Revolutionary Front for the ambush.")
    assert [a.name for a, _ in front.discovered] == ["Black Hills Revolutionary Front"]
    party = _run(nlp, "The army blamed the Marxist Workers' Party of Bolivia for the attack.")
    assert [a.name for a, _ in party.discovered] == ["Marxist Workers' Party of Bolivia"]
    # a place or a state's force is none
    assert not _run(nlp, "Troops of the Bolivian Army patrolled the valley.").discovered


def test_a_group_whose_fighters_are_named_is_discovered_with_its_acronym(nlp):
    text = (
        "Police suspect fighters of the Sulu Freedom Front (SFF), a separatist movement, "
        "of the raid. The SFF has not commented."
    )
    result = _run(nlp, text)
    assert [a.name for a, _ in result.discovered] == ["Sulu Freedom Front"]
    found = [m.evidence.text for m in result.mentions if is_discovered(m.actor_id)]
    assert found.count("SFF") == 2
    # a body of people is no group for its members: "militants of the National Assembly" is
    # never said; its members are not discovery_members
    assert not _run(nlp, "Members of the National Assembly met on Monday.").discovered


def test_nationalities_sharing_a_head_name_each_their_own_actor(nlp):
    """ "Iraqi and Turkish intelligence": the first nationality stands for "Iraqi intelligence";
    each of a list does, when that phrase is an alias ("Somali" of "Somali troops")."""
    found = _found(_run(nlp, "The arrest was made jointly by Iraqi and Turkish intelligence."))
    assert found == [
        ("Iraqi", "iraqi-national-intelligence-service"),
        ("Turkish intelligence", "turkish-national-intelligence-organization"),
    ]
    found = _found(_run(nlp, "Kenyan, Somali and Ethiopian troops stormed the camp."))
    assert [actor for _, actor in found] == [
        "kenya-defence-forces",
        "somali-national-army",
        "ethiopian-national-defense-force",
    ]
    # a nationality whose phrase names no actor stays none ("Peruvian intelligence")
    found = _found(_run(nlp, "Peruvian and Turkish intelligence met in Lima."))
    assert found == [("Turkish intelligence", "turkish-national-intelligence-organization")]
