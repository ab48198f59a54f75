"""Server-rendered pages. Each route asks the shared readers, shapes the result with
``sitrep.web.render`` and hands it to a template (Jinja2, autoescaped)."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from sitrep import query
from sitrep.export_formats import iter_csv
from sitrep.store import Store
from sitrep.web import assets, queries, render
from sitrep.web.common import event_filter, get_facts, get_store, safe_url
from sitrep.web.queries import EventFacts, EventFilter

router = APIRouter(include_in_schema=False)


def page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def overview(
    request: Request, store: Store = Depends(get_store), cache: EventFacts = Depends(get_facts)
) -> HTMLResponse:
    return page(
        request,
        "overview.html",
        counts=query.status(store),
        latest=queries.list_events(store, EventFilter(limit=10)),
        chart=render.stacked_weeks(cache.memo("weekly", lambda: queries.weekly_by_actor(store))),
        map=render.map_view(queries.map_points(store, cache=cache)),
    )


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    f: EventFilter = Depends(event_filter),
    store: Store = Depends(get_store),
    cache: EventFacts = Depends(get_facts),
) -> HTMLResponse:
    total = queries.count_events(store, f)
    return page(
        request,
        "events.html",
        f=f,
        total=total,
        rows=queries.list_events(store, f, cache),
        options=cache.memo("options", lambda: queries.filter_options(store)),
        map=render.map_view(queries.map_points(store, f, cache=cache)),
        query_string=_without(request, "offset"),
        sort_qs=_without(request, "offset", "sort"),
    )


def _without(request: Request, *names: str) -> str:
    return str(
        request.query_params.__class__(
            [
                (k, v)
                for k, v in request.query_params.multi_items()
                if k not in names and k != "token"
            ]
        )
    )


@router.get("/events.csv")
def events_csv(
    f: EventFilter = Depends(event_filter), store: Store = Depends(get_store)
) -> StreamingResponse:
    return StreamingResponse(
        iter_csv(queries.export_events(store, f)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="events.csv"'},
    )


@router.get("/events.jsonl")
def events_jsonl(
    f: EventFilter = Depends(event_filter), store: Store = Depends(get_store)
) -> StreamingResponse:
    lines = (json.dumps(e, ensure_ascii=False) + "\n" for e in queries.export_events(store, f))
    return StreamingResponse(
        lines,
        media_type="application/x-ndjson; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="events.jsonl"'},
    )


def sentence_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence holding ``text[start:end]`` as (before, evidence, after)."""
    if not text or not 0 <= start <= end <= len(text):
        return "", "", ""
    left = max(
        text.rfind("\n", 0, start), *(text.rfind(p, 0, start) + 1 for p in (". ", "? ", "! "))
    )
    left = left + 1 if left >= 0 and text[left] in "\n " else max(left, 0)
    stops = [i for i in (text.find(p, end) for p in (". ", "? ", "! ", "\n")) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    return text[left:start].lstrip(), text[start:end], text[end:right].rstrip()


def _figures(event: dict[str, Any], articles: dict[tuple[str, int], str]) -> list[dict[str, Any]]:
    rows = []
    for kind in ("killed", "wounded"):
        for fig in (event.get(kind) or {}).get("figures") or []:
            ev = fig.get("evidence") or {}
            text = articles.get((ev.get("document_id"), ev.get("article_index")), "")
            around = sentence_around(text, ev.get("start", 0), ev.get("end", 0)) if ev else None
            rows.append({**fig, "kind": kind, "ev": ev, "sentence": around})
    return rows


def _report_view(report: dict[str, Any]) -> dict[str, Any]:
    article = report.get("article") or {}
    spans = [
        {**ev, "kind": "event", "label": report["type"]} for ev in report.get("evidence") or []
    ]
    for fig in report.get("figures") or []:
        if fig.get("evidence"):
            spans.append(
                {
                    **fig["evidence"],
                    "kind": "figure",
                    "label": f"{fig['kind']} {fig.get('qualifier') or ''} {fig['value']}",
                }
            )
    for p in report.get("perpetrators") or []:
        if p.get("evidence"):
            spans.append({**p["evidence"], "kind": "actor", "label": f"{p['name']} ({p['basis']})"})
    return {**report, "segments": render.segments(article.get("text") or "", spans)}


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str, store: Store = Depends(get_store)) -> HTMLResponse:
    e = queries.event_detail(store, event_id)
    if e is None:
        raise HTTPException(404, f"no event {event_id}")
    texts = {
        (r["document_id"], r["article_index"]): (r.get("article") or {}).get("text") or ""
        for r in e["reports"]
    }
    loc = e.get("location") or {}
    if loc.get("lat") is not None and loc.get("lon") is not None:
        point = [{"lat": loc["lat"], "lon": loc["lon"], "n": 1, "label": loc.get("place")}]
        small_map = render.map_view(point, center=(loc["lat"], loc["lon"]), span=8)
    elif (c := assets.country_center(loc.get("country"))) is not None:
        small_map = render.map_view([], center=(c[0], c[1]), span=c[2])
    else:
        small_map = None
    return page(
        request,
        "event.html",
        e=e,
        loc=loc,
        small_map=small_map,
        country=assets.country_name(loc.get("country")),
        figures=_figures(e, texts),
        reports=[_report_view(r) for r in e["reports"]],
    )


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, store: Store = Depends(get_store)) -> HTMLResponse:
    return page(request, "documents.html", docs=query.documents(store))


