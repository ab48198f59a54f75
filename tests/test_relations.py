"""Relations: cue types, denials attached to the relation they deny, speculation, speakers,
people as endpoints, and the aggregation into relations.jsonl rows."""

from __future__ import annotations

import pytest

from sitrep.claims import aggregate_relations, extract_claims, extract_relations
from sitrep.records import stable_id
from test_claims_support import actors_for, article


@pytest.fixture(scope="module")
def model():
    from sitrep.nlp import load_model

    return load_model()


def relations_of(model, text: str, people: tuple[str, ...] = (), published: str | None = None):
    doc = model(text)
    art = article(text, published=published)
    actors = actors_for(text, people)
    claims = extract_claims(doc, art, actors)
    return extract_relations(doc, art, actors, claims)


def find(rels, type_, a_id, b_id):
    for r in rels:
        if r.type == type_ and {r.a_id, r.b_id} == {a_id, b_id}:
            return r
    raise AssertionError(f"no {type_} {a_id}-{b_id} in {[(r.type, r.a_id, r.b_id) for r in rels]}")


def test_joint_operation_in_quote_is_asserted_by_the_speaker(model):
    text = "“It was a joint Daesh and Taliban operation,” Mr. Aminyar said on Sunday."
    r = find(relations_of(model, text), "cooperates_with", "islamic-state", "taliban")
    assert r.stance == "asserted"
    assert "Aminyar" in (r.speaker or "")
    assert r.evidence.text in text


def test_denial_attaches_to_the_relation_it_denies(model):
    text = (
        "Zabihullah Mujahid, a spokesman for the Taliban, denied any cooperation with the "
        "Islamic State on the operation."
    )
    r = find(relations_of(model, text), "cooperates_with", "taliban", "islamic-state")
    assert r.stance == "denied"
    assert r.speaker == "Zabihullah Mujahid"


def test_pair_anaphora_and_disputed_allegation(model):
    text = (
        "The governor said the Taliban and the Islamic State group carried out the attack. "
        "However, a Taliban spokesperson vehemently disputed the allegation that the two groups "
        "had worked together."
    )
    rels = relations_of(model, text)
    r = find(rels, "cooperates_with", "taliban", "islamic-state")
    assert r.stance == "denied"
    assert "spokesperson" in (r.speaker or "")


def test_negated_cue_is_denied(model):
    text = "For years the Haqqanis have claimed that they have no connections to ISIS-K."
    r = find(
        relations_of(model, text),
        "cooperates_with",
        "haqqani-network",
        "islamic-state-khorasan-province",
    )
    assert r.stance == "denied"


@pytest.mark.parametrize(
    "text",
    [
        "A supposedly joint attack was launched by the Islamic State alongside the Taliban.",
        "The attack may illustrate a deepening cooperation between the Taliban and al-Qaeda.",
    ],
)
def test_hedged_cooperation_is_speculated(model, text):
    rels = [r for r in relations_of(model, text) if r.type == "cooperates_with"]
    assert rels and all(r.stance == "speculated" for r in rels)


def test_reportedly_stays_asserted_and_author_is_default_speaker(model):
    text = "The Taliban and the Islamic State have fought turf battles in the east."
    r = find(relations_of(model, text), "fights", "taliban", "islamic-state")
    assert r.stance == "asserted"
    assert r.speaker == "the author"


def test_pledged_allegiance_direction_and_person_endpoint(model):
    text = (
        "Several local officials say the Taliban joined forces with Sher Mohammed Ghazanfar, a "
        "local commander claiming allegiance to the Islamic State."
    )
    rels = relations_of(model, text, people=("Sher Mohammed Ghazanfar",))
    pledge = [r for r in rels if r.type == "pledged_allegiance_to"]
    assert pledge, rels
    assert pledge[0].a_id == "person:sher-mohammed-ghazanfar"
    assert pledge[0].b_id == "islamic-state"
    assert pledge[0].speaker == "Several local officials"


def test_our_commander_is_the_speakers_group(model):
    text = (
        "Zabihullah Mujahid, a spokesman for the Taliban, said local residents had misunderstood. "
        "“Ghazanfar is not Daesh — he is our commander in Sar-e-Pul,” he said."
    )
    rels = relations_of(model, text, people=("Zabihullah Mujahid", "Ghazanfar"))
    member = [r for r in rels if r.type == "member_of" and r.b_id == "taliban"]
    assert member and member[0].a_id == "person:ghazanfar"
    assert member[0].stance == "asserted"
    not_daesh = [r for r in rels if r.type == "member_of" and r.b_id == "islamic-state"]
    assert not_daesh and not_daesh[0].stance == "denied"


def test_backed_by_reverses_direction(model):
    text = "The Allied Democratic Forces, backed by the Islamic State, attacked the school."
    r = find(relations_of(model, text), "supports", "islamic-state", "allied-democratic-forces")
    assert (r.a_id, r.b_id) == ("islamic-state", "allied-democratic-forces")


def test_affiliate_noun_uses_apposition_and_possessor(model):
    text = (
        "The Islamic State Khorasan Province (IS-K), the Islamic State's Afghan affiliate, "
        "claimed the attack."
    )
    r = find(
        relations_of(model, text),
        "affiliate_of",
        "islamic-state-khorasan-province",
        "islamic-state",
    )
    assert (r.a_id, r.b_id) == ("islamic-state-khorasan-province", "islamic-state")


def test_no_relation_without_two_actors_or_in_questions(model):
    assert relations_of(model, "The Taliban clashed with police near the border.") == []
    assert relations_of(model, "Are the Taliban and the Islamic State working together?") == []


