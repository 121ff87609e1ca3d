"""`create_app()`: the JSON API (/api/v1) and the web pages in one FastAPI application.

uvicorn --factory begroot.app:create_app      # or: begroot serve --db URL
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from functools import partial

import anyio.to_thread
from fastapi import Depends, FastAPI
from fastapi.exceptions import RequestValidationError
from sqlalchemy import Engine
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .api import router
from .api.cache import Counts, DocumentSet, ResponseCache
from .api.guard import HeadAsGet, OneHost, refuse_control_characters, trusted_hosts
from .api.responses import http_error, validation_error
from .store import default_url, queries
from .store.store import open_database

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
    """Read-only: the database must exist already (the server never creates one, nor its folder); a SQLite
    file is opened read-only (immutable on read-only media); one with an older schema is brought up to
    date first when it can be written. Problems (missing, not a database, a newer schema, another
    application's tables, unreachable) are one-line DatabaseErrors."""
    return open_database(url or default_url(), create=not read_only, read_only=read_only)


ALLOWED_HOSTS_ENV = "BEGROOT_ALLOWED_HOSTS"  # how `serve --workers` tells its worker processes
REVIEW_TOKEN_ENV = "BEGROOT_REVIEW_TOKEN_FILE"
THREADS_ENV = "BEGROOT_THREADS"
# Threads per process for the routes (they query the database). On SQLite a request is CPU work in this
# process: more threads than cores only take turns at the GIL, and each turn costs (under load, 40 threads
# took ~30% more CPU per request and doubled the tail latency); two let a slow request leave room for
# the others. A server database's round trips are waits, which many threads overlap: anyio's default, 40.
SQLITE_THREADS = 2


def create_app(
    url: str | None = None,
    *,
    read_only: bool = True,
    allowed_hosts: Iterable[str] | None = None,
    threads: int | None = None,
    review_token: str | None = None,
) -> FastAPI:
    """The application; `allowed_hosts` are the Host names it answers to (DNS rebinding protection),
    by default the local names; `begroot serve` adds the host it listens on and --allowed-host.
    `threads`: how many requests run their queries at once (default: 2 on SQLite, 40 otherwise)."""
    from .web import install as install_web  # the pages import the API's patterns

    engine = open_engine(url, read_only)
    if threads is None and os.environ.get(THREADS_ENV):  # `serve --workers --threads`: set by the parent
        threads = int(os.environ[THREADS_ENV])
    if threads is None and engine.dialect.name == "sqlite":
        threads = SQLITE_THREADS
    app = FastAPI(
        lifespan=partial(_lifespan, threads=threads),
        title="begroot",
        summary="Flemish budget documents (BBT): documents, articles, facts, goals, audit findings.",
        version="1",
        docs_url=None,  # /api/docs is our own page: Swagger UI needs a CDN and inline scripts
        redoc_url=None,
        openapi_url="/api/openapi.json",
        dependencies=[Depends(refuse_control_characters)],
    )
    app.state.engine = engine
    app.state.read_only = read_only
    # Review in the browser (web/review.py): only with a token (`serve --review-token-file`); else read-only.
    if review_token is None and os.environ.get(REVIEW_TOKEN_ENV):  # `serve --workers`: set by the parent
        from .web.review import read_token

        review_token = read_token(os.environ[REVIEW_TOKEN_ENV])
    app.state.review_token = review_token
    app.state.review_url = url
    app.state.pages_on_loop = engine.dialect.name == "sqlite"  # api/routes.py `one_page`
    documents = DocumentSet(partial(_signature, engine))  # looked up by the response cache
    app.state.documents = documents  # the streamed CSV's ETag
    app.state.counts = Counts(documents)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.include_router(router)
    install_web(app)
    # The middleware added last runs first: the security headers wrap cache hits too, and
    # HEAD is answered as GET without a body by everything below it, the cache included.
    app.add_middleware(ResponseCache, version=documents)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)
    if allowed_hosts is None and os.environ.get(ALLOWED_HOSTS_ENV):  # `serve --workers`: set by the parent
        allowed_hosts = os.environ[ALLOWED_HOSTS_ENV].split(",")
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=trusted_hosts(allowed_hosts))
    app.add_middleware(OneHost)  # outermost: before any check reads a Host header
    return app


@asynccontextmanager
async def _lifespan(_app: FastAPI, threads: int | None) -> AsyncIterator[None]:
    """Sizes the thread pool of this process's event loop (made with the loop, so set here)."""
    if threads is not None:
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
    yield


def _signature(engine: Engine) -> tuple[str, ...]:
    with engine.connect() as connection:
        return queries.signature(connection)
