"""Relation and claim-attribution bench on the shared gold.

    PYTHONPATH=src python bench/relations.py [--shared ../shared] [--show-misses] [--show-false]

1. Relations vs ``corpus/seeds/gold/gold_relations.json``: a gold statement is found when an
   extracted relation of the same document has the same unordered actor pair, a compatible type and
   evidence overlapping the gold quote. Recall, stance accuracy on the found ones (the stance of the
   best-overlapping match), precision (extracted relations that match some gold statement).
   Actor pair: a gold name is mapped to a registry id with ``load_registry().lookup``; an endpoint
   matches when the ids are equal or, for names the registry does not know (people, cells, state
   forces), when the names share a distinctive word; an unnamed extracted endpoint (``np:``) matches
   any gold name the registry does not know.
2. Figures' ``according_to`` vs the events gold of the seeds and the dev corpus: for each gold
   figure evidence, the innermost claim covering its number (``covering_claim``); correct when its speaker
   (or role / cited source) shares a distinctive word with the gold ``according_to``, or when the
   gold says "not attributed" / "the author" and no claim (or an author claim) covers it.
Null baseline beside the scores: every relation type for every pair of actors in a sentence.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sitrep.claims import covering_claim, extract_relations  # noqa: E402
from sitrep.records import Article, Document, Evidence, RelationReport  # noqa: E402

COMPATIBLE = [
    {"cooperates_with"},
    {"fights", "rival_of"},
    {"affiliate_of", "pledged_allegiance_to", "member_of"},
    {"supports"},
]
# Words that never make two names (or a speaker and a gold source) the same: function words and
# the words of gold attributions ("not attributed in text", "initial report")...
STOP = set(
    "the of in and a an to for per by on at with as from not attributed text report"
    " initial later revised claim".split()
)
# ...and, for actor names, generic heads, roles, numbers and the seed ids some gold names carry.
GENERIC = (STOP - {"initial", "later", "revised", "claim"}) | set(
    "group groups forces force local fighters members member military intelligence state"
    " islamic unnamed s000 s004 s001 former us armed security officials official sources source"
    " spokesman spokesperson author agency news media province district police government army"
    " three four two his her their its".split()
)
NUMBER = re.compile(
    r"\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)\b", re.I
)


def words(text: str, generic: set[str] = GENERIC) -> set[str]:
    low = text.lower().replace("’", "'")
    return {w for w in re.findall(r"[a-z0-9]+", low) if w not in generic}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def overlaps(a: str, b: str, need: int = 25) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size >= min(need, len(a), len(b))


# ---------------------------------------------------------------- the chain


ACTORS_FILE = ""
BASELINE: list[tuple[str, RelationReport]] = []  # (corpus doc_id, report)
TIMES = {"process": 0.0, "claims": 0.0, "relations": 0.0}


def build_nlp() -> Any:
    from sitrep.pipeline import build_nlp as pipeline_nlp
    from sitrep.settings import Settings

    return pipeline_nlp(Settings(actors_file=ACTORS_FILE) if ACTORS_FILE else Settings())


def documents(path: Path) -> list[Document]:
    """The corpus as the CLI reads it (``read_inputs``): ``source_id`` is the corpus doc_id."""
    from sitrep.ingest import IngestOptions, read_inputs

    return [d for d in read_inputs([str(path)], IngestOptions()) if d.status == "ok"]


_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


def null_baseline(art: Article, mentions: list) -> list[RelationReport]:
    """Every type for every pair of actors mentioned in one sentence (the trivial extractor)."""
    out: list[RelationReport] = []
    for m in _SENT.finditer(art.text):
        inside = [x for x in mentions if m.start() <= x.evidence.start < m.end()]
        pairs = {(a.actor_id, a.name, b.actor_id, b.name) for a in inside for b in inside}
        ev = Evidence(art.document_id, art.index, m.start(), m.end(), m.group())
        for a_id, a, b_id, b in pairs:
            if a_id < b_id:
                for group in COMPATIBLE:
                    out.append(
                        RelationReport(
                            "",
                            art.document_id,
                            art.index,
                            a_id,
                            a,
                            b_id,
                            b,
                            min(group),
                            "asserted",
                            ev,
                        )
                    )
    return out


def run(nlp: Any, docs: Iterable[Document]) -> dict[str, list[tuple[Article, list, list]]]:
    """The real chain, ``sitrep.pipeline.process``, per document; keyed by the corpus doc_id.
    Claims and relations are timed again on the same parse to report their share of the run."""
    from sitrep.pipeline import process

    out: dict[str, list[tuple[Article, list, list]]] = {}
    for document in docs:
        t0 = time.perf_counter()
        ex = process(document, nlp)
        TIMES["process"] += time.perf_counter() - t0
        for art in ex.articles:
            claims = [c for c in ex.claims if c.article_index == art.index]
            rels = [r for r in ex.relations if r.article_index == art.index]
            mentions = [m for m in ex.mentions if m.evidence.article_index == art.index]
            BASELINE.extend((document.source_id, r) for r in null_baseline(art, mentions))
            out.setdefault(document.source_id, []).append((art, claims, rels))
    return out


def time_steps(nlp: Any, docs: Iterable[Document]) -> dict[str, float]:
    """Seconds of the bare spaCy pass vs claims and relations over the same articles."""
    import sitrep.actors as actors_step
    from sitrep.claims import extract_claims as claims_of
    from sitrep.clean import clean_document

    spacy_s = claims_s = rel_s = 0.0
    for document in docs:
        arts = clean_document(document).articles
        t0 = time.perf_counter()
        parsed = list(nlp.pipe(a.text for a in arts))
        spacy_s += time.perf_counter() - t0
        for art, doc in zip(arts, parsed, strict=True):
            found = actors_step.extract(doc, art)
            t0 = time.perf_counter()
            claims = claims_of(doc, art, found)
            t1 = time.perf_counter()
            extract_relations(doc, art, found, claims)
            t2 = time.perf_counter()
            claims_s += t1 - t0
            rel_s += t2 - t1
    return {
        "spacy_s": round(spacy_s, 2),
        "claims_s": round(claims_s, 3),
        "relations_s": round(rel_s, 3),
        "share_of_spacy": round((claims_s + rel_s) / spacy_s, 3) if spacy_s else 0.0,
    }


# ---------------------------------------------------------------- relation scoring


def gold_id(name: str) -> str | None:
    try:
        from sitrep.actors.registry import load_registry

        actor = load_registry(ACTORS_FILE or None).lookup(
            re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
        )
    except (ImportError, AttributeError):
        return None
    return actor.id if actor else None


def endpoint_match(gold_name: str, rel_id: str, rel_name: str) -> bool:
    gid = gold_id(gold_name)
    if gid is not None and rel_id == gid:
        return True
    if gid is not None:
        return False  # the gold names a registry actor, and a different one
    if rel_id.startswith("np:"):
        return True  # an unnamed group or person on both sides (the quote overlap decides)
    return bool(words(gold_name) & words(rel_name))


def pair_match(g: dict, r: RelationReport) -> bool:
    straight = endpoint_match(g["a"], r.a_id, r.a) and endpoint_match(g["b"], r.b_id, r.b)
    crossed = endpoint_match(g["a"], r.b_id, r.b) and endpoint_match(g["b"], r.a_id, r.a)
    return straight or crossed


def type_match(a: str, b: str) -> bool:
    return any(a in group and b in group for group in COMPATIBLE)


def matches(g: dict, r: RelationReport) -> bool:
    return (
        type_match(g["relation"], r.type)
        and overlaps(g["quote"], r.evidence.text)
        and pair_match(g, r)
    )


def score_relations(gold: list[dict], runs: dict, show_misses: bool, show_false: bool) -> dict:
    rels = {d: [r for _, _, rs in arts for r in rs] for d, arts in runs.items()}
    found = stance_ok = 0
    for g in gold:
        cands = [r for r in rels.get(g["doc_id"], []) if matches(g, r)]
        if cands:
            found += 1
            best = max(cands, key=lambda r: len(words(r.evidence.text) & words(g["quote"])))
            stance_ok += best.stance == g["stance"]
            if show_misses and best.stance != g["stance"]:
                print(
                    f"STANCE {g['doc_id']} gold={g['stance']} got={best.stance}: {g['quote'][:90]}"
                )
        elif show_misses:
            print(
                f"MISS {g['doc_id']} {g['a']} -{g['relation']}/{g['stance']}-> {g['b']}: {g['quote'][:100]}"
            )
    extracted = [(d, r) for d, rs in rels.items() for r in rs]
    correct = [(d, r) for d, r in extracted if any(matches(g, r) for g in gold if g["doc_id"] == d)]
    if show_false:
        for d, r in extracted:
            if (d, r) not in correct:
                print(
                    f"FALSE {d} {r.a} -{r.type}/{r.stance}-> {r.b} [{r.speaker}]: {norm(r.evidence.text)[:110]}"
                )
    return {
        "gold": len(gold),
        "recall": found / len(gold) if gold else 0.0,
        "stance_accuracy": stance_ok / found if found else 0.0,
        "extracted": len(extracted),
        "precision": len(correct) / len(extracted) if extracted else 0.0,
    }


# ---------------------------------------------------------------- figures' according_to

UNATTRIBUTED = re.compile(r"not attributed|^the author", re.I)


def gold_figures(shared: Path) -> list[tuple[str, str, str]]:
    """(doc_id, evidence text, according_to) for every gold figure of the seeds and dev events."""
    out: list[tuple[str, str, str]] = []
    for path in ("corpus/seeds/gold/gold_events.json", "corpus/dev/gold_events.json"):
        for event in json.loads((shared / path).read_text(encoding="utf-8")):
            for kind in ("killed", "wounded"):
                for f in event[kind]["figures"]:
                    if "evidence" in f:
                        out += [(d, s, f["according_to"]) for d, s in f["evidence"].items()]
                    else:
                        out.append((f["doc_id"], f["quote"], f["according_to"]))
    return out


def score_figures(figures: list[tuple[str, str, str]], runs: dict, show: bool) -> dict:
    located = correct = attributed = attributed_ok = 0
    for doc_id, quote, according_to in figures:
        hit = next(
            (
                (art, claims)
                for art, claims, _ in runs.get(doc_id, [])
                if norm(quote) in norm(art.text)
            ),
            None,
        )
        if hit is None:
            continue
        art, claims = hit
        start = art.text.find(quote)
        if start < 0:  # whitespace differs after cleaning
            continue
        located += 1
        number = NUMBER.search(quote)  # the figure itself must be covered, not the whole quote
        lo, hi = (start + number.start(), start + number.end()) if number else (start, start + 1)
        claim = covering_claim(claims, lo, hi)
        parts = [claim.speaker, claim.speaker_role, claim.cited_source] if claim else []
        who = " ".join(p for p in parts if p)
        if UNATTRIBUTED.search(according_to):
            ok = claim is None or claim.is_opinion or claim.speaker == "the author"
        else:
            attributed += 1
            ok = bool(claim) and bool(words(who, STOP) & words(according_to, STOP))
            attributed_ok += ok
        correct += ok
        if show and not ok:
            print(f"FIG {doc_id} gold={according_to!r} got={who!r}: {quote[:70]}")
    return {
        "figures": len(figures),
        "located": located,
        "according_to_correct": correct / located if located else 0.0,
        "attributed": attributed,
        "attributed_correct": attributed_ok / attributed if attributed else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--show-false", action="store_true")
    parser.add_argument("--show-figures", action="store_true")
    parser.add_argument("--actors-file", default="", help="extra actor registry (YAML)")
    args = parser.parse_args(argv)
    global ACTORS_FILE
    ACTORS_FILE = args.actors_file

    seeds = documents(args.shared / "corpus/seeds/documents.jsonl")
    dev = documents(args.shared / "corpus/dev/documents.jsonl")
    gold = json.loads(
        (args.shared / "corpus/seeds/gold/gold_relations.json").read_text(encoding="utf-8")
    )
    nlp = build_nlp()
    seed_runs = run(nlp, seeds)
    rel = score_relations(gold, seed_runs, args.show_misses, args.show_false)
    base_runs = {d: [(None, [], [r for k, r in BASELINE if k == d])] for d in seed_runs}
    baseline = score_relations(gold, base_runs, False, False)
    rel["null_baseline"] = {k: baseline[k] for k in ("recall", "precision", "extracted")}
    runs = {**seed_runs, **run(nlp, dev)}
    fig = score_figures(gold_figures(args.shared), runs, args.show_figures)
    claims = sum(len(c) for arts in runs.values() for _, c, _ in arts)
    kinds: dict[str, int] = {}
    for arts in runs.values():
        for _, cs, _ in arts:
            for c in cs:
                kinds[str(c.about_kind)] = kinds.get(str(c.about_kind), 0) + 1
    speed = time_steps(nlp, seeds + dev)
    report = {
        "relations": rel,
        "figures_according_to": fig,
        "claims_total": claims,
        "claims_about_kind": kinds,
        "speed": speed,
    }
    print(json.dumps(report, indent=2))
    targets = rel["recall"] >= 0.8 and rel["stance_accuracy"] >= 0.75 and rel["precision"] >= 0.8
    print("targets (recall>=0.80, stance>=0.75, precision>=0.80):", "met" if targets else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
