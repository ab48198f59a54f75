"""Bench of the clean step on the shared gold: `python bench/clean.py` prints a table.

Measures, each beside two null baselines ("raw": the raw text kept whole as one article;
"empty": no text at all):

- boilerplate removed: share of gold boilerplate snippets (seeds gold_docs "boilerplate", dev
  gold_docs "boilerplate_examples") no longer in the clean text. A snippet counts as removed when
  it is not a substring of any clean article text, or, for snippets that also occur as content
  (a caption "Islamic State" glued to a paragraph), when at least as many of its raw occurrences
  as gold says are boilerplate (``boilerplate_detail.count``, else 1) have no char kept.
- figure evidence kept: share of casualty-figure evidence spans (seeds gold_events figure
  "quote", dev gold_events figure "evidence") found in the clean text, whitespace-normalised.
- surface forms kept: share of group surface forms found in the clean text (exact). Forms that
  occur only inside boilerplate are left out: seeds' "surface_forms_in_boilerplate", and for
  dev the forms whose every raw occurrence lies inside a gold boilerplate snippet.
- s001 split: articles found vs gold segments, and per gold segment whether the article at that
  position has the same title, date, author and starts its body with the gold first words.
- speed: milliseconds per document and per 2,000 characters over seeds + dev.

Corpora are read from ../shared (or $SITREP_SHARED).
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sitrep.clean import Cleaned, clean_document  # noqa: E402
from sitrep.records import Article, Document, Span  # noqa: E402

SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _baseline(doc: Document, kind: str) -> Cleaned:
    if kind == "raw":
        span = (Span(0, 0, len(doc.raw)),)
        return Cleaned((Article(doc.id, 0, doc.raw, offsets=span),), ())
    return Cleaned((Article(doc.id, 0, ""),), ())


def _kept_mask(raw: str, cleaned: Cleaned) -> bytearray:
    mask = bytearray(len(raw))
    for article in cleaned.articles:
        for span in article.offsets:
            mask[span.raw_start : span.raw_start + span.length] = b"\x01" * span.length
    return mask


def _removed(snippet: str, count: int, raw: str, texts: list[str], mask: bytearray) -> bool:
    if not any(snippet in t for t in texts):
        return True
    starts = [m.start() for m in re.finditer(re.escape(snippet), raw)]
    gone = sum(1 for s in starts if not any(mask[s : s + len(snippet)]))
    return gone >= min(count, len(starts))


def _boilerplate_only(form: str, raw: str, snippets: list[str]) -> bool:
    covered = [(m.start(), m.end()) for s in snippets for m in re.finditer(re.escape(s), raw)]
    occurrences = [(m.start(), m.end()) for m in re.finditer(re.escape(form), raw)]
    return bool(occurrences) and all(
        any(a <= s and e <= b for a, b in covered) for s, e in occurrences
    )


def load() -> dict:
    seeds, dev = SHARED / "corpus/seeds", SHARED / "corpus/dev"
    if not seeds.exists():
        sys.exit(f"shared corpus not found at {SHARED} (set SITREP_SHARED)")
    gold_seed = {n: json.loads((seeds / "gold" / f"{n}.json").read_text()) for n in
                 ("gold_docs", "gold_events", "segments")}  # fmt: skip
    gold_dev = {
        n: json.loads((dev / f"{n}.json").read_text()) for n in ("gold_docs", "gold_events")
    }
    return {
        "seeds": {r["doc_id"]: r for r in _jsonl(seeds / "documents.jsonl")},
        "dev": {r["doc_id"]: r for r in _jsonl(dev / "documents.jsonl")},
        "gold_seed": gold_seed,
        "gold_dev": gold_dev,
    }


def items(data: dict, corpus: str) -> tuple[list, list, list]:
    """(boilerplate, evidence, surface forms) as (doc_id, text[, count]) lists."""
    boiler, evidence, forms = [], [], []
    if corpus == "seeds":
        for g in data["gold_seed"]["gold_docs"]:
            counts = {d["text"]: d.get("count", 1) for d in g.get("boilerplate_detail", [])}
            boiler += [(g["doc_id"], s, counts.get(s, 1)) for s in g["boilerplate"]]
            skip = {f for fs in g.get("surface_forms_in_boilerplate", {}).values() for f in fs}
            text = data["seeds"][g["doc_id"]]["text"]
            forms += [(g["doc_id"], f) for fs in g["surface_forms"].values() for f in fs
                      if f not in skip and f in text]  # fmt: skip
        for e in data["gold_seed"]["gold_events"]:
            for kind in ("killed", "wounded"):
                for f in (e.get(kind) or {}).get("figures", []):
                    evidence.append((f["doc_id"], f["quote"]))
    else:
        for g in data["gold_dev"]["gold_docs"]:
            raw = data["dev"][g["doc_id"]]["text"]
            boiler += [(g["doc_id"], s, 1) for s in g["boilerplate_examples"]]
            forms += [(g["doc_id"], f) for fs in g["surface_forms"].values() for f in fs
                      if not _boilerplate_only(f, raw, g["boilerplate_examples"])]  # fmt: skip
        for e in data["gold_dev"]["gold_events"]:
            for kind in ("killed", "wounded"):
                for f in e[kind]["figures"]:
                    evidence += list(f["evidence"].items())
    return boiler, evidence, forms


def score(data: dict, corpus: str, cleaned: dict[str, Cleaned]) -> dict[str, tuple[int, int]]:
    records = data[corpus]
    boiler, evidence, forms = items(data, corpus)
    texts = {d: [a.text for a in c.articles] for d, c in cleaned.items()}
    masks = {d: _kept_mask(records[d]["text"], c) for d, c in cleaned.items()}
    removed = sum(_removed(s, n, records[d]["text"], texts[d], masks[d]) for d, s, n in boiler)
    kept_ev = sum(any(_norm(q) in _norm(t) for t in texts[d]) for d, q in evidence)
    kept_forms = sum(any(f in t for t in texts[d]) for d, f in forms)
    return {
        "boilerplate removed": (removed, len(boiler)),
        "figure evidence kept": (kept_ev, len(evidence)),
        "surface forms kept": (kept_forms, len(forms)),
    }


def split_score(data: dict, cleaned: Cleaned) -> dict[str, tuple[int, int]]:
    gold = [s for s in data["gold_seed"]["segments"] if s["doc_id"] == "s001"]
    arts = cleaned.articles
    out = {"s001 articles": (len(arts), len(gold))}
    title = date = author = body = 0
    for seg in gold:
        i = seg["segment_index"]
        if i >= len(arts):
            continue
        art = arts[i]
        title += _norm(art.title or "") == _norm(seg["title"])
        date += art.published == seg["date"]
        author += art.author == seg["author"]
        first = _norm(art.text)
        if art.title:
            first = first.removeprefix(_norm(art.title)).strip()
        body += first.startswith(_norm(seg["first_words"]))
    n = len(gold)
    out |= {"s001 titles": (title, n), "s001 dates": (date, n), "s001 authors": (author, n),
            "s001 body starts": (body, n)}  # fmt: skip
    return out


def _doc(doc_id: str, record: dict) -> Document:
    return Document(doc_id, doc_id, doc_id, record["text"], url=record.get("url"))


def _fmt(pair: tuple[int, int]) -> str:
    k, n = pair
    return f"{k}/{n} = {100 * k / n:5.1f}%" if n else "-"


def _misses(data: dict, corpus: str, cleaned: dict[str, Cleaned]) -> list[str]:
    records = data[corpus]
    boiler, evidence, forms = items(data, corpus)
    out = []
    for d, s, n in boiler:
        texts = [a.text for a in cleaned[d].articles]
        if not _removed(
            s, n, records[d]["text"], texts, _kept_mask(records[d]["text"], cleaned[d])
        ):
            out.append(f"  {corpus} {d} boilerplate kept: {s[:70]!r}")
    for d, q in evidence:
        if not any(_norm(q) in _norm(a.text) for a in cleaned[d].articles):
            out.append(f"  {corpus} {d} evidence lost: {q[:70]!r}")
    for d, f in forms:
        if not any(f in a.text for a in cleaned[d].articles):
            out.append(f"  {corpus} {d} surface form lost: {f!r}")
    return out


def main() -> None:
    data = load()
    rows: list[tuple[str, str, str, str]] = []
    misses: list[str] = []
    elapsed, n_docs, n_chars = 0.0, 0, 0
    for corpus in ("seeds", "dev"):
        docs = {d: _doc(d, r) for d, r in data[corpus].items()}
        t0 = time.perf_counter()
        cleaned = {d: clean_document(doc) for d, doc in docs.items()}
        elapsed += time.perf_counter() - t0
        n_docs += len(docs)
        n_chars += sum(len(doc.raw) for doc in docs.values())
        results = {
            name: score(data, corpus, {d: _baseline(doc, name) for d, doc in docs.items()})
            for name in ("raw", "empty")
        }
        ours = score(data, corpus, cleaned)
        for metric, value in ours.items():
            rows.append((f"{corpus}: {metric}", _fmt(value), _fmt(results["raw"][metric]),
                         _fmt(results["empty"][metric])))  # fmt: skip
        if corpus == "seeds":
            s001 = docs["s001"]
            ours_split = split_score(data, cleaned["s001"])
            nulls = [split_score(data, _baseline(s001, name)) for name in ("raw", "empty")]
            for metric in ours_split:
                cells = [v[metric] for v in (ours_split, *nulls)]
                shown = [f"{k} (gold {n})" if metric == "s001 articles" else _fmt((k, n))
                         for k, n in cells]  # fmt: skip
                rows.append((metric, *shown))
        misses += _misses(data, corpus, cleaned)
    width = max(len(r[0]) for r in rows)
    print(f"{'metric':<{width}}  {'sitrep':<18}  {'null: raw':<18}  {'null: empty':<18}")
    for r in rows:
        print(f"{r[0]:<{width}}  {r[1]:<18}  {r[2]:<18}  {r[3]:<18}")
    per_doc = 1000 * elapsed / n_docs
    per_2k = 1000 * elapsed / (n_chars / 2000)
    print(f"\nspeed: {per_doc:.2f} ms per document, {per_2k:.2f} ms per 2,000 chars "
          f"({n_docs} documents, {n_chars:,} chars; first call includes loading the patterns)")  # fmt: skip
    if misses:
        print("\nmisses:")
        print("\n".join(misses))


if __name__ == "__main__":
    main()
