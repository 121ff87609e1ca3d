"""`begroot serve`: the JSON API and the web pages over HTTP (uvicorn)."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from . import app
from .store import DB_OPTION


@app.command()
def serve(
    db: str | None = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (default: this machine only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    workers: int = typer.Option(
        1, "--workers", "-w", min=1, help="Server processes (requests that miss the cache are CPU work: one per core)."
    ),
    threads: int | None = typer.Option(
        None,
        "--threads",
        min=1,
        help="Requests querying the database at once, per process (default: 2 on SQLite, where a query is "
        "CPU work in the process; 40 on PostgreSQL, where it is mostly waiting).",
    ),
    allowed_host: list[str] = typer.Option(
        None,
        "--allowed-host",
        help="Another Host name the server answers to (repeatable); by default only the listening host, "
        "localhost and 127.0.0.1, against DNS rebinding.",
    ),
    review_token_file: str | None = typer.Option(
        None,
        "--review-token-file",
        help="Enable reviewing findings in the browser for whoever presents the token in FILE (a login form, "
        "then a cookie); without it the server is read-only.",
    ),
) -> None:
    """Serve the dashboard (/) and the read-only JSON API (/api/v1, docs at /api/docs).

    The database must exist (`begroot ingest` makes it); the server never creates or changes one.
    """
    import uvicorn

    from ..api.protocol import TargetHostProtocol
    from ..app import ALLOWED_HOSTS_ENV, REVIEW_TOKEN_ENV, THREADS_ENV, create_app
    from ..web.review import read_token

    hosts = [host, *(allowed_host or [])]
    token = read_token(review_token_file) if review_token_file else None  # a bad file: one line
    # TargetHostProtocol: an absolute-form target's host is the one checked against the trusted names.
    options = {"host": host, "port": port, "log_level": "warning", "access_log": False, "http": TargetHostProtocol}
    # DatabaseError (missing, not a database...): one line
    application = create_app(db, allowed_hosts=hosts, threads=threads, review_token=token)
    if workers == 1:
        uvicorn.run(application, **options)  # type: ignore[arg-type]
        return
    # Several processes each build the app from an import string; the database and the trusted hosts travel
    # in the environment. The app built above has checked (and, for an older schema, migrated) the database.
    if db:
        os.environ["BEGROOT_DB"] = db
    os.environ[ALLOWED_HOSTS_ENV] = ",".join(hosts)
    if threads:
        os.environ[THREADS_ENV] = str(threads)
    if review_token_file:
        os.environ[REVIEW_TOKEN_ENV] = str(Path(review_token_file).resolve())
    uvicorn.run("begroot.app:create_app", factory=True, workers=workers, **options)  # type: ignore[arg-type]
