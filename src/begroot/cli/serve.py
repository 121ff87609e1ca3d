"""`begroot serve`: the JSON API and the web pages over HTTP (uvicorn)."""

from __future__ import annotations

import os

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
) -> None:
    """Serve the dashboard (/) and the read-only JSON API (/api/v1, docs at /api/docs)."""
    import uvicorn

    options = {"host": host, "port": port, "log_level": "warning", "access_log": False}
    if workers == 1:
        from ..app import create_app

        uvicorn.run(create_app(db), **options)  # type: ignore[arg-type]
        return
    # Several processes each build the app from an import string; the database travels in BEGROOT_DB.
    # Migrate once here first, so the workers do not all wait on the migration lock.
    from ..store import Store

    Store(db).close()
    if db:
        os.environ["BEGROOT_DB"] = db
    uvicorn.run("begroot.app:create_app", factory=True, workers=workers, **options)  # type: ignore[arg-type]
