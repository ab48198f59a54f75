"""The command line: a thin shell over the library. Each command opens the store or pipeline,
calls one function and formats the result. Exit codes: 0 success, 1 some inputs were rejected
(the rest stored), 2 usage or setup errors."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console

from sitrep import export as export_mod
from sitrep import query
from sitrep.errors import SitrepError
from sitrep.formats import OutputFormat, emit
from sitrep.settings import Settings, load_settings
from sitrep.store import Store

if TYPE_CHECKING:
    from sitrep.pipeline import IngestReport

app = typer.Typer(
    help="sitrep: news reports about armed groups → a sourced, queryable knowledge base.\n\n"
    "Example: sitrep ingest reports/ && sitrep status",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False, soft_wrap=True)

FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


class State:
    settings: Settings


def _settings(ctx: typer.Context) -> Settings:
    return ctx.obj.settings


def _fail(exc: SitrepError) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(2)


def _open(ctx: typer.Context, *, readonly: bool = False) -> Store:
    try:
        return Store(_settings(ctx).db, readonly=readonly)
    except SitrepError as exc:
        raise _fail(exc) from exc


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[
        Optional[str],
        typer.Option("--db", help="SQLite file [env SITREP_DB; default ./sitrep.db]."),
    ] = None,
) -> None:
    """sitrep: news reports about armed groups → a sourced, queryable knowledge base."""
    try:
        settings = load_settings().with_overrides(db=db)
    except SitrepError as exc:
        raise _fail(exc) from exc
    state = State()
    state.settings = settings
    ctx.obj = state


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    workers: Annotated[
        Optional[int],
        typer.Option("--workers", "-w", help="Worker processes [default: all cores]."),
    ] = None,
    actors: Annotated[
        Optional[Path],
        typer.Option("--actors", help="Extra actor registry (YAML) merged over the bundled one."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary, only errors.")
    ] = False,
) -> None:
    """Read reports (.txt .md .html .jsonl .ndjson .warc .warc.gz, folders, -) into the store.

    Example: sitrep --db kb.db ingest reports/ feeds.jsonl --workers 2
    """
    from sitrep.pipeline import ingest as run_ingest

    try:
        settings = _settings(ctx).with_overrides(
            workers=workers, actors_file=str(actors) if actors else None
        )
    except SitrepError as exc:
        raise _fail(exc) from exc
    store = _open(ctx)
    progress = None if quiet else _ProgressBar()
    try:
        report = run_ingest(store, paths, settings, progress=progress, stdin=sys.stdin.buffer)
    except SitrepError as exc:
        raise _fail(exc) from exc
    except KeyboardInterrupt:
        err.print(
            "interrupted: every batch written so far is complete; run the same command again to finish."
        )
        raise typer.Exit(130) from None
    finally:
        if progress is not None:
            progress.close()
        store.close()
    for doc in report.rejected:
        typer.echo(f"rejected: {doc.origin}: {doc.error}", err=True)
    if not quiet:
        rate = report.ingested / report.seconds if report.seconds else 0.0
        typer.echo(
            f"ingested {report.ingested} / duplicates {report.duplicates} / rejected {len(report.rejected)}"
            f"  ({report.articles} articles, {report.events} event reports, {report.new_events} new events,"
            f" {report.seconds:.1f} s, {rate:.1f} docs/s)"
        )
    if report.rejected:
        raise typer.Exit(1)


class _ProgressBar:
    """A progress display that only appears for runs longer than a second."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.progress = None
        self.task = None

    def __call__(self, report: IngestReport) -> None:
        if self.progress is None:
            if time.monotonic() - self.started < 1.0 or not err.is_terminal:
                return
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("")
        rate = report.ingested / report.seconds if report.seconds else 0.0
        self.progress.update(
            self.task,
            description=f"{report.ingested} documents, {report.words:,} words ({rate:.1f} docs/s)",
        )

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


