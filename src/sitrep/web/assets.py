"""Third-party assets, served from installed packages (never a CDN, never copied into the repo).

- Country outlines: the GeoJSON that the ``countryinfo`` package (MIT) ships for each country
  (Natural Earth 1:110m shapes, public domain), drawn once per process as an equirectangular SVG.
- API docs: Swagger UI's files from the ``swagger-ui-bundle`` package (Apache-2.0).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

_SWAGGER_FILES = {"swagger-ui-bundle.js", "swagger-ui.css", "swagger-ui-standalone-preset.js"}


@cache
def _countries() -> dict[str, dict]:
    """alpha-2 code -> {'name', 'polygons': [[(lon, lat), ...], ...]}; empty if not installed."""
    try:
        folder = resources.files("countryinfo") / "data"
    except ModuleNotFoundError:
        return {}
    out: dict[str, dict] = {}
    for entry in folder.iterdir():
        if not entry.name.endswith(".json"):
            continue
        data = json.loads(entry.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        polys = []
        for feature in (data.get("geoJSON") or {}).get("features", []):
            geom = feature.get("geometry") or {}
            if geom.get("type") == "Polygon":
                polys += geom["coordinates"]
            elif geom.get("type") == "MultiPolygon":
                polys += [ring for poly in geom["coordinates"] for ring in poly]
        if code and polys:
            out[code.upper()] = {"name": data.get("name", code), "polygons": polys}
    return out


def _path(rings: list) -> str:
    parts = []
    for ring in rings:
        pts = [f"{lon + 180:.2f} {90 - lat:.2f}" for lon, lat, *_ in ring]
        if len(pts) > 2:
            parts.append("M" + "L".join(pts) + "Z")
    return "".join(parts)


@cache
def world_svg(stroke: float = 0.15) -> str:
    """Every country outline on a 360 x 180 equirectangular canvas (x = lon + 180, y = 90 - lat).
    Borders are ``stroke`` degrees wide: thinner for maps zoomed on one country."""
    paths = [
        f'<path d="{_path(c["polygons"])}"><title>{_xml(c["name"])}</title></path>'
        for _, c in sorted(_countries().items())
    ]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" width="360" height="180">'
        '<rect width="360" height="180" fill="#eaf2f8"/>'
        f'<g fill="#f7f5ef" stroke="#9aa5ad" stroke-width="{stroke}" stroke-linejoin="round">'
        + "".join(paths)
        + "</g></svg>"
    )


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def country_center(code: str | None) -> tuple[float, float, float] | None:
    """(lat, lon, span in degrees) of a country's bounding box, to frame a map on it."""
    c = _countries().get((code or "").upper())
    if not c:
        return None
    lons = [p[0] for ring in c["polygons"] for p in ring]
    lats = [p[1] for ring in c["polygons"] for p in ring]
    span = max(max(lons) - min(lons), (max(lats) - min(lats)) / 0.6) / 2 + 2
    return ((max(lats) + min(lats)) / 2, (max(lons) + min(lons)) / 2, min(span, 60))


def country_name(code: str | None) -> str | None:
    c = _countries().get((code or "").upper())
    return c["name"] if c else None


def swagger_file(name: str) -> Path | None:
    """A Swagger UI file from the installed ``swagger-ui-bundle`` package, or None."""
    if name not in _SWAGGER_FILES:
        return None
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        return None
    path = Path(swagger_ui_path) / name
    return path if path.is_file() else None


def swagger_available() -> bool:
    return swagger_file("swagger-ui-bundle.js") is not None
