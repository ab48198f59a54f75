"""Event reports → events across documents, incrementally.

Every report whose ``event_id`` is NULL is compared with the reports already resolved *in its
block* (never all pairs), joins the best-scoring event above :data:`THRESHOLD` or starts a new one;
then only the touched events are rebuilt (:func:`sitrep.resolve.reconcile.build_event`) and written,
all in one transaction.

Blocks (``resolve_links`` indexes, migration 0002): same country and date intervals within
:data:`WINDOW` days; for a report without a date, the article's publication week stands in (or,
for a background mention, the same country and place/admin1 at any date); always the other
reports of the same document; reports without a country block on their place name.

Score of a report against one other report: a weighted mean of the features both sides know
(:data:`WEIGHTS`), divided by at least :data:`MIN_WEIGHT` so that agreeing on the date alone is
not enough (:data:`MIN_WEIGHT_UNDATED` when there is no date to compare); halved when the places conflict. Against an event: the best score over its members
in the block (main reports only, when the event has any: a background mention never bridges).
An official action (``action_types`` in resolve.yaml: an arrest, a designation) and an attack
(the ``attack`` type family) score 0: never one event.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date as Date
from typing import Any

from rapidfuzz import fuzz

from sitrep.records import stable_id
from sitrep.resolve.lexicon import actor_key, family, load_lexicon, norm_place
from sitrep.resolve.reconcile import Member, build_event
from sitrep.store import Store

WINDOW = 3  # days of slack between two reports' date intervals
SPAN = {"day": 0, "week": 6, "month": 30, "year": 365}
PROXY_DAYS = 7  # an undated main report: the event happened in the week before publication
WEIGHTS = {
    "date": 2.0,
    "place": 3.0,
    "type": 1.0,
    "targets": 2.0,
    "actors": 1.0,
    "figures": 1.0,
    "wording": 1.5,
}
SUPPORT_ONLY = {"wording": 0.01, "figures": 0.75}  # counted only from these scores up
MIN_WEIGHT = 5.0
MIN_WEIGHT_UNDATED = 8.0  # without dates to compare, a score is earned from more of the rest
PLACE_CONFLICT = 0.5  # score factor when both sides know the place and it differs
UNDATED_CONFLICT = 0.5  # factor when no telling date (see Item.telling) and two features disagree
THRESHOLD = 0.6
LATE_DAYS, LATE_SCORE = 45, 0.8  # the wrong-date rule (see _late_date)
MAX_MEMBERS = 40  # members scored per candidate event (the most recent in the block)
_SELECT = """SELECT r.id, r.data, a.published, a.date_precision, a.publisher, a.title
              FROM event_reports r LEFT JOIN articles a
                ON a.document_id = r.document_id AND a.idx = r.article_index"""


@dataclass
class ResolveReport:
    reports: int = 0  # reports resolved in this run
    new_events: int = 0
    joined: int = 0
    merged: int = 0  # existing events absorbed into another (a new report bridged them)
    events_written: int = 0
    seconds: float = 0.0
    touched: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Item:
    """What blocking and scoring need of one report."""

    member: Member
    country: str | None
    admin1: str | None
    place: str | None
    lat: float | None
    lon: float | None
    lo: int | None
    hi: int | None
    exact: bool  # the dates are the report's own (not the publication-week stand-in)
    actors: frozenset[str]
    killed: float | None
    targets: frozenset[str]
    words: str

    @property
    def id(self) -> str:
        return self.member.id

    @property
    def telling(self) -> bool:
        """The report's own date, to the day or week: "in 2021" does not tell two attacks of one
        city apart."""
        return self.exact and self.hi - self.lo <= SPAN["week"]  # type: ignore[operator]

    @property
    def background(self) -> bool:
        return self.member.background


def _ordinal(value: str | None) -> int | None:
    try:
        return Date.fromisoformat(value[:10]).toordinal() if value else None
    except ValueError:
        return None


def make_item(member: Member) -> Item:
    r = member.report
    loc = r.get("location") or {}
    lo = _ordinal(r.get("date"))
    hi = lo + SPAN.get(r.get("date_precision") or "day", 0) if lo is not None else None
    exact = lo is not None
    if lo is None and not member.background and (pub := _ordinal(member.published)) is not None:
        # a publication date known only to the month (a URL /2021/05/) covers the whole month
        lo, hi = pub - PROXY_DAYS, pub + SPAN.get(member.published_precision or "day", 0)
    lex = load_lexicon()
    killed = [
        f["value"]
        for f in r.get("figures") or ()
        if f.get("kind") == "killed"
        and not f.get("is_claim")
        and f.get("value") is not None
        and not lex.counts_attackers(f.get("scope"), r.get("type"))
    ]
    words = " ".join(
        [
            member.title or "",
            *r.get("targets", ()),
            *r.get("weapons", ()),
            loc.get("place") or "",
            *(e.get("text", "") for e in (r.get("evidence") or ())[:3]),
        ]
    )
    places = (loc.get("place"), loc.get("admin1"), loc.get("country"))
    return Item(
        member=member,
        country=loc.get("country"),
        admin1=norm_place(loc.get("admin1")),
        place=norm_place(loc.get("place")),
        lat=loc.get("lat"),
        lon=loc.get("lon"),
        lo=lo,
        hi=hi,
        exact=exact,
        actors=frozenset(
            actor_key(p.get("actor_id"), p.get("name") or "")
            for p in r.get("perpetrators") or ()
            if not p.get("denied")
        ),
        killed=max(killed) if killed else None,
        words=words,
        targets=lex.target_words(r.get("targets") or (), places),
    )


# -- scoring --------------------------------------------------------------------------------------
def _km(a: Item, b: Item) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def _same_name(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a)) or fuzz.ratio(a, b) >= 85


def place_score(a: Item, b: Item) -> tuple[float | None, bool]:
    """(score, conflict): 1 same place, 0.7 same admin1 (one side vaguer), 0.3 other places in
    one admin1, 0 and a conflict for different admin1s."""
    if a.country and b.country and a.country != b.country:
        return 0.0, True
    if a.place and b.place and _same_name(a.place, b.place):
        return 1.0, False
    if None not in (a.lat, b.lat, a.lon, b.lon) and a.place and b.place:
        km = _km(a, b)
        if km < 15:
            return 1.0, False
        if km > 100:
            return 0.0, True
    if a.admin1 and b.admin1:
        if not _same_name(a.admin1, b.admin1):
            return 0.0, True
        return (0.3 if _specific(a) and _specific(b) else 0.7), False
    # one side names only a place, the other only an admin1 of the same name (Kabul, Kabul)
    names_a = {n for n in (a.place, a.admin1) if n}
    names_b = {n for n in (b.place, b.admin1) if n}
    if names_a and names_b:
        same = any(_same_name(x, y) for x in names_a for y in names_b)
        return (0.7, False) if same else (0.2, False)
    return None, False


def _specific(it: Item) -> bool:
    """A place finer than the admin1: "Balkh" (the province's name) in Balkh is not."""
    return bool(it.place) and not (it.admin1 and _same_name(it.place, it.admin1))  # type: ignore[arg-type]


def date_score(a: Item, b: Item) -> float | None:
    if a.lo is None or b.lo is None:
        return None
    gap = max(0, max(a.lo, b.lo) - min(a.hi, b.hi))  # type: ignore[type-var]
    if gap > WINDOW:
        return 0.0
    if not (a.exact and b.exact):
        return 0.5
    if a.hi == a.lo and b.hi == b.lo:
        return 1.0 - 0.2 * gap
    return 0.7 - 0.1 * gap


def actor_score(a: Item, b: Item) -> float | None:
    if not a.actors or not b.actors:
        return None
    if a.actors & b.actors:
        return 1.0
    fam_a = set().union(*(family(x) for x in a.actors))
    fam_b = set().union(*(family(x) for x in b.actors))
    return 0.8 if fam_a & fam_b else 0.2


def figure_score(a: Item, b: Item) -> float | None:
    if a.killed is None or b.killed is None:
        return None
    lo, hi = sorted((a.killed, b.killed))
    if hi - lo <= 3 or lo >= 0.75 * hi:
        return 1.0
    return lo / hi if hi else 1.0


def target_score(a: Item, b: Item) -> float | None:
    """1 when the targets share a telling word (school, embassy, university), else 0."""
    if not a.targets or not b.targets:
        return None
    return 1.0 if a.targets & b.targets else 0.25  # outlets name different parts of one target


def wording_score(a: Item, b: Item) -> float | None:
    if not a.words.strip() or not b.words.strip():
        return None
    # token_set_ratio of two unrelated attack reports sits around 35-50 (same event: 40-65 on the
    # dev corpus): only what is above that counts, and only as support (see ``score``).
    return min(1.0, max(0.0, (fuzz.token_set_ratio(a.words, b.words) - 45.0) / 40.0))


def score(a: Item, b: Item) -> tuple[float, dict[str, Any]]:
    """The score of two reports and its parts (what ``explain`` shows)."""
    lex = load_lexicon()
    types = a.member.report["type"], b.member.report["type"]
    place, conflict = place_score(a, b)
    parts: dict[str, Any] = {
        "date": date_score(a, b),
        "place": place,
        "type": lex.type_score(*types),
        "targets": target_score(a, b),
        "actors": actor_score(a, b),
        "figures": figure_score(a, b),
        "wording": wording_score(a, b),
    }
    # Outlets word one attack differently and tolls change as days pass: wording and figures
    # only ever add support (when they agree), they never count against.
    # ...unless a date is unknown (or known only to the month or year): then a toll far off is one
    # of the few signs of another event.
    telling = a.telling and b.telling
    floors = SUPPORT_ONLY if telling else {**SUPPORT_ONLY, "figures": 0.0}
    known = {k: v for k, v in parts.items() if v is not None and v >= floors.get(k, 0.0)}
    total = sum(WEIGHTS[k] * v for k, v in known.items())
    floor = MIN_WEIGHT if parts["date"] is not None else MIN_WEIGHT_UNDATED
    value = total / max(floor, sum(WEIGHTS[k] for k in known))
    if conflict:
        value *= PLACE_CONFLICT
        parts["place_conflict"] = True
    if not telling and (_disagreements(parts) >= 2 or not _corroborated(known)):
        value *= UNDATED_CONFLICT
        parts["undated_conflict"] = True
    if lex.types_apart(*types):  # an arrest is never the attack it follows
        value = 0.0
        parts["types_apart"] = True
    return round(value, 4), {
        k: (round(v, 3) if isinstance(v, float) else v) for k, v in parts.items()
    }


def _corroborated(known: dict[str, float]) -> bool:
    """Without any date to compare (not even publication dates), a place and a group are shared
    by every attack a group makes in a city: a join also needs something of this attack -- a
    common target word, agreeing tolls or common wording."""
    return (
        "date" in known
        or known.get("targets", 0.0) >= 1.0
        or known.get("figures", 0.0) >= SUPPORT_ONLY["figures"]
        or known.get("wording", 0.0) > 0.0
    )


def _disagreements(parts: dict[str, Any]) -> int:
    """Specific features that speak against one event: targets without a telling word in common
    (a university vs a school), killed tolls far apart, incompatible types. Without a date to
    tell two attacks of one place apart (Kabul, a shrine attacked twice), two of these mean
    another event, however well the place matches."""
    return sum(
        (
            parts["targets"] is not None and parts["targets"] < 0.5,
            parts["figures"] is not None and parts["figures"] < SUPPORT_ONLY["figures"],
            parts["type"] is not None and parts["type"] <= 0,
        )
    )


# -- the store side -------------------------------------------------------------------------------
def _members(
    store: Store, where: str, args: Iterable[Any], *, with_named: bool = False
) -> list[Member]:
    """The reports matching ``where`` as Members; ``with_named`` also reads the actors their
    articles mention (only building an event needs them)."""
    rows = store.conn.execute(f"{_SELECT} WHERE {where}", tuple(args)).fetchall()
    by_report: dict[str, list[dict]] = {}
    ids = [r["id"] for r in rows]
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        q = f"SELECT about, data FROM claims WHERE about IN ({','.join('?' * len(chunk))})"
        for c in store.conn.execute(q, chunk):
            claim = json.loads(c["data"])
            if claim.get("stance") == "denies" and claim.get("about_kind") in (
                None,
                "perpetrator",
                "claim_of_responsibility",
            ):
                by_report.setdefault(c["about"], []).append(claim)
    reports = [json.loads(r["data"]) for r in rows]
    keys = {(rep["document_id"], rep.get("article_index", 0)) for rep in reports}
    named = _named(store, keys) if with_named else {}
    roles = _roles(store, keys) if with_named else {}
    return [
        Member(
            report=rep,
            published=r["published"],
            published_precision=r["date_precision"],
            publisher=r["publisher"],
            title=r["title"],
            denials=tuple(by_report.get(r["id"], ())),
            named=named.get((rep["document_id"], rep.get("article_index", 0)), frozenset()),
            roles=roles.get((rep["document_id"], rep.get("article_index", 0)), {}),
        )
        for r, rep in zip(rows, reports, strict=True)
    ]


def _named(store: Store, articles: set[tuple[str, int]]) -> dict[tuple[str, int], frozenset[str]]:
    """The registry actors each article mentions (for naming a claimant's branch)."""
    found: dict[tuple[str, int], set[str]] = {}
    for key, (actor_id,) in _article_rows(
        store, articles, "SELECT DISTINCT document_id, article_index, actor_id FROM mentions WHERE"
    ):
        found.setdefault(key, set()).add(actor_id)
    return {k: frozenset(v) for k, v in found.items()}


def _roles(store: Store, articles: set[tuple[str, int]]) -> dict[tuple[str, int], dict[str, str]]:
    """The roles of the people each article names ("Süleyman Soylu": "Interior Minister"), to
    weigh a source given by name."""
    found: dict[tuple[str, int], dict[str, str]] = {}
    for key, (name, role) in _article_rows(
        store,
        articles,
        "SELECT document_id, article_index, name, role FROM people WHERE role IS NOT NULL AND",
    ):
        found.setdefault(key, {})[name] = role
    return found


def _article_rows(
    store: Store, articles: set[tuple[str, int]], select: str
) -> Iterable[tuple[tuple[str, int], tuple[Any, ...]]]:
    """The rows of ``select`` (document_id, article_index, then its columns; ending in "WHERE"
    or "AND") for the ``articles``, as ((document_id, article_index), the other columns), the
    documents asked for 500 at a time."""
    docs = sorted({d for d, _ in articles})
    for i in range(0, len(docs), 500):
        chunk = docs[i : i + 500]
        q = f"{select} document_id IN ({','.join('?' * len(chunk))})"
        for d, idx, *rest in store.conn.execute(q, chunk):
            if (d, idx) in articles:
                yield (d, idx), tuple(rest)


def _block(store: Store, it: Item) -> list[tuple[str, str, int, str]]:
    """(report_id, event_id, background, document_id) of resolved reports in the item's block."""
    c = store.conn
    cols = "SELECT report_id, event_id, background, document_id FROM resolve_links WHERE "
    found: dict[str, tuple] = {}

    def add(sql: str, *args: Any) -> None:
        for row in c.execute(cols + sql, args):
            found[row[0]] = tuple(row)

    add("document_id = ?", it.member.document_id)
    keys = [k for k in (it.place, it.admin1) if k]
    if it.lo is not None:
        lo, hi = it.lo - WINDOW, it.hi + WINDOW  # type: ignore[operator]
        window = "date_lo BETWEEN ? AND ? AND date_hi >= ?"
        if it.country:
            add(f"country = ? AND {window}", it.country, lo - SPAN["year"], hi, lo)
        for key in keys:  # reports that name the place but no country (and vice versa)
            add(f"country IS NULL AND place = ? AND {window}", key, lo - SPAN["year"], hi, lo)
            if not it.country:
                add(f"place = ? AND {window}", key, lo - SPAN["year"], hi, lo)
                add(f"admin1 = ? AND {window}", key, lo - SPAN["year"], hi, lo)
    for key in keys:  # undated reports of the same place (or any date, when the item has none)
        undated = "" if it.lo is None else " AND date_lo IS NULL"
        country = "country = ?" if it.country else "country IS NULL"
        cargs = (it.country,) if it.country else ()
        add(f"{country} AND place = ?{undated} ORDER BY date_lo DESC LIMIT 200", *cargs, key)
        add(f"{country} AND admin1 = ?{undated} ORDER BY date_lo DESC LIMIT 200", *cargs, key)
    return list(found.values())


def _scored_events(
    store: Store, it: Item, cache: dict[str, Item]
) -> list[tuple[str, float, dict, str]]:
    """(event_id, score, parts, matched report) of every event in the item's block, best first."""
    block = _block(store, it)
    by_event: dict[str, list[tuple]] = {}
    for row in block:
        by_event.setdefault(row[1], []).append(row)
    missing = [r[0] for r in block if r[0] not in cache]
    for i in range(0, len(missing), 500):
        chunk = missing[i : i + 500]
        for m in _members(store, f"r.id IN ({','.join('?' * len(chunk))})", chunk):
            cache[m.id] = make_item(m)
    scored = []
    main_end = _own_main_end(store, it)
    for event_id in sorted(by_event):
        rows = by_event[event_id]
        if (
            _own_document_conflict(store, it, event_id)
            or _dates_conflict(store, it, event_id)
            or _after(store, event_id, main_end)
        ):
            continue
        if not it.background:
            has_main = store.conn.execute(
                "SELECT 1 FROM resolve_links WHERE event_id = ? AND background = 0 LIMIT 1",
                (event_id,),
            ).fetchone()
            if has_main:
                rows = [r for r in rows if not r[2]] or rows
        best: tuple[float, dict, str] = (-1.0, {}, "")
        for row in rows[-MAX_MEMBERS:]:
            value, parts = score(it, cache[row[0]])
            if value > best[0]:
                best = (value, parts, row[0])
        scored.append((event_id, *best))
    scored.sort(key=lambda s: -s[1])
    return scored


def _late_date(
    store: Store, it: Item, cache: dict[str, Item]
) -> tuple[str, float, dict, str] | None:
    """A dated main report that fits no event in its window may carry a wrong date (a page date,
    a month off). It joins an event of the same country and place within :data:`LATE_DAYS` when
    everything but the date agrees strongly: same place, a shared telling target word, compatible
    type, no competing perpetrator, and a date-less score of at least :data:`LATE_SCORE`."""
    if it.background or not it.exact or not it.country or not it.targets:
        return None
    found: dict[str, str] = {}
    for column, key in (("place", it.place), ("admin1", it.admin1)):
        if key:
            rows = store.conn.execute(
                f"SELECT report_id, event_id FROM resolve_links WHERE country = ? AND {column} = ?"
                " AND date_exact = 1 AND background = 0 AND date_lo BETWEEN ? AND ?",
                (it.country, key, it.lo - LATE_DAYS, it.hi + LATE_DAYS),  # type: ignore[operator]
            )
            found.update((r[0], r[1]) for r in rows)
    missing = [r for r in found if r not in cache]
    if missing:
        marks = ",".join("?" * len(missing))
        for m in _members(store, f"r.id IN ({marks})", missing):
            cache[m.id] = make_item(m)
    undated = replace(it, lo=None, hi=None, exact=False)
    best: tuple[str, float, dict, str] | None = None
    for report_id, event_id in sorted(found.items()):
        if _own_document_conflict(store, it, event_id):
            continue
        value, parts = score(undated, cache[report_id])
        strong = parts["place"] == 1.0 and parts["targets"] == 1.0 and parts["type"] > 0
        if strong and (parts["actors"] or 1.0) >= 0.8 and value >= LATE_SCORE:
            if best is None or value > best[1]:
                best = (event_id, value, {**parts, "late_date": True}, report_id)
    return best


def _consolidate(
    store: Store, items: list[Item], cache: dict[str, Item], threshold: float
) -> set[str]:
    """Merge the events a new main report matches beyond the one it joined: the greedy pass
    depends on the order reports arrive in, and a report may bridge two fragments of one event.
    The event with more reports keeps its id. Returns the ids of the absorbed events."""
    absorbed: set[str] = set()
    for it in items:
        if it.background or not it.exact:  # an undated report would bridge every event of its place
            continue
        own = store.conn.execute(
            "SELECT event_id FROM resolve_links WHERE report_id = ?", (it.id,)
        ).fetchone()[0]
        for event_id, value, _parts, matched in _scored_events(store, it, cache):
            if (
                value < threshold
                or not cache[matched].exact  # an undated member bridges every event of its place
                or event_id == own
                or _events_conflict(store, own, event_id)
                or _spans_apart(store, own, event_id)
            ):
                continue
            keep, drop = sorted((own, event_id), key=lambda e: (-_size(store, e), e))
            store.conn.execute(
                "UPDATE resolve_links SET event_id = ? WHERE event_id = ?", (keep, drop)
            )
            store.conn.execute(
                "UPDATE event_reports SET event_id = NULL WHERE event_id = ?", (drop,)
            )
            absorbed.add(drop)
            own = keep
    return absorbed


def _size(store: Store, event_id: str) -> int:
    return store.conn.execute(
        "SELECT count(*) FROM resolve_links WHERE event_id = ?", (event_id,)
    ).fetchone()[0]


def _exact_span(store: Store, event_id: str) -> tuple[int | None, int | None]:
    """The first and last day (ordinals) of an event's dated reports; (None, None) if none."""
    return store.conn.execute(
        "SELECT min(date_lo), max(date_hi) FROM resolve_links WHERE event_id = ? AND date_exact = 1",
        (event_id,),
    ).fetchone()


def _spans_apart(store: Store, a: str, b: str) -> bool:
    (alo, ahi), (blo, bhi) = _exact_span(store, a), _exact_span(store, b)
    if alo is None or blo is None:
        return False
    return alo > bhi + WINDOW or blo > ahi + WINDOW  # type: ignore[operator]


def _events_conflict(store: Store, a: str, b: str) -> bool:
    row = store.conn.execute(
        """SELECT 1 FROM resolve_links x JOIN resolve_links y ON x.document_id = y.document_id
           JOIN event_reports rx ON rx.id = x.report_id JOIN event_reports ry ON ry.id = y.report_id
           WHERE x.event_id = ? AND y.event_id = ? AND (x.background != y.background OR (
               x.date_exact = 1 AND y.date_exact = 1 AND x.date_lo = x.date_hi
               AND y.date_lo = y.date_hi AND x.date_lo != y.date_lo AND rx.type != ry.type))
           LIMIT 1""",
        (a, b),
    ).fetchone()
    return row is not None


def _dates_conflict(store: Store, it: Item, event_id: str) -> bool:
    """A dated report never joins an event whose own dated reports all lie outside its window
    (it may have been blocked in through an undated report of the same place)."""
    if not it.exact:
        return False
    lo, hi = _exact_span(store, event_id)
    return lo is not None and (it.lo > hi + WINDOW or it.hi < lo - WINDOW)  # type: ignore[operator]


def _own_main_end(store: Store, it: Item) -> int | None:
    """For an event told in passing, the last day (ordinal) of the dated reports of the event its
    own article's main report joined; None for a main report, or when that event is undated."""
    if not it.background:
        return None
    return store.conn.execute(
        """SELECT max(l.date_hi) FROM resolve_links m
           JOIN event_reports r ON r.id = m.report_id
           JOIN resolve_links l ON l.event_id = m.event_id AND l.date_exact = 1
           WHERE m.document_id = ? AND r.article_index = ? AND m.background = 0""",
        (it.member.document_id, it.member.report.get("article_index", 0)),
    ).fetchone()[0]


def _after(store: Store, event_id: str, main_end: int | None) -> bool:
    """An event told in passing as an earlier one never joins an event that began after the
    main event of its own article ended (``main_end``, from :func:`_own_main_end`): "An attack
    on the shrine in October ..." on an undated page whose main event turned out to be in August
    is last year's October, not this year's."""
    if main_end is None:
        return False
    lo = _exact_span(store, event_id)[0]
    return lo is not None and lo > main_end + WINDOW


def _own_document_conflict(store: Store, it: Item, event_id: str) -> bool:
    """A document's background mention is never its main event (and the other way round); two
    reports of one document of two kinds, each dated to its own day and the days apart, are two
    events the article told apart ("a suicide bomber killed 20 in Herat on Monday. On Tuesday afternoon,
    gunmen attacked a police academy in another part of Herat")."""
    row = store.conn.execute(
        "SELECT 1 FROM resolve_links WHERE event_id = ? AND document_id = ? AND background != ? LIMIT 1",
        (event_id, it.member.document_id, int(it.background)),
    ).fetchone()
    if row is not None:
        return True
    if not it.exact or it.lo is None or it.lo != it.hi:
        return False
    # (of one kind, the days may be those of one attack the article told day by day: Palma)
    return (
        store.conn.execute(
            "SELECT 1 FROM resolve_links l JOIN event_reports r ON r.id = l.report_id"
            " WHERE l.event_id = ? AND l.document_id = ? AND l.date_exact = 1"
            " AND l.date_lo = l.date_hi AND l.date_lo != ? AND r.type != ? LIMIT 1",
            (event_id, it.member.document_id, it.lo, it.member.report.get("type")),
        ).fetchone()
        is not None
    )


def _link(
    store: Store,
    it: Item,
    event_id: str,
    method: str,
    value: float | None,
    parts: dict[str, Any],
    matched: str | None,
    candidates: int,
) -> None:
    store.conn.execute(
        "INSERT OR REPLACE INTO resolve_links VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            it.id,
            event_id,
            it.member.document_id,
            it.country,
            it.admin1,
            it.place,
            it.lo,
            it.hi,
            int(it.exact),
            int(it.background),
            method,
            value,
            matched,
            json.dumps(parts),
            candidates,
        ),
    )


