"""Shared fixtures. The shared corpora are read from ../shared (never copied); tests that need them
skip with a clear reason when that folder is absent."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check answers, not speed (speed targets live in bench/): hypothesis's default
# 200 ms deadline fails them at random on a loaded two-core machine, where a first call may load
# dateparser's tables.
settings.register_profile("sitrep", deadline=None)
settings.load_profile("sitrep")

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(
            f"shared corpus not found at {path} (set SITREP_SHARED or clone beside ../shared)"
        )
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return _need(SHARED)


def _jsonl(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


@pytest.fixture(scope="session")
def seed_records(shared_dir: Path) -> list[dict]:
    return _jsonl(_need(shared_dir / "corpus/seeds/documents.jsonl"))


@pytest.fixture(scope="session")
def dev_records(shared_dir: Path) -> list[dict]:
    return _jsonl(_need(shared_dir / "corpus/dev/documents.jsonl"))


@pytest.fixture(scope="session")
def seed_gold(shared_dir: Path) -> dict[str, list]:
    gold = _need(shared_dir / "corpus/seeds/gold")
    return {
        name: json.loads((gold / f"{name}.json").read_text(encoding="utf-8"))
        for name in ("segments", "gold_events", "gold_relations", "gold_docs")
    }


@pytest.fixture(scope="session")
def dev_gold(shared_dir: Path) -> dict[str, list]:
    dev = _need(shared_dir / "corpus/dev")
    return {
        name: json.loads((dev / f"{name}.json").read_text(encoding="utf-8"))
        for name in ("gold_events", "gold_docs")
    }


@pytest.fixture(scope="session")
def nlp():
    """The full sitrep pipeline (model + sitrep components), loaded once per test session."""
    from sitrep.pipeline import build_nlp
    from sitrep.settings import Settings

    return build_nlp(Settings())
