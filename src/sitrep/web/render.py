"""Pure helpers that turn query results into what templates draw: highlighted text segments,
chart bars, map points and graph layouts. Geometry only: every string goes through the template,
which escapes it; nothing here builds markup."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

PALETTE = ("#1f6feb", "#d1495b", "#2a9d8f", "#e9a03b", "#7b5ea7", "#6c757d", "#8ab17d", "#c05299")
# Kinds of highlight a document can show, in the order they are layered.
KINDS = ("actor", "event", "figure", "claim")


@dataclass(slots=True)
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    target: bool = False
    anchor: bool = False  # the first piece of the target: where links with #hl land
    start: int = 0

    @property
    def css(self) -> str:
        names = [f"hl-{k}" for k in dict.fromkeys(self.kinds)]
        if self.target:
            names.append("hl-target")
        return " ".join(names)


def segments(
    text: str, spans: list[dict[str, Any]], target: tuple[int, int] | None = None
) -> list[Segment]:
    """Split ``text`` at every span boundary; each piece knows which spans cover it.

    Spans may overlap (a mention inside a claim inside an event sentence); offsets outside the
    text are clipped, empty or inverted spans ignored."""
    n = len(text)
    marks = [s for s in spans if 0 <= s["start"] < s["end"]]
    bounds = {0, n}
    for s in marks:
        bounds.add(min(s["start"], n))
        bounds.add(min(s["end"], n))
    if target and 0 <= target[0] < target[1]:
        bounds.update((min(target[0], n), min(target[1], n)))
    points = sorted(bounds)
    by_start = sorted(marks, key=lambda s: s["start"])
    out: list[Segment] = []
    active: list[dict[str, Any]] = []
    j = 0
    for a, b in pairwise(points):
        while j < len(by_start) and by_start[j]["start"] <= a:
            active.append(by_start[j])
            j += 1
        active = [s for s in active if s["end"] > a]
        seg = Segment(text=text[a:b], start=a)
        for s in active:
            seg.kinds.append(s["kind"])
            if s.get("label"):
                seg.labels.append(f"{s['kind']}: {s['label']}")
            if s.get("ref"):
                seg.refs.append(s["ref"])
        seg.target = bool(target and target[0] <= a and b <= target[1])
        seg.anchor = seg.target and not any(s.target for s in out)
        out.append(seg)
    return out


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """An FTS snippet with «hits» as (text, is_hit) pieces, so the template escapes each."""
    parts: list[tuple[str, bool]] = []
    rest = snippet or ""
    while "«" in rest:
        before, _, after = rest.partition("«")
        hit, _, rest = after.partition("»")
        if before:
            parts.append((before, False))
        parts.append((hit, True))
    if rest:
        parts.append((rest, False))
    return parts


# -- charts ------------------------------------------------------------------------------------------
def stacked_weeks(data: dict[str, Any], *, width: int = 720, height: int = 200) -> dict[str, Any]:
    """Bars for events per week, stacked by actor: rects with their tooltip text."""
    weeks, series = data["weeks"], data["series"]
    pad_l, pad_b = 30, 20
    if not weeks or not series:
        return {"width": width, "height": height, "rects": [], "ticks": [], "legend": [], "ymax": 0}
    totals = [sum(s["counts"][i] for s in series) for i in range(len(weeks))]
    ymax = max(max(totals), 1)
    bw = (width - pad_l) / len(weeks)
    scale = (height - pad_b - 10) / ymax
    rects = []
    for i, week in enumerate(weeks):
        y = height - pad_b
        for k, s in enumerate(series):
            v = s["counts"][i]
            if not v:
                continue
            h = v * scale
            y -= h
            rects.append(
                {
                    "x": round(pad_l + i * bw + 1, 1),
                    "y": round(y, 1),
                    "w": round(max(bw - 2, 1), 1),
                    "h": round(h, 1),
                    "color": PALETTE[k % len(PALETTE)],
                    "title": f"{s['name']}, week of {week}: {v}",
                }
            )
    step = max(1, len(weeks) // 6)
    ticks = [{"x": round(pad_l + i * bw, 1), "label": weeks[i]} for i in range(0, len(weeks), step)]
    legend = [
        {
            "name": s["name"],
            "actor_id": s["actor_id"],
            "total": s["total"],
            "color": PALETTE[k % len(PALETTE)],
        }
        for k, s in enumerate(series)
    ]
    return {
        "width": width,
        "height": height,
        "rects": rects,
        "ticks": ticks,
        "legend": legend,
        "ymax": ymax,
        "base": height - pad_b,
        "pad_l": pad_l,
    }


def month_bars(counts: list[tuple[str, int]], *, width: int = 720, height: int = 120) -> dict:
    if not counts:
        return {"width": width, "height": height, "rects": [], "ticks": []}
    ymax = max(n for _, n in counts)
    bw = width / len(counts)
    rects = [
        {
            "x": round(i * bw + 1, 1),
            "y": round(height - 20 - n / ymax * (height - 30), 1),
            "w": round(max(bw - 2, 1), 1),
            "h": round(n / ymax * (height - 30), 1),
            "title": f"{m}: {n} event(s)",
        }
        for i, (m, n) in enumerate(counts)
    ]
    step = max(1, len(counts) // 8)
    ticks = [{"x": round(i * bw, 1), "label": counts[i][0]} for i in range(0, len(counts), step)]
    return {"width": width, "height": height, "rects": rects, "ticks": ticks}


# -- maps (equirectangular: x = lon + 180, y = 90 - lat, in degrees) ------------------------------------
def map_view(
    points: list[dict[str, Any]], *, center: tuple[float, float] | None = None, span: float = 0.0
) -> dict[str, Any]:
    """Circles for binned points; the whole world, or a window of ``span`` degrees around ``center``."""
    nmax = max((p["n"] for p in points), default=1)
    circles = []
    r_base = 0.6 if not span else max(span / 60, 0.08)
    for p in points:
        if p.get("lat") is None or p.get("lon") is None:
            continue
        r = r_base * (1 + 2.5 * math.sqrt(p["n"] / nmax))
        circles.append(
            {
                "cx": round(p["lon"] + 180, 3),
                "cy": round(90 - p["lat"], 3),
                "r": round(r, 3),
                "title": f"{p.get('label') or ''} ({p['n']})".strip(),
            }
        )
    if center and span:
        lat, lon = center
        x0, y0 = lon + 180 - span, 90 - lat - span * 0.6
        box = (round(x0, 3), round(y0, 3), round(span * 2, 3), round(span * 1.2, 3))
    else:
        box = (0, 0, 360, 150)  # 90°N to 60°S: leaves out Antarctica
    return {
        "viewbox": " ".join(str(v) for v in box),
        "circles": circles,
        "image": "/assets/world.svg?fine=true" if span and span < 30 else "/assets/world.svg",
        "stroke": round(box[2] / 600, 3),
    }


# -- relation graph ----------------------------------------------------------------------------------
def relation_graph(
    actor_id: str, name: str, relations: list[dict[str, Any]], *, size: int = 520, limit: int = 16
) -> dict[str, Any]:
    """The actor in the middle, the actors it relates to on a circle; one edge per relation row."""
    neighbours: dict[str, str] = {}
    for r in relations:
        other = (r["b_id"], r["b"]) if r["a_id"] == actor_id else (r["a_id"], r["a"])
        neighbours.setdefault(other[0], other[1])
    ids = list(neighbours)[:limit]
    c = size / 2
    radius = size / 2 - 70
    pos = {actor_id: (c, c)}
    nodes = [{"id": actor_id, "name": name, "x": c, "y": c, "center": True}]
    for i, nid in enumerate(ids):
        angle = 2 * math.pi * i / max(len(ids), 1) - math.pi / 2
        x, y = c + radius * math.cos(angle), c + radius * math.sin(angle)
        pos[nid] = (x, y)
        nodes.append(
            {
                "id": nid,
                "name": neighbours[nid],
                "x": round(x, 1),
                "y": round(y, 1),
                "center": False,
                "anchor": "start"
                if math.cos(angle) > 0.2
                else "end"
                if math.cos(angle) < -0.2
                else "middle",
            }
        )
    types = sorted({r["type"] for r in relations})
    colors = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(types)}
    edges = []
    for r in relations:
        if r["a_id"] not in pos or r["b_id"] not in pos:
            continue
        (x1, y1), (x2, y2) = pos[r["a_id"]], pos[r["b_id"]]
        denied_only = bool(r.get("denied_by")) and not r.get("asserted_by")
        speculated = not r.get("asserted_by") and bool(r.get("speculated_by"))
        edges.append(
            {
                "x1": round(x1, 1),
                "y1": round(y1, 1),
                "x2": round(x2, 1),
                "y2": round(y2, 1),
                "color": colors[r["type"]],
                "dash": "6 4" if denied_only else "2 3" if speculated else "",
                "title": f"{r['a']} {r['type'].replace('_', ' ')} {r['b']}",
            }
        )
    legend = [{"type": t, "color": colors[t]} for t in types]
    return {"size": size, "nodes": nodes, "edges": edges, "legend": legend}
