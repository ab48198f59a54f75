"""The workbench application: pages, the JSON API, static files and the safety headers.

Read-only: every request reads through a read-only SQLite connection. When a token is set,
every request must carry it: ``?token=`` once (the server answers with a cookie and drops the
token from the address), the cookie, or ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import hmac
import ipaddress
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.web import api, pages
from sitrep.web.common import StorePool
from sitrep.web.queries import EventFacts

HERE = Path(__file__).resolve().parent
COOKIE = "sitrep_token"
# No inline script anywhere: scripts only from this server's /static. Inline styles are refused
# too, except on /docs, whose Swagger UI sets style attributes at run time.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


def _templates() -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("sitrep.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = lambda v: "" if v is None else f"{v:,}"
    env.filters["label"] = lambda v: (v or "").replace("_", " ")
    return Jinja2Templates(env=env)


def create_app(db_path: str | Path, *, token: str | None = None) -> FastAPI:
    """The workbench over the store at ``db_path`` (opened read-only; it must exist)."""
    Store(db_path, readonly=True).close()  # fail now, with the store's message, not per request
    stores = StorePool(str(db_path))
    facts = EventFacts(str(db_path))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()
        facts.close()

    app = FastAPI(
        lifespan=lifespan,
        title="sitrep",
        summary="Events, actors, claims and relations extracted from news reports, with sources.",
        docs_url=None,  # FastAPI's own page loads Swagger UI from a CDN; see pages.docs
        redoc_url=None,
    )
    app.state.stores = stores
    app.state.facts = facts
    app.state.templates = _templates()
    app.state.token = token or None
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.middleware("http")(_guard)
    return app


def _secure(response: Response, path: str) -> Response:
    response.headers["Content-Security-Policy"] = CSP_DOCS if path == "/docs" else CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    return response


def _same(given: str | None, token: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode(), token.encode())


async def _guard(request: Request, call_next):
    token = request.app.state.token
    path = request.url.path
    if token:
        offered = request.query_params.get("token")
        if offered is not None:
            if not _same(offered, token):
                return _secure(PlainTextResponse("wrong token", status_code=401), path)
            if not path.startswith("/api/"):
                # keep the token out of the address bar, history and logs: cookie and redirect
                url = request.url.remove_query_params("token")
                response = RedirectResponse(url.path + (f"?{url.query}" if url.query else ""), 303)
                response.set_cookie(COOKIE, token, httponly=True, samesite="strict")
                return _secure(response, path)
        else:
            auth = request.headers.get("authorization", "")
            bearer = auth[7:] if auth.lower().startswith("bearer ") else None
            if not (_same(bearer, token) or _same(request.cookies.get(COOKIE), token)):
                message = "this sitrep server needs a token: open it once with ?token=TOKEN"
                return _secure(PlainTextResponse(message, status_code=401), path)
    response = await call_next(request)
    return _secure(response, path)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    db: Settings | str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
) -> None:
    """Run the workbench with uvicorn until interrupted. ``db`` is a store path or Settings
    (whose ``db`` and ``token`` are used; an explicit ``token`` wins)."""
    import uvicorn

    if isinstance(db, Settings):
        token = token or db.token or None
        db = db.db
    if not is_loopback(host):
        print(
            f"warning: serving on {host}, reachable from other machines"
            + ("" if token else "; anyone who reaches it can read the store (set a token)"),
            file=sys.stderr,
        )
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="info")
