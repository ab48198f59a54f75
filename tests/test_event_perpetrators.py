"""Perpetrators from claims outside the event's own sentence, anaphors, negated claims and a
group's officials named as victims (small texts written for these cases)."""

from __future__ import annotations

from sitrep.records import Article, EventReport


def run(nlp, text: str, published: str = "2021-05-10") -> list[EventReport]:
    from sitrep import actors, claims
    from sitrep.events import extract_events

    article = Article(document_id="t", index=0, text=text, published=published)
    doc = nlp(text)
    found = actors.extract(doc, article)
    return extract_events(doc, article, found, claims.extract_claims(doc, article, found))


def perps(report: EventReport) -> dict[str, str]:
    return {p.name: p.basis for p in report.perpetrators}


def main(events: list[EventReport]) -> EventReport:
    return next(e for e in events if not e.background)


def test_statement_in_a_later_paragraph_is_a_claim(nlp) -> None:
    text = (
        "At least 40 people were killed when two car bombs exploded outside a ministry in "
        "Mogadishu on Saturday, police said.\n\n"
        "Al-Shabaab, the al-Qaeda-linked insurgent group, said in a statement that its fighters "
        "had carried out the bombings. The president blamed the group directly."
    )
    event = main(run(nlp, text))
    assert perps(event) == {"al-Shabaab": "claimed"}
    assert event.claimed_by == ("al-Shabaab",)


def test_blame_on_the_group_resolves_to_the_group_named_before(nlp) -> None:
    text = (
        "A car bomb killed 12 people at a market in Mogadishu on Saturday. "
        "Al-Shabaab has fought the government for years. "
        "The president blamed the group for the bombing."
    )
    event = main(run(nlp, text))
    assert perps(event) == {"al-Shabaab": "accused"}
    assert event.claimed_by == ()


def test_never_claimed_is_no_claim_and_no_attribution(nlp) -> None:
    text = (
        "A truck bomb killed more than 500 people in Mogadishu on 14 October 2017. "
        "Al-Shabaab never formally claimed that blast."
    )
    event = main(run(nlp, text, published="2017-10-20"))
    assert event.perpetrators == ()
    assert event.claimed_by == ()


def test_claiming_no_connection_is_a_denial_not_a_claim(nlp) -> None:
    text = (
        "A suicide bomber killed 30 worshippers at a mosque in Kabul on Friday. "
        "The Taliban have claimed that they had nothing to do with the bombing."
    )
    event = main(run(nlp, text))
    assert event.claimed_by == ()
    assert all(p.basis != "claimed" for p in event.perpetrators)


def test_group_official_killed_is_not_the_perpetrator(nlp) -> None:
    text = (
        "Taliban governor killed in suicide bombing in Mazar-i-Sharif\n"
        "A suicide bomber killed the Taliban governor of Balkh province at his office in "
        "Mazar-i-Sharif on Thursday, police said."
    )
    event = main(run(nlp, text, published="2023-03-09"))
    assert "Taliban" not in perps(event)


def test_admission_by_the_group_is_a_claim(nlp) -> None:
    text = (
        "Militants overran a village in Sar-e Pul province on Saturday, killing 50 people. "
        "A Taliban spokesman acknowledged that the Taliban had attacked the village but denied "
        "killing civilians."
    )
    event = main(run(nlp, text))
    assert event.claimed_by == ("Taliban",)
