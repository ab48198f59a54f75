"""Docs that cannot drift: the README's quickstart, tour and CI agree with the code."""

from __future__ import annotations

import re
from pathlib import Path

from sitrep.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quickstart_is_the_two_make_commands_and_ci_runs_the_same() -> None:
    block = re.search(r"## Quickstart\s+```sh\n(.*?)```", README, re.S)
    assert block, "README has no quickstart block"
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_every_command_in_the_tour_exists() -> None:
    known = {c.name or c.callback.__name__ for c in app.registered_commands}
    tour = re.search(r"## A short tour of the CLI\s+```sh\n(.*?)```", README, re.S).group(1)
    used = {m.group(1) for m in re.finditer(r"^sitrep (?:--db \S+ )?([a-z]+)", tour, re.M)}
    assert used and used <= known, used - known
    assert known <= used | {"documents"}, f"commands missing from the tour: {known - used}"
