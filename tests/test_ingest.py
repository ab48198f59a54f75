"""Ingest: every input kind, and every rejection reason with the file (and line) named."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sitrep.ingest import IngestOptions, content_id, read_inputs

OPTS = IngestOptions()
ENGLISH = (
    "Gunmen attacked a police checkpoint in the northern province on Friday, killing at least "
    "six officers, a provincial spokesman said. No group has claimed responsibility for the attack."
)
FRENCH = (
    "Des hommes armés ont attaqué un poste de police dans la province du nord vendredi, tuant au "
    "moins six policiers, a déclaré un porte-parole provincial. Aucun groupe n'a revendiqué l'attaque."
)


def docs(*paths: Path | str, opts: IngestOptions = OPTS, stdin: bytes = b"") -> list:
    return list(read_inputs([str(p) for p in paths], opts, stdin=io.BytesIO(stdin)))


def test_plain_text_markdown_and_html(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "# Report\n\n" + ENGLISH.replace("six", "seven"), encoding="utf-8"
    )
    (tmp_path / "c.html").write_text(
        f"<html><body><p>{ENGLISH.replace('six', 'eight')}</p></body></html>"
    )
    found = docs(tmp_path)
    assert [d.status for d in found] == ["ok", "ok", "ok"]
    assert [d.content_type for d in found] == ["text", "text", "html"]
    assert found[0].source_id == str(tmp_path / "a.txt")


def test_same_content_same_id_whatever_the_whitespace() -> None:
    assert content_id(ENGLISH) == content_id("  " + ENGLISH.replace(" ", " ") + "\r\n\n")
    assert content_id(ENGLISH) != content_id(ENGLISH + " More.")


def test_jsonl_records_keep_caller_id_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {
                "id": "r1",
                "url": "https://example.org/2023/06/10/x",
                "title": "T",
                "published": "2023-06-10",
                "text": ENGLISH,
            }
        ),
        json.dumps({"doc_id": "r2", "html": f"<p>{ENGLISH.replace('six', 'nine')}</p>"}),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    first, second = docs(path)
    assert (first.source_id, first.url, first.title, first.published) == (
        "r1",
        "https://example.org/2023/06/10/x",
        "T",
        "2023-06-10",
    )
    assert first.origin == f"{path}:1"
    assert (second.source_id, second.content_type) == ("r2", "html")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n ", "empty"),
        ("image.png", bytes(range(256)) * 8, "binary content, not text"),
        ("french.txt", FRENCH.encode(), "not English (detected language 'fr'"),
    ],
)
def test_rejections_name_the_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(content)
    [doc] = docs(tmp_path / name)
    assert doc.status == "rejected"
    assert doc.error.startswith(reason)
    assert doc.origin == str(tmp_path / name)


def test_too_large(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(ENGLISH * 10, encoding="utf-8")
    [doc] = docs(tmp_path / "big.txt", opts=IngestOptions(max_bytes=100))
    assert doc.status == "rejected" and doc.error.startswith("too large (")


def test_latin1_is_decoded_not_rejected(tmp_path: Path) -> None:
    text = ENGLISH.replace("spokesman", "spokesman José Muñoz")
    (tmp_path / "latin1.txt").write_bytes(text.encode("latin-1"))
    [doc] = docs(tmp_path / "latin1.txt")
    assert doc.status == "ok"
    assert "José Muñoz" in doc.raw


def test_malformed_jsonl_line_is_named_and_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"id": "ok1", "text": ENGLISH}) + '\n{"id": "bad", "text": \n', encoding="utf-8"
    )
    good, bad = docs(path)
    assert good.status == "ok"
    assert bad.status == "rejected" and bad.origin == f"{path}:2"
    assert bad.error.startswith("malformed JSON on line 2")


def test_jsonl_record_without_text(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "x", "title": "no body"}) + "\n", encoding="utf-8")
    [doc] = docs(path)
    assert doc.error == "record on line 1 has no 'text' or 'html' string"
    assert doc.source_id == "x"


def test_missing_path() -> None:
    [doc] = docs("/nonexistent/file.txt")
    assert doc.error == "no such file or folder"


def test_stdin_text_and_jsonl() -> None:
    [doc] = docs("-", stdin=ENGLISH.encode())
    assert doc.status == "ok" and doc.origin == "<stdin>"
    recs = (
        json.dumps({"id": "a", "text": ENGLISH})
        + "\n"
        + json.dumps({"id": "b", "text": ENGLISH + " Again."})
    ).encode()
    assert [d.source_id for d in docs("-", stdin=recs)] == ["a", "b"]


def _warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["pages.warc", "pages.warc.gz"])
def test_warc_html_responses(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _warc(
        path,
        [
            ("https://example.org/a", f"<html><body><p>{ENGLISH}</p></body></html>"),
            ("https://example.org/b", f"<html><body><p>{ENGLISH} Two.</p></body></html>"),
        ],
    )
    found = docs(path)
    assert [(d.status, d.url, d.content_type) for d in found] == [
        ("ok", "https://example.org/a", "html"),
        ("ok", "https://example.org/b", "html"),
    ]


def test_broken_warc_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_text("this is not a warc file at all " * 20)
    [doc] = docs(path)
    assert doc.status == "rejected" and "WARC" in doc.error


_COMMENTS_HI = (
    "टिप्पणियाँ (3)\n"
    "सुरेश वर्मा: बहुत दुखद खबर है, भगवान उनकी आत्मा को शांति दे।\n"
    "प्रिया: सरकार को सख्त कदम उठाने चाहिए, यह हमला बहुत शर्मनाक है।\n"
    "Kofi A: They say six but my uncle says twenty officers died there.\n"
)
_STORY_HI = (
    "उत्तरी प्रांत में शुक्रवार को बंदूकधारियों ने एक पुलिस चौकी पर हमला किया, जिसमें कम से कम छह "
    "पुलिसकर्मी मारे गए, एक प्रांतीय प्रवक्ता ने कहा। किसी भी समूह ने हमले की जिम्मेदारी नहीं ली है।"
)


def test_an_english_report_under_foreign_comments_is_judged_on_its_article(tmp_path: Path) -> None:
    # the Hindi comment thread outweighs the short English report on the raw page
    (tmp_path / "en.txt").write_text(ENGLISH + "\n\n" + _COMMENTS_HI, encoding="utf-8")
    # a Hindi report stays rejected, with an English comment under it or not
    (tmp_path / "hi.txt").write_text(
        _STORY_HI + "\n\nComments (1)\nKofi A: They say six but my uncle says twenty officers "
        "died there, and nobody counts them.\n",
        encoding="utf-8",
    )
    (tmp_path / "hi2.txt").write_text(_STORY_HI, encoding="utf-8")
    en, hi, hi2 = docs(tmp_path / "en.txt", tmp_path / "hi.txt", tmp_path / "hi2.txt")
    assert en.status != "rejected" and en.raw.startswith("Gunmen attacked")
    for doc in (hi, hi2):
        assert doc.status == "rejected"
        assert doc.error.startswith("not English (detected language 'hi'")
