"""The CLI on exact output and exit codes: every rejection reason, duplicates, search, show, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app

runner = CliRunner()
GOOD = (
    "Gunmen stormed a police station in Jalalabad on Sunday, killing at least four officers, the "
    "provincial governor's spokesman said. The Islamic State group claimed responsibility for the "
    "attack in a statement on its Amaq news agency."
)
FRENCH = (
    "Des hommes armés ont attaqué un poste de police dans la province du nord vendredi, tuant au "
    "moins six policiers, a déclaré un porte-parole provincial. Aucun groupe n'a revendiqué l'attaque."
)


def sitrep(db: Path, *args: str, stdin: str | None = None):
    return runner.invoke(app, ["--db", str(db), *args], input=stdin)


@pytest.fixture()
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(
        GOOD.replace("spokesman", "spokesman, Ata Ullah Khogyani,")
        .replace("four", "five")
        .encode("latin-1")
    )
    (folder / "records.jsonl").write_text(
        json.dumps({"id": "good-1", "text": GOOD.replace("four", "six")}) + "\n{broken\n",
        encoding="utf-8",
    )
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def test_bad_inputs_are_named_the_rest_stored_exit_1(tmp_path: Path, bad_folder: Path) -> None:
    db = tmp_path / "kb.db"
    result = sitrep(db, "ingest", str(bad_folder), "--workers", "1")
    assert result.exit_code == 1, result.output
    rejected = sorted(line for line in result.stderr.splitlines() if line.startswith("rejected: "))
    assert rejected == sorted(
        [
            f"rejected: {bad_folder / 'binary.bin'}: binary content, not text",
            f"rejected: {bad_folder / 'empty.txt'}: empty",
            f"rejected: {bad_folder / 'french.txt'}: not English (detected language 'fr', probability 1.00)",
            f"rejected: {bad_folder / 'records.jsonl'}:2: malformed JSON on line 2: Expecting property name enclosed in double quotes (column 2)",
        ]
    )
    assert "ingested 3 / duplicates 0 / rejected 4" in result.stdout

    status = sitrep(db, "status", "--format", "json")
    assert status.exit_code == 0
    data = json.loads(status.stdout)
    assert (data["documents"], data["rejected"]) == (3, 4)
    assert {r["error"].split(" (")[0].split(":")[0] for r in data["rejected_inputs"]} == {
        "binary content, not text",
        "empty",
        "not English",
        "malformed JSON on line 2",
    }

    again = sitrep(
        db, "ingest", str(bad_folder / "good.txt"), str(bad_folder / "latin1.txt"), "--workers", "1"
    )
    assert again.exit_code == 0
    assert "ingested 0 / duplicates 2 / rejected 0" in again.stdout


def test_too_large_input_names_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "big.txt").write_text(GOOD * 3, encoding="utf-8")
    monkeypatch.setenv("SITREP_MAX_BYTES", "200")
    result = sitrep(tmp_path / "kb.db", "ingest", str(tmp_path / "big.txt"), "--workers", "1")
    assert result.exit_code == 1
    size = (tmp_path / "big.txt").stat().st_size
    assert result.stderr == (
        f"rejected: {tmp_path / 'big.txt'}: too large ({size:,} bytes; the limit is 200, setting max_bytes)\n"
    )


def test_missing_db_for_readers_and_usage_errors(tmp_path: Path) -> None:
    result = sitrep(tmp_path / "none.db", "show", "whatever")
    assert result.exit_code == 2
    assert (
        sitrep(tmp_path / "x.db", "export", "--out", str(tmp_path), "--format", "xml").exit_code
        == 2
    )
    assert runner.invoke(app, ["ingest"]).exit_code == 2


def test_every_command_help_has_an_example() -> None:
    commands = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert {"ingest", "status", "search", "export", "show"} <= set(commands)
    for name in commands:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0
        assert "Example: sitrep" in result.stdout, name


def test_ingest_stdin_search_show_export(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    assert sitrep(db, "ingest", "-", "--workers", "1", stdin=GOOD).exit_code == 0
    found = sitrep(db, "search", "Amaq", "--format", "json")
    [hit] = json.loads(found.stdout)
    assert "«Amaq»" in hit["snippet"]
    shown = sitrep(db, "show", hit["document_id"], "--removed")
    assert shown.exit_code == 0 and "Islamic State group claimed responsibility" in shown.stdout
    out = tmp_path / "export"
    exported = sitrep(db, "export", "--format", "jsonl", "--out", str(out))
    assert exported.exit_code == 0
    [row] = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    assert row["status"] == "ok" and row["source_id"] == "<stdin>"
    assert "Amaq" in row["articles"][0]["text"]


def test_seed_corpus_twice_stores_five(tmp_path: Path, shared_dir: Path) -> None:
    db = tmp_path / "kb.db"
    seeds = shared_dir / "corpus/seeds/documents.jsonl"
    first = sitrep(db, "ingest", str(seeds), "--workers", "1", "--quiet")
    second = sitrep(db, "ingest", str(seeds), "--workers", "1")
    assert (first.exit_code, second.exit_code) == (0, 0)
    assert first.stdout == ""
    assert "ingested 0 / duplicates 5 / rejected 0" in second.stdout
    data = json.loads(sitrep(db, "status", "--format", "json").stdout)
    assert data["documents"] == 5


def test_a_branch_only_suspected_by_analysts_does_not_take_its_parents_claim(
    tmp_path: Path,
) -> None:
    """IS claims through Amaq; analysts say the raid "bore the hallmarks" of its Sahel branch.
    The branch is a suspect, and the claim stays the parent's once the event is stored (it used
    to become the branch's claim). The army post's village, which the gazetteer lacks, is the
    place, in the dateline's country but not the dateline's province."""
    records = tmp_path / "raid.jsonl"
    text = (
        "BAMAKO — Gunmen attacked an army post at Tabankort on Friday, killing 17 soldiers, the "
        "defence ministry said. The Islamic State claimed the raid through Amaq. Analysts said it "
        "bore the hallmarks of the Islamic State in the Greater Sahara, which has been active "
        "around Ansongo for years."
    )
    records.write_text(json.dumps({"id": "raid", "published": "2020-01-11", "text": text}) + "\n")
    db = tmp_path / "kb.db"
    assert sitrep(db, "ingest", str(records), "--workers", "1").exit_code == 0
    [event] = json.loads(sitrep(db, "events", "--format", "json").stdout)
    assert event["claimed_by"] == ["Islamic State"]
    assert {p["name"]: p["basis"] for p in event["perpetrators"]} == {
        "Islamic State": "claimed",
        "Islamic State in the Greater Sahara": "suspected",
    }
    loc = event["location"]
    assert (loc["country"], loc["admin1"], loc["place"]) == ("ML", None, "Tabankort")


def test_an_undated_page_is_shown_with_the_day_its_event_gives_it(tmp_path: Path) -> None:
    """Two outlets on one prison attack; the page without a date says only "late on Sunday".
    `sitrep event` shows that page's report on the event's Sunday, beside its words."""
    records = tmp_path / "prison.jsonl"
    dated = (
        "Gunmen stormed the central prison in Jalalabad on Sunday, killing at least 21 people, "
        "provincial officials said. The Islamic State group claimed the attack on the prison."
    )
    undated = (
        "Islamic State fighters attacked the central prison in Jalalabad late on Sunday, killing "
        "at least 21 people, a spokesman for the provincial governor said."
    )
    records.write_text(
        json.dumps({"id": "dated", "published": "2020-08-03", "text": dated})
        + "\n"
        + json.dumps({"id": "undated", "text": undated})
        + "\n"
    )
    db = tmp_path / "kb.db"
    assert sitrep(db, "ingest", str(records), "--workers", "1").exit_code == 0
    [event] = json.loads(sitrep(db, "events", "--format", "json").stdout)
    assert (event["date"], len(event["documents"])) == ("2020-08-02", 2)
    shown = sitrep(db, "event", event["id"], "--format", "json")
    [data] = json.loads(shown.stdout)
    dates = {r["source_id"]: (r["date"], r["date_clue"]) for r in data["reports"]}
    assert dates == {"dated": ("2020-08-02", None), "undated": ("2020-08-02", "late on Sunday")}
    # the table wraps its cells to the terminal's width: only its rendering is checked here
    assert sitrep(db, "event", event["id"]).exit_code == 0
