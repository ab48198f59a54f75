"""Resolving event reports into events: merging, incrementality, reconciled figures, disputes,
grades, readers and the events.jsonl export (validated against the shared schema)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from sitrep.records import (
    Article,
    DateClue,
    Document,
    EventReport,
    Evidence,
    Extraction,
    Figure,
    Location,
    Perpetrator,
)
from sitrep.resolve import (
    EventSelection,
    build_event,
    event,
    events,
    explain,
    export_events,
    resolve,
)
from sitrep.resolve.reconcile import Member
from sitrep.store import Store


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


def _doc(doc_id: str, text: str, published: str | None, publisher: str) -> tuple[Document, Article]:
    document = Document(
        id=doc_id, source_id=doc_id, origin=f"test:{doc_id}", raw=text, publisher=publisher
    )
    article = Article(
        document_id=doc_id,
        index=0,
        text=text,
        published=published,
        date_precision="day" if published else None,
        publisher=publisher,
    )
    return document, article


def _ev(doc_id: str, text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(doc_id, 0, start, start + len(phrase), phrase)


def report(
    doc_id: str,
    text: str,
    *,
    n: int = 0,
    type: str = "suicide_bombing",
    date: str | None,
    precision: str = "day",
    country: str | None = "AF",
    admin1: str | None = None,
    place: str | None = None,
    killed: list[tuple[int, str, str | None, str]] = (),
    perps: list[tuple] = (),
    targets: tuple[str, ...] = (),
    background: bool = False,
    superseded: set[int] = frozenset(),
    claim_figures: set[int] = frozenset(),
) -> EventReport:
    figures = tuple(
        Figure(
            "killed",
            value,
            qualifier,
            according_to=who,
            evidence=_ev(doc_id, text, phrase),
            superseded=value in superseded,
            is_claim=value in claim_figures,
        )
        for value, qualifier, who, phrase in killed
    )
    perpetrators = tuple(
        Perpetrator(
            actor_id, name, basis, according_to, denied=denied, evidence=_ev(doc_id, text, phrase)
        )
        for actor_id, name, basis, according_to, denied, phrase in perps
    )
    first = text.split(".")[0]
    return EventReport(
        id=f"er-{doc_id}-{n}",
        document_id=doc_id,
        article_index=0,
        type=type,
        date=date,
        date_precision=precision if date else None,
        location=Location(
            country=country, admin1=admin1, place=place, precision="place" if place else None
        ),
        perpetrators=perpetrators,
        figures=figures,
        targets=targets,
        background=background,
        evidence=(_ev(doc_id, text, first),),
    )


def add(
    store: Store,
    doc_id: str,
    text: str,
    published: str | None,
    publisher: str,
    *reports: EventReport,
) -> None:
    document, article = _doc(doc_id, text, published, publisher)
    store.write([Extraction(document=document, articles=(article,), events=tuple(reports))])


KABUL_A = (
    "A suicide bomber struck a girls' school in Kabul on Saturday, killing at least 30 people, "
    "officials said. The Taliban denied involvement. Islamic State claimed the attack."
)
KABUL_B = (
    "At least 40 people were killed when a bomb exploded outside a school in west Kabul on "
    "Saturday, the interior ministry said."
)
HERAT = "Gunmen attacked a mosque in Herat on Saturday, killing 12 worshippers, police said."


def two_outlets(store: Store) -> None:
    add(
        store,
        "a",
        KABUL_A,
        "2021-05-08",
        "outlet-a.com",
        report(
            "a",
            KABUL_A,
            date="2021-05-08",
            admin1="Kabul",
            place="Kabul",
            targets=("girls' school",),
            killed=[(30, "at least", "officials", "at least 30 people")],
            perps=[
                (
                    "islamic-state",
                    "Islamic State",
                    "claimed",
                    None,
                    False,
                    "Islamic State claimed the attack",
                ),
                ("taliban", "Taliban", "accused", None, True, "The Taliban denied involvement"),
            ],
        ),
    )
    add(
        store,
        "b",
        KABUL_B,
        "2021-05-09",
        "outlet-b.com",
        report(
            "b",
            KABUL_B,
            type="bombing",
            date="2021-05-08",
            admin1="Kabul",
            place="west Kabul",
            targets=("school",),
            killed=[(40, "at least", "the interior ministry", "At least 40 people")],
        ),
    )


def test_two_outlets_same_attack_make_one_event(store):
    two_outlets(store)
    result = resolve(store)
    assert (result.reports, result.new_events, result.joined) == (2, 1, 1)
    [ev] = events(store)
    assert sorted(ev["documents"]) == ["a", "b"]
    assert ev["type"] == "suicide_bombing"  # tie broken by the more specific type
    assert ev["killed"]["low"] == 30 and ev["killed"]["high"] == 40
    assert {f["document_id"] for f in ev["killed"]["figures"]} == {"a", "b"}
    assert (
        store.conn.execute("SELECT count(*) FROM event_reports WHERE event_id IS NULL").fetchone()[
            0
        ]
        == 0
    )


def add_herat_mosque(store) -> None:
    """A third outlet's report of a different attack: same day and country, another city."""
    add(
        store,
        "c",
        HERAT,
        "2021-05-08",
        "outlet-c.com",
        report(
            "c",
            HERAT,
            type="armed_assault",
            date="2021-05-08",
            admin1="Herat",
            place="Herat",
            targets=("mosque",),
            killed=[(12, "", "police", "12 worshippers")],
        ),
    )


def test_same_day_same_country_different_city_stay_apart(store):
    two_outlets(store)
    add_herat_mosque(store)
    resolve(store)
    found = events(store)
    assert len(found) == 2
    herat = [e for e in found if e["location"]["admin1"] == "Herat"]
    assert herat and herat[0]["documents"] == ["c"]