def _order(it: Item) -> tuple:
    return (it.background, it.lo is None, it.lo or 0, *it.member.order, it.id)


def resolve(store: Store, *, threshold: float = THRESHOLD) -> ResolveReport:
    """Assign every unresolved event report to an event; rebuild the touched events. Idempotent."""
    started = time.monotonic()
    report = ResolveReport()
    touched: set[str] = set()
    with store.conn:
        # Reports stored again (INSERT OR REPLACE) lose their event_id: forget their old link.
        stale = store.conn.execute(
            "SELECT l.report_id, l.event_id FROM resolve_links l JOIN event_reports r ON r.id = l.report_id"
            " WHERE r.event_id IS NULL"
        ).fetchall()
        for report_id, event_id in stale:
            touched.add(event_id)
            store.conn.execute("DELETE FROM resolve_links WHERE report_id = ?", (report_id,))
        items = sorted(
            (make_item(m) for m in _members(store, "r.event_id IS NULL", ())), key=_order
        )
        cache: dict[str, Item] = {}
        for it in items:
            scored = _scored_events(store, it, cache)
            n = len(scored)
            event_id, value, parts, matched = scored[0] if scored else (None, -1.0, {}, None)
            late = (
                None
                if event_id is not None and value >= threshold
                else _late_date(store, it, cache)
            )
            if late is not None:
                event_id, value, parts, matched = late
                method = "late_date"
                report.joined += 1
            elif event_id is not None and value >= threshold:
                method = "background" if it.background else "joined"
                report.joined += 1
            else:  # keep the nearest miss: "why is this not part of event X?"
                parts = (
                    {"nearest": {"event_id": event_id, "score": value, **parts}} if event_id else {}
                )
                event_id, method, value = stable_id("evt", it.id), "new", None
                report.new_events += 1
            _link(store, it, event_id, method, value, parts, matched, n)
            cache[it.id] = it
            touched.add(event_id)
            report.reports += 1
        absorbed = _consolidate(store, items, cache, threshold)
        report.merged = len(absorbed)
        touched = (touched - absorbed) | {
            r[0]
            for r in store.conn.execute(
                "SELECT DISTINCT event_id FROM resolve_links WHERE report_id IN"
                " (SELECT id FROM event_reports WHERE event_id IS NULL)"
            )
        }
        _delete_events(store, absorbed)
        report.events_written = _rebuild(store, touched)
        # Events whose documents were all deleted (reports cascade away with their documents).
        store.conn.execute(
            "DELETE FROM events WHERE id NOT IN (SELECT event_id FROM resolve_links)"
        )
    report.touched = sorted(touched)
    report.seconds = time.monotonic() - started
    return report


