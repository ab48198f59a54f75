"""Event extraction scored on the shared gold (seeds and dev), beside null baselines.

    python bench/events.py [--shared ../shared] [--verbose]

Runs the real chain: the JSONL records are read by ``sitrep.ingest.read_path`` (so ``url`` and
``published`` reach the cleaner) and each Document goes through ``sitrep.pipeline.process`` with
``sitrep.pipeline.build_nlp(Settings())`` -- exactly what ``sitrep ingest`` stores.

Scoring (documented here because the gold is event-level while reports are per document):

- A gold event is *found* in a document (seeds: every doc of its ``mentions``; dev: every doc
  whose ``mentioned_event_ids`` has it) when one report of that document, not credited to another
  gold event, is type-compatible (attack types match each other; executions and official actions
  must be equal) and agrees on the country and
  the date where both sides have one, at the coarser of the two precisions (day: +-2 days;
  week: the week starting on the report's date; month/year: same month/year).
  Gold events with neither a date nor a country need the exact type. Reports are matched to gold
  events one to one per document (the most pairs, then the most agreeing fields, a main report
  going with the document's main event): a report that blends two events is credited with one.
  Merged events are matched to gold events one to one as well.
- Field accuracy over found pairs: type (exact), date (where gold has one: the exact day
  for a day-precision gold; for a month- or year-precision gold, that month or year, given at
  least that finely), country, admin1 (normalised spelling, fuzzy >= 85, where gold has one),
  perpetrators (the report's set, mapped to registry ids, is a subset of the gold set plus its
  ancestors, and is empty exactly when gold is empty or the document names none of the gold
  groups), claimed-by (subset of gold plus ancestors; empty when gold is empty; non-empty when
  gold is not, the document talks of a claim or responsibility and, where the gold lists the
  groups a document names, it names one of the claiming groups).
- Figure recall: a gold killed/wounded figure is found in a document when any report of that
  document has a figure of that kind, value, upper bound and qualifier (gold "only" counts as "").
- Precision proxy: reports extracted from the five negatives (d061-d065).
- Per-report dates are scored twice: from each document's own text alone ("date" above and
  "date, own text"), and once resolution has dated the reports whose pages have no day to count
  from but name one ("on Sunday"), or that give only a month or year ("in October 2022"), by the
  day of the event they joined, when it fits ("date, anchored": what ``sitrep event ID`` shows
  per report). The second needs the whole corpus
  resolved, so ``--only`` skips it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sitrep.records import Document, EventReport  # noqa: E402

# attack types that match each other; an execution (a group's killing of its captives, or a
# state's of people convicted over an attack) matches only an execution
ATTACKS = {
    "bombing",
    "suicide_bombing",
    "armed_assault",
    "assassination",
    "airstrike",
    "kidnapping",
}
NEGATIVES = {"d061", "d062", "d063", "d064", "d065"}


# ---------------------------------------------------------------- the chain


def build_chain() -> Any:
    """The spaCy pipeline exactly as ``sitrep ingest`` builds it."""
    from sitrep.pipeline import build_nlp
    from sitrep.settings import Settings

    return build_nlp(Settings())


def read_documents(shared: Path) -> dict[str, Document]:
    """Documents of both corpora read by ``sitrep.ingest`` (so url/published reach the cleaner),
    keyed by their ``doc_id``."""
    from sitrep.ingest import IngestOptions, read_path

    out: dict[str, Document] = {}
    for path in (shared / "corpus/seeds/documents.jsonl", shared / "corpus/dev/documents.jsonl"):
        for document in read_path(path, IngestOptions()):
            out[document.source_id] = document
    return out


def run_document(document: Document, nlp: Any) -> list[EventReport]:
    """The events ``sitrep.pipeline.process`` extracts (rejected documents give none)."""
    from sitrep.pipeline import process

    if document.status != "ok":
        print(f"(rejected {document.source_id}: {document.error})")
    return list(process(document, nlp).events)


# ---------------------------------------------------------------- gold


def load_gold(shared: Path) -> tuple[dict[str, dict], list[dict]]:
    """(documents by id, gold items) with items {event, doc_id, main} over both corpora (``main``:
    the document's own event, not one it mentions in passing)."""
    docs: dict[str, dict] = {}
    items: list[dict] = []
    seeds = shared / "corpus/seeds"
    for line in (seeds / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            docs[rec["doc_id"]] = {"text": rec["text"], "domain": None, "corpus": "seeds"}
    for ev in json.loads((seeds / "gold/gold_events.json").read_text(encoding="utf-8")):
        for doc_id in sorted({m["doc_id"] for m in ev["mentions"]}):
            items.append({"event": _seed_event(ev), "doc_id": doc_id, "main": not ev["background"]})
    dev = shared / "corpus/dev"
    for line in (dev / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            docs[rec["doc_id"]] = {
                "text": rec["text"],
                "domain": rec["domain"],
                "corpus": "dev",
                "url": rec.get("url"),
            }
    events = {e["event_id"]: e for e in json.loads((dev / "gold_events.json").read_text("utf-8"))}
    for g in json.loads((dev / "gold_docs.json").read_text(encoding="utf-8")):
        docs[g["doc_id"]]["groups"] = g["groups_mentioned"]
        for eid in g["mentioned_event_ids"]:
            main = eid == g["main_event_id"]
            items.append({"event": _dev_event(events[eid]), "doc_id": g["doc_id"], "main": main})
    return docs, items


def _seed_event(ev: dict) -> dict:
    figs = []
    for kind in ("killed", "wounded"):
        for f in ev[kind].get("figures", []):
            if not f.get("is_breakdown"):
                figs.append({**f, "kind": kind, "doc_ids": [f["doc_id"]]})
    return {
        "id": ev["event_id"],
        "type": ev["event_type"],
        "date": ev["date"],
        "precision": ev.get("date_precision") or "day",
        "country": ev["country"],
        "admin1": ev["admin1"],
        "perpetrators": ev["perpetrators"],
        "claimed_by": ev["claimed_by"],
        "figures": figs,
    }


def _dev_event(ev: dict) -> dict:
    figs = [{**f, "kind": kind} for kind in ("killed", "wounded") for f in ev[kind]["figures"]]
    return {
        "id": ev["event_id"],
        "type": ev["event_type"],
        "date": ev["date"],
        "precision": "day",
        "country": ev["country"],
        "admin1": ev["admin1"],
        "perpetrators": ev["perpetrators"],
        "claimed_by": ev["claimed_by"],
        "figures": figs,
    }


# ---------------------------------------------------------------- matching and scoring


def compatible(gold: dict, rep: EventReport) -> bool:
    gt, rt = gold["type"], rep.type
    if not ((gt in ATTACKS and rt in ATTACKS) or gt == rt):
        return False
    checked = False
    if gold["country"] and rep.location.country:
        if gold["country"] != rep.location.country:
            return False
        checked = True
    if gold["date"] and rep.date:
        precision = _coarser(gold["precision"], rep.date_precision or "day")
        if not same_date(gold["date"], precision, rep.date):
            return False
        checked = True
    return checked or gt == rt


def _coarser(a: str, b: str) -> str:
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    return a if rank.get(a, 0) >= rank.get(b, 0) else b


def same_date(gold: str, precision: str, date: str) -> bool:
    g, d = dt.date.fromisoformat(gold), dt.date.fromisoformat(date)
    if precision == "year":
        return g.year == d.year
    if precision == "month":
        return (g.year, g.month) == (d.year, d.month)
    if precision == "week":
        return -1 <= (g - d).days <= 7
    return abs((g - d).days) <= 2


def date_right(gold: dict, date: str | None, precision: str | None) -> bool:
    """The date is right at the gold's precision and given at least that finely: a month-precision
    gold ("2021-02-01" = February 2021) takes any day, week or month date inside February 2021."""
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    if not date or rank.get(precision or "day", 0) > rank[gold["precision"]]:
        return False
    if gold["precision"] == "day":
        return date == gold["date"]
    return same_date(gold["date"], gold["precision"], date)


def _norm(text: str | None) -> str:
    return re.sub(r"[^a-z]", "", (text or "").lower())


def admin1_ok(gold: str, got: str | None) -> bool:
    from rapidfuzz import fuzz

    return bool(got) and (_norm(gold) == _norm(got) or fuzz.ratio(_norm(gold), _norm(got)) >= 85)


class Names:
    """Gold canonical names -> registry ids (and ancestors), when the registry is present."""

    def __init__(self) -> None:
        try:
            from sitrep.actors.registry import load_registry

            self.registry = load_registry()
        except Exception:  # scored by name when there is no registry
            self.registry = None

    def id(self, name: str) -> str:
        if self.registry is not None:
            actor = self.registry.lookup(name)
            if actor is not None:
                return actor.id
        return _norm(name)

    def closure(self, names: list[str]) -> set[str]:
        ids = {self.id(n) for n in names}
        if self.registry is not None:
            for i in list(ids):
                try:
                    ids |= set(self.registry.ancestors(i))
                except (KeyError, AttributeError):
                    pass
        return ids


def score_pair(gold: dict, rep: EventReport, doc: dict, names: Names) -> dict[str, bool | None]:
    gold_perps = {names.id(n) for n in gold["perpetrators"]}
    perps = {p.actor_id or names.id(p.name) for p in rep.perpetrators}
    named = doc.get("groups")
    closure = names.closure(gold["perpetrators"])
    expect = bool(gold_perps) and (named is None or any(names.id(g) in closure for g in named))
    claims = {names.id(n) for n in rep.claimed_by}
    gold_claims = names.closure(gold["claimed_by"])
    # A claim is expected where the page speaks of claims and, like perpetrators above, names a
    # group that claimed: "no group has so far claimed it" in an early report is right to give none.
    talks = bool(re.search(r"claim|responsib", doc["text"], re.I)) and (
        named is None or any(names.id(g) in gold_claims for g in named)
    )
    return {
        "type": rep.type == gold["type"],
        "date": date_right(gold, rep.date, rep.date_precision) if gold["date"] else None,
        "country": (rep.location.country == gold["country"]) if gold["country"] else None,
        "admin1": admin1_ok(gold["admin1"], rep.location.admin1) if gold["admin1"] else None,
        "perpetrators": perps <= names.closure(gold["perpetrators"]) and bool(perps) == expect,
        "claimed_by": claims <= gold_claims
        and (bool(claims) if gold["claimed_by"] and talks else not claims or bool(gold_claims)),
    }


def figure_found(fig: dict, reports: list[EventReport]) -> bool:
    qual = {"only": ""}.get(fig["qualifier"], fig["qualifier"])
    for rep in reports:
        for f in rep.figures:
            if (
                f.kind == fig["kind"]
                and f.value == fig["value"]
                and f.qualifier == qual
                and f.value_high == fig.get("value_high")
            ):
                return True
    return False


def one_to_one(edges: Iterable[tuple[Hashable, Hashable, float]]) -> dict[Hashable, Hashable]:
    """A matching of left keys to right keys along weighted ``edges``: the most pairs, then the
    largest total weight (networkx's maximum weight matching)."""
    import networkx as nx

    graph = nx.Graph()
    for left, right, weight in edges:
        graph.add_edge(("left", left), ("right", right), weight=weight)
    out: dict[Hashable, Hashable] = {}
    for a, b in nx.max_weight_matching(graph, maxcardinality=True):
        (_, left), (_, right) = (a, b) if a[0] == "left" else (b, a)
        out[left] = right
    return out


def match_reports(docs, items, reports, names: Names) -> dict[int, EventReport]:
    """Gold items (by index) to reports of their document, one to one: the most pairs, then the
    most fields agreeing (a main report with the document's main gold event counting for two). A
    report tells one event, so it is credited to one gold event only."""
    edges = []
    for n, item in enumerate(items):
        gold, doc_id = item["event"], item["doc_id"]
        for r in reports.get(doc_id, []):
            if compatible(gold, r):
                agree = sum(bool(v) for v in score_pair(gold, r, docs[doc_id], names).values())
                agree += 2 * (r.background != item["main"])
                edges.append((n, r.id, 1 + agree))
    by_id = {r.id: r for reps in reports.values() for r in reps}
    return {n: by_id[rid] for n, rid in one_to_one(edges).items()}


def evaluate(
    docs, items, reports: dict[str, list[EventReport]], names: Names, verbose: bool | str = False
):
    found = Counter()
    total = Counter()
    fields: dict[str, list[bool]] = defaultdict(list)
    figs = Counter()
    figs_total = Counter()
    matched = match_reports(docs, items, reports, names)
    for n, item in enumerate(items):
        gold, doc_id = item["event"], item["doc_id"]
        corpus = docs[doc_id]["corpus"]
        total[corpus] += 1
        best = matched.get(n)
        if best is not None:
            found[corpus] += 1
            for k, v in score_pair(gold, best, docs[doc_id], names).items():
                if v is not None:
                    fields[k].append(v)
                    if verbose and not v and verbose in (True, k):
                        print(
                            f"  {doc_id} {gold['id']} {k}: {_show(best, k)} vs gold "
                            f"{_gold_show(gold, k)}"
                        )
        elif verbose is True:
            got = [(r.type, r.date, r.location.country) for r in reports.get(doc_id, [])]
            print(
                f"  MISSED {doc_id} {gold['id']} {gold['type']} {gold['date']} "
                f"{gold['country']}: got {got}"
            )
        for fig in gold["figures"]:
            if doc_id in fig["doc_ids"]:
                figs_total[fig["kind"]] += 1
                ok = figure_found(fig, reports.get(doc_id, []))
                figs[fig["kind"]] += ok
                if verbose is True and not ok:
                    ev = fig.get("evidence", {}).get(doc_id) or fig.get("quote")
                    print(
                        f"  FIGURE {doc_id} {gold['id']} {fig['kind']} {fig['qualifier']!r} "
                        f"{fig['value']}: {ev!r}"
                    )
    neg = sum(len(reports.get(d, [])) for d in NEGATIVES)
    return found, total, fields, figs, figs_total, neg


def _show(rep: EventReport, key: str) -> Any:
    return {
        "type": rep.type,
        "date": rep.date,
        "country": rep.location.country,
        "admin1": rep.location.admin1,
        "perpetrators": [(p.name, p.basis) for p in rep.perpetrators],
        "claimed_by": rep.claimed_by,
    }[key]


def _gold_show(gold: dict, key: str) -> Any:
    return gold.get(key)


def report(title: str, result) -> None:
    found, total, fields, figs, figs_total, neg = result
    n = sum(total.values())
    print(f"\n{title}")
    for corpus in ("seeds", "dev"):
        print(
            f"  event recall {corpus:5s}  {found[corpus]:3d}/{total[corpus]:3d} "
            f"{_pct(found[corpus], total[corpus])}"
        )
    print(f"  event recall all    {sum(found.values()):3d}/{n:3d} {_pct(sum(found.values()), n)}")
    for key in ("type", "date", "country", "admin1", "perpetrators", "claimed_by"):
        vals = fields.get(key, [])
        print(f"  {key:18s}  {sum(vals):3d}/{len(vals):3d} {_pct(sum(vals), len(vals))}")
    for kind in ("killed", "wounded"):
        print(
            f"  figures {kind:9s}  {figs[kind]:3d}/{figs_total[kind]:3d} "
            f"{_pct(figs[kind], figs_total[kind])}"
        )
    print(f"  reports from negatives: {neg}")


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "   n/a"


# ---------------------------------------------------------------- merged events


def ingest_and_resolve(shared: Path, db: str) -> Any:
    """Both corpora through ``sitrep.pipeline.ingest`` (which resolves) into the store at ``db``."""
    from sitrep.pipeline import ingest
    from sitrep.settings import Settings
    from sitrep.store import Store

    store = Store(db)
    paths = [str(shared / f"corpus/{c}/documents.jsonl") for c in ("seeds", "dev")]
    ingest(store, paths, Settings(db=db, workers=2))
    return store


def gold_events(shared: Path) -> list[tuple[dict, list[str]]]:
    """(gold event, the doc ids whose reports should make it): dev events by their main documents
    (plus every document mentioning them), seed events by the documents mentioning them."""
    out = []
    seeds = shared / "corpus/seeds/gold/gold_events.json"
    for ev in json.loads(seeds.read_text(encoding="utf-8")):
        out.append((_seed_event(ev), sorted({m["doc_id"] for m in ev["mentions"]})))
    dev = shared / "corpus/dev"
    mentioned: dict[str, list[str]] = defaultdict(list)
    for g in json.loads((dev / "gold_docs.json").read_text(encoding="utf-8")):
        for eid in g["mentioned_event_ids"]:
            mentioned[eid].append(g["doc_id"])
    for ev in json.loads((dev / "gold_events.json").read_text(encoding="utf-8")):
        out.append((_dev_event(ev), mentioned[ev["event_id"]]))
    return out


def _event_compatible(gold: dict, ev: dict) -> bool:
    gt, et = gold["type"], ev["type"]
    if not ((gt in ATTACKS and et in ATTACKS) or gt == et):
        return False
    country = ev["location"]["country"]
    if gold["country"] and country and gold["country"] != country:
        return False
    if gold["date"] and ev["date"]:
        precision = _coarser(gold["precision"], ev["date_precision"] or "day")
        return same_date(gold["date"], precision, ev["date"])
    return True


def score_anchored(
    store: Any, docs, items, reports, names: Names, own: list[bool], verbose: bool
) -> None:
    """Per-report dates once resolution has dated the reports that name a day without a year
    ("on Sunday"), or give only a month or year ("in October 2022"), by the day of the event
    they joined (the event row's ``anchored``), beside ``own``, the dates scored from each text
    alone."""
    anchored: dict[str, str] = {}
    for (data,) in store.conn.execute("SELECT data FROM events"):
        for a in json.loads(data).get("anchored") or ():
            anchored[a["report_id"]] = a["date"]
    dated = {
        d: [
            replace(r, date=anchored[r.id], date_precision="day") if r.id in anchored else r
            for r in reps
        ]
        for d, reps in reports.items()
    }
    if verbose:
        print("\nper-report dates, anchored by the merged event")
    fields = evaluate(docs, items, dated, names, verbose and "date")[2]
    got = fields["date"]
    print(
        f"\n  date, own text      {sum(own):3d}/{len(own):3d} {_pct(sum(own), len(own))}"
        f"\n  date, anchored      {sum(got):3d}/{len(got):3d} {_pct(sum(got), len(got))}"
        f"   ({len(anchored)} reports, undated or dated by month or year, given their event's day)"
    )


def score_events(store: Any, shared: Path, names: Names, verbose: bool) -> None:
    """Field accuracy of the merged events (what ``sitrep events`` and events.jsonl show): each
    gold event against a compatible merged event holding its documents, one to one."""
    source = dict(store.conn.execute("SELECT id, source_id FROM documents"))
    events = [json.loads(r[0]) for r in store.conn.execute("SELECT data FROM events")]
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for ev in events:
        for d in ev["documents"]:
            by_doc[source.get(d, d)].append(ev)
    fields: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    golds = gold_events(shared)
    # one merged event per gold event of a corpus and the other way round: the most pairs; then
    # the events holding most of the gold's documents; among equals, the one that has a date and
    # the exact type (an undated event is compatible with any gold date, but is the weaker match)
    edges = []
    for n, (gold, doc_ids) in enumerate(golds):
        corpus = doc_ids[0][0]  # the same attack may be gold in both corpora
        for e in {e["id"]: e for d in doc_ids for e in by_doc[d]}.values():
            if _event_compatible(gold, e):
                shared_docs = sum(source.get(x) in doc_ids for x in e["documents"])
                weight = 4 * shared_docs + 2 * bool(gold["date"] and e["date"])
                edges.append((n, (corpus, e["id"]), weight + (e["type"] == gold["type"])))
    by_id = {e["id"]: e for e in events}
    matched = {n: by_id[key[1]] for n, key in one_to_one(edges).items()}
    for n, (gold, doc_ids) in enumerate(golds):
        corpus = "seeds" if doc_ids[0].startswith("s") else "dev"
        ev = matched.get(n)
        fields[corpus]["found"].append(ev is not None)
        if ev is None:
            if verbose:
                print(
                    f"  EVENT MISSED {gold['id']} {gold['type']} {gold['date']} {gold['country']}"
                )
            continue
        perps = {p["actor_id"] for p in ev["perpetrators"]}
        claims = {names.id(n) for n in ev["claimed_by"]}
        got = {
            "type": ev["type"] == gold["type"],
            "date": date_right(gold, ev["date"], ev["date_precision"]) if gold["date"] else None,
            "country": ev["location"]["country"] == gold["country"] if gold["country"] else None,
            "admin1": admin1_ok(gold["admin1"], ev["location"]["admin1"])
            if gold["admin1"]
            else None,
            "perpetrators": perps == {names.id(n) for n in gold["perpetrators"]},
            "claimed_by": claims == {names.id(n) for n in gold["claimed_by"]},
        }
        for key, ok in got.items():
            if ok is None:
                continue
            fields[corpus][key].append(ok)
            if verbose and not ok:
                mine = {
                    "type": ev["type"],
                    "date": ev["date"],
                    "country": ev["location"]["country"],
                    "admin1": ev["location"]["admin1"],
                    "perpetrators": sorted(perps),
                    "claimed_by": ev["claimed_by"],
                }[key]
                print(f"  EVENT {gold['id']} {key}: {mine} vs gold {gold.get(key)}")
    print("\nmerged events (after cross-source resolution; exact sets for perpetrators/claimed_by)")
    for key in ("found", "type", "date", "country", "admin1", "perpetrators", "claimed_by"):
        cells = []
        for corpus in ("seeds", "dev"):
            vals = fields[corpus][key]
            cells.append(f"{corpus} {sum(vals):3d}/{len(vals):3d} {_pct(sum(vals), len(vals))}")
        print(f"  {key:13s} " + "   ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--only", help="comma-separated doc ids")
    args = parser.parse_args()
    docs, items = load_gold(args.shared)
    if args.only:
        keep = set(args.only.split(","))
        docs = {k: v for k, v in docs.items() if k in keep}
        items = [i for i in items if i["doc_id"] in keep]
    nlp = build_chain()
    documents = read_documents(args.shared)
    names = Names()
    t0 = time.perf_counter()
    reports = {d: run_document(documents[d], nlp) for d in docs}
    print(
        f"{len(docs)} documents, {sum(map(len, reports.values()))} reports "
        f"in {time.perf_counter() - t0:.1f}s"
    )
    result = evaluate(docs, items, reports, names, args.verbose)
    report("sitrep", result)
    report("null baseline (no events)", evaluate(docs, items, {}, names))
    if not args.only:
        with tempfile.TemporaryDirectory() as tmp:
            store = ingest_and_resolve(args.shared, str(Path(tmp) / "bench.db"))
            own = result[2]["date"]
            score_anchored(store, docs, items, reports, names, own, args.verbose)
            score_events(store, args.shared, names, args.verbose)
            store.close()


if __name__ == "__main__":
    main()
