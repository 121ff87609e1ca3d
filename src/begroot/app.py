"""`create_app()`: the JSON API (/api/v1) and the web pages in one FastAPI application.

uvicorn --factory begroot.app:create_app      # or: begroot serve --db URL
"""

from __future__ import annotations

from functools import partial

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from sqlalchemy import Engine
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .api import router
from .api.cache import ResponseCache
from .api.responses import http_error, validation_error
from .store import Store, default_url, queries
from .store.engine import make_engine
from .store.migrate import current_revision, head_revision

# Scripts and styles only from this server: no inline code, no CDN.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Adds the security headers to every response (a plain ASGI middleware: no per-request task overhead)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in SECURITY_HEADERS if name not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def open_engine(url: str | None, read_only: bool) -> Engine:
    """Read-only: connect without migrating a database that is current (nothing is written);
    a new or older database is brought to the current schema first, so that the pages can say
    'no documents yet' instead of failing on a missing table."""
    if read_only:
        engine = make_engine(url or default_url())
        if current_revision(engine) == head_revision():
            return engine
        engine.dispose()
    return Store(url).engine


def create_app(url: str | None = None, *, read_only: bool = True) -> FastAPI:
    from .web import install as install_web  # the pages import the API's patterns

    app = FastAPI(
        title="begroot",
        summary="Flemish budget documents (BBT): documents, articles, facts, goals, audit findings.",
        version="1",
        docs_url=None,  # /api/docs is our own page: Swagger UI needs a CDN and inline scripts
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.engine = open_engine(url, read_only)
    app.state.read_only = read_only
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.include_router(router)
    install_web(app)
    # The middleware added last runs first: the security headers wrap cache hits too.
    app.add_middleware(ResponseCache, version=partial(_signature, app.state.engine))
    app.add_middleware(SecurityHeaders)
    return app


def _signature(engine: Engine) -> tuple[str, ...]:
    with engine.connect() as connection:
        return queries.signature(connection)