def test_background_mention_joins_the_earlier_event_but_never_pulls_the_main_one(store):
    two_outlets(store)
    resolve(store)
    later = (
        "Another blast hit a mosque in Kabul on Friday, killing 8. It came weeks after the "
        "school bombing in Kabul that killed at least 40 people in May."
    )
    add(
        store,
        "d",
        later,
        "2021-06-04",
        "outlet-d.com",
        report(
            "d",
            later,
            n=0,
            type="bombing",
            date="2021-06-04",
            admin1="Kabul",
            place="Kabul",
            targets=("mosque",),
            killed=[(8, "", None, "killing 8")],
        ),
        report(
            "d",
            later,
            n=1,
            type="bombing",
            date="2021-05-08",
            admin1="Kabul",
            place="Kabul",
            targets=("school",),
            background=True,
            killed=[(40, "at least", None, "at least 40 people")],
        ),
    )
    resolve(store)
    found = {tuple(sorted(e["documents"])) for e in events(store)}
    assert found == {("a", "b", "d"), ("d",)}
    school = next(e for e in events(store) if len(e["documents"]) == 3)
    assert school["date"] == "2021-05-08"
    why = {w["report_id"]: w for w in explain(store, school["id"])}
    assert why["er-d-1"]["method"] == "background"
    assert set(why["er-d-1"]["parts"]) >= {"date", "place", "type"}


def test_rising_toll_in_one_outlet_is_not_a_dispute(store):
    early = "A bomb hit a market in Jalalabad, killing 10 people, officials said."
    late = "The toll from the Jalalabad market bombing rose to 25, officials said."
    other = (
        "Twenty-four people died in the Jalalabad market blast, a hospital official said: 24 dead."
    )
    kw = {"type": "bombing", "admin1": "Nangarhar", "place": "Jalalabad", "targets": ("market",)}
    add(
        store,
        "e1",
        early,
        "2020-08-02",
        "same.com",
        report(
            "e1",
            early,
            date="2020-08-02",
            killed=[(10, "", "officials", "killing 10 people")],
            **kw,
        ),
    )
    add(
        store,
        "e2",
        late,
        "2020-08-04",
        "same.com",
        report("e2", late, date="2020-08-02", killed=[(25, "", "officials", "rose to 25")], **kw),
    )
    add(
        store,
        "e3",
        other,
        "2020-08-04",
        "other.com",
        report(
            "e3",
            other,
            date="2020-08-02",
            killed=[(24, "", "a hospital official", "24 dead")],
            **kw,
        ),
    )
    resolve(store)
    [ev] = events(store)
    assert ev["killed"]["low"] == 10 and ev["killed"]["high"] == 25
    assert ev["killed"]["best"] in (24, 25)  # the outlet's latest figure, not its early 10
    assert not [d for d in ev["disputes"] if d["field"] == "killed"]
    assert ev["disputed"] is False


def test_figures_far_apart_at_the_same_time_are_a_dispute():
    text_a, text_b = "Officials said 10 died.", "Residents said 60 died."
    members = [
        _member("x", text_a, 10, "officials", "10 died", "2020-01-02", "x.com"),
        _member("y", text_b, 60, "residents", "60 died", "2020-01-02", "y.com"),
    ]
    ev = build_event("evt_x", members)
    [dispute] = [d for d in ev["disputes"] if d["field"] == "killed"]
    assert "10" in dispute["note"] and "60" in dispute["note"] and len(dispute["evidence"]) == 2
    assert ev["killed"]["best"] == 35


def _scoped_member(doc_id: str, text: str, etype: str, *figures: tuple[int, str]) -> Member:
    """A report of ``etype`` whose killed figures (value, scope) each quote their scope."""
    killed = [(value, "", "officials", scope) for value, scope in figures]
    rep = report(doc_id, text, type=etype, date="2021-03-01", killed=killed)
    scoped = tuple(
        replace(f, scope=scope) for f, (_, scope) in zip(rep.figures, figures, strict=True)
    )
    return Member(report=asdict(replace(rep, figures=scoped)), published="2021-03-02")