def test_report_ids_and_evidence(model):
    text = "The Haqqani network worked in tandem with ISIS-K for years."
    r = find(
        relations_of(model, text),
        "cooperates_with",
        "haqqani-network",
        "islamic-state-khorasan-province",
    )
    assert r.id == stable_id("rel", "t1", 0, r.evidence.start, r.type, r.a_id, r.b_id)
    assert text[r.evidence.start : r.evidence.end] == r.evidence.text


def test_aggregate_relations_pairs_dates_and_speakers(model):
    a = relations_of(
        model, "The Taliban clashed with the Islamic State in Nangarhar.", published="2020-01-05"
    )
    b = relations_of(
        model, "The Islamic State fought the Taliban in Kunar.", published="2021-03-01"
    )
    c = relations_of(
        model,
        "Zabihullah Mujahid, a spokesman for the Taliban, denied any cooperation with the "
        "Islamic State.",
        published="2019-07-01",
    )
    rows = aggregate_relations([*a, *b, *c])
    fights = [r for r in rows if r["type"] == "fights"]
    assert len(fights) == 1
    row = fights[0]
    assert {row["a_id"], row["b_id"]} == {"taliban", "islamic-state"}
    assert row["first_seen"] == "2020-01-05" and row["last_seen"] == "2021-03-01"
    assert row["asserted_by"] == ["the author"] and row["counts"]["asserted"] == 2
    assert len(row["evidence"]) == 2
    coop = [r for r in rows if r["type"] == "cooperates_with"]
    assert coop and coop[0]["denied_by"] == ["Zabihullah Mujahid"]
    for key in (
        "id",
        "a_id",
        "a",
        "b_id",
        "b",
        "type",
        "asserted_by",
        "denied_by",
        "first_seen",
        "last_seen",
        "evidence",
    ):
        assert key in row


def test_seed_s004_relations(model, seed_records):
    text = next(r["text"] for r in seed_records if r["doc_id"] == "s004")
    rels = relations_of(
        model,
        text,
        people=("Sher Mohammed Ghazanfar", "Zabihullah Mujahid", "Sharif Aminyar", "Mullah Nader"),
    )
    coop = [
        r
        for r in rels
        if r.type == "cooperates_with" and {r.a_id, r.b_id} == {"taliban", "islamic-state"}
    ]
    assert {r.stance for r in coop} >= {"asserted", "denied"}
    assert any(
        r.type == "fights" and {r.a_id, r.b_id} == {"taliban", "islamic-state"} for r in rels
    )
    for r in rels:
        assert text[r.evidence.start : r.evidence.end] == r.evidence.text


def _real(nlp, text: str, title: str | None = None):
    """The real chain on one text: actor component, actors.extract, claims, relations."""
    import sitrep.actors as actors_step

    doc = nlp(text)
    art = article(text, title=title)
    found = actors_step.extract(doc, art)
    claims = extract_claims(doc, art, found)
    return claims, extract_relations(doc, art, found, claims)


def test_namesake_denial_points_at_the_other_registry_actor(nlp):
    text = (
        "In Mozambique, Ahlu Sunnah Wa-Jama, known locally as Al-Shabab (no relation to the "
        "Somali group by the same name), first appeared in 2017."
    )
    _, rels = _real(nlp, text)
    r = find(rels, "affiliate_of", "ahlu-sunnah-wa-jama", "al-shabaab")
    assert r.stance == "denied"


def test_country_affiliate_resolved_from_the_registry(nlp):
    text = "The recruits are equipping the Islamic State's Afghanistan affiliate with new skills."
    _, rels = _real(nlp, text)
    r = find(rels, "affiliate_of", "islamic-state-khorasan-province", "islamic-state")
    assert (r.a_id, r.b_id) == ("islamic-state-khorasan-province", "islamic-state")


def test_group_described_as_a_country_affiliate_is_tied_to_the_parent(nlp):
    # the description resolves to the branch (ISWAP); the group it describes is the parent's
    text = "Boko Haram, the Islamic State's West African affiliate, attacked the town on Sunday."
    _, rels = _real(nlp, text)
    r = find(rels, "affiliate_of", "boko-haram", "islamic-state")
    assert (r.a_id, r.b_id) == ("boko-haram", "islamic-state")


def test_coordinated_agencies_are_both_endpoints(nlp):
    text = "The operation, carried out jointly by Iraqi and Turkish intelligence, led to an arrest."
    _, rels = _real(nlp, text)
    find(
        rels,
        "cooperates_with",
        "iraqi-national-intelligence-service",
        "turkish-national-intelligence-organization",
    )


def test_outlets_are_not_parties(nlp):
    text = "According to Reuters, the Taliban and the Islamic State carried out a joint attack."
    _, rels = _real(nlp, text)
    assert all("reuters" not in (r.a_id, r.b_id) for r in rels)
    find(rels, "cooperates_with", "taliban", "islamic-state")


def test_verb_cue_with_an_unrelated_subject_names_no_pair(nlp):
    text = "They have since been defeated by the Taliban in the north."
    _, rels = _real(nlp, text)
    assert [r for r in rels if r.type == "fights"] == []


def test_claim_about_responsibility_and_its_denial(nlp):
    text = (
        "The Islamic State claimed responsibility for the bombing, its Amaq agency said. "
        "The Taliban denied any role in the attack, a spokesman said."
    )
    claims, _ = _real(nlp, text)
    kinds = {c.verb: c.about_kind for c in claims}
    assert kinds.get("claim") == "claim_of_responsibility"
    assert kinds.get("deny") == "perpetrator"


def test_headline_glued_to_the_first_sentence_is_not_the_speaker(nlp):
    text = "Over 20 dead as gunmen storm prison\n\nOfficials said on Monday that 21 people died."
    claims, _ = _real(nlp, text)
    said = [c for c in claims if c.verb == "say"]
    assert said and said[0].speaker.lower() == "officials"
