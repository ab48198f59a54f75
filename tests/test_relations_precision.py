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


def test_hyphen_linked_group_is_an_unnamed_affiliate(nlp):
    text = "On April 17, an Islamic State-linked group in the Philippines ambushed a convoy."
    _, rels = _real(nlp, text)
    r = next(r for r in rels if r.type == "affiliate_of")
    assert r.b_id == "islamic-state" and r.a_id.startswith("np:") and "group" in r.a


def test_generic_fighters_described_by_a_cue_are_the_group_itself(nlp):
    text = (
        "While the Taliban and fighters affiliated with the Islamic State have fought turf "
        "battles in the east, officials said the groups often cooperate in the north."
    )
    _, rels = _real(nlp, text)
    assert [r for r in rels if r.type == "affiliate_of"] == []
    r = find(rels, "fights", "taliban", "islamic-state")
    assert r.stance == "asserted"


def test_roles_and_jobs_are_not_relations(nlp):
    text = (
        "In March, General Frank McKenzie, Commander of US Central Command, testified in "
        "Congress. Morgan said he spoke to members of a JSOC task force in Kunar. The soldiers "
        "were trying to arrest a senior commander of the Islamic State."
    )
    _, rels = _real(nlp, text)
    assert [r for r in rels if r.type == "member_of"] == []


def test_led_by_takes_its_own_clause(nlp):
    text = "“The Taliban were led by Mullah Nader and Daesh was led by Sher Mohammed Ghazanfar.”"
    _, rels = _real(nlp, text)
    assert not [r for r in rels if {r.a_id, r.b_id} == {"islamic-state", "taliban"}]


def test_one_side_after_a_preposition_and_its_coordinated_allies(nlp):
    text = (
        "While the Taliban have been resurgent, the Islamic State threat has largely remained "
        "contained. The group has been targeted by the Afghan Army and United States air power "
        "in its stronghold."
    )
    _, rels = _real(nlp, text)
    fights = {(r.a_id, r.b_id) for r in rels if r.type == "fights"}
    assert ("islamic-state", "afghan-national-army") in fights
    others = {b for a, b in fights if a == "islamic-state"} - {"afghan-national-army"}
    assert len(others) == 1 and "us" in others.pop().replace("united-states", "us")
    assert not any("islamic-state" not in pair for pair in fights)


def test_hedge_on_a_pairless_cue_carries_to_the_next_one(nlp):
    text = (
        "That may have occurred on Sunday when a supposedly joint attack was launched by a local "
        "Islamic State group affiliate alongside militants under the command of the Taliban."
    )
    _, rels = _real(nlp, text)
    r = find(rels, "cooperates_with", "islamic-state", "taliban")
    assert r.stance == "speculated"


def test_unnamed_members_of_the_speakers_group(nlp):
    text = (
        "A Taliban spokesperson disputed the report and claimed that the local commander "
        "ostensibly affiliated with the Islamic State group was actually one of their own members."
    )
    _, rels = _real(nlp, text)
    r = next(r for r in rels if r.type == "member_of")
    assert r.b_id == "taliban" and r.a_id.startswith("np:") and "commander" in r.a


def test_reported_he_is_the_unnamed_speaker(nlp):
    text = "In Paris, a motorist who rammed police said he had pledged allegiance to the Islamic State."
    _, rels = _real(nlp, text)
    r = find(rels, "pledged_allegiance_to", "np:motorist", "islamic-state")
    assert r.a == "a motorist"


def test_unparsed_subject_phrase_of_a_membership_verb(nlp):
    text = (
        "According to The Wall Street Journal, “relatively small, but growing” numbers of former "
        "members of Afghanistan’s security and intelligence agencies, are now joining ISIS-K."
    )
    _, rels = _real(nlp, text)
    r = next(r for r in rels if r.type == "member_of")
    assert r.b_id == "islamic-state-khorasan-province" and "members" in r.a


def test_pair_anaphor_skips_the_speaker(nlp):
    text = (
        "The ADF and Ahlu Sunnah Wa-Jama are active in Africa. In the spring of 2019, ISIS "
        "declared that the two groups were the armed wings of the Islamic State Central Africa "
        "Province."
    )
    _, rels = _real(nlp, text)
    assert not [r for r in rels if r.a_id == "islamic-state" or r.b_id == "islamic-state"]