def _delete_events(store: Store, event_ids: Iterable[str]) -> None:
    for event_id in event_ids:
        store.conn.execute("DELETE FROM event_actors WHERE event_id = ?", (event_id,))
        store.conn.execute("DELETE FROM events WHERE id = ?", (event_id,))


def _rebuild(store: Store, event_ids: Iterable[str]) -> int:
    c = store.conn
    written = 0
    for event_id in sorted(event_ids):
        members = _members(
            store,
            "r.id IN (SELECT report_id FROM resolve_links WHERE event_id = ?)",
            (event_id,),
            with_named=True,
        )
        c.execute("DELETE FROM event_actors WHERE event_id = ?", (event_id,))
        if not members:
            c.execute("DELETE FROM events WHERE id = ?", (event_id,))
            continue
        row = build_event(event_id, members)
        c.execute(
            "INSERT OR REPLACE INTO events VALUES (?,?,?,?,?,?,?)",
            (
                event_id,
                row["type"],
                row["date"],
                row["location"]["country"],
                row["attribution_grade"],
                int(row["disputed"]),
                json.dumps(row, ensure_ascii=False),
            ),
        )
        roles = {p["actor_id"]: p["basis"] for p in row["perpetrators"]}
        for m in members:  # actors only ever named to be denied are still involved
            for p in m.report.get("perpetrators") or ():
                roles.setdefault(actor_key(p.get("actor_id"), p.get("name") or ""), "denied")
        c.executemany(
            "INSERT INTO event_actors VALUES (?,?,?)",
            [(event_id, actor_id, role) for actor_id, role in sorted(roles.items())],
        )
        c.executemany(
            "UPDATE event_reports SET event_id = ? WHERE id = ?",
            [(event_id, m.id) for m in members],
        )
        written += 1
    return written
