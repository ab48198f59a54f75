"""Store: migrations, transactional writes, FTS, and a hypothesis round trip store → export."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep import query
from sitrep.errors import StoreError
from sitrep.records import Article, Document, Extraction, Span
from sitrep.store import Store


def _doc(i: int, text: str) -> Extraction:
    doc = Document(id=f"doc_{i}", source_id=f"s{i}", origin=f"f{i}.txt", raw=text)
    art = Article(
        document_id=doc.id, index=0, text=text, title=f"title {i}", offsets=(Span(0, 0, len(text)),)
    )
    return Extraction(document=doc, articles=(art,))


def test_migrations_are_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    Store(path).close()
    with Store(path) as store:
        assert store.version >= 1
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_failed_batch_leaves_nothing_half_written(tmp_path: Path) -> None:
    store = Store(tmp_path / "kb.db")
    store.write([_doc(1, "The Haqqani network was blamed.")])
    broken = _doc(2, "second")
    bad_article = Article(document_id="doc_2", index=0, text="duplicate index")
    with pytest.raises(StoreError, match="cannot write"):
        store.write(
            [
                broken,
                Extraction(
                    document=Document(id="doc_3", source_id="s3", origin="x", raw="x"),
                    articles=(bad_article,),
                ),
            ]
        )
    ids = {r[0] for r in store.conn.execute("SELECT id FROM documents")}
    assert ids == {"doc_1"}
    assert query.status(store)["articles"] == 1


def test_search_finds_words_and_phrases_with_snippets() -> None:
    store = Store(":memory:")
    store.write(
        [
            _doc(1, "Officials blamed the Haqqani network for the attack in Kabul."),
            _doc(2, "The Taliban denied any role."),
        ]
    )
    [hit] = query.search(store, "haqqani")
    assert hit["document_id"] == "doc_1" and "«Haqqani»" in hit["snippet"]
    assert [h["document_id"] for h in query.search(store, '"Haqqani network" Kabul')] == ["doc_1"]
    assert query.search(store, "Haqqani Taliban") == []


def test_query_operators_are_not_syntax() -> None:
    store = Store(":memory:")
    store.write([_doc(1, "Militants AND gunmen NEAR the border.")])
    assert len(query.search(store, "AND NEAR")) == 1
    assert query.search(store, '" ( *') == []


def test_readonly_open_of_missing_db_names_the_fix(tmp_path: Path) -> None:
    from sitrep.errors import StoreError

    try:
        Store(tmp_path / "missing.db", readonly=True)
    except StoreError as exc:
        assert "sitrep ingest" in str(exc)
    else:
        raise AssertionError("expected StoreError")


def test_not_a_database(tmp_path: Path) -> None:
    from sitrep.errors import StoreError

    path = tmp_path / "junk.db"
    path.write_bytes(b"not sqlite" * 100)
    try:
        Store(path)
    except StoreError as exc:
        assert str(path) in str(exc)
    else:
        raise AssertionError("expected StoreError")


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(st.text(min_size=1, max_size=300))
def test_any_text_survives_store_and_export(text: str) -> None:
    store = Store(":memory:")
    store.write([_doc(7, text)])
    [row] = list(query.export_documents(store))
    assert row["articles"][0]["text"] == text
    assert row["status"] == "ok"


def test_a_discovered_group_keeps_the_evidence_of_every_sighting() -> None:
    from sitrep.records import Actor, Evidence

    store = Store(":memory:")
    group = Actor(
        id="discovered_x", name="Jund al-Example", kind="armed_group", source="discovered"
    )
    sightings = []
    for i in (1, 2):
        ex = _doc(i, f"A group called Jund al-Example claimed attack {i}.")
        ev = Evidence(ex.document.id, 0, 15, 31, "Jund al-Example")
        sightings.append(ev)
        store.write(
            [Extraction(document=ex.document, articles=ex.articles, discovered=((group, ev),))]
        )
    [row] = [r for r in query.actors(store) if r["id"] == "discovered_x"]
    assert row["source"] == "discovered"
    profile = query.actor_profile(store, "discovered_x")
    assert [e["document_id"] for e in profile["evidence"]] == ["doc_1", "doc_2"]


def test_an_articles_genre_is_stored_and_an_older_store_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    with Store(path) as store:
        # a store written before version 3 had no genre column
        store.conn.executescript("ALTER TABLE articles DROP COLUMN genre; PRAGMA user_version = 2;")
    with Store(path) as store:
        assert store.version >= 3
        doc = Document(id="doc_op", source_id="s", origin="op.txt", raw="An opinion.")
        art = Article(document_id=doc.id, index=0, text="An opinion.", genre="opinion")
        store.write([Extraction(document=doc, articles=(art,)), _doc(2, "A news report.")])
        assert [a["genre"] for a in query.articles(store, "doc_op")] == ["opinion"]
        assert [a["genre"] for a in query.articles(store, "doc_2")] == [None]