def _target(hl: str | None) -> tuple[int, int] | None:
    m = re.fullmatch(r"(\d+)-(\d+)", hl or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


@router.get("/documents/{ref}", response_class=HTMLResponse)
def document(
    request: Request,
    ref: str,
    article: int | None = Query(None, description="Article index of the highlighted span"),
    hl: str | None = Query(None, description="start-end offsets to highlight"),
    store: Store = Depends(get_store),
) -> HTMLResponse:
    doc_id = query.resolve_document_id(store, ref)
    d = queries.document_detail(store, doc_id) if doc_id else None
    if d is None:
        raise HTTPException(404, f"no document {ref}")
    target = _target(hl)
    for a in d["articles"]:
        mine = target if article is None or article == a["index"] else None
        a["segments"] = render.segments(a["text"], a["spans"], mine)
        a["counts"] = {k: sum(1 for s in a["spans"] if s["kind"] == k) for k in render.KINDS}
    return page(
        request,
        "document.html",
        d=d,
        kinds=render.KINDS,
        url=safe_url(d["url"]),
        claims=query.claims(store, document_id=d["id"]),
    )


@router.get("/actors", response_class=HTMLResponse)
def actors(
    request: Request, kind: str | None = Query(None), store: Store = Depends(get_store)
) -> HTMLResponse:
    return page(request, "actors.html", actors=query.actors(store, kind=kind or None), kind=kind)


@router.get("/actors/{ref}", response_class=HTMLResponse)
def actor(request: Request, ref: str, store: Store = Depends(get_store)) -> HTMLResponse:
    p = query.actor_profile(store, ref)
    if p is None:
        raise HTTPException(404, f"no actor {ref}")
    rels = query.relations(store, p["id"])
    return page(
        request,
        "actor.html",
        p=p,
        relations=rels,
        events=queries.actor_events(store, p["id"], limit=100),
        timeline=render.month_bars(queries.monthly_counts(store, p["id"])),
        graph=render.relation_graph(p["id"], p["name"], rels),
    )


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = Query(""), store: Store = Depends(get_store)) -> HTMLResponse:
    hits = query.search(store, q, limit=50) if q.strip() else []
    for h in hits:
        h["parts"] = render.snippet_parts(h["snippet"])
    return page(request, "search.html", q=q, hits=hits)


@router.get("/assets/world.svg")
def world_svg(fine: bool = False) -> Response:
    return Response(
        assets.world_svg(0.03 if fine else 0.15),
        media_type="image/svg+xml",
        headers={"Cache-Control": "public, max-age=86400"},
    )


@router.get("/assets/swagger/{name}")
def swagger_asset(name: str) -> Response:
    path = assets.swagger_file(name)
    if path is None:
        raise HTTPException(404, "not a Swagger UI file (is swagger-ui-bundle installed?)")
    media = "text/css" if name.endswith(".css") else "text/javascript"
    return Response(
        path.read_bytes(), media_type=media, headers={"Cache-Control": "public, max-age=86400"}
    )


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    routes = [
        {
            "path": path,
            "methods": [m.upper() for m in ops],
            "summary": next((op.get("summary", "") for op in ops.values()), ""),
        }
        for path, ops in request.app.openapi()["paths"].items()
    ]
    return page(request, "docs.html", swagger=assets.swagger_available(), routes=routes)
