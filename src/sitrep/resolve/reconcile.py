"""One event from the reports merged into it: reconciled figures, perpetrators, disputes, grade.

Pure functions over :class:`Member` (an EventReport as stored, plus its article's date and
publisher). The rules are documented in ``docs/resolve.md``; in short:

- ``low``/``high``: the envelope of every figure any source gave (early tolls, revisions, the
  perpetrator's own claim), range bounds included; attackers' deaths are kept but left out, and
  so is a total that adds them to the victims' count the same document gives (3 + 3 bombers: 6).
- ``best``: per outlet, the figure its latest document stands behind -- its largest
  non-superseded, non-claim figure, leaving out the figures it only passes on (hearsay: credited
  to residents or witnesses, or told as a belief or fear -- "believed more than 100", "feared
  dead" -- by no official source; ``hearsay_words``, ``hedge_patterns``) when the document gives
  another estimate of the whole toll; then the median over outlets. "at least N" counts as N, a
  range as its midpoint. Hearsay stays in low/high.
- figure dispute: two outlets' latest figures, published within a day of each other, whose
  intervals ("at least N" = [N, ∞), "up to N" = [0, N], a range its bounds) stay apart after
  widening each by max(3, 25%), or where one says none and the other some; else a hearsay
  figure left out of an outlet's choice that stays apart from the figure chosen (officials' 30
  vs residents' 50-60).
- perpetrator dispute: a denial, two claims by different sides, a claim by X and a blame on Y,
  or groups of different sides named by different sources (not one joint attribution). A denial
  by a group no one names is shown as a dispute too (who denied what), but contests nothing.
- grade: contested (a dispute over a group someone names) > claimed > attributed (an official
  source, or two outlets, name a group) > unknown.
- type: the most reported, a general type's reports counting for a specific type another report
  gives (``type_refines``: armed_assault → kidnapping); ties: the earlier in ``type_priority``.
- date: the most reported day (a report with no date of its own that names a day without a
  year, "on Sunday", votes for the one candidate day it fits); such a report, or one dated only
  by a month or year, is then dated by the event when its day fits (``anchored``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import median
from typing import Any

from sitrep.clean.dates import period_end
from sitrep.resolve.lexicon import Lexicon, actor_key, family, load_lexicon, registry

_BASIS_RANK = {"claimed": 4, "attributed": 3, "accused": 2, "suspected": 1}
_OPEN_HIGH = ("at least", "more than", "over")
_OPEN_LOW = ("up to", "as many as")
_WIDEN_ABS, _WIDEN_REL = 3, 0.25
OUTLIER_FACTOR, OUTLIER_MIN = 10, 50  # a figure above 10 × best + 50 is left out of low/high


@dataclass(frozen=True, slots=True)
class Member:
    """One event report as stored (``asdict(EventReport)``), with its article's metadata."""

    report: dict[str, Any]
    published: str | None = None
    published_precision: str | None = None  # day, month, year (articles.date_precision)
    publisher: str | None = None
    title: str | None = None
    denials: tuple[dict[str, Any], ...] = field(default=())  # Claims (asdict) denying this report
    named: frozenset[str] = frozenset()  # registry ids of the actors its article mentions
    roles: Mapping[str, str] = field(default_factory=dict)  # its article's people: name -> role

    @property
    def id(self) -> str:
        return self.report["id"]

    @property
    def document_id(self) -> str:
        return self.report["document_id"]

    @property
    def background(self) -> bool:
        return bool(self.report.get("background"))

    @property
    def outlet(self) -> str:
        return (self.publisher or self.document_id).casefold()

    @property
    def order(self) -> tuple[str, str, int]:
        return (self.published or "", self.document_id, self.report.get("article_index", 0))


