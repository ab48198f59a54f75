from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import ConfigError
from sitrep.settings import SETTINGS, Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_precedence_defaults_file_env(tmp_path: Path) -> None:
    cfg = tmp_path / "sitrep.toml"
    cfg.write_text('db = "from-file.db"\nworkers = 3\n')
    s = load_settings(cfg, environ={"SITREP_WORKERS": "1"})
    assert (s.db, s.workers, s.max_bytes) == ("from-file.db", 1, Settings().max_bytes)
    assert s.with_overrides(db="flag.db", workers=None).db == "flag.db"


def test_bad_values_are_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="'workers'"):
        load_settings(tmp_path / "none.toml", environ={"SITREP_WORKERS": "many"})
    cfg = tmp_path / "sitrep.toml"
    cfg.write_text("colour = 1\n")
    with pytest.raises(ConfigError, match="unknown settings"):
        load_settings(cfg, environ={})


def test_every_setting_is_declared_and_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert {s.name for s in SETTINGS} == set(Settings.__dataclass_fields__)
    for s in SETTINGS:
        assert s.default == getattr(Settings(), s.name)
        assert f"`{s.name}`" in readme, f"setting {s.name} is not documented in README.md"
