"""Inputs → Documents.

Reads files and folders (recursively), JSONL/NDJSON records, WARC archives and stdin, and yields one
:class:`~sitrep.records.Document` per input record. Bad input never raises: it becomes a Document
with ``status="rejected"`` and a reason that names what is wrong, so the batch goes on and the
rejection is stored and reported.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO

from sitrep.records import Document

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = (".warc", ".warc.gz")
MIN_WORDS_FOR_LANGUAGE = 12  # shorter texts are too short for a reliable language guess
LANGUAGE_SAMPLE = 6000  # characters; more changes no decision on news text and costs time

WESTERN = ("cp1252", "latin_1", "iso8859_15")
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class IngestOptions:
    max_bytes: int = 20_000_000
    min_english: float = 0.5


def normalise(text: str) -> str:
    """The form a document's id is computed from: NFC, unified newlines, trimmed lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def content_id(text: str) -> str:
    return "doc_" + hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:20]


def _rejected(origin: str, reason: str, payload: bytes, source_id: str | None = None) -> Document:
    digest = hashlib.sha256(origin.encode("utf-8") + b"\0" + payload).hexdigest()[:20]
    return Document(
        id="rej_" + digest,
        source_id=source_id or origin,
        origin=origin,
        raw="",
        status="rejected",
        error=reason,
    )


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\0" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > max(4, len(sample) // 50)


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason). UTF-8 first, then a detected encoding."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        first_error = exc
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return (
            None,
            f"not valid UTF-8 ({first_error.reason} at byte {first_error.start}) and no other encoding detected",
        )
    # Western-European encodings are by far the likeliest for English news; prefer them whenever
    # the detector finds them about as plausible as its first choice.
    best = matches[0]
    for m in matches:
        if m.encoding in WESTERN and m.chaos <= best.chaos + 0.05:
            best = m
            break
    return str(best), None


@cache
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


_TAGS = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.DOTALL | re.IGNORECASE)


def language_problem(text: str, is_html: bool, min_english: float) -> str | None:
    """A rejection reason when the text is not English, else None."""
    plain = _TAGS.sub(" ", text) if is_html else text
    if len(plain.split()) < MIN_WORDS_FOR_LANGUAGE:
        return None
    ident = _language_identifier()
    lang, prob = ident.classify(plain[:LANGUAGE_SAMPLE])
    if lang == "en":
        return None
    ranked = dict(ident.rank(plain[:LANGUAGE_SAMPLE]))
    if ranked.get("en", 0.0) >= min_english:
        return None
    return f"not English (detected language {lang!r}, probability {prob:.2f})"


@dataclass(frozen=True, slots=True)
class Meta:
    """What the caller said about a record (JSONL fields, the WARC target URI)."""

    source_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None


def _document(
    origin: str, data: bytes, opts: IngestOptions, *, html: bool | None = None, meta: Meta = Meta()
) -> Document:
    sid = meta.source_id
    if len(data) > opts.max_bytes:
        limit = f"the limit is {opts.max_bytes:,}, setting max_bytes"
        return _rejected(origin, f"too large ({len(data):,} bytes; {limit})", data[:4096], sid)
    if not data.strip():
        return _rejected(origin, "empty", data, sid)
    if _looks_binary(data):
        return _rejected(origin, "binary content, not text", data[:4096], sid)
    text, problem = decode(data)
    if text is None:
        return _rejected(origin, problem or "cannot decode", data[:4096], sid)
    return _text_document(origin, text, opts, html=html, meta=meta)


def _text_document(
    origin: str, text: str, opts: IngestOptions, *, html: bool | None = None, meta: Meta = Meta()
) -> Document:
    if not text.strip():
        return _rejected(origin, "empty", text.encode("utf-8"), meta.source_id)
    head = text.encode("utf-8", "ignore")[:512]
    is_html = bool(_HTML_START.match(head)) if html is None else html
    raw = normalise(text)
    doc = Document(
        id=content_id(raw),
        source_id=meta.source_id or origin,
        origin=origin,
        raw=raw,
        content_type="html" if is_html else "text",
        url=meta.url,
        title=meta.title,
        published=meta.published,
        publisher=meta.publisher,
    )
    problem = language_problem(text, is_html, opts.min_english)
    if problem and not _english_articles(doc, opts.min_english):
        return _rejected(origin, problem, text.encode("utf-8"), meta.source_id)
    return doc