@app.command()
def status(ctx: typer.Context, fmt: FormatOpt = OutputFormat.table) -> None:
    """Counts of what the store holds, and every rejected input with its reason.

    Example: sitrep status --format json
    """
    store = _open(ctx)
    with store:
        counts = query.status(store)
        rejects = query.rejected(store)
    if fmt is OutputFormat.table:
        emit(
            [{"what": k, "count": v} for k, v in counts.items()],
            ["what", "count"],
            fmt,
            title=f"sitrep store {_settings(ctx).db}",
        )
        if rejects:
            emit(rejects, ["origin", "error"], fmt, title="rejected inputs")
    elif fmt is OutputFormat.json:
        typer.echo(json.dumps({**counts, "rejected_inputs": rejects}, ensure_ascii=False, indent=2))
    else:
        emit([{"what": k, "count": v} for k, v in counts.items()], ["what", "count"], fmt)


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[
        str, typer.Argument(metavar="QUERY", help='Words (all must match) or "a phrase".')
    ],
    limit: Annotated[int, typer.Option(help="Most results.")] = 20,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Full-text search over the clean article text, with highlighted snippets.

    Example: sitrep search "Haqqani network" --limit 5
    """
    store = _open(ctx)
    with store:
        rows = query.search(store, text, limit=limit)
    if fmt is OutputFormat.table:
        from rich.table import Table

        table = Table(title=f"{len(rows)} articles matching {text!r}")
        for col in ("document", "title", "published", "snippet"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(
                f"{r['document_id']}#{r['article_index']}",
                r["title"] or "",
                r["published"] or "",
                _highlight(r["snippet"]),
            )
        out.print(table)
    else:
        emit(rows, ["document_id", "article_index", "title", "published", "snippet"], fmt)


def _highlight(snippet: str):
    from rich.text import Text

    text = Text()
    for i, part in enumerate(snippet.replace("»", "«").split("«")):
        text.append(part, style="bold yellow" if i % 2 else None)
    return text


@app.command()
def documents(ctx: typer.Context, fmt: FormatOpt = OutputFormat.table) -> None:
    """List stored documents (ok and rejected).

    Example: sitrep documents --format csv > docs.csv
    """
    store = _open(ctx)
    with store:
        rows = query.documents(store)
    emit(rows, ["id", "source_id", "status", "articles", "title", "published", "error"], fmt)


@app.command()
def show(
    ctx: typer.Context,
    doc: Annotated[
        str, typer.Argument(help="Document id (or a unique prefix), source id or input path.")
    ],
    removed: Annotated[
        bool, typer.Option("--removed", help="List what cleaning removed, and why.")
    ] = False,
) -> None:
    """Print a document's articles as cleaned (and, with --removed, what was dropped).

    Example: sitrep show s001 --removed
    """
    store = _open(ctx)
    with store:
        doc_id = query.resolve_document_id(store, doc)
        if doc_id is None:
            err.print(f"error: no document {doc!r} (try: sitrep documents)", markup=False)
            raise typer.Exit(2)
        document = store.document(doc_id)
        arts = query.articles(store, doc_id)
        gone = query.removed(store, doc_id) if removed else []
    assert document is not None
    out.print(
        f"[bold]{doc_id}[/bold]  source {document.source_id}  status {document.status}", markup=True
    )
    if document.error:
        out.print(f"rejected: {document.error}", markup=False)
    for a in arts:
        out.rule(f"article {a['index']}")
        meta = [f"title: {a['title']}"] + [
            f"{k}: {a[k]}"
            for k in ("author", "published", "date_precision", "date_source", "publisher", "genre")
            if a[k]
        ]
        out.print("\n".join(meta), markup=False)
        out.print()
        out.print(a["text"], markup=False)
    if removed:
        out.rule(f"removed ({len(gone)})")
        for r in gone:
            out.print(f"[{r['kind']}] {r['text']!r}", markup=False)


def _figure(f: dict) -> str:
    if not f or f.get("best") is None:
        return ""
    lo, best, hi = f.get("low"), f["best"], f.get("high")
    return f"{best}" if lo == hi else f"{best} ({lo}–{hi})"


def _event_row(e: dict) -> dict:
    """An event as table cells (figures and perpetrators summarised as text)."""
    loc = e.get("location") or {}
    return {
        **e,
        "grade": e.get("attribution_grade"),
        "place": ", ".join(
            dict.fromkeys(x for x in (loc.get("place"), loc.get("admin1"), loc.get("country")) if x)
        ),
        "perpetrators": [
            f"{p['name']} ({p['basis']}{', disputed' if p.get('disputed') else ''})"
            for p in e.get("perpetrators", [])
        ],
        "killed": _figure(e.get("killed")),
        "wounded": _figure(e.get("wounded")),
        "sources": len(e.get("documents", [])),
    }


@app.command("events")
def events_cmd(
    ctx: typer.Context,
    actor: Annotated[
        Optional[str], typer.Option("--actor", help="Actor id, name or alias (ISKP, Daesh...).")
    ] = None,
    include_affiliates: Annotated[
        bool, typer.Option("--include-affiliates", help="With --actor: its affiliates too.")
    ] = False,
    country: Annotated[
        Optional[str], typer.Option("--country", help="ISO 3166-1 alpha-2 code, e.g. AF.")
    ] = None,
    since: Annotated[
        Optional[str], typer.Option("--since", help="From this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        Optional[str], typer.Option("--until", help="Up to this date (YYYY-MM-DD).")
    ] = None,
    type_: Annotated[
        Optional[str], typer.Option("--type", help="bombing, suicide_bombing, armed_assault, ...")
    ] = None,
    grade: Annotated[
        Optional[str], typer.Option("--grade", help="claimed, attributed, contested or unknown.")
    ] = None,
    disputed: Annotated[
        bool, typer.Option("--disputed", help="Only events whose sources disagree.")
    ] = False,
    sort: Annotated[
        str, typer.Option(help="date, killed, sources or country; '-' for descending.")
    ] = "-date",
    limit: Annotated[Optional[int], typer.Option(help="Most events.")] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Events merged across sources, with reconciled figures and attribution grades.

    Example: sitrep events --actor "Islamic State" --include-affiliates --country AF --since 2020-01-01
    """
    from sitrep import resolve

    store = _open(ctx)
    with store:
        try:
            selection = resolve.EventSelection(
                actor=actor,
                include_affiliates=include_affiliates,
                country=country,
                since=since,
                until=until,
                type=type_,
                grade=grade,
                disputed=disputed,
            )
            rows = resolve.events(store, selection, limit=limit, sort=sort)
        except ValueError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
    if fmt is OutputFormat.table:
        emit(
            [_event_row(e) for e in rows],
            [
                "id",
                "date",
                "type",
                "place",
                "perpetrators",
                "grade",
                "killed",
                "wounded",
                "sources",
            ],
            fmt,
            title=f"{len(rows)} events",
        )
    else:
        emit(
            rows,
            [
                "id",
                "date",
                "date_precision",
                "type",
                "location",
                "perpetrators",
                "claimed_by",
                "grade",
                "killed",
                "wounded",
            ],
            fmt,
        )


