"""The web workbench through FastAPI's test client: every page and API route, filters, downloads,
escaping of hostile article text, the Content-Security-Policy header and the token."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from dataclasses import asdict
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.records import (
    Article,
    Claim,
    Document,
    EventReport,
    Evidence,
    Extraction,
    Figure,
    Location,
    Mention,
    Perpetrator,
    Person,
    RelationReport,
    Removed,
)
from sitrep.store import Store
from sitrep.web import create_app
from sitrep.web.render import segments

HOSTILE = (
    "<script>alert('pwned')</script> A reader wrote <img src=x onerror=alert(1)> and "
    '<a href="javascript:alert(2)">click here</a>.'
)
TEXT_A = (
    "KABUL — A suicide bomber killed at least 12 people at a checkpoint near Kabul airport on "
    "Thursday, officials said. Islamic State Khorasan Province (ISKP) claimed responsibility for "
    "the attack through its Amaq news agency. Taliban spokesman Zabihullah Mujahid said 9 people "
    "were killed.\n\n" + HOSTILE
)
TEXT_B = (
    "Twenty people died in the Kabul airport bombing, according to hospital officials. The "
    "Taliban denied that they cooperate with ISKP. In January, Taliban fighters attacked a police "
    "post in Kunduz."
)
TEXT_C = (
    "Al-Shabaab militants stormed a hotel in Mogadishu on Friday, killing 8 people, police said. "
    "Al-Shabaab claimed the attack on its Andalus radio."
)


def _ev(doc_id: str, text: str, phrase: str, nth: int = 0) -> Evidence:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Evidence(doc_id, 0, start, start + len(phrase), phrase)


def _mention(doc_id: str, text: str, phrase: str, actor_id: str, name: str, nth: int = 0):
    return Mention(_ev(doc_id, text, phrase, nth), actor_id, name)


def _extractions() -> list[Extraction]:
    a, b, c = "doc_a", "doc_b", "doc_c"
    fig_a = Figure(
        "killed",
        12,
        "at least",
        according_to="officials",
        evidence=_ev(a, TEXT_A, "killed at least 12 people"),
    )
    fig_a2 = Figure(
        "killed",
        9,
        "",
        according_to="Zabihullah Mujahid",
        evidence=_ev(a, TEXT_A, "9 people were killed"),
    )
    fig_b = Figure(
        "killed",
        20,
        "",
        according_to="hospital officials",
        evidence=_ev(b, TEXT_B, "Twenty people died"),
    )
    fig_c = Figure(
        "killed", 8, "", according_to="police", evidence=_ev(c, TEXT_C, "killing 8 people")
    )
    kabul = Location("AF", "Kabul", "Kabul", 34.53, 69.17, "place")
    iskp = Perpetrator(
        "islamic-state-khorasan-province",
        "ISKP",
        "claimed",
        evidence=_ev(a, TEXT_A, "claimed responsibility"),
    )
    rep_a = EventReport(
        "er_a",
        a,
        0,
        "suicide_bombing",
        "2024-03-14",
        "day",
        kabul,
        (iskp,),
        ("ISKP",),
        "Amaq",
        (fig_a, fig_a2),
        evidence=(_ev(a, TEXT_A, "A suicide bomber killed"),),
    )
    rep_b = EventReport(
        "er_b",
        b,
        0,
        "suicide_bombing",
        "2024-03-14",
        "day",
        kabul,
        (),
        figures=(fig_b,),
        evidence=(_ev(b, TEXT_B, "the Kabul airport bombing"),),
    )
    rep_b2 = EventReport(
        "er_b2",
        b,
        0,
        "armed_assault",
        "2024-01",
        "month",
        Location("AF", "Kunduz", None, None, None, "admin1"),
        (Perpetrator("taliban", "Taliban", "attributed"),),
        background=True,
        evidence=(_ev(b, TEXT_B, "Taliban fighters attacked a police post"),),
    )
    rep_c = EventReport(
        "er_c",
        c,
        0,
        "armed_assault",
        "2024-03-22",
        "day",
        Location("SO", "Banaadir", "Mogadishu", 2.04, 45.34, "place"),
        (Perpetrator("al-shabaab", "Al-Shabaab", "claimed"),),
        ("al-Shabaab",),
        figures=(fig_c,),
        evidence=(_ev(c, TEXT_C, "stormed a hotel in Mogadishu"),),
    )
    claim_a = Claim(
        "cl_a",
        a,
        0,
        "Zabihullah Mujahid",
        "said",
        "asserts",
        _ev(a, TEXT_A, "9 people were killed"),
        speaker_role="Taliban spokesman",
        speaker_actor_id="taliban",
        about="er_a",
        about_kind="figure",
    )
    claim_b = Claim(
        "cl_b",
        b,
        0,
        "The Taliban",
        "denied",
        "denies",
        _ev(b, TEXT_B, "they cooperate with ISKP"),
        speaker_actor_id="taliban",
        about="rel_b",
        about_kind="relation",
    )
    rel_b = RelationReport(
        "rel_b",
        b,
        0,
        "taliban",
        "Taliban",
        "islamic-state-khorasan-province",
        "ISKP",
        "cooperates_with",
        "denied",
        _ev(b, TEXT_B, "The Taliban denied that they cooperate with ISKP"),
        speaker="The Taliban",
        date="2024-03-15",
    )
    rel_a = RelationReport(
        "rel_a",
        a,
        0,
        "taliban",
        "Taliban",
        "islamic-state-khorasan-province",
        "ISKP",
        "rival_of",
        "asserted",
        _ev(a, TEXT_A, "Islamic State Khorasan Province (ISKP)"),
        date="2024-03-14",
    )
    return [
        Extraction(
            document=Document(
                a,
                "kabul-1",
                "test:a",
                TEXT_A + "\nSubscribe <script>steal()</script>",
                url="javascript:alert(3)",
                title="Kabul <b>blast</b>",
                publisher="Example News",
            ),
            articles=(
                Article(
                    a,
                    0,
                    TEXT_A,
                    title="Kabul <b>blast</b>",
                    published="2024-03-14",
                    date_precision="day",
                    date_source="record",
                ),
            ),
            removed=(
                Removed(
                    a, len(TEXT_A) + 1, len(TEXT_A) + 34, "ad", "Subscribe <script>steal()</script>"
                ),
            ),
            mentions=(
                _mention(
                    a,
                    TEXT_A,
                    "Islamic State Khorasan Province",
                    "islamic-state-khorasan-province",
                    "ISKP",
                ),
                _mention(a, TEXT_A, "ISKP", "islamic-state-khorasan-province", "ISKP"),
                _mention(a, TEXT_A, "Taliban", "taliban", "Taliban"),
            ),
            people=(Person(a, 0, "Zabihullah Mujahid", "spokesman", "taliban", "Taliban"),),
            events=(rep_a,),
            claims=(claim_a,),
            relations=(rel_a,),
        ),
        Extraction(
            document=Document(b, "kabul-2", "test:b", TEXT_B, url="https://example.org/b"),
            articles=(Article(b, 0, TEXT_B, title="Hospital toll", published="2024-03-15"),),
            mentions=(
                _mention(b, TEXT_B, "Taliban", "taliban", "Taliban"),
                _mention(b, TEXT_B, "ISKP", "islamic-state-khorasan-province", "ISKP"),
            ),
            events=(rep_b, rep_b2),
            claims=(claim_b,),
            relations=(rel_b,),
        ),
        Extraction(
            document=Document(c, "mogadishu-1", "test:c", TEXT_C),
            articles=(
                Article(c, 0, TEXT_C, title="Mogadishu hotel attack", published="2024-03-22"),
            ),
            mentions=(_mention(c, TEXT_C, "Al-Shabaab", "al-shabaab", "al-Shabaab"),),
            events=(rep_c,),
        ),
    ]


def _figure_row(fig: Figure, doc_id: str) -> dict:
    return {
        "value": fig.value,
        "qualifier": fig.qualifier,
        "according_to": fig.according_to,
        "document_id": doc_id,
        "evidence": asdict(fig.evidence),
    }


def _events(ex: list[Extraction]) -> list[tuple[dict, list[str], list[tuple[str, str]]]]:
    """Events as sitrep.resolve writes them: (events.jsonl row, report ids, (actor, role))."""
    rep = {r.id: r for e in ex for r in e.events}
    a, b, c, b2 = rep["er_a"], rep["er_b"], rep["er_c"], rep["er_b2"]

    def row(eid, r, reports, killed, grade, disputes=()):
        figs = [_figure_row(f, x.document_id) for x in reports for f in x.figures]
        vals = [f["value"] for f in figs]
        return {
            "id": eid,
            "type": r.type,
            "date": r.date,
            "date_precision": r.date_precision,
            "location": asdict(r.location),
            "perpetrators": [
                {
                    "actor_id": p.actor_id,
                    "name": p.name,
                    "basis": p.basis,
                    "disputed": bool(disputes),
                }
                for p in r.perpetrators
            ],
            "claimed_by": list(r.claimed_by),
            "killed": {
                "low": min(vals) if vals else None,
                "best": killed,
                "high": max(vals) if vals else None,
                "figures": figs,
            },
            "wounded": {"low": None, "best": None, "high": None, "figures": []},
            "targets": [],
            "weapons": [],
            "disputes": list(disputes),
            "attribution_grade": grade,
            "documents": sorted({x.document_id for x in reports}),
            "evidence": [asdict(e) for x in reports for e in x.evidence],
        }

    dispute = {
        "field": "killed",
        "note": "sources give 9 to 20 killed",
        "evidence": [asdict(f.evidence) for f in (*a.figures, *b.figures)],
    }
    return [
        (
            row("ev_kabul", a, [a, b], 12, "claimed", [dispute]),
            ["er_a", "er_b"],
            [("islamic-state-khorasan-province", "perpetrator")],
        ),
        (row("ev_kunduz", b2, [b2], None, "attributed"), ["er_b2"], [("taliban", "perpetrator")]),
        (row("ev_mogadishu", c, [c], 8, "claimed"), ["er_c"], [("al-shabaab", "perpetrator")]),
    ]


def build_store(path: Path) -> Path:
    """A small store: three documents (one with hostile markup), four reports, three events."""
    from sitrep.actors.registry import load_registry

    ex = _extractions()
    with Store(path) as store:
        store.sync_registry(load_registry().actors.values())
        store.write(ex)
        with store.conn:
            for data, reports, actors in _events(ex):
                store.conn.execute(
                    "INSERT INTO events VALUES (?,?,?,?,?,?,?)",
                    (
                        data["id"],
                        data["type"],
                        data["date"],
                        data["location"]["country"],
                        data["attribution_grade"],
                        int(bool(data["disputes"])),
                        json.dumps(data),
                    ),
                )
                store.conn.executemany(
                    "INSERT INTO event_actors VALUES (?,?,?)",
                    [(data["id"], a, r) for a, r in actors],
                )
                store.conn.executemany(
                    "UPDATE event_reports SET event_id = ? WHERE id = ?",
                    [(data["id"], r) for r in reports],
                )
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    with TestClient(create_app(db)) as c:
        yield c


def _ids(html: str) -> list[str]:
    return re.findall(r'href="/events/(ev_\w+)"', html)


# -- pages ------------------------------------------------------------------------------------------
def test_overview_shows_counts_latest_chart_and_map(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.text
    assert "Events per week, by actor" in html
    assert set(_ids(html)) == {"ev_kabul", "ev_kunduz", "ev_mogadishu"}
    assert html.count("<circle") == 2  # two geocoded events; Kunduz has no coordinates
    assert 'href="/assets/world.svg"' in html
    assert re.search(
        r"<rect [^>]*><title>ISKP|<title>Islamic State Khorasan Province, week of", html
    )


def test_events_filters(client):
    def ids(**params):
        r = client.get("/events", params=params)
        assert r.status_code == 200, r.text
        return set(_ids(r.text))

    assert ids() == {"ev_kabul", "ev_kunduz", "ev_mogadishu"}
    assert ids(country="SO") == {"ev_mogadishu"}
    assert ids(type="suicide_bombing") == {"ev_kabul"}
    assert ids(since="2024-03-01") == {"ev_kabul", "ev_mogadishu"}
    assert ids(until="2024-03-14") == {"ev_kabul", "ev_kunduz"}
    assert ids(grade="attributed") == {"ev_kunduz"}
    assert ids(disputed="true") == {"ev_kabul"}
    assert ids(actor="ISKP") == {"ev_kabul"}
    # ISKP is an affiliate of Islamic State: found only with affiliates
    assert ids(actor="Islamic State") == set()
    assert ids(actor="Islamic State", affiliates="true") == {"ev_kabul"}
    assert ids(actor="no such group") == set()
    # the form shows the selection it lists
    form = client.get("/events", params={"affiliates": "true", "disputed": "true"}).text
    assert 'name="affiliates" value="true" checked' in form
    assert 'name="disputed" value="true" checked' in form


def test_events_sorting_and_paging(client):
    r = client.get("/events", params={"sort": "-killed", "limit": 2})
    assert _ids(r.text)[::2] == ["ev_kabul", "ev_mogadishu"]
    assert 'rel="next"' in r.text and "1–2 of 3" in r.text
    r = client.get("/events", params={"sort": "-killed", "limit": 2, "offset": 2})
    assert _ids(r.text)[::2] == ["ev_kunduz"]
    assert 'rel="prev"' in r.text and 'rel="next"' not in r.text
    assert client.get("/events", params={"since": "last week"}).status_code == 400
    assert client.get("/events", params={"grade": "certain"}).status_code == 400


def test_events_downloads_follow_the_selection(client):
    r = client.get("/events.csv", params={"country": "AF"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["event_id"] for row in rows} == {"ev_kabul", "ev_kunduz"}
    kabul = next(row for row in rows if row["event_id"] == "ev_kabul")
    assert kabul["killed_best"] == "12" and kabul["disputed"] == "1"
    r = client.get("/events.jsonl", params={"type": "armed_assault"})
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert {e["id"] for e in lines} == {"ev_kunduz", "ev_mogadishu"}
    assert all("killed" in e and "evidence" in e for e in lines)
    page = client.get("/events", params={"country": "AF"}).text
    assert 'href="/events.csv?country=AF"' in page


def test_csv_cells_cannot_become_formulas():
    from sitrep.export_formats import csv_record

    row = csv_record({"id": "x", "type": '=HYPERLINK("http://evil")', "documents": []})
    assert row["event_type"] == '\'=HYPERLINK("http://evil")'


def test_event_page(client):
    r = client.get("/events/ev_kabul")
    assert r.status_code == 200
    html = r.text
    assert "suicide bombing" in html and "precision: day" in html
    assert 'href="/actors/islamic-state-khorasan-province"' in html
    assert "basis-claimed" in html and "grade-claimed" in html
    # each source's figure, who gave it, the link to the evidence, the sentence around it
    assert "Zabihullah Mujahid" in html and "hospital officials" in html
    start = TEXT_A.index("killed at least 12 people")
    assert f'href="/documents/doc_a?article=0&amp;hl={start}-{start + 25}#hl"' in html
    assert '<mark class="hl-figure">killed at least 12 people</mark>' in html
    assert "A suicide bomber" in html  # the sentence, not only the figure's words
    assert "sources give 9 to 20 killed" in html  # the dispute
    assert html.count('class="report"') == 2  # both sources side by side
    assert '<mark class="hl-event"' in html
    assert "<circle" in html  # the small map


def test_event_without_coordinates_frames_the_country(client):
    r = client.get("/events/ev_kunduz")
    assert r.status_code == 200
    assert re.search(r'<svg class="map small" viewBox="[\d.]+ [\d.]+', r.text)
    assert "No casualty figures." in r.text


def test_document_page_highlights_and_removed(client):
    start = TEXT_A.index("killed at least 12 people")
    r = client.get("/documents/doc_a", params={"article": 0, "hl": f"{start}-{start + 25}"})
    assert r.status_code == 200
    html = r.text
    pieces = re.findall(r'<mark class="([^"]*hl-target[^"]*)"[^>]*>([^<]*)</mark>', html)
    assert "".join(text for _, text in pieces) == "killed at least 12 people"
    assert all("hl-figure" in css for css, _ in pieces)
    assert html.count('id="hl"') == 1
    assert re.search(r'<mark class="hl-actor"[^>]*>ISKP</mark>', html)
    assert "hl-claim" in html and "hl-event" in html
    assert 'id="removed" hidden' in html and "Show what cleaning removed (1)" in html
    assert "ad</span>" in html


def test_document_by_source_id_and_missing(client):
    assert client.get("/documents/kabul-2").status_code == 200
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/events/nope").status_code == 404
    assert client.get("/actors/nope").status_code == 404


def test_actor_page(client):
    r = client.get("/actors/taliban")
    assert r.status_code == 200
    html = r.text
    assert "Zabihullah Mujahid" in html  # people
    assert "Taleban" in html or "Taliban" in html
    assert "cooperates with" in html and "rival of" in html
    assert 'class="stance-denied">The Taliban<' in html
    assert '<svg class="graph"' in html and "stroke-dasharray" in html  # denied-only edge
    assert 'href="/events/ev_kunduz"' in html  # timeline of its events
    r = client.get("/actors/islamic-state-khorasan-province")
    assert 'href="/actors/islamic-state"' in r.text  # parent
    r = client.get("/actors/islamic-state")
    assert 'href="/actors/islamic-state-khorasan-province"' in r.text  # affiliate


def test_lists_and_search(client):
    assert "al-Shabaab" in client.get("/actors").text
    assert "mogadishu-1" in client.get("/documents").text
    r = client.get("/search", params={"q": "hotel Mogadishu"})
    assert r.status_code == 200
    assert 'href="/documents/doc_c#article-0"' in r.text
    assert re.search(r"<mark>(hotel|Mogadishu)</mark>", r.text)
    assert "0 article(s)" in client.get("/search", params={"q": "zeppelin"}).text


# -- API --------------------------------------------------------------------------------------------
def test_api_routes(client):
    r = client.get("/api/events", params={"country": "AF", "sort": "date"})
    body = r.json()
    assert body["total"] == 2 and [e["id"] for e in body["events"]] == ["ev_kunduz", "ev_kabul"]
    e = client.get("/api/events/ev_kabul").json()
    assert len(e["reports"]) == 2 and e["killed"]["best"] == 12
    assert {c["id"] for c in e["claims"]} == {"cl_a"}
    assert client.get("/api/events/nope").status_code == 404
    assert any(a["id"] == "taliban" for a in client.get("/api/actors").json())
    actor = client.get("/api/actors/Taleban").json()  # an alias finds the actor
    assert actor["id"] == "taliban" and [x["id"] for x in actor["events"]] == ["ev_kunduz"]
    docs = client.get("/api/documents").json()
    assert {d["source_id"] for d in docs} == {"kabul-1", "kabul-2", "mogadishu-1"}
    d = client.get("/api/documents/doc_a").json()
    assert "raw" not in d and d["articles"][0]["text"] == TEXT_A
    assert {s["kind"] for s in d["articles"][0]["spans"]} == {"actor", "claim", "event", "figure"}
    assert "raw" in client.get("/api/documents/doc_a", params={"raw": "true"}).json()
    claims = client.get("/api/claims", params={"speaker": "Mujahid"}).json()
    assert [c["id"] for c in claims] == ["cl_a"]
    rels = client.get("/api/relations", params={"actor": "taliban"}).json()
    assert {(r["type"], tuple(r["denied_by"])) for r in rels} == {
        ("cooperates_with", ("The Taliban",)),
        ("rival_of", ()),
    }
    hits = client.get("/api/search", params={"q": "Andalus"}).json()
    assert [h["document_id"] for h in hits] == ["doc_c"]
    assert client.get("/api/status").json()["events"] == 3


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/actors",
        "/api/actors/{ref}",
        "/api/documents",
        "/api/documents/{ref}",
        "/api/claims",
        "/api/relations",
        "/api/search",
    ):
        assert path in spec["paths"], path
    assert not any(p.startswith("/events") for p in spec["paths"])  # pages stay out of the API
    html = client.get("/docs").text
    assert "cdn" not in html.lower() and "https://" not in html
    assert "<code>GET /api/relations</code>" in html  # the route table, with or without Swagger UI
    from sitrep.web.assets import swagger_available

    if swagger_available():
        assert '<script src="/assets/swagger/swagger-ui-bundle.js">' in html
        js = client.get("/assets/swagger/swagger-ui-bundle.js")
        assert js.status_code == 200 and len(js.content) > 100_000
    assert client.get("/assets/swagger/../../etc/passwd").status_code == 404


def test_world_map_asset():
    from sitrep.web.assets import country_center, world_svg

    svg = world_svg()
    assert svg.count("<path") > 150 and "<title>Afghanistan</title>" in svg
    lat, lon, _ = country_center("AF")
    assert 29 < lat < 39 and 60 < lon < 75


# -- safety -----------------------------------------------------------------------------------------
def test_article_text_is_never_markup(client):
    for url in (
        "/documents/doc_a",
        "/events/ev_kabul",
        "/search?q=reader",
        "/documents/doc_a?article=0&hl=0-5",
    ):
        html = client.get(url).text
        assert "<script>alert" not in html, url
        assert "<img src=x" not in html, url
        assert 'href="javascript:' not in html, url
    html = client.get("/documents/doc_a").text
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Kabul &lt;b&gt;blast&lt;/b&gt;" in html  # titles too
    assert "&lt;script&gt;steal()" in html  # removed pieces too
    assert "javascript:alert(3)" in html and 'href="javascript:alert(3)"' not in html  # bad URL
    assert 'href="https://example.org/b"' in client.get("/documents/doc_b").text


def test_no_inline_script_and_csp_on_every_page(client):
    for url in (
        "/",
        "/events",
        "/events/ev_kabul",
        "/documents/doc_a",
        "/actors/taliban",
        "/search?q=Kabul",
        "/actors",
        "/documents",
        "/docs",
        "/api/events",
    ):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline' ;" not in csp
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert "default-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        for tag in re.findall(r"<script[^>]*>", r.text):
            assert re.fullmatch(r'<script src="/[^"]+"( defer)?>', tag), (url, tag)
        assert " on" not in "".join(re.findall(r"<[a-z]+ [^>]*\bon[a-z]+=", r.text))
        assert "style=" not in r.text, url


def test_segments_split_overlapping_spans():
    text = "abcdefghij"
    spans = [
        {"start": 0, "end": 6, "kind": "event", "label": "x", "ref": None},
        {"start": 2, "end": 4, "kind": "actor", "label": "y", "ref": None},
        {"start": 8, "end": 30, "kind": "claim", "label": "z", "ref": None},
        {"start": 5, "end": 5, "kind": "claim", "label": "empty", "ref": None},
    ]
    segs = segments(text, spans, target=(3, 6))
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.kinds, s.target) for s in segs] == [
        ("ab", ["event"], False),
        ("c", ["event", "actor"], False),
        ("d", ["event", "actor"], True),
        ("ef", ["event"], True),
        ("gh", [], False),
        ("ij", ["claim"], False),
    ]


# -- token and read-only ----------------------------------------------------------------------------
def test_token_is_required_when_set(db):
    with TestClient(create_app(db, token="s3cret")) as c:
        assert c.get("/").status_code == 401
        assert c.get("/api/events").status_code == 401
        assert c.get("/static/sitrep.css").status_code == 401
        assert c.get("/?token=wrong").status_code == 401
        r = c.get("/events?country=AF&token=s3cret", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/events?country=AF"
        assert "s3cret" not in r.headers["location"]
        c.cookies.set("sitrep_token", "s3cret")
        assert c.get("/events?country=AF").status_code == 200
    with TestClient(create_app(db, token="s3cret")) as c:
        assert c.get("/api/status", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/api/status", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_store_is_opened_read_only(db, client):
    store = client.app.state.stores.get()
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("DELETE FROM events")


def test_missing_store_fails_at_start(tmp_path):
    from sitrep.errors import StoreError

    with pytest.raises(StoreError):
        create_app(tmp_path / "absent.db")


def test_serve_warns_off_loopback(monkeypatch, capsys, db):
    import uvicorn

    from sitrep.settings import Settings
    from sitrep.web.app import is_loopback, serve

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    serve(Settings(db=str(db), token="t"), host="0.0.0.0", port=8123)
    assert "warning" in capsys.readouterr().err
    assert seen["port"] == 8123 and seen["app"].state.token == "t"
    serve(str(db), host="127.0.0.1")
    assert capsys.readouterr().err == ""
    assert is_loopback("::1") and is_loopback("localhost") and not is_loopback("192.168.1.5")


def test_cached_facts_agree_with_sql_and_follow_store_changes(db, tmp_path):
    import shutil

    from sitrep.web.queries import EventFacts, EventFilter, list_events, map_points

    path = tmp_path / "copy.db"
    shutil.copy(db, path)
    cache = EventFacts(str(path))
    with Store(path, readonly=True) as store:
        for sort in ("killed", "-killed"):
            f = EventFilter(sort=sort)
            assert list_events(store, f, cache) == list_events(store, f)
        f = EventFilter(country="AF")
        assert map_points(store, f, cache=cache) == map_points(store, f)
        assert [p["n"] for p in map_points(store, cache=cache)] == [1, 1]
        with Store(path) as writer, writer.conn:  # another connection commits: caches refresh
            writer.conn.execute(
                "UPDATE events SET data = json_set(data, '$.killed.best', 99) WHERE id = 'ev_mogadishu'"
            )
        top = list_events(store, EventFilter(sort="-killed", limit=1), cache)
        assert [e["id"] for e in top] == ["ev_mogadishu"]
    cache.close()


def test_an_undated_report_shows_the_day_its_event_gives_it(tmp_path):
    """A page with no date that says "on Saturday" is shown with the Saturday of its event,
    beside the words the day came from; the dated source shows its own date only."""
    from sitrep.records import DateClue
    from sitrep.resolve import resolve

    texts = {
        "dated": "A suicide bomber killed 12 people at a school in Kabul on Saturday, police said.",
        "undated": "On Saturday a suicide bomber struck a school in Kabul, killing 12 people.",
    }
    kabul = Location("AF", "Kabul", "Kabul", 34.53, 69.17, "place")
    ex = []
    for i, text in texts.items():
        published = "2024-03-17" if i == "dated" else None
        killed = Figure("killed", 12, "", evidence=_ev(i, text, "12 people"))
        report = EventReport(
            f"er_{i}",
            i,
            0,
            "suicide_bombing",
            "2024-03-16" if published else None,
            "day" if published else None,
            kabul,
            figures=(killed,),
            targets=("school",),
            evidence=(_ev(i, text, text),),
            date_clue=None if published else DateClue(_ev(i, text, "On Saturday"), weekday=5),
        )
        article = Article(i, 0, text, published=published, date_precision=published and "day")
        ex.append(Extraction(Document(i, i, f"test:{i}", text), (article,), events=(report,)))
    path = tmp_path / "anchored.db"
    with Store(path) as store:
        store.write(ex)
        resolve(store)
        [event_id] = [r[0] for r in store.conn.execute("SELECT id FROM events")]
    with TestClient(create_app(path)) as c:
        html = c.get(f"/events/{event_id}").text
        data = c.get(f"/api/events/{event_id}").json()
    assert "2024-03-16 (“On Saturday”, dated by the other reports)" in html
    assert html.count("dated by the other reports") == 1
    assert [a["document_id"] for a in data["anchored"]] == ["undated"]