def test_attackers_deaths_stay_out_of_the_toll_unless_they_were_a_strike_s_targets():
    from sitrep.resolve.merge import make_item

    text = "Gunmen killed 3 soldiers. 2 suicide bombers and 3 Taliban militants died."
    m = _scoped_member(
        "a",
        text,
        "armed_assault",
        (3, "soldiers"),
        (2, "suicide bombers"),
        (3, "Taliban militants"),
    )
    killed = build_event("evt_a", [m])["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (3, 3, 3)
    # the attackers' 3 is a figure of its own, not the soldiers' 3 again
    assert sorted(f["scope"] for f in killed["figures"]) == [
        "Taliban militants",
        "soldiers",
        "suicide bombers",
    ]
    assert make_item(m).killed == 3
    # an airstrike's dead militants are its toll
    m = _scoped_member("b", "An airstrike killed 30 militants.", "airstrike", (30, "militants"))
    killed = build_event("evt_b", [m])["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (30, 30, 30)
    assert make_item(m).killed == 30


def _member(doc_id, text, value, who, phrase, published, publisher, **kw):
    rep = report(doc_id, text, date="2020-01-01", killed=[(value, "", who, phrase)], **kw)
    return Member(report=asdict(rep), published=published, publisher=publisher)


def test_perpetrator_claim_excluded_from_best_and_claim_vs_blame_is_contested(store):
    text = (
        "Islamic State said its fighters killed 100 people. Officials said 20 were killed and "
        "blamed the Taliban."
    )
    add(
        store,
        "p",
        text,
        "2021-03-25",
        "p.com",
        report(
            "p",
            text,
            type="armed_assault",
            date="2021-03-24",
            country="MZ",
            admin1="Cabo Delgado",
            place="Palma",
            killed=[
                (100, "", "Islamic State", "killed 100 people"),
                (20, "", "officials", "20 were killed"),
            ],
            claim_figures={100},
            perps=[
                ("islamic-state", "Islamic State", "claimed", "Amaq", False, "Islamic State said"),
                ("taliban", "Taliban", "accused", "officials", False, "blamed the Taliban"),
            ],
        ),
    )
    resolve(store)
    [ev] = events(store)
    assert ev["killed"]["best"] == 20 and ev["killed"]["high"] == 100
    assert ev["attribution_grade"] == "contested" and ev["disputed"]
    [dispute] = [d for d in ev["disputes"] if d["field"] == "perpetrators"]
    assert "claimed by Islamic State" in dispute["note"] and "blamed on Taliban" in dispute["note"]
    assert all(p["disputed"] for p in ev["perpetrators"])
    assert events(store, EventSelection(grade="contested")) and not events(
        store, EventSelection(grade="claimed")
    )


def test_claim_alone_is_claimed_and_official_blame_is_attributed():
    claim = "Islamic State claimed the attack on the embassy."
    blame = "Police blamed the ADF for the attack on the school."
    m1 = Member(
        report=asdict(
            report(
                "c1",
                claim,
                date="2022-09-05",
                perps=[
                    (
                        "islamic-state-khorasan-province",
                        "ISKP",
                        "claimed",
                        None,
                        False,
                        "claimed the attack",
                    )
                ],
            )
        )
    )
    m2 = Member(
        report=asdict(
            report(
                "c2",
                claim,
                date="2022-09-05",
                perps=[
                    (
                        "islamic-state",
                        "Islamic State",
                        "attributed",
                        "a spokesman",
                        False,
                        "Islamic State",
                    )
                ],
            )
        )
    )
    ev = build_event("evt_c", [m1, m2])
    assert ev["attribution_grade"] == "claimed", ev["disputes"]  # a branch and its parent agree
    m3 = Member(
        report=asdict(
            report(
                "c3",
                blame,
                date="2023-06-16",
                country="UG",
                perps=[
                    (
                        "allied-democratic-forces",
                        "ADF",
                        "attributed",
                        "police",
                        False,
                        "Police blamed the ADF",
                    )
                ],
            )
        )
    )
    assert build_event("evt_d", [m3])["attribution_grade"] == "attributed"
    m4 = Member(report=asdict(report("c4", blame, date="2023-06-16", country="UG")))
    assert build_event("evt_e", [m4])["attribution_grade"] == "unknown"


def _perp_member(doc_id: str, text: str, *perps: tuple, country: str = "AF", named=()) -> Member:
    rep = report(doc_id, text, date="2022-09-05", country=country, perps=list(perps))
    return Member(report=asdict(rep), named=frozenset(named))


def test_a_claim_by_the_parent_is_filed_under_the_branch_the_reports_name():
    claim = "Islamic State claimed the bombing, its Amaq agency said."
    blame = "Officials blamed the Taliban and the Haqqani network for the bombing."
    is_claim = ("islamic-state", "Islamic State", "claimed", "Amaq", False, "Islamic State")
    # the branch is a perpetrator in another outlet's report: one claimant, the branch
    branch = Member(
        report=asdict(
            report(
                "b2",
                claim,
                date="2022-09-05",
                perps=[
                    (
                        "islamic-state-khorasan-province",
                        "ISKP",
                        "attributed",
                        None,
                        False,
                        "Islamic State",
                    )
                ],
            )
        )
    )
    ev = build_event("evt_b", [_perp_member("b1", claim, is_claim), branch])
    assert ev["claimed_by"] == ["Islamic State Khorasan Province"]
    assert [p["actor_id"] for p in ev["perpetrators"]] == ["islamic-state-khorasan-province"]
    # the branch only mentioned: it counts where the event is in the branch's country ...
    ev = build_event(
        "evt_m", [_perp_member("m1", claim, is_claim, named={"islamic-state-khorasan-province"})]
    )
    assert ev["claimed_by"] == ["Islamic State Khorasan Province"]
    # ... and not for an attack elsewhere (an Iranian shrine; ISKP named in the background)
    ev = build_event(
        "evt_i",
        [
            _perp_member(
                "i1", claim, is_claim, country="IR", named={"islamic-state-khorasan-province"}
            )
        ],
    )
    assert ev["claimed_by"] == ["Islamic State"]
    # a branch covers its own branches' countries: ISCAP (registry country CD) in Mozambique,
    # where its branch Ahlu Sunnah Wa-Jama fights
    ev = build_event(
        "evt_z",
        [
            _perp_member(
                "z1",
                claim,
                is_claim,
                country="MZ",
                named={"islamic-state-central-africa-province"},
            )
        ],
    )
    assert ev["claimed_by"] == ["Islamic State Central Africa Province"]
    # a local network the police only suspect is no branch the parent claimed for: the claim
    # stays the Islamic State's, the suspicion stays the network's
    suspect = "Police suspect a cell of Jamaah Ansharut Daulah; Islamic State claimed the attack."
    ev = build_event(
        "evt_s",
        [
            _perp_member(
                "s1",
                suspect,
                is_claim,
                (
                    "jamaah-ansharut-daulah",
                    "Jamaah Ansharut Daulah",
                    "suspected",
                    "Police",
                    False,
                    "Jamaah Ansharut Daulah",
                ),
                country="ID",
                named={"jamaah-ansharut-daulah"},
            )
        ],
    )
    assert ev["claimed_by"] == ["Islamic State"]
    got = {p["actor_id"]: p["basis"] for p in ev["perpetrators"]}
    assert got == {"islamic-state": "claimed", "jamaah-ansharut-daulah": "suspected"}
    # the Taliban are not a branch claimant: blaming them is not blaming the Haqqani network
    ev = build_event(
        "evt_t",
        [
            _perp_member(
                "t1",
                blame,
                ("taliban", "Taliban", "attributed", "officials", False, "the Taliban"),
                ("haqqani-network", "Haqqani Network", "attributed", "officials", False, "Haqqani"),
            )
        ],
    )
    assert {p["actor_id"] for p in ev["perpetrators"]} == {"taliban", "haqqani-network"}


def test_incremental_resolve_touches_only_the_new_reports_event(store):
    two_outlets(store)
    add_herat_mosque(store)
    resolve(store)
    before = {r[0]: r[1] for r in store.conn.execute("SELECT id, data FROM events")}
    again = resolve(store)
    assert again.reports == 0 and again.touched == []
    later = "The death toll of the Herat mosque attack rose to 15, police said."
    add(
        store,
        "f",
        later,
        "2021-05-09",
        "outlet-f.com",
        report(
            "f",
            later,
            type="armed_assault",
            date="2021-05-08",
            admin1="Herat",
            place="Herat",
            targets=("mosque",),
            killed=[(15, "", "police", "rose to 15")],
        ),
    )
    result = resolve(store)
    herat = next(e for e in events(store) if e["location"]["admin1"] == "Herat")
    assert result.touched == [herat["id"]] and result.joined == 1
    after = {r[0]: r[1] for r in store.conn.execute("SELECT id, data FROM events")}
    assert set(after) == set(before)
    assert all(after[k] == before[k] for k in after if k != herat["id"])
    # two outlets (12 and 15): the median of their latest figures
    assert herat["killed"]["best"] == 14 and sorted(herat["documents"]) == ["c", "f"]


def undated_school_bombing(doc_id: str, text: str) -> EventReport:
    """A report, with no date of its own, of the girls' school bombing in Kabul of
    :func:`two_outlets`."""
    return report(
        doc_id,
        text,
        type="bombing",
        date=None,
        admin1="Kabul",
        place="Kabul",
        targets=("girls' school",),
    )


def test_undated_report_blocks_on_place_and_joins(store):
    two_outlets(store)
    undated = "Mourners buried the victims of the bombing at the girls' school in Kabul."
    add(
        store,
        "u",
        undated,
        None,
        "u.com",
        undated_school_bombing("u", undated),
    )
    resolve(store)
    assert len(events(store)) == 1


def test_an_undated_report_is_dated_by_its_event_when_the_day_it_names_fits(store):
    """A page without a date that says "on Saturday" is dated by the Saturday its event happened
    on; the report keeps no date of its own, and its words show where the day came from."""
    two_outlets(store)  # a school bombing in Kabul on Saturday 2021-05-08
    text = "On Saturday a bomb went off outside the girls' school in Kabul, killing 30 students."
    rep = undated_school_bombing("u", text)
    add(
        store,
        "u",
        text,
        None,
        "u.com",
        replace(rep, date_clue=DateClue(_ev("u", text, "On Saturday"), weekday=5)),
    )
    resolve(store)
    [ev] = events(store)
    assert [(a["document_id"], a["date"]) for a in ev["anchored"]] == [("u", "2021-05-08")]
    side = {r["document_id"]: r for r in event(store, ev["id"])["reports"]}
    assert (side["u"]["date"], side["u"]["date_clue"]) == ("2021-05-08", "On Saturday")
    assert (side["a"]["date"], side["a"]["date_clue"]) == ("2021-05-08", None)
    # the export keeps to the events' own fields
    assert "anchored" not in next(export_events(store))


def test_an_earlier_event_told_on_an_undated_page_is_not_one_after_the_page_s_main_event(store):
    """An undated page reports a school bombing that turns out to be May 2021's, and mentions "an
    attack on a mosque in Herat in March". Two Herat mosque attacks in March are known, 2021's
    and (after the school bombing) 2022's: the mention is the earlier one, even though its
    wording is nearer the later one's."""
    two_outlets(store)  # the school bombing, Kabul, 2021-05-08
    for doc_id, day in (("m21", "2021-03-12"), ("m22", "2022-03-11")):
        text = f"Gunmen attacked a mosque in Herat, killing 12 worshippers ({day})."
        rep = report(
            doc_id,
            text,
            type="armed_assault",
            date=day,
            admin1="Herat",
            place="Herat",
            targets=("mosque",),
            killed=[(12, "", None, "12 worshippers")] if doc_id == "m22" else [],
        )
        add(store, doc_id, text, day, f"{doc_id}.com", rep)
    resolve(store)
    text = (
        "A bomb went off outside the girls' school in Kabul, killing 30 students. Gunmen attacked"
        " a mosque in Herat in March, killing 12 worshippers."
    )
    main = undated_school_bombing("u", text)
    passing = report(
        "u",
        text,
        n=1,
        type="armed_assault",
        date=None,
        admin1="Herat",
        place="Herat",
        targets=("mosque",),
        background=True,
        killed=[(12, "", None, "12 worshippers")],
    )
    clue = DateClue(_ev("u", text, "in March"), month=3)
    add(store, "u", text, None, "u.com", main, replace(passing, date_clue=clue))
    resolve(store)
    docs = {tuple(sorted(e["documents"])): e for e in events(store)}
    assert set(docs) == {("a", "b", "u"), ("m21", "u"), ("m22",)}
    anchored = docs[("m21", "u")]["anchored"]
    assert [(a["document_id"], a["date"]) for a in anchored] == [("u", "2021-03-12")]


def test_the_day_an_undated_report_names_must_fit_and_votes_for_the_event_day():
    text = "A bomb went off outside a school in Kabul, killing 30 students."

    def member(doc_id: str, date: str | None, clue: DateClue | None = None, **kw) -> Member:
        rep = replace(report(doc_id, text, type="bombing", date=date), date_clue=clue)
        return Member(report=asdict(rep), publisher=f"{doc_id}.com", **kw)

    saturday = DateClue(_ev("u", text, "A bomb"), weekday=5)
    friday = DateClue(_ev("u", text, "A bomb"), weekday=4)
    may_8 = DateClue(_ev("u", text, "A bomb"), month=5, day=8)
    a, b = member("a", "2021-05-07"), member("b", "2021-05-08")  # a Friday and a Saturday
    # two outlets, two days: the earliest, unless an undated report names the other's weekday
    assert build_event("e", [a, b])["date"] == "2021-05-07"
    ev = build_event("e", [a, b, member("u", None, saturday)])
    assert (ev["date"], [x["report_id"] for x in ev["anchored"]]) == ("2021-05-08", ["er-u-0"])
    # a day that does not fit dates nothing
    assert build_event("e", [b, member("u", None, friday)])["anchored"] == []
    assert len(build_event("e", [b, member("u", None, may_8)])["anchored"]) == 1
    # nor does a day after the page was published (known by its month only)
    late = member("u", None, saturday, published="2021-04-01", published_precision="month")
    assert build_event("e", [b, late])["anchored"] == []
    # a week-precision event has no day to give
    week = Member(report=asdict(report("w", text, date="2021-05-03", precision="week")))
    assert build_event("e", [week, member("u", None, saturday)])["anchored"] == []
    # a month alone ("in May") fits any day of it, and only breaks no tie
    may = DateClue(_ev("u", text, "A bomb"), month=5)
    ev = build_event("e", [a, b, member("u", None, may)])
    assert ev["date"] == "2021-05-07" and [x["report_id"] for x in ev["anchored"]] == ["er-u-0"]
    assert (
        build_event("e", [b, member("u", None, DateClue(_ev("u", text, "A bomb"), month=6))])[
            "anchored"
        ]
        == []
    )
    # "today" on an undated page fits the day of the reports it joins, and votes for none
    today = DateClue(_ev("u", text, "A bomb"))
    ev = build_event("e", [a, b, member("u", None, today)])
    assert ev["date"] == "2021-05-07" and [x["date"] for x in ev["anchored"]] == ["2021-05-07"]
    late = member("u", None, today, published="2021-04-01", published_precision="month")
    assert build_event("e", [b, late])["anchored"] == []


def test_a_report_dated_by_month_or_year_takes_its_event_s_day_within_it():
    """ "In May 2021, a bomb went off ...": the reports that tell the day date it, if the day
    lies in its month (or year); its own date still counts only as the month."""
    text = "In May 2021, a bomb went off outside a school in Kabul, killing 30 students."

    def member(doc_id: str, date: str, precision: str, clue: bool = True) -> Member:
        words = DateClue(_ev(doc_id, text, "In May 2021")) if clue else None
        rep = replace(report(doc_id, text, date=date, precision=precision), date_clue=words)
        return Member(report=asdict(rep), publisher=f"{doc_id}.com")

    day = member("b", "2021-05-08", "day", clue=False)
    ev = build_event("e", [day, member("m", "2021-05-01", "month")])
    assert [(x["report_id"], x["date"], x["evidence"]["text"]) for x in ev["anchored"]] == [
        ("er-m-0", "2021-05-08", "In May 2021")
    ]
    in_year = build_event("e", [day, member("y", "2021-01-01", "year")])["anchored"]
    assert [(x["report_id"], x["date"]) for x in in_year] == [("er-y-0", "2021-05-08")]
    assert build_event("e", [day, member("j", "2021-06-01", "month")])["anchored"] == []
    assert build_event("e", [day, member("w", "2021-05-10", "week")])["anchored"] == []


def test_undated_report_sharing_only_city_and_group_starts_its_own_event(store):
    """Without any date, Kabul and ISKP are shared by every ISKP attack in Kabul: a report that
    shares nothing of the attack itself (target, toll, wording) must not join one."""
    mosque = "A suicide bomber killed 20 worshippers at a Shiite mosque in Kabul. ISKP claimed it."
    add(
        store,
        "m",
        mosque,
        "2022-03-05",
        "m.com",
        report(
            "m",
            mosque,
            date="2022-03-04",
            admin1="Kabul",
            place="Kabul",
            targets=("Shiite mosque",),
            killed=[(20, "", None, "killed 20 worshippers")],
            perps=[("islamic-state-khorasan-province", "ISKP", "claimed", None, False, "ISKP")],
        ),
    )
    campus = "Officials accused the Haqqani network and the ISKP of backing the Kabul assault."
    add(
        store,
        "c",
        campus,
        None,
        "c.com",
        report(
            "c",
            campus,
            type="armed_assault",
            date=None,
            admin1="Kabul",
            place="Kabul",
            perps=[
                ("islamic-state-khorasan-province", "ISKP", "accused", "officials", False, "ISKP")
            ],
        ),
    )
    resolve(store)
    assert len(events(store)) == 2
    [joined] = [r for r in explain(store, events(store)[0]["id"]) if r["document_id"] == "c"] or [
        r for r in explain(store, events(store)[1]["id"]) if r["document_id"] == "c"
    ]
    assert joined["method"] == "new" and joined["parts"]["nearest"]["undated_conflict"]


def test_readers_filters_and_side_by_side(store):
    two_outlets(store)
    add_herat_mosque(store)
    resolve(store)
    assert len(events(store, EventSelection(country="af"))) == 2
    assert [e["type"] for e in events(store, EventSelection(type="armed_assault"))] == [
        "armed_assault"
    ]
    assert len(events(store, EventSelection(actor="islamic-state"))) == 1
    assert len(events(store, EventSelection(actor="Islamic State"))) == 1  # by name too
    assert events(store, EventSelection(since="2021-05-09")) == []
    assert len(events(store, limit=1)) == 1 and len(events(store, limit=1, offset=1)) == 1
    assert next(e["killed"]["best"] for e in events(store, sort="-killed")) >= 30
    kabul = events(store, EventSelection(actor="islamic-state"))[0]
    full = event(store, kabul["id"][:12])
    assert full is not None and len(full["reports"]) == 2
    side = {r["document_id"]: r for r in full["reports"]}
    assert side["a"]["publisher"] == "outlet-a.com" and side["a"]["published"] == "2021-05-08"
    assert side["a"]["figures"][0]["according_to"] == "officials"
    assert {p["name"] for p in side["a"]["perpetrators"]} == {"Islamic State", "Taliban"}
    assert event(store, "evt_nope") is None
    with pytest.raises(ValueError):
        events(store, sort="colour")


def test_include_affiliates():
    from sitrep.actors.registry import load_registry

    assert "islamic-state-khorasan-province" in load_registry().descendants("islamic-state")
    s = Store(":memory:")
    text = "ISKP claimed the bombing near the Russian embassy in Kabul."
    add(
        s,
        "k",
        text,
        "2022-09-05",
        "k.com",
        report(
            "k",
            text,
            date="2022-09-05",
            admin1="Kabul",
            place="Kabul",
            perps=[
                ("islamic-state-khorasan-province", "ISKP", "claimed", None, False, "ISKP claimed")
            ],
        ),
    )
    resolve(s)
    assert events(s, EventSelection(actor="Islamic State")) == []
    assert len(events(s, EventSelection(actor="Islamic State", include_affiliates=True))) == 1
    assert (
        len(events(s, EventSelection(actor="Daesh", include_affiliates=True))) == 1
    )  # any alias names the parent
    assert len(events(s, EventSelection(actor="IS-K"))) == 1


def test_export_rows_validate_against_the_schema(store, shared_dir: Path):
    import jsonschema

    schema = json.loads((shared_dir / "schema/events.schema.json").read_text(encoding="utf-8"))
    two_outlets(store)
    bare = "Something happened."
    add(
        store,
        "z",
        bare,
        None,
        "z.com",
        replace(report("z", bare, date=None, country=None), evidence=()),
    )
    resolve(store)
    rows = list(export_events(store))
    assert len(rows) == 2
    for row in rows:
        jsonschema.validate(row, schema)
        for ev in row["evidence"]:
            text = store.conn.execute(
                "SELECT text FROM articles WHERE document_id = ?", (ev["document_id"],)
            ).fetchone()[0]
            assert text[ev["start"] : ev["end"]] == ev["text"]


def test_dev_gold_synthetic_reports_merge_into_the_gold_events(dev_gold, dev_records):
    """Reports built from the dev gold (dates ± noise, spelling variants, compatible types) resolved
    in two incremental batches give one event per gold event, ranges and dispute flags as gold."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from synthetic import gold_extractions  # gold-derived reports live with the benchmarks

    s = Store(":memory:")
    extractions = gold_extractions(
        dev_gold["gold_events"], dev_gold["gold_docs"], dev_records, seed=3
    )
    s.write(extractions[::2])
    resolve(s)
    s.write(extractions[1::2])
    resolve(s)
    gold = {g["doc_id"]: g["main_event_id"] for g in dev_gold["gold_docs"] if g["main_event_id"]}
    main = {
        r[0]: r[1]
        for r in s.conn.execute(
            "SELECT document_id, event_id FROM event_reports WHERE background = 0"
        )
    }
    by_gold: dict[str, set[str]] = {}
    for doc, gid in gold.items():
        by_gold.setdefault(gid, set()).add(main[doc])
    assert all(len(v) == 1 for v in by_gold.values()), by_gold
    assert len({next(iter(v)) for v in by_gold.values()}) == len(
        by_gold
    )  # no two gold events merged
    rows = {e["id"]: e for e in export_events(s)}
    for ge in dev_gold["gold_events"]:
        ev = rows[next(iter(by_gold[ge["event_id"]]))]
        if ge["killed"]["low"] is not None:
            assert (
                ev["killed"]["low"] <= ge["killed"]["high"]
                and ge["killed"]["low"] <= ev["killed"]["high"]
            )
        disputed = any(d["field"] == "perpetrators" for d in ev["disputes"])
        assert disputed == ge["attribution_disputed"], (ge["event_id"], ev["disputes"])


def test_a_discovered_claimant_is_one_perpetrator_not_two():
    """A group the registry lacks is a report's perpetrator under its discovered id and its
    claimant by name: the event names it once, not once per id."""
    text = "A little-known group, Kataib Nur al-Haqq, said it carried out the attack."
    perp = ("discovered_1234abcd", "Kataib Nur al-Haqq", "claimed", None, False, "Kataib")
    rep = replace(report("k1", text, date="2022-09-05", perps=[perp]), claimed_by=(perp[1],))
    ev = build_event("evt_k", [Member(report=asdict(rep))])
    assert [p["name"] for p in ev["perpetrators"]] == ["Kataib Nur al-Haqq"]
    assert ev["claimed_by"] == ["Kataib Nur al-Haqq"]


def test_cli_and_web_select_the_same_events_for_a_group_the_registry_lacks(store):
    """A perpetrator the registry does not know is filed under its slug; the CLI reader and the
    web pages share one filter, so both find its events (the web once missed them)."""
    from sitrep.web.queries import EventFilter, count_events, list_events

    text = "Officials blamed Fateh Zwak, a Taliban splinter group, for the university attack."
    add(
        store,
        "f",
        text,
        "2020-11-03",
        "f.com",
        report(
            "f",
            text,
            type="armed_assault",
            date="2020-11-02",
            place="Kabul",
            admin1="Kabul",
            perps=[(None, "Fateh Zwak", "accused", "officials", False, "Fateh Zwak")],
        ),
    )
    two_outlets(store)
    resolve(store)
    cli = {e["id"] for e in events(store, EventSelection(actor="Fateh Zwak"))}
    assert len(cli) == 1
    web = {e["id"] for e in list_events(store, EventFilter(actor="Fateh Zwak"))}
    assert web == cli and count_events(store, EventFilter(actor="Fateh Zwak")) == 1
    assert {
        e["id"] for e in events(store, EventSelection(until="2020-11"))
    } == cli  # a month prefix


def test_a_total_that_counts_the_attackers_is_not_the_victims_toll():
    """ "Six guards and two attackers were killed" gives 6, 2 and a total of 8: the toll is 6,
    whichever group the total names last."""
    for scope in ("attackers and guards", "guards and attackers", "gunmen, guards"):
        text = f"Six guards were killed. In all 8 {scope} died."
        m = _scoped_member("a", text, "armed_assault", (6, "guards"), (8, scope))
        killed = build_event("evt_a", [m])["killed"]
        assert (killed["low"], killed["best"], killed["high"]) == (6, 6, 6), scope


def test_a_stated_total_that_adds_the_attackers_dead_is_not_the_victims_toll():
    """ "killing four civilians ... the two bombers also died, bringing the total death toll to
    six": the toll is 4, the bombers' 2 apart, the 6 kept in figures but not as the toll."""
    text = "Four civilians were killed. The two bombers also died, bringing the toll to 6 people."
    m = _scoped_member(
        "a", text, "suicide_bombing", (4, "civilians"), (2, "bombers"), (6, "people")
    )
    killed = build_event("evt_a", [m])["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (4, 4, 4)
    assert sorted(f["value"] for f in killed["figures"]) == [2, 4, 6]
    # a total that is not the sum is the victims' toll (the attackers' dead aside)
    text = "Four civilians were killed. The two bombers also died. In all 9 people died."
    m = _scoped_member(
        "b", text, "suicide_bombing", (4, "civilians"), (2, "bombers"), (9, "people")
    )
    killed = build_event("evt_b", [m])["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (4, 9, 9)


def test_best_is_the_figure_a_report_stands_behind_not_the_hearsay_it_passes_on():
    text = (
        "The Borno police commissioner said 25 people died in the raid on Gubio. "
        "Villagers said between 60 and 70 people were killed. "
        "Some herders said they believed more than 150 people had died."
    )
    rep = report(
        "h",
        text,
        type="armed_assault",
        date="2022-02-06",
        country="NG",
        killed=[
            (25, "", "The Borno police commissioner", "said 25 people died in the raid on Gubio"),
            (60, "between", "Villagers", "Villagers said between 60 and 70 people were killed."),
            (150, "more than", None, "Some herders said they believed more than 150 people"),
        ],
    )
    ranged = tuple(replace(f, value_high=70) if f.value == 60 else f for f in rep.figures)
    m = Member(
        report=asdict(replace(rep, figures=ranged)), published="2022-02-07", publisher="h.com"
    )
    ev = build_event("evt_h", [m])
    assert (ev["killed"]["low"], ev["killed"]["best"], ev["killed"]["high"]) == (25, 25, 150)
    [dispute] = [d for d in ev["disputes"] if d["field"] == "killed"]
    assert "25 (The Borno police commissioner" in dispute["note"]
    # with no other estimate of the whole toll, what residents said is the report's figure
    alone = report(
        "r", text, date="2022-02-06", killed=[(60, "", "Villagers", "Villagers said between")]
    )
    ev = build_event("evt_r", [Member(report=asdict(alone), published="2022-02-07")])
    assert ev["killed"]["best"] == 60 and not ev["disputes"]


def test_an_arrest_never_joins_the_attack_it_follows(store):
    attack = (
        "A man stabbed four people to death at a wine festival in Bruges on Friday, police said."
    )
    arrest = "Police arrested a 24-year-old suspect in Bruges on Saturday, prosecutors said."
    kw = {"country": "BE", "admin1": "West Flanders", "place": "Bruges"}
    add(
        store,
        "s1",
        attack,
        "2022-07-09",
        "s.com",
        report(
            "s1",
            attack,
            type="armed_assault",
            date="2022-07-08",
            killed=[(4, "", "police", "stabbed four people to death")],
            **kw,
        ),
        report("s1", arrest, n=1, type="arrest_or_capture", date="2022-07-09", **kw),
    )
    add(
        store,
        "s2",
        arrest,
        "2022-07-10",
        "t.com",
        report("s2", arrest, type="arrest_or_capture", date="2022-07-09", **kw),
    )
    resolve(store)
    by_type = {ev["type"]: ev for ev in events(store)}
    assert sorted(by_type) == ["armed_assault", "arrest_or_capture"]
    assert by_type["armed_assault"]["killed"]["best"] == 4
    assert sorted(by_type["arrest_or_capture"]["documents"]) == ["s1", "s2"]
    assert by_type["arrest_or_capture"]["killed"]["best"] is None


def test_an_abduction_told_as_an_assault_by_some_reports_is_a_kidnapping():
    text = "Gunmen stormed a girls' school in Jangebe on Friday and abducted 80 pupils."
    members = [
        Member(
            report=asdict(report(d, text, type=t, date="2021-02-26", country="NG")),
            published="2021-02-27",
            publisher=f"{d}.com",
        )
        for d, t in (("k1", "armed_assault"), ("k2", "kidnapping"), ("k3", "armed_assault"))
    ]
    assert build_event("evt_k", members)["type"] == "kidnapping"
    assert build_event("evt_k", members[:2])["type"] == "kidnapping"
    # a general type alone stays what it is
    assert build_event("evt_a", [members[0], members[2]])["type"] == "armed_assault"


def test_a_denial_by_a_group_no_one_names_is_shown_but_contests_nothing():
    # "No group has claimed responsibility. X said in a statement that it was not involved":
    # the analyst sees who denied, and the attribution stays unknown, not contested
    text = (
        "A suicide bomber killed 20 people at a rally in Bannu on Friday. Lashkar-e-Jhangvi said "
        "in a statement that it was not involved."
    )
    denial = {
        "speaker": "Lashkar-e-Jhangvi",
        "speaker_actor_id": "lashkar-e-jhangvi",
        "stance": "denies",
        "evidence": asdict(_ev("d1", text, "Lashkar-e-Jhangvi said in a statement")),
    }
    member = Member(report=asdict(report("d1", text, date="2021-05-07")), denials=(denial,))
    ev = build_event("evt_d", [member])
    assert ev["perpetrators"] == []
    assert [d["note"] for d in ev["disputes"]] == [
        "Lashkar-e-Jhangvi: involvement denied (Lashkar-e-Jhangvi)"
    ]
    assert ev["attribution_grade"] == "unknown"


def test_a_group_blamed_and_denying_stays_blamed_and_the_event_is_contested():
    # "The minister said the PKK was responsible ... The PKK said it had nothing to do with it":
    # the blame stands by the minister's word, the denial is the group's, and that is a dispute
    text = (
        "Interior Minister Hakan Yilmaz said the Kurdistan Workers' Party was responsible for the "
        "bombing in Adana on Sunday. The PKK said on Monday it had nothing to do with the attack."
    )
    rep = asdict(
        report(
            "d2",
            text,
            date="2023-03-05",
            country="TR",
            perps=[
                (
                    "pkk",
                    "Kurdistan Workers' Party",
                    "attributed",
                    "Hakan Yilmaz",
                    True,
                    "Interior Minister Hakan Yilmaz said",
                )
            ],
        )
    )
    rep["perpetrators"][0]["denial"] = asdict(_ev("d2", text, "The PKK said on Monday"))
    ev = build_event("evt_p", [Member(report=rep, roles={"Hakan Yilmaz": "Interior Minister"})])
    assert [(p["name"], p["basis"], p["disputed"]) for p in ev["perpetrators"]] == [
        ("Kurdistan Workers' Party", "attributed", True)
    ]
    [dispute] = ev["disputes"]
    assert dispute["note"].startswith(
        "Kurdistan Workers' Party: involvement denied (Kurdistan Workers' Party) — blamed on "
        "Kurdistan Workers' Party by Hakan Yilmaz"
    )
    assert dispute["evidence"][0]["text"] == "The PKK said on Monday"
    assert ev["attribution_grade"] == "contested"


def test_a_blame_by_an_official_named_by_name_is_attributed():
    text = "Police chief Amos Wekesa said al-Shabaab carried out the attack on the bus."
    rep = asdict(
        report(
            "d3",
            text,
            date="2023-03-05",
            country="KE",
            perps=[("al-shabaab", "al-Shabaab", "attributed", "Amos Wekesa", False, "al-Shabaab")],
        )
    )
    assert build_event("evt_q", [Member(report=rep)])["attribution_grade"] == "unknown"
    named = Member(report=rep, roles={"Amos Wekesa": "police chief"})
    assert build_event("evt_q", [named])["attribution_grade"] == "attributed"


@pytest.mark.parametrize(
    ("local", "army", "disputed"),
    [
        ((600, "up to"), (80, "up to"), True),  # "as many as 600" against "has not exceeded 80"
        ((600, "up to"), (90, ""), True),
        ((60, "up to"), (45, "about"), False),  # "as many as 60", "about 45": the same picture
    ],
)
def test_a_high_estimate_against_a_low_count_is_a_dispute(local, army, disputed):
    text = (
        "The district chairman said as many as 600 people may have been killed. The army said "
        "the toll had not exceeded 80."
    )
    rep = report(
        "d4",
        text,
        date="2021-03-03",
        killed=[
            (local[0], local[1], "district chairman", "as many as 600"),
            (army[0], army[1], "army", "not exceeded 80"),
        ],
    )
    ev = build_event("evt_h", [Member(report=asdict(rep))])
    assert bool([d for d in ev["disputes"] if d["field"] == "killed"]) is disputed


def test_two_named_sources_of_one_document_apart_are_a_figure_dispute():
    # "The UN said 44 were killed ... The ministry's spokesman had said 19": one outlet sets two
    # sources' counts side by side; not one person named twice ("Enanga" / "Fred Enanga")
    text = (
        "The United Nations said 44 people were killed. The interior ministry spokesman, "
        "Abdul Rasooli, had said 19 people were killed."
    )
    rep = report(
        "d1",
        text,
        date="2022-09-30",
        killed=[(44, "", "United Nations", "44 people"), (19, "", "Abdul Rasooli", "19 people")],
    )
    ev = build_event("evt_u", [Member(report=asdict(rep))])
    assert (ev["killed"]["low"], ev["killed"]["best"]) == (19, 44)
    assert [d["field"] for d in ev["disputes"]] == ["killed"]
    same = (
        "Police spokesman Fred Enanga said six people were killed. Two people were killed at "
        "the checkpoint, Enanga said."
    )
    rep = report(
        "d2",
        same,
        date="2021-11-16",
        killed=[(6, "", "Fred Enanga", "six people"), (2, "", "Enanga", "Two people")],
    )
    ev = build_event("evt_v", [Member(report=asdict(rep))])
    assert ev["disputes"] == []


def test_two_days_one_article_tells_apart_stay_two_events(store):
    # the extractor told a Monday bombing and a Tuesday raid in one city apart; resolve must not
    # join them for sharing the city and the week
    text = (
        "A suicide bomber killed 20 students at a tutoring centre in Herat on Monday. On Tuesday "
        "afternoon, gunmen attacked a police academy in another part of Herat."
    )
    add(
        store,
        "h",
        text,
        "2019-05-15",
        "h.com",
        report(
            "h",
            text,
            date="2019-05-13",
            admin1="Herat",
            place="Herat",
            killed=[(20, "", "officials", "20 students")],
        ),
        report(
            "h",
            text,
            n=1,
            type="armed_assault",
            date="2019-05-14",
            admin1="Herat",
            place="Herat",
        ),
    )
    resolve(store)
    assert sorted((e["type"], e["date"]) for e in events(store)) == [
        ("armed_assault", "2019-05-14"),
        ("suicide_bombing", "2019-05-13"),
    ]


@pytest.mark.parametrize(("other", "disputed"), [(2, True), (0, False)])
def test_none_killed_against_some_killed_is_a_dispute(other: int, disputed: bool):
    """Police say no one died, a hospital counts two dead: however close the numbers, none and
    some disagree (a widening of three would have hidden it)."""
    members = [
        _member(
            "x",
            "No one was killed, police said.",
            0,
            "police",
            "No one was killed",
            "2024-05-07",
            "x.com",
        ),
        _member(
            "y",
            f"The blast killed {other}, a hospital said.",
            other,
            "hospital",
            f"killed {other}",
            "2024-05-07",
            "y.com",
        ),
    ]
    ev = build_event("evt_z", members)
    assert bool([d for d in ev["disputes"] if d["field"] == "killed"]) is disputed
    assert (ev["killed"]["low"], ev["killed"]["high"]) == (0, other)