def _english_articles(doc: Document, min_english: float) -> bool:
    """Whether the page's articles are English once cleaned: an English report under a comment
    thread or a menu in another language is judged on its own text. Only asked of pages the raw
    text rejects, so the cleaner's cost falls on them alone."""
    from sitrep.clean import clean_document

    text = "\n\n".join(a.text for a in clean_document(doc).articles)
    if len(text.split()) < MIN_WORDS_FOR_LANGUAGE:
        return False  # too little left to overrule the whole page
    return language_problem(text, False, min_english) is None


def _jsonl_records(origin: str, data: bytes, opts: IngestOptions) -> Iterator[Document]:
    text, problem = decode(data)
    if text is None:
        yield _rejected(origin, problem or "cannot decode", data[:4096])
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _rejected(
                where,
                f"malformed JSON on line {number}: {exc.msg} (column {exc.colno})",
                line.encode(),
            )
            continue
        if not isinstance(record, dict):
            yield _rejected(where, f"line {number} is not a JSON object", line.encode())
            continue
        sid = record.get("id", record.get("doc_id"))
        sid = str(sid) if sid is not None else where
        body, is_html = record.get("text"), False
        if not isinstance(body, str) or not body.strip():
            body, is_html = record.get("html"), True
        if not isinstance(body, str):
            yield _rejected(
                where, f"record on line {number} has no 'text' or 'html' string", line.encode(), sid
            )
            continue
        if len(body.encode("utf-8")) > opts.max_bytes:
            yield _rejected(
                where,
                f"record on line {number} is too large (limit {opts.max_bytes:,} bytes)",
                body[:4096].encode(),
                sid,
            )
            continue
        yield _text_document(
            where,
            body,
            opts,
            html=is_html or None,
            meta=Meta(
                source_id=sid,
                url=record.get("url"),
                title=record.get("title"),
                published=record.get("published"),
                publisher=record.get("publisher") or record.get("domain"),
            ),
        )


def _warc_records(origin: str, stream: BinaryIO, opts: IngestOptions) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = found = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if record.rec_type != "response":
                continue
            ctype = (
                record.http_headers.get_header("Content-Type") if record.http_headers else ""
            ) or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            body = record.content_stream().read()
            found += 1
            yield _document(
                f"{origin}#{number}",
                body,
                opts,
                html=True,
                meta=Meta(source_id=url or f"{origin}#{number}", url=url),
            )
    except (ArchiveLoadFailed, OSError, ValueError) as exc:
        yield _rejected(origin, f"not a readable WARC archive: {exc}", origin.encode())
        return
    if found == 0:
        what = "no HTML responses" if number else "no records"
        yield _rejected(origin, f"not a readable WARC archive: {what} found", origin.encode())


def read_path(path: Path, opts: IngestOptions) -> Iterator[Document]:
    """Every Document of one file (a JSONL or WARC file holds many)."""
    origin = str(path)
    name = path.name.lower()
    try:
        size = path.stat().st_size
        if name.endswith(WARC_SUFFIXES):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as fh:  # type: ignore[operator]
                yield from _warc_records(origin, fh, opts)
            return
        if size > opts.max_bytes and path.suffix.lower() not in JSONL_SUFFIXES:
            yield _rejected(
                origin,
                f"too large ({size:,} bytes; the limit is {opts.max_bytes:,}, setting max_bytes)",
                origin.encode(),
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield _rejected(origin, f"cannot read: {exc.strerror or exc}", origin.encode())
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_records(origin, data, opts)
    elif suffix in HTML_SUFFIXES:
        yield _document(origin, data, opts, html=True)
    else:
        yield _document(origin, data, opts, html=None)


def iter_files(paths: Iterable[str]) -> Iterator[Path | str]:
    """Files under the given paths, folders walked recursively in name order; "-" stands for stdin."""
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(
                    part.startswith(".") for part in child.relative_to(path).parts
                ):
                    yield child
        else:
            yield path


def read_inputs(
    paths: Iterable[str], opts: IngestOptions, stdin: BinaryIO | None = None
) -> Iterator[Document]:
    for item in iter_files(paths):
        if item == "-":
            data = (stdin or sys.stdin.buffer).read()
            if data.lstrip()[:1] == b"{":  # JSON records, one per line
                yield from _jsonl_records("<stdin>", data, opts)
            else:
                yield _document("<stdin>", data, opts)
        elif isinstance(item, Path) and not item.exists():
            yield _rejected(str(item), "no such file or folder", str(item).encode())
        else:
            yield from read_path(item, opts)  # type: ignore[arg-type]


__all__ = ["IngestOptions", "content_id", "normalise", "read_inputs"]
