"""Resolving in one city with several attacks (Kabul; a shrine attacked twice): undated reports,
month-precision publication dates, province-named places; and robust reconciled figures."""

from __future__ import annotations

from dataclasses import asdict, replace

from sitrep.records import Extraction, Figure
from sitrep.resolve import build_event, events, resolve
from sitrep.resolve.merge import make_item, place_score, score
from sitrep.resolve.reconcile import Member
from sitrep.store import Store
from test_resolve import _doc, _ev, add, report

UNI = (
    "Gunmen stormed Kabul University on Monday, killing at least 22 people, officials said. "
    "Islamic State claimed the attack."
)
SCHOOL = "A bomb exploded outside a girls' school in Kabul on Saturday, killing at least 30 people."
LATER = "The toll of the school bombing in Kabul has risen to 40, hospital officials said."


def _kabul(store: Store) -> None:
    add(
        store,
        "uni",
        UNI,
        "2020-11-02",
        "uni.com",
        report(
            "uni",
            UNI,
            type="armed_assault",
            date="2020-11-02",
            admin1="Kabul",
            place="Kabul",
            targets=("Kabul University",),
            killed=[(22, "at least", "officials", "at least 22 people")],
        ),
    )
    add(
        store,
        "school",
        SCHOOL,
        "2021-05-08",
        "school.com",
        report(
            "school",
            SCHOOL,
            type="bombing",
            date="2021-05-08",
            admin1="Kabul",
            place="Kabul",
            targets=("girls' school",),
            killed=[(30, "at least", None, "at least 30 people")],
        ),
    )


def _later(doc_id: str = "later", **kw) -> object:
    return report(
        doc_id,
        LATER,
        type="armed_assault",
        date=None,
        admin1="Kabul",
        place="Kabul",
        targets=("school",),
        killed=[(40, "", "hospital officials", "risen to 40")],
        **kw,
    )


def _event_of(store: Store, doc_id: str) -> str:
    return store.conn.execute(
        "SELECT event_id FROM resolve_links WHERE document_id = ?", (doc_id,)
    ).fetchone()[0]


def test_undated_report_joins_the_attack_its_target_and_toll_fit_not_another_in_the_city():
    store = Store(":memory:")
    _kabul(store)
    add(store, "later", LATER, None, "later.com", _later())  # no date, no publication date
    resolve(store)
    assert _event_of(store, "later") == _event_of(store, "school") != _event_of(store, "uni")
    assert len(events(store)) == 2
    # against the university report alone, the place is all it shares: a conflict, not a match
    uni, later = (
        make_item(Member(report=asdict(r)))
        for r in (
            report("uni", UNI, type="armed_assault", date="2020-11-02", admin1="Kabul",
                   place="Kabul", targets=("Kabul University",),
                   killed=[(22, "at least", None, "at least 22 people")]),
            _later(),
        )
    )  # fmt: skip
    value, parts = score(later, uni)
    assert parts["place"] == 1.0 and parts.get("undated_conflict") and value < 0.6


def test_a_date_known_only_to_the_year_does_not_tell_two_attacks_of_the_city_apart():
    """'last year' puts an airport bombing in the year of the school bombing; with other targets
    and tolls far apart it stays its own event."""
    store = Store(":memory:")
    _kabul(store)
    airport = "Last year's bombing at the Kabul airport killed 13 US service members."
    add(
        store,
        "airport",
        airport,
        "2022-03-07",
        "airport.com",
        report(
            "airport",
            airport,
            type="bombing",
            date="2021-01-01",
            precision="year",
            admin1="Kabul",
            place="Kabul",
            targets=("airport",),
            killed=[(13, "", None, "killed 13")],
        ),
    )
    resolve(store)
    assert len(events(store)) == 3
    assert _event_of(store, "airport") != _event_of(store, "school")


