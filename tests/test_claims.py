"""Claims: quote attribution, reported speech, according-to chains, denials, opinion author."""

from __future__ import annotations

import pytest

from sitrep.claims import covering_claim, extract_claims
from sitrep.claims.attribution import about_kind, find_quotes, is_statement
from sitrep.claims.lexicon import inflections, speech
from sitrep.records import Evidence, Mention, stable_id
from test_claims_support import FakeActors, actors_for, article


@pytest.fixture(scope="module")
def model():
    from sitrep.nlp import load_model

    return load_model()


def claims_of(model, text: str, people: tuple[str, ...] = ()):
    doc = model(text)
    return extract_claims(doc, article(text), actors_for(text, people))


def by_verb(claims, verb):
    found = [c for c in claims if c.verb == verb]
    assert found, f"no claim with verb {verb!r} in {[c.verb for c in claims]}"
    return found[0]


def test_inflections_cover_regular_and_y_verbs():
    assert {"denies", "denied", "denying"} <= inflections("deny")
    assert {"claims", "claimed", "claiming"} <= inflections("claim")
    assert speech().verb_lemma["said"] == "say"
    assert speech().verb_lemma["told"] == "tell"


def test_quotes_pairing_curly_straight_and_orphan():
    text = 'He said “it was a joint operation,” and later "we will respond".\nTo date, 25 bodies have been retrieved,"Enanga said.'
    spans = [text[a:b] for a, b in find_quotes(text)]
    assert "“it was a joint operation,”" in spans
    assert '"we will respond"' in spans
    assert any(s.startswith("To date, 25 bodies") for s in spans)
    assert not is_statement("“caliphate”")
    assert is_statement("“It was a joint Daesh and Taliban operation,”")


def test_quote_then_said_name_with_role(model):
    text = (
        "“According to our credible information, 50 people have been killed,” said Sharif "
        "Aminyar, the district governor of Sayad."
    )
    c = by_verb(claims_of(model, text), "say")
    assert c.speaker == "Sharif Aminyar"
    assert "district governor" in (c.speaker_role or "")
    assert c.stance == "asserts"
    assert c.about_kind == "figure"
    assert "50 people have been killed" in c.evidence.text
    assert text[c.evidence.start : c.evidence.end] == c.evidence.text


def test_surname_resolves_to_full_name_and_continuation_quote(model):
    text = (
        "Sharif Aminyar is the district governor. “It was a joint Daesh and Taliban operation,” "
        "Mr. Aminyar said. “The Taliban were led by Mullah Nader.”"
    )
    claims = claims_of(model, text, people=("Sharif Aminyar",))
    speakers = {c.speaker for c in claims if c.verb == "say"}
    assert speakers == {"Sharif Aminyar"}
    assert any("led by Mullah Nader" in c.evidence.text for c in claims)


def test_denial_with_speaker_organisation(model):
    text = (
        "Zabihullah Mujahid, a spokesman for the Taliban, denied any cooperation with the "
        "Islamic State on the operation and said local residents had misunderstood."
    )
    claims = claims_of(model, text)
    deny = by_verb(claims, "deny")
    assert deny.stance == "denies"
    assert deny.speaker == "Zabihullah Mujahid"
    assert deny.speaker_actor_id == "taliban"
    assert "spokesman" in (deny.speaker_role or "")
    assert by_verb(claims, "say").stance == "asserts"


def test_lies_is_a_denial_but_a_place_that_lies_near_the_border_is_not(model):
    said = "A Taliban spokesman said the accusations were lies."
    assert by_verb(claims_of(model, said), "say").stance == "denies"
    located = (
        "A police spokesman said the rebels attacked the school, which lies about 2 km from "
        "the border with Congo."
    )
    assert by_verb(claims_of(model, located), "say").stance == "asserts"


def test_according_to_outlet_and_chain(model):
    text = (
        "According to The Daily Caller, about 50 local police were killed on Sunday. "
        "The spokesman stated that “only 28 local militia were killed,” according to CNN."
    )
    claims = claims_of(model, text)
    first = by_verb(claims, "according to")
    assert "Daily Caller" in first.speaker and first.cited_source == first.speaker
    chained = by_verb(claims, "state")
    assert chained.cited_source == "CNN"
    assert chained.speaker != "CNN"


def test_citing_puts_the_sources_as_speaker(model):
    text = (
        "Citing two Iraqi security sources, Reuters said that Jasim was arrested on Turkish soil."
    )
    c = by_verb(claims_of(model, text), "say")
    assert "sources" in c.speaker
    assert c.cited_source == "Reuters"


