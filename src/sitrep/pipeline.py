"""The one place the steps are wired: Documents in, Extractions out, written to the store.

    Document ─clean─► Articles ─nlp─► spaCy Docs ─actors─► claims ─► events ─► relations ─► Extraction

Each worker process loads the spaCy pipeline once; the main process reads inputs, skips duplicates,
hands windows of documents to the workers and writes each batch of results in one transaction.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING, BinaryIO

from sitrep import actors as actors_step
from sitrep import claims as claims_step
from sitrep import events as events_step
from sitrep.clean import clean_document
from sitrep.ingest import IngestOptions, read_inputs
from sitrep.nlp import load_model
from sitrep.records import Claim, Document, EventReport, Evidence, Extraction
from sitrep.resolve import resolve
from sitrep.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from sitrep.store import Store


def build_nlp(settings: Settings) -> Language:
    nlp = load_model(settings.model)
    actors_step.add_to_pipeline(nlp, actors_file=settings.actors_file)
    return nlp


def process(document: Document, nlp: Language) -> Extraction:
    """Everything sitrep extracts from one document (pure: reads nothing, writes nothing)."""
    return process_many([document], nlp)[0]


def process_many(
    documents: list[Document], nlp: Language, batch_size: int = 16
) -> list[Extraction]:
    """:func:`process` for several documents, parsing all their articles in spaCy batches (one
    article at a time is markedly slower)."""
    cleaned = [clean_document(d) if d.status == "ok" else None for d in documents]
    articles = [a for c in cleaned if c is not None for a in c.articles]
    parsed = iter(nlp.pipe((a.text for a in articles), batch_size=batch_size))
    out = []
    for document, clean in zip(documents, cleaned, strict=True):
        if clean is None:
            out.append(Extraction(document=document))
            continue
        mentions, people, discovered, events, claims, relations = [], [], [], [], [], []
        for article in clean.articles:
            doc = next(parsed)
            found = actors_step.extract(doc, article)
            said = claims_step.extract_claims(doc, article, found)
            mentions += found.mentions
            people += found.people
            discovered += found.discovered
            reports = events_step.extract_events(doc, article, found, said)
            relations += claims_step.extract_relations(doc, article, found, said)
            claims += link_claims(said, reports)
            events += reports
        out.append(
            Extraction(
                document=document,
                articles=clean.articles,
                removed=clean.removed,
                mentions=tuple(mentions),
                people=tuple(people),
                discovered=tuple(discovered),
                events=tuple(events),
                claims=tuple(claims),
                relations=tuple(relations),
            )
        )
    return out


def link_claims(claims: list[Claim], reports: list[EventReport]) -> list[Claim]:
    """Point each claim at the event report it speaks about: the report whose figures,
    perpetrators or sentences its statement overlaps (the main report first, then past events
    mentioned in passing), so `sitrep claims --about EVENT` finds who said what about it."""
    if not reports:
        return claims
    ordered = sorted(reports, key=lambda r: r.background)

    def spans(report: EventReport) -> list[Evidence]:
        found = [f.evidence for f in report.figures if f.evidence is not None]
        found += [p.evidence for p in report.perpetrators if p.evidence is not None]
        return found + list(report.evidence)

    linked = []
    for claim in claims:
        ev = claim.evidence
        target = next(
            (r for r in ordered if any(e.start < ev.end and ev.start < e.end for e in spans(r))),
            None,
        )
        if target is not None and claim.about is None:
            claim = replace(claim, about=target.id, about_kind=claim.about_kind or "event")
        linked.append(claim)
    return linked


# Per-process state of the worker processes (set by the pool initializer, never in the parent).
_worker_nlp: Language | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_nlp
    _worker_nlp = build_nlp(settings)


def _init_worker_reset() -> None:
    global _worker_nlp
    _worker_nlp = None


# A tiny report that makes the lazily loaded data (gazetteer, date parser) load before forking.
_WARM_UP = Document(
    id="warm-up",
    source_id="warm-up",
    origin="warm-up",
    raw="Gunmen killed at least three police officers in Kabul, Afghanistan, on Monday, officials said.",
    published="2020-01-06",
)


@dataclass
class IngestReport:
    ingested: int = 0
    duplicates: int = 0
    rejected: list[Document] = field(default_factory=list)
    articles: int = 0
    events: int = 0
    new_events: int = 0
    words: int = 0
    seconds: float = 0.0


Progress = Callable[[IngestReport], None]


def _work_many(documents: list[Document]) -> list[Extraction]:
    assert _worker_nlp is not None
    return process_many(documents, _worker_nlp)


def ingest(
    store: Store,
    paths: Iterable[str],
    settings: Settings,
    *,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
) -> IngestReport:
    """Read, process and store every input; duplicates are counted, rejections stored with reasons.

    The main process reads and de-duplicates inputs and writes results; the workers always have a
    few chunks queued, so they keep parsing while results are written, and memory stays bounded
    by the number of chunks in flight, not by the size of the corpus.
    """
    from sitrep.actors.registry import load_registry

    started = time.monotonic()
    report = IngestReport()
    store.sync_registry(load_registry(settings.actors_file or None).actors.values())
    opts = IngestOptions(max_bytes=settings.max_bytes, min_english=settings.min_english)
    workers = settings.worker_count
    chunk_size, max_inflight = 12, 2 * workers
    seen: set[str] = set()
    chunk: list[Document] = []
    batch: list[Extraction] = []
    inflight: deque[AsyncResult | list[Extraction]] = deque()

    pool = None
    nlp = None
    ctx = multiprocessing.get_context()
    if workers > 1 and ctx.get_start_method() == "fork":
        # Load once here and fork: the workers share the model's memory pages and skip the
        # per-process start-up (model, registry matcher, gazetteer, date parser).
        _init_worker(settings)
        process(_WARM_UP, _worker_nlp)  # type: ignore[arg-type]
        pool = ctx.Pool(workers)
    elif workers > 1:
        pool = ctx.Pool(workers, initializer=_init_worker, initargs=(settings,))
    else:
        nlp = build_nlp(settings)

    def write(final: bool = False) -> None:
        if not batch or (len(batch) < settings.batch_size and not final):
            return
        store.write(batch)
        for ex in batch:
            if ex.document.status != "ok":
                continue
            report.ingested += 1
            report.articles += len(ex.articles)
            report.events += len(ex.events)
            report.words += sum(len(a.text.split()) for a in ex.articles)
        batch.clear()
        report.seconds = time.monotonic() - started
        if progress:
            progress(report)

    def drain(limit: int) -> None:
        while len(inflight) > limit:
            done = inflight.popleft()
            batch.extend(done if isinstance(done, list) else done.get())
            write()

    def submit() -> None:
        if not chunk:
            return
        if pool is not None:
            inflight.append(pool.apply_async(_work_many, (list(chunk),)))
        else:
            inflight.append(process_many(list(chunk), nlp))  # type: ignore[arg-type]
        chunk.clear()
        drain(max_inflight)

    try:
        for doc in read_inputs(paths, opts, stdin=stdin):
            if doc.id in seen or store.known_ids([doc.id]):
                if doc.status == "rejected":
                    report.rejected.append(doc)
                else:
                    report.duplicates += 1
                continue
            seen.add(doc.id)
            if doc.status == "rejected":
                report.rejected.append(doc)
                batch.append(Extraction(document=doc))
                continue
            chunk.append(doc)
            if len(chunk) >= chunk_size:
                submit()
        submit()
        drain(0)
        write(final=True)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
        _init_worker_reset()
    # New reports join existing events or make new ones; only the touched events are rebuilt.
    resolved = resolve(store)
    report.new_events = resolved.new_events
    report.seconds = time.monotonic() - started
    return report
