"""Web workbench latency on a store of synthetic events (a benchmark, not a test).

    PYTHONPATH=src python bench/web.py [--events 10000] [--runs 15] [--db PATH]

Builds a store (documents, articles, mentions, claims, event reports, events merged from 1-3
reports, relations) with a fixed seed, then requests every page and API route ``--runs`` times
in-process (FastAPI's TestClient: the application's time, no network) and prints the median and
90th percentile per route. Target: every page under 200 ms at the median on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

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
    RelationReport,
)
from sitrep.store import Store

ACTORS = [
    ("islamic-state-khorasan-province", "ISKP"),
    ("taliban", "Taliban"),
    ("al-shabaab", "al-Shabaab"),
    ("haqqani-network", "Haqqani Network"),
    ("islamic-state", "Islamic State"),
    ("islamic-state-west-africa-province", "ISWAP"),
]
PLACES = [
    ("AF", "Kabul", 34.53, 69.17),
    ("AF", "Jalalabad", 34.43, 70.45),
    ("AF", "Kunduz", 36.73, 68.86),
    ("SO", "Mogadishu", 2.04, 45.34),
    ("PK", "Peshawar", 34.01, 71.58),
    ("NG", "Maiduguri", 11.85, 13.16),
    ("SO", "Kismayo", -0.36, 42.55),
    ("PK", "Quetta", 30.18, 66.99),
]
TYPES = ["bombing", "suicide_bombing", "armed_assault", "assassination", "kidnapping", "airstrike"]
SENTENCE = (
    "{actor} fighters attacked a checkpoint in {place} on {date}, killing {n} people, "
    "officials said. "
)


def _article(rng: random.Random, doc_id: str, date: str) -> tuple[str, list[Mention], list, list]:
    text, mentions, figures, evidence = "", [], [], []
    for _ in range(8):
        actor_id, name = rng.choice(ACTORS)
        _, place, _, _ = rng.choice(PLACES)
        n = rng.randint(1, 60)
        s = SENTENCE.format(actor=name, place=place, date=date, n=n)
        start = len(text)
        mentions.append(
            Mention(Evidence(doc_id, 0, start, start + len(name), name), actor_id, name)
        )
        k = s.index("killing")
        phrase = f"killing {n} people"
        figures.append(
            Figure(
                "killed",
                n,
                "",
                according_to="officials",
                evidence=Evidence(doc_id, 0, start + k, start + k + len(phrase), phrase),
            )
        )
        evidence.append(Evidence(doc_id, 0, start, start + len(s) - 1, s[:-1]))
        text += s
    return text, mentions, figures, evidence


def build(path: Path, n_events: int, seed: int = 7) -> None:
    from sitrep.actors.registry import load_registry

    rng = random.Random(seed)
    n_docs = max(1, n_events // 4)
    reports_by_doc: list[list[EventReport]] = []
    with Store(path) as store:
        store.sync_registry(load_registry().actors.values())
        batch = []
        for d in range(n_docs):
            doc_id = f"doc{d:06d}"
            date = f"202{rng.randint(2, 4)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            text, mentions, figures, evidence = _article(rng, doc_id, date)
            reports = []
            for i in range(6):
                actor_id, name = rng.choice(ACTORS)
                cc, place, lat, lon = rng.choice(PLACES)
                reports.append(
                    EventReport(
                        f"er_{d}_{i}",
                        doc_id,
                        0,
                        rng.choice(TYPES),
                        date,
                        "day",
                        Location(cc, None, place, lat, lon, "place"),
                        (Perpetrator(actor_id, name, rng.choice(["claimed", "attributed"])),),
                        figures=(figures[i],),
                        evidence=(evidence[i],),
                    )
                )
            a, b = rng.sample(ACTORS, 2)
            rel = RelationReport(
                f"rel_{d}",
                doc_id,
                0,
                a[0],
                a[1],
                b[0],
                b[1],
                "rival_of",
                rng.choice(["asserted", "denied"]),
                evidence[0],
                date=date,
            )
            claim = Claim(
                f"cl_{d}",
                doc_id,
                0,
                "officials",
                "said",
                "asserts",
                evidence[1],
                about=reports[0].id,
                about_kind="figure",
            )
            reports_by_doc.append(reports)
            batch.append(
                Extraction(
                    document=Document(doc_id, f"src-{d}", f"bench:{d}", text),
                    articles=(Article(doc_id, 0, text, title=f"Report {d}", published=date),),
                    mentions=tuple(mentions),
                    events=tuple(reports),
                    claims=(claim,),
                    relations=(rel,),
                )
            )
        store.write(batch)
        _events(store, rng, reports_by_doc, n_events)


def _events(store: Store, rng: random.Random, reports_by_doc: list, n_events: int) -> None:
    pool = [r for reports in reports_by_doc for r in reports]
    rng.shuffle(pool)
    with store.conn:
        for i in range(n_events):
            group = [pool.pop() for _ in range(min(len(pool), rng.choice([1, 1, 2, 3])))]
            if not group:
                break
            head = group[0]
            figs = [
                {
                    "value": f.value,
                    "qualifier": f.qualifier,
                    "according_to": f.according_to,
                    "document_id": r.document_id,
                    "evidence": asdict(f.evidence),
                }
                for r in group
                for f in r.figures
            ]
            vals = sorted(f["value"] for f in figs)
            disputed = len(set(vals)) > 1 and vals[-1] > 2 * vals[0]
            grade = rng.choice(["claimed", "attributed", "contested", "unknown"])
            data = {
                "id": f"ev_{i:06d}",
                "type": head.type,
                "date": head.date,
                "date_precision": "day",
                "location": asdict(head.location),
                "perpetrators": [{**asdict(p), "disputed": disputed} for p in head.perpetrators],
                "claimed_by": [],
                "targets": [],
                "weapons": [],
                "killed": {
                    "low": vals[0],
                    "best": vals[len(vals) // 2],
                    "high": vals[-1],
                    "figures": figs,
                },
                "wounded": {"low": None, "best": None, "high": None, "figures": []},
                "disputes": [{"field": "killed", "note": "figures differ", "evidence": []}]
                if disputed
                else [],
                "attribution_grade": grade,
                "documents": sorted({r.document_id for r in group}),
                "evidence": [asdict(e) for r in group for e in r.evidence],
            }
            store.conn.execute(
                "INSERT INTO events VALUES (?,?,?,?,?,?,?)",
                (
                    data["id"],
                    head.type,
                    head.date,
                    head.location.country,
                    grade,
                    int(disputed),
                    json.dumps(data),
                ),
            )
            store.conn.executemany(
                "INSERT INTO event_actors VALUES (?,?,?)",
                [(data["id"], p.actor_id, "perpetrator") for p in head.perpetrators],
            )
            store.conn.executemany(
                "UPDATE event_reports SET event_id = ? WHERE id = ?",
                [(data["id"], r.id) for r in group],
            )


ROUTES = [
    ("page overview", "/"),
    ("page events", "/events"),
    (
        "page events filtered",
        "/events?actor=Islamic+State&affiliates=true&country=AF&since=2023-01",
    ),
    ("page events sorted by killed", "/events?sort=-killed&offset=2000"),
    ("page event", "/events/ev_000042"),
    ("page document", "/documents/doc000042?article=0&hl=0-20"),
    ("page actor", "/actors/taliban"),
    ("page actors", "/actors"),
    ("page search", "/search?q=checkpoint+Kabul"),
    ("download csv (AF, disputed)", "/events.csv?country=AF&disputed=true"),
    ("api events", "/api/events?type=bombing"),
    ("api event", "/api/events/ev_000042"),
    ("api actor", "/api/actors/taliban"),
    ("api document", "/api/documents/doc000042"),
    ("api claims", "/api/claims?speaker=officials"),
    ("api relations", "/api/relations?actor=taliban"),
    ("api search", "/api/search?q=Mogadishu"),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", type=Path, help="reuse (or create) this store file")
    args = parser.parse_args()
    from fastapi.testclient import TestClient

    from sitrep.web import create_app

    db = args.db or Path(tempfile.mkdtemp(prefix="sitrep-web-bench-")) / "bench.db"
    if not db.exists():
        started = time.perf_counter()
        build(db, args.events)
        print(f"built {db} ({args.events} events) in {time.perf_counter() - started:.1f} s")
    with TestClient(create_app(db)) as client:
        print(f"{'route':32} {'median ms':>10} {'p90 ms':>8}  status")
        worst = 0.0
        for name, url in ROUTES:
            client.get(url)  # warm caches (registry, world map, first connection)
            times = []
            for _ in range(args.runs):
                t = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            median = statistics.median(times)
            p90 = times[int(0.9 * (len(times) - 1))]
            worst = max(worst, median) if name.startswith("page") else worst
            print(f"{name:32} {median:10.1f} {p90:8.1f}  {r.status_code}")
        print(f"slowest page median: {worst:.1f} ms (target < 200 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
