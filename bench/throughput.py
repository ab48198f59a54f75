"""Throughput of `sitrep ingest` (the whole process) beside a bare spaCy pass over the same texts.

    python bench/throughput.py [--docs 300] [--workers 2] [--memory]

Both runs are whole processes started the same way, with the same model and number of processes,
over the shared corpora (seeds + dev) repeated to ``--docs`` documents (each copy made unique so
it is not a duplicate). Reports documents/s, words/s, their ratio and peak memory of the process
tree. ``--memory`` also ingests 1,000 and 10,000 documents to check memory stays flat.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))
BIN = Path(sys.executable).parent

BARE = """
import json, sys
from sitrep.nlp import load_model
nlp = load_model()
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
n = int(sys.argv[2])
for _ in nlp.pipe(texts, n_process=n, batch_size=16):
    pass
"""


def corpus(n: int, path: Path) -> int:
    records = []
    for name in ("corpus/seeds/documents.jsonl", "corpus/dev/documents.jsonl"):
        for line in (SHARED / name).read_text(encoding="utf-8").splitlines():
            records.append(json.loads(line))
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rec = dict(records[i % len(records)])
            rec["doc_id"] = f"{rec['doc_id']}-{i}"
            rec["text"] = rec["text"] + f"\n\nCopy {i}."
            words += len(rec["text"].split())
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return words


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry.name))
            except OSError:
                continue
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
        stack.extend(children.get(p, []))
    return total


def timed(cmd: list[str]) -> tuple[float, int]:
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    _, stderr = proc.communicate()
    thread.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {stderr.decode()[-2000:]}")
    return time.monotonic() - start, peak


def run(n: int, workers: int, bare: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "docs.jsonl"
        words = corpus(n, data)
        row: dict[str, float] = {"docs": n, "words": words}
        secs, rss = timed(
            [
                str(BIN / "sitrep"),
                "--db",
                str(Path(tmp) / "kb.db"),
                "ingest",
                str(data),
                "--workers",
                str(workers),
                "--quiet",
            ]
        )
        row.update(
            sitrep_s=secs,
            sitrep_docs_s=n / secs,
            sitrep_words_s=words / secs,
            sitrep_rss_mb=rss / 2**20,
        )
        if bare:
            secs, rss = timed([sys.executable, "-c", BARE, str(data), str(workers)])
            row.update(
                spacy_s=secs,
                spacy_docs_s=n / secs,
                spacy_words_s=words / secs,
                spacy_rss_mb=rss / 2**20,
            )
            row["ratio"] = row["sitrep_docs_s"] / row["spacy_docs_s"]
        return row


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--memory", action="store_true", help="also 1,000 and 10,000 documents")
    args = ap.parse_args()
    if not SHARED.exists():
        raise SystemExit(f"shared corpora not found at {SHARED}")
    row = run(args.docs, args.workers, bare=True)
    print(f"{row['docs']} documents, {row['words']:,} words, {args.workers} processes")
    print(
        f"  sitrep ingest : {row['sitrep_docs_s']:6.1f} docs/s  {row['sitrep_words_s']:8,.0f} words/s  peak {row['sitrep_rss_mb']:,.0f} MB"
    )
    print(
        f"  bare spaCy    : {row['spacy_docs_s']:6.1f} docs/s  {row['spacy_words_s']:8,.0f} words/s  peak {row['spacy_rss_mb']:,.0f} MB"
    )
    print(f"  ratio sitrep/spaCy: {row['ratio']:.2f}  (target >= 0.8)")
    if args.memory:
        for n in (1000, 10000):
            r = run(n, args.workers, bare=False)
            print(
                f"  {n:>6} documents: {r['sitrep_docs_s']:.1f} docs/s, peak {r['sitrep_rss_mb']:,.0f} MB"
            )


if __name__ == "__main__":
    main()