def test_reported_speech_covers_the_figure(model):
    text = (
        "Afghan officials said that up to 50 people, women and children among them, lost their "
        "lives once the militants took over the area."
    )
    claims = claims_of(model, text)
    start = text.index("up to 50 people")
    c = covering_claim(claims, start, start + len("up to 50 people"))
    assert c is not None and c.speaker == "Afghan officials"
    assert c.id == stable_id("cl", "t1", 0, text.index("said"))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the parser hangs "four of them gunmen" on "said" beside the spokesman
        ("Nine people died, four of them gunmen, a police spokesman said on Monday.", "police"),
        ("Eleven people died, three of them militants, an army spokesman said on Tuesday.", "army"),
    ],
)
def test_a_share_of_the_dead_is_no_speaker(model, text, speaker):
    claims = claims_of(model, text)
    c = covering_claim(claims, 0, text.index(" people"))
    assert c is not None and c.speaker == f"{speaker} spokesman"


def test_no_claim_over_unattributed_figure(model):
    text = "The blast left at least 29 people dead in the city on Sunday."
    claims = claims_of(model, text)
    start = text.index("at least 29")
    assert covering_claim(claims, start, start + 11) is None


def test_a_speech_verb_chained_onto_a_weapons_deed_has_no_speaker(model):
    """The parser chains "told" onto "killed", whose subject is the missiles: they said
    nothing; the government's claim still covers the figure."""
    text = (
        "Islamabad said the missiles and drones killed two children and injured three girls in a "
        "village near Panjgur, recalled its ambassador and told Iran's envoy not to return."
    )
    claims = claims_of(model, text)
    assert [c.speaker for c in claims] == ["Islamabad"]
    start = text.index("two children")
    assert covering_claim(claims, start, start + 12).speaker == "Islamabad"


def test_opinion_piece_author_claims(model):
    text = (
        "Both the Taliban and the White House want you to believe that ISIS-K did it. "
        "Both of them are almost certainly lying. The reality is that the Haqqanis cooperate "
        "with ISIS-K. We have wondered how long it would take. Of course, nobody will admit it."
    )
    claims = claims_of(model, text)
    authored = [c for c in claims if c.speaker == "the author"]
    assert authored and all(c.is_opinion for c in authored)
    assert any("almost certainly lying" in c.evidence.text for c in authored)


def test_news_sentence_is_not_opinion(model):
    text = "The Taliban said they had no part in the attack. Police confirmed 25 deaths."
    claims = claims_of(model, text)
    assert not any(c.is_opinion for c in claims)
    said = by_verb(claims, "say")
    assert said.speaker == "Taliban" and said.stance == "denies"


def test_about_kind_cues():
    assert about_kind("the Islamic State claimed responsibility for the attack") == (
        "claim_of_responsibility"
    )
    assert about_kind("the Taliban were behind the bombing") == "perpetrator"
    # a denial of a part in it, the deed unnamed
    assert about_kind("any involvement") == "perpetrator"
    assert about_kind("it was not involved") == "perpetrator"
    assert about_kind("at least 29 people were killed") == "figure"
    assert about_kind("the weather was fine") is None


def test_it_speaks_for_the_organisation_last_told_of(model):
    """ "it said", "It added": the organisation that spoke last, or the one last told of as a
    subject, in its sentence or the two before; not a person, nor a thing in another clause."""
    text = (
        "Gunmen stormed a police post near Garissa on Monday, the interior ministry said. It "
        "added that four officers were missing."
    )
    added = by_verb(claims_of(model, text), "add")
    assert added.speaker == "interior ministry"
    group = (
        "ADF fighters overran an army post near Oicha on Monday. Its fighters killed nine "
        "soldiers, it said."
    )
    said = by_verb(claims_of(model, group), "say")
    assert (said.speaker, said.speaker_actor_id) == ("ADF", "allied-democratic-forces")
    # a description of the group is spoken for by the group's name
    ev = Evidence("t1", 0, 0, len("The group"), "The group")
    described = FakeActors(
        (Mention(ev, "allied-democratic-forces", "Allied Democratic Forces", "anaphor"),)
    )
    text = "The group overran an army post near Oicha on Monday. It killed nine soldiers, it said."
    said = by_verb(extract_claims(model(text), article(text), described), "say")
    assert said.speaker == "Allied Democratic Forces"
    person = (
        "Commissioner Ali Duale said gunmen stormed a police post near Garissa. It said nine "
        "officers were missing."
    )
    assert [c.speaker for c in claims_of(model, person, people=("Ali Duale",))] == ["Ali Duale"]


def test_whom_a_source_ascribes_the_deed_to_is_part_of_what_it_said(model):
    """ "attributed the attack to X": the doer after "to" is what the governor said, so a
    perpetrator read there is credited to the governor."""
    text = "The provincial governor attributed the market attack to Boko Haram on Tuesday."
    claim = by_verb(claims_of(model, text), "attribute")
    assert claim.speaker == "provincial governor"
    assert claim.about_kind == "perpetrator"
    assert claim.evidence.text.endswith("to Boko Haram")


def test_seed_s004_speakers(model, seed_records):
    text = next(r["text"] for r in seed_records if r["doc_id"] == "s004")
    claims = claims_of(model, text, people=("Sharif Aminyar", "Zabihullah Mujahid"))
    start = text.index("“Ghazanfar is not Daesh")
    c = covering_claim(claims, start, start + 20)
    assert c is not None and c.speaker == "Zabihullah Mujahid"
    start = text.index("50 people have been killed")
    c = covering_claim(claims, start, start + 10)
    assert c is not None and c.speaker == "Sharif Aminyar"
    for claim in claims:
        ev = claim.evidence
        assert text[ev.start : ev.end] == ev.text


