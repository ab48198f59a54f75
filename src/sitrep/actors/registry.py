"""The actor registry: the bundled ``data/registry.yaml`` plus an optional user file merged over it.

A registry file is a YAML list of entries (see ``data/README.md`` for the full format)::

    - id: islamic-state-khorasan-province
      name: Islamic State Khorasan Province
      kind: armed_group
      aliases: [ISIS-K, ISKP, IS-K]
      case_sensitive: [IS-K]        # these aliases match only with exactly this casing
      parent: islamic-state         # or null
      country: AF                   # ISO 3166-1 alpha-2 or null
      context_countries: []         # selects this actor for an alias shared with another one

A user file (``--actors FILE``) replaces bundled entries with the same id and adds new ones. Every
problem raises :class:`sitrep.errors.ConfigError` naming the file and the entry.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.datafiles import YAMLError, load_yaml
from sitrep.errors import ConfigError
from sitrep.records import Actor

KINDS = frozenset(
    {
        "armed_group",
        "state_force",
        "government",
        "intelligence_agency",
        "igo",
        "media",
        "political_party",
        "militia",
        "private_military",
        "other",
    }
)
# Keys an entry may carry; anything else is most likely a typo and is reported.
KEYS = frozenset(
    {
        "id",
        "name",
        "kind",
        "aliases",
        "case_sensitive",
        "parent",
        "country",
        "region",
        "context_countries",
        "designations",
        "note",
        "active",
        "sources",
    }
)
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "´": "'", "′": "'"})
_DASHES = re.compile(r"[\-‐‑‒–—―_/]+")
_NOISE = re.compile(r"[\"“”«»()\[\]{},;:!?]+")
_SPACES = re.compile(r"\s+")


def normalize(surface: str) -> str:
    """The lookup key of a name: case-folded, apostrophes/hyphens/dashes/spaces unified, no leading
    "the", no trailing possessive ("The Taliban’s" → "taliban")."""
    text = unicodedata.normalize("NFKC", surface).translate(_APOSTROPHES).casefold()
    text = _NOISE.sub(" ", _DASHES.sub(" ", text))
    text = _SPACES.sub(" ", text).strip(" .'")
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text.strip(" .'")


def bundled_path() -> Path:
    """Where the registry shipped with the package lives."""
    return Path(str(resources.files("sitrep.actors").joinpath("data", "registry.yaml")))


@dataclass(frozen=True, slots=True)
class Entry:
    """One registry entry: the public :class:`Actor` plus what recognition needs."""

    actor: Actor
    case_sensitive: frozenset[str] = frozenset()
    context_countries: tuple[str, ...] = ()
    region: str | None = None
    designations: tuple[str, ...] = ()
    origin: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and every alias, without duplicates."""
        return tuple(dict.fromkeys((self.actor.name, *self.actor.aliases)))


@dataclass(slots=True)
class Registry:
    """Actors by id, with alias lookup and the affiliation hierarchy."""

    entries: dict[str, Entry]
    actors: dict[str, Actor] = field(init=False)
    _folded: dict[str, tuple[str, ...]] = field(init=False)  # normalised alias -> ids
    _exact: dict[str, tuple[str, ...]] = field(init=False)  # case-sensitive alias -> ids
    _children: dict[str, set[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.actors = {i: e.actor for i, e in self.entries.items()}
        folded: dict[str, list[str]] = {}
        exact: dict[str, list[str]] = {}
        self._children = {}
        for actor_id, entry in self.entries.items():
            for name in entry.names:
                table, key = (
                    (exact, name) if name in entry.case_sensitive else (folded, normalize(name))
                )
                ids = table.setdefault(key, [])
                if actor_id not in ids:
                    ids.append(actor_id)
            if entry.actor.parent:
                self._children.setdefault(entry.actor.parent, set()).add(actor_id)
        for actor_id in self.entries:  # ids and canonical names are always lookup keys
            ids = folded.setdefault(normalize(actor_id), [])
            if actor_id not in ids:
                ids.append(actor_id)
        self._folded = {k: tuple(v) for k, v in folded.items()}
        self._exact = {k: tuple(v) for k, v in exact.items()}

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def entry(self, actor_id: str) -> Entry | None:
        return self.entries.get(actor_id)

    def candidates(self, surface: str) -> tuple[str, ...]:
        """Every actor id a surface form may name (several for shared aliases such as al-Shabab)."""
        found = self._exact.get(surface.strip()) or self._exact.get(_strip_possessive(surface))
        return found or self._folded.get(normalize(surface), ())

    def lookup(self, surface: str) -> Actor | None:
        """The actor a name, alias or id names, without context: for a shared alias, the one
        without context countries (else the first in the file)."""
        ids = self.candidates(surface)
        if not ids:
            return None
        plain = [i for i in ids if not self.entries[i].context_countries]
        return self.actors[(plain or list(ids))[0]]

    def parent(self, actor_id: str) -> Actor | None:
        actor = self.actors.get(actor_id)
        return self.actors.get(actor.parent) if actor and actor.parent else None

    def ancestors(self, actor_id: str) -> list[str]:
        """Parent, grandparent, ... (nearest first)."""
        chain: list[str] = []
        current = self.actors.get(actor_id)
        while current and current.parent and current.parent not in chain:
            chain.append(current.parent)
            current = self.actors.get(current.parent)
        return chain

    def descendants(self, actor_id: str) -> set[str]:
        """Affiliates, recursively (provinces of the Islamic State, their sub-groups...)."""
        found: set[str] = set()
        todo = [actor_id]
        while todo:
            for child in self._children.get(todo.pop(), ()):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return found

    def children(self, actor_id: str) -> set[str]:
        return set(self._children.get(actor_id, ()))


def _strip_possessive(surface: str) -> str:
    text = surface.strip()
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def load_registry(extra: str | Path | None = None) -> Registry:
    """The bundled registry with ``extra`` (a user YAML file) merged over it. Cached per file."""
    key = str(Path(extra).expanduser().resolve()) if extra else ""
    return _load(key)


@cache
def _load(extra: str) -> Registry:
    paths = [bundled_path()]
    if extra:
        paths.append(Path(extra))
    return read_registry(paths)


def read_registry(paths: Sequence[Path]) -> Registry:
    """Read and validate registry files, later files overriding earlier ones by id (not cached)."""
    entries: dict[str, Entry] = {}
    for number, path in enumerate(paths):
        source = "registry" if number == 0 else "user"
        for entry in _read_file(Path(path), source):
            entries[entry.actor.id] = entry
    _validate(entries)
    return Registry(entries)


def _read_file(path: Path, source: str) -> list[Entry]:

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"actor registry file {path} does not exist") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"actor registry file {path} is not UTF-8: {exc}") from exc
    try:
        data = load_yaml(text)
    except YAMLError as exc:
        raise ConfigError(f"actor registry file {path} is not valid YAML: {exc}") from exc
    if isinstance(data, dict) and "actors" in data:
        data = data["actors"]
    if not isinstance(data, list):
        raise ConfigError(f"actor registry file {path} must be a YAML list of entries")
    entries: list[Entry] = []
    seen: set[str] = set()
    for number, raw in enumerate(data, start=1):
        entry = _entry(raw, f"{path}: entry {number}", source, str(path))
        if entry.actor.id in seen:
            raise ConfigError(f"{path}: entry {number}: duplicate id {entry.actor.id!r}")
        seen.add(entry.actor.id)
        entries.append(entry)
    return entries