@app.command("event")
def event_cmd(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(metavar="ID", help="Event id (or a unique prefix).")],
    why: Annotated[
        bool, typer.Option("--why", help="List each report and why it joined the event.")
    ] = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """One event with its reports side by side: sources, figures and who gave them, disputes.

    Example: sitrep event ev_3f2a --why
    """
    from sitrep import resolve

    store = _open(ctx)
    with store:
        data = resolve.event(store, event_id)
        reasons = resolve.explain(store, data["id"]) if data and why else []
    if data is None:
        typer.echo(f"error: no event {event_id!r} (try: sitrep events)", err=True)
        raise typer.Exit(2)
    if fmt is not OutputFormat.table:
        emit([{**data, "why": reasons} if why else data], list(data), fmt)
        return
    row = _event_row(data)
    out.print(
        f"[bold]{data['id']}[/bold]  {data['type']}  {data.get('date')} ({data.get('date_precision')})  {row['place']}"
    )
    out.print(
        f"attribution: {data.get('attribution_grade')}  perpetrators: {', '.join(row['perpetrators']) or 'none named'}",
        markup=False,
    )
    out.print(
        f"killed: {row['killed'] or 'no figure'}   wounded: {row['wounded'] or 'no figure'}",
        markup=False,
    )
    figures = [
        {"kind": kind, **f, "evidence": (f.get("evidence") or {}).get("text")}
        for kind in ("killed", "wounded")
        for f in (data.get(kind) or {}).get("figures", [])
    ]
    if figures:
        emit(
            figures,
            ["kind", "value", "qualifier", "according_to", "document_id", "evidence"],
            fmt,
            title="figures, by source",
        )
    if data.get("disputes"):
        emit(
            [{"field": d["field"], "note": d["note"]} for d in data["disputes"]],
            ["field", "note"],
            fmt,
            title="disputes",
        )
    if data.get("reports"):
        side = [
            {
                "source": f"{r.get('publisher') or r.get('source_id')} ({r.get('published') or 'undated'})",
                "document": r["document_id"],
                "date": (r.get("date") or "undated")
                + (f" (“{r['date_clue']}”, by the event)" if r.get("date_clue") else ""),
                "figures": [
                    f"{f['kind']} {(f['qualifier'] + ' ') if f['qualifier'] else ''}{f['value']}"
                    f"{' (claim)' if f.get('is_claim') else ''}{' (superseded)' if f.get('superseded') else ''}"
                    f" — {f.get('according_to') or 'unattributed'}"
                    for f in r.get("figures", [])
                ],
                "perpetrators": [
                    f"{p['name']}: {'denied' if p.get('denied') else p['basis']}"
                    f"{' per ' + p['according_to'] if p.get('according_to') else ''}"
                    for p in r.get("perpetrators", [])
                ],
                "joined": "in passing" if r.get("background") else r.get("joined"),
            }
            for r in data["reports"]
        ]
        emit(
            side,
            ["source", "document", "date", "figures", "perpetrators", "joined"],
            fmt,
            title="reports side by side",
        )
    if why:
        emit(
            reasons,
            list(reasons[0]) if reasons else ["report_id"],
            fmt,
            title="why each report joined",
        )