def build_event(event_id: str, members: Sequence[Member]) -> dict[str, Any]:
    """The events.jsonl row of an event (plus ``attribution_grade``, ``disputed`` and ``sources``)."""
    lex = load_lexicon()
    members = sorted(members, key=lambda m: m.order)
    main = [m for m in members if not m.background] or list(members)
    date, precision = _date(main)
    anchored = _anchored(members, date, precision)
    location = _location(main)
    perps, claimed_by, perp_disputes = _perpetrators(members, location["country"], lex)
    killed, killed_disputes = reconcile_figures(members, "killed", lex)
    wounded, wounded_disputes = reconcile_figures(members, "wounded", lex, _outliers(killed))
    if off := _outliers(wounded) - _outliers(killed):  # "1,662 died and 3,581 were injured"
        killed, killed_disputes = reconcile_figures(members, "killed", lex, off)
    disputes = perp_disputes + killed_disputes + wounded_disputes
    grade = _grade(perps, claimed_by, lex)
    documents = list(dict.fromkeys(m.document_id for m in members))
    sources = [
        {"document_id": m.document_id, "publisher": m.publisher, "published": m.published}
        for m in {m.document_id: m for m in members}.values()
    ]
    return {
        "id": event_id,
        "type": _type(main, lex),
        "date": date,
        "date_precision": precision,
        "location": location,
        "perpetrators": [
            {k: p[k] for k in ("actor_id", "name", "basis", "disputed")} for p in perps
        ],
        "claimed_by": claimed_by,
        "killed": killed,
        "wounded": wounded,
        "targets": _union(m.report.get("targets", ()) for m in members),
        "weapons": _union(m.report.get("weapons", ()) for m in members),
        "disputes": disputes,
        "attribution_grade": grade,
        "disputed": bool(disputes),
        "documents": documents,
        "sources": sources,
        "reports": [m.id for m in members],
        "anchored": anchored,
        "evidence": _evidence(main, members),
    }


# -- event fields ---------------------------------------------------------------------------------
def _type(main: Sequence[Member], lex: Lexicon) -> str:
    """The most reported type; a report of a general type (``armed_assault``) counts for the
    specific type another report gives (``kidnapping``: ``type_refines``); ties: the earlier
    in ``type_priority``."""
    votes = Counter(m.report["type"] for m in main)
    for specific, general in lex.type_refines:
        if specific in votes:  # the assault is how the abduction was carried out
            for g in general & votes.keys():
                votes[specific] += votes.pop(g)
    rank = {t: i for i, t in enumerate(lex.type_priority)}
    return min(votes, key=lambda t: (-votes[t], rank.get(t, len(rank)), t))


def _date(main: Sequence[Member]) -> tuple[str | None, str | None]:
    """The most reported date at the finest precision any report gives (ties: the earliest).
    An undated report's clue ("on Sunday") counts for a day when it fits that day alone."""
    order = ("day", "week", "month", "year")
    dated = [m.report for m in main if m.report.get("date")]
    for precision in order:
        votes = Counter(r["date"] for r in dated if (r.get("date_precision") or "day") == precision)
        if votes and precision == "day":
            for m in main:
                if m.report.get("date"):
                    continue  # (its own date is counted already)
                fits = [d for d in votes if _fits(m, d)]
                if len(fits) == 1:
                    votes[fits[0]] += 1
        if votes:
            return min(votes, key=lambda d: (-votes[d], d)), precision
    return None, None


def _fits(m: Member, date: str) -> bool:
    """Whether the day ``m`` names without a year (its ``date_clue``) can be ``date``: the same
    weekday, month-day or month ("in October"), any day for a day counted from the report's own
    ("today"), on or before its article's period when that is known; or whether ``date`` lies in
    the week, month or year ``m`` is dated by ("in October 2022")."""
    clue = m.report.get("date_clue")
    if not clue:
        return False
    day = dt.date.fromisoformat(date)
    own, precision = m.report.get("date"), m.report.get("date_precision") or "day"
    if own:
        if precision == "day":
            return False
        first = dt.date.fromisoformat(own)
        return first <= day <= period_end(first, precision)
    if clue.get("weekday") is not None and clue["weekday"] != day.weekday():
        return False
    month = clue.get("month")
    if month is not None and (month, clue.get("day") or day.day) != (day.month, day.day):
        return False
    return not (m.published and date > _period_last(m.published, m.published_precision))


