"""Relation precision cases: hopes, pair anaphors, generic memberships, split stances,
inverted copulas, the speaker's organisation from a role apposition."""

from __future__ import annotations

from test_relations import _real, find


def test_hoped_for_cooperation_is_not_asserted(nlp):
    text = (
        "The Taliban and al-Qaeda met in Doha. Hopefully this was not a sign of cooperative "
        "and coordinated attacks by the two groups in the future."
    )
    _, rels = _real(nlp, text)
    assert all(r.stance != "asserted" for r in rels if r.evidence.text.startswith("Hopefully"))


def test_two_partners_needs_a_named_pair(nlp):
    text = (
        "Disputes with Kenyan troops make it harder for the two partners to fight al-Shabaab "
        "together in Somalia."
    )
    _, rels = _real(nlp, text)
    assert [r for r in rels if r.type == "cooperates_with"] == []


def test_members_of_an_unnamed_body_are_not_members_of_a_later_actor(nlp):
    text = (
        "Many men, most of them members of the police and border guards, have not returned "
        "to fight the Taliban."
    )
    _, rels = _real(nlp, text)
    assert [r for r in rels if r.type == "member_of"] == []


def test_two_stances_in_one_sentence_keep_their_own_clause(nlp):
    text = (
        "Al-Qaeda and the Taliban met in Doha. "
        "A UN report said al-Qaeda remains embedded with the Taliban, despite claims by officials "
        "that the two groups are parting ways."
    )
    _, rels = _real(nlp, text)
    find(rels, "cooperates_with", "al-qaeda", "taliban")
    same = [
        r
        for r in rels
        if r.type == "cooperates_with" and {r.a_id, r.b_id} == {"al-qaeda", "taliban"}
    ]
    assert {r.stance for r in same} == {"asserted", "denied"}
    denied = next(r for r in same if r.stance == "denied")
    assert "parting ways" in denied.evidence.text and "embedded" not in denied.evidence.text


def test_inverted_copula_membership(nlp):
    text2 = "At the heart of the Taliban movement is the Haqqani network."
    _, rels2 = _real(nlp, text2)
    r = find(rels2, "member_of", "haqqani-network", "taliban")
    assert (r.a_id, r.b_id) == ("haqqani-network", "taliban")
    assert all(r.a_id != "taliban" for r in rels2)


def test_us_is_the_organisation_of_a_speaker_named_with_a_role(nlp):
    text = (
        "General Kenneth Frost, Commander of US Central Command, testified on Tuesday. "
        "He said that the Kurdish forces had received “considerable support from us”."
    )
    _, rels = _real(nlp, text)
    assert any(r.type == "supports" and r.a_id == "centcom" for r in rels), [
        (r.type, r.a_id, r.b_id) for r in rels
    ]