def _claims_real(nlp, text: str):
    import sitrep.actors as actors_step

    doc = nlp(text)
    art = article(text)
    return extract_claims(doc, art, actors_step.extract(doc, art))


def test_according_to_a_name_the_parser_made_the_subject(nlp, dev_records):
    # d058: "According to local police spokesman Mohammad Asif Waziri, the attack ... left ..."
    text = next(r["text"] for r in dev_records if r["doc_id"] == "d058")
    para = next(p for p in text.split("\n") if p.startswith("According to local police"))
    claims = _claims_real(nlp, para)
    at = para.index("three people")
    c = covering_claim(claims, at, at + 5)
    assert c is not None and "Waziri" in (c.speaker or "")


def test_added_after_a_quote_belongs_to_the_reporting_speaker(nlp, dev_records):
    # d056: "“..., we do not know,” he said, and added that two people were injured as well."
    text = next(r["text"] for r in dev_records if r["doc_id"] == "d056")
    end = text.index("injured as well") + len("injured as well.")
    start = text.rfind("\n", 0, text.index("said local police spokesman Asif Waziri"))
    part = text[start + 1 : end]
    claims = _claims_real(nlp, part)
    at = part.index("two people were injured")
    c = covering_claim(claims, at, at + 3)
    assert c is not None and "Waziri" in (c.speaker or "")


def test_a_headline_ending_with_who_says_it_is_said_by_that_speaker(nlp):
    text = (
        "US airstrike kills al-Shabaab fighters near Jilib, Africa Command says\n\n"
        "U.S. Africa Command said it conducted an airstrike on Friday near Jilib."
    )
    claims = _claims_real(nlp, text)
    head = covering_claim(claims, 0, 10)
    assert head is not None
    assert (head.speaker, head.speaker_actor_id) == ("Africa Command", "africom")


def test_its_spokesman_speaks_for_the_organisation_it_stands_for(model):
    text = (
        "ADF fighters overran an army post near Oicha on Monday. Its spokesman said the fighters "
        "had killed 30 soldiers."
    )
    said = by_verb(claims_of(model, text), "say")
    assert (said.speaker, said.speaker_actor_id) == ("ADF spokesman", "allied-democratic-forces")
    assert said.speaker_role == "Its spokesman"


def test_a_wire_datelines_place_is_not_part_of_the_speaker(model):
    """ "LAGOS - Nigeria's army said ...": the dateline is where the report was filed; the
    speaker is the army. A name's own unspaced hyphens stay ("Lashkar-e-Taiba said")."""
    text = (
        "LAGOS - Nigeria's army said on Monday that its troops had repelled the attack.\n"
        "ISLAMABAD (AP) — Lashkar-e-Taiba said it was not involved.\n"
        "KANO, Nigeria, Dec 12 (Reuters) - Police in Kano said two men were arrested."
    )
    speakers = {c.speaker for c in claims_of(model, text)}
    assert "Nigeria's army" in speakers
    assert "Lashkar-e-Taiba" in speakers
    assert not any(w in s for s in speakers if s for w in ("LAGOS", "ISLAMABAD", "KANO"))


def test_the_statement_is_the_last_speakers_told_speaking_in_one(nlp):
    """'"The toll is about 90," the statement said' after "X said in a statement": X's words,
    not those of a group whose name holds "State" (the Islamic State's claim before)."""
    from sitrep import actors
    from sitrep.records import Article

    text = (
        "Suicide bombers struck churches in Colombo on Sunday. The Islamic State claimed the "
        "attacks through its Amaq news agency. Health official Ravi Perera said in a statement "
        'on Thursday that the earlier figure was wrong. "The death toll is about 90," the '
        "statement said."
    )
    article = Article(document_id="t", index=0, text=text, published="2019-04-26")
    doc = nlp(text)
    found = extract_claims(doc, article, actors.extract(doc, article))
    last = next(c for c in found if "death toll" in c.evidence.text)
    assert last.speaker == "Ravi Perera"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a name in a prepositional phrase of the speaker is not who speaks
        (
            "The toll has reached 80, the mayor's office in Goma said on Wednesday.",
            "mayor's office in Goma",
        ),
        ("A spokesman for Imran Khan said 12 people died.", "spokesman for Imran Khan"),
    ],
)
def test_a_name_after_a_preposition_is_not_the_speaker(model, text, speaker):
    claims = claims_of(model, text)
    assert [c.speaker for c in claims] == [speaker]


def test_a_claim_no_one_made_is_no_claim(model):
    text = (
        "A bomb killed 9 people in Jolo on Monday. No group has claimed responsibility. "
        "Abu Sayyaf had not claimed the attack by Tuesday. Police said nine people died."
    )
    assert [(c.speaker, c.stance) for c in claims_of(model, text)] == [("Police", "asserts")]