def _period_last(published: str, precision: str | None) -> str:
    """The last day of a publication period, as an ISO date ("2021-05" known by month: May 31)."""
    return period_end(dt.date.fromisoformat(published[:10]), precision).isoformat()


def _anchored(
    members: Sequence[Member], date: str | None, precision: str | None
) -> list[dict[str, Any]]:
    """The reports with no date of their own, or a coarser one, whose clue fits the event's
    day: dated by it."""
    if date is None or precision != "day":
        return []
    return [
        {
            "report_id": m.id,
            "document_id": m.document_id,
            "date": date,
            "date_precision": "day",
            "evidence": m.report["date_clue"]["evidence"],
        }
        for m in members
        if _fits(m, date)
    ]


def _location(main: Sequence[Member]) -> dict[str, Any]:
    locs = [m.report.get("location") or {} for m in main]
    countries = Counter(loc["country"] for loc in locs if loc.get("country"))
    country = countries.most_common(1)[0][0] if countries else None
    locs = [loc for loc in locs if loc.get("country") in (None, country)]
    places = Counter(loc["place"] for loc in locs if loc.get("place"))
    place = places.most_common(1)[0][0] if places else None
    with_place = [loc for loc in locs if place and loc.get("place") == place]
    admins = Counter(loc["admin1"] for loc in (with_place or locs) if loc.get("admin1"))
    admin1 = admins.most_common(1)[0][0] if admins else None
    coords = next((loc for loc in with_place if loc.get("lat") is not None), None)
    if coords is None and place is None:
        coords = next(
            (loc for loc in locs if loc.get("lat") is not None and loc.get("admin1") == admin1),
            None,
        )
    precision = "place" if place else "admin1" if admin1 else "country" if country else None
    if coords is not None and coords.get("precision"):
        precision = coords["precision"]
    return {
        "country": country,
        "admin1": admin1,
        "place": place,
        "lat": coords["lat"] if coords else None,
        "lon": coords["lon"] if coords else None,
        "precision": precision,
    }


def _union(lists: Iterable[Iterable[str]]) -> list[str]:
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for items in lists:
        for item in dict.fromkeys(x.strip() for x in items if x and x.strip()):
            key = item.casefold()
            counts[key] += 1
            first.setdefault(key, item)
    return [first[k] for k, _ in sorted(counts.items(), key=lambda kv: -kv[1])]


def _evidence(main: Sequence[Member], members: Sequence[Member]) -> list[dict[str, Any]]:
    seen: dict[tuple, dict[str, Any]] = {}
    for m in [*main, *members]:
        for ev in m.report.get("evidence") or ():
            seen.setdefault((ev["document_id"], ev["article_index"], ev["start"], ev["end"]), ev)
    if not seen:  # the schema wants one; an empty slice of the first article is still true
        m = members[0]
        return [_empty_evidence(m)]
    return list(seen.values())


def _empty_evidence(m: Member) -> dict[str, Any]:
    return {
        "document_id": m.document_id,
        "article_index": m.report.get("article_index", 0),
        "start": 0,
        "end": 0,
        "text": "",
    }


# -- figures --------------------------------------------------------------------------------------
def _bounds(f: dict[str, Any]) -> tuple[int, int]:
    high = f.get("value_high")
    return (
        (f["value"], high) if high is not None and high >= f["value"] else (f["value"], f["value"])
    )


def _comparable(f: dict[str, Any]) -> float:
    lo, hi = _bounds(f)
    return (lo + hi) / 2


def _interval(f: dict[str, Any]) -> tuple[float, float]:
    """What a figure allows: "at least 40" is compatible with 55, "up to 50" with 45. "As many
    as 2,000" is a high estimate, not a ceiling anything below meets: a count under half of it
    (the army's 150) disagrees with it."""
    lo, hi = _bounds(f)
    qualifier = (f.get("qualifier") or "").casefold()
    if qualifier in _OPEN_HIGH:
        return lo, float("inf")
    if qualifier in _OPEN_LOW:
        return min(lo, hi / 2), hi
    return lo, hi