def test_publication_date_known_to_the_month_covers_the_month():
    store = Store(":memory:")
    _kabul(store)
    document, article = _doc("later", LATER, "2021-05-01", "later.com")
    article = replace(article, date_precision="month")  # /2021/05/ in the URL
    store.write([Extraction(document=document, articles=(article,), events=(_later(),))])
    resolve(store)
    assert _event_of(store, "later") == _event_of(store, "school")


def test_a_place_named_like_its_province_is_vaguer_than_a_city_in_it():
    text = "A blast at the governor's office in Balkh killed the governor."
    a, b, c = (
        make_item(Member(report=asdict(report("x", text, date=None, admin1="Balkh", place=p))))
        for p in ("Balkh", "Mazar-e Sharif", "Sholgara")
    )
    assert place_score(a, b) == (0.7, False)
    assert place_score(b, c) == (0.3, False)  # two towns of one province: likely two attacks


def _fig(kind: str, value: int, text: str, phrase: str, doc_id: str, **kw) -> Figure:
    return Figure(kind, value, "", evidence=_ev(doc_id, text, phrase), **kw)


def test_period_totals_and_sub_counts_do_not_stretch_the_range():
    text = (
        "Officials said 50 people are dead after the attack on Mirza Olang. Two US soldiers were "
        "killed in Kandahar. United Nations figures show that 1,662 civilians died and 3,581 "
        "were injured in the first six months of the year."
    )
    un = text[text.index("United") :]
    rep = report("d", text, type="armed_assault", date="2017-08-05",
                 killed=[(50, "", "officials", "50 people are dead")])  # fmt: skip
    figures = (
        *rep.figures,
        _fig("killed", 2, text, "Two US soldiers were killed", "d", scope="US soldiers"),
        _fig("killed", 1662, text, un, "d", scope="civilians"),
        _fig("wounded", 3581, text, un, "d"),
    )
    ev = build_event("evt_d", [Member(report=asdict(replace(rep, figures=figures)))])
    assert (ev["killed"]["low"], ev["killed"]["best"], ev["killed"]["high"]) == (50, 50, 50)
    assert ev["wounded"]["low"] is ev["wounded"]["best"] is ev["wounded"]["high"] is None
    [wounded] = ev["wounded"]["figures"]  # kept, flagged
    assert wounded["value"] == 3581 and wounded["outlier"]
    assert {f["value"] for f in ev["killed"]["figures"]} == {50, 2, 1662}


def test_a_victim_group_close_to_the_toll_still_counts_as_low():
    text = "At least 18 students were killed. Officials said 22 people were killed."
    rep = report("s", text, type="armed_assault", date="2020-11-02",
                 killed=[(22, "", "officials", "22 people were killed")])  # fmt: skip
    figures = (*rep.figures, _fig("killed", 18, text, "18 students", "s", scope="students"))
    ev = build_event("evt_s", [Member(report=asdict(replace(rep, figures=figures)))])
    assert ev["killed"]["low"] == 18


ROADSIDE = "A roadside bomb killed 9 soldiers in Nangarhar province, the army said."
MINE = "Nine troops died when their vehicle hit a mine near Jalalabad, officials said."


def _province_and_toll(date: str | None) -> int:
    """Events made of two reports agreeing on a type, a province and a toll (one names a town in
    it, the other only the province), dated ``date`` or not dated at all."""
    store = Store(":memory:")
    for doc_id, text, place, phrase in (
        ("roadside", ROADSIDE, None, "killed 9 soldiers"),
        ("mine", MINE, "Jalalabad", "Nine troops"),
    ):
        killed = [(9, "", None, phrase)]
        rep = report(doc_id, text, type="bombing", date=date, admin1="Nangarhar", place=place,
                     killed=killed)  # fmt: skip
        add(store, doc_id, text, date, f"{doc_id}.com", rep)
    resolve(store)
    return len(events(store))


def test_undated_reports_need_more_than_a_province_type_and_toll_to_merge():
    """A province, an attack type and a small toll are shared by many attacks: with a date to
    compare they make one event, without any date they are not enough."""
    assert _province_and_toll("2021-05-08") == 1
    assert _province_and_toll(None) == 2