@app.command("actors")
def actors_cmd(
    ctx: typer.Context,
    kind: Annotated[
        Optional[str], typer.Option(help="Only this kind (armed_group, state_force, media, ...).")
    ] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Also registry actors never mentioned.")
    ] = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Actors mentioned in the store, with mention counts and kinds.

    Example: sitrep actors --kind armed_group
    """
    store = _open(ctx)
    with store:
        rows = query.actors(store, kind=kind, mentioned_only=not all_)
    emit(
        rows,
        ["id", "name", "kind", "parent", "mentions", "documents", "source"],
        fmt,
        title="actors",
    )


@app.command("actor")
def actor_cmd(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Actor id, name or any alias (ISKP, Daesh, ...).")],
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """An actor's profile: aliases seen in the corpus, parent and affiliates, people, documents.

    Example: sitrep actor ISKP
    """
    store = _open(ctx)
    with store:
        profile = query.actor_profile(store, name)
    if profile is None:
        typer.echo(f"error: no actor {name!r} (try: sitrep actors --all)", err=True)
        raise typer.Exit(2)
    if fmt is not OutputFormat.table:
        emit([profile], list(profile), fmt)
        return
    out.print(
        f"[bold]{profile['name']}[/bold] ({profile['id']}, {profile['kind']}, {profile['source']})"
    )
    if profile["note"]:
        out.print(profile["note"], markup=False)
    if profile["parent"]:
        out.print(f"parent: {profile['parent']['name']}", markup=False)
    if profile["affiliates"]:
        out.print(
            "affiliates: " + ", ".join(a["name"] for a in profile["affiliates"]), markup=False
        )
    emit(profile["aliases_seen"], ["text", "count"], fmt, title="aliases seen")
    if profile["people"]:
        emit(profile["people"], ["name", "role", "n"], fmt, title="people")
    emit(profile["documents"], ["id", "source_id", "mentions"], fmt, title="documents")


@app.command("claims")
def claims_cmd(
    ctx: typer.Context,
    about: Annotated[
        Optional[str], typer.Option("--about", help="Only claims about this event (or report) id.")
    ] = None,
    speaker: Annotated[
        Optional[str], typer.Option("--speaker", help="Only claims whose speaker contains this.")
    ] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Attributed statements: who said what, with stance and the cited source.

    Example: sitrep claims --speaker Mujahid
    """
    store = _open(ctx)
    with store:
        rows = query.claims(store, about=about, speaker=speaker)
    emit(
        rows,
        ["speaker", "speaker_role", "verb", "stance", "cited_source", "text"],
        fmt,
        title="claims",
    )


@app.command("relations")
def relations_cmd(
    ctx: typer.Context,
    actor: Annotated[Optional[str], typer.Argument(help="Only relations of this actor.")] = None,
    include_affiliates: Annotated[
        bool, typer.Option("--include-affiliates", help="Include the actor's affiliates.")
    ] = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Relations between actors, aggregated per pair, with who asserted or denied each.

    Example: sitrep relations Taliban --include-affiliates
    """
    store = _open(ctx)
    with store:
        rows = query.relations(store, actor, include_affiliates=include_affiliates)
    emit(
        rows,
        ["a", "type", "b", "asserted_by", "denied_by", "first_seen", "last_seen"],
        fmt,
        title="relations",
    )


@app.command("export")
def export_cmd(
    ctx: typer.Context,
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write into (created if missing).")
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="jsonl (every file of the schema), csv, geojson or graphml."
        ),
    ] = "jsonl",
) -> None:
    """Export the knowledge base: the JSONL files of the shared schema, or a view of them
    (csv: one row per event, GTD/ACLED-like; geojson: events as points; graphml: actor relations).

    Example: sitrep export --format jsonl --out export/
    """
    if fmt not in ("jsonl", "csv", "geojson", "graphml"):
        typer.echo(
            f"error: unknown export format {fmt!r}; choose one of: jsonl, csv, geojson, graphml",
            err=True,
        )
        raise typer.Exit(2)
    store = _open(ctx)
    with store:
        counts = (
            export_mod.export_jsonl(store, out_dir)
            if fmt == "jsonl"
            else export_mod.export_view(store, fmt, out_dir)
        )
    typer.echo(f"exported to {out_dir}/")
    for name, n in counts.items():
        typer.echo(f"  {name}: {n}")


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option(help="Address to bind; anything but loopback is exposed to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[
        Optional[str],
        typer.Option(
            help="Require this token (?token= once, or Authorization: Bearer) [env SITREP_TOKEN]."
        ),
    ] = None,
) -> None:
    """The web workbench and JSON API (read-only) over the store, offline.

    Example: sitrep --db kb.db serve --port 8000
    """
    from sitrep.web import serve as run_server

    settings = _settings(ctx)
    try:
        Store(settings.db, readonly=True).close()
        run_server(settings, host=host, port=port, token=token)
    except SitrepError as exc:
        raise _fail(exc) from exc


def run() -> None:
    app()