def _apart(a: dict[str, Any], b: dict[str, Any]) -> bool:
    (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
    if (ahi == 0 and blo >= 1) or (bhi == 0 and alo >= 1):
        return True  # "no one was killed" against any dead: none and some, however few
    if ahi < blo:
        low, high = ahi, blo
    elif bhi < alo:
        low, high = bhi, alo
    else:
        return False
    return high - low > max(_WIDEN_ABS, _WIDEN_REL * high)


def _figure_rows(members: Sequence[Member], kind: str, lex: Lexicon) -> list[dict[str, Any]]:
    rows: dict[tuple, dict[str, Any]] = {}
    for m in members:
        for f in m.report.get("figures") or ():
            if f.get("kind") != kind or f.get("value") is None or f["value"] < 0:
                continue
            attackers = lex.counts_attackers(f.get("scope"), m.report.get("type"))
            key = (
                attackers,  # "three soldiers" and "three attackers" are two figures
                m.document_id,
                f["value"],
                f.get("value_high"),
                f.get("qualifier") or "",
                (f.get("according_to") or "").casefold(),
                bool(f.get("is_claim")),
            )
            row = rows.get(key)
            if row is not None:  # the same figure twice in one document (e.g. two reports)
                row["superseded"] = row["superseded"] and bool(f.get("superseded"))
                continue
            rows[key] = {
                "value": int(f["value"]),
                "value_high": f.get("value_high"),
                "qualifier": f.get("qualifier") or "",
                "according_to": f.get("according_to"),
                "document_id": m.document_id,
                "evidence": f.get("evidence")
                or (m.report.get("evidence") or [_empty_evidence(m)])[0],
                "scope": f.get("scope"),
                "superseded": bool(f.get("superseded")),
                "is_claim": bool(f.get("is_claim")),
                "publisher": m.publisher,
                "published": m.published,
                "background": m.background,
                "_outlet": m.outlet,
                "_order": m.order,
                "_attackers": attackers,
            }
    out = list(rows.values())
    _attackers_in_totals(out, lex)
    return out


def _attackers_in_totals(rows: Sequence[dict[str, Any]], lex: Lexicon) -> None:
    """A document's whole toll that is exactly its victims' count plus its attackers' dead
    ("killing four civilians ... the two bombers also died, bringing the total death toll to
    six") counts the attackers: like a total of "guards and attackers", it is no victims' toll.
    Only figures standing (not superseded) in the same document are added up."""
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if not r["superseded"] and r["value_high"] is None:
            by_doc[r["document_id"]].append(r)
    for items in by_doc.values():
        attackers = {r["value"] for r in items if r["_attackers"]}
        for r in items:
            if r["_attackers"] or not _whole(r, lex) or not attackers:
                continue
            if any(
                v["value"] + a == r["value"]
                for v in items
                if v is not r and not v["_attackers"] and v["value"] > 0
                for a in attackers
            ):
                r["_attackers"] = True


def _sentence(r: dict[str, Any]) -> tuple:
    ev = r["evidence"] or {}
    return (r["document_id"], ev.get("article_index"), ev.get("start"), ev.get("end"))


def _outliers(result: dict[str, Any]) -> frozenset[tuple]:
    """The evidence sentences of one kind's outliers (figures of the other kind in the same
    sentence belong to the same misread total)."""
    return frozenset(_sentence(f) for f in result["figures"] if f["outlier"])


def reconcile_figures(
    members: Sequence[Member],
    kind: str,
    lex: Lexicon | None = None,
    outlier_sentences: frozenset[tuple] = frozenset(),
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """``{low, best, high, figures}`` for one kind of figure, and the figure disputes.

    Outliers (kept in ``figures`` with ``outlier: true``, left out of low/best/high): period
    totals (``aggregate_patterns``), figures in a sentence of ``outlier_sentences``, then figures
    above ``OUTLIER_FACTOR`` × best + ``OUTLIER_MIN`` (a misread year or page count). Sub-counts
    (a scope not in ``whole_scopes``: "two US soldiers") below ``best`` do not lower ``low``."""
    lex = lex or load_lexicon()
    rows = _figure_rows(members, kind, lex)
    for r in rows:
        r["outlier"] = _sentence(r) in outlier_sentences or lex.is_aggregate(
            (r["evidence"] or {}).get("text")
        )
    victims = [r for r in rows if not r["_attackers"]]
    latest, hearsay = _latest_per_outlet([r for r in victims if not r["outlier"]], lex)
    best = round(median(_comparable(r) for r in latest.values())) if latest else None
    for r in rows:  # a misread number (a year, a page count) must not stretch the range
        r["outlier"] = r["outlier"] or (
            best is not None and _bounds(r)[1] > OUTLIER_FACTOR * max(best, 1) + OUTLIER_MIN
        )
    inside = [r for r in victims if not r["outlier"]]
    whole = [r for r in inside if not _sub_count(r, best, lex)] or inside
    low = min((_bounds(r)[0] for r in whole), default=None)
    high = max((_bounds(r)[1] for r in inside), default=None)
    if best is not None and low is not None and high is not None:
        best = max(low, min(high, best))
    disputes = (
        _figure_disputes(kind, latest)
        or _hearsay_disputes(kind, latest, hearsay)
        or _source_disputes(kind, latest, inside, lex)
    )
    figures = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return {"low": low, "best": best, "high": high, "figures": figures}, disputes


def _sub_count(r: dict[str, Any], best: int | None, lex: Lexicon) -> bool:
    """A count of one group of victims ("two US soldiers") under half the event's best figure:
    a part of the toll, not an estimate of it."""
    scope = (r.get("scope") or "").casefold().strip()
    words = set(scope.split())
    # well below: a group close to the total ("18 students" of 22 dead) may be most victims
    return (
        bool(scope)
        and not (words & lex.whole_scopes)
        and best is not None
        and r["value"] < best / 2
    )


def _latest_per_outlet(
    rows: Sequence[dict[str, Any]], lex: Lexicon
) -> tuple[dict[str, dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Per outlet, the figure its latest document stands behind -- its largest, leaving out
    hearsay (:meth:`Lexicon.is_hearsay`) when the document gives another estimate of the whole
    toll: a toll that rose in the same outlet is one (updated) figure, not two, and residents'
    "more than 500" next to the minister's 358 is an estimate the outlet reports, not its toll.
    Perpetrator claims never count; superseded figures only when nothing else is left. Also
    returns, per outlet, the hearsay figures left out."""
    usable = [r for r in rows if not r["is_claim"] and not r["superseded"]]
    usable = usable or [r for r in rows if not r["is_claim"]]
    # Retrospective tolls in articles about a later event are reports, but not an outlet's update.
    usable = [r for r in usable if not r["background"]] or usable
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in usable:
        by_outlet[r["_outlet"]].append(r)
    latest: dict[str, dict[str, Any]] = {}
    left_out: dict[str, list[dict[str, Any]]] = {}
    for outlet, items in by_outlet.items():
        last = max(r["_order"][:2] for r in items)
        newest = [r for r in items if r["_order"][:2] == last]
        heard = [r for r in newest if lex.is_hearsay(r["according_to"], _text(r))]
        firm = [r for r in newest if r not in heard]
        # a count of one group ("three soldiers") is no estimate of the toll to prefer
        if heard and any(_whole(r, lex) for r in firm):
            # equal figures: the one a named official gave is the one to show
            latest[outlet] = max(
                firm, key=lambda r: (_comparable(r), lex.is_official(r["according_to"]))
            )
            left_out[outlet] = heard
        else:
            latest[outlet] = max(newest, key=_comparable)
    return latest, left_out


def _text(r: dict[str, Any]) -> str | None:
    return (r["evidence"] or {}).get("text")


def _whole(r: dict[str, Any], lex: Lexicon) -> bool:
    scope = (r.get("scope") or "").casefold()
    return not scope or bool(set(scope.split()) & lex.whole_scopes)


def _hearsay_disputes(
    kind: str, latest: dict[str, dict[str, Any]], hearsay: dict[str, list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    """Sources one document sets against each other: the figure chosen for its outlet and a
    hearsay figure left out that stays apart from it (officials' 30, residents' 50-60)."""
    for outlet, chosen in sorted(latest.items(), key=lambda kv: kv[1]["_order"]):
        for r in hearsay.get(outlet, ()):
            if _apart(chosen, r):
                return [_dispute(kind, chosen, r)]
    return []


def _source_disputes(
    kind: str, latest: dict[str, dict[str, Any]], rows: Sequence[dict[str, Any]], lex: Lexicon
) -> list[dict[str, Any]]:
    """Named sources one document sets side by side: beside the figure chosen for its outlet, a
    whole toll another named source gives in the same document, not replaced and not a claim,
    that stays apart from it ("The UN said 30 were killed ... The ministry's spokesman had said
    12")."""

    def names(who: str | None) -> set[str]:
        # "Enanga" and "Fred Enanga", "the Ministry of Interior" and "the ministry": one source
        return {w for w in re.findall(r"[a-z][\w'-]{3,}", (who or "").casefold())} - {"said"}

    for outlet, chosen in sorted(latest.items(), key=lambda kv: kv[1]["_order"]):
        who = names(chosen["according_to"])
        for r in rows:
            if (
                r["_outlet"] != outlet
                or r["document_id"] != chosen["document_id"]
                or r["superseded"]
                or r["is_claim"]
                or r["background"]
                or lex.is_self(r["according_to"])
                or r["according_to"] == r.get("publisher")  # the outlet's own count
                or names(r["according_to"]) & who
                or not _whole(r, lex)
            ):
                continue
            if _apart(chosen, r):
                return [_dispute(kind, chosen, r)]
    return []


def _figure_disputes(kind: str, latest: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    from datetime import date

    def day(r: dict[str, Any]) -> int | None:
        try:
            return date.fromisoformat(r["published"]).toordinal() if r["published"] else None
        except ValueError:
            return None

    rows = sorted(latest.values(), key=lambda r: r["_order"])
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            da, db = day(a), day(b)
            if da is None or db is None or abs(da - db) > 1:
                continue  # a later toll is an update, not a disagreement (and undated: unknown)
            if _apart(a, b):
                return [_dispute(kind, a, b)]
    return []


def _dispute(kind: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """The figure dispute between the rows ``a`` and ``b``, with both figures' evidence."""
    note = f"{kind}: {_describe(a)} vs {_describe(b)}"
    return {"field": kind, "note": note, "evidence": [a["evidence"], b["evidence"]]}


def _describe(r: dict[str, Any]) -> str:
    value = f"{r['value']}-{r['value_high']}" if r.get("value_high") else str(r["value"])
    qualifier = f"{r['qualifier']} " if r["qualifier"] else ""
    who = r["according_to"] or "unattributed"
    return f"{qualifier}{value} ({who}; {r['publisher'] or r['document_id']}, {r['published'] or 'undated'})"


# -- perpetrators ---------------------------------------------------------------------------------
def _statements(members: Sequence[Member]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for m in members:
        ev0 = (m.report.get("evidence") or [_empty_evidence(m)])[0]
        named: set[str] = set()
        deniers = {
            c.get("speaker_actor_id") or actor_key(None, c.get("speaker") or "") for c in m.denials
        }
        for p in m.report.get("perpetrators") or ():
            key = actor_key(p.get("actor_id"), p.get("name") or "")
            named |= {key, p.get("name") or key}  # by name too: a discovered group's id is no slug
            blame = {
                "key": key,
                "name": p.get("name") or key,
                "basis": p.get("basis") or "suspected",
                "according_to": p.get("according_to"),
                "role": m.roles.get(p.get("according_to") or ""),
                "denied": False,
                "document_id": m.document_id,
                "outlet": m.outlet,
                "evidence": p.get("evidence") or ev0,
            }
            out.append(blame)
            if p.get("denied") and key not in deniers:
                # "the minister blamed the PKK; the PKK denied it": the blame stands, by its
                # source, and the group is the one denying it, not the minister
                out.append(
                    {
                        **blame,
                        "basis": "claimed",
                        "according_to": blame["name"],
                        "denied": True,
                        "evidence": p.get("denial") or blame["evidence"],
                    }
                )
        for name in m.report.get("claimed_by") or ():
            key = actor_key(None, name)
            if key not in named and name not in named:
                out.append(
                    {
                        "key": key,
                        "name": name,
                        "basis": "claimed",
                        "according_to": m.report.get("claim_channel"),
                        "denied": False,
                        "document_id": m.document_id,
                        "outlet": m.outlet,
                        "evidence": ev0,
                    }
                )
        for c in m.denials:
            key = c.get("speaker_actor_id") or actor_key(None, c.get("speaker") or "")
            out.append(
                {
                    "key": key,
                    "name": c.get("speaker") or key,
                    "basis": "claimed",
                    "according_to": c.get("speaker"),
                    "denied": True,
                    "document_id": m.document_id,
                    "outlet": m.outlet,
                    "evidence": c.get("evidence") or ev0,
                }
            )
    return out


def _related(a: str, b: str) -> bool:
    return a in family(b) or b in family(a)


def _branches(
    statements: list[dict[str, Any]], members: Sequence[Member], country: str | None, lex: Lexicon
) -> list[dict[str, Any]]:
    """Statements naming a parent in ``branch_claimants`` filed under the one branch of it the
    event's reports name (see resolve.yaml): "IS claimed" + "ISKP" → ISKP claimed."""
    reg = registry()
    parents = {s["key"] for s in statements} & lex.branch_claimants
    if reg is None or not parents:
        return statements
    perpetrators = {s["key"] for s in statements if not s["denied"]}
    # a child only suspected or accused (police suspect a local cell that pledged allegiance)
    # is no branch the parent claimed for: its claim stays the parent's, beside the suspicion
    doers = {
        s["key"]
        for s in statements
        if not s["denied"] and s["basis"] not in ("suspected", "accused")
    }
    mentioned = frozenset().union(*(m.named for m in members))
    moved: dict[str, tuple[str, str]] = {}
    for parent in parents:
        found = set()
        for child in reg.children(parent):
            if child in doers or (
                child not in perpetrators
                and child in mentioned
                and country
                and country in _countries(reg, child)
            ):
                found.add(child)
        if len(found) == 1:
            child = found.pop()
            actor = reg.get(child)
            moved[parent] = (child, actor.name if actor is not None else child)
    if not moved:
        return statements
    return [
        {**s, "key": moved[s["key"]][0], "name": moved[s["key"]][1]} if s["key"] in moved else s
        for s in statements
    ]


def _countries(reg: Any, actor_id: str) -> set[str]:
    """Where a branch operates: its registry country and its own branches' (ISCAP: CD, and MZ
    through Ahlu Sunnah Wa-Jama)."""
    ids = {actor_id, *reg.descendants(actor_id)}
    return {a.country for a in map(reg.get, ids) if a is not None and a.country}


def _perpetrators(
    members: Sequence[Member], country: str | None = None, lex: Lexicon | None = None
) -> tuple[list[dict], list[str], list[dict]]:
    statements = _branches(_statements(members), members, country, lex or load_lexicon())
    actors: dict[str, dict[str, Any]] = {}
    for s in statements:
        a = actors.setdefault(
            s["key"],
            {
                "actor_id": s["key"],
                "name": s["name"],
                "basis": None,
                "disputed": False,
                "positive": [],
                "denials": [],
            },
        )
        (a["denials"] if s["denied"] else a["positive"]).append(s)
        if not s["denied"] and (
            a["basis"] is None or _BASIS_RANK[s["basis"]] > _BASIS_RANK[a["basis"]]
        ):
            a["basis"], a["name"] = s["basis"], s["name"]
    disputes: list[dict[str, Any]] = []
    for a in actors.values():
        if a["denials"]:
            a["disputed"] = True
            disputes.append(_denial_dispute(a))
    named = [a for a in actors.values() if _firm(a)]
    for i, a in enumerate(named):
        for b in named[i + 1 :]:
            if not _related(a["actor_id"], b["actor_id"]) and _competing(a, b):
                a["disputed"] = b["disputed"] = True
                disputes.append(_competing_dispute(a, b))
    perps = [a for a in actors.values() if a["positive"]]
    perps.sort(key=lambda a: (-_BASIS_RANK[a["basis"]], -len(a["positive"]), a["name"]))
    claimed_by = [a["name"] for a in perps if any(s["basis"] == "claimed" for s in a["positive"])]
    return perps, claimed_by, disputes


def _firm(a: dict[str, Any]) -> bool:
    """Named firmly enough to dispute another name: a claim, a blame from a named source, or a
    blame several outlets print. One outlet's unsourced aside is not a disagreement of sources."""
    lex = load_lexicon()
    blames = [s for s in a["positive"] if s["basis"] in ("attributed", "accused", "claimed")]
    if any(s["basis"] == "claimed" or not lex.is_self(s["according_to"]) for s in blames):
        return True
    return len({s["outlet"] for s in blames}) >= 2


def _competing(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two groups of different sides are competing unless every source naming one names both
    (one joint attribution: "a joint Taliban–IS operation")."""
    claims_a = any(s["basis"] == "claimed" for s in a["positive"])
    claims_b = any(s["basis"] == "claimed" for s in b["positive"])
    if claims_a or claims_b:
        return True
    src_a = {(s["document_id"], s["according_to"]) for s in a["positive"]}
    src_b = {(s["document_id"], s["according_to"]) for s in b["positive"]}
    return not (src_a & src_b)


def _phrase(a: dict[str, Any]) -> str:
    parts = []
    for s in a["positive"]:
        who = s["according_to"] or s["outlet"]
        verb = (
            "claimed by"
            if s["basis"] == "claimed"
            else "blamed on"
            if s["basis"] in ("attributed", "accused")
            else "suspected:"
        )
        quiet = s["basis"] == "claimed" and (
            not s["according_to"] or s["according_to"] == a["name"]
        )
        text = f"{verb} {a['name']}" + ("" if quiet else f" by {who}")
        if text not in parts:
            parts.append(text)
    return "; ".join(parts[:3])


def _competing_dispute(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    evidence = [a["positive"][0]["evidence"], b["positive"][0]["evidence"]]
    return {"field": "perpetrators", "note": f"{_phrase(a)} — {_phrase(b)}", "evidence": evidence}


def _denial_dispute(a: dict[str, Any]) -> dict[str, Any]:
    deniers = sorted({s["according_to"] or s["outlet"] for s in a["denials"]})
    note = f"{a['name']}: involvement denied ({', '.join(deniers)})"
    if a["positive"]:
        note += f" — {_phrase(a)}"
    evidence = [s["evidence"] for s in a["denials"][:2]] + [
        s["evidence"] for s in a["positive"][:1]
    ]
    return {"field": "perpetrators", "note": note, "evidence": evidence}


def _grade(perps: Sequence[dict], claimed_by: Sequence[str], lex: Lexicon) -> str:
    if any(a["disputed"] for a in perps):  # (not a denial by a group no one names)
        return "contested"
    if claimed_by:
        return "claimed"
    for a in perps:
        firm = [s for s in a["positive"] if s["basis"] in ("attributed", "accused")]
        if any(lex.is_official(s["according_to"]) or lex.is_official(s.get("role")) for s in firm):
            return "attributed"
        if len({s["outlet"] for s in a["positive"] if s["basis"] != "suspected"}) >= 2:
            return "attributed"
    return "unknown"