def test_a_headline_restated_in_the_body_is_one_statement(nlp):
    title = "Some US-trained Afghan elite soldiers and intelligence officers are joining ISIS"
    text = (
        f"{title}\n\nSMALL BUT GROWING NUMBERS of American-trained members of Afghanistan’s elite "
        "special forces and intelligence agencies are joining the Islamic State in order to fight "
        "the Taliban, according to a new report."
    )
    _, rels = _real(nlp, text, title=title)
    members = [r for r in rels if r.type == "member_of" and r.b_id == "islamic-state"]
    assert len(members) == 1 and members[0].evidence.start > len(title)
    assert "\n" not in members[0].evidence.text


def test_country_forces_resolve_to_the_national_force(nlp):
    text = (
        "The US military assisted the French special operations forces by providing "
        "intelligence. UNITED STATES TROOPS ARE secretly re-purposing weapons in order to help "
        "the Taliban defeat the Islamic State."
    )
    _, rels = _real(nlp, text)
    find(rels, "supports", "us-armed-forces", "french-armed-forces")
    r = find(rels, "supports", "us-armed-forces", "taliban")
    assert (r.a_id, r.b_id) == ("us-armed-forces", "taliban")


def test_passive_support_with_an_unnamed_subject(nlp):
    text = (
        "Some of those joining ISIS-K have been trained in unconventional warfare by the "
        "United States, claims the paper."
    )
    _, rels = _real(nlp, text)
    assert [r for r in rels if r.type == "supports"] == []


def test_possessed_and_demonstrative_cues(nlp):
    text = (
        "Iraq is witnessing a resurgence since the group’s defeat in 2017. "
        "The Haqqani network works with ISIS-K. This partnership is a smokescreen with which the "
        "Taliban and the Haqqani network shield themselves."
    )
    _, rels = _real(nlp, text)
    pairs = {frozenset((r.a_id, r.b_id)) for r in rels}
    assert frozenset(("haqqani-network", "islamic-state-khorasan-province")) in pairs
    assert frozenset(("taliban", "haqqani-network")) not in pairs
    assert not [r for r in rels if r.type == "fights"]


def test_verb_cue_with_a_pronoun_subject_does_not_pair_its_objects(nlp):
    text = (
        "They teamed up under Ahmad Massoud, son of anti-Soviet and anti-Taliban commander Ahmad "
        "Shah Massoud. For now, the only armed resistance to the Taliban comes from ISIS-K."
    )
    _, rels = _real(nlp, text)
    assert [r for r in rels if r.type == "cooperates_with"] == []
    find(rels, "fights", "taliban", "islamic-state-khorasan-province")


def test_purpose_clause_fighters_are_the_recruits(nlp):
    text = (
        "Growing numbers of members of the Afghan special forces are joining the Islamic State "
        "in order to fight the Taliban, as they battle the government."
    )
    _, rels = _real(nlp, text)
    assert not [r for r in rels if {r.a_id, r.b_id} == {"islamic-state", "taliban"}]


def test_opening_hedge_covers_the_main_clause_not_the_relative_one(nlp):
    text = (
        "Taliban fighters teamed up with the Islamic State on Sunday. If true, the open "
        "cooperation between the militant groups, which have sometimes fought turf battles in "
        "the past, could be further trouble for the government."
    )
    _, rels = _real(nlp, text)
    hedged = [r for r in rels if r.evidence.text.startswith("If true")]
    assert {(r.type, r.stance) for r in hedged} == {
        ("cooperates_with", "speculated"),
        ("fights", "asserted"),
    }


def test_prospective_defection_is_speculated(nlp):
    text = (
        "Some sources claim that the majority of the Taliban’s foot soldiers are preparing to "
        "join the Islamic State."
    )
    _, rels = _real(nlp, text)
    member = [r for r in rels if r.type == "member_of"]
    assert member and all(r.stance == "speculated" for r in member)


def test_a_thing_used_to_fight_names_no_fighter(nlp):
    text = (
        "Kenyan troops are handing over rifles that were once used to fight al-Shabaab, so "
        "that the Somali army can battle the Islamic State. Al-Shabaab sent militants who were "
        "ordered to fight the Islamic State."
    )
    _, rels = _real(nlp, text)
    fights = {(r.a_id, r.b_id) for r in rels if r.type == "fights"}
    # the rifles fought no one; the army and the militants (people, not things) did
    assert ("kenya-defence-forces", "al-shabaab") not in fights, fights
    assert ("somali-national-army", "islamic-state") in fights, fights
    assert ("al-shabaab", "islamic-state") in fights, fights