def _strings(raw: Any, where: str, key: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(dict.fromkeys(v.strip() for v in value))


def _entry(raw: Any, where: str, source: str, origin: str) -> Entry:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: an entry must be a mapping with id, name and kind")
    actor_id = raw.get("id")
    if not isinstance(actor_id, str) or not _ID.match(actor_id):
        raise ConfigError(f"{where}: 'id' must be lowercase letters, digits and hyphens")
    where = f"{where} (id {actor_id!r})"
    unknown = set(raw) - KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(KEYS)}")
    name, kind = raw.get("name"), raw.get("kind")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where}: 'name' is required")
    if kind not in KINDS:
        raise ConfigError(f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
    aliases = _strings(raw, where, "aliases")
    case_sensitive = _strings(raw, where, "case_sensitive")
    outside = [a for a in case_sensitive if a not in aliases and a != name]
    if outside:
        raise ConfigError(f"{where}: case_sensitive {outside} are not among its aliases")
    contexts = tuple(c.upper() for c in _strings(raw, where, "context_countries"))
    country = raw.get("country")
    for code in (*contexts, *([country] if country else [])):
        if not isinstance(code, str) or not re.fullmatch(r"[A-Za-z]{2}", code):
            raise ConfigError(f"{where}: {code!r} is not an ISO 3166-1 alpha-2 country code")
    parent = raw.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise ConfigError(f"{where}: 'parent' must be an actor id or null")
    note, region = raw.get("note"), raw.get("region")
    actor = Actor(
        id=actor_id,
        name=name.strip(),
        kind=kind,
        aliases=aliases,
        parent=parent or None,
        country=country.upper() if country else None,
        source="registry" if source == "registry" else "user",
        note=str(note).strip() if note else None,
    )
    return Entry(
        actor=actor,
        case_sensitive=frozenset(case_sensitive),
        context_countries=contexts,
        region=str(region) if region else None,
        designations=_strings(raw, where, "designations"),
        origin=origin,
    )


def _validate(entries: dict[str, Entry]) -> None:
    for actor_id, entry in entries.items():
        parent = entry.actor.parent
        if parent and parent not in entries:
            raise ConfigError(f"{entry.origin}: id {actor_id!r}: parent {parent!r} is not defined")
        if parent and _cycles(entries, actor_id):
            raise ConfigError(f"{entry.origin}: id {actor_id!r}: parent chain loops back to it")
    owners: dict[str, list[str]] = {}
    for actor_id, entry in entries.items():
        for key in {normalize(n) for n in entry.names}:
            owners.setdefault(key, []).append(actor_id)
    for key, ids in owners.items():
        _check_shared(entries, key, ids)


def _check_shared(entries: dict[str, Entry], key: str, ids: Iterable[str]) -> None:
    ids = list(ids)
    if len(ids) < 2:
        return
    # A name may be shared when every actor but (at most) one says in which countries it means it.
    plain = [i for i in ids if not entries[i].context_countries]
    if len(plain) > 1:
        last = entries[ids[-1]]
        raise ConfigError(
            f"{last.origin}: id {ids[-1]!r}: alias {key!r} is also used by {ids[:-1]}; give the "
            "actors sharing it context_countries, or remove the duplicate"
        )


def _cycles(entries: dict[str, Entry], actor_id: str) -> bool:
    seen = {actor_id}
    current = entries[actor_id].actor.parent
    while current:
        if current in seen:
            return True
        seen.add(current)
        current = entries[current].actor.parent if current in entries else None
    return False
