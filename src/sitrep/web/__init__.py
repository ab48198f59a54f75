"""The web workbench: server-rendered pages and a JSON API over a sitrep store, read-only, offline.

- ``create_app(db_path, *, token=None) -> FastAPI``
- ``serve(db, host="127.0.0.1", port=8000, token=None)`` (``db``: a path or ``Settings``)

FastAPI, uvicorn and Jinja2 are imported when these are called, not when ``sitrep.web`` is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from sitrep.settings import Settings

__all__ = ["create_app", "serve"]


def create_app(db_path: str | Path, *, token: str | None = None) -> FastAPI:
    from sitrep.web.app import create_app as _create

    return _create(db_path, token=token)


def serve(
    db: Settings | str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None
) -> Any:
    from sitrep.web.app import serve as _serve

    return _serve(db, host=host, port=port, token=token)
